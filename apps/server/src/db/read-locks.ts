/**
 * How a read of requests locks its rows: not at all, by waiting for each in turn, or without
 * waiting (`NOWAIT`: a row another transaction holds stops the use case with a `busy` conflict,
 * run again by `Database.transaction`). A use case that holds a lock later in the lock order
 * (docs/architecture.md) reads again what joined meanwhile this way, never by waiting.
 */
export type ReadLock = 'none' | 'wait' | 'nowait';

/** The clause each adds to a read whose requests are `r`. */
export const LOCKING: Readonly<Record<ReadLock, string>> = {
  none: '',
  wait: ' FOR UPDATE OF r',
  nowait: ' FOR UPDATE OF r NOWAIT',
};
