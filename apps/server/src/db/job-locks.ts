import type { Queryable } from './database.ts';

/**
 * The advisory lock of a deletion of what nothing uses (a job's documents or activities' photos,
 * documents' bytes no document lists). The deletion holds it exclusive in its transaction; a use
 * case that starts using such a thing holds it shared, in its own, before it reads the thing. The
 * deletion then waits for a use case under way and sees what it uses, and a use case that comes
 * while the deletion runs waits, then finds what was deleted missing: never a use of a thing a
 * deletion's statement, on a snapshot older than the use's commit, deleted unseen.
 */
export class JobLock {
  constructor(readonly name: string) {}

  /** For the deletion: to its transaction's end, alone. */
  async exclusive(tx: Queryable): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [this.name]);
  }

  /** For a use case: to its transaction's end, beside others, never while the deletion runs. */
  async shared(tx: Queryable): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock_shared(hashtext($1))', [this.name]);
  }
}
