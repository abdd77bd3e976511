// A session's places confirmed and its waiting list are kept counted on its row (migration 0024):
// a late request reads its place left and its position there instead of counting requests under
// the session's lock. Every path that puts a request on a list or a place, or takes it off, keeps
// the counts: a late decision, a withdrawal, a place offered to the next family, a place
// cancelled, a session cancelled. (Lodgings: family-bookings and withdrawals tests.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, PASSWORD, testApp, type Client, type TestApp } from './harness.ts';
import { book, cancelSessionBy, family, openPlaces, sessionCountsOff } from './place-fixtures.ts';

let t: TestApp;
let staff: Client;
beforeAll(async () => {
  t = await testApp(); // calendar: 2021-04-15
  await createUser(t.db, { identifier: 'GEST-ATTENTE', role: 'staff', sectors: ['jeunesse'] });
  staff = t.client();
  await staff.login('GEST-ATTENTE', PASSWORD);
});
afterAll(() => t.close());

/** A family's late request for the session: its outcome and the decision's last reason. */
async function ask(session: string) {
  const { client } = await family(t, 30_000, t.client());
  const answer = await book(client, session);
  expect(answer.status).toBe(201);
  const { id, status } = answer.json<{ id: string; status: string }>();
  const [row] = await t.db.query<{ reason: string }>(
    `SELECT decision -> 'reasons' ->> -1 AS reason FROM registration_requests WHERE id = $1`,
    [id],
  );
  return { client, id, status, reason: row?.reason ?? '' };
}

/** The counts on the session's row, places then waiting list; and no session's counts off. */
async function kept(session: string): Promise<[number, number]> {
  expect(await sessionCountsOff(t)).toEqual([]);
  const [row] = await t.db.query<{ confirmed: number; waiting: number }>(
    'SELECT confirmed_count AS confirmed, waiting_count AS waiting FROM activity_sessions WHERE id = $1',
    [session],
  );
  return [row?.confirmed ?? -1, row?.waiting ?? -1];
}

describe('the counts on the session', () => {
  it('follows the list through late requests, a withdrawal, a freed place and a cancellation', async () => {
    const [session = ''] = await openPlaces(t, staff, [
      {
        firstDay: '2021-07-05',
        lastDay: '2021-07-18',
        priceCents: 90_000,
        places: 1,
        waitingPlaces: 2,
      },
    ]);
    const holder = await ask(session);
    expect(holder.status).toBe('confirmed');
    expect(await kept(session)).toEqual([1, 0]);

    const first = await ask(session);
    const second = await ask(session);
    expect([first.status, second.status]).toEqual(['waiting', 'waiting']);
    expect(first.reason).toContain('position 1');
    expect(second.reason).toContain('position 2');
    expect(await kept(session)).toEqual([1, 2]);
    // A full list refuses, and counts nothing.
    const late = await ask(session);
    expect(late.status).toBe('refused');
    expect(late.reason).toBe('Les listes d’attente de vos choix sont complètes.');
    expect(await kept(session)).toEqual([1, 2]);

    // The first withdraws: a place on the list again, the next one is second there.
    expect((await first.client.delete(`/api/me/registrations/${first.id}`)).status).toBeLessThan(
      300,
    );
    expect(await kept(session)).toEqual([1, 1]);
    const third = await ask(session);
    expect(third.status).toBe('waiting');
    expect(third.reason).toContain('position 2');
    expect(await kept(session)).toEqual([1, 2]);

    // The holder's place is cancelled: it goes to the head of the list, which leaves it.
    expect((await staff.post(`/api/staff/registrations/${holder.id}/cancel`, {})).status).toBe(200);
    const [offered] = await t.db.query<{ status: string }>(
      'SELECT status FROM registration_requests WHERE id = $1',
      [second.id],
    );
    expect(offered?.status).toBe('confirmed');
    expect(await kept(session)).toEqual([1, 1]);

    // The committee cancels the session: its list is cancelled with it.
    const cancelled = await cancelSessionBy(t, staff, session);
    expect(cancelled.status).toBe(200);
    expect(await kept(session)).toEqual([0, 0]);
  });
});
