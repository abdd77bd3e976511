// Issue 15, point 5 (decision 0034): registration requests before closing go to the database in
// batches — those that arrive while a batch is stored leave together in the next one, three
// statements and one commit for all — and each is answered as if it had been sent alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestBatches } from '../src/modules/registrations/request-batches.ts';
import {
  createUser,
  PASSWORD,
  poll,
  servedWithStaff,
  type Answer,
  type Client,
  type TestApp,
} from './harness.ts';
import { book, cancelSessionBy, family, openPlaces, sessionCountsOff } from './place-fixtures.ts';

describe('batches of a node', () => {
  it('stores what arrives while batches are in the database in the next one, up to its size, two batches at once', async () => {
    const stored: number[][] = [];
    const release: (() => void)[] = [];
    const alone = new Set([-1]);
    const batches = new RequestBatches<number, string>(
      async (batch) => {
        stored.push([...batch]);
        await new Promise<void>((resolve) => release.push(resolve));
        return batch.map((n) => `#${n}`);
      },
      (n) => alone.has(n),
      3,
      2,
    );
    const outcomes = Promise.all([1, 2, 3, 4, 5, 6, 7, 8, -1].map((n) => batches.send(n)));
    // The first two leave at once, each alone; the rest wait; -1 is sent alone at once.
    expect(stored).toEqual([[1], [2]]);
    expect(batches.waiting).toBe(6);
    alone.add(4); // learnt meanwhile: 4 goes alone when its batch leaves
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    release.shift()?.();
    await settle();
    expect(stored).toEqual([[1], [2], [3, 5]]);
    release.shift()?.();
    await settle();
    expect(stored).toEqual([[1], [2], [3, 5], [6, 7, 8]]);
    expect(batches.waiting).toBe(0);
    release.shift()?.();
    release.shift()?.();
    expect(await outcomes).toEqual(['#1', '#2', '#3', null, '#5', '#6', '#7', '#8', null]);
  });

  it('sends alone every item of a batch whose store throws, and goes on with the next batches', async () => {
    const stored: number[][] = [];
    const batches = new RequestBatches<number, string>(
      async (batch) => {
        stored.push([...batch]);
        await new Promise((resolve) => setImmediate(resolve));
        if (batch.includes(2)) throw new Error('la base ne répond pas');
        return batch.map((n) => `#${n}`);
      },
      () => false,
      2,
      1,
    );
    const outcomes = await Promise.all([1, 2, 3, 4, 5].map((n) => batches.send(n)));
    expect(stored).toEqual([[1], [2, 3], [4, 5]]);
    expect(outcomes).toEqual(['#1', null, null, '#4', '#5']);
    expect(batches.waiting).toBe(0);
  });
});

let t: TestApp;
let http: () => Client;
let staff: Client;
beforeAll(async () => {
  ({ t, http, staff } = await servedWithStaff('GEST-LOT', ['jeunesse'])); // calendar: 2021-04-15
});
afterAll(() => t.close());

/** Sessions of a youth activity still open for requests (they close on 2021-04-20). */
const openSessions = (count: number) =>
  openPlaces(
    t,
    staff,
    Array.from({ length: count }, () => ({
      firstDay: '2021-07-05',
      lastDay: '2021-07-18',
      priceCents: 90_000,
    })),
    { allocated: false },
  );

const families = (count: number) =>
  Promise.all(Array.from({ length: count }, () => family(t, 40_000, http())));

const requestsOn = (sessionId: string) =>
  t.db.query<{ id: string; member_id: string; status: string }>(
    `SELECT id, member_id, status FROM registration_requests WHERE $1 = ANY(session_ids) ORDER BY number`,
    [sessionId],
  );

