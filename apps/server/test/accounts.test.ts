import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { forgetOldAttempts } from '../src/modules/accounts/attempts.ts';
import { Client, createUser, mailsTo, PASSWORD, testApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await createUser(t.db, {
    identifier: 'STAFF-FA',
    role: 'staff',
    sectors: ['fiche-agent'],
  });
  await createUser(t.db, { identifier: 'STAFF-JE', role: 'staff', sectors: ['jeunesse'] });
  await createUser(t.db, { identifier: 'ADMIN', role: 'admin' });
});
afterAll(() => t.close());

const signUp = (overrides: { email?: string; lastName?: string; matricule?: string } = {}) => ({
  identity: {
    lastName: overrides.lastName ?? 'Durand',
    firstName: 'Léa',
    birthDate: '1985-02-14',
    ...(overrides.matricule ? { matricule: overrides.matricule } : {}),
  },
  contact: { email: overrides.email ?? 'lea.durand@example.org', phone: '01 23 45 67 89' },
  family: {
    couple: true,
    spouse: { lastName: 'Durand', firstName: 'Paul', birthDate: '1983-07-01' },
    children: [{ firstName: 'Zoé', birthDate: '2012-03-04' }],
  },
  confirmation: { accurate: true },
});

async function staff(identifier = 'STAFF-FA'): Promise<Client> {
  const client = t.client();
  expect((await client.login(identifier, PASSWORD)).status).toBe(200);
  return client;
}

/** The link of the last mail sent to an address. */
async function lastLink(address: string): Promise<string> {
  const mails = await mailsTo(t.db, address);
  const link = /https?:\/\/\S+jeton=([\w-]+)/.exec(mails.at(-1)?.text ?? '');
  if (!link?.[1]) throw new Error(`no link mailed to ${address}`);
  return link[1];
}

