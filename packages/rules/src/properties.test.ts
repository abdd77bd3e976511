import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annualCeiling } from './annual-ceiling.ts';
import { householdQuotient } from './household.ts';
import { explainedSimulation, simulateHousehold } from './household-simulation.ts';
import { activityKinds, sectors } from './pack-schema.ts';
import { gridRate } from './rates.ts';
import { quoteStay } from './stay-quote.ts';
import { cnrs2019, inserm2021, nothingUsed, stay } from './test-fixtures.ts';

/** n / d rounded half up, for n ≥ 0 and d > 0: written here, independent of the engine's own. */
const halfUp = (n: bigint, d: bigint): bigint => (2n * n + d) / (2n * d);

const quotient = fc.integer({ min: 0, max: 1_000_000_000 });
const grids: [typeof inserm2021, string, number, number][] = [
  [inserm2021, 'standard', 1000, 6000],
  [inserm2021, 'majore', 2000, 7000],
  [inserm2021, 'promotionnel', 3500, 8500],
  [cnrs2019, 'vacances', 1300, 8000],
  [cnrs2019, 'jeunesMoins18', 2200, 8000],
];

/** The rate computed independently with BigInt from the formula's decimal text. */
function referenceRate(
  intercept: string,
  slope: string,
  per: number,
  min: number,
  max: number,
  q: number,
): number {
  const scale = 10n ** 12n;
  const toScaled = (text: string) => {
    const [whole = '0', fraction = ''] = text.split('.');
    return BigInt(whole) * scale + BigInt(fraction.padEnd(12, '0'));
  };
  // grains × 10^12 = intercept × 100 × 10^12 − slope × 10^12 × q / per
  const exact = toScaled(intercept) * 100n * BigInt(per) - toScaled(slope) * BigInt(q);
  const rounded = exact < 0n ? -1n : halfUp(exact, scale * BigInt(per));
  return Math.min(max, Math.max(min, Number(rounded)));
}

describe('properties of the rates', () => {
  it('are non-increasing in QF and stay within their clamps', () => {
    for (const [pack, grid, min, max] of grids) {
      fc.assert(
        fc.property(quotient, quotient, (a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const rateLow = gridRate(pack, grid, low);
          const rateHigh = gridRate(pack, grid, high);
          return (
            rateLow >= rateHigh && rateHigh >= min && rateLow <= max && Number.isInteger(rateLow)
          );
        }),
      );
    }
  });
  it('majoré = standard + 10 and promotionnel = standard + 25, always', () => {
    fc.assert(
      fc.property(quotient, (q) => {
        const standard = gridRate(inserm2021, 'standard', q);
        return (
          gridRate(inserm2021, 'majore', q) === standard + 1000 &&
          gridRate(inserm2021, 'promotionnel', q) === standard + 2500
        );
      }),
    );
  });
  it('equal an independent BigInt computation for every quotient (no floating-point drift)', () => {
    fc.assert(
      fc.property(quotient, (q) => {
        expect(gridRate(inserm2021, 'standard', q)).toBe(
          referenceRate('86.2555', '3.3716', 1000, 1000, 6000, q),
        );
        expect(gridRate(cnrs2019, 'vacances', q)).toBe(
          referenceRate('91.497', '0.0043254', 1, 1300, 8000, q),
        );
        expect(gridRate(cnrs2019, 'jeunesMoins18', q)).toBe(
          referenceRate('95.387', '0.0036307', 1, 2200, 8000, q),
        );
      }),
      { numRuns: 5000 },
    );
  });
});

const householdArbitrary = fc.record({
  taxIncomeEuros: fc.integer({ min: 1, max: 10_000_000 }),
  couple: fc.boolean(),
  memberDisabled: fc.boolean(),
  spouseDisabled: fc.constant(false),
  children: fc.array(
    fc.record({
      birthDate: fc.integer({ min: 1990, max: 2021 }).map((year) => `${year}-05-17`),
      sharedCustody: fc.boolean(),
      disabled: fc.boolean(),
    }),
    { maxLength: 6 },
  ),
  disabledAdultDependants: fc.integer({ min: 0, max: 2 }),
});

describe('properties of the household', () => {
  it('QF is income / parts rounded half up, exactly, from 1 € to 10 000 000 €', () => {
    fc.assert(
      fc.property(householdArbitrary, (input) => {
        const result = householdQuotient(inserm2021, input, '2021-06-01');
        const expected = Number(
          halfUp(BigInt(input.taxIncomeEuros) * 400n, BigInt(result.partsQuarters)),
        );
        return result.quotientCents === expected && result.parts >= 1.75;
      }),
    );
  });
  it('the ceiling lies between its row’s minimum and maximum and never grows with income', () => {
    fc.assert(
      fc.property(householdArbitrary, fc.integer({ min: 0, max: 100_000 }), (input, raise) => {
        const plain = {
          ...input,
          memberDisabled: false,
          children: input.children.map((c) => ({ ...c, disabled: false })),
          disabledAdultDependants: 0,
        };
        const lower = annualCeiling(
          inserm2021,
          householdQuotient(inserm2021, plain, '2021-06-01'),
        ).cents;
        const higher = annualCeiling(
          inserm2021,
          householdQuotient(
            inserm2021,
            { ...plain, taxIncomeEuros: plain.taxIncomeEuros + raise },
            '2021-06-01',
          ),
        ).cents;
        if (lower === null || higher === null) return false;
        const row = plain.couple
          ? inserm2021.annualCeiling?.couple
          : inserm2021.annualCeiling?.single;
        const bounds = row?.flatMap((b) => [b.minCents, b.maxCents]) ?? [];
        return higher <= lower && lower >= Math.min(...bounds) && lower <= Math.max(...bounds);
      }),
    );
  });
});

