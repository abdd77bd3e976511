import { describe, expect, it } from 'vitest';
import { annualCeiling } from './annual-ceiling.ts';
import { householdQuotient, type HouseholdInput } from './household.ts';
import { skiAid } from './ski-aid.ts';
import { child, household, inserm2021, inserm2023 } from './test-fixtures.ts';

const ceilingOf = (input: Partial<HouseholdInput>) =>
  annualCeiling(inserm2021, householdQuotient(inserm2021, household(input), '2021-06-01'));
const kids = (count: number) => Array.from({ length: count }, (_, i) => child(`201${i}-01-01`));

describe('annual ceiling (Inserm 2021 table)', () => {
  it('is the maximum at QF ≤ 7 787 € and the minimum at QF ≥ 22 617 €', () => {
    // single: 1,75 parts; 7 787 € × 1,75 = 13 627,25 €
    expect(ceilingOf({ taxIncomeEuros: 13_627 }).cents).toBe(105_000);
    expect(ceilingOf({ taxIncomeEuros: 100_000 }).cents).toBe(35_000);
  });
  it('follows each row of the table', () => {
    const rows: [boolean, number, number, number][] = [
      [false, 1, 65_000, 195_000],
      [false, 2, 95_000, 285_000],
      [false, 3, 125_000, 375_000],
      [false, 5, 155_000, 465_000],
      [true, 0, 50_000, 150_000],
      [true, 1, 70_000, 210_000],
      [true, 2, 100_000, 300_000],
      [true, 3, 130_000, 390_000],
      [true, 4, 160_000, 480_000],
    ];
    for (const [couple, count, min, max] of rows) {
      expect(ceilingOf({ couple, children: kids(count), taxIncomeEuros: 0 }).cents).toBe(max);
      expect(ceilingOf({ couple, children: kids(count), taxIncomeEuros: 1_000_000 }).cents).toBe(
        min,
      );
    }
  });
  it('is linear in between, rounded half up to the cent', () => {
    // couple + 1: 2 100 − 1 400 × (17 333,33 − 7 787) / 14 830 = 1 198,80 €
    expect(
      ceilingOf({ couple: true, children: [child('2012-03-04')], taxIncomeEuros: 52_000 }).cents,
    ).toBe(119_880);
    // couple without child at QF 15 202 € (38 005 € / 2,5, the midpoint): 1 500 − 1 000 / 2 = 1 000 €
    expect(ceilingOf({ couple: true, taxIncomeEuros: 38_005 }).cents).toBe(100_000);
    // 38 006 € / 2,5 = 15 202,40 €: 1 500 − 1 000 × 7 415,40 / 14 830 = 999,973… → 999,97 €
    expect(ceilingOf({ couple: true, taxIncomeEuros: 38_006 }).cents).toBe(99_997);
  });
  it('counts a shared-custody child as one child', () => {
    expect(
      ceilingOf({
        couple: true,
        children: [child('2012-01-01', { sharedCustody: true })],
        taxIncomeEuros: 0,
      }).cents,
    ).toBe(210_000);
  });
  it('does not apply to a household with a disabled person', () => {
    const result = ceilingOf({ children: [child('2012-01-01', { disabled: true })] });
    expect(result.cents).toBeNull();
    expect(result.reason).toContain('handicap');
  });
});

describe('ski aid', () => {
  const euros = (value: number) => Math.round(value * 100);
  it('2021: 154,7530 − 7,76734 × QF / 1000 between 42 € and 95 €, up to QF 14 694 € included', () => {
    expect(skiAid(inserm2021, 0).cents).toBe(9500);
    expect(skiAid(inserm2021, euros(10_000)).cents).toBe(7708); // 154,7530 − 77,6734 = 77,0796
    expect(skiAid(inserm2021, euros(14_694)).cents).toBe(4200); // 40,62… → 42 €
    expect(skiAid(inserm2021, euros(14_694.01)).cents).toBeNull();
  });
  it('2023: QF strictly under 15 778 €; the unpublished formula is a named missing parameter', () => {
    expect(skiAid(inserm2023, euros(15_778)).cents).toBeNull();
    expect(() => skiAid(inserm2023, euros(15_777.99))).toThrow(
      expect.objectContaining({
        code: 'missing_parameter',
        issues: [expect.objectContaining({ path: 'skiAid.formula' })],
      }) as Error,
    );
  });
});
