// Benchmark of the nightly retention job at a CNRS-sized committee's size (issue 15): 35 000
// members, four years of Fiches Agent with three documents each (a tax notice, a payslip, a family
// book) and a claim a year with its receipt — 560 000 documents — generated in the database
// (PostgreSQL at DATABASE_URL, else a PGlite of its own). On the first day of 2025 with proofs
// kept three years, the 2021 notices and payslips go (70 000 documents and their bytes). The
// reference, in the same run: reading every document's id through the same driver. Target: under
// 10 times that reference (the job read each table once), and so, on PostgreSQL, well under the
// 30 s a statement may take (decision 0036). Tested document by document, it took hours.
import { performance } from 'node:perf_hooks';
import { DatabaseDocumentStore } from '../src/modules/household/documents.ts';
import { applyRetention } from '../src/modules/privacy/retention.ts';
import { committeeDatabase } from './committee-database.ts';

const MEMBERS = 35_000;
const YEARS = [2021, 2022, 2023, 2024];
const TARGET_RATIO = 10;
const db = await committeeDatabase('retention', MEMBERS);
await db.query(
  `INSERT INTO document_contents (sha256, bytes)
   SELECT md5(u.identifier || y || k), '\\x25504446'::bytea
     FROM users u, unnest($1::int[]) AS y, unnest(ARRAY['taxNotice', 'payslip', 'familyBook', 'receipt']) AS k`,
  [YEARS],
);
await db.query(
  `INSERT INTO documents (member_id, kind, sha256, size_bytes, file_name, created_at)
   SELECT u.id, k, md5(u.identifier || y || k), 4, k || '.pdf', make_timestamptz(y, 3, 1, 0, 0, 0)
     FROM users u, unnest($1::int[]) AS y, unnest(ARRAY['taxNotice', 'payslip', 'familyBook', 'receipt']) AS k`,
  [YEARS],
);
await db.query(
  `INSERT INTO agent_records (member_id, year, version, status, document_ids)
   SELECT member_id, extract(year FROM created_at)::int, 1, 'validated', array_agg(id)
     FROM documents WHERE kind <> 'receipt'
    GROUP BY member_id, extract(year FROM created_at)`,
);
await db.query(
  `INSERT INTO claims (member_id, record_id, year, type, sector, participant, participant_key, details, document_ids, quote)
   SELECT d.member_id, r.id, r.year, 'festival', 'culture', '{}', 'member', '{}', ARRAY[d.id], '{}'
     FROM documents d JOIN agent_records r
       ON r.member_id = d.member_id AND r.year = extract(year FROM d.created_at)::int
    WHERE d.kind = 'receipt'`,
);
// The statistics autovacuum keeps on a live database.
await db.query('ANALYZE');
const [count] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents');

const reference = performance.now();
await db.query('SELECT id FROM documents');
const referenceMs = performance.now() - reference;

const started = performance.now();
const purged = await applyRetention(db, new DatabaseDocumentStore(db), '2025-01-01', {
  incomeProofYears: 3,
});
const ms = performance.now() - started;
const [bytes] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM document_contents');
console.log(
  `retention on ${db.engine}: ${String(count?.n)} documents, ${String(purged)} deleted, ` +
    `${String(bytes?.n)} contents left — ${ms.toFixed(0)} ms; reference (every id read) ` +
    `${referenceMs.toFixed(0)} ms: × ${(ms / referenceMs).toFixed(1)} (target < ${String(TARGET_RATIO)})`,
);
await db.close();
if (purged !== 2 * MEMBERS || bytes?.n !== 14 * MEMBERS) {
  console.error('La durée de conservation n’a pas supprimé ce qu’elle devait.');
  process.exit(1);
}
if (ms >= TARGET_RATIO * referenceMs) process.exit(1);
