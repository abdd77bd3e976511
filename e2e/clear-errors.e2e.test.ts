// Issue 14, first points: an amount typed with letters says what to type, on its field; a page
// opened without what it needs says so, with a way back — never a raw validator's message.
import type { Browser, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, householdWithRecord } from '../apps/server/test/harness.ts';
import { desktopPage, expectAccessible, phonePage } from './support/browser.ts';
import { login, useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser();
beforeAll(async () => {
  await householdWithRecord(env.app.db, env.app.config, {
    identifier: 'IN-000831',
    taxIncomeEuros: 45_000,
    dependants: [],
  });
  await createUser(env.app.db, {
    identifier: 'GEST-FI-ERREURS',
    role: 'staff',
    sectors: ['jeunesse'],
  });
  await createUser(env.app.db, {
    identifier: 'GEST-FA-ERREURS',
    role: 'staff',
    sectors: ['fiche-agent'],
  });
});

/**
 * Opens `path` while the connection drops once, as `read` is asked for (it is back on
 * « Réessayer »): the alert that says so, once shown.
 */
async function openWhileDropped(page: Page, read: string | RegExp, path: string): Promise<Locator> {
  await page.route(read, (route) => route.abort(), { times: 1 });
  await page.goto(`${env.app.url}${path}`);
  const noAnswer = page.getByRole('alert').filter({ hasText: 'Le serveur ne répond pas' });
  await noAnswer.waitFor();
  return noAnswer;
}

describe('clear errors', () => {
  it('letters in an amount: a French sentence with an example, on the field, announced', async () => {
    const page = await phonePage(env.browser);
    await login(page, env.app, 'IN-000831');
    await page.goto(`${env.app.url}/espace/subventions`);
    await page.getByLabel('Organisme ou organisateur').fill('Festival des Vieilles Charrues');
    await page.getByLabel('Premier jour').fill('2021-03-01');
    await page.getByLabel('Dernier jour').fill('2021-03-02');
    const amount = page.getByLabel('Montant payé (€)');
    await amount.fill('quarante');
    await page.getByRole('button', { name: 'Calculer la subvention' }).click();
    const message = 'Indiquez un montant en euros, en chiffres, par exemple 89,50.';
    await page.getByText(message).waitFor();
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toMatch(/attendu|reçu|invalide/);
    // The message is tied to the field, so a screen reader reads it with it.
    const describedBy = (await amount.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent()).toContain(
      message,
    );
    await expectAccessible(page);
  });

  it('a document’s link opened when it cannot be given is a page that says why, not JSON', async () => {
    const page = await phonePage(env.browser);
    // The member's card, from a bookmark, signed out.
    await page.goto(`${env.app.url}/api/me/card.pdf`);
    await page.getByRole('heading', { name: 'Connexion nécessaire' }).waitFor();
    await page.getByText('Connectez-vous pour accéder à cette page.').waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/connexion$/);
  });

  it('a request form opened without a stay says what to do, with a link to the stays', async () => {
    const page = await phonePage(env.browser);
    await login(page, env.app, 'IN-000831');
    await page.goto(`${env.app.url}/espace/inscriptions/nouvelle`);
    await page
      .getByText('Choisissez d’abord un séjour dans le catalogue, puis « Faire une demande ».')
      .waitFor();
    await page.getByRole('link', { name: 'Voir les séjours' }).click();
    await page.waitForURL(/\/activites$/);
    await expectAccessible(page);
  });

  it('the password page shows a too-short password and a mismatch together', async () => {
    const page = await phonePage(env.browser);
    await page.goto(`${env.app.url}/mot-de-passe/definir?jeton=${'a'.repeat(32)}`);
    await page.getByLabel('Nouveau mot de passe').fill('court1');
    await page.getByLabel('Confirmez le mot de passe').fill('autre');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('ce mot de passe est trop court').waitFor();
    await page.getByText('Les deux mots de passe ne sont pas identiques').waitFor();
    await expectAccessible(page);
  });

  it('a form sent after the connection ended keeps what was typed, says how to go on, and is sent once logged in again', async () => {
    const page = await phonePage(env.browser);
    await login(page, env.app, 'IN-000831');
    await page.getByRole('link', { name: 'Mes coordonnées' }).click();
    await page.getByLabel('Téléphone').fill('06 98 76 54 32');
    // The twelve hours are over while the form is open.
    await env.app.db.query(
      `DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE identifier = 'IN-000831')`,
    );
    const save = page.getByRole('button', { name: 'Enregistrer mes coordonnées' });
    await save.click();
    await page.getByRole('alert').getByText('Votre connexion a pris fin').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain(
      'Ce que vous avez saisi reste sur cette page',
    );
    expect(await page.getByLabel('Téléphone').inputValue()).toBe('06 98 76 54 32');
    await expectAccessible(page);
    const [tab] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('link', { name: 'Se reconnecter dans un nouvel onglet' }).click(),
    ]);
    await tab.getByLabel('Identifiant CAES').waitFor();
    await login(tab, env.app, 'IN-000831');
    await save.click();
    await page.getByText('Vos coordonnées sont enregistrées.').waitFor();
    const [member] = await env.app.db.query<{ phone: string }>(
      `SELECT phone FROM users WHERE identifier = 'IN-000831'`,
    );
    expect(member?.phone).toBe('06 98 76 54 32');
  });
});

