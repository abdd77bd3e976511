import { describe, expect, it } from 'vitest';
import { quoteStay } from './stay-quote.ts';
import { cnrs2019, inserm2021, stay } from './test-fixtures.ts';

const codes = (quote: { reasons: readonly { code: string }[] }) =>
  quote.reasons.map((reason) => reason.code);

describe('Inserm youth stay quote', () => {
  it('is the brochure example: 500 € at 40 % → subsidy 200 €, left to pay 300 €, deposit 90 €', () => {
    const quote = quoteStay(inserm2021, stay());
    expect(quote).toMatchObject({
      grid: 'standard',
      rateBp: 4000,
      baseCents: 50_000,
      subsidyCents: 20_000,
      leftToPayCents: 30_000,
      depositCents: 9_000,
      feesCents: 0,
    });
    expect(quote.explanation.map((s) => s.step)).toEqual([
      'days',
      'base',
      'rate.standard',
      'subsidy.stay',
      'leftToPay',
      'deposit',
    ]);
    expect(quote.explanation.find((s) => s.step === 'deposit')?.text).toBe(
      'Acompte : 30,00\u00a0% × 300,00\u00a0€ = 90,00\u00a0€',
    );
  });
  it('caps the base of a 20-day ski stay at 15 × 125 € + 5 × 92 € = 2 335 €', () => {
    const quote = quoteStay(
      inserm2021,
      stay({
        activity: {
          kind: 'caes',
          capCategory: 'skiLanguageAbroad',
          firstDay: '2021-02-01',
          lastDay: '2021-02-20',
          priceCents: 300_000,
        },
      }),
    );
    expect(quote.baseCents).toBe(233_500);
    expect(quote.grid).toBe('majore');
    expect(quote.subsidyCents).toBe(116_750); // 2 335 € × 50 %
    expect(quote.reasons[0]?.text).toContain('15 × 125,00');
    expect(codes(quote)).toEqual(['base_cap']);
  });
  it('does not cap a base under the cap', () => {
    const quote = quoteStay(
      inserm2021,
      stay({ activity: { capCategory: 'holidayCentreFrance', priceCents: 70_000 } }),
    );
    expect(quote.baseCents).toBe(70_000); // 7 × 115 € = 805 € > 700 €
    expect(codes(quote)).toEqual([]);
  });
  it('uses the majoré grid for a CAES youth stay and subsidises the provider’s transport at the same rate', () => {
    const quote = quoteStay(
      inserm2021,
      stay({ activity: { kind: 'caes', transportCents: 12_000 } }),
    );
    expect(quote.lines).toEqual([
      {
        item: 'stay',
        grid: 'majore',
        rateBp: 5000,
        days: 7,
        baseCents: 50_000,
        subsidyCents: 25_000,
      },
      {
        item: 'transport',
        grid: 'majore',
        rateBp: 5000,
        days: null,
        baseCents: 12_000,
        subsidyCents: 6_000,
      },
    ]);
    expect(quote.leftToPayCents).toBe(31_000);
  });
  it('gives PROMO days beyond 21 a year the majoré rate', () => {
    const quote = quoteStay(
      inserm2021,
      stay({ activity: { kind: 'promo', priceCents: 70_000 }, used: { promoDays: 18 } }),
    );
    expect(
      quote.lines.map((line) => [line.grid, line.days, line.baseCents, line.subsidyCents]),
    ).toEqual([
      ['promotionnel', 3, 30_000, 19_500],
      ['majore', 4, 40_000, 20_000],
    ]);
    expect(quote.usage.promoDays).toBe(3);
    expect(codes(quote)).toEqual(['promo_allowance']);
  });
  it('subsidises no more than 45 youth days a year', () => {
    const quote = quoteStay(
      inserm2021,
      stay({ activity: { priceCents: 70_000 }, used: { youthDays: 41 } }),
    );
    expect(quote.usage.youthDays).toBe(4);
    expect(quote.baseCents).toBe(40_000);
    expect(quote.subsidyCents).toBe(16_000);
    const none = quoteStay(inserm2021, stay({ used: { youthDays: 45 } }));
    expect(none.subsidyCents).toBe(0);
    expect(none.leftToPayCents).toBe(50_000);
  });
  it('limits the subsidy to what is left of the annual ceiling, and says so', () => {
    const quote = quoteStay(
      inserm2021,
      stay({ annualCeilingCents: 100_000, used: { ceilingCents: 85_000 } }),
    );
    expect(quote.subsidyBeforeCeilingCents).toBe(20_000);
    expect(quote.subsidyCents).toBe(15_000);
    expect(quote.usage.ceilingCents).toBe(15_000);
    expect(quote.reasons.find((r) => r.code === 'annual_ceiling')?.text).toContain(
      'limitée à 150,00',
    );
  });
  it('does not count Voyages against the annual ceiling', () => {
    const quote = quoteStay(
      inserm2021,
      stay({
        participant: { relation: 'member', birthDate: '1980-01-01', disabled: false },
        annualCeilingCents: 100_000,
        used: { ceilingCents: 100_000 },
        activity: { sector: 'voyages', capCategory: 'flight', priceCents: 90_000 },
      }),
    );
    expect(quote.baseCents).toBe(70_000);
    expect(quote.subsidyCents).toBe(28_000);
    expect(quote.usage.ceilingCents).toBe(0);
  });
  it('subsidises a child for youth stays until the day before the 21st birthday, judged on the first day', () => {
    const turning21 = (birthDate: string) =>
      quoteStay(
        inserm2021,
        stay({ participant: { relation: 'child', birthDate, disabled: false } }),
      );
    expect(turning21('2000-07-11').subsidyCents).toBe(20_000);
    const refused = turning21('2000-07-10');
    expect(refused.subsidyCents).toBe(0);
    expect(codes(refused)).toEqual(['youth_age']);
  });
  it('lets a friend who is not an ayant droit go along at full price', () => {
    const quote = quoteStay(
      inserm2021,
      stay({ participant: { relation: 'nonEntitled', birthDate: '2009-01-01', disabled: false } }),
    );
    expect(quote).toMatchObject({ subsidyCents: 0, leftToPayCents: 50_000, depositCents: 15_000 });
    expect(codes(quote)).toEqual(['not_entitled']);
  });
  it('requires 5 days for a holiday centre', () => {
    const quote = quoteStay(
      inserm2021,
      stay({ activity: { capCategory: 'holidayCentreFrance', lastDay: '2021-07-13' } }),
    );
    expect(quote.subsidyCents).toBe(0);
    expect(quote.reasons[0]?.text).toContain('au moins 5 jours');
  });
  it('pays the ski aid for a CAES ski stay once every 2 years, not deducted from the balance', () => {
    const ski = {
      kind: 'caes' as const,
      ski: true,
      capCategory: 'skiLanguageAbroad',
      firstDay: '2021-02-10',
      lastDay: '2021-02-16',
    };
    const quote = quoteStay(
      inserm2021,
      stay({ quotientCents: 1_000_000, skiAidRequested: true, activity: ski }),
    );
    expect(quote.skiAidCents).toBe(7708);
    // QF 10 000 €: majoré 62,54 % × 500 € = 312,70 €; the aid is paid apart, after the return.
    expect(quote).toMatchObject({ subsidyCents: 31_270, leftToPayCents: 18_730 });
    const tooSoon = quoteStay(
      inserm2021,
      stay({
        quotientCents: 1_000_000,
        skiAidRequested: true,
        activity: ski,
        used: { lastSkiAidYear: 2020 },
      }),
    );
    expect(tooSoon.skiAidCents).toBeNull();
    expect(tooSoon.reasons.at(-1)?.text).toContain('tous les 2 ans');
  });
  it('prorates the price for vacation days beyond 30 a year and applies the per-day cap', () => {
    const quote = quoteStay(
      inserm2021,
      stay({
        participant: { relation: 'spouse', birthDate: '1980-01-01', disabled: false },
        activity: {
          sector: 'vacances',
          kind: 'caes',
          capCategory: 'caesRental',
          firstDay: '2021-08-01',
          lastDay: '2021-08-10',
          priceCents: 60_000,
        },
        used: { vacationDays: 25 },
      }),
    );
    // 5 of 10 days: 300 € of the price, capped at 5 × 48 € = 240 €, at 40 %
    expect(quote.baseCents).toBe(24_000);
    expect(quote.subsidyCents).toBe(9_600);
    expect(codes(quote)).toEqual(['day_allowance', 'base_cap']);
  });
  it('takes half the rental of a mobile home as the base', () => {
    const quote = quoteStay(
      inserm2021,
      stay({
        participant: { relation: 'member', birthDate: '1980-01-01', disabled: false },
        activity: {
          sector: 'vacances',
          kind: 'approved',
          capCategory: 'mobileHome',
          priceCents: 40_000,
        },
      }),
    );
    expect(quote.baseCents).toBe(20_000); // 50 % of 400 € = 200 € < 7 × 43 €
  });
});

