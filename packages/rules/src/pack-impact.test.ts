// Issue 17, point 3: the cost of a draft re-prices each household's stays, family bookings and
// flat claims of last year exactly as the engine quotes them one by one, under each pack.
import { describe, expect, it } from 'vitest';
import { flatClaim } from './flat-claims.ts';
import { simulateHousehold } from './household-simulation.ts';
import { compilePack, type Pack } from './pack.ts';
import { packImpact, type ImpactBooking, type ImpactClaim } from './pack-impact.ts';
import { quoteBooking } from './stay-quote.ts';
import { child, cnrs2019, household, inserm2021, nothingUsed, packFile } from './test-fixtures.ts';

/** A pack whose first grid's formula starts higher: every rate above its floor goes up. */
function withIntercept(name: string, grid: string, intercept: string): Pack {
  const data = packFile(name) as ReturnType<typeof packFile> & {
    grids: Record<string, { formula: Record<string, unknown> }>;
  };
  const formula = data.grids[grid]?.formula ?? {};
  formula.intercept = intercept;
  return compilePack({ ...data, id: `${name}-projet` });
}

describe('the cost of a draft', () => {
  const family = household({
    taxIncomeEuros: 40_000,
    spouseTaxIncomeEuros: 20_000,
    couple: true,
    children: [child('2010-05-01'), child('2014-02-01')],
  });
  const week: ImpactBooking = {
    householdId: 'famille',
    requestDate: '2020-03-16',
    activity: {
      sector: 'vacances',
      kind: 'caesVillage',
      capCategory: null,
      firstDay: '2020-07-04',
      lastDay: '2020-07-11',
      ski: false,
    },
    participants: [
      ['member', '1982-04-01', 20_000],
      ['spouse', '1981-09-01', 20_000],
      ['child', '2010-05-01', 15_000],
    ].map(([relation, birthDate, priceCents], index) => ({
      key: `p${String(index)}`,
      relation: relation as 'member' | 'spouse' | 'child',
      birthDate: String(birthDate),
      disabled: false,
      priceCents: Number(priceCents),
      transportCents: 0,
    })),
  };

  /** The same week quoted as the booking screen does, under `pack`. */
  const quoted = (pack: Pack) => {
    const simulation = simulateHousehold(pack, family, '2020-01-01');
    return quoteBooking(pack, {
      quotientCents: simulation.quotientCents,
      household: { input: family, on: '2020-01-01' },
      annualCeilingCents: simulation.annualCeilingCents,
      ceilingUsedCents: 0,
      activity: week.activity,
      participants: week.participants.map((p) => ({
        ...p,
        name: p.key,
        used: nothingUsed,
        skiAidRequested: false,
      })),
      requestDate: week.requestDate,
    }).subsidyCents;
  };

  it('prices a family’s booking with its own parts and each person’s line, under each pack', () => {
    const draft = withIntercept('cnrs-2019', 'vacances', '95');
    const impact = packImpact(
      cnrs2019,
      draft,
      [{ id: 'famille', household: family }],
      [week],
      '2020-01-01',
    );
    expect(impact).toMatchObject({ households: 1, stays: 1, claims: 0, unpriced: 0, better: 1 });
    expect(impact.current.totalCents).toBe(quoted(cnrs2019));
    expect(impact.draft.totalCents).toBe(quoted(draft));
    expect(impact.draft.totalCents).toBeGreaterThan(impact.current.totalCents);
    expect(impact.current.bySector).toEqual({ vacances: impact.current.totalCents });
  });

  it('prices flat claims by their own rule, each one asked', () => {
    const single = household({ taxIncomeEuros: 20_000 });
    const coupons: ImpactClaim = {
      householdId: 'seule',
      requestDate: '2021-03-01',
      claim: { kind: 'ancvCoupons', paidCents: 20_000, km: 0, roundTrips: 0 },
    };
    const draft = withIntercept('inserm-2021', 'standard', '90');
    const direct = (pack: Pack) => {
      const simulation = simulateHousehold(pack, single, '2021-01-01');
      return flatClaim(pack, {
        ...coupons.claim,
        quotientCents: simulation.quotientCents,
        annualCeilingCents: simulation.annualCeilingCents,
        usedCeilingCents: 0,
      }).subsidyCents;
    };
    const impact = packImpact(
      inserm2021,
      draft,
      [{ id: 'seule', household: single }],
      [coupons, coupons],
      '2021-01-01',
    );
    expect(impact).toMatchObject({ stays: 0, claims: 2, unpriced: 0 });
    expect(impact.current.bySector).toEqual({ sports: 2 * direct(inserm2021) });
    expect(impact.draft.bySector).toEqual({ sports: 2 * direct(draft) });
    expect(direct(draft)).toBeGreaterThan(direct(inserm2021));
  });
});
