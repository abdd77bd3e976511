// Claims priced by a rule of their own, with the sentences staff and members read (issue 12).
import { describe, expect, it } from 'vitest';
import { RulesError } from './errors.ts';
import { flatClaim, type FlatClaim, type FlatClaimInput } from './flat-claims.ts';
import { compilePack } from './pack.ts';
import { cnrs2019, inserm2021 } from './test-fixtures.ts';

const withCar = compilePack({
  ...inserm2021.data,
  id: 'inserm-2021-car',
  ownTransport: { carPerKmEuros: '0.10', carGrid: 'standard' },
});
const claim = (input: Partial<FlatClaimInput> & Pick<FlatClaimInput, 'kind'>, pack = withCar) =>
  flatClaim(pack, {
    paidCents: 10_000,
    km: 0,
    roundTrips: 0,
    quotientCents: 1_000_000,
    annualCeilingCents: null,
    usedCeilingCents: 0,
    ...input,
  });
const read = (result: FlatClaim) =>
  result.explanation.map((s) => `${s.step} | ${s.text.replace(/[\u00a0\u202f]/g, ' ')}`);
const plain = (text: string | undefined) => text?.replace(/[\u00a0\u202f]/g, ' ');

describe('each kind of flat claim, figure by figure and sentence by sentence', () => {
  it('a sport event: 50 % of at most 200 €, in the sports sector', () => {
    const result = claim({ kind: 'sportEvent', paidCents: 30_000 });
    expect(result.sector).toBe('sports');
    expect(read(result)).toEqual([
      'base | Base subventionnable : min(300,00 € ; 200,00 €) = 200,00 €',
      'rate | Taux forfaitaire : quel que soit le quotient familial = 50,00 %',
      'subsidy | Subvention : 200,00 € × 50,00 % = 100,00 €',
    ]);
    expect(plain(result.reasons[0]?.text)).toBe(
      'inscription à une manifestation sportive : base plafonnée à 200,00 €',
    );
    const exact = claim({ kind: 'sportEvent', paidCents: 20_000 });
    expect(exact.reasons).toEqual([]);
    expect(read(exact)[0]).toBe(
      'base | Base subventionnable : min(200,00 € ; 200,00 €) = 200,00 €',
    );
  });

  it('ANCV coupons: the standard grid on at most 150 €, and the ceiling says how much is left', () => {
    const result = claim({
      kind: 'ancvCoupons',
      paidCents: 20_000,
      annualCeilingCents: 100_000,
      usedCeilingCents: 95_000,
    });
    expect(result.sector).toBe('sports');
    expect(read(result)).toEqual([
      'base | Base subventionnable : min(200,00 € ; 150,00 €) = 150,00 €',
      'rate.standard | Taux standard : 86,2555 − 3,3716 × 10 000,00 / 1000, borné entre 10 % et 60 % = 52,54 %',
      'subsidy | Subvention : 150,00 € × 52,54 % = 78,81 €',
      'annualCeiling | Plafond annuel : plafond annuel de 1 000,00 €, 950,00 € déjà utilisés : subvention limitée à 50,00 € = 50,00 €',
    ]);
    expect(plain(result.reasons[0]?.text)).toBe('coupons sport ANCV : base plafonnée à 150,00 €');
    const exact = claim({
      kind: 'ancvCoupons',
      paidCents: 15_000,
      annualCeilingCents: 100_000,
      usedCeilingCents: 100_000 - 7_881,
    });
    expect(exact.subsidyCents).toBe(7_881);
    expect(exact.reasons).toEqual([]);
  });

  it('a child’s train ticket: paid back in full, in the youth sector', () => {
    const result = claim({ kind: 'trainTicket' });
    expect(result).toMatchObject({
      sector: 'jeunesse',
      baseCents: 10_000,
      rateBp: 10_000,
      subsidyCents: 10_000,
    });
    expect(read(result)).toEqual([
      'rate | Billet de train de l’enfant (2de classe) : remboursé en totalité = 100,00 %',
      'subsidy | Subvention : 100,00 € × 100,00 % = 100,00 €',
    ]);
  });

  it('an escort’s round trips: 1 or 2, at the majoré grid', () => {
    const result = claim({ kind: 'escortTrain', roundTrips: 2, paidCents: 50_000 });
    expect(result).toMatchObject({
      sector: 'jeunesse',
      baseCents: 50_000,
      rateBp: 6_254,
      subsidyCents: 31_270,
    });
    expect(read(result)[0]).toBe(
      'base | Base : 2 aller(s)-retour(s) en 2de classe, dans la limite de la dépense = 500,00 €',
    );
    expect(claim({ kind: 'escortTrain', roundTrips: 1 }).baseCents).toBe(10_000);
    for (const roundTrips of [0, 3, 1.5])
      expect(() => claim({ kind: 'escortTrain', roundTrips })).toThrow(
        expect.objectContaining({
          issues: [{ path: 'roundTrips', message: 'de 1 à 2 allers-retours' }],
        }) as Error,
      );
    expect(() => claim({ kind: 'escortTrain', roundTrips: 1 }, cnrs2019)).toThrow(
      expect.objectContaining({
        issues: [{ path: 'roundTrips', message: 'de 1 à 0 allers-retours' }],
      }) as Error,
    );
  });

  it('the car: kilometres at the pack’s rate per km, at the standard grid', () => {
    const result = claim({ kind: 'carKm', km: 300 });
    expect(result.sector).toBe('jeunesse');
    expect(read(result)[0]).toBe('base | Base kilométrique : 300 km × 0,10 € = 30,00 €');
    expect(claim({ kind: 'carKm', km: 1 }).baseCents).toBe(10);
    expect(claim({ kind: 'carKm', km: 20_000 }).baseCents).toBe(200_000);
    for (const km of [0, 20_001, 2.5])
      expect(() => claim({ kind: 'carKm', km })).toThrow(
        expect.objectContaining({
          issues: [{ path: 'km', message: 'nombre de kilomètres entre 1 et 20 000' }],
        }) as Error,
      );
  });
});

