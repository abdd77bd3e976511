// Issue 14, point 12: the payments desk lists the balances to follow without a search first, as
// a table that sorts, searches and pages (TanStack Table); the claims queue approves several
// claims at once and the sign-up queue refuses several requests for one reason; the sectors'
// dashboards (point 17) — at a desk (1280 px) and on a phone.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createUser,
  festivalClaim,
  householdWithRecord,
  mailsTo,
  PASSWORD,
  uploadReceipt,
} from '../apps/server/test/harness.ts';
import {
  confirmAction,
  desktopPage,
  expectAccessible,
  phonePage,
  plain,
} from './support/browser.ts';
import { childWithPlace, login, useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser(); // calendar: 2021-04-15
const FAMILIES = 11;
beforeAll(async () => {
  await createUser(env.app.db, {
    identifier: 'GEST-JE-TABLES',
    role: 'staff',
    sectors: ['jeunesse'],
  });
  await createUser(env.app.db, { identifier: 'ADMIN-TABLES', role: 'admin' });
  await createUser(env.app.db, {
    identifier: 'GEST-FA-TABLES',
    role: 'staff',
    sectors: ['fiche-agent'],
  });
  await createUser(env.app.db, {
    identifier: 'GEST-LC-TABLES',
    role: 'staff',
    sectors: ['loisirs-culture'],
  });
  const [activity] = await env.app.db.query<{ id: string }>(
    `INSERT INTO activities (title, sector, kind, cap_category, description, provider, published)
     VALUES ('Séjour au lac', 'jeunesse', 'caes', 'holidayCentreFrance', 'Canoë.', '{"name":"Lac Vert"}', true)
     RETURNING id`,
  );
  const [session] = await env.app.db.query<{ id: string }>(
    `INSERT INTO activity_sessions (activity_id, label, first_day, last_day, min_age, max_age, places, price_cents, closes_on, answer_by, allocated_at)
     VALUES ($1, 'Juillet', '2021-07-05', '2021-07-18', 6, 17, 20, 60000, '2021-04-01', '2021-04-16', now()) RETURNING id`,
    [activity?.id],
  );
  // Eleven families, each with a place to pay; their incomes differ, so do their balances.
  for (let i = 0; i < FAMILIES; i += 1) {
    const identifier = `IN-0008${String(70 + i)}`;
    await childWithPlace(
      env.app,
      {
        identifier,
        taxIncomeEuros: 20_000 + i * 6_000,
        dependants: [{ relation: 'child', firstName: 'Noé', birthDate: '2011-06-06' }],
      },
      session?.id ?? '',
    );
  }
});

/** The amounts of the table's "Reste à payer" column, in cents, as shown. */
const balances = async (page: Page): Promise<number[]> =>
  (
    await page
      .locator('table:has(caption:text("Soldes à suivre")) tbody tr td:last-child')
      .allTextContents()
  ).map((text) => Number(text.replace(/[^\d,]/g, '').replace(',', '.')) * 100);

describe.each([
  ['at a desk', desktopPage],
  ['on a phone', phonePage],
])('the payments desk’s table, %s', (_, open: (browser: Browser) => Promise<Page>) => {
  it('lists every balance without a search, sorts, searches and pages, and opens an invoice', async () => {
    const page = await open(env.browser);
    await login(page, env.app, 'GEST-JE-TABLES');
    await page.goto(`${env.app.url}/gestion/reglements`);
    await page.getByText(`${FAMILIES} factures — page 1 sur 2`).waitFor();
    expect(await balances(page)).toHaveLength(10);
    await expectAccessible(page);

    // Sorted by what is left to pay, largest first after a second click.
    const heading = page.getByRole('columnheader', { name: /Reste à payer/ });
    await heading.getByRole('button').click();
    expect(await heading.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await balances(page);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await heading.getByRole('button').click();
    expect(await heading.getAttribute('aria-sort')).toBe('descending');
    const descending = await balances(page);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(descending[0]).toBeGreaterThan(descending.at(-1) ?? 0);

    await page.getByRole('button', { name: 'Page suivante' }).click();
    await page.getByText(`${FAMILIES} factures — page 2 sur 2`).waitFor();
    expect(await balances(page)).toHaveLength(1);

    // A search by the member's identifier finds one invoice; its reference opens its card.
    await page.getByLabel('Rechercher dans « Soldes à suivre »').fill('IN-000875');
    await page.getByText('1 facture', { exact: true }).waitFor();
    const link = page.locator('table:has(caption:text("Soldes à suivre")) tbody a');
    const reference = (await link.textContent()) ?? '';
    expect(reference).toMatch(/^F-2021-\d{6}$/);
    await link.click();
    expect(page.url()).toContain(`#facture-${reference}`);
    await page.getByRole('heading', { name: new RegExp(`^Facture ${reference} du`) }).waitFor();
  });
});

/** A member's festival claim, sent through the API as the member's page does. */
async function claimOf(identifier: string): Promise<number> {
  await householdWithRecord(env.app.db, env.app.config, {
    identifier,
    email: `${identifier}@example.org`,
    taxIncomeEuros: 30_000,
    dependants: [],
  });
  const member = new Client(env.app.url, env.app.db);
  await member.login(identifier, PASSWORD);
  const sent = await member.post('/api/me/claims', festivalClaim([await uploadReceipt(member)]));
  return sent.json<{ number: number }>().number;
}

describe.each([
  ['at a desk', desktopPage, ['IN-000890', 'IN-000891', 'IN-000892']],
  ['on a phone', phonePage, ['IN-000893', 'IN-000894', 'IN-000895']],
])('the claims queue, %s', (_, open: (browser: Browser) => Promise<Page>, members) => {
  it('approves the claims ticked, after a summary of each amount, and leaves the others', async () => {
    const [first = 0, second = 0, third = 0] = await Promise.all(members.map(claimOf));
    const page = await open(env.browser);
    await login(page, env.app, 'GEST-LC-TABLES');
    await page.goto(`${env.app.url}/gestion/subventions`);
    const approve = page.getByRole('button', { name: /^Accorder les demandes cochées/ });
    await approve.waitFor();
    expect(await approve.isDisabled()).toBe(true);
    await page.getByLabel(`Cocher la demande n° ${first} pour l’accord groupé`).check();
    await page.getByLabel(`Cocher la demande n° ${second} pour l’accord groupé`).check();
    await page.getByText('2 demandes cochées').waitFor();
    await expectAccessible(page);
    // A slow answer: the screen shows that the action is under way (point 13).
    await page.route('**/api/staff/claims/approvals', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    await confirmAction(page, 'Accorder les demandes cochées (2)', {
      effect: `N° ${first} — `,
      confirm: /^Accorder /,
    });
    expect(
      await page.getByText('Traitement en cours…').getAttribute('aria-live', { timeout: 5_000 }),
    ).toBe('polite');
    await page.locator('.action-progress').waitFor();
    await page.getByText(/^2 demandes accordées : /).waitFor();
    // The notice comes once the queue is read again: the claims granted have left it by then.
    expect(await page.getByRole('heading', { name: new RegExp(`^N° ${first} — `) }).count()).toBe(
      0,
    );
    await page.locator('.action-progress').waitFor({ state: 'detached' });
    for (const identifier of members.slice(0, 2))
      expect((await mailsTo(env.app.db, `${identifier}@example.org`)).at(-1)?.text).toContain(
        'est acceptée',
      );
    // The third waits in the queue, as it was.
    await page.getByRole('heading', { name: new RegExp(`^N° ${third} — `) }).waitFor();
  });
});

describe.each([
  ['at a desk', desktopPage, 'desk'],
  ['on a phone', phonePage, 'phone'],
])('the sign-up queue, %s', (_, open: (browser: Browser) => Promise<Page>, where: string) => {
  it('refuses the requests ticked for one reason, quoted in each mail, and keeps the others', async () => {
    const emails = ['a', 'b', 'c'].map((letter) => `${where}.${letter}@example.org`);
    for (const [i, email] of emails.entries())
      await env.app.db.query(
        `INSERT INTO sign_up_requests (last_name, first_name, birth_date, email, couple, children)
         VALUES ($1, 'Basile', '1980-01-02', $2, true, '[]')`,
        [`Roux${where}${String(i)}`, email],
      );
    const page = await open(env.browser);
    await login(page, env.app, 'GEST-FA-TABLES');
    await page.goto(`${env.app.url}/gestion/inscriptions`);
    const refuse = page.getByRole('button', { name: /^Refuser les demandes cochées/ });
    await refuse.waitFor();
    expect(await refuse.isDisabled()).toBe(true);
    // The table's search finds this run's three requests.
    await page
      .getByLabel('Rechercher dans « Demandes en attente, les plus anciennes d’abord »')
      .fill(`Roux${where}`);
    await page.getByText('3 demandes', { exact: true }).waitFor();
    await page.getByLabel(`Cocher la demande de Basile Roux${where}0`).check();
    await page.getByLabel(`Cocher la demande de Basile Roux${where}1`).check();
    await page.getByText('2 demandes cochées').waitFor();
    await expectAccessible(page);
    await confirmAction(page, 'Refuser les demandes cochées (2)', {
      effect: emails[0] ?? '',
      confirm: 'Refuser et envoyer les courriels',
      reason: 'Vous avez déjà envoyé une demande.',
    });
    await page.getByText('2 demandes refusées.').waitFor();
    for (const email of emails.slice(0, 2))
      expect((await mailsTo(env.app.db, email)).at(-1)?.text).toContain(
        'Motif : Vous avez déjà envoyé une demande.',
      );
    expect(await mailsTo(env.app.db, emails[2] ?? '')).toEqual([]);
    // The notice comes once the queue is read again: the refused have left it by then.
    expect(
      await page.getByRole('row', { name: new RegExp(`Basile Roux${where}[01]`) }).count(),
    ).toBe(0);
    await page.getByRole('row', { name: new RegExp(`Basile Roux${where}2`) }).waitFor();
  });
});

describe.each([
  ['at a desk', desktopPage, '10 000', '10 000,00'],
  ['on a phone', phonePage, '12 500,50', '12 500,50'],
])(
  'the sectors’ dashboards, %s',
  (_, open: (browser: Browser) => Promise<Page>, typed: string, shown: string) => {
    it('the admin sets a sector’s budget; the fill of each session is drawn, its figures a click away and exported', async () => {
      const page = await open(env.browser);
      await login(page, env.app, 'ADMIN-TABLES');
      await page.goto(`${env.app.url}/gestion/tableau-de-bord`);
      const jeunesse = page.getByRole('region', { name: 'Jeunesse', exact: true });
      await jeunesse
        .getByText('Aucun budget fixé pour 2021.')
        .or(jeunesse.getByText(/sur un budget de/))
        .waitFor();
      await jeunesse.getByLabel('Budget 2021 du secteur Jeunesse (€)').fill('dix mille');
      await jeunesse.getByRole('button', { name: 'Fixer le budget' }).click();
      await expect
        .poll(() =>
          jeunesse.getByLabel('Budget 2021 du secteur Jeunesse (€)').getAttribute('aria-invalid'),
        )
        .toBe('true');
      await jeunesse.getByLabel('Budget 2021 du secteur Jeunesse (€)').fill(typed);
      await jeunesse.getByRole('button', { name: 'Fixer le budget' }).click();
      const budget = jeunesse.getByText(/sur un budget de/);
      await expect
        .poll(async () => plain(await budget.textContent()))
        .toContain(`sur un budget de ${shown} €`);
      await jeunesse.getByRole('img', { name: /^Budget Jeunesse engagé : / }).waitFor();
      await jeunesse.getByText('Les chiffres des sessions (Jeunesse)').click();
      const row = jeunesse.getByRole('row', { name: /^Séjour au lac — Juillet/ });
      expect(plain(await row.textContent())).toBe(
        `Séjour au lac — Juillet20${String(FAMILIES)}${String(FAMILIES)}55,00 %`,
      );
      await expectAccessible(page);
      const csv = await page.evaluate(async () =>
        (await fetch('/api/staff/dashboard.csv?year=2021')).text(),
      );
      expect(csv).toContain(
        `jeunesse;2021;Places attribuées;Séjour au lac — Juillet;${String(FAMILIES)}`,
      );
    });
  },
);
