import { beforeAll, describe, expect, it } from 'vitest';
import { openPlaces } from '../apps/server/test/place-fixtures.ts';
import {
  Client,
  createUser,
  householdWithRecord,
  PASSWORD,
  submittedRecord,
} from '../apps/server/test/harness.ts';
import { confirmAction, expectAccessible, phonePage, plain } from './support/browser.ts';
import { login, useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser();
beforeAll(async () => {
  await createUser(env.app.db, { identifier: 'GEST-JEU', role: 'staff', sectors: ['jeunesse'] });
  await householdWithRecord(env.app.db, env.app.config, {
    identifier: 'IN-000801',
    firstName: 'Claire',
    lastName: 'Moreau',
    email: 'claire.moreau@example.org',
    taxIncomeEuros: 36_000,
    dependants: [{ relation: 'child', firstName: 'Jules', birthDate: '2011-06-20' }],
  });
});

describe('séjours jeunes in the browser', () => {
  it('staff publish a stay; a parent on a phone sees the cost, sends a request; the selection confirms it', async () => {
    // The jeunesse staff write the activity and its session, then publish it.
    const staff = await phonePage(env.browser);
    await login(staff, env.app, 'GEST-JEU');
    await staff.goto(`${env.app.url}/gestion/activites`);
    await staff.getByRole('textbox', { name: 'Titre', exact: true }).fill('Camp nature');
    await staff
      .getByLabel('Plafond de la base subventionnable')
      .selectOption('holidayCentreFrance');
    await staff
      .getByLabel('Description', { exact: true })
      .fill('Cabanes et rivière dans le Vercors.');
    await staff.getByLabel('Prestataire', { exact: true }).fill('Vercors Aventure');
    await staff.getByRole('button', { name: 'Créer l’activité (non publiée)' }).click();
    await staff.getByText('« Camp nature » est créée').waitFor();
    await staff.getByText('Ajouter une session à « Camp nature »').click();
    const field = (name: string) => staff.getByLabel(`Camp nature — ${name}`, { exact: true });
    await field('nom de la session').fill('Juillet');
    await field('premier jour').fill('2021-07-12');
    await field('dernier jour').fill('2021-07-10');
    await field('âge minimum').fill('8');
    await field('âge maximum').fill('12');
    await field('places pré-réservées').fill('12');
    await field('prix avant subvention (€)').fill('600');
    await field('ville de départ du transport').fill('Grenoble');
    await field('prix du transport (€)').fill('40');
    await field('clôture des inscriptions').fill('2021-05-20');
    await staff.getByRole('button', { name: 'Ajouter la session' }).click();
    await staff
      .getByText('le dernier jour est avant le premier : vérifiez les deux dates')
      .waitFor();
    await field('dernier jour').fill('2021-07-18');
    await staff.getByRole('button', { name: 'Ajouter la session' }).click();
    await staff.getByText('0/12 places attribuées').waitFor();
    await staff.getByRole('button', { name: 'Publier « Camp nature »' }).click();
    await staff.getByText('« Camp nature » est publiée au catalogue.').waitFor();
    await expectAccessible(staff);

    // A parent finds it by the child's age, sees what is left to pay, and sends a request.
    const page = await phonePage(env.browser);
    await login(page, env.app, 'IN-000801');
    await page.getByRole('link', { name: 'Séjours' }).click();
    await page.getByLabel('Âge du participant').fill('10');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByRole('link', { name: 'Camp nature' }).click();
    await page.getByRole('heading', { name: 'Ce qu’il vous resterait à payer' }).waitFor();
    const costs =
      (await page.getByRole('region', { name: 'Ce qu’il vous resterait à payer' }).textContent()) ??
      '';
    expect(costs).toContain('Jules');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Faire une demande pour « Juillet »' }).click();
    await page.getByLabel('Transport du choix 1').selectOption('Grenoble');
    await page.getByRole('button', { name: 'Calculer le coût' }).click();
    const preview = page.getByRole('region', { name: 'Ce que coûtera votre demande' });
    await preview.waitFor();
    const text = plain(await preview.textContent());
    expect(text).toMatch(/Choix 1 — Camp nature, Juillet .*: prix 640,00 €/);
    expect(text).toMatch(/Acompte à verser avec la demande \(choix 1\) : \d+,\d\d €/);
    await page.getByText('Le détail du calcul du choix 1').click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Envoyer la demande' }).click();
    await page.getByText(/Votre demande n° \d+ est enregistrée\./).waitFor();
    await page.getByText('Envoyée : en attente de la sélection à la clôture').waitFor();
    await expectAccessible(page);

    // Registrations close; the staff read the preview and apply the selection.
    await env.app.db.query(
      `UPDATE activity_sessions SET closes_on = '2021-04-14' WHERE label = 'Juillet'`,
    );
    await staff.getByRole('link', { name: 'Sélection' }).click();
    await staff.getByRole('cell', { name: 'Jules Moreau' }).waitFor();
    await expectAccessible(staff);
    await confirmAction(staff, 'Appliquer la sélection et prévenir les familles', {
      effect: /1 place attribuée, 0 demande en liste d’attente, 0 refus/,
      confirm: 'Appliquer et prévenir les familles',
    });
    await staff.getByText(/Sélection appliquée : 1 place attribuée, 0 en attente/).waitFor();

    await page.reload();
    await page.getByText('Place confirmée').waitFor();
    await page.goto(`${env.app.url}/dev/mail`);
    const mail = page.locator('article', { hasText: 'À : claire.moreau@example.org' }).first();
    expect(await mail.textContent()).toMatch(/Demande n° \d+ : place confirmée/);
  });
});

describe('a Fiche validated again while the parent fills the request', () => {
  it('the request names the child the parent chose, though the new Fiche lists the children in another order', async () => {
    const LEA = { relation: 'child', firstName: 'Léa', birthDate: '2011-03-02' } as const;
    const TOM = { relation: 'child', firstName: 'Tom', birthDate: '2012-09-14' } as const;
    const memberId = await householdWithRecord(env.app.db, env.app.config, {
      identifier: 'IN-000802',
      taxIncomeEuros: 30_000,
      dependants: [LEA, TOM],
    });
    await createUser(env.app.db, { identifier: 'GEST-JEU2', role: 'staff', sectors: ['jeunesse'] });
    const jeunesse = new Client(env.app.url, env.app.db);
    await jeunesse.login('GEST-JEU2', PASSWORD);
    const [sessionId] = await openPlaces(
      env.app,
      jeunesse,
      [{ label: 'Août', firstDay: '2021-08-02', lastDay: '2021-08-13', priceCents: 50_000 }],
      { allocated: false },
    );
    const [{ id } = { id: '' }] = await env.app.db.query<{ id: string }>(
      'SELECT activity_id AS id FROM activity_sessions WHERE id = $1',
      [sessionId],
    );

    const page = await phonePage(env.browser);
    await login(page, env.app, 'IN-000802');
    await page.goto(`${env.app.url}/activites/${id}`);
    await page.getByRole('link', { name: 'Faire une demande pour « Août »' }).click();
    await page.getByLabel('Participant').selectOption({ label: 'Tom' });
    await page.getByRole('button', { name: 'Calculer le coût' }).click();
    await page.getByRole('region', { name: 'Ce que coûtera votre demande' }).waitFor();
    // Meanwhile the Fiche Agent staff validate a new version: Léa left, a baby came, Tom first.
    await createUser(env.app.db, {
      identifier: 'GEST-FA2',
      role: 'staff',
      sectors: ['fiche-agent'],
    });
    const fiche = new Client(env.app.url, env.app.db);
    await fiche.login('GEST-FA2', PASSWORD);
    const renewal = await submittedRecord(env.app.db, memberId, {
      taxIncomeEuros: 30_000,
      dependants: [TOM, { relation: 'child', firstName: 'Zoé', birthDate: '2020-10-01' }],
    });
    expect((await fiche.post(`/api/staff/agent-records/${renewal}/validate`)).status).toBe(200);

    await page.getByRole('button', { name: 'Envoyer la demande' }).click();
    await page.getByText(/Votre demande n° \d+ est enregistrée\./).waitFor();
    const request = page.getByRole('listitem').filter({ hasText: 'Centre de vacances' }).first();
    expect(await request.textContent()).toMatch(/Tom.*Centre de vacances|Centre de vacances.*Tom/s);
    await expectAccessible(page);

    // Validated once more, Zoé now first: the request, opened to be changed, still names Tom.
    const reordered = await submittedRecord(env.app.db, memberId, {
      taxIncomeEuros: 30_000,
      dependants: [{ relation: 'child', firstName: 'Zoé', birthDate: '2020-10-01' }, TOM],
    });
    expect((await fiche.post(`/api/staff/agent-records/${reordered}/validate`)).status).toBe(200);
    await request.getByRole('link', { name: 'Modifier' }).click();
    const participant = page.getByLabel('Participant');
    await page.getByRole('option', { name: 'Tom' }).waitFor({ state: 'attached' });
    expect(await participant.locator('option:checked').textContent()).toBe('Tom');
    await page.getByRole('button', { name: 'Calculer le coût' }).click();
    await page.getByRole('region', { name: 'Ce que coûtera votre demande' }).waitFor();
    await page.getByRole('button', { name: 'Enregistrer la demande modifiée' }).click();
    await page.getByText(/Votre demande n° \d+ est enregistrée\./).waitFor();
    const changed = await env.app.db.query<{ participant: { firstName: string } }>(
      `SELECT participant FROM registration_requests WHERE member_id = $1`,
      [memberId],
    );
    expect(changed.map((r) => r.participant.firstName)).toEqual(['Tom']);
  });
});
