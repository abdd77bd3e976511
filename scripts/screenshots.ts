// `npm run screenshots`: the main member and staff pages of the demo, at a desk (1280 × 800) and
// on a phone (390 × 844), saved in docs/screenshots/ — the app started as `npm start` starts it
// (embedded database, demo data), in a temporary folder, driven by the browser the tests use.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs', 'screenshots');
const PORT = Number(process.env.SCREENSHOTS_PORT ?? 3987);
const URL = `http://localhost:${PORT}`;
const PASSWORD = 'Entraide-demo-2026';
/** The 30-second window of the last code each staff account logged in with. */
const usedWindows = new Map<string, number>();

const VIEWPORTS = {
  desk: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

/** The member's pages, then the staff's, each with who sees it. */
const PAGES: readonly { name: string; path: string; who: string | null }[] = [
  { name: 'accueil', path: '/', who: null },
  { name: 'simulateur', path: '/simulateur', who: null },
  { name: 'bareme', path: '/baremes/inserm-2021', who: null },
  { name: 'catalogue', path: '/activites', who: null },
  { name: 'catalogue-calendrier', path: '/activites?vue=calendrier', who: 'IN-000001' },
  { name: 'espace-adherent', path: '/espace', who: 'IN-000001' },
  { name: 'fiche-agent', path: '/espace/fiche', who: 'IN-000001' },
  { name: 'factures', path: '/espace/factures', who: 'IN-000001' },
  { name: 'subventions', path: '/espace/subventions', who: 'IN-000001' },
  { name: 'prestations', path: '/espace/prestations', who: 'IN-000001' },
  { name: 'historique', path: '/espace/historique', who: 'IN-000001' },
  { name: 'gestion-accueil', path: '/gestion', who: 'ADMIN' },
  { name: 'gestion-inscriptions', path: '/gestion/inscriptions', who: 'ADMIN' },
  { name: 'gestion-selection', path: '/gestion/selection', who: 'ADMIN' },
  { name: 'gestion-subventions', path: '/gestion/subventions', who: 'ADMIN' },
  { name: 'gestion-reglements', path: '/gestion/reglements', who: 'ADMIN' },
  { name: 'gestion-fiches', path: '/gestion/fiches', who: 'ADMIN' },
  { name: 'gestion-tableaux-de-bord', path: '/gestion/tableau-de-bord', who: 'ADMIN' },
  { name: 'gestion-baremes', path: '/gestion/baremes', who: 'ADMIN' },
];

/** Starts `npm start`'s server on its own data folder; resolves once it says it is ready. */
function startDemo(dataDir: string): Promise<() => void> {
  // The embedded database, whatever DATABASE_URL the shell has.
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: ROOT,
    env: { ...env, PORT: String(PORT), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((ready, fail) => {
    server.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('prêt sur')) ready(() => server.kill());
    });
    server.once('exit', (code) => fail(new Error(`the demo server stopped (${String(code)})`)));
  });
}

async function logIn(page: Page, identifier: string): Promise<void> {
  await page.goto(`${URL}/connexion`);
  await page.getByLabel('Identifiant CAES').fill(identifier);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const welcome = page.getByRole('heading', { level: 1, name: /Bonjour/ });
  const code = page.getByLabel('Code de vérification');
  await welcome.or(code).waitFor();
  if (await code.isVisible()) {
    // A code is taken once: a second login in the same 30 s window waits for the next code.
    const window = Math.floor(Date.now() / 30_000);
    if (usedWindows.get(identifier) === window)
      await new Promise((resolve) =>
        setTimeout(resolve, (window + 1) * 30_000 - Date.now() + 1_000),
      );
    usedWindows.set(identifier, Math.floor(Date.now() / 30_000));
    const codes = await (await fetch(`${URL}/dev/totp`)).text();
    const totp = new RegExp(`${identifier}</th><td><code>(\\d{6})`).exec(codes)?.[1] ?? '';
    await code.fill(totp);
    await page.getByRole('button', { name: 'Valider le code' }).click();
    await welcome.waitFor();
  }
}

async function capture(browser: Browser): Promise<string[]> {
  const files: string[] = [];
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    const sessions = new Map<string | null, Page>();
    for (const { name, path, who } of PAGES) {
      let page = sessions.get(who);
      if (!page) {
        page = await (await browser.newContext({ viewport, locale: 'fr-FR' })).newPage();
        if (who) await logIn(page, who);
        sessions.set(who, page);
      }
      await page.goto(`${URL}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      // Every answer in (the pages load their data after the first paint).
      await page.waitForLoadState('networkidle');
      const file = join(OUT, `${name}-${device}.png`);
      await page.screenshot({ path: file, fullPage: device === 'desk' });
      files.push(file);
    }
  }
  return files;
}

const dataDir = mkdtempSync(join(tmpdir(), 'entraide-screenshots-'));
mkdirSync(OUT, { recursive: true });
const stop = await startDemo(dataDir);
const browser = await launchBrowser();
try {
  const files = await capture(browser);
  console.log(`${files.length} captures dans docs/screenshots/`);
} finally {
  await browser.close();
  stop();
  rmSync(dataDir, { recursive: true, force: true });
}