describe('flat claims and the ceiling, and what is checked', () => {
  it('a household without a ceiling, or a pack without one, is never limited', () => {
    expect(claim({ kind: 'trainTicket', annualCeilingCents: null }).subsidyCents).toBe(10_000);
    expect(
      claim({ kind: 'trainTicket', annualCeilingCents: 1_000, usedCeilingCents: 0 }).subsidyCents,
    ).toBe(1_000);
    const cnrs = flatClaim(cnrs2019, {
      kind: 'trainTicket',
      paidCents: 10_000,
      km: 0,
      roundTrips: 0,
      quotientCents: 1_000_000,
      annualCeilingCents: 1_000,
      usedCeilingCents: 0,
    });
    expect(cnrs.subsidyCents).toBe(10_000);
  });

  it('names each wrong amount', () => {
    try {
      claim({ kind: 'trainTicket', paidCents: -1, quotientCents: 1.5 });
      expect.unreachable();
    } catch (error) {
      expect((error as RulesError).issues).toEqual([
        { path: 'paidCents', message: 'le montant ne peut pas être négatif' },
        { path: 'quotientCents', message: 'montant entier en centimes attendu' },
      ]);
    }
  });

  it('a pack without the rule for a kind names it', () => {
    const bare = compilePack({ ...inserm2021.data, id: 'bare', flatClaims: undefined });
    for (const [kind, parameter] of [
      ['sportEvent', 'flatClaims.sportEvent'],
      ['ancvCoupons', 'flatClaims.ancvCoupons'],
    ] as const)
      expect(() => claim({ kind }, bare)).toThrow(
        expect.objectContaining({
          code: 'missing_parameter',
          issues: [expect.objectContaining({ path: parameter })],
        }) as Error,
      );
  });
});
