// A second factor for staff and admins (issue 11, point 11): TOTP, passkeys, recovery codes, the
// admin's audited reset; a stolen password alone never opens the back office.
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createUser, mailsTo, PASSWORD, testApp, type TestApp } from './harness.ts';
import { SoftAuthenticator } from './soft-authenticator.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await testApp({ PUBLIC_URL: 'http://localhost:3000' });
  await createUser(t.db, { identifier: 'ADMIN-2FA', role: 'admin' });
  admin = t.client();
  await admin.login('ADMIN-2FA', PASSWORD);
});
afterAll(() => t.close());

/** A staff account created without any second factor, as a new gestionnaire's is. */
async function newStaff(identifier: string): Promise<string> {
  const id = await createUser(t.db, { identifier, role: 'staff', sectors: ['fiche-agent'] });
  await t.db.query('UPDATE users SET totp_secret = NULL WHERE id = $1', [id]);
  return id;
}

/** A browser without the fixtures' shortcut: every step as a person does it. */
const browser = () => new Client(t.app);

const loginStep = async (client: Client, identifier: string) =>
  (await client.login(identifier, PASSWORD)).json<{ secondFactor: string }>().secondFactor;

const codeAt = (secret: string, offsetSteps = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });

describe('TOTP', () => {
  it('a new gestionnaire must enrol before the back office opens, then gets 10 recovery codes', async () => {
    await newStaff('GEST-NEUF');
    const client = browser();
    expect(await loginStep(client, 'GEST-NEUF')).toBe('enrol');
    const blocked = await client.get('/api/staff/agent-records');
    expect(blocked.status).toBe(403);
    expect(blocked.json<{ message: string }>().message).toContain('second facteur');

    const setup = (await client.post('/api/me/second-factor/totp')).json<{
      secret: string;
      uri: string;
      qrCode: string;
    }>();
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(setup.qrCode).toMatch(/^data:image\/png;base64,/);
    expect(
      (await client.post('/api/me/second-factor/totp/confirm', { code: '000000' })).status,
    ).toBe(400);
    const confirmed = await client.post('/api/me/second-factor/totp/confirm', {
      code: await codeAt(setup.secret),
    });
    expect(confirmed.status).toBe(200);
    const { recoveryCodes } = confirmed.json<{ recoveryCodes: string[] }>();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await client.get('/api/staff/agent-records')).status).toBe(200);
  });

  it('the password alone opens nothing; a code opens the session, never twice; a recovery code once', async () => {
    await newStaff('GEST-CODE');
    const first = browser();
    await loginStep(first, 'GEST-CODE');
    const { secret } = (await first.post('/api/me/second-factor/totp')).json<{ secret: string }>();
    const enrolling = await codeAt(secret);
    const enrolment = await first.post('/api/me/second-factor/totp/confirm', { code: enrolling });
    const [recovery] = enrolment.json<{ recoveryCodes: string[] }>().recoveryCodes;

    const thief = browser();
    expect(await loginStep(thief, 'GEST-CODE')).toBe('verify');
    const refused = await thief.get('/api/staff/agent-records');
    expect(refused.status).toBe(401);
    expect(refused.json()).toMatchObject({ error: 'second_factor_required' });
    expect((await thief.get('/api/me/entitlements/2021')).status).toBe(401);
    // The code that enrolled the app was seen: it never opens another session. The same code,
    // not one computed again: the clock may have reached the next 30 s step meanwhile.
    const replay = await thief.post('/api/session/second-factor', { code: enrolling });
    expect(replay.status).toBe(400);
    expect(replay.json<{ message: string }>().message).toContain('6 chiffres');

    const owner = browser();
    await loginStep(owner, 'GEST-CODE');
    expect(
      (await owner.post('/api/session/second-factor', { code: await codeAt(secret, 1) })).status,
    ).toBe(200);
    expect((await owner.get('/api/staff/agent-records')).status).toBe(200);

    const travelling = browser();
    await loginStep(travelling, 'GEST-CODE');
    const byRecovery = await travelling.post('/api/session/second-factor', { code: recovery });
    expect(byRecovery.json()).toEqual({ recoveryCodesLeft: 9 });
    const again = browser();
    await loginStep(again, 'GEST-CODE');
    expect((await again.post('/api/session/second-factor', { code: recovery })).status).toBe(400);
  });

  /** A staff member with a TOTP, and someone past the password who guesses the code. */
  async function guesserOf(identifier: string) {
    await newStaff(identifier);
    const client = browser();
    await loginStep(client, identifier);
    const { secret } = (await client.post('/api/me/second-factor/totp')).json<{ secret: string }>();
    await client.post('/api/me/second-factor/totp/confirm', { code: await codeAt(secret) });
    const guesser = browser();
    await loginStep(guesser, identifier);
    return guesser;
  }

  it('five wrong codes pause the account’s second step', async () => {
    const guesser = await guesserOf('GEST-FAUX');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push(
        (await guesser.post('/api/session/second-factor', { code: '12345' + String(i) })).status,
      );
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it('twelve codes sent at once are five tries, not twelve', async () => {
    const guesser = await guesserOf('GEST-RAFALE');
    const statuses = (
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          guesser.post('/api/session/second-factor', { code: String(100_000 + i) }),
        ),
      )
    ).map(({ status }) => status);
    const tried = statuses.filter((status) => status === 400).length;
    expect(tried).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(12 - tried);
  });
});