describe('registration requests in batches', () => {
  it('stores requests sent at once before closing, each once, in a few statements for all', async () => {
    const [session = ''] = await openSessions(1);
    const sending = await families(12);
    const before = t.db.statements;
    const answers = await Promise.all(sending.map(({ client }) => book(client, session)));
    const statements = t.db.statements - before;
    expect(answers.map((a) => [a.status, a.json<{ status: string }>().status])).toEqual(
      sending.map(() => [201, 'requested']),
    );
    const stored = await requestsOn(session);
    expect(stored.map((r) => r.member_id).sort()).toEqual(sending.map((f) => f.id).sort());
    // Alone, 3 statements each: 36. On PostgreSQL the first two leave at once, the others wait
    // for them and leave together. PGlite, in this process, answers each batch before the next
    // request is read from its socket: batches of one, as many statements as alone, never more.
    expect(statements).toBeLessThanOrEqual(process.env.DATABASE_URL ? 12 : 36);
  });

  it('decides requests sent at once after the selection in batches, first come first served: the places, then the waiting list, then refusals, each place invoiced once', async () => {
    const [one = '', other = ''] = await openPlaces(t, staff, [
      {
        firstDay: '2021-07-05',
        lastDay: '2021-07-18',
        priceCents: 90_000,
        places: 3,
        waitingPlaces: 4,
      },
      {
        firstDay: '2021-08-02',
        lastDay: '2021-08-15',
        priceCents: 90_000,
        places: 2,
        waitingPlaces: 0,
      },
    ]);
    const onOne = await families(10);
    const onOther = await families(4);
    // A first request on each session: the node learns they are closed.
    await book(onOne[0]!.client, one);
    await book(onOther[0]!.client, other);
    const before = t.db.statements;
    const answers = await Promise.all([
      ...onOne.slice(1).map(({ client }) => book(client, one)),
      ...onOther.slice(1).map(({ client }) => book(client, other)),
    ]);
    const statements = t.db.statements - before;
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    const outcomes = (sessionId: string) =>
      t.db.query<{ status: string; n: number }>(
        `SELECT status, count(*)::int AS n FROM registration_requests WHERE $1 = ANY(session_ids)
          GROUP BY status ORDER BY status`,
        [sessionId],
      );
    expect(await outcomes(one)).toEqual([
      { status: 'confirmed', n: 3 },
      { status: 'refused', n: 3 },
      { status: 'waiting', n: 4 },
    ]);
    expect(await outcomes(other)).toEqual([
      { status: 'confirmed', n: 2 },
      { status: 'refused', n: 2 },
    ]);
    // Decided in their order of arrival: the numbers given first took the places, then the list.
    const decided = await t.db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM registration_requests WHERE $1 = ANY(session_ids)
        GROUP BY status ORDER BY min(number)`,
      [one],
    );
    expect(decided.map((d) => d.status)).toEqual(['confirmed', 'waiting', 'refused']);
    const positions = await t.db.query<{ reason: string }>(
      `SELECT decision -> 'reasons' ->> -1 AS reason FROM registration_requests
        WHERE $1 = ANY(session_ids) AND status = 'waiting' ORDER BY number`,
      [one],
    );
    expect(positions.map((p) => p.reason.match(/position (\d+)/)?.[1])).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
    const invoices = await t.db.query<{ n: number; numbers: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT i.number)::int AS numbers FROM invoices i
         JOIN registration_requests r ON r.id = i.registration_id
        WHERE r.session_ids && $1::uuid[]`,
      [[one, other]],
    );
    expect(invoices).toEqual([{ n: 5, numbers: 5 }]);
    expect(await sessionCountsOff(t)).toEqual([]);
    // Each family told once of its decision, by the batch or by its place's follow-up.
    const told = await t.db.query<{ subjects: string[]; number: string; status: string }>(
      `SELECT r.number::text AS number, r.status,
              ARRAY(SELECT m.subject FROM mail_outbox m JOIN users u ON u.email = m.to_address
                     WHERE u.id = r.member_id AND m.subject LIKE '%Demande n°%') AS subjects
         FROM registration_requests r WHERE r.session_ids && $1::uuid[]`,
      [[one, other]],
    );
    const outcome = {
      confirmed: 'place confirmée',
      waiting: 'liste d’attente',
      refused: 'pas de place',
    };
    expect(told.map((r) => r.subjects)).toEqual(
      told.map((r) => [
        `CAES Inserm — Demande n° ${r.number} : ${outcome[r.status as keyof typeof outcome]}`,
      ]),
    );
    // Alone, 5 statements for a waiting list or a refusal and 8 for a place: 69 for these 12
    // requests. A batch shares the session read, the facts, the mails of its waiting lists and
    // refusals and its COMMIT; a place's follow-up (its mail and invoice) stays one a request.
    // PGlite stores batches of one: 4 statements for a waiting list or a refusal, 60 in all.
    expect(statements).toBeLessThanOrEqual(process.env.DATABASE_URL ? 45 : 60);
  });

  it.runIf(process.env.DATABASE_URL)(
    'follows up the places a batch gave together, after its commit: each invoiced once and told once, answered with its final quote (PostgreSQL)',
    async () => {
      const [session = ''] = await openPlaces(t, staff, [
        {
          firstDay: '2021-07-05',
          lastDay: '2021-07-18',
          priceCents: 90_000,
          places: 6,
          waitingPlaces: 10,
        },
      ]);
      const [first, ...rush] = await families(10);
      // The node learns that the session is closed; then its lock is held while nine families
      // send: two batches wait for it, the seven others for the next batch, which takes them all.
      expect((await book(first!.client, session)).status).toBe(201);
      const { answers } = await t.db.transaction(async (tx) => {
        await tx.query('SELECT 1 FROM activity_sessions WHERE id = $1 FOR UPDATE', [session]);
        const answers = Promise.all(rush.map(({ client }) => book(client, session)));
        await poll(
          async () =>
            Number(
              /^entraide_registration_batch_waiting (\d+)$/m.exec(
                String((await first!.client.get('/metrics')).body),
              )?.[1],
            ),
          (n) => n >= 7,
        );
        return { answers };
      });
      const released = t.db.statements;
      const given = (await answers).map((a) => a.json<{ id: string; status: string }>());
      const statements = t.db.statements - released;
      expect(given.map((g) => g.status).sort()).toEqual([
        ...Array<string>(5).fill('confirmed'),
        ...Array<string>(4).fill('waiting'),
      ]);
      // Each answered as the family's list then shows it: a place with the quote its invoice wrote.
      for (const [k, { client }] of rush.entries()) {
        const listed = await client.get('/api/me/registrations');
        expect(listed.json<{ registrations: unknown[] }>().registrations).toEqual([given[k]]);
      }
      const invoices = await t.db.query<{ n: number; numbers: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT i.number)::int AS numbers FROM invoices i
           JOIN registration_requests r ON r.id = i.registration_id WHERE $1 = ANY(r.session_ids)`,
        [session],
      );
      expect(invoices).toEqual([{ n: 6, numbers: 6 }]);
      const told = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM registration_requests r
           JOIN users u ON u.id = r.member_id JOIN mail_outbox m ON m.to_address = u.email
          WHERE $1 = ANY(r.session_ids) AND m.subject LIKE '%Demande n° ' || r.number || ' :%'`,
        [session],
      );
      expect(told).toEqual([{ n: 10 }]);
      const due = await t.db.query(
        `SELECT id FROM registration_requests WHERE $1 = ANY(session_ids) AND follow_up_due`,
        [session],
      );
      expect(due).toEqual([]);
      // Once the lock is released: two batches of one request (a place each, eight statements
      // with its follow-up), then one of seven — three places and four waiting lists: the
      // session read, the facts, seven inserts and the waiting lists' mails, then one follow-up
      // for the three places: the households' lock and the requests marked done, their mails,
      // and three statements for each invoice (its facts, its final quote, the invoice). A
      // follow-up for each place would be four statements more, 36 at least.
      expect(statements).toBeLessThanOrEqual(35);
    },
  );

  it('answers each request of a batch as it would alone: stored, refused with its reason, or decided after closing', async () => {
    const [open = '', cancelled = ''] = await openSessions(2);
    const [closed = ''] = await openPlaces(t, staff, [
      { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 90_000, places: 1 },
    ]);
    const activity = await t.db.query<{ activity_id: string }>(
      'SELECT activity_id FROM activity_sessions WHERE id = $1',
      [cancelled],
    );
    const cancel = await staff.post(
      `/api/staff/activities/${activity[0]?.activity_id ?? ''}/sessions/${cancelled}/cancellation`,
      { reason: 'le centre ferme' },
    );
    expect(cancel.status).toBe(200);
    const [asks, twice, ended, late, onCancelled] = await families(5);
    await t.db.query(
      `UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = $1`,
      [ended?.id],
    );
    await createUser(t.db, { identifier: 'IN-000555' });
    const unvalidated = http();
    await unvalidated.login('IN-000555', PASSWORD);
    const sent: Promise<Answer>[] = [
      book(asks!.client, open),
      book(twice!.client, open),
      book(twice!.client, open),
      book(ended!.client, open),
      book(late!.client, closed),
      book(onCancelled!.client, cancelled),
      book(unvalidated, open),
    ];
    const answers = await Promise.all(sent);
    const said = answers.map((a) => [a.status, a.json<{ status?: string; error?: string }>()]);
    expect(said[0]).toEqual([201, expect.objectContaining({ status: 'requested' })]);
    // The same child twice on the same session: one stored, the other refused as a duplicate.
    expect([said[1]?.[0], said[2]?.[0]].sort()).toEqual([201, 409]);
    expect(said[3]).toEqual([401, expect.objectContaining({ error: 'unauthenticated' })]);
    // After the selection a request is decided at once, first come first served.
    expect(said[4]).toEqual([201, expect.objectContaining({ status: 'confirmed' })]);
    expect(said[5]?.[0]).toBe(400);
    expect(JSON.stringify(said[5]?.[1])).toContain('annulée');
    expect(said[6]).toEqual([422, expect.objectContaining({ error: 'no_validated_record' })]);
    expect((await requestsOn(open)).map((r) => r.member_id).sort()).toEqual(
      [asks!.id, twice!.id].sort(),
    );
    expect(await requestsOn(cancelled)).toEqual([]);
    expect((await requestsOn(closed)).map((r) => [r.member_id, r.status])).toEqual([
      [late!.id, 'confirmed'],
    ]);
  });

  it('a session cancelled while a burst of requests is stored: every request answered 201 was stored, and none is left on the session', async () => {
    const [session = ''] = await openSessions(1);
    const sending = await families(16);
    const requests = sending.map(
      ({ client }) =>
        () =>
          book(client, session),
    );
    const cancellation = () => cancelSessionBy(t, staff, session);
    const answers = await Promise.all(
      [...requests.slice(0, 8), cancellation, ...requests.slice(8)].map((send) => send()),
    );
    const [cancelled] = answers.splice(8, 1);
    expect(cancelled?.status).toBe(200);
    for (const answer of answers) expect([201, 400]).toContain(answer.status);
    const stored = await requestsOn(session);
    const answered = answers
      .filter((a) => a.status === 201)
      .map((a) => a.json<{ id: string }>().id)
      .sort();
    expect(stored.map((r) => r.id).sort()).toEqual(answered);
    expect(stored.filter((r) => r.status !== 'cancelled')).toEqual([]);
  });
});
