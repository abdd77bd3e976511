// The inputs that gave a 500 (issue 11): each is now a French 400 that names its field.
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  familyWithRecord,
  PASSWORD,
  samplePdf,
  testApp,
  type Answer,
  type Client,
  type TestApp,
} from './harness.ts';
import { refusalPage } from '../src/refusal-page.ts';
import { openPlaces } from './place-fixtures.ts';
import { rawConnection, statusAndBody } from './raw-http.ts';

let t: TestApp;
let member: Client;
let staff: Client;
let anonymous: Client;
let activityId: string;
let invoiceId: string;
beforeAll(async () => {
  t = await testApp(); // calendar: 2021-04-15
  ({ client: member } = await familyWithRecord(t, {
    identifier: 'IN-880001',
    taxIncomeEuros: 40_000,
    dependants: [{ relation: 'child', firstName: 'Lina', birthDate: '2012-01-01' }],
  }));
  await createUser(t.db, { identifier: 'BAD-ADMIN', role: 'admin' });
  staff = t.client();
  await staff.login('BAD-ADMIN', PASSWORD);
  anonymous = t.client();
  const [session] = await openPlaces(t, staff, [
    { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 100_000 },
  ]);
  const [activity] = await t.db.query<{ activity_id: string }>(
    'SELECT activity_id FROM activity_sessions WHERE id = $1',
    [session],
  );
  activityId = activity?.activity_id ?? '';
  await member.post('/api/me/registrations', {
    dependantIndex: 0,
    choices: [{ sessionId: session, transportCity: null }],
    depositMethod: 'cheque',
  });
  const [invoice] = await t.db.query<{ id: string }>('SELECT id FROM invoices LIMIT 1');
  invoiceId = invoice?.id ?? '';
});
afterAll(() => t.close());

/** A 400 whose issues name `field` with a sentence, never a 500. */
function refusedOn(answer: Answer, field: string): void {
  expect(answer.status).toBe(400);
  const { issues } = answer.json<{ issues: { path: string; message: string }[] }>();
  const issue = issues.find((i) => i.path === field);
  expect(issue, JSON.stringify(issues)).toBeDefined();
  expect(issue?.message.length).toBeGreaterThan(15);
}

const session = (overrides: Record<string, unknown>) =>
  staff.post(`/api/staff/activities/${activityId}/sessions`, {
    label: 'Session',
    firstDay: '2021-08-02',
    lastDay: '2021-08-15',
    minAge: 6,
    maxAge: 17,
    places: 5,
    priceCents: 50_000,
    closesOn: '2021-05-01',
    ...overrides,
  });

const payment = (receivedOn: string) =>
  staff.request(
    'POST',
    '/api/staff/payments',
    { invoiceId, method: 'transfer', amountCents: 100, receivedOn },
    { 'idempotency-key': randomUUID() },
  );

describe('a NUL byte in a text field or a query string', () => {
  it('is refused on its field everywhere', async () => {
    refusedOn(
      await anonymous.post('/api/session', { identifier: 'IN\u00000001', password: 'x' }),
      'identifier',
    );
    refusedOn(
      await anonymous.post('/api/recovery/password', { identifier: 'a\u0000b', email: 'a@b.fr' }),
      'identifier',
    );
    refusedOn(await staff.get('/api/staff/members?q=Mar%00tin'), 'q');
    refusedOn(
      await member.post('/api/me/solidarity', {
        kind: 'aid',
        amountCents: 10_000,
        purpose: 'Réparation\u0000 de la chaudière',
      }),
      'purpose',
    );
    refusedOn(
      await member.post('/api/me/bank-accounts', {
        holder: 'Claire\u0000Martin',
        iban: 'FR7630006000011234567890189',
        bic: 'AGRIFRPP882',
      }),
      'holder',
    );
    refusedOn(
      await staff.post(`/api/staff/claims/${randomUUID()}/decision`, {
        decision: 'reject',
        reason: 'Pièce\u0000 illisible',
      }),
      'reason',
    );
    refusedOn(
      await staff.post('/api/staff/activities', {
        title: 'Colonie\u0000',
        sector: 'jeunesse',
        kind: 'caes',
        description: 'Au bord du lac.',
        provider: { name: 'Lac Bleu' },
      }),
      'title',
    );
    refusedOn(
      await member.upload('/api/me/documents?kind=receipt&name=re%00cu.pdf', await samplePdf()),
      'name',
    );
  });
});

