// Issue 15, point 5: a registration request before closing is four statements — the session,
// the household's lock, the facts of the request in one read, and the insert that locks the
// sessions and stores it — and a late one takes its place in one statement if one is left.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addSession,
  createUser,
  familyWithRecord,
  PASSWORD,
  testApp,
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

async function session(closesOn: string, places: number): Promise<string> {
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
    priceCents: 70_000,
    transport: [],
    closesOn,
  });
  return answer.json<{ id: string }>().id;
}

/** The statements the server sends for one request of `family` for `sessionId`. */
async function statementsOf(family: Client, sessionId: string) {
  const before = t.db.statements;
  const answer = await family.post('/api/me/registrations', {
    dependantIndex: 0,
    choices: [{ sessionId, transportCity: null }],
    depositMethod: 'cheque',
  });
  return { statements: t.db.statements - before, answer: answer.json<{ status: string }>() };
}

const household = (identifier: string) => ({
  identifier,
  taxIncomeEuros: 30_000,
  dependants: [{ relation: 'child' as const, firstName: 'Lou', birthDate: '2012-03-04' }],
});

it('stores a request before closing in four statements', async () => {
  const open = await session('2021-05-15', 10);
  const { client } = await familyWithRecord(t, household('IN-000971'));
  expect(await statementsOf(client, open)).toEqual({
    statements: 4,
    answer: expect.objectContaining({ status: 'requested' }) as unknown,
  });
});

it('after the selection, takes the place in the statement that checks one is left; a full session is not taken', async () => {
  const late = await session('2021-04-01', 1);
  await t.db.query('UPDATE activity_sessions SET allocated_at = now() WHERE id = $1', [late]);
  const first = await familyWithRecord(t, household('IN-000972'));
  const second = await familyWithRecord(t, household('IN-000973'));
  expect((await statementsOf(first.client, late)).answer.status).toBe('confirmed');
  expect((await statementsOf(second.client, late)).answer.status).toBe('waiting');
  const [placed] = await t.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM registration_requests WHERE placed_session_id = $1 AND status = 'confirmed'`,
    [late],
  );
  expect(placed?.n).toBe(1);
});
