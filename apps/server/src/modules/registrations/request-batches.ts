/**
 * Registration requests go to the database in batches, one batch per node at a time or two
 * (issue 15, point 5; before closing and after it, decisions 0034 and 0035). At the opening of
 * registrations thousands of families send at once; each request alone is three statements and
 * a commit, and on a small machine the database spends more on starting statements and
 * committing than on the rows. Requests that arrive while a batch is in the database wait for
 * the next one, which takes them all (up to `size`): one transaction and one commit for the whole
 * batch. A request alone is a batch of one, sent at once.
 */
export class RequestBatches<Item, Outcome> {
  readonly #waiting: { item: Item; done: (outcome: Outcome | null) => void }[] = [];
  #running = 0;

  /**
   * `store`: stores a batch, an outcome per item in order, null for an item to send alone (should
   * it throw, every item of the batch is sent alone); `alone`: whether an item is sent alone
   * rather than in a batch, asked as it comes and again as its batch leaves; `size`: items a
   * batch at most; `concurrent`: batches in the database at once.
   */
  constructor(
    private readonly store: (batch: readonly Item[]) => Promise<(Outcome | null)[]>,
    private readonly alone: (item: Item) => boolean,
    private readonly size = 64,
    private readonly concurrent = 2,
  ) {}

  /** The outcome of `item`, stored in the next batch; null: to be sent alone. */
  send(item: Item): Promise<Outcome | null> {
    if (this.alone(item)) return Promise.resolve(null);
    return new Promise((done) => {
      this.#waiting.push({ item, done });
      this.#next();
    });
  }

  /** Requests waiting for a batch (for /metrics). */
  get waiting(): number {
    return this.#waiting.length;
  }

  #next(): void {
    while (this.#running < this.concurrent && this.#waiting.length > 0) {
      const batch = this.#waiting.splice(0, this.size).filter((b) => {
        const alone = this.alone(b.item);
        if (alone) b.done(null);
        return !alone;
      });
      if (batch.length === 0) continue;
      this.#running += 1;
      const ended = (outcomes: readonly (Outcome | null)[]): void => {
        batch.forEach((b, i) => b.done(outcomes[i] ?? null));
        this.#running -= 1;
        this.#next();
      };
      // A batch that fails in a way its store did not foresee neither stops the node nor holds
      // the batches after it: its items go alone, each answered by its own failure.
      this.store(batch.map((b) => b.item)).then(ended, () => ended([]));
    }
  }
}
