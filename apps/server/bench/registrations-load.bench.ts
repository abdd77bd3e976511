// Load benchmark: 2 000 registration requests sent at once to the running server on PostgreSQL.
// Phase 1: before closing, over 20 open sessions. Phase 2: after the selection, first come first
// served on one session of 500 places (every request contends for the same row lock).
// Checks that every request is stored exactly once and none is lost; prints latency percentiles.
// PostgreSQL: BENCH_POSTGRES_URL, by default postgres://postgres@127.0.0.1:5432/postgres (a fresh
// database is created on that server and dropped at the end).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadPackDirectory } from '@entraide/rules/node';
import pg from 'pg';
import { appContext } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { hashPassword, newToken, tokenHash } from '../src/modules/accounts/secrets.ts';
import { validateRecord } from '../src/modules/household/agent-records.ts';
import { createMailer } from '../src/modules/notifications/mailer.ts';

const FAMILIES = 2_000;
const PORT = 3_917;
const server = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const admin = new pg.Client({ connectionString: server });
await admin.connect();
const name = `entraide_bench_${Date.now()}`;
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(server);
url.pathname = `/${name}`;
const env = {
  ...process.env,
  DATABASE_URL: url.toString(),
  PORT: String(PORT),
  HOST: '127.0.0.1',
  TODAY: '2021-04-15',
  DATA_DIR: mkdtempSync(join(tmpdir(), 'entraide-bench-')),
};

const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd: new URL('..', import.meta.url),
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve, reject) => {
  child.stdout.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes('prêt sur')) resolve();
  });
  child.once('exit', (code) => reject(new Error(`server exited (${String(code)})`)));
});

const config = loadConfig(env);
const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
const packs = loadPackDirectory();
const ctx = appContext(config, db, createMailer(null), packs);

// Fixtures through SQL and the real validation use case: 2 000 families with a child of 9.
console.log(`seeding ${FAMILIES} families with a validated Fiche Agent…`);
const hash = await hashPassword('bench password 2026');
const members = await db.query<{ id: string }>(
  `INSERT INTO users (identifier, email, last_name, first_name, birth_date, role, password_hash)
   SELECT 'BENCH-' || n, 'bench' || n || '@example.org', 'Famille' || n, 'Parent', '1980-01-01', 'member', $1
     FROM generate_series(1, $2) AS n RETURNING id`,
  [hash, FAMILIES],
);
const records = await db.query<{ id: string }>(
  `INSERT INTO agent_records (member_id, year, version, status, couple, tax_income_euros, dependants, submitted_at)
   SELECT id, 2021, 1, 'submitted', false, 15000 + (row_number() OVER ()) * 17,
          '[{"relation":"child","lastName":"B","firstName":"Enfant","birthDate":"2012-03-04","sharedCustody":false,"disabled":false,"disabilityProofId":null}]', now()
     FROM users WHERE identifier LIKE 'BENCH-%' RETURNING id`,
);
const staff = {
  id: members[0]?.id ?? '',
  identifier: 'BENCH',
  firstName: 'B',
  lastName: 'B',
  email: 'b@example.org',
  role: 'admin' as const,
  sectors: [],
};
for (const record of records) await validateRecord(ctx, packs, staff, record.id);
const tokens = members.map(() => newToken());
await db.query(
  `INSERT INTO sessions (token_hash, user_id, expires_at)
   SELECT unnest($1::text[]), unnest($2::uuid[]), now() + interval '1 day'`,
  [tokens.map(tokenHash), members.map((m) => m.id)],
);
const [activity] = await db.query<{ id: string }>(
  `INSERT INTO activities (title, sector, kind, cap_category, description, provider, published)
   VALUES ('Bench', 'jeunesse', 'caes', 'holidayCentreFrance', 'Bench', '{"name":"Bench"}', true) RETURNING id`,
);
const sessionRows = await db.query<{ id: string }>(
  `INSERT INTO activity_sessions (activity_id, label, first_day, last_day, min_age, max_age, places, waiting_places, price_cents, closes_on, answer_by)
   SELECT $1, 'S' || n, '2021-07-10', '2021-07-20', 6, 12, CASE WHEN n = 0 THEN 500 ELSE 100 END, 2000, 60000,
          CASE WHEN n = 0 THEN date '2021-04-01' ELSE date '2021-05-15' END, '2021-06-05'
     FROM generate_series(0, 20) AS n ORDER BY n RETURNING id`,
  [activity?.id],
);
const closed = sessionRows[0]?.id ?? '';
const open = sessionRows.slice(1).map((s) => s.id);
await db.query(`UPDATE activity_sessions SET allocated_at = now() WHERE id = $1`, [closed]);

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function phase(label: string, sessions: readonly string[]): Promise<void> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const start = performance.now();
  await Promise.all(
    tokens.map(async (token, i) => {
      const sent = performance.now();
      const response = await fetch(`http://127.0.0.1:${PORT}/api/me/registrations`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: `entraide_session=${token}; entraide_csrf=bench`,
          'x-csrf-token': 'bench',
        },
        body: JSON.stringify({
          dependantIndex: 0,
          choices: [{ sessionId: sessions[i % sessions.length], transportCity: null }],
          depositMethod: 'card',
        }),
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - sent);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }),
  );
  const total = performance.now() - start;
  const sorted = latencies.sort((a, b) => a - b);
  const [stored] = await db.query<{ rows: number; distinct: number; confirmed: number }>(
    `SELECT count(*)::int AS rows, count(DISTINCT (member_id, session_ids))::int AS distinct,
            count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed
       FROM registration_requests WHERE session_ids && $1::uuid[] AND member_id = ANY($2::uuid[])`,
    [sessions, members.map((m) => m.id)],
  );
  console.log(
    `${label}: ${FAMILIES} requests in ${Math.round(total)} ms (${Math.round((FAMILIES / total) * 1000)}/s); answers ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  console.log(
    `  latency p50 ${Math.round(percentile(sorted, 50))} ms, p95 ${Math.round(percentile(sorted, 95))} ms, p99 ${Math.round(percentile(sorted, 99))} ms, max ${Math.round(percentile(sorted, 100))} ms`,
  );
  console.log(
    `  stored: ${stored?.rows ?? 0} rows, ${stored?.distinct ?? 0} distinct (member, sessions), ${stored?.confirmed ?? 0} confirmed`,
  );
  if (stored?.rows !== FAMILIES || stored.distinct !== FAMILIES || statuses.get(201) !== FAMILIES)
    process.exitCode = 1;
}

try {
  await phase('1. before closing, 20 open sessions', open);
  await phase('2. after the selection, 1 session of 500 places', [closed]);
  const [placed] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM registration_requests WHERE placed_session_id = $1 AND status = 'confirmed'`,
    [closed],
  );
  console.log(`  places given on the 500-place session: ${placed?.n ?? 0} (never more than 500)`);
  if ((placed?.n ?? 0) !== 500) process.exitCode = 1;
} finally {
  child.kill('SIGTERM');
  await db.close();
  await new Promise((resolve) => setTimeout(resolve, 500));
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
