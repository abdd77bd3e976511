// Test harness: a fresh, migrated database per test file and an HTTP client that behaves like the web app.
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import type { StaffSector } from '@entraide/contract';
import { compilePack, PackRegistry } from '@entraide/rules';
import { BUILT_IN_PACKS_DIR, loadPackDirectory } from '@entraide/rules/node';
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import { appContext, buildApp } from '../src/app.ts';
import { answerProblem, documentedAnswer } from '../src/openapi.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { fromPglite, migrate, openDatabase, PGLITE, type Database } from '../src/db/database.ts';
import { demoPdf } from '../src/demo/demo-pdf.ts';
import { hashPassword, tokenHash } from '../src/modules/accounts/secrets.ts';
import { validateRecord } from '../src/modules/household/agent-records.ts';
import { JobQueue, QUEUES } from '../src/jobs/job-queue.ts';
import { createMailer, mailDelivery } from '../src/modules/notifications/mailer.ts';
import type { WarmUp } from '../src/warm-up.ts';

export const packs = loadPackDirectory();

/**
 * A registry of its own for an app, as each node has: the studio adds what it publishes to its
 * node's registry, which must reach neither the other nodes (they read it from the database) nor
 * the next test file's apps (one process runs every file).
 */
export const ownPacks = (): PackRegistry => new PackRegistry(packs.all());

/** The built-in packs and the committee's own 2022 one, the 2021 one renewed (2022 asks for the RFR of 2020). */
export const withInserm2022 = (): PackRegistry => {
  const pack2021 = JSON.parse(
    readFileSync(join(BUILT_IN_PACKS_DIR, 'inserm-2021.json'), 'utf8'),
  ) as { validity: object };
  return new PackRegistry([
    ...packs.all(),
    compilePack({
      ...pack2021,
      id: 'inserm-2022',
      validity: { ...pack2021.validity, from: '2022-01-01', to: '2022-12-31' },
    }),
  ]);
};

const POSTGRES_URL = process.env.DATABASE_URL ?? null;

let template: Promise<Blob> | null = null;

/**
 * PGlite: one migrated instance, dumped once and loaded by every test file (much faster than
 * migrating each time). The dump is kept on disk too, named by what it is made from (the
 * migrations, the code that applies them, the installed packages' versions), so that the next
 * runs — a file run alone while working on it — skip the 5 s of migrating as well.
 */
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const file = pgliteTemplateFile();
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const source = new PGlite();
    await source.waitReady;
    await migrate(fromPglite(source));
    const dump = await source.dumpDataDir('none');
    await source.close();
    // Written whole then renamed, so that a reader never sees half of it; the dumps of earlier
    // migrations (42 MB each) are removed.
    const cache = dirname(file);
    const partial = `${file}.${process.pid}`;
    mkdirSync(cache, { recursive: true });
    writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
    renameSync(partial, file);
    for (const old of readdirSync(cache))
      if (/^pglite-template-\w+\.tar$/.test(old) && join(cache, old) !== file)
        rmSync(join(cache, old), { force: true });
    return dump;
  })();
  return template;
}

