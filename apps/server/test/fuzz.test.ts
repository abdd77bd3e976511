// Every operation of the OpenAPI document, called with generated bodies, path parameters (the
// demo data's ids as often as not, or ids of nothing) and query strings — wrong types, missing
// fields, huge strings, NUL bytes, invalid Unicode, extreme numbers and dates — as a member, as
// one sector's staff, as the admin and anonymously: no answer may be a 5xx, and no refusal may
// speak as a validator (« expected number, received null »).
// `npm test` runs a fixed seed and a small budget; `npm run fuzz` runs many more cases.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/openapi.ts';
import { DEMO_PASSWORD, loadDemoData } from '../src/demo/demo-data.ts';
import type { Database } from '../src/db/database.ts';
import { calendar } from '../src/modules/accounts/context.ts';
import { DatabaseDocumentStore } from '../src/modules/household/documents.ts';
import { createMailer } from '../src/modules/notifications/mailer.ts';
import { organizationOf } from '../src/modules/organization/organization.ts';
import { ownPacks, testApp, type Client, type TestApp } from './harness.ts';
import { jsonText, pathValue, queryString, valueFor } from './fuzz-inputs.ts';

/** Cases per operation: a fixed budget in `npm test`, a larger one in `npm run fuzz`. */
const RUNS = Number(
  process.env.FUZZ_RUNS ?? (process.env.npm_lifecycle_event === 'fuzz' ? 1_000 : 40),
);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);
/** A case takes a few milliseconds: a long run is given 50 ms each, and a minute more. */
const TIMEOUT = 60_000 + RUNS * 50;

interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body: Parameters<typeof valueFor>[0] | undefined;
}

const operations: Operation[] = Object.entries(
  (openApiDocument() as { paths: Record<string, Record<string, unknown>> }).paths,
).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({
    method: method.toUpperCase() as Operation['method'],
    path,
    body: (
      op as {
        requestBody?: { content: { 'application/json': { schema: Operation['body'] } } };
      }
    ).requestBody?.content['application/json'].schema,
  })),
);

let t: TestApp;
const callers: Record<'anonymous' | 'member' | 'sectorStaff' | 'admin', Client> = {} as never;
/** What the path parameters may name: see `existingValues`. */
let existing: string[] = [];

/** The demo's member (a Fiche, documents, requests, claims), one sector's staff, the admin. */
async function logIn(): Promise<void> {
  await t.db.query('DELETE FROM attempts');
  await callers.member.login('IN-000001', DEMO_PASSWORD);
  await callers.sectorStaff.login('GEST-JEUNESSE', DEMO_PASSWORD);
  await callers.admin.login('ADMIN', DEMO_PASSWORD);
}

/** Every row's id of every table (up to 20 a table), the packs' ids and the records' years. */
async function existingValues(db: Database): Promise<string[]> {
  const tables = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.columns
     WHERE table_schema = current_schema() AND column_name = 'id' AND data_type IN ('uuid', 'bigint')`,
  );
  const ids = await Promise.all(
    tables.map(({ name }) => db.query<{ id: string }>(`SELECT id::text FROM ${name} LIMIT 20`)),
  );
  const years = await db.query<{ year: string }>('SELECT DISTINCT year::text FROM agent_records');
  return [
    ...ids.flat().map(({ id }) => id),
    ...ownPacks()
      .all()
      .map((pack) => pack.id),
    ...years.map(({ year }) => year),
  ];
}

beforeAll(async () => {
  t = await testApp();
  await loadDemoData(t.db, organizationOf('inserm'), {
    packs: ownPacks(),
    store: new DatabaseDocumentStore(t.db),
    mailer: createMailer(null),
    publicUrl: t.config.publicUrl,
    today: calendar(t.config.today),
  });
  existing = await existingValues(t.db);
  for (const caller of ['anonymous', 'member', 'sectorStaff', 'admin'] as const)
    callers[caller] = t.client();
  await logIn();
});
afterAll(() => t.close());

/**
 * Whether a refusal speaks as a validator or a framework rather than to a person (« expected
 * number, received null », « Bad Request », a number's internal bound), or says nothing.
 */
const VALIDATOR_WORDING =
  /\b(expected|received|invalid input|required|must be|Bad Request|Unsupported|not a valid|Client Error|Service Unavailable)\b|9\s007\s199\s254\s740\s991/i;
function validatorWording(body: unknown): boolean {
  const { message, issues } = (body ?? {}) as { message?: string; issues?: { message: string }[] };
  const messages = [message, ...(issues ?? []).map((issue) => issue.message)];
  return messages.every((m) => !m) || messages.some((m) => m && VALIDATOR_WORDING.test(m));
}

/** The request of one case: the path's parameters filled in, a query string, a JSON body. */
const requestCase = (op: Operation) =>
  fc.record({
    caller: fc.constantFrom<keyof typeof callers>('anonymous', 'member', 'sectorStaff', 'admin'),
    params: fc.array(pathValue(existing), { minLength: 4, maxLength: 4 }),
    query: queryString,
    body: valueFor(op.body),
  });

describe('fuzz: no input gives a 5xx, nor a validator’s wording', () => {
  it('covers every operation of the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(80);
    expect(existing).toEqual(
      expect.arrayContaining(['inserm-2021', '2021', expect.stringMatching(/^[0-9a-f-]{36}$/)]),
    );
  });

  for (const [index, op] of operations.entries())
    it(
      `${op.method} ${op.path}`,
      async () => {
        await fc.assert(
          fc.asyncProperty(requestCase(op), async ({ caller, params, query, body }) => {
            let i = 0;
            const path = op.path.replace(/\{[^}]+\}/g, () => params[i++ % params.length] ?? '');
            const url = query ? `${path}?${query}` : path;
            const answer = await callers[caller].request(
              op.method,
              url,
              op.method === 'GET' ? undefined : Buffer.from(jsonText(body)),
              op.method === 'GET' ? {} : { 'content-type': 'application/json' },
            );
            const said = `${op.method} ${url} as ${caller} → ${answer.status} ${JSON.stringify(answer.body)}`;
            if (answer.status >= 500) throw new Error(said);
            if (answer.status >= 400 && validatorWording(answer.body)) throw new Error(said);
          }),
          { numRuns: RUNS, seed: SEED + index, endOnFailure: true },
        );
        // A case may have logged a caller out (or changed a password): start the next one fresh.
        if (op.path === '/api/session' || op.path.includes('password')) await logIn();
      },
      TIMEOUT,
    );
});
