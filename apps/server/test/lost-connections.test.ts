// PostgreSQL ending a node's connections — a restart, a failover, a backend ended by an
// administrator, a transaction left waiting — never stops the node (issue 15): the pool opens
// others, a use case caught in the middle fails with its own error, and the person is asked to
// try again rather than shown an internal error.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import Fastify from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorCode,
  isDatabaseUnavailable,
  migrate,
  openDatabase,
  type Database,
} from '../src/db/database.ts';
import { registerErrorHandler } from '../src/http.ts';

const url = process.env.DATABASE_URL;
let admin: pg.Client | null = null;
beforeAll(async () => {
  if (!url) return;
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
});
afterAll(async () => {
  await admin?.end();
});

/** The administrator's connection (PostgreSQL only). */
const asAdmin = (): pg.Client => {
  if (!admin) throw new Error('PostgreSQL seulement');
  return admin;
};

/** Ends the backends of `pids`, as PostgreSQL does when it restarts. */
async function endBackends(pids: readonly number[]): Promise<void> {
  await asAdmin().query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pids]);
}

/** Waits until `done` holds, checking every 20 ms, at most 10 s. */
async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited += 20) {
    if (waited > 10_000) throw new Error('toujours pas');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Holds `count` connections of the pool at once; the backend of each. */
async function backendsOf(db: Database, count: number): Promise<number[]> {
  let holding = 0;
  return Promise.all(
    Array.from({ length: count }, () =>
      db.transaction(async (tx) => {
        const [row] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        holding += 1;
        await until(() => holding === count);
        return row?.pid ?? 0;
      }),
    ),
  );
}

describe.skipIf(!url)('connections PostgreSQL ends', () => {
  it('goes on when every idle connection of the pool is ended, and opens new ones', async () => {
    const db = await openDatabase({ url: url ?? null, poolSize: 3 });
    try {
      const pids = await backendsOf(db, 3);
      expect(new Set(pids).size).toBe(3);
      expect(db.poolUsage()).toMatchObject({ total: 3, idle: 3 });
      await endBackends(pids);
      await until(() => db.poolUsage()?.total === 0);
      const [row] = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      expect(pids).not.toContain(row?.pid);
      expect(db.poolUsage()?.total).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('fails a transaction whose connection ends between two statements with that error, and drops the connection', async () => {
    const db = await openDatabase({ url: url ?? null, poolSize: 2 });
    try {
      let ended = false;
      const caught = await db
        .transaction(async (tx) => {
          const [row] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
          await endBackends([row?.pid ?? 0]);
          // The node's event loop goes on meanwhile: pg hears of the end before the next statement.
          await new Promise((resolve) => setTimeout(resolve, 200));
          ended = true;
          await tx.query('SELECT 1');
        })
        .catch((error: unknown) => error);
      expect(ended).toBe(true);
      expect(isDatabaseUnavailable(caught)).toBe(true);
      expect(db.poolUsage()?.total).toBe(0);
      expect(await db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });

  it('ends a transaction left waiting for its next statement, and frees its rows for the others', async () => {
    const schema = `lost_${String(Date.now())}`;
    await asAdmin().query(
      `CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.held (id int PRIMARY KEY)`,
    );
    await asAdmin().query(`INSERT INTO ${schema}.held VALUES (1)`);
    const stuck = await openDatabase({
      url: url ?? null,
      schema,
      timeouts: { idleInTransaction: 1 },
    });
    const other = await openDatabase({ url: url ?? null, schema });
    try {
      const events: string[] = [];
      let locked = false;
      const stalled = stuck
        .transaction(async (tx) => {
          await tx.query('SELECT id FROM held WHERE id = $1 FOR UPDATE', [1]);
          locked = true;
          // A node stopped in the middle of a use case: nothing sent for 3 s.
          await new Promise((resolve) => setTimeout(resolve, 3_000));
          events.push('stalled node resumes');
          await tx.query('UPDATE held SET id = 2 WHERE id = $1', [1]);
        })
        .catch((error: unknown) => error);
      await until(() => locked);
      await other.transaction(async (tx) => {
        await tx.query('SELECT id FROM held WHERE id = $1 FOR UPDATE', [1]);
      });
      events.push('other node has the row');
      expect(isDatabaseUnavailable(await stalled)).toBe(true);
      expect(events).toEqual(['other node has the row', 'stalled node resumes']);
      expect(await other.query('SELECT id FROM held')).toEqual([{ id: 1 }]);
    } finally {
      await stuck.close();
      await other.close();
      await asAdmin().query(`DROP SCHEMA ${schema} CASCADE`);
    }
  });
});

describe.skipIf(!url)('what never comes', () => {
  it('cancels a statement that runs past its limit, and the node goes on', async () => {
    const db = await openDatabase({ url: url ?? null, poolSize: 2, timeouts: { statement: 1 } });
    try {
      const started = Date.now();
      const caught = await db.query('SELECT pg_sleep(10)').catch((error: unknown) => error);
      expect(errorCode(caught)).toBe('57014');
      expect(isDatabaseUnavailable(caught)).toBe(true);
      expect(Date.now() - started).toBeLessThan(9_000);
      expect(await db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });

  it('lets migrations take the time they need, whatever the limit of a statement', async () => {
    const schema = `migrations_${String(Date.now())}`;
    await asAdmin().query(`CREATE SCHEMA ${schema}`);
    // 1 ms: creating the tables and their indexes takes longer.
    const db = await openDatabase({ url: url ?? null, schema, timeouts: { statement: 0.001 } });
    try {
      const files = readdirSync(new URL('../migrations/', import.meta.url)).filter((name) =>
        name.endsWith('.sql'),
      );
      expect(await migrate(db)).toEqual(files.sort());
    } finally {
      await db.close();
      await asAdmin().query(`DROP SCHEMA ${schema} CASCADE`);
    }
  });

  it('gives up waiting for a connection of the pool after its limit', async () => {
    const db = await openDatabase({ url: url ?? null, poolSize: 1, timeouts: { connection: 0.5 } });
    try {
      let release = (): void => undefined;
      let holding = false;
      const held = db.transaction(async (tx) => {
        await tx.query('SELECT 1');
        holding = true;
        await new Promise<void>((resolve) => (release = resolve));
      });
      await until(() => holding);
      const caught = await db.query('SELECT 1').catch((error: unknown) => error);
      expect(isDatabaseUnavailable(caught)).toBe(true);
      release();
      await held;
      expect(await db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });
});

/** Linux's `ss`, which shows a socket's timers; absent elsewhere. */
const ss = spawnSync('ss', ['-V']).status === 0;

describe.skipIf(!url || !ss)('connections kept open all night', () => {
  it('are kept alive by TCP once idle for a minute, for the firewalls on the way', async () => {
    const db = await openDatabase({ url: url ?? null, poolSize: 2 });
    try {
      const [row] = await db.query<{ port: number | null }>('SELECT inet_client_port() AS port');
      const port = row?.port;
      if (!port) throw new Error('DATABASE_URL sans TCP (socket Unix) : rien à vérifier');
      const socket = execFileSync(
        'ss',
        ['-tnoH', 'state', 'established', 'sport', '=', `:${String(port)}`],
        {
          encoding: 'utf8',
        },
      );
      expect(socket).toMatch(/timer:\(keepalive,(\d+)sec/);
      expect(Number(/keepalive,(\d+)sec/.exec(socket)?.[1])).toBeGreaterThan(50);
    } finally {
      await db.close();
    }
  });
});

describe('an answer when the database is out of reach', () => {
  it('asks the person to try again in a moment, in French, with a 503', async () => {
    const app = Fastify();
    registerErrorHandler(app);
    app.get('/restarted', () => {
      throw Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01',
      });
    });
    app.get('/closed', () => {
      throw new Error('Connection terminated unexpectedly');
    });
    app.get('/too-many', () => {
      throw Object.assign(new Error('sorry, too many clients already'), { code: '53300' });
    });
    app.get('/refused', () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
        code: 'ECONNREFUSED',
      });
    });
    app.get('/cancelled', () => {
      throw Object.assign(new Error('canceling statement due to statement timeout'), {
        code: '57014',
      });
    });
    app.get('/pool-busy', () => {
      throw new Error('timeout exceeded when trying to connect');
    });
    for (const path of [
      '/restarted',
      '/closed',
      '/too-many',
      '/refused',
      '/cancelled',
      '/pool-busy',
    ]) {
      const answer = await app.inject({ method: 'GET', url: path });
      expect(answer.statusCode).toBe(503);
      expect(answer.headers['retry-after']).toBe('5');
      expect(answer.json()).toEqual({
        error: 'unavailable',
        message: 'Le service est momentanément indisponible : réessayez dans quelques secondes.',
      });
    }
    expect(isDatabaseUnavailable(Object.assign(new Error('deadlock'), { code: '40P01' }))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(new Error('Une erreur'))).toBe(false);
    await app.close();
  });
});
