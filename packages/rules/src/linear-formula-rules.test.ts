// Clamped linear formulas (the rates' and the ski aid's), checked against an independent exact
// re-computation written for this test, and the guards a pack's figures must pass (issue 12).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RulesError } from './errors.ts';
import {
  compileLinearFormula,
  evaluateLinearFormula,
  quotientWhereFormulaEquals,
} from './linear-formula.ts';
import type { RoundingMode } from './money.ts';

/** A decimal string as an exact fraction. */
const fraction = (text: string): [bigint, bigint] => {
  const [whole = '0', decimals = ''] = text.split('.');
  return [BigInt(`${whole}${decimals}`), 10n ** BigInt(decimals.length)];
};

/** n / d (d > 0) rounded to an integer, written plainly for this test. */
function rounded(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const floor = n >= 0n ? n / d : -((-n + d - 1n) / d);
  const rest = n - floor * d; // 0 ≤ rest < d
  if (rest === 0n || mode === 'down') return floor;
  if (mode === 'up') return floor + 1n;
  if (2n * rest > d) return floor + 1n;
  if (2n * rest < d) return floor;
  return mode === 'half-up' || floor % 2n !== 0n ? floor + 1n : floor;
}

/**
 * The formula's value in grains (hundredths of a unit) for a quotient in cents:
 * max when the exact value is at or above the maximum, min at or below the minimum, otherwise the
 * exact value rounded to a multiple of `step` and kept within the bounds.
 */
function reference(
  f: { intercept: string; slope: string; per: number; min: string; max: string },
  q: number,
  step: number,
  mode: RoundingMode,
): number {
  const [i, id] = fraction(f.intercept);
  const [s, sd] = fraction(f.slope);
  const per = BigInt(f.per);
  const num = i * 100n * sd * per - s * BigInt(q) * id;
  const den = id * sd * per;
  const [mn, mnd] = fraction(f.min);
  const [mx, mxd] = fraction(f.max);
  const minG = (mn * 100n) / mnd;
  const maxG = (mx * 100n) / mxd;
  if (num >= maxG * den) return Number(maxG);
  if (num <= minG * den) return Number(minG);
  const value = rounded(num, den * BigInt(step), mode) * BigInt(step);
  return Number(value < minG ? minG : value > maxG ? maxG : value);
}

const decimal = (maxWhole: number, decimals: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: maxWhole }), fc.integer({ min: 0, max: 10 ** decimals - 1 }))
    .map(([w, d]) => (decimals === 0 ? String(w) : `${w}.${String(d).padStart(decimals, '0')}`));

