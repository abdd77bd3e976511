// Benchmark of the admin's journal at a CNRS-sized committee's size (decision 0050): 35 000
// members and a million actions of ten gestionnaires over a year, generated in the database
// (PostgreSQL at DATABASE_URL, else a PGlite of its own). Each search the journal offers — none,
// a person (whole identifier or a part), an action no one did, who acted, two days — is read a
// page at a time, warm (the 7th and 8th reading: past PostgreSQL's fifth, when a prepared
// statement may turn to a generic plan). The reference, in the same run: reading one action by
// its id through the same driver. Target: each search under 200 times that reference (a person's search reads the members' identifiers, 35 000 of them), where
// a walk back through the whole log (what one statement for every search gave: 1,4–2,1 s on
// PostgreSQL) is thousands.
import { performance } from 'node:perf_hooks';
import { auditPage, type AuditFilter } from '../src/modules/audit/audit-log.ts';
import { committeeDatabase } from './committee-database.ts';

const MEMBERS = 35_000;
const ACTIONS = 1_000_000;
const CHUNK = 200_000;
const TARGET_RATIO = 200;
const db = await committeeDatabase('audit-journal', MEMBERS);
await db.query(
  `INSERT INTO users (identifier, email, last_name, first_name, birth_date, role, sectors)
   SELECT 'GEST-' || i, 'gest' || i || '@example.org', 'Gestionnaire', 'G', '1975-01-01', 'staff', '{jeunesse}'
     FROM generate_series(1, 10) AS i`,
);
// Deterministic: the n-th action is about member n × 7919 mod 35 000, 30 s after the one before.
for (let first = 1; first <= ACTIONS; first += CHUNK)
  await db.query(
    `INSERT INTO audit_log (actor_id, action, subject_type, subject_id, member_id, created_at)
     SELECT g.id, (ARRAY['member.view', 'record.view', 'document.read', 'claim.approve'])[1 + i % 4],
            'member', m.id::text, m.id, timestamptz '2021-01-01' + make_interval(secs => i * 30)
       FROM generate_series($1::int, $1::int + $2::int - 1) AS i
       JOIN users m ON m.identifier = 'IN-' || lpad((1 + (i::bigint * 7919) % $3)::text, 6, '0')
       JOIN users g ON g.identifier = 'GEST-' || (1 + i % 10)`,
    [first, CHUNK, MEMBERS],
  );
// The statistics autovacuum keeps on a live database.
await db.query('ANALYZE');
// The ids go on from a run before on PostgreSQL (TRUNCATE keeps the sequence).
const [last] = await db.query<{ id: number }>('SELECT max(id)::int AS id FROM audit_log');
const newest = last?.id ?? ACTIONS;

/**
 * The warm reading's time of one search, in ms: the best of the 7th and 8th. Each reading starts
 * its page after another of the eight newest actions, so that the embedded database's kept
 * answers (decision 0027) do not answer it: the statement runs each time.
 */
async function warm(read: (after: number) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < 8; run += 1) {
    const started = performance.now();
    await read(newest - run);
    times.push(performance.now() - started);
  }
  return Math.min(...times.slice(6));
}

const referenceMs = await warm((after) =>
  db.query('SELECT id, action FROM audit_log WHERE id = $1', [after - ACTIONS / 2]),
);
const searches: [string, AuditFilter][] = [
  ['the newest actions', {}],
  ['a person, whole identifier', { member: 'IN-000123' }],
  ['a person, part of an identifier', { member: '00012' }],
  ['an action no one did', { action: 'budget.set' }],
  ['who acted', { actor: 'GEST-3' }],
  ['two days', { from: '2021-03-01', to: '2021-03-02' }],
];
let slowest = 0;
for (const [label, filter] of searches) {
  let found = 0;
  const ms = await warm(async (after) => {
    found = (await auditPage(db, { ...filter, before: after })).entries.length;
  });
  slowest = Math.max(slowest, ms / referenceMs);
  console.log(
    `journal on ${db.engine}, ${label}: ${String(found)} actions in ${ms.toFixed(1)} ms — × ${(ms / referenceMs).toFixed(0)} the reference`,
  );
}
console.log(
  `reference (one action by its id): ${referenceMs.toFixed(2)} ms; slowest search × ${slowest.toFixed(0)} (target < ${String(TARGET_RATIO)})`,
);
await db.close();
if (slowest >= TARGET_RATIO) process.exit(1);