describe('properties of the simulation', () => {
  it('computed once with its steps, equals the one whose explanation is built when read', () => {
    fc.assert(
      fc.property(householdArbitrary, fc.constantFrom(inserm2021, cnrs2019), (input, pack) => {
        const lazy = simulateHousehold(pack, input, '2021-06-01');
        const once = explainedSimulation(pack, input, '2021-06-01');
        expect(once).toEqual(lazy);
        expect(once.explanation).toEqual(lazy.explanation);
        expect(once.explanation.length).toBeGreaterThan(3);
      }),
      { numRuns: 500, seed: 32 },
    );
  });
});

const quoteArbitrary = fc.record({
  quotientCents: fc.integer({ min: 0, max: 10_000_000 }),
  annualCeilingCents: fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: null }),
  sector: fc.constantFrom(...sectors),
  kind: fc.constantFrom('caes', 'promo', 'approved'),
  capCategory: fc.option(fc.constantFrom(...inserm2021.capCategories!.keys()), { nil: null }),
  startDay: fc.integer({ min: 1, max: 200 }),
  length: fc.integer({ min: 1, max: 40 }),
  priceCents: fc.integer({ min: 0, max: 2_000_000 }),
  transportCents: fc.integer({ min: 0, max: 50_000 }),
  youthDays: fc.integer({ min: 0, max: 60 }),
  promoDays: fc.integer({ min: 0, max: 30 }),
  vacationDays: fc.integer({ min: 0, max: 40 }),
  ceilingUsed: fc.integer({ min: 0, max: 600_000 }),
  age: fc.integer({ min: 1, max: 30 }),
});

const day = (offset: number) => new Date(Date.UTC(2021, 0, offset)).toISOString().slice(0, 10);

describe('properties of the stay quote', () => {
  it('subsidy ≤ base ≤ price, deposit = 30 % of what is left, allowances and ceiling never exceeded, no negative amount', () => {
    fc.assert(
      fc.property(quoteArbitrary, (g) => {
        const input = stay({
          quotientCents: g.quotientCents,
          annualCeilingCents: g.annualCeilingCents,
          participant: { relation: 'child', birthDate: `${2021 - g.age}-12-31`, disabled: false },
          activity: {
            sector: g.sector,
            kind: g.kind as (typeof activityKinds)[number],
            capCategory: g.capCategory,
            firstDay: day(g.startDay),
            lastDay: day(g.startDay + g.length - 1),
            priceCents: g.priceCents,
            transportCents: g.transportCents,
          },
          used: {
            ...nothingUsed,
            youthDays: g.youthDays,
            promoDays: g.promoDays,
            vacationDays: g.vacationDays,
            ceilingCents: g.ceilingUsed,
          },
        });
        const quote = quoteStay(inserm2021, input);
        const amounts = [
          quote.subsidyCents,
          quote.baseCents,
          quote.leftToPayCents,
          quote.depositCents,
          quote.totalToPayCents,
        ];
        expect(amounts.every((amount) => Number.isInteger(amount) && amount >= 0)).toBe(true);
        expect(quote.subsidyCents).toBeLessThanOrEqual(quote.baseCents);
        expect(quote.baseCents).toBeLessThanOrEqual(g.priceCents + g.transportCents);
        expect(quote.leftToPayCents).toBe(g.priceCents + g.transportCents - quote.subsidyCents);
        expect(quote.depositCents).toBe(Number(halfUp(BigInt(quote.leftToPayCents) * 30n, 100n)));
        expect(quote.usage.youthDays).toBeLessThanOrEqual(Math.max(0, 45 - g.youthDays));
        expect(quote.usage.promoDays).toBeLessThanOrEqual(Math.max(0, 21 - g.promoDays));
        expect(quote.usage.vacationDays).toBeLessThanOrEqual(Math.max(0, 30 - g.vacationDays));
        if (g.annualCeilingCents !== null)
          expect(quote.usage.ceilingCents).toBeLessThanOrEqual(
            Math.max(0, g.annualCeilingCents - g.ceilingUsed),
          );
        for (const line of quote.lines)
          expect(line.subsidyCents).toBeLessThanOrEqual(line.baseCents);
      }),
      { numRuns: 3000 },
    );
  });
});
