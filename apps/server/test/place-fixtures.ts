// Fixtures of places: a youth activity whose sessions are open first come first served, a family
// with one child, and a booking — set up through the API as staff and families would.
import { sessionCancellationFigures } from '@entraide/contract';
import type { Database } from '../src/db/database.ts';
import { familyWithRecord, type Answer, type Client, type TestApp, addSession } from './harness.ts';

export interface SessionFixture {
  label?: string;
  firstDay: string;
  lastDay: string;
  priceCents: number;
  places?: number;
  waitingPlaces?: number;
}

/**
 * A published youth activity whose sessions closed and were allocated (or, with `allocated`
 * false, closed and waiting for their selection); with `activityId`, sessions added to that one.
 */
export async function openPlaces(
  t: Pick<TestApp, 'db'>,
  staff: Client,
  sessions: SessionFixture[],
  { allocated = true, activityId }: { allocated?: boolean; activityId?: string } = {},
): Promise<string[]> {
  const { id } = activityId
    ? { id: activityId }
    : (
        await staff.post('/api/staff/activities', {
          title: 'Centre de vacances',
          sector: 'jeunesse',
          kind: 'caes',
          capCategory: 'holidayCentreFrance',
          description: 'Au bord du lac.',
          provider: { name: 'Lac Bleu' },
          published: true,
        })
      ).json<{ id: string }>();
  const ids: string[] = [];
  for (const [i, s] of sessions.entries()) {
    const answer = await addSession(t.db, staff, id, {
      label: `Session ${i + 1}`,
      minAge: 6,
      maxAge: 17,
      places: 10,
      closesOn: allocated ? '2021-04-01' : '2021-04-20',
      transport: [{ city: 'Lyon', priceCents: 6_000 }],
      ...s,
    });
    ids.push(answer.json<{ id: string }>().id);
  }
  if (allocated)
    await t.db.query(
      'UPDATE activity_sessions SET allocated_at = now() WHERE id = ANY($1::uuid[])',
      [ids],
    );
  return ids;
}

let families = 0;
/** A couple with one child born in 2011, its Fiche Agent validated, logged in. */
export async function family(t: TestApp, taxIncomeEuros: number, client?: Client) {
  families += 1;
  return familyWithRecord(
    t,
    {
      identifier: `IN-${String(900_000 + families)}`,
      taxIncomeEuros,
      dependants: [
        { relation: 'spouse', firstName: 'Alex', birthDate: '1980-01-01' },
        { relation: 'child', firstName: 'Zoé', birthDate: '2011-05-05' },
      ],
    },
    client,
  );
}

/** The child's request for one session (and the transport from a city, if any). */
export const book = (client: Client, sessionId: string, transportCity: string | null = null) =>
  client.post('/api/me/registrations', {
    dependantIndex: 1,
    choices: [{ sessionId, transportCity }],
    depositMethod: 'cheque',
  });

/**
 * The sessions whose counts, kept on their row by a trigger (migration 0024), are not what their
 * requests give — places confirmed, by lodging type, waiting list: none, whatever the paths and
 * races that changed them.
 */
export const sessionCountsOff = (t: TestApp) =>
  t.db.query<{ id: string }>(
    `SELECT s.id, s.confirmed_count, s.lodgings_taken, s.waiting_count
       FROM activity_sessions s
      WHERE (s.confirmed_count, s.lodgings_taken, s.waiting_count) IS DISTINCT FROM (
            (SELECT count(*)::int FROM registration_requests r
              WHERE r.placed_session_id = s.id AND r.status = 'confirmed'),
            (SELECT coalesce(jsonb_object_agg(t.lodging, t.n), '{}') FROM (
               SELECT r.placed_lodging AS lodging, count(*)::int AS n FROM registration_requests r
                WHERE r.placed_session_id = s.id AND r.status = 'confirmed' AND r.placed_lodging IS NOT NULL
                GROUP BY r.placed_lodging) t),
            (SELECT count(*)::int FROM registration_requests r
              WHERE r.placed_session_id = s.id AND r.status = 'waiting'))`,
  );

/**
 * A committee's closing, written in the database: `sessions` youth sessions of `places` places,
 * closed on 2021-04-01 and waiting for their selection, and `requests` households (SEL-000001…,
 * sel1@example.org…, their Fiches validated, quotients all different), each asking two of them
 * for a child.
 */
