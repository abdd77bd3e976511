// The back office's home (issue 14, point 12): each staff member sees the queues they work, with
// what waits in each — counted among their own sectors only.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffSector } from '@entraide/contract';
import { createUser, PASSWORD, testApp, type Client, type TestApp } from './harness.ts';
import { book, family, openPlaces } from './place-fixtures.ts';

let t: TestApp;
const desk = async (
  identifier: string,
  sectors: StaffSector[],
  role: 'staff' | 'admin' = 'staff',
) => {
  await createUser(t.db, { identifier, role, sectors });
  const client = t.client();
  await client.login(identifier, PASSWORD);
  return client;
};
const queues = async (client: Client) =>
  Object.fromEntries(
    (await client.get('/api/staff/home'))
      .json<{ queues: { key: string; count: number; label: string }[] }>()
      .queues.map((q) => [q.key, q]),
  );

beforeAll(async () => {
  t = await testApp(); // calendar: 2021-04-15
});
afterAll(() => t.close());

describe('the back office home', () => {
  it('counts what waits in each queue of the staff member, within their sectors', async () => {
    const jeunesse = await desk('GEST-HOME-JE', ['jeunesse']);
    const fiche = await desk('GEST-HOME-FA', ['fiche-agent']);
    const vacances = await desk('GEST-HOME-VA', ['vacances']);
    await t.db.query(
      `INSERT INTO sign_up_requests (last_name, first_name, birth_date, email, couple, children)
       VALUES ('Lambert', 'Rose', '1985-01-01', 'rose@example.org', false, '[]'),
              ('Lambert', 'Paul', '1986-01-01', 'paul@example.org', false, '[]')`,
    );
    // A confirmed youth place whose first instalment (the deposit) is due today, unpaid.
    const [session] = await openPlaces(t, jeunesse, [
      { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 100_000 },
    ]);
    const { client } = await family(t, 40_000);
    expect((await book(client, session ?? '')).json()).toMatchObject({ status: 'confirmed' });

    const ofFiche = await queues(fiche);
    expect(Object.keys(ofFiche).sort()).toEqual(['records', 'signUps']);
    expect(ofFiche.signUps).toMatchObject({
      count: 2,
      label: 'demandes d’inscription à examiner',
    });
    const ofJeunesse = await queues(jeunesse);
    expect(ofJeunesse.signUps).toBeUndefined();
    expect(ofJeunesse.overdue).toMatchObject({
      count: 1,
      label: 'facture avec une échéance impayée',
    });
    // The same invoice is not the vacances desk's.
    expect((await queues(vacances)).overdue?.count).toBe(0);
    // What fell due is paid, a cent short and then in full: the later instalments wait their day.
    const [due] = await t.db.query<{ invoice_id: string; cents: number; later: number }>(
      `SELECT invoice_id, sum(amount_cents) FILTER (WHERE due_on <= '2021-04-15')::int AS cents,
              count(*) FILTER (WHERE due_on > '2021-04-15')::int AS later
         FROM instalments WHERE NOT cancelled GROUP BY invoice_id`,
    );
    expect(due?.later).toBeGreaterThan(0);
    for (const amountCents of [(due?.cents ?? 0) - 1, 1]) {
      expect((await queues(jeunesse)).overdue?.count).toBe(1);
      const paid = await jeunesse.request(
        'POST',
        '/api/staff/payments',
        { invoiceId: due?.invoice_id, method: 'transfer', amountCents, receivedOn: '2021-04-15' },
        { 'idempotency-key': randomUUID() },
      );
      expect(paid.status).toBe(201);
    }
    expect((await queues(jeunesse)).overdue?.count).toBe(0);
    const admin = await desk('ADMIN-HOME', [], 'admin');
    expect(Object.keys(await queues(admin))).toHaveLength(8);
    expect((await client.get('/api/staff/home')).status).toBe(403);
  });
});

