/** How long a node trusts what it read: a change made on another node shows within this time. */
export const FRESH_MS = 30_000;

/**
 * Something a node reads from the database and keeps (the committee's identity, the packs
 * published in the studio): read again once what it holds is older than FRESH_MS — once, however
 * many requests ask meanwhile: they all wait on the same read.
 */
export class KeptRead {
  private readAt = Number.NEGATIVE_INFINITY;
  private reading: Promise<void> | null = null;

  constructor(private readonly read: () => Promise<void>) {}

  /**
   * The read under way, or one started now when what the node holds is older than FRESH_MS; null
   * when it is fresh: nothing to wait for (every request asks, issue 15 point 6).
   */
  fresh(): Promise<void> | null {
    if (this.reading) return this.reading;
    return Date.now() - this.readAt > FRESH_MS ? this.again() : null;
  }

  /**
   * Reads again, whatever the age of what the node holds: at the start, and after a change made on
   * this node. A read already under way may have missed the change, so this one starts when it
   * ends, whether it succeeded or not: the last read to start is the last to apply what it read,
   * never an older one finishing late. A failed read is tried again by the next request that asks.
   */
  again(): Promise<void> {
    const underWay = this.reading;
    const reading = (
      underWay ? underWay.catch(() => undefined).then(() => this.timedRead()) : this.timedRead()
    )
      .then((at) => {
        this.readAt = at;
      })
      .finally(() => {
        if (this.reading === reading) this.reading = null;
      });
    this.reading = reading;
    return reading;
  }

  /** The read, and when it started: what it brings is as old as that. */
  private async timedRead(): Promise<number> {
    const at = Date.now();
    await this.read();
    return at;
  }
}
