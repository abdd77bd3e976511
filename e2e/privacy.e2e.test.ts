// The member's privacy pages: who read my file, my data, closing my account (issue 11).
import { describe, expect, it } from 'vitest';
import { createUser, householdWithRecord, samplePdf } from '../apps/server/test/harness.ts';
import { expectAccessible, phonePage } from './support/browser.ts';
import { login, useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser();

describe('privacy in the browser', () => {
  it('a member sees who read their tax notice, downloads their data and is asked to confirm closing', async () => {
    const memberId = await householdWithRecord(env.app.db, env.app.config, {
      identifier: 'IN-000901',
      taxIncomeEuros: 30_000,
      dependants: [],
    });
    await createUser(env.app.db, {
      identifier: 'GEST-FICHE',
      role: 'staff',
      sectors: ['fiche-agent'],
      firstName: 'Nadia',
      lastName: 'Gestion',
    });
    const page = await phonePage(env.browser);
    await login(page, env.app, 'IN-000901');
    const notice = await page.evaluate(
      async (pdf) => {
        const csrf = /entraide_csrf=([^;]*)/.exec(document.cookie)?.[1] ?? '';
        const answer = await fetch('/api/me/documents?kind=taxNotice&name=avis-2019.pdf', {
          method: 'POST',
          headers: { 'content-type': 'application/pdf', 'x-csrf-token': csrf },
          body: new Uint8Array(pdf),
        });
        return ((await answer.json()) as { id: string }).id;
      },
      [...(await samplePdf('Avis d’imposition 2019'))],
    );
    await env.app.db.query(
      'UPDATE agent_records SET document_ids = array_append(document_ids, $2::uuid) WHERE member_id = $1',
      [memberId, notice],
    );
    const staff = await phonePage(env.browser);
    await login(staff, env.app, 'GEST-FICHE');
    expect((await staff.request.get(`${env.app.url}/api/documents/${notice}`)).status()).toBe(200);

    await page.goto(`${env.app.url}/espace`);
    await page.getByRole('link', { name: 'Qui a consulté mon dossier' }).click();
    await page
      .getByText('Nadia Gestion (gestion fiche-agent) a consulté le document « avis-2019.pdf »')
      .waitFor();
    // When, in Paris time whatever the database server's zone or the browser's.
    const [read] = await env.app.db.query<{ shown: string }>(
      `SELECT to_char(created_at AT TIME ZONE 'Europe/Paris', 'DD/MM/YYYY "à" HH24 "h" MI') AS shown
         FROM audit_log WHERE action = 'document.read' AND subject_id = $1`,
      [memberId],
    );
    await page.getByText(read!.shown, { exact: true }).waitFor();
    await expectAccessible(page);

    await page.goto(`${env.app.url}/espace/mes-donnees`);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Télécharger mes données (ZIP)' }).click();
    expect((await download).suggestedFilename()).toBe('mes-donnees-IN-000901.zip');
    await page.getByRole('button', { name: 'Fermer mon compte…' }).click();
    await page.getByText('restent conservés 10 ans').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Fermer définitivement mon compte' }).click();
    await page.getByText('saisissez votre mot de passe').waitFor();
  });
});
