import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { referenceOf, referenceSql, type NumberedKind } from './references.ts';

describe('references of numbered pieces', () => {
  it('carry the kind’s prefix, the year and six digits', () => {
    expect(referenceOf('invoice', 2021, 1)).toBe('F-2021-000001');
    expect(referenceOf('credit_note', 2021, 42)).toBe('AV-2021-000042');
    expect(referenceOf('deposit_slip', 2022, 999_999)).toBe('RC-2022-999999');
    expect(referenceOf('payout', 2023, 1_234_567)).toBe('VIR-2023-1234567');
  });

  it('are written the same by SQL, for a piece numbered in the statement that writes it', async () => {
    const db = new PGlite();
    const cases: [NumberedKind, number, number][] = [
      ['invoice', 2021, 1],
      ['credit_note', 2021, 42],
      ['deposit_slip', 2022, 999_999],
      ['payout', 2023, 1_234_567],
    ];
    for (const [kind, year, number] of cases) {
      const { rows } = await db.query<{ reference: string }>(
        `SELECT ${referenceSql(kind, '$1::int', '$2::int')} AS reference`,
        [year, number],
      );
      expect(rows[0]?.reference).toBe(referenceOf(kind, year, number));
    }
    await db.close();
  });
});
