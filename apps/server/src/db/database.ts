import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import pg from 'pg';
import { consoleLog, type NodeLog } from '../node-log.ts';
import { TIME_ZONE } from '../time-zone.ts';
import { afterCommit, PostgresTransaction, type Transaction } from './postgres-transaction.ts';
import { ReadAnswers } from './read-answers.ts';

export { lastStatement, type Transaction } from './postgres-transaction.ts';

/** What a repository needs: parameterised SQL ($1, $2…) returning rows. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

/** A connection for a library that brings its own SQL (the job queue): results as `{ rows }`. */
export interface SqlExecutor {
  /** One statement with parameters, or, without, a script of several (the last one's rows). */
  executeSql(sql: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** The same, inside one of our transactions (a job enqueued with the change it follows). */
export const executorOf = (tx: Queryable): SqlExecutor => ({
  executeSql: async (sql, values = []) => ({ rows: await tx.query(sql, values) }),
});

/** One PostgreSQL dialect, two engines: PGlite embedded by default, a PostgreSQL server by DATABASE_URL. */
export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: all of it is written, or none. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
  /** The job queue's connection: the same pool, or the same embedded database. */
  executor(): SqlExecutor;
  /** The PostgreSQL pool's connections (for the metrics); null for PGlite, which has none. */
  poolUsage(): { total: number; idle: number; waiting: number } | null;
  /** Statements sent since the start, BEGIN and COMMIT aside (the metrics; the bench's count). */
  readonly statements: number;
  /**
   * Messages sent to the database and waited for since the start (the metrics; the bench's
   * count). PostgreSQL: a BEGIN or COMMIT sent with a statement is waited for with it, alone it
   * is one more. PGlite, in this process: its statements.
   */
  readonly roundTrips: number;
  /**
   * Use cases PostgreSQL stopped since the start (the metrics), each then run again: by a
   * deadlock, which the lock order of docs/architecture.md should leave to paths outside it, by a
   * serialization failure, or by a row held that the use case would not wait for (`busy`). Never
   * any on PGlite, which runs one transaction at a time.
   */
  readonly conflicts: Readonly<Record<Conflict, number>>;
  close(): Promise<void>;
}

/** Wraps an open PGlite instance (tests load one from a migrated template). */
export const fromPglite = (db: PGlite): Database => new PgliteDatabase(db);

class PgliteDatabase implements Database {
  readonly engine = 'pglite';
  statements = 0;
  readonly conflicts = { deadlock: 0, serialization: 0, busy: 0 };
  private readonly answers = new ReadAnswers();
  constructor(private readonly db: PGlite) {}

  poolUsage(): null {
    return null;
  }

  /** The job queue's statements: never kept (the queue reads the clock), but they forget. */
  executor(): SqlExecutor {
    return {
      executeSql: (sql, values) =>
        this.answers.unkept(sql, async () =>
          values?.length
            ? await this.db.query(sql, values)
            : ((await this.db.exec(sql)).at(-1) ?? { rows: [] }),
        ),
    };
  }

  query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return this.answers.statement(sql, params, async () => {
      this.statements += 1;
      return (await this.db.query<Row>(sql, [...params])).rows;
    });
  }

  get roundTrips(): number {
    return this.statements;
  }