describe('the sectors’ dashboards', () => {
  it('compare what a sector committed with its budget, fill each session, count claims by month, and export it', async () => {
    const admin = await desk('ADMIN-DASH', [], 'admin');
    const jeunesse = await desk('GEST-DASH-JE', ['jeunesse']);
    const [session = ''] = await openPlaces(t, jeunesse, [
      { firstDay: '2021-08-02', lastDay: '2021-08-15', priceCents: 80_000, places: 4 },
    ]);
    const { client } = await family(t, 30_000);
    expect((await book(client, session)).json()).toMatchObject({ status: 'confirmed' });
    const [subsidies] = await t.db.query<{ cents: number }>(
      `SELECT sum(subsidy_cents)::int AS cents FROM invoices WHERE sector = 'jeunesse' AND year = 2021`,
    );
    expect(subsidies?.cents).toBeGreaterThan(0);

    // Only the admin sets a budget, a positive amount.
    const budget = { sector: 'jeunesse', year: 2021, budgetCents: 1_000_000 };
    expect((await jeunesse.put('/api/admin/sector-budgets', budget)).status).toBe(403);
    expect(
      (await admin.put('/api/admin/sector-budgets', { ...budget, budgetCents: -1 })).status,
    ).toBe(400);
    expect((await admin.put('/api/admin/sector-budgets', budget)).status).toBe(204);

    // Claims of the sector's families by the month they were sent, and by the month their batch
    // was sent to the bank (claims of 2020, so that the year's commitments above stay the
    // invoices'); one sent in December 2020 is not the year's.
    const { id: memberId } = await family(t, 25_000);
    const [payout] = await t.db.query<{ id: string }>(
      `INSERT INTO payouts (reference, total_cents, claims, execution_date, exported_at, sent_on)
       VALUES ('LOT-TABLEAU', 7000, 2, '2021-05-03', '2021-05-03', '2021-05-04') RETURNING id`,
    );
    await t.db.query(
      `INSERT INTO claims (member_id, record_id, year, type, sector, participant, participant_key, details,
                           document_ids, quote, status, approved_cents, payout_id, created_at)
       SELECT $1, r.id, 2020, 'festival', 'jeunesse', '{}', 'member', '{}', '{}', '{}',
              c.status, c.approved, CASE WHEN c.paid THEN $2::uuid END, c.sent_at::timestamptz
         FROM agent_records r,
              (VALUES ('paid', 3000, true, '2021-03-10 12:00+01'), ('paid', 4000, true, '2021-03-20 12:00+01'),
                      ('rejected', NULL, false, '2021-03-25 12:00+01'), ('submitted', NULL, false, '2021-05-02 12:00+02'),
                      ('submitted', NULL, false, '2020-12-15 12:00+01')) AS c(status, approved, paid, sent_at)
        WHERE r.member_id = $1`,
      [memberId, payout?.id],
    );

    const [dashboard, ...others] = (await jeunesse.get('/api/staff/dashboard?year=2021')).json<{
      sectors: {
        sector: string;
        budgetCents: number | null;
        committedCents: number;
        sessions: { label: string; places: number; requests: number; confirmed: number }[];
        claims: { month: number; sent: number; paidCents: number }[];
      }[];
    }>().sectors;
    expect(others).toEqual([]);
    expect(dashboard).toMatchObject({
      sector: 'jeunesse',
      budgetCents: 1_000_000,
      committedCents: subsidies?.cents,
    });
    expect(dashboard?.sessions.at(-1)).toEqual({
      label: 'Centre de vacances — Session 1',
      places: 4,
      requests: 1,
      confirmed: 1,
    });
    expect(dashboard?.claims.map((c) => c.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(dashboard?.claims.map((c) => c.sent)).toEqual([0, 0, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(dashboard?.claims.map((c) => c.paidCents)).toEqual([
      0, 0, 0, 0, 7000, 0, 0, 0, 0, 0, 0, 0,
    ]);
    // The admin sees every sector; a year that is not one is refused on its field.
    expect(
      (await admin.get('/api/staff/dashboard?year=2021')).json<{ sectors: unknown[] }>().sectors,
    ).toHaveLength(5);
    expect((await jeunesse.get('/api/staff/dashboard?year=deux')).json()).toMatchObject({
      issues: [{ path: 'year', message: 'année attendue, par exemple 2021' }],
    });
    const csv = String((await jeunesse.get('/api/staff/dashboard.csv?year=2021')).body);
    expect(csv).toContain('jeunesse;2021;Budget (€);;10000,00');
    expect(csv).toContain('jeunesse;2021;Places;Centre de vacances — Session 1;4');
  });
});
