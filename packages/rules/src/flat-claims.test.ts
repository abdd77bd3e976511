import { describe, expect, it } from 'vitest';
import { flatClaim, type FlatClaimInput } from './flat-claims.ts';
import { compilePack } from './pack.ts';
import { inserm2021 } from './test-fixtures.ts';

const claim = (input: Partial<FlatClaimInput> & Pick<FlatClaimInput, 'kind'>): FlatClaimInput => ({
  paidCents: 10_000,
  km: 0,
  roundTrips: 0,
  quotientCents: 1_000_000,
  annualCeilingCents: null,
  usedCeilingCents: 0,
  ...input,
});

describe('flat claims', () => {
  it('pays a sport event registration 50 % of at most 200 €, whatever the quotient', () => {
    const result = flatClaim(
      inserm2021,
      claim({ kind: 'sportEvent', paidCents: 30_000, quotientCents: 3_000_000 }),
    );
    expect(result).toMatchObject({
      sector: 'sports',
      baseCents: 20_000,
      rateBp: 5_000,
      subsidyCents: 10_000,
    });
    expect(result.reasons[0]?.code).toBe('base_cap');
    expect(result.explanation.map((s) => s.step)).toEqual(['base', 'rate', 'subsidy']);
  });

  it('pays ANCV coupons at the standard rate on at most 150 €, and the ceiling limits it', () => {
    // QF 10 000 €: standard rate 86.2555 − 3.3716 × 10 = 52.54 %.
    const result = flatClaim(
      inserm2021,
      claim({
        kind: 'ancvCoupons',
        paidCents: 20_000,
        annualCeilingCents: 100_000,
        usedCeilingCents: 95_000,
      }),
    );
    expect(result.baseCents).toBe(15_000);
    expect(result.rateBp).toBe(5_254);
    expect(result.subsidyCents).toBe(5_000);
    expect(result.reasons.map((r) => r.code)).toEqual(['base_cap', 'annual_ceiling']);
  });

  it('pays a child’s train ticket back in full; the car needs a pack with a rate per km', () => {
    expect(
      flatClaim(inserm2021, claim({ kind: 'trainTicket', paidCents: 8_350 })).subsidyCents,
    ).toBe(8_350);
    expect(() => flatClaim(inserm2021, claim({ kind: 'carKm', km: 300 }))).toThrow(/ownTransport/);
    const withCar = compilePack({
      ...inserm2021.data,
      id: 'inserm-2021-car',
      ownTransport: { carPerKmEuros: '0.10', carGrid: 'standard' },
    });
    const car = flatClaim(withCar, claim({ kind: 'carKm', km: 300 }));
    expect(car).toMatchObject({ baseCents: 3_000, rateBp: 5_254, subsidyCents: 1_576 });
    expect(() => flatClaim(withCar, claim({ kind: 'carKm', km: 0 }))).toThrow(/kilomètres/);
  });
});