describe('a lone surrogate (invalid Unicode)', () => {
  it('is refused in activities, sessions and partner offers', async () => {
    refusedOn(
      await staff.put(`/api/staff/activities/${activityId}`, {
        title: 'Colonie \ud800',
        sector: 'jeunesse',
        kind: 'caes',
        description: 'Au bord du lac.',
        provider: { name: 'Lac Bleu' },
      }),
      'title',
    );
    refusedOn(await session({ label: 'Août \udfff' }), 'label');
    refusedOn(
      await staff.post('/api/staff/partner-offers', {
        title: 'Cinéma \ud83d',
        partner: 'Ciné',
        description: 'Places à prix réduit.',
      }),
      'title',
    );
  });
});

describe('a body no form sends', () => {
  /** JSON text of `[[[…]]]` nested `depth` deep: a walk by recursion overflows its stack. */
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const sent = (client: Client, url: string, json: string, method: 'POST' | 'PUT' = 'POST') =>
    client.upload(url, Buffer.from(json), 'application/json', method);

  it('is refused on its field, on the public calculator and in a barème draft, never a 500', async () => {
    refusedOn(await sent(anonymous, '/api/v1/simulations', nested(20_000)), '');
    refusedOn(
      await sent(
        anonymous,
        '/api/v1/simulations',
        `{"pack":"inserm-2021","household":{"couple":false,"children":${nested(20_000)}}}`,
      ),
      'household',
    );
    const created = await staff.post('/api/admin/pack-drafts', { basedOn: 'inserm-2021' });
    const { id, data } = created.json<{ draft: { id: string; data: object } }>().draft;
    /** The draft's own pack, its grids replaced by `[[[…]]]` nested `depth` deep. */
    const save = (depth: number) =>
      sent(
        staff,
        `/api/admin/pack-drafts/${id}`,
        JSON.stringify({ data: { ...data, grids: 0 } }).replace(
          '"grids":0',
          `"grids":${nested(depth)}`,
        ),
        'PUT',
      );
    refusedOn(await save(20_000), 'data');
    refusedOn(await save(31), 'data');
    // 32 levels in all (the body, its data, 30 of grids): still saved, with its faults.
    expect((await save(30)).status).toBe(200);
  });

  it('a compressed body is refused as such, not read as broken JSON', async () => {
    const answer = await anonymous.request(
      'POST',
      '/api/v1/simulations',
      gzipSync(JSON.stringify({ pack: 'inserm-2021', household: { rfrEuros: 52_000 } })),
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    );
    expect([answer.status, answer.json<{ error: string; message: string }>()]).toEqual([
      415,
      {
        error: 'unsupported_encoding',
        message: expect.stringContaining('telles quelles') as string,
      },
    ]);
  });

  it('a body over 1 MB is told so as a form would be', async () => {
    const refused = await sent(anonymous, '/api/v1/simulations', `"${'a'.repeat(2_000_000)}"`);
    expect(refused.status).toBe(413);
    expect(refused.json<{ error: string; message: string }>()).toMatchObject({
      error: 'too_large',
      message: expect.stringContaining('dépassent 1 Mo') as string,
    });
  });

  it('a megabyte of faults gets the first 200 of them, not an answer seven times its size', async () => {
    const faults = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [i, '\u0001']));
    const answer = await sent(anonymous, '/api/v1/simulations', JSON.stringify(faults));
    refusedOn(answer, '0');
    const { issues } = answer.json<{ issues: { path: string }[] }>();
    expect(issues.map((issue) => issue.path)).toEqual(
      Array.from({ length: 200 }, (_, i) => String(i)),
    );
  });
});

