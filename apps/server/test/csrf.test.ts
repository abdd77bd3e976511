// CSRF tokens are bound to the session (issue 11, point 10): a cookie planted by another site,
// or the token of another session, never passes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyWithRecord, PASSWORD, testApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await familyWithRecord(t, { identifier: 'IN-550001', taxIncomeEuros: 30_000, dependants: [] });
  await familyWithRecord(t, { identifier: 'IN-550002', taxIncomeEuros: 30_000, dependants: [] });
});
afterAll(() => t.close());

/** The cookies a fresh browser gets from logging in, by name. */
async function loggedIn(identifier: string): Promise<Record<string, string>> {
  const jar: Record<string, string> = {};
  const keep = (cookies: { name: string; value: string }[]) => {
    for (const c of cookies) jar[c.name] = c.value;
  };
  keep((await t.app.inject({ method: 'GET', url: '/api/session' })).cookies);
  const cookie = () =>
    Object.entries(jar)
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { identifier, password: PASSWORD },
    headers: { cookie: cookie(), 'x-csrf-token': jar.entraide_csrf ?? '' },
  });
  expect(login.statusCode).toBe(200);
  keep(login.cookies);
  return jar;
}

const changeContact = (cookies: Record<string, string>, token: string) =>
  t.app.inject({
    method: 'PUT',
    url: '/api/me/contact',
    payload: { email: 'nouvelle@example.org', phone: '0102030405', address: '1 rue des Lilas' },
    headers: {
      cookie: Object.entries(cookies)
        .map(([name, value]) => `${name}=${value}`)
        .join('; '),
      'x-csrf-token': token,
    },
  });

describe('CSRF tokens bound to the session', () => {
  it('the session’s own token passes', async () => {
    const jar = await loggedIn('IN-550001');
    expect((await changeContact(jar, jar.entraide_csrf ?? '')).statusCode).toBe(204);
  });

  it('a cookie planted by another site, repeated in the header, is refused', async () => {
    const jar = await loggedIn('IN-550001');
    const planted = { ...jar, entraide_csrf: 'jeton-choisi-par-un-attaquant' };
    const answer = await changeContact(planted, 'jeton-choisi-par-un-attaquant');
    expect(answer.statusCode).toBe(403);
    expect(answer.json()).toMatchObject({ error: 'csrf' });
  });

  it('the token of another session (the attacker’s own) is refused', async () => {
    const victim = await loggedIn('IN-550001');
    const attacker = await loggedIn('IN-550002');
    const answer = await changeContact(
      { ...victim, entraide_csrf: attacker.entraide_csrf ?? '' },
      attacker.entraide_csrf ?? '',
    );
    expect(answer.statusCode).toBe(403);
  });

  it('logging in gives a new token: the one from before the login no longer passes', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/session' })).cookies;
    const visitorToken = before.find((c) => c.name === 'entraide_csrf')?.value ?? '';
    const jar = await loggedIn('IN-550001');
    expect(jar.entraide_csrf).not.toBe(visitorToken);
    expect((await changeContact(jar, visitorToken)).statusCode).toBe(403);
  });
});
