// Every screen, once, with the demo's committee in it: a member's on a phone, the admin's at a desk
// and on a phone. Each one reads what it shows (no « Chargement… » left, no failure said), passes
// axe-core with no serious violation, is no wider than the screen, and shows where the keyboard
// is — the standard the other stories check on the screens they walk through, here on all of them.
// `npm test` tours the INSERM's committee; `TOUR_COMMITTEE=cnrs npx vitest run e2e/screens-tour.e2e.test.ts`
// (after `npm run build`) the CNRS's.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemoData } from '../apps/server/src/demo/demo-data.ts';
import { calendar } from '../apps/server/src/modules/accounts/context.ts';
import { DatabaseDocumentStore } from '../apps/server/src/modules/household/documents.ts';
import { createMailer } from '../apps/server/src/modules/notifications/mailer.ts';
import { organizationOf } from '../apps/server/src/modules/organization/organization.ts';
import { ownPacks } from '../apps/server/test/harness.ts';
import { desktopPage, expectAccessible, phonePage } from './support/browser.ts';
import { login, useAppAndBrowser } from './support/fixture.ts';

const COMMITTEE = process.env.TOUR_COMMITTEE === 'cnrs' ? 'cnrs' : 'inserm';
const committee = organizationOf(COMMITTEE);
const member = `${committee.identifierPrefix}-000001`;
const env = useAppAndBrowser({ env: { ORGANIZATION: COMMITTEE } });
beforeAll(async () => {
  const accounts = await loadDemoData(env.app.db, committee, {
    packs: ownPacks(),
    store: new DatabaseDocumentStore(env.app.db),
    mailer: createMailer(null),
    publicUrl: env.app.url,
    today: calendar(env.app.config.today),
  });
  expect(accounts?.length).toBeGreaterThan(0);
});

/** What a screen says when what it reads could not be had, or went wrong. */
const FAILURE = /pas accès|ne répond pas|indisponible|erreur est survenue|pas pu être|introuvable/i;

/**
 * Opens `path`, waits for its title and for what it reads, then checks it — and its first Tab
 * stops, unless `keyboard` is false (the same screen already walked at another width).
 */