describe.each([
  ['at a desk', desktopPage],
  ['on a phone', phonePage],
])('a page whose code cannot be fetched, %s', (_, open: (browser: Browser) => Promise<Page>) => {
  it('says so in words, with a button to reload, and the other pages still open', async () => {
    const page = await open(env.browser);
    // The connection drops for one page's code (or the site was updated meanwhile).
    await page.route(/\/assets\/my-invoices-page-[\w-]+\.js$/, (route) => route.abort());
    await login(page, env.app, 'IN-000831');
    await page.getByRole('link', { name: 'Mes dossiers factures' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Cette page n’a pas pu se charger' });
    await alert.waitFor();
    await alert.getByRole('button', { name: 'Recharger la page' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Calculer mon taux' }).click();
    await page.getByRole('heading', { name: /^Calculer/, level: 1 }).waitFor();
    expect(await alert.count()).toBe(0);
  });
});

describe.each([
  ['at a desk', desktopPage],
  ['on a phone', phonePage],
])('what a page reads cannot be had, %s', (_, open: (browser: Browser) => Promise<Page>) => {
  it('says why in words with a button to try again, never an endless « Chargement… » nor an empty list', async () => {
    const page = await open(env.browser);
    await login(page, env.app, 'IN-000831');
    // The connection drops as the member's RIBs are read; it is back when « Réessayer » is clicked.
    const alert = await openWhileDropped(page, '**/api/me/bank-accounts', '/espace/rib');
    await expectAccessible(page);
    await alert.getByRole('button', { name: 'Réessayer' }).click();
    await page.getByText('Aucun RIB enregistré.').waitFor();
    expect(await alert.count()).toBe(0);
    // The same on the member's home: the dashboard says why, and comes on « Réessayer ».
    const noHome = await openWhileDropped(page, '**/api/me/home', '/espace');
    await noHome.getByRole('button', { name: 'Réessayer' }).click();
    await page.getByRole('heading', { name: 'Messages du comité' }).waitFor();

    // At the payments desk, a node that does not answer is said, not shown as « no invoice ».
    const desk = await open(env.browser);
    await login(desk, env.app, 'GEST-FI-ERREURS');
    await desk.route(
      '**/api/staff/invoices*',
      (route) => route.fulfill({ status: 503, contentType: 'text/html', body: '<h1>503</h1>' }),
      { times: 1 },
    );
    await desk.goto(`${env.app.url}/gestion/reglements`);
    const unavailable = desk
      .getByRole('alert')
      .filter({ hasText: 'Le service est momentanément indisponible' });
    await unavailable.waitFor();
    expect(await desk.getByText(/^Aucune facture/).count()).toBe(0);
    await unavailable.getByRole('button', { name: 'Réessayer' }).click();
    await desk.getByRole('heading', { name: 'Règlements et factures', level: 1 }).waitFor();
    await unavailable.waitFor({ state: 'detached' });
  });
});

describe('what an address names, when the server cannot be reached', () => {
  it('says the connection failed with « Réessayer », never « introuvable » nor an empty list', async () => {
    const page = await phonePage(env.browser);
    // A partner checks a card while the connection drops: not « Carte inconnue ».
    const noCard = await openWhileDropped(page, '**/api/cards/*', '/carte/jeton-inconnu');
    expect(await page.getByText('Carte inconnue.').count()).toBe(0);
    await expectAccessible(page);
    await noCard.getByRole('button', { name: 'Réessayer' }).click();
    await page.getByText('Carte inconnue.').waitFor();

    // The calculator's barèmes: said where one is chosen; « Calculer » waits for them.
    const noPacks = await openWhileDropped(page, '**/api/v1/packs', '/simulateur');
    const calculate = page.getByRole('button', { name: 'Calculer', exact: true });
    expect(await calculate.isDisabled()).toBe(true);
    await noPacks.getByRole('button', { name: 'Réessayer' }).click();
    await page.getByLabel('Barème').waitFor();
    expect(await calculate.isDisabled()).toBe(false);

    // The barème's rate chart: said where it would be, the rest of the page read.
    const noChart = await openWhileDropped(
      page,
      '**/api/packs/*/rate-curve',
      '/baremes/inserm-2021',
    );
    expect(await noChart.textContent()).toContain(
      'Le graphique des taux n’a pas pu être lu. Le serveur ne répond pas',
    );
    await page.getByRole('heading', { name: 'Le plafond annuel de subvention' }).waitFor();
    await noChart.getByRole('button', { name: 'Réessayer' }).click();
    await page.getByText('Les chiffres du graphique').waitFor();
    expect(await noChart.count()).toBe(0);

    // A stay's page behind a node that does not answer: not « Page introuvable ».
    await login(page, env.app, 'IN-000831');
    // Down until « Réessayer » (the page reads again when the session comes: each read is 503).
    const stay = '00000000-0000-4000-8000-000000000000';
    await page.route(`**/api/activities/${stay}`, (route) =>
      route.fulfill({ status: 503, contentType: 'text/html', body: '<h1>503</h1>' }),
    );
    await page.goto(`${env.app.url}/activites/${stay}`);
    const unavailable = page
      .getByRole('alert')
      .filter({ hasText: 'Le service est momentanément indisponible' });
    await unavailable.waitFor();
    expect(await page.getByRole('heading', { name: 'Page introuvable' }).count()).toBe(0);
    await page.unroute(`**/api/activities/${stay}`);
    await unavailable.getByRole('button', { name: 'Réessayer' }).click();
    await page.getByRole('heading', { name: 'Page introuvable' }).waitFor();

    // The catalogue: said where the list would be, not « Aucune activité ne correspond à ces critères. ».
    const noList = await openWhileDropped(page, /\/api\/activities\?/, '/activites');
    const none = page.getByText('Aucune activité ne correspond à ces critères.');
    expect(await none.count()).toBe(0);
    await noList.getByRole('button', { name: 'Réessayer' }).click();
    await none.waitFor();

    // The invoices, when whether one can pay online is not known: said, not the list without it.
    const noProvider = await openWhileDropped(
      page,
      '**/api/me/online-payments/provider',
      '/espace/factures',
    );
    const noInvoice = page.getByText('Aucune facture : elles apparaissent ici');
    expect(await noInvoice.count()).toBe(0);
    await noProvider.getByRole('button', { name: 'Réessayer' }).click();
    await noInvoice.waitFor();

    // The member's own requests: said, not « Aucune demande pour l’instant. ».
    const noRequests = await openWhileDropped(
      page,
      '**/api/me/registrations',
      '/espace/inscriptions',
    );
    expect(await page.getByText('Aucune demande pour l’instant.').count()).toBe(0);
    await noRequests.getByRole('button', { name: 'Réessayer' }).click();
    await page.getByText('Aucune demande pour l’instant.').waitFor();
  });

  it('keeps a new activity from being saved without its cap when the caps cannot be read', async () => {
    const desk = await desktopPage(env.browser);
    await login(desk, env.app, 'GEST-FI-ERREURS');
    await desk.route('**/api/staff/packs', (route) => route.abort(), { times: 1 });
    await desk.goto(`${env.app.url}/gestion/activites`);
    const form = desk.locator('form').filter({ hasText: 'Nouvelle activité' });
    const noAnswer = form.getByRole('alert').filter({ hasText: 'Le serveur ne répond pas' });
    await noAnswer.waitFor();
    const create = form.getByRole('button', { name: 'Créer l’activité (non publiée)' });
    expect(await create.isDisabled()).toBe(true);
    expect(await form.getByLabel('Plafond de la base subventionnable').count()).toBe(0);
    await expectAccessible(desk);
    await noAnswer.getByRole('button', { name: 'Réessayer' }).click();
    const cap = form.getByLabel('Plafond de la base subventionnable');
    await cap.waitFor();
    expect(await cap.locator('option').count()).toBeGreaterThan(1);
    expect(await create.isDisabled()).toBe(false);
  });

  it('says when the Fiche queue’s years cannot be read, rather than offer « Toutes » alone', async () => {
    const desk = await desktopPage(env.browser);
    await login(desk, env.app, 'GEST-FA-ERREURS');
    const noAnswer = await openWhileDropped(desk, '**/api/record-years', '/gestion/fiches');
    const year = desk.getByLabel('Année');
    expect(await year.locator('option').count()).toBe(1);
    await noAnswer.getByRole('button', { name: 'Réessayer' }).click();
    // The alert goes as the retry starts; the years come with its answer.
    await year.locator('option').nth(1).waitFor({ state: 'attached' });
    await noAnswer.waitFor({ state: 'detached' });
    expect(await year.locator('option').count()).toBeGreaterThan(1);
  });
});

describe('the accounting exports', () => {
  it('offer the staff member’s own sectors, say a wrong period on its date, and a check that fails', async () => {
    const desk = await desktopPage(env.browser);
    await login(desk, env.app, 'GEST-FI-ERREURS');
    await desk.goto(`${env.app.url}/gestion/reglements`);
    const sector = desk.getByLabel('Secteur de l’export');
    await sector.waitFor();
    expect(await sector.locator('option').allTextContents()).toEqual(['Mes secteurs', 'Jeunesse']);
    const csv = desk.getByRole('link', { name: 'CSV' });
    expect(await csv.count()).toBe(3);
    // The last day before the first: said on it, and no link to a file the server would refuse.
    await desk.getByLabel('Au', { exact: true }).fill('2020-12-31');
    await desk.getByText('Indiquez le dernier jour de la période, le même jour').waitFor();
    expect(await csv.count()).toBe(0);
    await desk
      .getByText('Corrigez les dates de la période pour télécharger les exports.')
      .waitFor();
    await expectAccessible(desk);
    await desk.getByLabel('Au', { exact: true }).fill('2021-12-31');
    await csv.first().waitFor();
    expect(await csv.count()).toBe(3);
    // The consistency check when the connection drops: said by its button, then done.
    await desk.route('**/api/staff/billing/consistency', (route) => route.abort(), { times: 1 });
    const check = desk.getByRole('button', { name: 'Contrôler la cohérence des montants' });
    await check.click();
    const noAnswer = desk.getByRole('alert').filter({ hasText: 'Le serveur ne répond pas' });
    await noAnswer.waitFor();
    await check.click();
    await desk.getByText(/pièces contrôlées : tout est cohérent\./).waitFor();
    expect(await noAnswer.count()).toBe(0);
  });
});
