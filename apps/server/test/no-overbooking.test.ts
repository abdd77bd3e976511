import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  familyWithRecord,
  PASSWORD,
  testApp,
  type TestApp,
  addSession,
} from './harness.ts';
import { sessionCountsOff } from './place-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('no overbooking', () => {
  it(`gives the last place to exactly one of ten families asking at the same moment (${process.env.DATABASE_URL ? 'PostgreSQL, concurrent transactions' : 'PGlite'})`, async () => {
    await createUser(t.db, { identifier: 'GEST-JE', role: 'staff', sectors: ['jeunesse'] });
    const staff = t.client();
    await staff.login('GEST-JE', PASSWORD);
    const { id } = (
      await staff.post('/api/staff/activities', {
        title: 'Stage de voile',
        sector: 'jeunesse',
        kind: 'caes',
        capCategory: 'holidayCentreFrance',
        description: 'Une semaine sur l’eau.',
        provider: { name: 'Club nautique' },
        published: true,
      })
    ).json<{ id: string }>();
    const session = (
      await addSession(t.db, staff, id, {
        label: 'Juillet',
        firstDay: '2021-07-05',
        lastDay: '2021-07-11',
        minAge: 6,
        maxAge: 17,
        places: 1,
        waitingPlaces: 20,
        priceCents: 45_000,
        closesOn: '2021-04-01',
      })
    ).json<{ id: string }>();
    // The selection ran (nobody asked in time): what is left goes first come, first served.
    const { token } = (await staff.get('/api/staff/selection/jeunesse')).json<{ token: string }>();
    expect((await staff.post('/api/staff/selection/jeunesse', { token })).status).toBe(200);

    const families = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        familyWithRecord(t, {
          identifier: `IN-0009${String(i).padStart(2, '0')}`,
          taxIncomeEuros: 30_000 + i,
          dependants: [{ relation: 'child', firstName: `Enfant${i}`, birthDate: '2010-05-05' }],
        }),
      ),
    );
    const answers = await Promise.all(
      families.map(({ client }) =>
        client.post('/api/me/registrations', {
          dependantIndex: 0,
          choices: [{ sessionId: session.id, transportCity: null }],
          depositMethod: 'card',
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    const statuses = answers.map((a) => a.json<{ status: string }>().status).sort();
    expect(statuses).toEqual(['confirmed', ...Array<string>(9).fill('waiting')]);
    const [count] = await t.db.query<{ confirmed: number; positions: number }>(
      `SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
              count(DISTINCT priority) FILTER (WHERE status = 'waiting')::int AS positions
         FROM registration_requests WHERE placed_session_id = $1`,
      [session.id],
    );
    expect(count).toEqual({ confirmed: 1, positions: 9 });
    // Each waiting family was told its own position, read under the session's lock.
    const told = await t.db.query<{ reason: string }>(
      `SELECT decision -> 'reasons' ->> -1 AS reason FROM registration_requests
        WHERE placed_session_id = $1 AND status = 'waiting'`,
      [session.id],
    );
    expect(
      told.map((r) => Number(/position (\d+)/.exec(r.reason)?.[1])).sort((a, b) => a - b),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await sessionCountsOff(t)).toEqual([]);
  });
});
