import type { Queryable } from '../../db/database.ts';
import { referenceOf, type NumberedKind } from './references.ts';

export type { NumberedKind };

/**
 * SQL: takes the next number of the kind `$1` in the year `$2` (`last_number`); the counter row
 * stays locked until the transaction ends (lock order, step 5).
 */
export const NEXT_NUMBER = `INSERT INTO billing_counters (kind, year, last_number) VALUES ($1, $2, 1)
     ON CONFLICT (kind, year) DO UPDATE SET last_number = billing_counters.last_number + 1
     RETURNING last_number`;

/**
 * The next number of a kind in a year, inside the caller's transaction: the counter row stays
 * locked until it commits, and rolls back with it, so numbers have no gap and are never reused.
 */
export async function nextNumber(
  tx: Queryable,
  kind: NumberedKind,
  year: number,
): Promise<{ number: number; reference: string }> {
  const [row] = await tx.query<{ last_number: number }>(NEXT_NUMBER, [kind, year]);
  const number = row?.last_number ?? 1;
  return { number, reference: referenceOf(kind, year, number) };
}
