// Issue 14, point 12: the Fiche Agent review shows what changed since the Fiche last validated,
// and the documents in the page (pdf.js); Fiches that renew last year's unchanged are validated
// together — at a desk (1280 px) and on a phone.
import type { Browser, Page } from 'playwright-core';
import { of } from '../apps/web/src/messages/french.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createUser,
  householdWithRecord,
  PASSWORD,
  samplePdf,
} from '../apps/server/test/harness.ts';
import {
  confirmAction,
  desktopPage,
  expectAccessible,
  phonePage,
  plain,
} from './support/browser.ts';
import { login, useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser(); // calendar: 2021-04-15
beforeAll(async () => {
  await createUser(env.app.db, {
    identifier: 'GEST-FICHE-REVIEW',
    role: 'staff',
    sectors: ['fiche-agent'],
  });
});

/** A member whose Fiche 2021 was validated, then sent again with a new income and a newborn. */
async function changedRecord(identifier: string, firstName: string): Promise<void> {
  const memberId = await householdWithRecord(env.app.db, env.app.config, {
    identifier,
    firstName,
    taxIncomeEuros: 30_000,
    dependants: [{ relation: 'child', firstName: 'Léa', birthDate: '2012-03-04' }],
  });
  const member = new Client(env.app.url, env.app.db);
  await member.login(identifier, PASSWORD);
  const notice = await member.upload(
    '/api/me/documents?kind=taxNotice&name=avis-2021.pdf',
    await samplePdf('Avis d’imposition 2021'),
  );
  await env.app.db.query(
    `INSERT INTO agent_records (member_id, year, version, status, couple, tax_income_euros, dependants, document_ids, submitted_at)
     SELECT member_id, year, 2, 'submitted', couple, 27500,
            dependants || '[{"relation":"child","lastName":"Martin","firstName":"Tom","birthDate":"2021-01-20","sharedCustody":false,"disabled":false,"fiscallyDependent":true,"disabilityProofId":null}]'::jsonb,
            ARRAY[$2]::uuid[], now()
       FROM agent_records WHERE member_id = $1 AND version = 1`,
    [memberId, notice.json<{ id: string }>().id],
  );
}

describe.each([
  ['at a desk', desktopPage, 'IN-000881', 'Agathe'],
  ['on a phone', phonePage, 'IN-000882', 'Basile'],
])(
  'the Fiche Agent review, %s',
  (_, open: (browser: Browser) => Promise<Page>, identifier, firstName) => {
    it('shows what changed since the Fiche validated, and its documents in the page', async () => {
      await changedRecord(identifier, firstName);
      const page = await open(env.browser);
      await login(page, env.app, 'GEST-FICHE-REVIEW');
      await page.goto(`${env.app.url}/gestion/fiches`);
      await page.getByRole('button', { name: `${firstName} Martin` }).click();
      const changes = page.getByRole('table', {
        name: 'Changements depuis la Fiche 2021 validée (version 1)',
      });
      await changes.waitFor();
      const rows = await changes.locator('tbody tr').allTextContents();
      expect(rows.map((r) => plain(r))).toEqual([
        'Revenu fiscal de référence30 000,00 €27 500,00 €',
        'EnfantabsentTom Martin, naissance le 20/01/2021',
      ]);

      await page.getByText('Voir « avis-2021.pdf » ici').click();
      await page.getByRole('img', { name: 'avis-2021.pdf, page 1 sur 1' }).waitFor();
      // The page is drawn, not blank: some of its pixels are dark (the text).
      const inked = await page.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>('canvas.preview-page');
        const data = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
        let dark = 0;
        for (let i = 0; data && i < data.length; i += 4) if ((data[i] ?? 255) < 100) dark += 1;
        return dark;
      });
      expect(inked).toBeGreaterThan(50);
      await expectAccessible(page);
    });

    it('validates together the Fiches ticked, after a summary', async () => {
      const renewals = [`${identifier}1`, `${identifier}2`].map((id) =>
        id.replace('IN-000', 'IN-00'),
      );
      for (const [i, renewal] of renewals.entries()) {
        const memberId = await householdWithRecord(env.app.db, env.app.config, {
          identifier: renewal,
          firstName: `${firstName}${String(i)}`,
          taxIncomeEuros: 30_000,
          dependants: [],
        });
        await env.app.db.query(
          `INSERT INTO agent_records (member_id, year, version, status, couple, tax_income_euros, dependants, submitted_at)
           SELECT member_id, year, 2, 'submitted', couple, tax_income_euros, dependants, now()
             FROM agent_records WHERE member_id = $1 AND version = 1`,
          [memberId],
        );
      }
      const page = await open(env.browser);
      await login(page, env.app, 'GEST-FICHE-REVIEW');
      await page.goto(`${env.app.url}/gestion/fiches`);
      await page
        .getByLabel('Rechercher dans « Fiches, les plus anciennes d’abord »')
        .fill(firstName);
      for (const i of [0, 1]) {
        const row = page.getByRole('row', { name: new RegExp(`${firstName}${String(i)} Martin`) });
        // Changes « aucun », then what its tax notices say (none attached here).
        expect((await row.getByRole('cell').allTextContents()).slice(-2)).toEqual([
          'aucun',
          'pas d’avis joint',
        ]);
        await page.getByLabel(`Cocher la Fiche ${of(`${firstName}${String(i)}`)} Martin`).check();
      }
      await page.getByText('2 fiches cochées.').waitFor();
      await expectAccessible(page);
      await confirmAction(page, 'Valider les fiches cochées (2)', {
        effect: `${firstName}0 Martin — Fiche 2021 : aucun`,
        confirm: 'Valider ces fiches',
      });
      await page.getByText('2 fiches validées.').waitFor();
    });
  },
);
