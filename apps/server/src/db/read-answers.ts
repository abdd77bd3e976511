/**
 * The answers of read statements, kept by the embedded database until the next write (issue 15,
 * point 6). PGlite is one process with one connection, and every statement of the app goes
 * through one object: the answer of a read that depends only on the rows it reads stays true
 * until a statement that may write runs. So any such statement, any transaction and any script
 * forgets every kept answer, before it runs and once it is done; a read that was under way
 * meanwhile is not kept. A logged-in page then costs PGlite nothing while nothing changes.
 *
 * Not on PostgreSQL, where other nodes write too.
 */

/** How many answers are kept at most (the oldest read is forgotten first). */
const KEPT_ANSWERS = 1_000;
/** Answers longer than this are lists for the staff, read rarely and large: not kept. */
const KEPT_ROWS = 200;

const READ = /^\s*(SELECT|WITH)\b/i;
/** Words of a statement that may write or take a lock (`pg_…`: advisory locks, catalog). */
const WRITES =
  /\b(insert|update|delete|merge|truncate|nextval|setval|lock|pg_\w+|for\s+(no\s+key\s+)?update|for\s+(key\s+)?share)\b/i;
/** Words of a read whose answer may change with no write: the clock, chance, the session. */
const CHANGING =
  /\b(now|current_\w+|localtime|localtimestamp|clock_timestamp|statement_timestamp|transaction_timestamp|timeofday|age|today|tomorrow|yesterday|random|gen_random_uuid|session_user|txid_\w+)\b/i;

/** Whether a statement only reads (a read never makes another answer wrong). */
export const onlyReads = (sql: string): boolean => READ.test(sql) && !WRITES.test(sql);

type Plain = string | number | boolean | null | undefined;
const plain = (value: unknown): value is Plain =>
  value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value);

/** Where a read's answer is kept; none when the answer may change with no write. */
export function answerKey(sql: string, params: readonly unknown[]): string | undefined {
  if (!onlyReads(sql) || CHANGING.test(sql)) return undefined;
  const keyable = params.every(
    (param) => plain(param) || (Array.isArray(param) && param.every(plain)),
  );
  return keyable ? `${sql}\u0000${JSON.stringify(params)}` : undefined;
}

/** Documents' bytes and long lists are not kept: memory for little gain. */
const worthKeeping = (rows: readonly unknown[]): boolean =>
  rows.length <= KEPT_ROWS &&
  rows.every(
    (row) =>
      typeof row !== 'object' ||
      row === null ||
      Object.values(row).every((value) => !(value instanceof Uint8Array)),
  );

export class ReadAnswers {
  private version = 0;
  private readonly kept = new Map<string, readonly unknown[]>();

  /** Runs a statement, or gives its kept answer: a copy, that the caller may change. */
  async statement<Row>(
    sql: string,
    params: readonly unknown[],
    run: () => Promise<Row[]>,
  ): Promise<Row[]> {
    const key = answerKey(sql, params);
    if (key === undefined) return this.unkept(sql, run);
    const kept = this.kept.get(key);
    if (kept) {
      // The most recently read last: the first in the map is the one to forget.
      this.kept.delete(key);
      this.kept.set(key, kept);
      return structuredClone(kept) as Row[];
    }
    const version = this.version;
    const rows = await run();
    if (version === this.version && worthKeeping(rows)) {
      if (this.kept.size >= KEPT_ANSWERS) this.kept.delete(this.kept.keys().next().value ?? '');
      this.kept.set(key, structuredClone(rows));
    }
    return rows;
  }

  /** Runs a statement whose answer is not kept; one that may write makes every answer forgotten. */
  unkept<T>(sql: string, run: () => Promise<T>): Promise<T> {
    return onlyReads(sql) ? run() : this.around(run);
  }

  /** Runs what may write (a transaction, a script, a write): every answer is forgotten. */
  async around<T>(work: () => Promise<T>): Promise<T> {
    this.forget();
    try {
      return await work();
    } finally {
      this.forget();
    }
  }

  private forget(): void {
    this.version += 1;
    this.kept.clear();
  }
}