describe('a clamped linear formula', () => {
  it('equals the exact re-computation for any coefficients, quotient, rounding step and mode', () => {
    fc.assert(
      fc.property(
        decimal(120, 4),
        decimal(10, 5),
        fc.constantFrom(1, 10, 1000),
        decimal(40, 2),
        decimal(60, 2),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom(1, 5, 100),
        fc.constantFrom<RoundingMode>('half-up', 'half-even', 'down', 'up'),
        (intercept, slope, per, low, high, q, step, mode) => {
          const [min, max] = Number(low) <= Number(high) ? [low, high] : [high, low];
          const source = { intercept, slope, per, min, max };
          const formula = compileLinearFormula(source, 'f');
          expect(evaluateLinearFormula(formula, q, step, mode)).toBe(
            reference(source, q, step, mode),
          );
        },
      ),
      { numRuns: 3_000, seed: 12 },
    );
  });

  it('knows the last quotient at its maximum and the first at its minimum, exactly', () => {
    const source = { intercept: '86.2555', slope: '3.3716', per: 1000, min: '10', max: '60' };
    const f = compileLinearFormula(source, 'standard');
    for (const [q, expected] of [
      [f.lastQuotientAtMax, 6000],
      [f.lastQuotientAtMax + 1, reference(source, f.lastQuotientAtMax + 1, 1, 'half-up')],
      [f.firstQuotientAtMin, 1000],
      [f.firstQuotientAtMin - 1, reference(source, f.firstQuotientAtMin - 1, 1, 'half-up')],
    ] as const)
      expect(evaluateLinearFormula(f, q, 1, 'half-up')).toBe(expected);
    expect(reference(source, f.lastQuotientAtMax + 1, 1, 'half-up')).toBeLessThanOrEqual(6000);
    expect(reference(source, f.firstQuotientAtMin - 1, 1, 'up')).toBeGreaterThan(1000);
    // SPEC §8: QF 17 333,33 € → 27,81 %.
    expect(evaluateLinearFormula(f, 1_733_333, 1, 'half-up')).toBe(2781);
    expect(quotientWhereFormulaEquals(f, 6000)).toBe(f.lastQuotientAtMax);
    expect(quotientWhereFormulaEquals(f, 1000)).toBe(f.firstQuotientAtMin);
  });

  it('a flat formula is at its maximum, its minimum or in between for every quotient', () => {
    const flat = (intercept: string) =>
      compileLinearFormula({ intercept, slope: '0', per: 1, min: '10', max: '60' }, 'flat');
    expect(evaluateLinearFormula(flat('70'), 9_999_999, 1, 'half-up')).toBe(6000);
    expect(evaluateLinearFormula(flat('5'), 0, 1, 'half-up')).toBe(1000);
    expect(evaluateLinearFormula(flat('25.5'), 123_456, 1, 'half-up')).toBe(2550);
    expect(flat('60').lastQuotientAtMax).toBe(Number.MAX_SAFE_INTEGER);
    expect(flat('59.99').lastQuotientAtMax).toBe(-1);
    expect(flat('10').firstQuotientAtMin).toBe(0);
    expect(flat('10.01').firstQuotientAtMin).toBe(Number.MAX_SAFE_INTEGER);
    expect(quotientWhereFormulaEquals(flat('25'), 2500)).toBeNull();
  });

  it('a formula below its minimum from the start, or above its maximum, has no crossing', () => {
    const low = compileLinearFormula(
      { intercept: '-5', slope: '1.5', per: 1000, min: '0', max: '60' },
      'low',
    );
    expect(low.firstQuotientAtMin).toBe(0);
    expect(low.lastQuotientAtMax).toBe(-1);
    expect(evaluateLinearFormula(low, 0, 1, 'half-up')).toBe(0);
    expect(quotientWhereFormulaEquals(low, 6000)).toBeNull();
    expect(quotientWhereFormulaEquals(low, -500)).toBe(0);
  });
});

describe('the figures a pack may give a formula', () => {
  const faultOf = (source: Partial<Parameters<typeof compileLinearFormula>[0]>) => {
    try {
      compileLinearFormula(
        { intercept: '86.2555', slope: '3.3716', per: 1000, min: '10', max: '60', ...source },
        'grids.standard.formula',
      );
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(RulesError);
      const { code, message, issues } = error as RulesError;
      return { code, message, issues };
    }
  };
  it('bounds with two decimals at most', () => {
    expect(faultOf({ min: '10.5', max: '60.25' })).toBeNull();
    expect(faultOf({ min: '10.505' })).toEqual({
      code: 'invalid_pack',
      message: 'grids.standard.formula.min : au plus deux décimales',
      issues: [{ path: 'grids.standard.formula.min', message: 'au plus deux décimales' }],
    });
    expect(faultOf({ max: '60.001' })?.issues[0]?.path).toBe('grids.standard.formula.max');
  });
  it('a minimum above the maximum', () => {
    expect(faultOf({ min: '60', max: '60' })).toBeNull();
    expect(faultOf({ min: '60.01', max: '60' })).toEqual({
      code: 'invalid_pack',
      message: 'grids.standard.formula : le minimum dépasse le maximum',
      issues: [{ path: 'grids.standard.formula', message: 'le minimum dépasse le maximum' }],
    });
  });
  it('coefficients too precise for exact integers are refused rather than rounded', () => {
    expect(faultOf({ intercept: '86.25551234567', slope: '3.37161234567' })).toEqual({
      code: 'invalid_pack',
      message: 'grids.standard.formula : coefficients trop précis pour un calcul exact',
      issues: [
        {
          path: 'grids.standard.formula',
          message: 'coefficients trop précis pour un calcul exact',
        },
      ],
    });
    expect(
      faultOf({
        intercept: '90071992547409.93',
        slope: '0.01',
        min: '0',
        max: '90071992547409.93',
      }),
    ).toMatchObject({ code: 'invalid_pack' });
    expect(faultOf({ intercept: 'quatre', slope: '1' })?.issues[0]?.path).toBe(
      'grids.standard.formula.intercept',
    );
    expect(faultOf({ slope: '1,2,3' })?.issues[0]?.path).toBe('grids.standard.formula.slope');
  });
});
