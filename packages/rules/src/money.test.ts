import { describe, expect, it } from 'vitest';
import { RulesError, IssueList } from './errors.ts';
import {
  checkCents,
  decimalToScaledInteger,
  eurosToCents,
  MAX_AMOUNT_CENTS,
  parseDecimal,
  parseEurosToCents,
  roundDiv,
  roundDivBig,
  type RoundingMode,
} from './money.ts';

/** Each rounding mode on the same divisions: exact, below half, half, above half. */
const TABLE: [number, number, Record<RoundingMode, number>][] = [
  [12, 4, { down: 3, up: 3, 'half-up': 3, 'half-even': 3 }],
  [13, 4, { down: 3, up: 4, 'half-up': 3, 'half-even': 3 }],
  [14, 4, { down: 3, up: 4, 'half-up': 4, 'half-even': 4 }],
  [10, 4, { down: 2, up: 3, 'half-up': 3, 'half-even': 2 }],
  [15, 4, { down: 3, up: 4, 'half-up': 4, 'half-even': 4 }],
  [11, 4, { down: 2, up: 3, 'half-up': 3, 'half-even': 3 }],
  [0, 7, { down: 0, up: 0, 'half-up': 0, 'half-even': 0 }],
];

describe('rounding one exact division (SPEC §1: half-up by default, other modes by pack)', () => {
  for (const [numerator, denominator, expected] of TABLE)
    for (const [mode, value] of Object.entries(expected))
      it(`${numerator} / ${denominator} rounded ${mode} is ${value}`, () => {
        expect(roundDiv(numerator, denominator, mode as RoundingMode)).toBe(value);
        expect(roundDivBig(BigInt(numerator), BigInt(denominator), mode as RoundingMode)).toBe(
          BigInt(value),
        );
      });

  it('half-even sends an exact half to the even neighbour, up or down', () => {
    expect(roundDiv(5, 2, 'half-even')).toBe(2);
    expect(roundDiv(7, 2, 'half-even')).toBe(4);
    expect(roundDivBig(5n, 2n, 'half-even')).toBe(2n);
    expect(roundDivBig(7n, 2n, 'half-even')).toBe(4n);
  });

  it('rounds negative BigInt fractions symmetrically, whichever side carries the sign', () => {
    expect(roundDivBig(-14n, 4n, 'half-up')).toBe(-4n);
    expect(roundDivBig(14n, -4n, 'half-up')).toBe(-4n);
    expect(roundDivBig(-14n, -4n, 'half-up')).toBe(4n);
    expect(roundDivBig(-13n, 4n, 'half-up')).toBe(-3n);
    expect(roundDivBig(-13n, 4n, 'down')).toBe(-3n);
    expect(roundDivBig(-13n, 4n, 'up')).toBe(-4n);
    expect(roundDivBig(-12n, 4n, 'up')).toBe(-3n);
    expect(roundDivBig(0n, -4n, 'up')).toBe(0n);
  });
});

describe('decimals written in packs and forms', () => {
  it('reads a point or a comma, a sign and blanks around, exactly', () => {
    expect(parseDecimal(' 86.2555 ', 'a')).toEqual({ mantissa: 862555n, scale: 4 });
    expect(parseDecimal('-3,3716', 'a')).toEqual({ mantissa: -33716n, scale: 4 });
    expect(parseDecimal('12', 'a')).toEqual({ mantissa: 12n, scale: 0 });
  });

  it('refuses what is not a decimal number, naming the field and the text', () => {
    for (const text of ['abc', '', '1.2.3', '1e3', '.5'])
      expect(() => parseDecimal(text, 'formula.a')).toThrow(RulesError);
    try {
      parseDecimal('douze', 'formula.a');
    } catch (error) {
      expect(error).toBeInstanceOf(RulesError);
      expect((error as RulesError).code).toBe('invalid_input');
      expect((error as RulesError).message).toBe(
        "formula.a : « douze » n'est pas un nombre décimal",
      );
      expect((error as RulesError).issues).toEqual([
        { path: 'formula.a', message: "« douze » n'est pas un nombre décimal" },
      ]);
    }
  });

  it('scales to whole units and refuses more decimals than the unit has', () => {
    expect(decimalToScaledInteger(parseDecimal('10.5', 'x'), 2, 'x')).toBe(1050);
    expect(decimalToScaledInteger(parseDecimal('10.50', 'x'), 2, 'x')).toBe(1050);
    expect(() => decimalToScaledInteger(parseDecimal('10.505', 'x'), 2, 'clamp.max')).toThrow(
      'clamp.max : au plus 2 décimales',
    );
    try {
      decimalToScaledInteger(parseDecimal('1.234', 'x'), 2, 'clamp.max');
    } catch (error) {
      expect((error as RulesError).code).toBe('invalid_input');
      expect((error as RulesError).issues).toEqual([
        { path: 'clamp.max', message: 'au plus 2 décimales' },
      ]);
    }
  });

  it('turns euros typed as text into cents, and euros as numbers too', () => {
    expect(parseEurosToCents('500', 'price')).toBe(50_000);
    expect(parseEurosToCents('500,5', 'price')).toBe(50_050);
    expect(parseEurosToCents('0.07', 'price')).toBe(7);
    expect(eurosToCents(12)).toBe(1_200);
  });
});

describe('amounts of money given to the engine', () => {
  const issuesOf = (value: unknown) => {
    const issues = new IssueList();
    checkCents(value, 'priceCents', issues);
    return issues.issues;
  };
  it('takes whole, non-negative cents up to 100 million euros', () => {
    expect(issuesOf(0)).toEqual([]);
    expect(issuesOf(MAX_AMOUNT_CENTS)).toEqual([]);
    expect(MAX_AMOUNT_CENTS).toBe(10_000_000_000);
  });
  it('says what is wrong with anything else', () => {
    expect(issuesOf(MAX_AMOUNT_CENTS + 1)).toEqual([
      { path: 'priceCents', message: 'montant trop élevé' },
    ]);
    expect(issuesOf(-1)).toEqual([
      { path: 'priceCents', message: 'le montant ne peut pas être négatif' },
    ]);
    for (const value of [1.5, '100', null, Number.NaN])
      expect(issuesOf(value)).toEqual([
        { path: 'priceCents', message: 'montant entier en centimes attendu' },
      ]);
  });
});
