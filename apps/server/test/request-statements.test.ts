// Issue 15, point 5: a registration request before closing is three statements — the session
// read with the household's lock, the facts of the request in one read, and the insert that
// locks the sessions and stores it. A late one is decided by that insert, on the sessions' rows
// it locked, and followed up (mail, invoice) after the commit — by the request itself, or by the
// selection job if its node stopped in between.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appContext } from '../src/app.ts';
import { createMailer } from '../src/modules/notifications/mailer.ts';
import { followUpDueDecisions } from '../src/modules/registrations/places.ts';
import {
  createRegistration,
  knownMember,
} from '../src/modules/registrations/registration-requests.ts';
import {
  addSession,
  createUser,
  familyWithRecord,
  lockWaits,
  mailsTo,
  packs,
  PASSWORD,
  poll,
  testApp,
  validatedRecord,
  type Client,
  type TestApp,
} from './harness.ts';

let t: TestApp;
let staff: Client;
beforeAll(async () => {
  t = await testApp(); // the calendar of tests: 2021-04-15
  await createUser(t.db, { identifier: 'GEST-JE', role: 'staff', sectors: ['jeunesse'] });
  staff = t.client();
  await staff.login('GEST-JE', PASSWORD);
});
afterAll(() => t.close());

async function session(closesOn: string, places: number, waitingPlaces = 10): Promise<string> {
  const created = await staff.post('/api/staff/activities', {
    title: 'Colonie à la mer',
    sector: 'jeunesse',
    kind: 'caes',
    capCategory: 'holidayCentreFrance',
    description: 'Voile et baignade.',
    provider: { name: 'Les Glénans', email: 'contact@glenans.example' },
    published: true,
  });
  const answer = await addSession(t.db, staff, created.json<{ id: string }>().id, {
    label: 'Juillet',
    firstDay: '2021-07-10',
    lastDay: '2021-07-23',
    minAge: 6,
    maxAge: 12,
    places,
    waitingPlaces,
    priceCents: 70_000,
    transport: [],
    closesOn,
  });
  return answer.json<{ id: string }>().id;
}

/** The statements the server sends for one request of `family` for `sessionId`, and its round trips. */
async function statementsOf(family: Client, sessionId: string, recordId?: string) {
  const before = t.db.statements;
  const trips = t.db.roundTrips;
  const answer = await family.post('/api/me/registrations', {
    dependantIndex: 0,
    recordId,
    choices: [{ sessionId, transportCity: null }],
    depositMethod: 'cheque',
  });
  return {
    statements: t.db.statements - before,
    roundTrips: t.db.roundTrips - trips,
    answer: answer.json<{ status: string; decision: { reasons: string[] } | null }>(),
  };
}

const household = (identifier: string) => ({
  identifier,
  taxIncomeEuros: 30_000,
  dependants: [{ relation: 'child' as const, firstName: 'Lou', birthDate: '2012-03-04' }],
});

/** PostgreSQL's COMMIT sent alone, after a transaction's last statement (PGlite's costs no trip). */
const commit = process.env.DATABASE_URL ? 1 : 0;

it('stores a request before closing in three statements and three round trips: the BEGIN and COMMIT travel with them', async () => {
  const open = await session('2021-05-15', 10);
  const { client } = await familyWithRecord(t, household('IN-000971'));
  expect(await statementsOf(client, open)).toEqual({
    statements: 3,
    roundTrips: 3,
    answer: expect.objectContaining({ status: 'requested' }) as unknown,
  });
});

it('is the same three statements when its form listed a Fiche validated again since: the Fiche listed is read with the facts', async () => {
  const open = await session('2021-05-15', 10);
  const { id, client } = await familyWithRecord(t, household('IN-000977'));
  const [listed] = await t.db.query<{ id: string }>(
    'SELECT id FROM agent_records WHERE member_id = $1',
    [id],
  );
  await validatedRecord(t.db, t.config, id, {
    ...household('IN-000977'),
    dependants: [
      { relation: 'child', firstName: 'Mia', birthDate: '2013-01-01' },
      ...household('IN-000977').dependants,
    ],
  });
  expect(await statementsOf(client, open, listed?.id)).toEqual({
    statements: 3,
    roundTrips: 3,
    answer: expect.objectContaining({
      status: 'requested',
      dependantIndex: 1,
      participant: expect.objectContaining({ firstName: 'Lou' }) as unknown,
    }) as unknown,
  });
});