describe('CNRS stay quote', () => {
  const youth = { sector: 'jeunesse' as const, kind: 'partnerVillage' as const };
  it('uses the under-18 grid for a youth stay, adds the 8 € dossier fee and asks 20 % arrhes', () => {
    const quote = quoteStay(
      cnrs2019,
      stay({ quotientCents: 1_000_000, activity: { ...youth, priceCents: 100_000 } }),
    );
    // 95,387 − 0,0036307 × 10 000 = 59,08 %
    expect(quote).toMatchObject({
      grid: 'jeunesMoins18',
      rateBp: 5908,
      subsidyCents: 59_080,
      leftToPayCents: 40_920,
      depositCents: 8_184,
      feesCents: 800,
      totalToPayCents: 41_720,
    });
  });
  it('asks at least 60 € of arrhes', () => {
    const quote = quoteStay(
      cnrs2019,
      stay({ quotientCents: 1_000_000, activity: { ...youth, priceCents: 30_000 } }),
    );
    expect(quote.depositCents).toBe(6_000);
    expect(codes(quote)).toContain('deposit_minimum');
  });
  it('asks everything for a request less than 30 days before the start', () => {
    const quote = quoteStay(
      cnrs2019,
      stay({ requestDate: '2021-06-11', quotientCents: 1_000_000, activity: youth }),
    );
    expect(quote).toMatchObject({ leftToPayCents: 20_460, depositCents: 20_460 });
    expect(codes(quote)).toContain('full_payment');
    // One day earlier (30 days before): 20 % of 204,60 € is under 60 €, so 60 € of arrhes.
    expect(
      quoteStay(
        cnrs2019,
        stay({ requestDate: '2021-06-10', quotientCents: 1_000_000, activity: youth }),
      ).depositCents,
    ).toBe(6_000);
  });
  it('gives the holiday grid to a participant of 18 or more', () => {
    const quote = quoteStay(
      cnrs2019,
      stay({
        participant: { relation: 'child', birthDate: '2003-07-10', disabled: false },
        activity: youth,
      }),
    );
    expect(quote.grid).toBe('vacances');
  });
  it('subsidises from 2 nights on', () => {
    const quote = quoteStay(cnrs2019, stay({ activity: { ...youth, lastDay: '2021-07-11' } }));
    expect(quote.subsidyCents).toBe(0);
    expect(codes(quote)).toContain('minimum_duration');
  });
  it('lets direct relatives book CAES villages only, at the prix base TD without subsidy', () => {
    const relative = {
      relation: 'directRelative' as const,
      birthDate: '1950-01-01',
      disabled: false,
    };
    expect(() =>
      quoteStay(
        cnrs2019,
        stay({ participant: relative, activity: { sector: 'vacances', kind: 'partnerVillage' } }),
      ),
    ).toThrow(expect.objectContaining({ code: 'not_allowed' }) as Error);
    const quote = quoteStay(
      cnrs2019,
      stay({ participant: relative, activity: { sector: 'vacances', kind: 'caesVillage' } }),
    );
    expect(quote.subsidyCents).toBe(0);
  });
  it('charges the 15 € yearly membership to a non ayant droit in a CAES village, once a year', () => {
    const outsider = { relation: 'nonEntitled' as const, birthDate: '1980-01-01', disabled: false };
    const activity = { sector: 'vacances' as const, kind: 'caesVillage' as const };
    expect(quoteStay(cnrs2019, stay({ participant: outsider, activity })).fees).toEqual([
      { id: 'membership', label: 'Adhésion annuelle (non ayant droit)', cents: 1500 },
    ]);
    expect(
      quoteStay(
        cnrs2019,
        stay({ participant: outsider, activity, used: { yearlyFeesPaid: ['membership'] } }),
      ).fees,
    ).toEqual([]);
  });
});