function pgliteTemplateFile(): string {
  const hash = createHash('sha256');
  const migrations = new URL('../migrations/', import.meta.url);
  for (const name of readdirSync(migrations).sort())
    hash.update(name).update(readFileSync(new URL(name, migrations)));
  hash.update(readFileSync(new URL('../src/db/database.ts', import.meta.url)));
  hash.update(readFileSync(new URL('../../../package-lock.json', import.meta.url)));
  const cache = fileURLToPath(new URL('../../../node_modules/.cache/entraide/', import.meta.url));
  return join(cache, `pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
}

/** A migrated database of its own: a PGlite copy, or a fresh schema of the PostgreSQL at DATABASE_URL. */
export async function testDatabase(): Promise<Database> {
  if (!POSTGRES_URL) {
    const raw = new PGlite({ ...PGLITE, loadDataDir: await pgliteTemplate() });
    await raw.waitReady;
    return fromPglite(raw);
  }
  const url = POSTGRES_URL;
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ url });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  await admin.close();
  const db = await openDatabase({ url, schema });
  await migrate(db);
  return {
    engine: db.engine,
    query: (sql, params) => db.query(sql, params),
    transaction: (work) => db.transaction(work),
    exec: (sql) => db.exec(sql),
    poolUsage: () => db.poolUsage(),
    executor: () => db.executor(),
    get statements() {
      return db.statements;
    },
    get roundTrips() {
      return db.roundTrips;
    },
    get conflicts() {
      return db.conflicts;
    },
    close: async () => {
      await db.close();
      const cleanup = await openDatabase({ url });
      await cleanup.exec(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.close();
    },
  };
}

/**
 * A started job queue on the test's database, in a schema of its own on PostgreSQL (dropped by
 * `close`), polling often so that tests wait little.
 */
export async function testJobs(
  db: Database,
  schema = POSTGRES_URL ? `jobs_${randomBytes(6).toString('hex')}` : 'pgboss',
): Promise<{ queue: JobQueue; close: () => Promise<void> }> {
  const queue = new JobQueue(db, { schema, pollingSeconds: 0.5, cronSeconds: 1 });
  await queue.start();
  return {
    queue,
    close: async () => {
      await queue.stop();
      if (POSTGRES_URL) await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    },
  };
}

/**
 * Several app nodes on one database: PostgreSQL only (PGlite is one process's). The first node
 * is a TestApp for the fixtures; each has its own connection pool, as separate processes would.
 */
export async function testNodes(count: number): Promise<{
  first: TestApp;
  nodes: FastifyInstance[];
  databases: Database[];
  close: () => Promise<void>;
}> {
  if (!POSTGRES_URL) throw new Error('Several nodes need PostgreSQL (DATABASE_URL).');
  const url = POSTGRES_URL;
  const schema = `nodes_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ url });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const databases = await Promise.all(
    Array.from({ length: count }, () => openDatabase({ url, schema })),
  );
  const [first] = databases as [Database];
  await migrate(first);
  const config = testConfig();
  const nodes = await Promise.all(
    databases.map((db) => buildApp({ config, db, packs: ownPacks() })),
  );
  const close = async () => {
    await Promise.all(nodes.map((node) => node.close()));
    await Promise.all(databases.map((db) => db.close()));
    await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
  };
  const app = nodes[0] as FastifyInstance;
  return {
    first: {
      config,
      app,
      db: first,
      client: () => new Client(app, first),
      serve: async () => {
        const address = await app.listen({ host: '127.0.0.1', port: 0 });
        return () => new Client(address, first);
      },
      close,
    },
    nodes,
    databases,
    close,
  };
}

/**
 * A production configuration for tests: every required variable (the app under test still uses
 * the test's own database; SMTP on a closed port).
 */
export const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://entraide@db.example.org/entraide',
  SMTP_URL: 'smtp://127.0.0.1:9',
  PUBLIC_URL: 'https://caes.example.org',
  TRUST_PROXY: '1',
  COMMITTEE_IBAN: 'FR7630006000011234567890189',
  COMMITTEE_BIC: 'AGRIFRPP882',
} as const;

export function testConfig(overrides: Record<string, string> = {}): Config {
  const dataDir = mkdtempSync(join(tmpdir(), 'entraide-test-'));
  return loadConfig({
    NODE_ENV: 'test',
    PUBLIC_URL: 'http://localhost:3000',
    DATA_DIR: dataDir,
    ...overrides,
  });
}

export interface Answer {
  readonly status: number;
  readonly body: unknown;
  /** The JSON answer, typed by the test that reads it. */
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- a typed view of an untyped body
  readonly json: <T = Record<string, unknown>>() => T;
  readonly headers: Record<string, unknown>;
}

interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, unknown>;
  readonly setCookies: readonly { name: string; value: string; maxAge?: number | undefined }[];
  readonly text: string;
  readonly bytes: Buffer;
}

/** A request through Fastify's inject (in process). */
async function injected(
  app: FastifyInstance,
  method: string,
  url: string,
  payload: Buffer | Record<string, unknown> | undefined,
  headers: Record<string, string>,
): Promise<RawAnswer> {
  const response = await app.inject({
    method: method as 'GET',
    url,
    ...(payload === undefined ? {} : { payload }),
    headers,
  });
  return {
    status: response.statusCode,
    headers: response.headers,
    setCookies: response.cookies.map((c) => ({ name: c.name, value: c.value, maxAge: c.maxAge })),
    text: response.body,
    bytes: response.rawPayload,
  };
}

