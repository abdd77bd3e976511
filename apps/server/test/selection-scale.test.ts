// A committee's first selection at some size: 1 200 requests decided in one transaction, with
// the requests' statistics taken again before the invoices (places.ts, FRESH_STATISTICS_FROM).
import { expect, it } from 'vitest';
import { servedWithStaff } from './harness.ts';

const REQUESTS = 1_200;
const SESSIONS = 20;
const PLACES = 30;

/** What the planner believes of the requests' table: its row count at the last ANALYZE. */
const believedRows = async (db: { query: <T>(sql: string) => Promise<T[]> }): Promise<number> =>
  Number(
    (
      await db.query<{ rows: string }>(
        `SELECT reltuples::bigint::text AS rows FROM pg_class
          WHERE oid = 'registration_requests'::regclass`,
      )
    )[0]?.rows,
  );

it('decides 1 200 requests at once: every place invoiced once, every family told once, the statistics taken again', async () => {
  const { t, staff } = await servedWithStaff('GJ-SEL', ['jeunesse']);
  await t.db.query(
    `INSERT INTO users (identifier, email, last_name, first_name, birth_date, role)
     SELECT 'IN-' || lpad(i::text, 6, '0'), 'm' || i || '@example.org', 'Famille' || i, 'Claire', '1980-01-01', 'member'
       FROM generate_series(1, $1) AS i`,
    [REQUESTS],
  );
  await t.db.query(
    `INSERT INTO agent_records (member_id, year, version, status, couple, tax_income_euros, dependants, pack_id, quotient_cents)
     SELECT id, 2021, 1, 'validated', false, 30000, '[]', 'inserm-2021', 100000 + (n * 7919) % 3000000
       FROM (SELECT id, row_number() OVER (ORDER BY identifier) AS n FROM users WHERE role = 'member') u`,
  );
  const [activity] = await t.db.query<{ id: string }>(
    `INSERT INTO activities (title, sector, kind, cap_category, description, provider, published)
     VALUES ('Centre', 'jeunesse', 'caes', 'holidayCentreFrance', 'Au lac.', '{"name":"Lac"}', true) RETURNING id`,
  );
  await t.db.query(
    `INSERT INTO activity_sessions (activity_id, label, first_day, last_day, min_age, max_age, places, price_cents, closes_on, answer_by)
     SELECT $1, 'Session ' || lpad(s::text, 2, '0'), date '2021-07-01' + s, date '2021-07-07' + s, 6, 17, $3, 40000,
            '2021-04-01', '2021-04-30'
       FROM generate_series(1, $2) AS s`,
    [activity?.id, SESSIONS, PLACES],
  );
  // Each household asks for two sessions for a child.
  await t.db.query(
    `WITH s AS (SELECT id, label, row_number() OVER (ORDER BY label) AS n FROM activity_sessions),
          r AS (SELECT id, member_id, row_number() OVER (ORDER BY member_id) AS n FROM agent_records)
     INSERT INTO registration_requests (member_id, record_id, participant, participant_key, choices, session_ids,
                                        sector, year, deposit_method, quotes, status)
     SELECT r.member_id, r.id,
            '{"relation": "child", "birthDate": "2010-05-05", "disabled": false, "firstName": "Enfant", "lastName": "Martin"}',
            'child:0',
            jsonb_build_array(jsonb_build_object('sessionId', a.id, 'sessionLabel', a.label, 'activityTitle', 'Centre'),
                              jsonb_build_object('sessionId', b.id, 'sessionLabel', b.label, 'activityTitle', 'Centre')),
            ARRAY[a.id, b.id], 'jeunesse', 2021, 'cheque', '[]', 'requested'
       FROM r JOIN s a ON a.n = 1 + r.n % $1 JOIN s b ON b.n = 1 + (r.n * 7 + 3) % $1`,
    [SESSIONS],
  );
  // Never analysed since the table was filled: the planner believes it (nearly) empty.
  expect(await believedRows(t.db)).toBeLessThan(REQUESTS);

  const preview = (await staff.get('/api/staff/selection/jeunesse')).json<{
    token: string;
    decisions: { outcome: string }[];
  }>();
  expect(preview.decisions).toHaveLength(REQUESTS);
  const applied = await staff.post('/api/staff/selection/jeunesse', { token: preview.token });
  expect(applied.status).toBe(200);

  const [counts] = await t.db.query<{
    confirmed: string;
    invoices: string;
    numbers: string;
    mails: string;
    told: string;
  }>(
    `SELECT (SELECT count(*) FROM registration_requests WHERE status = 'confirmed')::text AS confirmed,
            (SELECT count(*) FROM invoices WHERE kind = 'invoice')::text AS invoices,
            (SELECT count(DISTINCT number) FROM invoices WHERE kind = 'invoice')::text AS numbers,
            (SELECT count(*) FROM mail_outbox WHERE to_address LIKE 'm%@example.org')::text AS mails,
            (SELECT count(DISTINCT to_address) FROM mail_outbox WHERE to_address LIKE 'm%@example.org')::text AS told`,
  );
  expect(counts).toEqual({
    confirmed: String(SESSIONS * PLACES),
    invoices: String(SESSIONS * PLACES),
    numbers: String(SESSIONS * PLACES),
    mails: String(REQUESTS),
    told: String(REQUESTS),
  });
  expect(await believedRows(t.db)).toBeGreaterThanOrEqual(REQUESTS);
  await t.close();
}, 120_000);