describe('dates', () => {
  it('a day that does not exist, or year 0, is refused on its field', async () => {
    refusedOn(await payment('0000-01-01'), 'receivedOn');
    refusedOn(await payment('2021-02-29'), 'receivedOn');
    refusedOn(
      await staff.post('/api/staff/deposit-slips', { depositedOn: '0000-01-01' }),
      'depositedOn',
    );
    refusedOn(await session({ firstDay: '0000-01-01' }), 'firstDay');
  });

  it('a year out of range says which years, the same everywhere', async () => {
    for (const url of [
      '/api/me/entitlements/1999',
      '/api/me/forms/attestation-non-subvention.pdf?year=2200',
      '/api/staff/dashboard?year=12',
    ]) {
      const answer = await (url.startsWith('/api/staff') ? staff : member).get(url);
      expect(answer.json(), url).toEqual({
        error: 'invalid_input',
        issues: [{ path: 'year', message: 'année entre 2000 et 2100, par exemple 2021' }],
      });
    }
  });

  it('a date outside what makes sense for its meaning is refused with the range', async () => {
    const future = await payment('9999-12-31');
    refusedOn(future, 'receivedOn');
    refusedOn(await payment('2021-04-16'), 'receivedOn'); // tomorrow: not received yet
    const later = await payment('2030-01-01');
    expect(JSON.stringify(later.body)).toContain('entre le 14/04/2020 et le 15/04/2021');
    refusedOn(await session({ firstDay: '9999-08-02', lastDay: '9999-08-15' }), 'firstDay');
    refusedOn(await session({ firstDay: '2035-08-02', lastDay: '2035-08-15' }), 'firstDay');
    expect((await payment('2021-04-15')).status).toBe(201);
  });
});

describe('impossible dates (issue 14)', () => {
  /** The paths of a 400's issues, sorted: every error of the form at once. */
  const paths = (answer: Answer) =>
    answer
      .json<{ issues: { path: string }[] }>()
      .issues.map((i) => i.path)
      .sort();

  it('a member born in 2030 and a child born in 2031 are refused at sign-up, both at once', async () => {
    const answer = await anonymous.post('/api/sign-up-requests', {
      identity: { lastName: 'Futur', firstName: 'Léo', birthDate: '2030-01-01' },
      contact: { email: 'futur@example.org' },
      family: { couple: false, children: [{ firstName: 'Zoé', birthDate: '2031-05-05' }] },
      confirmation: { accurate: true },
    });
    expect(paths(answer)).toEqual(['family.children.0.birthDate', 'identity.birthDate']);
    expect(answer.json<{ issues: { message: string }[] }>().issues[0]?.message).toContain(
      'la date de naissance est après aujourd’hui',
    );
    // A 12-year-old is no agent.
    refusedOn(
      await anonymous.post('/api/sign-up-requests', {
        identity: { lastName: 'Jeune', firstName: 'Léo', birthDate: '2009-01-01' },
        contact: { email: 'jeune@example.org' },
        family: { couple: false, children: [] },
        confirmation: { accurate: true },
      }),
      'identity.birthDate',
    );
  });

  it('a Fiche Agent with a child born after today is refused on that child', async () => {
    const saved = await member.put('/api/me/agent-records/2021', {
      couple: false,
      taxIncomeEuros: 30_000,
      dependants: [
        { relation: 'child', lastName: 'Martin', firstName: 'Noé', birthDate: '2031-02-02' },
      ],
    });
    expect(paths(saved)).toContain('dependants.0.birthDate');
  });

  it('a session: reversed dates, ages and a missing name are all shown at once; a past closing is refused', async () => {
    expect(
      paths(await session({ label: '', lastDay: '2021-07-01', minAge: 12, maxAge: 8 })),
    ).toEqual(['label', 'lastDay', 'maxAge']);
    refusedOn(await session({ closesOn: '2021-04-01' }), 'closesOn');
    expect((await session({ closesOn: '2021-04-15' })).status).toBe(201);
  });

  it('a claim whose last day is before its first shows that with its other errors', async () => {
    const answer = await member.post('/api/me/claims', {
      type: 'festival',
      dependantIndex: null,
      organism: 'Festival',
      firstDay: '2021-03-10',
      lastDay: '2021-03-01',
      paidCents: 'quarante',
      documentIds: [],
    });
    expect(paths(answer)).toEqual(['documentIds', 'lastDay', 'paidCents']);
  });
});

describe('a session chosen twice (issue 14)', () => {
  it('is refused on the repeated choice, naming the choice it repeats', async () => {
    const sessionId = randomUUID();
    const answer = await member.post('/api/me/registrations/quote', {
      dependantIndex: 0,
      choices: [{ sessionId }, { sessionId }],
      depositMethod: 'cheque',
    });
    expect(answer.json<{ issues: { path: string; message: string }[] }>().issues).toEqual([
      {
        path: 'choices.1.sessionId',
        message: 'cette session est déjà votre choix 1 : choisissez-en une autre, ou « Aucun »',
      },
    ]);
  });
});

