// A committee's first selection at some size: 1 200 requests decided in one transaction, with
// the requests' statistics taken again before the invoices (places.ts, FRESH_STATISTICS_FROM).
import { expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { servedWithStaff } from './harness.ts';
import { requestsAwaitingSelection } from './place-fixtures.ts';

const REQUESTS = 1_200;
const SESSIONS = 20;
const PLACES = 30;

/** What the planner believes of the requests' table: its row count at the last ANALYZE. */
const believedRows = async (db: Database): Promise<number> =>
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
  await requestsAwaitingSelection(t.db, { requests: REQUESTS, sessions: SESSIONS, places: PLACES });
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
            (SELECT count(*) FROM mail_outbox WHERE to_address LIKE 'sel%@example.org')::text AS mails,
            (SELECT count(DISTINCT to_address) FROM mail_outbox WHERE to_address LIKE 'sel%@example.org')::text AS told`,
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