  /** Runs `work` in PGlite's transaction, which commits once `work` is done. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.answers.around(() =>
      this.db.transaction((tx) => {
        let committed = false;
        const query = async <Row>(sql: string, params: readonly unknown[] = []) => {
          if (committed) throw afterCommit();
          this.statements += 1;
          return (await tx.query<Row>(sql, [...params])).rows;
        };
        return work({
          query,
          commitWith: async <Row>(sql: string, params?: readonly unknown[]) => {
            const rows = await query<Row>(sql, params);
            committed = true;
            return rows;
          },
        });
      }),
    );
  }

  exec(sql: string): Promise<void> {
    return this.answers.around(async () => {
      await this.db.exec(sql);
    });
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/** The end of a rehearsal: what its work gave, carried out of the transaction it rolls back. */
class Rehearsed<T> extends Error {
  constructor(readonly result: T) {
    super('répétition annulée');
  }
}

/**
 * Runs `work` as its use case would, in one transaction, then rolls it all back: its locks, its
 * numbers and its writes undone, what it gave returned — the figures a confirmation shows are
 * those of the very change (decision 0044). `work` gets a plain `Queryable`, which cannot commit.
 */
export async function rehearse<T>(db: Database, work: (tx: Queryable) => Promise<T>): Promise<T> {
  const ended = await db
    .transaction(async (tx): Promise<never> => {
      throw new Rehearsed(await work({ query: (sql, params) => tx.query(sql, params) }));
    })
    .catch((error: unknown) => error);
  if (ended instanceof Rehearsed) return ended.result as T;
  throw ended;
}

/** How many times a use case runs before a deadlock or serialization failure is given up. */
export const TRANSACTION_ATTEMPTS = 5;

/**
 * The code an error carries: PostgreSQL's SQLSTATE (`40001`, `23505`…), or Node's for a socket
 * (`ECONNREFUSED`); '' when it has none.
 */
export const errorCode = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : '';

/**
 * Why PostgreSQL stopped a transaction that may simply be run again: a deadlock, a serialization
 * failure, or a row another transaction held where the use case chose not to wait (`NOWAIT`: it
 * holds a lock later in the lock order, and starts again to take the row in its turn).
 */
export type Conflict = 'deadlock' | 'serialization' | 'busy';

/** PostgreSQL's SQLSTATE of each. */
const CONFLICTS: ReadonlyMap<string, Conflict> = new Map([
  ['40P01', 'deadlock'],
  ['40001', 'serialization'],
  ['55P03', 'busy'],
]);

/** One of the conflicts above: the transaction may simply be run again. */
export const isRetryable = (error: unknown): boolean => CONFLICTS.has(errorCode(error));

/**
 * The database could not serve this use case: its connection ended (PostgreSQL restarted, failed
 * over, or ended an idle transaction) or could not be had in time, PostgreSQL lacked a resource
 * (too many connections, a full disk), or a statement was cancelled after running too long
 * (TIMEOUTS). Nothing of the use case was kept unless its COMMIT had been sent: the person is
 * asked to try again in a moment.
 */
export const isDatabaseUnavailable = (error: unknown): boolean => {
  const code = errorCode(error);
  return (
    code.startsWith('08') ||
    code.startsWith('53') ||
    code.startsWith('57P') ||
    code === '57014' ||
    code === '25P03' ||
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    (error instanceof Error &&
      /^Connection terminated|is not queryable$|^timeout exceeded when trying to connect/.test(
        error.message,
      ))
  );
};

/**
 * A prepared statement keeps one plan, made for any parameters (`force_generic_plan`). With
 * PostgreSQL's default (`auto`) the larger reads were planned again at every run: their custom
 * plans looked cheaper than the generic one by less than the planning they cost (issue 15).
 */
const PLAN_CACHE = '-c plan_cache_mode=force_generic_plan';

/**
 * Every connection, PGlite's too, speaks the committee's time zone whatever the server's own: a
 * time written as text (`created_at::text`, shown to the staff and the members) is Paris's, and a
 * timestamp's `::date` the committee's day (decision 0038).
 */
const COMMITTEE_TIME_ZONE = `TimeZone=${TIME_ZONE}`;

/** How many distinct statements a PostgreSQL connection keeps parsed and planned (`prepared`). */
const PREPARED_STATEMENTS = 1_000;

/**
 * A statement with parameters is sent with a name, the hash of its text: each connection parses
 * and plans it once, then only binds and runs it (issue 15: planning was much of the time of a
 * request's larger reads). Up to PREPARED_STATEMENTS texts, so that texts built at run time never
 * fill a connection's memory; beyond, and without parameters (scripts), unnamed as before.
 */
export class StatementNames {
  private readonly names = new Map<string, string>();

  of(sql: string, params: readonly unknown[]): string | undefined {
    if (params.length === 0) return undefined;
    let name = this.names.get(sql);
    if (name === undefined && this.names.size < PREPARED_STATEMENTS) {
      name = `s_${createHash('sha256').update(sql).digest('base64url').slice(0, 24)}`;
      this.names.set(sql, name);
    }
    return name;
  }

  /** The query pg sends: named when the statement is prepared. */
  config(sql: string, params: readonly unknown[]): pg.QueryConfig {
    return { text: sql, values: [...params], name: this.of(sql, params) };
  }
}

class PostgresDatabase implements Database {
  readonly engine = 'postgres';
  statements = 0;
  roundTrips = 0;
  readonly conflicts = { deadlock: 0, serialization: 0, busy: 0 };
  private readonly names = new StatementNames();
  constructor(private readonly pool: pg.Pool) {}