it('answers 401 to a request whose session has ended (after its body is checked) or that has none (before), and stores nothing', async () => {
  const open = await session('2021-05-15', 10);
  const { id, client } = await familyWithRecord(t, household('IN-000986'));
  await t.db.query(
    `UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = $1`,
    [id],
  );
  const ended = await client.post('/api/me/registrations', {
    dependantIndex: 0,
    choices: [{ sessionId: open, transportCity: null }],
    depositMethod: 'cheque',
  });
  const anonymous = await t.client().post('/api/me/registrations', { choices: 'aucun' });
  expect([ended.status, anonymous.status]).toEqual([401, 401]);
  expect(ended.json<{ message: string }>().message).toBe(
    'Connectez-vous pour accéder à cette page.',
  );
  const [stored] = await t.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM registration_requests WHERE $1 = ANY(session_ids)`,
    [open],
  );
  expect(stored?.n).toBe(0);
});

it('after the selection, decides a request in the statement that stores it, under the session’s lock; a full session is not taken', async () => {
  const late = await session('2021-04-01', 1);
  await t.db.query('UPDATE activity_sessions SET allocated_at = now() WHERE id = $1', [late]);
  const first = await familyWithRecord(t, household('IN-000972'));
  const second = await familyWithRecord(t, household('IN-000973'));
  // The same three statements as before closing, the third deciding; after the commit, a place's
  // follow-up (the household's lock and the request marked done in one, the mail). A place given
  // adds its invoice (one read of everything it is computed from, the request's final quote, the
  // invoice with its instalments, sent with the COMMIT), and is answered with that final quote; a
  // waiting list with the row its insert returned. PostgreSQL's COMMIT travels with
  // the invoice; after a batch's last insert or mail, alone. The node meets the session for the
  // first time: the request first goes to a batch before closing, which reads its session and
  // facts and finds it closed (two statements and a COMMIT, once per session), then to a batch
  // after closing, where it is alone.
  const placed = await statementsOf(first.client, late);
  expect(placed).toEqual({
    statements: 2 + 3 + 2 + 3,
    roundTrips: 2 + commit + 3 + commit + 2 + 3,
    answer: expect.objectContaining({ status: 'confirmed' }) as unknown,
  });
  // Once the node knows the session closed, a request goes to a batch after closing at once: a
  // waiting list's mail is written by the batch, its PostgreSQL COMMIT sent alone after it.
  const waiting = await statementsOf(second.client, late);
  expect(waiting).toEqual({
    statements: 3 + 1,
    roundTrips: 3 + 1 + commit,
    answer: expect.objectContaining({
      status: 'waiting',
      decision: {
        reasons: [
          'Demande après la clôture : les places restantes sont attribuées dans l’ordre d’arrivée.',
          'Choix 1 (Juillet) : complet.',
          'Liste d’attente du choix 1 (Juillet), position 1.',
        ],
      },
    }) as unknown,
  });
  // Answered without being read again: each request as the family's list shows it afterwards,
  // the place with the final quote its invoice wrote.
  for (const [family, answer] of [
    [first, placed.answer],
    [second, waiting.answer],
  ] as const) {
    const listed = await family.client.get('/api/me/registrations');
    expect(listed.json<{ registrations: unknown[] }>().registrations).toEqual([answer]);
  }
  const [given] = await t.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM registration_requests WHERE placed_session_id = $1 AND status = 'confirmed'`,
    [late],
  );
  expect(given?.n).toBe(1);
});

it('after the selection, a late request takes its first choice with a place left, else waits on the first list with room, and says why', async () => {
  const full = await session('2021-04-01', 1, 0); // a place and no waiting list
  const open = await session('2021-04-01', 1, 1);
  await t.db.query('UPDATE activity_sessions SET allocated_at = now() WHERE id = ANY($1)', [
    [full, open],
  ]);
  const ask = async (identifier: string, sessionIds: string[]) => {
    const { client } = await familyWithRecord(t, household(identifier));
    const answer = await client.post('/api/me/registrations', {
      dependantIndex: 0,
      choices: sessionIds.map((sessionId) => ({ sessionId, transportCity: null })),
      depositMethod: 'cheque',
    });
    const request = answer.json<{
      status: string;
      placedSessionId: string | null;
      placedRank: number | null;
      decision: { reasons: string[] };
    }>();
    return [
      request.status,
      request.placedSessionId,
      request.placedRank,
      request.decision.reasons.slice(1),
    ];
  };
  expect(await ask('IN-000982', [full])).toEqual([
    'confirmed',
    full,
    1,
    ['Choix 1 (Juillet) : place attribuée.'],
  ]);
  expect(await ask('IN-000983', [full, open])).toEqual([
    'confirmed',
    open,
    2,
    ['Choix 1 (Juillet) : complet.', 'Choix 2 (Juillet) : place attribuée.'],
  ]);
  expect(await ask('IN-000984', [full, open])).toEqual([
    'waiting',
    open,
    2,
    [
      'Choix 1 (Juillet) : complet.',
      'Choix 2 (Juillet) : complet.',
      'Liste d’attente du choix 2 (Juillet), position 1.',
    ],
  ]);
  expect(await ask('IN-000985', [open, full])).toEqual([
    'refused',
    null,
    null,
    [
      'Choix 1 (Juillet) : complet.',
      'Choix 2 (Juillet) : complet.',
      'Les listes d’attente de vos choix sont complètes.',
    ],
  ]);
});

