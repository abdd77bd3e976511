// One running app per test file on the run's shared browser, and the login every story starts with.
import { sessionAnswer } from '@entraide/contract';
import type { Browser, Cookie, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import {
  addDefaultRib,
  Client,
  festivalClaim,
  freshTotpCode,
  householdWithRecord,
  PASSWORD,
  uploadReceipt,
  type HouseholdOptions,
} from '../../apps/server/test/harness.ts';
import { startApp, type RunningApp } from './app-server.ts';
import { connectBrowser, expectDocumentedAnswers } from './browser.ts';

export interface Fixture {
  app: RunningApp;
  browser: Browser;
}

/**
 * Starts the app and connects to the run's chromium before the file's tests; after each, checks
 * the API answers its pages received; stops the app and closes the file's pages after.
 */
export function useAppAndBrowser(options: Parameters<typeof startApp>[0] = {}): Fixture {
  const fixture = {} as Fixture;
  beforeAll(async () => {
    [fixture.app, fixture.browser] = await Promise.all([startApp(options), connectBrowser()]);
  });
  afterEach(expectDocumentedAnswers);
  afterAll(async () => {
    await fixture.browser.close();
    await fixture.app.close();
  });
  return fixture;
}

/**
 * The sessions that passed a second factor, by app and account. An authenticator's code serves
 * once, and the server takes the next one only when its 30 s come: a third login within a minute
 * would wait for it. A test that needs such an account again reuses its session, as a second tab
 * of the same browser would. Kept with the app, they go with it.
 */
interface VerifiedSession {
  readonly cookies: Cookie[];
  readonly home: string;
}
const verifiedSessions = new WeakMap<RunningApp, Map<string, VerifiedSession>>();

/**
 * Logs in through the login page, like a person — with the code of the authenticator app when
 * the account has one (every staff fixture does) — and waits for the member's space. An account
 * with such a code already logged in by an earlier test on the same app keeps that session
 * while it lasts.
 */
export async function login(
  page: Page,
  app: RunningApp,
  identifier: string,
  password = PASSWORD,
): Promise<void> {
  const welcome = page.getByRole('heading', { level: 1, name: /Bonjour/ });
  const sessions = verifiedSessions.get(app) ?? new Map<string, VerifiedSession>();
  verifiedSessions.set(app, sessions);
  const kept = sessions.get(identifier);
  if (kept) {
    await page.context().addCookies(kept.cookies);
    const { user } = sessionAnswer.parse(
      await (await page.request.get(`${app.url}/api/session`)).json(),
    );
    if (user?.identifier === identifier && user.secondFactor.verified) {
      await page.goto(kept.home);
      await welcome.waitFor();
      return;
    }
    // Ended since (a logout, a new password): logged in again below.
    sessions.delete(identifier);
    await page.context().clearCookies();
  }
  await page.goto(`${app.url}/connexion`);
  await page.getByLabel('Identifiant CAES').fill(identifier);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const code = page.getByLabel('Code de vérification');
  await welcome.or(code).waitFor();
  if (await code.isVisible()) {
    await code.fill(await freshTotpCode(app.db, identifier));
    await page.getByRole('button', { name: 'Valider le code' }).click();
    await welcome.waitFor();
    sessions.set(identifier, { cookies: await page.context().cookies(), home: page.url() });
  }
}

/**
 * A household with a validated Fiche whose first dependant has a confirmed place on a session
 * open first come first served, asked for through the API as the member's page does.
 */
export async function childWithPlace(
  app: RunningApp,
  household: HouseholdOptions,
  sessionId: string,
): Promise<void> {
  await householdWithRecord(app.db, app.config, household);
  const family = new Client(app.url, app.db);
  await family.login(household.identifier, PASSWORD);
  const booked = await family.post('/api/me/registrations', {
    dependantIndex: 0,
    choices: [{ sessionId, transportCity: null }],
    depositMethod: 'cheque',
  });
  expect(booked.json()).toMatchObject({ status: 'confirmed' });
}

/**
 * Another desk records a transfer (or the cheque numbered `cheque`) on the invoice `invoiceId`
 * (dated its issue day), through the API with the staff session `page` holds — while a
 * confirmation stays open on that page: the payment's answer status.
 */
export async function transferFromAnotherDesk(
  page: Page,
  app: RunningApp,
  invoiceId: string,
  amountCents: number,
  cheque?: string,
): Promise<number> {
  const [due] = await app.db.query<{ today: string }>(
    'SELECT issued_on::text AS today FROM invoices WHERE id = $1',
    [invoiceId],
  );
  return page.evaluate(
    async ({ id, today, cents, number }) => {
      const csrf = /entraide_csrf=([^;]*)/.exec(document.cookie)?.[1] ?? '';
      const answer = await fetch('/api/staff/payments', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-csrf-token': csrf,
          'idempotency-key': crypto.randomUUID(),
        },
        body: JSON.stringify({
          invoiceId: id,
          amountCents: cents,
          receivedOn: today,
          ...(number ? { method: 'cheque', chequeNumber: number } : { method: 'transfer' }),
        }),
      });
      return answer.status;
    },
    { id: invoiceId, today: due?.today ?? '', cents: amountCents, number: cheque },
  );
}

/**
 * A household with a RIB whose festival ticket the desk `deskIdentifier` (Loisirs-Culture)
 * granted, through the API as the pages do: the desk, logged in, and the amount granted.
 */
export async function grantedFestival(
  app: RunningApp,
  identifier: string,
  deskIdentifier: string,
): Promise<{ desk: Client; approvedCents: number }> {
  await householdWithRecord(app.db, app.config, {
    identifier,
    taxIncomeEuros: 30_000,
    dependants: [],
  });
  const member = new Client(app.url, app.db);
  await member.login(identifier, PASSWORD);
  await addDefaultRib(member);
  const { id } = (
    await member.post('/api/me/claims', festivalClaim([await uploadReceipt(member)]))
  ).json<{ id: string }>();
  const desk = new Client(app.url, app.db);
  await desk.login(deskIdentifier, PASSWORD);
  const decided = await desk.post(`/api/staff/claims/${id}/decision`, { decision: 'approve' });
  expect(decided.status).toBe(200);
  return { desk, approvedCents: decided.json<{ approvedCents: number }>().approvedCents };
}
