// Issue 14, point 15: one set of design tokens, a light and a dark theme — the device's, or the
// one chosen in the footer — each passing axe-core's contrast checks, at a desk and on a phone.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, householdWithRecord } from '../apps/server/test/harness.ts';
import { desktopPage, expectAccessible, phonePage } from './support/browser.ts';
import { login, useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser();
beforeAll(async () => {
  await householdWithRecord(env.app.db, env.app.config, {
    identifier: 'IN-000871',
    taxIncomeEuros: 30_000,
    dependants: [{ relation: 'child', firstName: 'Jade', birthDate: '2012-02-02' }],
  });
  await createUser(env.app.db, { identifier: 'GEST-THEME', role: 'staff', sectors: ['jeunesse'] });
});

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);
/** The page's background, as the browser paints it. */
const background = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

describe.each([
  ['at a desk', desktopPage],
  ['on a phone', phonePage],
])('themes, %s', (_, open: (browser: Browser) => Promise<Page>) => {
  it('follows a dark device, reads well in the dark, and keeps the theme chosen', async () => {
    const page = await open(env.browser);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${env.app.url}/`);
    await page.getByLabel('Thème de l’affichage').waitFor();
    expect(await theme(page)).toBe('dark');
    expect(await background(page)).toBe('rgb(18, 20, 23)');
    await expectAccessible(page);
    for (const path of ['/activites', '/simulateur']) {
      await page.goto(`${env.app.url}${path}`);
      await page.getByLabel('Thème de l’affichage').waitFor();
      await expectAccessible(page);
    }
    await login(page, env.app, 'IN-000871');
    await expectAccessible(page);
    await login(page, env.app, 'GEST-THEME');
    await page.goto(`${env.app.url}/gestion`);
    await page.getByRole('heading', { name: 'Gestion', exact: false }).first().waitFor();
    await expectAccessible(page);

    // « Clair » chosen: the page is light, and stays so on the next visit.
    await page.getByLabel('Thème de l’affichage').selectOption('light');
    // Applied by an effect, which Preact runs after the next frame.
    await expect.poll(() => theme(page)).toBe('light');
    await page.reload();
    await page.getByLabel('Thème de l’affichage').waitFor();
    expect(await theme(page)).toBe('light');
    expect(await background(page)).toBe('rgb(255, 255, 255)');
    expect(await page.getByLabel('Thème de l’affichage').inputValue()).toBe('light');
  });
});