/** The invoices written for a request, with their instalments. */
const invoicesOf = (registrationId: string) =>
  t.db.query<{ reference: string; instalments: number }>(
    `SELECT i.reference, (SELECT count(*)::int FROM instalments p WHERE p.invoice_id = i.id) AS instalments
       FROM invoices i WHERE i.registration_id = $1`,
    [registrationId],
  );

it.runIf(process.env.DATABASE_URL)(
  'numbers the invoice after the session’s lock is released: the next family is answered while the invoices’ counter is held (PostgreSQL)',
  async () => {
    const late = await session('2021-04-01', 1);
    await t.db.query('UPDATE activity_sessions SET allocated_at = now() WHERE id = $1', [late]);
    const first = await familyWithRecord(t, household('IN-000974'));
    const second = await familyWithRecord(t, household('IN-000975'));
    const ask = (family: Client) =>
      family.post('/api/me/registrations', {
        dependantIndex: 0,
        choices: [{ sessionId: late, transportCity: null }],
        depositMethod: 'cheque',
      });
    await t.db.query(
      `INSERT INTO billing_counters (kind, year, last_number) VALUES ('invoice', 2021, 0) ON CONFLICT DO NOTHING`,
    );
    const { placed, waiting } = await t.db.transaction(async (tx) => {
      await tx.query(
        `SELECT 1 FROM billing_counters WHERE kind = 'invoice' AND year = 2021 FOR UPDATE`,
      );
      const placed = ask(first.client);
      // The first family's place is decided and committed; its invoice waits for the counter.
      await poll(
        () =>
          t.db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM registration_requests WHERE placed_session_id = $1 AND status = 'confirmed'`,
            [late],
          ),
        ([decided]) => decided?.n === 1,
      );
      // The same session's lock is free: the second family is answered now, counter still held.
      const waiting = await ask(second.client);
      return { placed, waiting };
    });
    expect(waiting.status).toBe(201);
    expect(waiting.json<{ status: string }>().status).toBe('waiting');
    const answer = await placed;
    expect(answer.json<{ status: string }>().status).toBe('confirmed');
    expect(await invoicesOf(answer.json<{ id: string }>().id)).toEqual([
      { reference: expect.stringMatching(/^F-2021-\d{6}$/) as unknown, instalments: 2 },
    ]);
  },
);

it.runIf(process.env.DATABASE_URL)(
  'a rush on one closed session waits on the node, not on the pool: two batches wait for the session’s lock, and another page is answered meanwhile (PostgreSQL)',
  async () => {
    const late = await session('2021-04-01', 2, 20);
    await t.db.query('UPDATE activity_sessions SET allocated_at = now() WHERE id = $1', [late]);
    const families = await Promise.all(
      Array.from({ length: 14 }, (_, i) =>
        familyWithRecord(t, household(`IN-0011${String(i).padStart(2, '0')}`)),
      ),
    );
    const ask = (family: Client) =>
      family.post('/api/me/registrations', {
        dependantIndex: 0,
        choices: [{ sessionId: late, transportCity: null }],
        depositMethod: 'cheque',
      });
    const [other, first, ...rush] = families.map((f) => f.client);
    if (!other || !first) throw new Error('no family');
    // The node learns that the session is closed: the rush goes to the batches after closing.
    expect((await ask(first)).json<{ status: string }>().status).toBe('confirmed');
    const { answers, page, waiting, queued } = await t.db.transaction(async (tx) => {
      await tx.query('SELECT 1 FROM activity_sessions WHERE id = $1 FOR UPDATE', [late]);
      // Twelve families at once; the pool has ten connections, one of them held here.
      const answers = Promise.all(rush.map(ask));
      await poll(
        () => lockWaits(t.db),
        (n) => n >= 2,
      );
      const page = await other.get('/api/me/registrations');
      // The first two leave at once, one a batch; the ten others wait for the next batch on the
      // node, as the operator's metrics show.
      const queued = await poll(
        async () =>
          Number(
            /^entraide_registration_batch_waiting (\d+)$/m.exec(
              String((await other.get('/metrics')).body),
            )?.[1],
          ),
        (n) => n >= 10,
      );
      return { answers, page, waiting: await lockWaits(t.db), queued };
    });
    expect(page.status).toBe(200);
    expect(waiting).toBe(2);
    expect(queued).toBe(10);
    const statuses = (await answers).map((a) => a.json<{ status: string }>().status).sort();
    expect(statuses).toEqual(['confirmed', ...Array<string>(11).fill('waiting')]);
  },
);

it('answers the family when the follow-up fails (or its node stops): the decision stands, the failure is logged, the selection job follows up once, a minute later', async () => {
  const late = await session('2021-04-01', 3);
  await t.db.query('UPDATE activity_sessions SET allocated_at = now() WHERE id = $1', [late]);
  const id = await familyWithRecord(t, household('IN-000976')).then((f) => f.id);
  const mailer = createMailer(null);
  const failing = {
    ...appContext(t.config, t.db, mailer, packs),
    mailer: {
      ...mailer,
      sendAll: () => Promise.reject(new Error('serveur de courriel injoignable')),
    },
  };
  const failures: unknown[] = [];
  const registration = await createRegistration(
    failing,
    knownMember({
      id,
      identifier: 'IN-000976',
      firstName: 'Parent',
      lastName: 'Famille',
      email: 'in-000976@example.org',
      role: 'member',
      sectors: [],
    }),
    {
      dependantIndex: 0,
      companions: [],
      guests: [],
      choices: [{ sessionId: late, transportCity: null, lodgingType: null }],
      skiAid: false,
      insurance: false,
      friend: null,
      depositMethod: 'cheque',
    },
    (error) => failures.push(error),
  );
  expect(registration.status).toBe('confirmed');
  expect(failures).toEqual([new Error('serveur de courriel injoignable')]);
  expect(await invoicesOf(registration.id)).toEqual([]);
  const cancel = await staff.post(`/api/staff/registrations/${registration.id}/cancel`, {
    organismFeeCents: 0,
  });
  expect(cancel.status).toBe(409);
  expect(cancel.json<{ message: string }>().message).toBe(
    'La facture de cette place est en cours d’émission : réessayez dans une minute.',
  );

  const ctx = appContext(t.config, t.db, mailer, packs);
  expect(await followUpDueDecisions(ctx)).toBe(0); // decided less than a minute ago
  await t.db.query(
    `UPDATE registration_requests SET decided_at = now() - interval '2 minutes' WHERE id = $1`,
    [registration.id],
  );
  expect(await followUpDueDecisions(ctx)).toBe(1);
  expect(await followUpDueDecisions(ctx)).toBe(0);
  expect(await invoicesOf(registration.id)).toEqual([
    { reference: expect.stringMatching(/^F-2021-\d{6}$/) as unknown, instalments: 2 },
  ]);
  const mails = await mailsTo(t.db, 'in-000976@example.org');
  expect(
    mails.map((m) => m.subject).filter((subject) => subject.includes(`n° ${registration.number} `)),
  ).toEqual([`CAES Inserm — Demande n° ${registration.number} : place confirmée`]);
});

it('after the selection, a full session puts the next families on its waiting list, in order, then refuses once the list is full', async () => {
  const late = await session('2021-04-01', 1, 2);
  await t.db.query('UPDATE activity_sessions SET allocated_at = now() WHERE id = $1', [late]);
  const answers = [];
  for (const identifier of ['IN-000978', 'IN-000979', 'IN-000980', 'IN-000981']) {
    const { client } = await familyWithRecord(t, household(identifier));
    answers.push((await statementsOf(client, late)).answer);
  }
  expect(answers.map((a) => [a.status, a.decision?.reasons.at(-1)])).toEqual([
    ['confirmed', 'Choix 1 (Juillet) : place attribuée.'],
    ['waiting', 'Liste d’attente du choix 1 (Juillet), position 1.'],
    ['waiting', 'Liste d’attente du choix 1 (Juillet), position 2.'],
    ['refused', 'Les listes d’attente de vos choix sont complètes.'],
  ]);
});