describe('passkeys', () => {
  it('a passkey enrolled, then used to sign in, through the real WebAuthn checks', async () => {
    await newStaff('GEST-CLE');
    const authenticator = new SoftAuthenticator('http://localhost:3000', 'localhost');
    const client = browser();
    expect(await loginStep(client, 'GEST-CLE')).toBe('enrol');
    const creation = (await client.post('/api/me/second-factor/passkeys/options')).json<{
      challenge: string;
      rp: { id: string };
    }>();
    expect(creation.rp.id).toBe('localhost');
    const added = await client.post('/api/me/second-factor/passkeys', {
      name: 'Ordinateur du bureau',
      response: authenticator.register(creation),
    });
    expect(added.status).toBe(201);
    expect(added.json<{ recoveryCodes: string[] }>().recoveryCodes).toHaveLength(10);

    const later = browser();
    expect(await loginStep(later, 'GEST-CLE')).toBe('verify');
    const request = (await later.post('/api/session/second-factor/passkey/options')).json<{
      challenge: string;
    }>();
    // A signature over another challenge (a replayed ceremony) is refused.
    const stale = await later.post(
      '/api/session/second-factor/passkey',
      authenticator.authenticate({ challenge: 'AAAA' }),
    );
    expect(stale.status).toBe(400);
    const fresh = (await later.post('/api/session/second-factor/passkey/options')).json<{
      challenge: string;
    }>();
    expect(fresh.challenge).not.toBe(request.challenge);
    expect(
      (await later.post('/api/session/second-factor/passkey', authenticator.authenticate(fresh)))
        .status,
    ).toBe(204);
    expect((await later.get('/api/staff/agent-records')).status).toBe(200);
    const summary = (await later.get('/api/me/second-factor')).json<{
      passkeys: { name: string }[];
    }>();
    expect(summary.passkeys.map((p) => p.name)).toEqual(['Ordinateur du bureau']);
  });
});

describe('the admin’s reset', () => {
  it('removes every factor, closes the sessions, tells the person and is audited', async () => {
    const id = await newStaff('GEST-PERDU');
    const client = browser();
    await loginStep(client, 'GEST-PERDU');
    const { secret } = (await client.post('/api/me/second-factor/totp')).json<{ secret: string }>();
    await client.post('/api/me/second-factor/totp/confirm', { code: await codeAt(secret) });
    expect((await client.get('/api/staff/agent-records')).status).toBe(200);

    const accounts = (await admin.get('/api/admin/staff-accounts')).json<{
      accounts: { identifier: string; enrolled: boolean }[];
    }>().accounts;
    expect(accounts.find((a) => a.identifier === 'GEST-PERDU')?.enrolled).toBe(true);
    expect(
      (await admin.post(`/api/admin/users/${id}/second-factor/reset`, { reason: '' })).status,
    ).toBe(400);
    expect(
      (
        await admin.post(`/api/admin/users/${id}/second-factor/reset`, {
          reason: 'Téléphone perdu',
        })
      ).status,
    ).toBe(204);
    expect((await client.get('/api/staff/agent-records')).status).toBe(401);
    expect(await loginStep(browser(), 'GEST-PERDU')).toBe('enrol');
    const [audit] = await t.db.query<{ details: { reason: string } }>(
      `SELECT details FROM audit_log WHERE action = 'second_factor.reset' AND subject_id = $1`,
      [id],
    );
    expect(audit?.details.reason).toBe('Téléphone perdu');
    expect((await mailsTo(t.db, 'gest-perdu@example.org')).at(-1)?.subject).toContain(
      'Second facteur réinitialisé',
    );
    // A gestionnaire is not an admin: no reset for them.
    expect((await client.get('/api/admin/staff-accounts')).status).toBe(401);
  });
});

describe('members', () => {
  it('may enrol a second factor, which their next login then asks for', async () => {
    await createUser(t.db, { identifier: 'IN-440001' });
    const member = browser();
    expect(await loginStep(member, 'IN-440001')).toBe('none');
    const { secret } = (await member.post('/api/me/second-factor/totp')).json<{ secret: string }>();
    await member.post('/api/me/second-factor/totp/confirm', { code: await codeAt(secret) });
    expect(await loginStep(browser(), 'IN-440001')).toBe('verify');
  });
});
