// One running app and one browser per test file, and the login every story starts with.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { PASSWORD } from '../../apps/server/test/harness.ts';
import { startApp, type RunningApp } from './app-server.ts';
import { launchBrowser } from './browser.ts';

export interface Fixture {
  app: RunningApp;
  browser: Browser;
}

/** Starts the app and chromium before the file's tests and stops them after. */
export function useAppAndBrowser(): Fixture {
  const fixture = {} as Fixture;
  beforeAll(async () => {
    [fixture.app, fixture.browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await fixture.browser.close();
    await fixture.app.close();
  });
  return fixture;
}

/** Logs in through the login page, like a person, and waits for the member's space. */
export async function login(
  page: Page,
  baseUrl: string,
  identifier: string,
  password = PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}/connexion`);
  await page.getByLabel('Identifiant CAES').fill(identifier);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { level: 1, name: /Bonjour/ }).waitFor();
}
