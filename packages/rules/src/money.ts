import { RulesError, type IssueList } from './errors.ts';

declare const centsBrand: unique symbol;
declare const rateBrand: unique symbol;

/** An amount of money in integer euro cents. */
export type Cents = number & { readonly [centsBrand]: true };
/** A rate in hundredths of a percent: 27.81 % is 2781. */
export type RateBp = number & { readonly [rateBrand]: true };

export const cents = (value: number): Cents => value as Cents;
export const rateBp = (value: number): RateBp => value as RateBp;
export const eurosToCents = (euros: number): Cents => (euros * 100) as Cents;

export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up';

/**
 * numerator / denominator rounded to an integer, exactly, for a non-negative numerator and a
 * positive denominator (both safe integers).
 */
export function roundDiv(numerator: number, denominator: number, mode: RoundingMode): number {
  const quotient = Math.floor(numerator / denominator);
  const remainder = numerator - quotient * denominator;
  if (remainder === 0) return quotient;
  switch (mode) {
    case 'down':
      return quotient;
    case 'up':
      return quotient + 1;
    case 'half-up':
      return 2 * remainder >= denominator ? quotient + 1 : quotient;
    case 'half-even': {
      const twice = 2 * remainder;
      if (twice > denominator) return quotient + 1;
      if (twice < denominator) return quotient;
      return quotient % 2 === 0 ? quotient : quotient + 1;
    }
  }
}

/** The same for BigInt, used when a pack is loaded (never on the hot path). */
export function roundDivBig(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  // Stryker disable next-line EqualityOperator: a zero numerator or denominator gives 0 either way (-0n is 0n)
  const negative = numerator < 0n !== denominator < 0n;
  // Stryker disable next-line EqualityOperator: negating 0n changes nothing
  const n = numerator < 0n ? -numerator : numerator;
  // Stryker disable next-line EqualityOperator: negating 0n changes nothing
  const d = denominator < 0n ? -denominator : denominator;
  let quotient = n / d;
  const remainder = n % d;
  if (remainder !== 0n) {
    const towardsZero =
      mode === 'down' ||
      (mode === 'half-up' && 2n * remainder < d) ||
      (mode === 'half-even' &&
        (2n * remainder < d || (2n * remainder === d && quotient % 2n === 0n)));
    if (!towardsZero) quotient += 1n;
  }
  return negative ? -quotient : quotient;
}

/** A decimal written as text ("86.2555"), held exactly as mantissa × 10^-scale. */
export interface Decimal {
  readonly mantissa: bigint;
  readonly scale: number;
}

const DECIMAL = /^(-?)(\d+)(?:[.,](\d+))?$/;

export function parseDecimal(text: string, path: string): Decimal {
  const match = DECIMAL.exec(text.trim());
  if (!match) {
    throw new RulesError('invalid_input', `${path} : « ${text} » n'est pas un nombre décimal`, [
      { path, message: `« ${text} » n'est pas un nombre décimal` },
    ]);
  }
  // Stryker disable next-line StringLiteral: the sign and whole groups always match, so only `fraction` may use its default
  const [, sign = '', whole = '0', fraction = ''] = match;
  const mantissa = BigInt(`${sign}${whole}${fraction}`);
  return { mantissa, scale: fraction.length };
}

/** The decimal × 10^digits as an exact integer; throws if it has more digits than that. */
export function decimalToScaledInteger(value: Decimal, digits: number, path: string): number {
  if (value.scale > digits) {
    throw new RulesError('invalid_input', `${path} : au plus ${digits} décimales`, [
      { path, message: `au plus ${digits} décimales` },
    ]);
  }
  return Number(value.mantissa * 10n ** BigInt(digits - value.scale));
}

/** "500", "500.5", "500,50" → cents, exactly; used at the edges (command line, forms). */
export function parseEurosToCents(text: string, path: string): Cents {
  return cents(decimalToScaledInteger(parseDecimal(text, path), 2, path));
}

/** The largest amount the engine takes (100 million euros): every product with a rate stays exact. */
export const MAX_AMOUNT_CENTS = 100_000_000_00;

/** Records an issue unless `value` is a whole, non-negative amount of cents within the bound. */
export function checkCents(value: unknown, path: string, issues: IssueList): void {
  // Stryker disable next-line ConditionalExpression: Number.isInteger is false for anything but a number already
  if (typeof value !== 'number' || !Number.isInteger(value))
    issues.add(path, 'montant entier en centimes attendu');
  else if (value < 0) issues.add(path, 'le montant ne peut pas être négatif');
  else if (value > MAX_AMOUNT_CENTS) issues.add(path, 'montant trop élevé');
}