  executor(): SqlExecutor {
    return { executeSql: (sql, values) => this.pool.query(sql, values) };
  }

  poolUsage() {
    const { totalCount, idleCount, waitingCount } = this.pool;
    return { total: totalCount, idle: idleCount, waiting: waitingCount };
  }

  async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    this.statements += 1;
    this.roundTrips += 1;
    return (await this.pool.query(this.names.config(sql, params))).rows as Row[];
  }

  /**
   * A deadlock or serialization failure (which the lock order of docs/architecture.md keeps rare)
   * rolls the whole use case back and runs it again, a bounded number of times, after a short
   * random pause: the person never sees it.
   */
  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(work);
      } catch (error) {
        const conflict = CONFLICTS.get(errorCode(error));
        if (conflict) this.conflicts[conflict] += 1;
        if (!conflict || attempt >= TRANSACTION_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }

  private async attempt<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // PostgreSQL may end the connection while the use case holds it, between two statements (a
    // restart, a failover, TIMEOUTS.idleInTransaction): pg says so by an event which, unheard, would
    // stop the node. Heard, the use case's next statement fails, and the connection is dropped.
    const ended: { error?: Error; rollbackFailed?: true } = {};
    const onLost = (error: Error): void => {
      ended.error = error;
    };
    client.on('error', onLost);
    const tx = new PostgresTransaction(client, this.names, (statements, roundTrips) => {
      this.statements += statements;
      this.roundTrips += roundTrips;
    });
    try {
      const result = await work(tx);
      await tx.commit();
      return result;
    } catch (error) {
      await tx.rollback().catch(() => {
        ended.rollbackFailed = true;
      });
      // The connection's end, when it came first, says more than the statement it made fail.
      throw ended.error ?? error;
    } finally {
      client.off('error', onLost);
      // A connection ended, or in doubt after a failed rollback, leaves the pool.
      client.release(ended.error ?? ended.rollbackFailed);
    }
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** Dates come back as ISO strings (YYYY-MM-DD) rather than JavaScript Dates at midnight local time. */
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export interface DatabaseOptions {
  /** postgres://… ; absent: PGlite. */
  readonly url: string | null;
  /** PGlite's folder; absent: in memory. */
  readonly dataDir?: string | null;
  /** PostgreSQL schema to work in (tests isolate themselves in a schema of their own). */
  readonly schema?: string;
  /** PostgreSQL: connections of this node's pool (DATABASE_POOL_SIZE); POOL_SIZE by default. */
  readonly poolSize?: number;
  /** PostgreSQL: TIMEOUTS unless a test gives others. */
  readonly timeouts?: Partial<Timeouts>;
  /** Where a connection lost is told; the console by default. */
  readonly log?: NodeLog;
}

/** A node's PostgreSQL connections, unless DATABASE_POOL_SIZE says otherwise (docs/operations.md). */
const POOL_SIZE = 10;

/** How long, in seconds, a node's PostgreSQL connections wait for what may never come. */
interface Timeouts {
  /**
   * PostgreSQL ends a connection whose transaction waited this long for its next statement, and
   * with it the transaction and its locks: a node stopped in the middle of one (paused, its event
   * loop stuck) cannot hold a session's or a household's rows from the others. A use case waits
   * milliseconds between its statements; the selection at closing computes 100 000 requests'
   * places between two in under half a second (docs/benchmarks.md).
   */
  readonly idleInTransaction: number;
  /**
   * PostgreSQL cancels a statement that ran (or waited for a lock) this long: a query gone wrong
   * cannot hold a connection of the pool, and the rows it locked, for good. The longest of a
   * request or a job takes well under a second (docs/benchmarks.md); migrations have no limit.
   */
  readonly statement: number;
  /**
   * A use case waits this long for a connection of the pool (all busy at a rush, or PostgreSQL
   * out of reach), then the person is asked to try again: the burst of 2 000 registrations waits
   * under 6 s (docs/benchmarks.md).
   */
  readonly connection: number;
}

const TIMEOUTS: Timeouts = { idleInTransaction: 60, statement: 30, connection: 30 };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const timeouts = { ...TIMEOUTS, ...options.timeouts };
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? POOL_SIZE,
      // Connections stay open once made: a new one starts cold (its backend's caches, every
      // statement planned again), and a rush would meet that after a quiet spell.
      idleTimeoutMillis: 0,
      connectionTimeoutMillis: timeouts.connection * 1000,
      // Kept open, a connection idle all night must stay known to the firewalls and NAT on the
      // way, which forget a silent one after minutes: the first query of the morning would then
      // wait for TCP to give up (a quarter of an hour). TCP keepalive once idle for a minute.
      keepAlive: true,
      keepAliveInitialDelayMillis: 60_000,
      // A transaction's BEGIN and COMMIT go with its statements (decision 0033).
      pipeline: true,
      options: [
        PLAN_CACHE,
        `-c ${COMMITTEE_TIME_ZONE}`,
        `-c idle_in_transaction_session_timeout=${String(timeouts.idleInTransaction * 1000)}`,
        `-c statement_timeout=${String(timeouts.statement * 1000)}`,
        ...(options.schema ? [`-c search_path=${options.schema}`] : []),
      ].join(' '),
    });
    // A connection lost while in the pool (PostgreSQL restarted, a backend ended): the pool drops
    // it and opens another when needed; the node goes on.
    pool.on('error', (error) => {
      (options.log ?? consoleLog).warn(
        `Connexion à PostgreSQL perdue, rouverte au besoin : ${error.message}`,
      );
    });
    return new PostgresDatabase(pool);
  }
  if (options.dataDir && !existsSync(join(options.dataDir, 'PG_VERSION')))
    await createPgliteFolder(options.dataDir);
  const db = options.dataDir ? new PGlite(options.dataDir, PGLITE) : new PGlite(PGLITE);
  await db.waitReady;
  return new PgliteDatabase(db);
}