/** A real HTTP request over the loopback to a listening server (the race tests). */
async function overHttp(
  base: string,
  method: string,
  url: string,
  payload: Buffer | Record<string, unknown> | undefined,
  headers: Record<string, string>,
): Promise<RawAnswer> {
  const body =
    payload === undefined
      ? undefined
      : Buffer.isBuffer(payload)
        ? payload
        : JSON.stringify(payload);
  const response = await fetch(`${base}${url}`, {
    method,
    headers: {
      ...(body !== undefined && !Buffer.isBuffer(payload)
        ? { 'content-type': 'application/json' }
        : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body }),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    setCookies: response.headers.getSetCookie().map((line) => {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', ...value] = pair.split('=');
      const maxAge = attributes.find((a) => /^\s*max-age=/i.test(a));
      return {
        name: name.trim(),
        value: decodeURIComponent(value.join('=')),
        maxAge: maxAge ? Number(maxAge.split('=')[1]) : undefined,
      };
    }),
    text: bytes.toString('utf8'),
    bytes,
  };
}

/** Fails a test whose success is not what /api/docs says its route sends (decision 0053). */
function expectDocumented(
  method: string,
  url: string,
  status: number,
  type: string,
  body: unknown,
): void {
  const success = status >= 200 && status < 300 ? documentedAnswer(method, url) : null;
  const problem = success && answerProblem(`${method} ${url}`, success, status, type, body);
  if (problem) throw new Error(problem);
}

/**
 * A browser-like client: keeps cookies and sends the CSRF token header on every change; through
 * inject by default, or over real HTTP when given the address of a listening server.
 */
export class Client {
  /** `db`: the fixtures' way past a staff member's second factor (see `login`). */
  constructor(
    private readonly target: FastifyInstance | string,
    private readonly db?: Database,
    private readonly cookies = new Map<string, string>(),
  ) {}

  /** The same browser (its cookies) whose requests a load balancer sends to another node. */
  through(node: FastifyInstance): Client {
    return new Client(node, this.db, this.cookies);
  }

  async upload(
    url: string,
    bytes: Buffer,
    contentType = 'application/pdf',
    method: 'POST' | 'PUT' = 'POST',
  ): Promise<Answer> {
    return this.request(method, url, bytes, { 'content-type': contentType });
  }

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    if (method !== 'GET' && !this.cookies.has('entraide_csrf'))
      await this.request('GET', '/api/session');
    const allHeaders = {
      cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      ...(method === 'GET' ? {} : { 'x-csrf-token': this.cookies.get('entraide_csrf') ?? '' }),
      ...headers,
    };
    const body = payload as Buffer | Record<string, unknown> | undefined;
    const response =
      typeof this.target === 'string'
        ? await overHttp(this.target, method, url, body, allHeaders)
        : await injected(this.target, method, url, body, allHeaders);
    for (const cookie of response.setCookies) {
      if (cookie.value === '' || (cookie.maxAge !== undefined && cookie.maxAge <= 0))
        this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const type = (response.headers['content-type'] as string | undefined) ?? '';
    const parsed: unknown =
      response.text === ''
        ? null
        : type.includes('json')
          ? JSON.parse(response.text)
          : type.includes('pdf') || type.includes('zip') || type.startsWith('image/')
            ? response.bytes
            : response.text;
    expectDocumented(method, url, response.status, type, parsed);
    return {
      status: response.status,
      body: parsed,
      json: () => parsed as never,
      headers: response.headers,
    };
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, payload?: unknown) => this.request('POST', url, payload ?? {});
  put = (url: string, payload?: unknown) => this.request('PUT', url, payload ?? {});
  delete = (url: string) => this.request('DELETE', url);

  /**
   * Logs in with the password. A staff fixture's second factor is then marked passed in the
   * database, the way fixtures create users directly: the real TOTP and passkey steps have their
   * own tests (second-factor.test.ts, accounts.e2e).
   */
  async login(identifier: string, password: string): Promise<Answer> {
    const answer = await this.post('/api/session', { identifier, password });
    const session = this.cookies.get('entraide_session');
    if (
      this.db &&
      session &&
      answer.status === 200 &&
      answer.json<{ secondFactor: string }>().secondFactor === 'verify'
    )
      await this.db.query('UPDATE sessions SET second_factor_at = now() WHERE token_hash = $1', [
        tokenHash(session),
      ]);
    return answer;
  }
}

export interface TestApp {
  readonly config: Config;
  readonly app: FastifyInstance;
  readonly db: Database;
  readonly client: () => Client;
  /** Listens on the loopback; its clients send real HTTP requests, in parallel when asked. */
  readonly serve: () => Promise<() => Client>;
  readonly close: () => Promise<void>;
}

/**
 * An app on a fresh database; `registry` stands for a PACKS_DIR of the committee's own packs;
 * `logs` receives its JSON request logs; `warmUp`, the node's warm-up, is left to the test to run.
 */
export async function testApp(
  configOverrides: Record<string, string> = {},
  registry: PackRegistry = ownPacks(),
  { logs, warmUp }: { logs?: Writable; warmUp?: WarmUp } = {},
): Promise<TestApp> {
  const db = await testDatabase();
  const config = testConfig(configOverrides);
  // With SMTP, mail leaves through the job queue, delivered by this node's worker.
  const jobs = config.smtpUrl ? await testJobs(db) : null;
  if (jobs && config.smtpUrl)
    await jobs.queue.work(QUEUES.mail.name, mailDelivery(db, config.smtpUrl, config.mailFrom));
  const app = await buildApp({
    config,
    db,
    packs: registry,
    ...(jobs ? { jobs: jobs.queue } : {}),
    logger: logs ?? process.env.TEST_LOG === '1',
    ...(warmUp ? { warmUp } : {}),
  });
  return {
    config,
    app,
    db,
    client: () => new Client(app, db),
    serve: async () => {
      const address = await app.listen({ host: '127.0.0.1', port: 0 });
      return () => new Client(address, db);
    },
    close: async () => {
      await app.close();
      await jobs?.close();
      await db.close();
    },
  };
}

/** An app listening on the loopback, and a staff member of `sectors` logged in over HTTP. */
export async function servedWithStaff(
  identifier: string,
  sectors: StaffSector[],
): Promise<{ t: TestApp; http: () => Client; staff: Client }> {
  const t = await testApp();
  const http = await t.serve();
  await createUser(t.db, { identifier, role: 'staff', sectors });
  const staff = http();
  await staff.login(identifier, PASSWORD);
  return { t, http, staff };
}

/** A stream for an app's JSON request logs, and the lines written to it so far. */
export function logLines(): { readonly stream: Writable; readonly lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines };
}

