// Issue 16, points 3 and 4, with ANTS's trust list installed (a test authority's): the member
// sees a verified notice that says otherwise than the income typed, side by side; the Fiche
// Agent staff find the Fiche by its verification status, read both figures and the tax numbers
// — at a desk (1280 px) and on a phone.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signAs, testAuthority, testSigner, testTrustList } from '@entraide/twoddoc/testing';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, createUser, PASSWORD, samplePdf } from '../apps/server/test/harness.ts';
import { dataMatrix, noticeText, pdfWith } from '../apps/server/test/tax-notice-fixtures.ts';
import { desktopPage, expectAccessible, phonePage, plain } from './support/browser.ts';
import { login, useAppAndBrowser } from './support/fixture.ts';

const authority = await testAuthority('FR99');
const signer = await testSigner(authority, '0001');
const trustListDir = mkdtempSync(join(tmpdir(), 'entraide-trust-'));
writeFileSync(
  join(trustListDir, 'trust-list.json'),
  JSON.stringify(testTrustList('FR99', authority, { '0001': signer })),
);
const env = useAppAndBrowser({ env: { TRUST_LIST_DIR: trustListDir } }); // calendar: 2021-04-15
beforeAll(async () => {
  await createUser(env.app.db, {
    identifier: 'GEST-AVIS',
    role: 'staff',
    sectors: ['fiche-agent'],
  });
});

/** The tax site's PDF of a genuine notice of the 2019 incomes. */
const notice = async (income: number) =>
  pdfWith(await dataMatrix(await signAs(signer, noticeText(2019, income))), 'png');

describe.each([
  ['at a desk', desktopPage, 'IN-000791', 'Chloé'],
  ['on a phone', phonePage, 'IN-000792', 'Denis'],
])(
  'a verified tax notice that differs from the income typed, %s',
  (_, open: (browser: Browser) => Promise<Page>, identifier, firstName) => {
    it('the member sees both figures; the staff find the Fiche by its status and read the tax numbers', async () => {
      await createUser(env.app.db, { identifier, firstName });
      const page = await open(env.browser);
      await login(page, env.app, identifier);
      await page.goto(`${env.app.url}/espace/fiche`);
      await page.getByRole('button', { name: '2. Revenus' }).click();
      await page.getByLabel('Lire mon avis d’impôt (PDF)').setInputFiles({
        name: 'avis.pdf',
        mimeType: 'application/pdf',
        buffer: await notice(32_500),
      });
      await page
        .getByText('Avis vérifié (code 2D-DOC signé par l’administration fiscale)')
        .waitFor();
      const income = page.getByLabel('Revenu fiscal de référence 2019 (€)');
      await expect.poll(() => income.inputValue()).toBe('32500');
      const sideBySide = page.getByRole('table', {
        name: 'Revenus saisis et lus sur les avis d’impôt',
      });
      expect(plain(await sideBySide.locator('tbody tr').textContent())).toBe(
        'Votre revenu fiscal de référence32 500 €32 500 €vérifié, identiques',
      );
      await income.fill('30000');
      expect(plain(await sideBySide.locator('tbody tr').textContent())).toBe(
        'Votre revenu fiscal de référence30 000 €32 500 €vérifié, différents',
      );
      await page.getByText('Le revenu saisi diffère de celui de l’avis').waitFor();
      await expectAccessible(page);

      // The member keeps 30 000 and sends the Fiche (through the API, as the page does).
      const member = new Client(env.app.url, env.app.db);
      await member.login(identifier, PASSWORD);
      const payslip = await member.upload(
        '/api/me/documents?kind=payslip&name=bulletin.pdf',
        await samplePdf('Bulletin de salaire'),
      );
      const { documents } = (await member.get('/api/me/documents')).json<{
        documents: { id: string }[];
      }>();
      expect(payslip.status).toBe(201);
      await member.put('/api/me/agent-records/2021', {
        couple: false,
        memberDisabled: false,
        taxIncomeEuros: 30_000,
        spouseTaxIncomeEuros: null,
        dependants: [],
        documentIds: documents.map((d) => d.id),
      });
      expect((await member.post('/api/me/agent-records/2021/submit')).status).toBe(200);

      const staff = await open(env.browser);
      await login(staff, env.app, 'GEST-AVIS');
      await staff.goto(`${env.app.url}/gestion/fiches`);
      await staff.getByLabel('Avis d’impôt').selectOption({ label: 'vérifié, mais différent' });
      const row = staff.getByRole('row', { name: new RegExp(`${firstName} Martin`) });
      await row.getByText('vérifié, mais différent').waitFor();
      await expectAccessible(staff);
      await staff.getByLabel('Avis d’impôt').selectOption({ label: 'vérifié et concordant' });
      await row.waitFor({ state: 'detached' });
      await staff.getByLabel('Avis d’impôt').selectOption({ label: 'Tous' });
      // The table's search finds it by its status too.
      await staff
        .getByLabel('Rechercher dans « Fiches, les plus anciennes d’abord »')
        .fill('mais différent');
      await row.waitFor();
      await staff.getByRole('button', { name: `${firstName} Martin` }).click();
      const review = staff.getByRole('table', {
        name: 'Revenus saisis et lus sur les avis d’impôt',
      });
      expect(plain(await review.locator('tbody tr').textContent())).toBe(
        'Votre revenu fiscal de référence30 000 €32 500 €vérifié, différents',
      );
      await staff.getByText('MARTIN CAMILLE, numéro fiscal 0123456789012').waitFor();
      await expectAccessible(staff);
    });
  },
);
