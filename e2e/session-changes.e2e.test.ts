// Issue 14, point 12: staff change a session (what it means for requests already made is said),
// cancel it (the effect read first, the reason mailed to each family), and see and postpone the
// day of the automatic selection — at a desk (1280 px) and on a phone.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, mailsTo } from '../apps/server/test/harness.ts';
import { confirmAction, desktopPage, expectAccessible, phonePage } from './support/browser.ts';
import {
  childWithPlace,
  login,
  transferFromAnotherDesk,
  useAppAndBrowser,
} from './support/fixture.ts';

const env = useAppAndBrowser(); // calendar: 2021-04-15
let activityId = '';
beforeAll(async () => {
  await createUser(env.app.db, {
    identifier: 'GEST-JE-SESSIONS',
    role: 'staff',
    sectors: ['jeunesse'],
  });
  const [activity] = await env.app.db.query<{ id: string }>(
    `INSERT INTO activities (title, sector, kind, cap_category, description, provider, published)
     VALUES ('Séjour montagne', 'jeunesse', 'caes', 'holidayCentreFrance', 'Randonnées.', '{"name":"Les Cimes"}', true)
     RETURNING id`,
  );
  activityId = activity?.id ?? '';
  // Closed yesterday, waiting for its selection: the automatic one runs on the 17th.
  await env.app.db.query(
    `INSERT INTO activity_sessions (activity_id, label, first_day, last_day, min_age, max_age, places, price_cents, closes_on, answer_by)
     VALUES ($1, 'Juin', '2021-06-07', '2021-06-12', 6, 17, 10, 40000, '2021-04-14', '2021-04-29')`,
    [activityId],
  );
});

/** A session open first come first served, and a family's confirmed place on it. */
async function sessionWithAPlace(label: string, identifier: string): Promise<string> {
  const [session] = await env.app.db.query<{ id: string }>(
    `INSERT INTO activity_sessions (activity_id, label, first_day, last_day, min_age, max_age, places, price_cents, closes_on, answer_by, allocated_at)
     VALUES ($1, $2, '2021-07-05', '2021-07-18', 6, 17, 10, 60000, '2021-04-01', '2021-04-16', now()) RETURNING id`,
    [activityId, label],
  );
  await childWithPlace(
    env.app,
    {
      identifier,
      email: `${identifier}@example.org`,
      taxIncomeEuros: 30_000,
      dependants: [{ relation: 'child', firstName: 'Lou', birthDate: '2011-06-06' }],
    },
    session?.id ?? '',
  );
  return session?.id ?? '';
}

describe.each([
  ['at a desk', desktopPage, 'IN-000861', '2021-04-20'],
  ['on a phone', phonePage, 'IN-000862', '2021-04-22'],
])(
  'changing what was published, %s',
  (_, open: (browser: Browser) => Promise<Page>, identifier, postponeTo) => {
    it('a session is changed, then cancelled with its effect read first and its reason mailed', async () => {
      const label = `Juillet ${identifier}`;
      const session = await sessionWithAPlace(label, identifier);
      const page = await open(env.browser);
      await login(page, env.app, 'GEST-JE-SESSIONS');
      await page.goto(`${env.app.url}/gestion/activites`);
      const item = page.locator('ul.sessions > li').filter({ hasText: label });
      await item.getByText('Ouverte').or(item.getByText('Places en premier arrivé')).waitFor();

      await item.getByText(`Modifier « ${label} »`).click();
      await item.getByText('Les demandes déjà faites gardent le prix de leur devis').waitFor();
      const price = item.getByLabel(`${label} — prix avant subvention (€)`);
      expect(await price.inputValue()).toBe('600');
      await price.fill('650');
      await item.getByRole('button', { name: 'Enregistrer les changements' }).click();
      await item.getByText('650,00 €').waitFor();
      await expectAccessible(page);
      // Saved again from the same form, which now stands on the revision it saved.
      await price.fill('660');
      await item.getByRole('button', { name: 'Enregistrer les changements' }).click();
      await item.getByText('660,00 €').waitFor();
      // Another gestionnaire saves meanwhile: this form's next change is refused, not written over.
      await env.app.db.query(
        'UPDATE activity_sessions SET revision = revision + 1 WHERE label = $1',
        [label],
      );
      await price.fill('670');
      await item.getByRole('button', { name: 'Enregistrer les changements' }).click();
      await item
        .getByRole('alert')
        .getByText(/^Cette session a été modifiée par quelqu’un d’autre/)
        .waitFor();
      expect(await item.getByText('660,00 €').count()).toBeGreaterThan(0);

      // The confirmation reads what the cancellation does; a transfer arrives from another desk
      // before it is confirmed: nothing is done, and the dialog opened again says the refund.
      await item.getByRole('button', { name: `Annuler la session « ${label} »` }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.getByText(/^1 place confirmée annulée sans frais.*avoir\.$/).waitFor();
      const [invoice] = await env.app.db.query<{ id: string }>(
        `SELECT i.id FROM invoices i JOIN registration_requests r ON r.id = i.registration_id
          WHERE r.placed_session_id = $1`,
        [session],
      );
      expect(await transferFromAnotherDesk(page, env.app, invoice?.id ?? '', 10_000)).toBe(201);
      await dialog
        .getByLabel('Motif de l’annulation (repris dans le courriel aux familles)')
        .fill('Travaux.');
      await dialog
        .getByRole('button', { name: 'Annuler la session et prévenir les familles' })
        .click();
      await page.getByText(/^Rien n’a été fait : l’annulation touche maintenant/).waitFor();
      await item.getByText('660,00 €').waitFor();
      await confirmAction(page, `Annuler la session « ${label} »`, {
        effect:
          /^1 place confirmée annulée sans frais.*, 100,00\s€ déjà versés seront remboursés\.$/,
        confirm: 'Annuler la session et prévenir les familles',
        reason: 'Le centre ferme pour travaux.',
      });
      await page
        .getByText(`La session « ${label} » est annulée et les familles prévenues`)
        .waitFor();
      await item.getByText('Annulée').waitFor();
      // Nothing more can be done with it.
      expect(await item.getByRole('button').count()).toBe(0);
      const mail = (await mailsTo(env.app.db, `${identifier}@example.org`)).at(-1);
      expect(mail?.subject).toContain('session annulée');
      expect(mail?.text).toContain('Motif : Le centre ferme pour travaux.');
      expect(mail?.text).toContain('Le secteur Jeunesse');
    });

    it('the day of the automatic selection is shown, and postponed at most to the answer promised', async () => {
      const page = await open(env.browser);
      await login(page, env.app, 'GEST-JE-SESSIONS');
      await page.goto(`${env.app.url}/gestion/selection`);
      await page.getByText('Sans action de votre part, cette sélection est appliquée').waitFor();
      const day = page.getByLabel('Reporter l’application automatique au');
      await day.fill('2021-05-10');
      await page.getByRole('button', { name: 'Reporter' }).click();
      await page
        .getByText('les familles attendent la réponse au plus tard le 29/04/2021')
        .waitFor();
      expect(await day.getAttribute('aria-invalid')).toBe('true');
      await day.fill(postponeTo);
      await page.getByRole('button', { name: 'Reporter' }).click();
      const [year, month, date] = postponeTo.split('-');
      await page
        .getByText(`appliquée automatiquement le ${date ?? ''}/${month ?? ''}/${year ?? ''}`)
        .waitFor();
      await expectAccessible(page);
    });
  },
);