export const PASSWORD = 'un mot de passe 2026';
/** The authenticator app of every staff fixture (staff must have a second factor). */
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/**
 * A code of the account's authenticator app that the server has not seen yet: the current
 * window's, or the next one's (accepted, one window either side), or — after two logins in the
 * same 30 seconds — the code of the window after, once it is near.
 */
export async function freshTotpCode(db: Database, identifier: string): Promise<string> {
  const [row] = await db.query<{ secret: string; last_step: string | null }>(
    'SELECT totp_secret AS secret, totp_last_step::text AS last_step FROM users WHERE identifier = $1',
    [identifier],
  );
  if (!row?.secret) throw new Error(`${identifier} has no authenticator app`);
  const now = Math.floor(Date.now() / 30_000);
  const step = Math.max(now, Number(row.last_step ?? 0) + 1);
  const wait = (step - 1) * 30_000 - Date.now() + 1_000;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return generate({ secret: row.secret, epoch: step * 30 });
}

/** A user created directly in the database (fixtures set data up through code, not clicks). */
export async function createUser(
  db: Database,
  options: {
    identifier: string;
    role?: 'member' | 'staff' | 'admin';
    sectors?: StaffSector[];
    email?: string;
    lastName?: string;
    firstName?: string;
    birthDate?: string;
    matricule?: string;
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO users (identifier, email, last_name, first_name, birth_date, matricule, role, sectors, password_hash, totp_secret)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      options.identifier,
      options.email ?? `${options.identifier.toLowerCase()}@example.org`,
      options.lastName ?? 'Martin',
      options.firstName ?? 'Claire',
      options.birthDate ?? '1980-04-12',
      options.matricule ?? null,
      options.role ?? 'member',
      options.sectors ?? [],
      await hashPassword(PASSWORD),
      (options.role ?? 'member') === 'member' ? null : TEST_TOTP_SECRET,
    ],
  );
  if (!row) throw new Error('no user');
  return row.id;
}

