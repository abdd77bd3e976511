// The CNRS family week (issue 13): one booking for the member, the spouse, two children and a
// grandparent in a chalet of a CAES village; a line per person; the arrhes paid; cancellations
// at 25 and at 10 days before, justified or not, with the fees the conditions give.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, householdWithRecord } from '../apps/server/test/harness.ts';
import { confirmAction, expectAccessible, phonePage, plain } from './support/browser.ts';
import { login, useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser({ env: { ORGANIZATION: 'cnrs' } }); // calendar: 2020-03-16
let activityId = '';
const LODGINGS = JSON.stringify([
  { type: 'Appartement 4 personnes', capacity: 4, priceCents: 50_000, per: 'week', count: 2 },
  { type: 'Chalet 6 personnes', capacity: 6, priceCents: 70_000, per: 'week', count: 2 },
]);

beforeAll(async () => {
  await createUser(env.app.db, { identifier: 'GEST-VAC', role: 'staff', sectors: ['vacances'] });
  // A couple earning 40 000 € + 20 000 €, two children: 4 parts, QF 15 000 €, 26,62 %.
  await householdWithRecord(env.app.db, env.app.config, {
    identifier: 'CN-000901',
    firstName: 'Claire',
    lastName: 'Roche',
    taxIncomeEuros: 40_000,
    spouseTaxIncomeEuros: 20_000,
    year: 2020,
    dependants: [
      { relation: 'spouse', firstName: 'Marc', birthDate: '1981-09-01' },
      { relation: 'child', firstName: 'Léa', birthDate: '2010-05-01' },
      { relation: 'child', firstName: 'Hugo', birthDate: '2014-02-01' },
      { relation: 'directRelative', firstName: 'Jeanne', birthDate: '1950-01-01' },
    ],
  });
  const [activity] = await env.app.db.query<{ id: string }>(
    `INSERT INTO activities (title, sector, kind, description, provider, published)
     VALUES ('Village des Cévennes', 'vacances', 'caesVillage', 'Chalets au bord du Gardon.', '{"name":"CAES du CNRS"}', true)
     RETURNING id`,
  );
  activityId = activity?.id ?? '';
  // Registrations closed and allotted: lodgings go first come, first served.
  await env.app.db.query(
    `INSERT INTO activity_sessions (activity_id, label, first_day, last_day, min_age, max_age, places, price_cents, lodgings, closes_on, answer_by, allocated_at)
     VALUES ($1, 'Semaine du 4 juillet', '2020-07-04', '2020-07-11', 0, 120, 4, 0, $2, '2020-03-01', '2020-03-16', now()),
            ($1, 'Semaine du 11 juillet', '2020-07-11', '2020-07-18', 0, 120, 4, 0, $2, '2020-03-01', '2020-03-16', now()),
            ($1, 'Semaine du 18 juillet', '2020-07-18', '2020-07-25', 0, 120, 4, 0, $2, '2020-03-01', '2020-03-16', now())`,
    [activityId, LODGINGS],
  );
});

/** The family books a week for everyone in the chalet; returns the preview's text. */
async function bookWeek(page: Page, week: string): Promise<string> {
  await page.goto(`${env.app.url}/activites/${activityId}`);
  await page.getByRole('link', { name: `Faire une demande pour « ${week} »` }).click();
  await page.getByLabel('Qui fait la réservation (participant principal)').waitFor();
  for (const name of ['Marc', 'Léa', 'Hugo', 'Jeanne']) await page.getByLabel(name).check();
  await page.getByLabel('Hébergement du choix 1').selectOption('Chalet 6 personnes');
  await page.getByRole('button', { name: 'Calculer le coût' }).click();
  const preview = page.getByRole('region', { name: 'Ce que coûtera votre demande' });
  await preview.waitFor();
  const text = plain(await preview.textContent());
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await page.getByText(/Votre demande n° \d+ est enregistrée\./).waitFor();
  return text;
}

/** Time passes: the week now starts `days` days after the committee's day (2020-03-16). */
async function startsIn(week: string, days: number): Promise<void> {
  await env.app.db.query(
    `UPDATE activity_sessions SET first_day = date '2020-03-16' + $2::int, last_day = date '2020-03-16' + $2::int + 7
      WHERE label = $1`,
    [week, days],
  );
}

async function cancel(staff: Page, reference: string, justified: boolean): Promise<string> {
  await staff.goto(`${env.app.url}/gestion/reglements`);
  await staff.getByText(`Annuler la place de ${reference}`).click();
  await staff.getByLabel(`Frais du prestataire en euros (${reference})`).fill('0');
  if (justified) await staff.getByLabel(`Désistement justifié (${reference})`).check();
  await confirmAction(staff, `Annuler la place ${reference} et émettre l’avoir`, {
    effect: `Un avoir reprend toute la facture ${reference}`,
    confirm: 'Annuler la place',
  });
  const done = staff.getByText(/^Place annulée : avoir AV-2020-\d{6}/);
  await done.waitFor();
  return plain(await done.textContent());
}

async function invoiceOf(week: string) {
  const [invoice] = await env.app.db.query<{
    reference: string;
    total_cents: number;
    lines: { kind: string; label: string; amountCents: number }[];
  }>(
    `SELECT i.reference, i.total_cents::int AS total_cents, i.lines FROM invoices i
       JOIN registration_requests r ON r.id = i.registration_id
       JOIN activity_sessions s ON s.id = r.placed_session_id
      WHERE s.label = $1 AND i.kind = 'invoice' ORDER BY i.created_at LIMIT 1`,
    [week],
  );
  if (!invoice) throw new Error(`no invoice for ${week}`);
  return invoice;
}

describe('a CNRS family week in a CAES village', () => {
  it('books the chalet for five, a line each, pays the arrhes, and cancels at 25 and 10 days before', async () => {
    const page = await phonePage(env.browser);
    await login(page, env.app, 'CN-000901');
    const preview = await bookWeek(page, 'Semaine du 4 juillet');
    // The booking's own parts and rate; each person's share of the 700 € chalet.
    expect(preview).toContain(
      'Pour cette réservation : 4 parts, quotient familial 15 000,00 €, taux 26,62 %',
    );
    expect(preview).toContain('Léa (10 ans)140,00 €26,62 %37,27 €102,73 €');
    expect(preview).toContain('Jeanne (70 ans)140,00 €sans subvention0,00 €140,00 €');
    expect(preview).toContain('Arrhes à verser avec la demande (choix 1) : 110,18 €');
    await page.getByText('Place confirmée').waitFor();
    await expectAccessible(page);

    const week = await invoiceOf('Semaine du 4 juillet');
    expect(week.lines.filter((l) => l.kind === 'stay').map((l) => l.amountCents)).toEqual([
      14_000, 14_000, 14_000, 14_000, 14_000,
    ]);
    expect(week.lines.filter((l) => l.kind === 'subsidy').map((l) => l.amountCents)).toEqual([
      -3_727, -3_727, -3_727, -3_727,
    ]);
    expect(week.lines.find((l) => l.label.includes('Jeanne'))?.label).toContain(
      'filiation directe (prix base TD)',
    );
    expect(week.total_cents).toBe(55_092);

    // The vacances desk records the arrhes.
    const staff = await phonePage(env.browser);
    await login(staff, env.app, 'GEST-VAC');
    await staff.goto(`${env.app.url}/gestion/reglements`);
    await staff.getByText(`Saisir un règlement pour ${week.reference}`).click();
    await staff.getByLabel(`Moyen (${week.reference})`).selectOption('transfer');
    await staff.getByLabel(`Montant en euros (${week.reference})`).fill('110,18');
    await staff.getByRole('button', { name: 'Enregistrer le règlement' }).first().click();
    await staff.getByText('Règlement de 110,18 € enregistré', { exact: false }).waitFor();

    // 25 days before, without a justified reason: the arrhes (20 % of 550,92 €), all kept.
    await startsIn('Semaine du 4 juillet', 25);
    expect(await cancel(staff, week.reference, false)).toContain(
      'frais 110,18 €, à rembourser 0,00 €',
    );

    // Two more weeks booked early, cancelled 10 days before: 50 % of what the family owes, or
    // 60 € for a justified reason.
    await bookWeek(page, 'Semaine du 11 juillet');
    await bookWeek(page, 'Semaine du 18 juillet');
    await startsIn('Semaine du 11 juillet', 10);
    await startsIn('Semaine du 18 juillet', 10);
    const late = await invoiceOf('Semaine du 11 juillet');
    expect(await cancel(staff, late.reference, false)).toContain('frais 275,46 €');
    const justified = await invoiceOf('Semaine du 18 juillet');
    expect(await cancel(staff, justified.reference, true)).toContain('frais 60,00 €');
    await expectAccessible(staff);
  });

  it('refuses a lodging too small for the group, on its field', async () => {
    const page = await phonePage(env.browser);
    await login(page, env.app, 'CN-000901');
    await page.goto(`${env.app.url}/activites/${activityId}`);
    await page
      .getByRole('link', { name: 'Faire une demande pour « Semaine du 4 juillet »' })
      .click();
    for (const name of ['Marc', 'Léa', 'Hugo', 'Jeanne']) await page.getByLabel(name).check();
    await page.getByLabel('Hébergement du choix 1').selectOption('Appartement 4 personnes');
    await page.getByRole('button', { name: 'Calculer le coût' }).click();
    await page
      .getByText(
        'Appartement 4 personnes : 4 personnes au plus, votre réservation en compte 5 — choisissez un hébergement plus grand',
      )
      .waitFor();
    await expectAccessible(page);
  });

  it('speaks as the CNRS: the whole family’s holidays, no annual ceiling, rates with two decimals', async () => {
    const page = await phonePage(env.browser);
    await page.goto(env.app.url);
    await page.getByText(/Les vacances de toute la famille/).waitFor();
    await login(page, env.app, 'CN-000901');
    await page.getByRole('heading', { name: 'Taux de subvention 2020' }).waitFor();
    const rates = plain(await page.locator('dl.figures').first().textContent());
    expect(rates).toContain('26,62 %');
    expect(rates).toContain('40,93 %');
    expect(await page.getByRole('heading', { name: /^Plafond/ }).count()).toBe(0);
    // The family as the Fiche has it: the grandmother named as the direct line, not a child.
    await page
      .getByText(/^Parent, grand-parent, .* : Jeanne Roche, naissance le 01\/01\/1950$/)
      .waitFor();
    await page.getByText(/^Enfant : Hugo Roche/).waitFor();
    await page.goto(`${env.app.url}/espace/fiche`);
    await page.getByText('Validée : vos taux en découlent.', { exact: false }).waitFor();
    await expectAccessible(page);
  });

  it('staff add a village week with its lodgings; a family brings a guest at the tarif extérieur', async () => {
    const staff = await phonePage(env.browser);
    await login(staff, env.app, 'GEST-VAC');
    await staff.goto(`${env.app.url}/gestion/activites`);
    const prefix = 'Village des Cévennes — ';
    await staff.getByText('Ajouter une session à « Village des Cévennes »').click();
    await staff.getByLabel(`${prefix}nom de la session`).fill('Semaine du 8 août');
    await staff.getByLabel(`${prefix}premier jour`).fill('2020-08-08');
    await staff.getByLabel(`${prefix}dernier jour`).fill('2020-08-15');
    await staff.getByLabel(`${prefix}âge minimum`).fill('0');
    await staff.getByLabel(`${prefix}âge maximum`).fill('120');
    await staff.getByLabel(`${prefix}places pré-réservées`).fill('0');
    await staff.getByLabel(`${prefix}prix avant subvention (€)`).fill('0');
    await staff.getByLabel(`${prefix}tarif extérieur par personne (€)`).fill('30');
    await staff.getByRole('button', { name: 'Ajouter un type d’hébergement' }).click();
    await staff.getByLabel('Type de l’hébergement 1').fill('Mobil-home 5 personnes');
    await staff.getByLabel('Capacité de l’hébergement 1 (personnes)').fill('5');
    await staff.getByLabel('Nombre d’hébergements 1 disponibles').fill('4');
    await staff.getByLabel('Prix base TD de l’hébergement 1 (€)').fill('600');
    await staff.getByLabel('Tarif extérieur de l’hébergement 1 (€)').fill('780');
    await staff.getByLabel(`${prefix}clôture des inscriptions`).fill('2020-05-31');
    await expectAccessible(staff);
    await staff.getByRole('button', { name: 'Ajouter la session' }).click();
    await staff
      .getByText(
        /Semaine du 8 août : du 08\/08\/2020 au 15\/08\/2020, 0\/4 hébergements attribués \(Mobil-home 5 personnes : 0\/4\)/,
      )
      .waitFor();

    const page = await phonePage(env.browser);
    await login(page, env.app, 'CN-000901');
    await page.goto(`${env.app.url}/activites/${activityId}`);
    await page.getByRole('link', { name: 'Faire une demande pour « Semaine du 8 août »' }).click();
    await page.getByLabel('Marc').check();
    await page.getByLabel('Hébergement du choix 1').selectOption('Mobil-home 5 personnes');
    await page.getByRole('button', { name: 'Ajouter une personne non ayant droit' }).click();
    await page.getByLabel('Nom de l’invité 1', { exact: true }).fill('Durand');
    await page.getByLabel('Prénom de l’invité 1').fill('Sam');
    await page.getByLabel('Date de naissance de l’invité 1').fill('1983-01-01');
    await page.getByRole('button', { name: 'Calculer le coût' }).click();
    const preview = page.getByRole('region', { name: 'Ce que coûtera votre demande' });
    await preview.waitFor();
    const text = plain(await preview.textContent());
    // 600 € shared by three (780 € at the tarif extérieur), plus 30 € a person extérieur.
    expect(text).toContain('Claire (40 ans)200,00 €26,62 %53,24 €146,76 €');
    expect(text).toContain('Sam (37 ans)290,00 €sans subvention0,00 €290,00 €');
    expect(text).toContain('frais 15,00 €');
    await expectAccessible(page);
  });
});

describe('the claims form of a household whose newest Fiche is not validated yet', () => {
  it('lists the people of the newest validated Fiche (2019 here, 2020 not sent), « Moi » first', async () => {
    await householdWithRecord(env.app.db, env.app.config, {
      identifier: 'CN-000902',
      taxIncomeEuros: 30_000,
      year: 2019,
      dependants: [{ relation: 'child', firstName: 'Nina', birthDate: '2012-04-01' }],
    });
    const page = await phonePage(env.browser);
    await login(page, env.app, 'CN-000902');
    await page.goto(`${env.app.url}/espace/subventions`);
    const who = page.getByLabel('Pour qui');
    await who.getByRole('option', { name: 'Nina' }).waitFor({ state: 'attached' });
    expect(await who.locator('option').allTextContents()).toEqual(['Moi', 'Nina']);
    await expectAccessible(page);
  });
});