describe('sign-up → approval → password → login', () => {
  it('runs the whole first registration', async () => {
    const visitor = t.client();
    const created = await visitor.post('/api/sign-up-requests', signUp({ matricule: '12345678' }));
    expect(created.status).toBe(201);
    expect((await mailsTo(t.db, 'lea.durand@example.org'))[0]?.subject).toBe(
      'CAES Inserm — Demande d’inscription reçue',
    );

    const gestionnaire = await staff();
    const queue = await gestionnaire.get('/api/staff/sign-up-requests');
    const request = queue
      .json<{ requests: { id: string; lastName: string; children: number }[] }>()
      .requests.find((r) => r.lastName === 'Durand');
    expect(request?.children).toBe(1);

    const approved = await gestionnaire.post(
      `/api/staff/sign-up-requests/${request?.id ?? ''}/approve`,
    );
    expect(approved.status).toBe(200);
    const { identifier } = approved.json<{ identifier: string }>();
    expect(identifier).toMatch(/^IN-\d{6}$/);
    const mail = (await mailsTo(t.db, 'lea.durand@example.org')).at(-1);
    expect(mail?.text).toContain(identifier);
    expect(mail?.html).toContain('<a href="http://localhost:3000/mot-de-passe/definir?jeton=');

    const token = await lastLink('lea.durand@example.org');
    expect((await visitor.post('/api/password', { token, password: 'trop court' })).status).toBe(
      400,
    );
    expect(
      (await visitor.post('/api/password', { token, password: 'Mon nouveau mot de passe 1' }))
        .status,
    ).toBe(204);
    expect(
      (await visitor.post('/api/password', { token, password: 'Un autre mot de passe 2' })).json(),
    ).toMatchObject({ error: 'invalid_link' });

    expect(
      (await visitor.login(identifier.toLowerCase(), 'Mon nouveau mot de passe 1')).json(),
    ).toEqual({ secondFactor: 'none' });
    const session = await visitor.get('/api/session');
    expect(session.json()).toMatchObject({
      user: { identifier, firstName: 'Léa', role: 'member' },
      organization: { id: 'inserm', contactEmail: 'fiche-agent.caes@inserm.fr' },
    });
    const me = session.json<{ user: { id: string } }>().user.id;
    const profile = await visitor.get(`/api/members/${me}`);
    expect(profile.json<{ dependants: unknown[] }>().dependants).toEqual([
      { relation: 'spouse', lastName: 'Durand', firstName: 'Paul', birthDate: '1983-07-01' },
      { relation: 'child', lastName: 'Durand', firstName: 'Zoé', birthDate: '2012-03-04' },
    ]);

    const audit = await (await staff('ADMIN')).get('/api/admin/audit-log');
    expect(
      audit.json<{ entries: { action: string; label: string; actor: string }[] }>().entries[0],
    ).toMatchObject({
      action: 'sign_up.approve',
      label: 'inscription au portail acceptée',
      actor: 'STAFF-FA',
    });

    expect((await visitor.delete('/api/session')).status).toBe(204);
    expect((await visitor.get('/api/session')).json()).toMatchObject({ user: null });
  });

  it('refuses a sign-up with field-level French messages', async () => {
    const bad = await t.client().post('/api/sign-up-requests', {
      ...signUp(),
      identity: { lastName: '', firstName: 'A', birthDate: '1985-13-01', matricule: '123' },
      confirmation: { accurate: false },
    });
    expect(bad.status).toBe(400);
    const paths = bad
      .json<{ issues: { path: string; message: string }[] }>()
      .issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'identity.lastName',
        'identity.birthDate',
        'identity.matricule',
        'confirmation.accurate',
      ]),
    );
  });

  it('lets staff reject a request with a reason, mailed to the person, and never decide twice', async () => {
    await t
      .client()
      .post('/api/sign-up-requests', signUp({ email: 'refus@example.org', lastName: 'Refus' }));
    const gestionnaire = await staff();
    const id =
      (await gestionnaire.get('/api/staff/sign-up-requests'))
        .json<{ requests: { id: string; lastName: string }[] }>()
        .requests.find((r) => r.lastName === 'Refus')?.id ?? '';
    // A refusal without its reason is refused, on the field.
    for (const body of [{}, { reason: '   ' }]) {
      const refused = (
        await gestionnaire.post(`/api/staff/sign-up-requests/${id}/reject`, body)
      ).json<{ issues: { path: string; message: string }[] }>();
      expect(refused.issues.map((i) => i.path)).toEqual(['reason']);
      expect(refused.issues[0]?.message).toContain(
        'indiquez le motif, il est repris dans le courriel',
      );
    }
    expect(
      (
        await gestionnaire.post(`/api/staff/sign-up-requests/${id}/reject`, {
          reason: 'Vous n’êtes pas agent Inserm.',
        })
      ).status,
    ).toBe(204);
    expect((await mailsTo(t.db, 'refus@example.org')).at(-1)?.text).toContain(
      'Motif : Vous n’êtes pas agent Inserm.',
    );
    expect((await gestionnaire.post(`/api/staff/sign-up-requests/${id}/approve`)).status).toBe(409);
  });

  it('refuses several requests for one reason, mails each, and leaves those decided meanwhile', async () => {
    const emails = ['double.1@example.org', 'double.2@example.org', 'double.3@example.org'];
    for (const [i, email] of emails.entries())
      await t.client().post('/api/sign-up-requests', signUp({ email, lastName: `Double${i}` }));
    const gestionnaire = await staff();
    const pending = (await gestionnaire.get('/api/staff/sign-up-requests')).json<{
      requests: { id: string; lastName: string }[];
    }>().requests;
    const ids = ['Double0', 'Double1', 'Double2'].map(
      (name) => pending.find((r) => r.lastName === name)?.id ?? '',
    );
    // Nothing ticked, or no reason: refused on the field, nothing decided.
    const empty = (
      await gestionnaire.post('/api/staff/sign-up-requests/refusals', {
        requestIds: [],
        reason: '',
      })
    ).json<{ issues: { path: string; message: string }[] }>();
    expect(empty.issues.map((i) => [i.path, i.message])).toEqual([
      ['reason', expect.stringContaining('indiquez le motif') as string],
      ['requestIds', 'cochez au moins une demande à refuser'],
    ]);
    // Sector staff other than the Fiche Agent's cannot.
    expect(
      (
        await (
          await staff('STAFF-JE')
        ).post('/api/staff/sign-up-requests/refusals', { requestIds: ids, reason: 'Doublon.' })
      ).status,
    ).toBe(403);
    // One was approved meanwhile by a colleague: left, with why; the two others are refused.
    expect((await gestionnaire.post(`/api/staff/sign-up-requests/${ids[2]}/approve`)).status).toBe(
      200,
    );
    const answer = await gestionnaire.post('/api/staff/sign-up-requests/refusals', {
      requestIds: ids,
      reason: 'Vous avez déjà fait une demande.',
    });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({
      done: [{ id: ids[0] }, { id: ids[1] }],
      skipped: [{ id: ids[2], message: 'Cette demande a déjà été traitée.' }],
    });
    for (const email of emails.slice(0, 2))
      expect((await mailsTo(t.db, email)).at(-1)?.text).toContain(
        'Motif : Vous avez déjà fait une demande.',
      );
    const left = (await gestionnaire.get('/api/staff/sign-up-requests')).json<{
      requests: { lastName: string }[];
    }>().requests;
    expect(left.map((r) => r.lastName).filter((n) => n.startsWith('Double'))).toEqual([]);
  });
});

