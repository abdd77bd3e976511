// A transaction on one connection of the PostgreSQL pool, in as many round trips as its statements
// (issue 15, point 5). The pool's connections are in pg's pipeline mode: a message is sent without
// waiting for the answers to those before it. So a transaction's BEGIN is sent with its first
// statement, and its COMMIT, when the use case asks (`commitWith`), with its last: a lock that
// statement takes is held for the statement and the commit's write, never across a round trip to
// the node, whose event loop is busy under a rush (decision 0033).
import type pg from 'pg';
import type { Queryable, StatementNames } from './database.ts';

/** What the use case's work gets: its statements, and its last one that commits. */
export interface Transaction {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /**
   * Runs the transaction's last statement and commits it (PostgreSQL: sent together). Nothing
   * may be run in the transaction afterwards; if the statement fails, nothing is kept.
   */
  commitWith<Row = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<Row[]>;
}

/** What a statement sent after `commitWith` gets, on either engine: the use case's mistake. */
export const afterCommit = (): Error =>
  new Error('transaction déjà validée : aucune instruction après commitWith');

export class PostgresTransaction implements Transaction {
  #state: 'not begun' | 'open' | 'ended' = 'not begun';

  constructor(
    private readonly client: pg.PoolClient,
    private readonly names: StatementNames,
    /** Counts the statements sent (BEGIN and COMMIT aside) and the round trips waited for. */
    private readonly counted: (statements: number, roundTrips: number) => void,
  ) {}

  query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return this.#run<Row>(sql, params, false);
  }

  commitWith<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return this.#run<Row>(sql, params, true);
  }

  /** Commits what `commitWith` has not (nothing was run: nothing to commit). */
  async commit(): Promise<void> {
    if (this.#state === 'open') await this.#alone('COMMIT');
    this.#state = 'ended';
  }

  /** Rolls back a transaction begun and not ended. */
  async rollback(): Promise<void> {
    if (this.#state === 'open') await this.#alone('ROLLBACK');
    this.#state = 'ended';
  }

  async #run<Row>(sql: string, params: readonly unknown[], commit: boolean): Promise<Row[]> {
    if (this.#state === 'ended') throw afterCommit();
    const begin = this.#state === 'not begun';
    this.#state = 'open';
    this.counted(1, 1);
    // Sent one after the other without waiting; PostgreSQL runs them in that order. A failed
    // statement makes the COMMIT behind it a rollback: either way the transaction has ended.
    const began = begin ? this.client.query('BEGIN') : null;
    const statement = this.client.query(this.names.config(sql, params));
    const committed = commit ? this.client.query('COMMIT') : null;
    if (commit) this.#state = 'ended';
    // Every answer waited for, so that the connection goes back to the pool with none due.
    const failed = (await Promise.allSettled([began, statement, committed])).find(
      (answer) => answer.status === 'rejected',
    );
    if (failed) throw failed.reason;
    return (await statement).rows as Row[];
  }

  async #alone(command: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    this.counted(0, 1);
    await this.client.query(command);
  }
}

/**
 * The transaction's last statement as a `Queryable`, for code that writes through one: the one
 * statement it sends is committed with it. Nothing may follow it in the transaction.
 */
export const lastStatement = (tx: Transaction): Queryable => ({
  query: (sql, params) => tx.commitWith(sql, params),
});