/**
 * PGlite's PostgreSQL with 16 MB of shared buffers rather than initdb's 128 MB: they live in its
 * WebAssembly memory, which never shrinks, and the committee's data is read through the file
 * system's cache anyway. The server's memory after start goes from about 400 to under 300 MB
 * (issue 15, point 6; docs/benchmarks.md).
 */
export const PGLITE: PGliteOptions = {
  startParams: [
    ...PGlite.defaultStartParams,
    '-c',
    'shared_buffers=16MB',
    '-c',
    COMMITTEE_TIME_ZONE,
  ],
};

/**
 * A new PGlite folder is made (initdb) by a process of its own: the memory initdb takes in
 * WebAssembly (over 400 MB) would otherwise stay with the server for its whole life.
 */
async function createPgliteFolder(dataDir: string): Promise<void> {
  const pglite = JSON.stringify(import.meta.resolve('@electric-sql/pglite'));
  await promisify(execFile)(process.execPath, [
    '--input-type=module',
    '-e',
    `import { PGlite } from ${pglite}; const db = new PGlite(process.argv[1]); await db.waitReady; await db.close();`,
    dataDir,
  ]);
}

const MIGRATIONS_DIR = new URL('../../migrations/', import.meta.url);

const migrationFiles = (): string[] =>
  readdirSync(MIGRATIONS_DIR)
    .filter((name) => name.endsWith('.sql'))
    .sort();

/** The migrations this code has that the database has not applied yet (readiness). */
export async function pendingMigrations(db: Queryable): Promise<string[]> {
  const applied = new Set(
    (await db.query<{ id: string }>('SELECT id FROM schema_migrations')).map((row) => row.id),
  );
  return migrationFiles().filter((file) => !applied.has(file));
}

/**
 * Applies the migrations not yet applied, in name order, in one transaction under an advisory
 * lock so that two app nodes starting together do not both migrate.
 */
export async function migrate(db: Database): Promise<string[]> {
  return db.transaction(async (tx) => {
    // A migration may rewrite a large table: it takes the time it needs (TIMEOUTS).
    await tx.query('SET LOCAL statement_timeout = 0');
    // Nodes starting together wait here: even the table's creation is under the lock (two
    // concurrent CREATE TABLE IF NOT EXISTS can collide on PostgreSQL's catalog).
    await tx.query('SELECT pg_advisory_xact_lock(4242)');
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done: string[] = [];
    for (const file of await pendingMigrations(tx)) {
      for (const statement of splitStatements(readFileSync(new URL(file, MIGRATIONS_DIR), 'utf8')))
        await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [file]);
      done.push(file);
    }
    return done;
  });
}

/** A migration file's statements: separated by semicolons at the end of a line. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter((statement) => statement.length > 0);
}