describe('bad stay input', () => {
  it('names each faulty field', () => {
    expect(() =>
      quoteStay(inserm2021, stay({ activity: { priceCents: -1, lastDay: '2021-07-01' } })),
    ).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        issues: [
          { path: 'activity.priceCents', message: 'le montant ne peut pas être négatif' },
          { path: 'activity.lastDay', message: 'le dernier jour précède le premier jour' },
        ],
      }) as Error,
    );
  });
  it('refuses an unknown cap category', () => {
    expect(() => quoteStay(inserm2021, stay({ activity: { capCategory: 'moon' } }))).toThrow(
      expect.objectContaining({
        issues: [{ path: 'activity.capCategory', message: 'catégorie de plafond inconnue : moon' }],
      }) as Error,
    );
  });
});

describe('quote explanation', () => {
  it('gives each step its inputs, so a screen can show where every figure comes from', () => {
    const quote = quoteStay(inserm2021, stay());
    const byStep = Object.fromEntries(quote.explanation.map((s) => [s.step, s]));
    expect(byStep['subsidy.stay']?.inputs).toEqual({ baseCents: 50_000, rateBp: 4000 });
    expect(byStep.deposit?.inputs).toEqual({
      leftToPayCents: 30_000,
      shareBp: 3000,
      minimumCents: 0,
    });
    expect(byStep['rate.standard']?.inputs).toEqual({ quotientCents: 1_371_900 });
  });
});