async function visit(page: Page, path: string, keyboard = true): Promise<void> {
  await page.goto(`${env.app.url}${path}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // Every read answered: no « Chargement… » left anywhere on the screen.
  await expect
    .poll(
      () =>
        page
          .getByRole('status')
          .filter({ hasText: /^Chargement/ })
          .count(),
      {
        message: `${path} still loading`,
        timeout: 15_000,
      },
    )
    .toBe(0);
  const alerts = await page.getByRole('alert').allTextContents();
  expect(
    alerts.filter((text) => FAILURE.test(text)),
    path,
  ).toEqual([]);
  await expectAccessible(page);
  if (keyboard) await expectKeyboardFocusShown(page);
}

/**
 * Where the keyboard is, shown: the first `stops` of the Tab key (from the page's title, where a
 * new screen puts the focus) are each of some size and drawn with a focus ring — an outline or a
 * box shadow, on the control or, for a control hidden on purpose (a file picker), on its label.
 * The keys are pressed without a round trip between them.
 */
async function expectKeyboardFocusShown(page: Page, stops = 40): Promise<void> {
  await page.evaluate(() => {
    const unmarked: string[] = [];
    Object.assign(window, { unmarked });
    const marked = (element: Element) => {
      const style = getComputedStyle(element);
      return (
        (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') ||
        style.boxShadow !== 'none'
      );
    };
    // Judged as the Tab key comes up: the focus has moved, within a control too (a date's parts).
    document.addEventListener('keyup', ({ key }) => {
      const target = document.activeElement;
      if (key !== 'Tab' || !(target instanceof HTMLElement) || target === document.body) return;
      const box = target.getBoundingClientRect();
      const label = target instanceof HTMLInputElement ? target.labels?.[0] : undefined;
      const shown =
        marked(target) ||
        (label !== undefined && Array.from(label.querySelectorAll('*')).some(marked));
      if (box.width === 0 || box.height === 0 || !shown)
        unmarked.push(target.outerHTML.slice(0, 120));
    });
  });
  for (let stop = 0; stop < stops; stop += 1) await page.keyboard.press('Tab');
  expect(
    await page.evaluate(() => (window as unknown as { unmarked: string[] }).unmarked),
    page.url(),
  ).toEqual([]);
}

const PUBLIC = [
  '/',
  '/simulateur',
  '/activites',
  COMMITTEE === 'cnrs' ? '/baremes/cnrs-2019' : '/baremes/inserm-2021',
  '/connexion',
  '/inscription',
  '/identifiant-oublie',
  '/mot-de-passe-oublie',
];

const MEMBER = [
  '/espace',
  '/espace/fiche',
  '/espace/inscriptions',
  '/espace/inscriptions/nouvelle',
  '/espace/factures',
  '/espace/subventions',
  '/espace/solidarite',
  '/espace/rib',
  '/espace/coordonnees',
  '/espace/partenaires',
  '/espace/consultations',
  '/espace/prestations',
  '/espace/historique',
  '/espace/mes-donnees',
  '/espace/mot-de-passe',
  '/espace/securite',
];

const STAFF = [
  '/gestion',
  '/gestion/inscriptions',
  '/gestion/fiches',
  '/gestion/adherents',
  '/gestion/activites',
  '/gestion/selection',
  '/gestion/reglements',
  '/gestion/subventions',
  '/gestion/solidarite',
  '/gestion/tableau-de-bord',
  '/gestion/partenaires',
  '/gestion/baremes',
  '/gestion/comite',
  '/gestion/comptes',
  '/gestion/courriels',
  '/gestion/journal',
];

describe(`every screen, with the demo committee (${COMMITTEE})`, () => {
  it('the public ones and a member’s, on a phone', async () => {
    const page = await phonePage(env.browser);
    for (const path of PUBLIC) await visit(page, path);
    // A stay's own page, the first in the catalogue.
    await page.goto(`${env.app.url}/activites`);
    const stay = page.locator('a[href^="/activites/"]').first();
    const href = (await stay.getAttribute('href')) ?? '';
    await visit(page, href);

    await login(page, env.app, member, DEMO_PASSWORD);
    for (const path of MEMBER) await visit(page, path);
  }, 240_000);

  it('the back office’s, at a desk and on a phone', async () => {
    const desk = await desktopPage(env.browser);
    await login(desk, env.app, 'ADMIN', DEMO_PASSWORD);
    for (const path of STAFF) await visit(desk, path);
    const phone = await phonePage(env.browser);
    await login(phone, env.app, 'ADMIN', DEMO_PASSWORD);
    for (const path of STAFF) await visit(phone, path, false);
  }, 240_000);

  it('a sector’s staff: its own sections in the nav, the others said to be another sector’s', async () => {
    for (const [identifier, own] of [
      ['GEST-COMPTABILITE', ['/gestion/subventions']],
      ['GEST-FICHE-AGENT', ['/gestion/inscriptions', '/gestion/fiches']],
      ['GEST-SOLIDARITE', ['/gestion/solidarite']],
    ] as const) {
      const page = await desktopPage(env.browser);
      await login(page, env.app, identifier, DEMO_PASSWORD);
      await page.goto(`${env.app.url}/gestion`);
      const nav = page.getByRole('navigation', { name: 'Gestion' });
      await nav.getByRole('link', { name: 'Accueil' }).waitFor();
      const links = await nav
        .getByRole('link')
        .evaluateAll((all) => all.map((link) => link.getAttribute('href')));
      // Every staff member's sections, and their own.
      expect(links.sort(), identifier).toEqual(
        [
          '/gestion',
          '/gestion/adherents',
          '/gestion/partenaires',
          '/gestion/baremes',
          ...own,
        ].sort(),
      );
      for (const path of STAFF) {
        if (links.includes(path)) {
          await visit(page, path, false);
          continue;
        }
        await page.goto(`${env.app.url}${path}`);
        await page.getByRole('heading', { name: 'Accès refusé', level: 1 }).waitFor();
        expect(await page.locator('main').textContent()).toMatch(
          /réservée aux administrateurs|celle du personnel des secteurs/,
        );
      }
      await page.context().close();
    }
  }, 240_000);
});