export async function mailsTo(
  db: Database,
  address: string,
): Promise<{ subject: string; text: string; html: string }[]> {
  return db.query(
    'SELECT subject, text_body AS text, html_body AS html FROM mail_outbox WHERE to_address = $1 ORDER BY id',
    [address],
  );
}

/**
 * Backends of the test's database waiting for a lock, now (PostgreSQL); `about`: only those whose
 * statement names it (a table, say).
 */
export async function lockWaits(db: Database, about = ''): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock' AND strpos(query, $1) > 0`,
    [about],
  );
  return row?.n ?? 0;
}

/**
 * Holds a row (`lock`, a `SELECT … FOR UPDATE`) in a transaction of the test's own, starts `work`,
 * waits until two of its transactions wait for a lock, then lets go: on PostgreSQL, requests sent
 * at once all read before any of them writes. On PGlite (one connection) `work` simply runs.
 */
export async function whileRowHeld<T>(
  db: Database,
  lock: string,
  params: readonly unknown[],
  work: () => Promise<T>,
): Promise<T> {
  if (db.engine !== 'postgres') return work();
  const { running } = await db.transaction(async (tx) => {
    await tx.query(lock, params);
    const started = work();
    await poll(
      () => lockWaits(db),
      (n) => n >= 2,
      200,
    );
    // Wrapped, so that the transaction commits (lets go) without waiting for the work.
    return { running: started };
  });
  return running;
}

/**
 * Reads `read()` every 10 ms until `done` holds of what it read, `tries` times at most; the last
 * value read (the test then checks it).
 */
export async function poll<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  tries = 500,
): Promise<T> {
  let value = await read();
  for (let i = 1; i < tries && !done(value); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    value = await read();
  }
  return value;
}

/** A real PDF for tests (the same maker as the demo documents). */
export const samplePdf = (text = 'Avis d’imposition 2020 — revenus 2019'): Promise<Buffer> =>
  demoPdf(text);

/** A dependant as a Fiche Agent lists it (fixtures give only what matters). */
export interface FixtureDependant {
  relation: 'spouse' | 'child' | 'disabledAdult' | 'directRelative';
  firstName: string;
  birthDate: string;
  disabled?: boolean;
  /** false: a child on the other parent's tax notice. */
  fiscallyDependent?: boolean;
}

/** Who a fixture household is: the member and the Fiche Agent staff will validate. */
export interface HouseholdOptions {
  identifier: string;
  taxIncomeEuros: number;
  dependants: FixtureDependant[];
  /** CNRS: the spouse's own income. */
  spouseTaxIncomeEuros?: number;
  year?: number;
  /** A Fiche changed during the year: the day its family situation changed. */
  situationChangedOn?: string;
  email?: string;
  lastName?: string;
  firstName?: string;
}

/**
 * A Fiche Agent sent to staff, not yet decided: the next version of the member's year (staff
 * validate it with `validateRecord` or through the API). Its id.
 */
export async function submittedRecord(
  db: Database,
  memberId: string,
  options: Omit<HouseholdOptions, 'identifier'>,
): Promise<string> {
  const dependants = options.dependants.map((d) => ({
    relation: d.relation,
    lastName: options.lastName ?? 'Martin',
    firstName: d.firstName,
    birthDate: d.birthDate,
    sharedCustody: false,
    disabled: d.disabled ?? false,
    fiscallyDependent: d.fiscallyDependent ?? true,
    disabilityProofId: null,
  }));
  const year = options.year ?? 2021;
  const [record] = await db.query<{ id: string }>(
    `INSERT INTO agent_records (member_id, year, version, status, couple, tax_income_euros, spouse_tax_income_euros, dependants, situation_changed_on, submitted_at)
     VALUES ($1, $2, (SELECT count(*) + 1 FROM agent_records WHERE member_id = $1 AND year = $2), 'submitted', $3, $4, $5, $6, $7, now())
     RETURNING id`,
    [
      memberId,
      year,
      dependants.some((d) => d.relation === 'spouse'),
      options.taxIncomeEuros,
      options.spouseTaxIncomeEuros ?? null,
      JSON.stringify(dependants),
      options.situationChangedOn ?? null,
    ],
  );
  if (!record) throw new Error('no record written');
  return record.id;
}

