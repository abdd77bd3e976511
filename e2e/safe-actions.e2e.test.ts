// Issue 14, point 3: what cannot be undone asks first, says its effect, and a refusal needs its
// reason, which the mail quotes — at a desk (1280 px) and on a phone.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, householdWithRecord, mailsTo } from '../apps/server/test/harness.ts';
import { confirmAction, desktopPage, expectAccessible, phonePage } from './support/browser.ts';
import { login, useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser();
beforeAll(async () => {
  await createUser(env.app.db, {
    identifier: 'GEST-FICHE-SAFE',
    role: 'staff',
    sectors: ['fiche-agent'],
  });
  await householdWithRecord(env.app.db, env.app.config, {
    identifier: 'IN-000841',
    taxIncomeEuros: 30_000,
    dependants: [],
  });
});

const signUpRequest = (email: string, firstName: string) =>
  env.app.db.query(
    `INSERT INTO sign_up_requests (last_name, first_name, birth_date, email, couple, children)
     VALUES ('Aubry', $1, '1984-05-06', $2, false, '[{"firstName":"Inès","birthDate":"2015-02-03"}]')`,
    [firstName, email],
  );

describe.each([
  ['at a desk', desktopPage],
  ['on a phone', phonePage],
])('irreversible actions, %s', (_, open: (browser: typeof env.browser) => Promise<Page>) => {
  it('a sign-up refusal asks for its reason, and the mail quotes it', async () => {
    const email = `${_.replace(/\W/g, '')}@example.org`;
    await signUpRequest(email, 'Amélie');
    // Someone with this address already has an account: the queue warns of a likely duplicate.
    const known = _ === 'at a desk' ? 'IN-000842' : 'IN-000843';
    await createUser(env.app.db, { identifier: known, email });
    const staff = await open(env.browser);
    await login(staff, env.app, 'GEST-FICHE-SAFE');
    await staff.goto(`${env.app.url}/gestion/inscriptions`);
    // French with elision and plurals: "d’Amélie", "1 enfant", no "(e)".
    const card = staff.getByRole('row').filter({ hasText: email });
    expect(await card.textContent()).toContain('sans conjoint, 1 enfant');
    expect(await card.textContent()).not.toMatch(/\(e\)|\(s\)/);
    expect(await card.textContent()).toContain('Inès, naissance le 03/02/2015');
    expect(await card.getByRole('note').textContent()).toContain(
      `Doublon probable : même adresse électronique que le compte ${known}`,
    );
    await confirmAction(staff, 'Refuser la demande d’Amélie Aubry', {
      effect: 'reçoit un courriel qui cite le motif',
      confirm: 'Refuser et envoyer le courriel',
      reason: 'Nous ne trouvons pas votre nom parmi les agents.',
    });
    await staff.getByText('La demande d’Amélie Aubry est refusée.').waitFor();
    expect((await mailsTo(env.app.db, email)).at(-1)?.text).toContain(
      'Motif : Nous ne trouvons pas votre nom parmi les agents.',
    );
  });

  it('deleting a RIB says what it means for the subsidies, and Escape keeps it', async () => {
    const page = await open(env.browser);
    await login(page, env.app, 'IN-000841');
    await page.goto(`${env.app.url}/espace/rib`);
    await page.getByText('Aucun RIB enregistré.').waitFor();
    await page.getByLabel('Titulaire du compte').fill('Claire Martin');
    await page.getByLabel('IBAN').fill('FR7630006000011234567890189');
    await page.getByLabel('BIC').fill('AGRIFRPP882');
    await page.getByRole('button', { name: 'Ajouter le RIB' }).click();
    await page.getByText('RIB ajouté.').waitFor();
    await confirmAction(page, /^Supprimer le RIB /, {
      effect: 'C’était votre seul RIB : vos subventions accordées attendront',
      confirm: 'Supprimer ce RIB',
    });
    await page.getByText('RIB supprimé.').waitFor();
    await page.getByText('Aucun RIB enregistré.').waitFor();
    await expectAccessible(page);
  });
});
