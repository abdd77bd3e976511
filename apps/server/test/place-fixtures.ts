// Fixtures of places: a youth activity whose sessions are open first come first served, a family
// with one child, and a booking — set up through the API as staff and families would.
import { familyWithRecord, type Client, type TestApp, addSession } from './harness.ts';

export interface SessionFixture {
  firstDay: string;
  lastDay: string;
  priceCents: number;
  places?: number;
  waitingPlaces?: number;
}

/**
 * A published youth activity whose sessions closed and were allocated (or, with `allocated`
 * false, closed and waiting for their selection).
 */
export async function openPlaces(
  t: TestApp,
  staff: Client,
  sessions: SessionFixture[],
  { allocated = true }: { allocated?: boolean } = {},
): Promise<string[]> {
  const { id } = (
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