/**
 * The next version of a member's Fiche, validated by the real use case (the figures come from the
 * rules engine); its id.
 */
export async function validatedRecord(
  db: Database,
  config: Config,
  memberId: string,
  options: Omit<HouseholdOptions, 'identifier'>,
  registry: PackRegistry = packs,
): Promise<string> {
  const ctx = appContext(config, db, createMailer(null), registry);
  const staff = {
    id: memberId,
    identifier: 'FIXTURE',
    firstName: 'Fixture',
    lastName: 'Fixture',
    email: 'fixture@example.org',
    role: 'admin' as const,
    sectors: [],
  };
  return (await validateRecord(ctx, staff, await submittedRecord(db, memberId, options))).id;
}

/**
 * A member whose Fiche Agent of the year is validated by the real use case; the documents are not
 * part of this fixture.
 */
export async function householdWithRecord(
  db: Database,
  config: Config,
  options: HouseholdOptions,
): Promise<string> {
  const id = await createUser(db, {
    identifier: options.identifier,
    lastName: options.lastName ?? 'Martin',
    ...(options.firstName ? { firstName: options.firstName } : {}),
    ...(options.email ? { email: options.email } : {}),
  });
  await validatedRecord(db, config, id, options);
  return id;
}

/** The same household, logged in. */
export async function familyWithRecord(
  t: TestApp,
  options: HouseholdOptions,
  client: Client = t.client(),
): Promise<{ id: string; client: Client }> {
  const id = await householdWithRecord(t.db, t.config, options);
  await client.login(options.identifier, PASSWORD);
  return { id, client };
}

/** Claims' fixtures: a PDF receipt among the member's documents, and a default RIB to be paid on. */
export async function uploadReceipt(client: Client, text = 'Billet de festival'): Promise<string> {
  const receipt = await client.upload(
    '/api/me/documents?kind=receipt&name=justificatif.pdf',
    await samplePdf(text),
  );
  return receipt.json<{ id: string }>().id;
}

/** A 50 € festival ticket of the member's, with its receipts: the simplest claim. */
export const festivalClaim = (documentIds: string[]) => ({
  type: 'festival',
  dependantIndex: null,
  organism: 'Festival',
  firstDay: '2021-03-10',
  lastDay: '2021-03-10',
  paidCents: 5_000,
  documentIds,
});

export async function addDefaultRib(client: Client): Promise<void> {
  await client.post('/api/me/bank-accounts', {
    holder: 'Claire Martin',
    iban: 'FR76 3000 6000 0112 3456 7890 189',
    bic: 'AGRIFRPP882',
  });
}

/**
 * Staff add a session. A new session closes today or later; one whose registrations are already
 * closed (`closesOn` in the past) is created open and its closing then moved back, as staff do
 * when they close registrations early.
 */
export async function addSession(
  db: Database,
  staff: Client,
  activityId: string,
  body: Record<string, unknown> & { firstDay: string; closesOn?: string },
): Promise<Answer> {
  const url = `/api/staff/activities/${activityId}/sessions`;
  const created = await staff.post(url, body);
  const closed = created
    .json<{ issues?: { message: string }[] }>()
    .issues?.some((i) => i.message.startsWith('cette date de clôture est déjà passée'));
  if (!closed) return created;
  const dayBefore = new Date(Date.parse(`${body.firstDay}T00:00:00Z`) - 86_400_000)
    .toISOString()
    .slice(0, 10);
  const opened = await staff.post(url, { ...body, closesOn: dayBefore });
  await db.query('UPDATE activity_sessions SET closes_on = $2 WHERE id = $1', [
    opened.json<{ id: string }>().id,
    body.closesOn,
  ]);
  return opened;
}
