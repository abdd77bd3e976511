import { RulesError } from './errors.ts';
import { parseDecimal, roundDiv, roundDivBig, type RoundingMode } from './money.ts';
import type { LinearFormulaData } from './pack-schema.ts';

/**
 * A clamped linear formula of the quotient, `intercept − slope × QF / per`, compiled to exact
 * integers: in grains (hundredths of a percent for a rate, cents for an amount),
 * value(q) = (a − b × q) / d for a quotient q in cents. The quotients where the formula reaches
 * its maximum and its minimum are computed once, exactly, so that the hot path only multiplies
 * small safe integers and the thresholds can be shown to staff.
 */
export interface LinearFormula {
  readonly source: LinearFormulaData;
  readonly a: number;
  readonly b: number;
  readonly d: number;
  readonly minGrains: number;
  readonly maxGrains: number;
  /** Largest quotient (cents) whose exact value is still at or above the maximum; −1 if none. */
  readonly lastQuotientAtMax: number;
  /** Smallest quotient (cents) whose exact value is at or below the minimum. */
  readonly firstQuotientAtMin: number;
}

const GRAINS_PER_UNIT = 100n;

function scaled(text: string, path: string): { value: bigint; scale: bigint } {
  const parsed = parseDecimal(text, path);
  return { value: parsed.mantissa, scale: 10n ** BigInt(parsed.scale) };
}

function gcd(x: bigint, y: bigint): bigint {
  // Stryker disable next-line EqualityOperator: negating 0n changes nothing
  let a = x < 0n ? -x : x;
  // Stryker disable next-line all: the second argument (the common denominator) is never negative
  let b = y < 0n ? -y : y;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function grains(text: string, path: string): number {
  const { value, scale } = scaled(text, path);
  const product = value * GRAINS_PER_UNIT;
  if (product % scale !== 0n) {
    throw new RulesError('invalid_pack', `${path} : au plus deux décimales`, [
      { path, message: 'au plus deux décimales' },
    ]);
  }
  return Number(product / scale);
}

export function compileLinearFormula(source: LinearFormulaData, path: string): LinearFormula {
  const intercept = scaled(source.intercept, `${path}.intercept`);
  const slope = scaled(source.slope, `${path}.slope`);
  const per = BigInt(source.per);
  // value(q) = intercept × 100 − slope × q / per  (q in cents, value in grains)
  const dBig = intercept.scale * slope.scale * per;
  let aBig = intercept.value * GRAINS_PER_UNIT * slope.scale * per;
  let bBig = slope.value * intercept.scale;
  let dReduced = dBig;
  const common = gcd(gcd(aBig, bBig), dReduced);
  aBig /= common;
  bBig /= common;
  dReduced /= common;
  const minGrains = grains(source.min, `${path}.min`);
  const maxGrains = grains(source.max, `${path}.max`);
  if (minGrains > maxGrains) {
    throw new RulesError('invalid_pack', `${path} : le minimum dépasse le maximum`, [
      { path, message: 'le minimum dépasse le maximum' },
    ]);
  }
  const minScaled = BigInt(minGrains) * dReduced;
  const maxScaled = BigInt(maxGrains) * dReduced;
  let lastQuotientAtMax: bigint;
  let firstQuotientAtMin: bigint;
  if (bBig === 0n) {
    // A flat formula: it is at its max (or min) for every quotient, or for none.
    lastQuotientAtMax = aBig >= maxScaled ? BigInt(Number.MAX_SAFE_INTEGER) : -1n;
    firstQuotientAtMin = aBig <= minScaled ? 0n : BigInt(Number.MAX_SAFE_INTEGER);
  } else {
    // Stryker disable next-line EqualityOperator: at equality the formula gives its bound at q = 0 either way
    lastQuotientAtMax = aBig < maxScaled ? -1n : roundDivBig(aBig - maxScaled, bBig, 'down');
    // Stryker disable next-line EqualityOperator,StringLiteral: at equality the formula gives its bound at q = 0 either way; any mode but 'down' and the halves rounds away from zero
    firstQuotientAtMin = aBig <= minScaled ? 0n : roundDivBig(aBig - minScaled, bBig, 'up');
  }
  // Between the two thresholds every product must stay an exact (safe) integer.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a zero slope makes the product zero anyway
  const largest = aBig + (bBig === 0n ? 0n : bBig * firstQuotientAtMin);
  // Stryker disable next-line EqualityOperator,ConditionalExpression: the bounds themselves are exact integers still
  if (largest > BigInt(Number.MAX_SAFE_INTEGER) || dReduced > 1_000_000_000_000n) {
    throw new RulesError(
      'invalid_pack',
      `${path} : coefficients trop précis pour un calcul exact`,
      [{ path, message: 'coefficients trop précis pour un calcul exact' }],
    );
  }
  return {
    source,
    a: Number(aBig),
    b: Number(bBig),
    d: Number(dReduced),
    minGrains,
    maxGrains,
    lastQuotientAtMax: Number(lastQuotientAtMax),
    firstQuotientAtMin: Number(firstQuotientAtMin),
  };
}

/**
 * The formula's value in grains for a quotient in cents, rounded to a multiple of `step` grains
 * with `mode`, then clamped.
 */
export function evaluateLinearFormula(
  formula: LinearFormula,
  quotientCents: number,
  step: number,
  mode: RoundingMode,
): number {
  // Stryker disable next-line EqualityOperator: at the threshold the rounded, clamped value is the bound too
  if (quotientCents <= formula.lastQuotientAtMax) return formula.maxGrains;
  // Stryker disable next-line EqualityOperator: at the threshold the rounded, clamped value is the bound too
  if (quotientCents >= formula.firstQuotientAtMin) return formula.minGrains;
  const rounded = roundDiv(formula.a - formula.b * quotientCents, formula.d * step, mode) * step;
  return Math.min(formula.maxGrains, Math.max(formula.minGrains, rounded));
}

/** The quotient in euros (to the cent) at which the exact formula equals `valueGrains`. */
export function quotientWhereFormulaEquals(
  formula: LinearFormula,
  valueGrains: number,
): number | null {
  if (formula.b === 0) return null;
  const numerator = BigInt(formula.a) - BigInt(valueGrains) * BigInt(formula.d);
  if (numerator < 0n) return null;
  return Number(roundDivBig(numerator, BigInt(formula.b), 'half-up'));
}