describe('login', () => {
  /** Every test logs in from one address: the network's failures, forgotten. */
  const forgetNetworks = async () => {
    await t.db.query(`DELETE FROM attempts WHERE key LIKE 'login-address:%'`);
  };
  afterEach(forgetNetworks);
  it('says the same for an unknown identifier and a wrong password', async () => {
    await createUser(t.db, { identifier: 'IN-000900' });
    const unknown = await t.client().login('IN-999999', 'whatever 123');
    const wrong = await t.client().login('IN-000900', 'whatever 123');
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(unknown.json()).toEqual(wrong.json());
  });
  it('locks an identifier after 5 failures with a message a person understands', async () => {
    await createUser(t.db, { identifier: 'IN-000901' });
    const client = t.client();
    for (let i = 0; i < 5; i += 1)
      expect((await client.login('IN-000901', 'mauvais 1')).status).toBe(401);
    const locked = await client.login('IN-000901', PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.json<{ message: string }>().message).toContain('attendez 15 minutes');
  });
  it('takes five guesses at once, not twelve', async () => {
    await createUser(t.db, { identifier: 'IN-000904' });
    // Each counted as it comes, before its password is checked: a count before and a record
    // after let the twelve through, the limit read by each before any was recorded.
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () => t.client().login('IN-000904', 'mauvais 1')),
    );
    const wrong = statuses.filter(({ status }) => status === 401).length;
    expect(wrong).toBeLessThanOrEqual(5);
    expect(statuses.filter(({ status }) => status === 429)).toHaveLength(12 - wrong);
    expect((await t.client().login('IN-000904', PASSWORD)).status).toBe(wrong === 5 ? 429 : 200);
  });
  it('lets a device that signed in before in, whatever a stranger or its network tried', async () => {
    await createUser(t.db, { identifier: 'IN-000905' });
    const home = t.client();
    const first = await home.login('IN-000905', PASSWORD);
    expect(first.status).toBe(200);
    const device = String(first.headers['set-cookie']).match(/entraide_device=([^;]+);[^,]*/);
    expect(device?.[0]).toMatch(/HttpOnly/);
    expect(device?.[0]).toMatch(/Path=\/api\/session/);
    // A stranger's guesses lock the identifier — for the stranger.
    const stranger = t.client();
    for (let i = 0; i < 5; i += 1)
      expect((await stranger.login('IN-000905', 'mauvais 1')).status).toBe(401);
    expect((await stranger.login('IN-000905', PASSWORD)).status).toBe(429);
    expect((await home.login('IN-000905', 'mauvais 1')).status).toBe(401);
    expect((await home.login('IN-000905', PASSWORD)).status).toBe(200);
    // Thirty failures from one network (an institute's agents behind one address): its next
    // login from a new device waits, the known device does not. (Tests share one address.)
    await forgetNetworks();
    for (let i = 0; i < 30; i += 1)
      expect((await t.client().login(`IN-99${String(i).padStart(4, '0')}`, 'faute')).status).toBe(
        401,
      );
    const next = await t.client().login('IN-000900', PASSWORD);
    expect([next.status, next.json<{ message: string }>().message]).toEqual([
      429,
      'Trop de tentatives de connexion depuis votre réseau. Réessayez dans 15 minutes.',
    ]);
    expect((await home.login('IN-000905', PASSWORD)).status).toBe(200);
    // The cookie is worth nothing for another identifier, nor forged.
    for (const value of [device?.[1] ?? '', `${device?.[1]?.split('.')[0] ?? ''}.forgé`]) {
      const other = new Client(t.app, t.db, new Map([['entraide_device', value]]));
      expect((await other.login('IN-000900', PASSWORD)).status).toBe(429);
    }
  });
  it('forgets, each night, the attempts older than every limit’s window', async () => {
    await t.db.query(
      `INSERT INTO attempts (key, attempted_at) VALUES ('login:IN-000906', now() - interval '25 hours'), ('login:IN-000906', now() - interval '23 hours')`,
    );
    expect(await forgetOldAttempts(t.db)).toBe(1);
    const left = await t.db.query(`SELECT 1 FROM attempts WHERE key = 'login:IN-000906'`);
    expect(left).toHaveLength(1);
  });
  it('sets an httpOnly SameSite session cookie', async () => {
    await createUser(t.db, { identifier: 'IN-000902' });
    const response = await t.client().login('IN-000902', PASSWORD);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/entraide_session=[\w-]{40,}/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the token header', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { identifier: 'IN-000900', password: PASSWORD },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: 'csrf' });
  });
  it('refuses a token that does not match the cookie', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      cookies: { entraide_csrf: 'a' },
      headers: { 'x-csrf-token': 'b' },
      payload: {},
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('recovery', () => {
  it('answers the same whether the account exists or not, and mails only a real account', async () => {
    await createUser(t.db, {
      identifier: 'IN-000910',
      email: 'oubli@example.org',
      lastName: 'Oubli',
      firstName: 'Jean',
      birthDate: '1970-01-02',
      matricule: '87654321',
    });
    const known = await t.client().post('/api/recovery/password', { identifier: 'IN-000910' });
    const unknown = await t.client().post('/api/recovery/password', { identifier: 'IN-000999' });
    expect(known.status).toBe(200);
    expect(known.json()).toEqual(unknown.json());
    const token = await lastLink('oubli@example.org');
    const visitor = t.client();
    expect(
      (await visitor.post('/api/password', { token, password: 'Nouveau secret 2026' })).status,
    ).toBe(204);
    expect((await visitor.login('IN-000910', 'Nouveau secret 2026')).status).toBe(200);
  });
  it('finds a forgotten identifier by name and matricule, or by name, first name and birth date', async () => {
    const byMatricule = await t
      .client()
      .post('/api/recovery/identifier', { lastName: 'oubli', matricule: '87654321' });
    const byBirth = await t.client().post('/api/recovery/identifier', {
      lastName: 'Oubli',
      firstName: 'Jean',
      birthDate: '1970-01-02',
    });
    const nobody = await t
      .client()
      .post('/api/recovery/identifier', { lastName: 'Personne', matricule: '00000000' });
    expect(byMatricule.json()).toEqual(nobody.json());
    expect(byBirth.status).toBe(200);
    const mails = (await mailsTo(t.db, 'oubli@example.org')).filter((m) =>
      m.subject.includes('identifiant'),
    );
    expect(mails).toHaveLength(2);
    expect(mails[0]?.text).toContain('IN-000910');
  });
});

describe('change password', () => {
  it('asks the current password, closes other sessions and warns by mail', async () => {
    await createUser(t.db, { identifier: 'IN-000920', email: 'change@example.org' });
    const phone = t.client();
    const laptop = t.client();
    await phone.login('IN-000920', PASSWORD);
    await laptop.login('IN-000920', PASSWORD);
    expect(
      (await laptop.put('/api/me/password', { currentPassword: '', newPassword: 'Encore 9 !' }))
        .json<{ issues: { path: string; message: string }[] }>()
        .issues.map((i) => [i.path, i.message.split(',')[0]]),
    ).toEqual([
      ['currentPassword', 'tapez votre mot de passe actuel'],
      ['newPassword', 'ce mot de passe est trop court : au moins 12 caractères'],
    ]);
    expect(
      (
        await laptop.put('/api/me/password', {
          currentPassword: 'faux',
          newPassword: 'Encore un secret 9',
        })
      ).json(),
    ).toMatchObject({ error: 'invalid_input' });
    expect(
      (
        await laptop.put('/api/me/password', {
          currentPassword: PASSWORD,
          newPassword: 'Encore un secret 9',
        })
      ).status,
    ).toBe(204);
    expect((await laptop.get('/api/session')).json()).toMatchObject({
      user: { identifier: 'IN-000920' },
    });
    expect((await phone.get('/api/session')).json()).toMatchObject({ user: null });
    expect((await mailsTo(t.db, 'change@example.org')).at(-1)?.subject).toContain(
      'Mot de passe modifié',
    );
  });
});

describe('contact details', () => {
  it('lets members keep their contact details, checks each field, and warns the previous address', async () => {
    const id = await createUser(t.db, { identifier: 'IN-000301', email: 'old@example.org' });
    const member = t.client();
    await member.login('IN-000301', PASSWORD);
    const bad = await member.put('/api/me/contact', { email: 'pas-une-adresse', phone: 'abc' });
    expect(bad.status).toBe(400);
    expect(bad.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toEqual([
      'email',
      'phone',
    ]);
    const contact = {
      email: 'new@example.org',
      phone: '06 12 34 56 78',
      address: '1 rue Vaugirard',
    };
    expect((await member.put('/api/me/contact', contact)).status).toBe(204);
    expect((await member.get(`/api/members/${id}`)).json()).toMatchObject(contact);
    expect((await mailsTo(t.db, 'old@example.org')).at(-1)?.text).toContain(
      'est désormais new@example.org',
    );
    expect((await member.put('/api/me/contact', { email: 'new@example.org' })).status).toBe(204);
    expect((await mailsTo(t.db, 'new@example.org')).length).toBe(0);
    expect((await t.client().put('/api/me/contact', contact)).status).toBe(401);
  });
});

describe('rights', () => {
  it('gives a member 401 when logged out, 403 on staff pages, and 404 on another member’s data', async () => {
    const aliceId = await createUser(t.db, { identifier: 'IN-000930' });
    const bobId = await createUser(t.db, { identifier: 'IN-000931' });
    expect((await t.client().get(`/api/members/${aliceId}`)).status).toBe(401);
    const alice = t.client();
    await alice.login('IN-000930', PASSWORD);
    expect((await alice.get(`/api/members/${aliceId}`)).status).toBe(200);
    expect((await alice.get(`/api/members/${bobId}`)).status).toBe(404);
    expect((await alice.get('/api/members/not-a-uuid')).status).toBe(404);
    expect((await alice.get('/api/staff/sign-up-requests')).status).toBe(403);
    expect((await alice.get('/api/admin/audit-log')).status).toBe(403);
  });
  it('keeps sign-up requests to the Fiche Agent staff and admins', async () => {
    expect((await (await staff('STAFF-JE')).get('/api/staff/sign-up-requests')).status).toBe(403);
    expect((await (await staff('ADMIN')).get('/api/staff/sign-up-requests')).status).toBe(200);
    expect((await (await staff('STAFF-JE')).get('/api/admin/audit-log')).status).toBe(403);
  });
});