describe('an address or a request the server cannot read', () => {
  it('a broken « % » in an address: the API says what to type, a page leads back home', async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/packs/%E0%A4%A/page' });
    expect(api.statusCode).toBe(400);
    expect(api.json()).toEqual({
      error: 'bad_url',
      message: expect.stringContaining('%20') as string,
    });
    expect(api.headers['content-security-policy']).toContain("default-src 'self'");
    const page = await t.app.inject({ method: 'GET', url: '/carte/%FF%FE' });
    expect(page.statusCode).toBe(400);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<html lang="fr">');
    expect(page.body).toContain('<a href="/">Page d’accueil</a>');
  });

  it('a NUL byte in a page’s address still gets the page, which shows the API’s refusal itself', async () => {
    for (const url of ['/activites?q=%00', '/carte/%00']) {
      const page = await t.app.inject({ method: 'GET', url });
      expect([page.statusCode, page.headers['content-type']], url).toEqual([
        200,
        'text/html; charset=utf-8',
      ]);
    }
    refusedOn(await anonymous.get('/api/activities?q=%00'), 'q');
  });

  it('what Node cannot parse is answered in French, in the API’s shape', async () => {
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    /** The answer to raw bytes sent alone on a connection. */
    const rawly = async (request: string) => {
      const connection = rawConnection(address);
      connection.send(request);
      return statusAndBody(await connection.answers);
    };
    expect(
      await rawly('POST /api/v1/simulations HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n'),
    ).toEqual({
      status: 'HTTP/1.1 400 Bad Request',
      body: { error: 'bad_request', message: expect.stringContaining('mal formée') as string },
    });
    expect(
      await rawly(`GET /api/v1/packs HTTP/1.1\r\nHost: x\r\nCookie: ${'a'.repeat(20_000)}\r\n\r\n`),
    ).toEqual({
      status: 'HTTP/1.1 431 Request Header Fields Too Large',
      body: { error: 'headers_too_large', message: expect.stringContaining('cookies') as string },
    });
  });
});

describe('a refusal opened by its address in a browser (a PDF’s or an export’s link)', () => {
  const navigation = { 'sec-fetch-mode': 'navigate', accept: 'text/html,*/*;q=0.8' };

  it('is a page in French with the way on, never JSON shown raw', async () => {
    const card = await anonymous.request('GET', '/api/me/card.pdf', undefined, navigation);
    expect(card.status).toBe(401);
    expect(card.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(card.body).toContain('<h1>Connexion nécessaire</h1>');
    expect(card.body).toContain('<p>Connectez-vous pour accéder à cette page.</p>');
    expect(card.body).toContain('<a href="/connexion">Se connecter</a>');
    // A period the server refuses: its field's sentence.
    const period = await staff.request(
      'GET',
      '/api/staff/exports/invoices.csv?from=2021-02-01&to=2021-01-01',
      undefined,
      navigation,
    );
    expect(period.status).toBe(400);
    expect(period.body).toContain('<h1>Document impossible à produire</h1>');
    expect(period.body).toContain('<p>avant la date de début.</p>');
    const unknown = await anonymous.request('GET', '/api/lien-ancien', undefined, navigation);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain('<h1>Document introuvable</h1>');
    expect(unknown.body).toContain('<p>Ce lien ne mène à aucun document');
    // A sentence is written as text, never as HTML.
    expect(refusalPage(403, JSON.stringify({ message: 'a <b>x</b>' }))).toContain(
      '<p>a &lt;b&gt;x&lt;/b&gt;</p>',
    );
    // A browser too old for Sec-Fetch-Mode, asking for HTML first: the same page.
    const old = await anonymous.request('GET', '/api/me/card.pdf', undefined, {
      accept: 'text/html,*/*;q=0.8',
    });
    expect(old.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('stays JSON for the web app’s own requests, and a document that opens is untouched', async () => {
    const read = await anonymous.request('GET', '/api/me/card.pdf', undefined, {
      'sec-fetch-mode': 'cors',
      accept: '*/*',
    });
    expect(read.status).toBe(401);
    expect(read.json()).toEqual({
      error: 'unauthenticated',
      message: 'Connectez-vous pour accéder à cette page.',
    });
    const form = await member.request('GET', '/api/me/card.pdf', undefined, navigation);
    expect(form.status).toBe(200);
    expect(form.headers['content-type']).toBe('application/pdf');
  });
});
