/**
 * Registration requests take turns on their session, one set of turns per node (issue 15). After
 * its selection a session's places go first come, first served under its row lock: a rush of
 * families on one popular session would otherwise each hold one of the node's database
 * connections while waiting for that lock, and every other page of the node would wait for a
 * connection. Here at most `size` requests for the same first choice are in a transaction at once
 * on a node; the others wait their turn in memory, in their order of arrival. The row lock still
 * decides who gets a place: this only keeps the queue out of the connection pool.
 *
 * Two at once: after the selection one holds the session's lock while the next reads its facts
 * and waits for it; more only wait for the lock, and wake each other (decision 0029). Requests
 * now go to the database in batches (`RequestBatches`, decisions 0034 and 0035), which keep
 * their own queue; the turns are for those sent alone after all (their batch failed).
 */
/** A session's turns on this node: the requests in a transaction, those waiting for one. */
interface Turn {
  running: number;
  readonly waiting: (() => void)[];
}

export class SessionTurns {
  readonly #turns = new Map<string, Turn>();

  /** `size`: requests on one session in a transaction at once (the pool has 10 connections). */
  constructor(private readonly size = 2) {}

  /** Runs `work` in its turn on `sessionId`. */
  async take<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
    const turn = await this.#enter(sessionId);
    try {
      return await work();
    } finally {
      this.#leave(sessionId, turn);
    }
  }

  /** Requests waiting for their turn on this node, all sessions together (for /metrics). */
  get waiting(): number {
    let count = 0;
    for (const turn of this.#turns.values()) count += turn.waiting.length;
    return count;
  }

  /** Waits for a turn on `sessionId`; the session's turns, for `#leave`. */
  async #enter(sessionId: string): Promise<Turn> {
    let turn = this.#turns.get(sessionId);
    if (!turn) {
      turn = { running: 0, waiting: [] };
      this.#turns.set(sessionId, turn);
    }
    if (turn.running < this.size) {
      turn.running += 1;
      return turn;
    }
    const { waiting } = turn;
    // The turn is handed over by `#leave`, the running count unchanged.
    await new Promise<void>((resolve) => waiting.push(resolve));
    return turn;
  }

  #leave(sessionId: string, turn: Turn): void {
    const next = turn.waiting.shift();
    if (next) next();
    else if ((turn.running -= 1) === 0) this.#turns.delete(sessionId);
  }
}