export async function requestsAwaitingSelection(
  db: Database,
  { requests, sessions, places }: { requests: number; sessions: number; places: number },
): Promise<void> {
  await db.query(
    `INSERT INTO users (identifier, email, last_name, first_name, birth_date, role)
     SELECT 'SEL-' || lpad(i::text, 6, '0'), 'sel' || i || '@example.org', 'Famille' || i, 'Claire', '1980-01-01', 'member'
       FROM generate_series(1, $1) AS i`,
    [requests],
  );
  await db.query(
    `INSERT INTO agent_records (member_id, year, version, status, couple, tax_income_euros, dependants, pack_id, quotient_cents)
     SELECT id, 2021, 1, 'validated', false, 30000, '[]', 'inserm-2021', 100000 + (n * 7919) % 3000000
       FROM (SELECT id, row_number() OVER (ORDER BY identifier) AS n FROM users WHERE identifier LIKE 'SEL-%') u`,
  );
  const [activity] = await db.query<{ id: string }>(
    `INSERT INTO activities (title, sector, kind, cap_category, description, provider, published)
     VALUES ('Centre', 'jeunesse', 'caes', 'holidayCentreFrance', 'Au lac.', '{"name":"Lac"}', true) RETURNING id`,
  );
  await db.query(
    `INSERT INTO activity_sessions (activity_id, label, first_day, last_day, min_age, max_age, places, price_cents, closes_on, answer_by)
     SELECT $1, 'Session ' || lpad(s::text, 2, '0'), date '2021-07-01' + s, date '2021-07-07' + s, 6, 17, $3, 40000,
            '2021-04-01', '2021-04-30'
       FROM generate_series(1, $2) AS s`,
    [activity?.id, sessions, places],
  );
  await db.query(
    `WITH s AS (SELECT id, label, row_number() OVER (ORDER BY label) AS n FROM activity_sessions WHERE activity_id = $2),
          r AS (SELECT rec.id, rec.member_id, row_number() OVER (ORDER BY rec.member_id) AS n
                  FROM agent_records rec JOIN users u ON u.id = rec.member_id WHERE u.identifier LIKE 'SEL-%')
     INSERT INTO registration_requests (member_id, record_id, participant, participant_key, choices, session_ids,
                                        sector, year, deposit_method, quotes, status)
     SELECT r.member_id, r.id,
            '{"relation": "child", "birthDate": "2010-05-05", "disabled": false, "firstName": "Enfant", "lastName": "Martin"}',
            'child:0',
            jsonb_build_array(jsonb_build_object('sessionId', a.id, 'sessionLabel', a.label, 'activityTitle', 'Centre'),
                              jsonb_build_object('sessionId', b.id, 'sessionLabel', b.label, 'activityTitle', 'Centre')),
            ARRAY[a.id, b.id], 'jeunesse', 2021, 'cheque', '[]', 'requested'
       FROM r JOIN s a ON a.n = 1 + r.n % $1 JOIN s b ON b.n = 1 + (r.n * 7 + 3) % $1`,
    [sessions, activity?.id],
  );
}

/** The address of a session's cancellation (its activity read from the database). */
async function cancellationOf(t: TestApp, sessionId: string): Promise<string> {
  const [row] = await t.db.query<{ activity_id: string }>(
    'SELECT activity_id FROM activity_sessions WHERE id = $1',
    [sessionId],
  );
  return `/api/staff/activities/${row?.activity_id ?? ''}/sessions/${sessionId}/cancellation`;
}

/** `desk` cancels the session: « le centre ferme ». */
export async function cancelSessionBy(t: TestApp, desk: Client, sessionId: string) {
  return desk.post(await cancellationOf(t, sessionId), { reason: 'le centre ferme' });
}

/**
 * `desk` reads what cancelling the session would do, then cancels it at those figures, as its
 * confirmation does (decision 0046): both answers.
 */
export async function cancelSessionAsShown(
  t: TestApp,
  desk: Client,
  sessionId: string,
): Promise<Answer[]> {
  const url = await cancellationOf(t, sessionId);
  const read = await desk.get(url);
  if (read.status !== 200) return [read];
  return [
    read,
    await desk.post(url, {
      reason: 'le centre ferme',
      // The figures alone: the answer also names the session.
      expected: sessionCancellationFigures.parse(read.json()),
    }),
  ];
}
