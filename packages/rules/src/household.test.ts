import { describe, expect, it } from 'vitest';
import { RulesError } from './errors.ts';
import { householdQuotient } from './household.ts';
import { simulateHousehold } from './household-simulation.ts';
import { child, cnrs2019, household, inserm2021, inserm2023 } from './test-fixtures.ts';

const ON = '2021-06-01';
const partsOf = (input: Parameters<typeof household>[0], pack = inserm2021) =>
  householdQuotient(pack, household(input), ON).parts;

describe('Inserm 2021 parts (SPEC §3 examples)', () => {
  it('a single person without children has 1.75 parts', () => {
    expect(partsOf({})).toBe(1.75);
  });
  it('a single parent with two children has 3.75 parts', () => {
    expect(partsOf({ children: [child('2010-01-01'), child('2012-01-01')] })).toBe(3.75);
  });
  it('a couple without children has 2.5 parts', () => {
    expect(partsOf({ couple: true })).toBe(2.5);
  });
  it('a couple with two children, one of them disabled, has 4.5 parts', () => {
    expect(
      partsOf({
        couple: true,
        children: [child('2010-01-01'), child('2012-01-01', { disabled: true })],
      }),
    ).toBe(4.5);
  });
  it('a couple with one child in shared custody has 2.5 parts', () => {
    expect(
      partsOf({ couple: true, children: [child('2012-01-01', { sharedCustody: true })] }),
    ).toBe(2.5);
  });
  it('gives half a part to a disabled member and to a disabled spouse', () => {
    expect(partsOf({ couple: true, memberDisabled: true, spouseDisabled: true })).toBe(3.5);
  });
  it('gives one part per disabled adult dependant', () => {
    expect(partsOf({ disabledAdultDependants: 2 })).toBe(3.75);
  });
  it('counts a child until the day before the 26th birthday', () => {
    expect(partsOf({ children: [child('1995-06-02')] })).toBe(2.75);
    expect(partsOf({ children: [child('1995-06-01')] })).toBe(1.75);
  });
  it('counts a disabled child of 26 or more as a disabled adult dependant', () => {
    expect(partsOf({ children: [child('1990-01-01', { disabled: true })] })).toBe(2.75);
  });
});

describe('quotient familial', () => {
  it('is the SPEC §8 example: 52 000 € for a couple with one child → 3 parts, QF 17 333,33 €', () => {
    const result = simulateHousehold(
      inserm2021,
      household({ taxIncomeEuros: 52_000, couple: true, children: [child('2012-03-04')] }),
      ON,
    );
    expect(result).toMatchObject({
      parts: 3,
      quotientCents: 1_733_333,
      ratesBp: { standard: 2781, majore: 3781, promotionnel: 5281 },
      annualCeilingCents: 119_880,
      skiAidCents: null,
    });
    expect(result.explanation.map((s) => s.step)).toEqual([
      'parts',
      'quotient',
      'rate.standard',
      'rate.majore',
      'rate.promotionnel',
      'annualCeiling',
      'skiAid',
    ]);
    expect(result.explanation[0]?.text).toBe(
      'Nombre de parts CAES : 2 (couple avec enfant) + 1 (1 enfant à charge) = 3',
    );
  });
  it('rounds half up to the cent', () => {
    // 10 001 € / 1.75 = 5 714,857… → 5 714,86 €
    expect(
      householdQuotient(inserm2021, household({ taxIncomeEuros: 10_001 }), ON).quotientCents,
    ).toBe(571_486);
    // 7 € / 2.5 = 2,80 exactly; 1 € / 1,75 = 0,5714… → 0,57
    expect(householdQuotient(inserm2021, household({ taxIncomeEuros: 1 }), ON).quotientCents).toBe(
      57,
    );
  });
  it('stays exact at 10 000 000 € of income', () => {
    expect(
      householdQuotient(inserm2021, household({ taxIncomeEuros: 10_000_000 }), ON).quotientCents,
    ).toBe(571_428_571);
  });
});

describe('CNRS 2019 parts', () => {
  const cnrs = (input: Parameters<typeof household>[0]) =>
    householdQuotient(cnrs2019, household(input), '2020-01-15');
  it('gives one part per person of the tax household', () => {
    expect(
      cnrs({
        couple: true,
        children: [child('2010-01-01'), child('2012-01-01', { sharedCustody: true })],
      }).parts,
    ).toBe(4);
  });
  it('adds half a part per disabled person and for a member living without a spouse', () => {
    expect(cnrs({ memberDisabled: true, children: [child('2010-01-01')] }).parts).toBe(3);
  });
  it('adds the spouse’s income for a couple', () => {
    const result = cnrs({ couple: true, taxIncomeEuros: 30_000, spouseTaxIncomeEuros: 20_000 });
    expect(result.incomeEuros).toBe(50_000);
    expect(result.quotientCents).toBe(2_500_000);
  });
  it('ignores the spouse’s income when not a couple', () => {
    expect(cnrs({ taxIncomeEuros: 30_000, spouseTaxIncomeEuros: 20_000 }).incomeEuros).toBe(30_000);
  });
  it('counts a disabled child whatever the age, and a child only before 25 otherwise', () => {
    expect(
      cnrs({
        couple: true,
        children: [child('1990-01-01', { disabled: true }), child('1994-01-01')],
      }).parts,
    ).toBe(3.5);
  });
  describe('parent isolé', () => {
    const isolated = household({ taxIncomeEuros: 30_000 });
    it('has 1.5 parts when taking part alone', () => {
      expect(householdQuotient(cnrs2019, isolated, '2020-01-15').parts).toBe(1.5);
    });
    it('has 1 + 1 per registered child under 25 when registering children for a youth stay', () => {
      const booking = {
        activityKind: 'caes' as const,
        firstDay: '2020-07-01',
        registeredChildrenBirthDates: ['2008-01-01', '2010-05-05', '1994-01-01'],
      };
      expect(householdQuotient(cnrs2019, isolated, '2020-01-15', booking).parts).toBe(3);
    });
    it('does not apply to day centres', () => {
      const booking = {
        activityKind: 'dayCentre' as const,
        firstDay: '2020-07-01',
        registeredChildrenBirthDates: ['2008-01-01'],
      };
      expect(householdQuotient(cnrs2019, isolated, '2020-01-15', booking).parts).toBe(1.5);
    });
  });
});

describe('bad input', () => {
  const fail = (input: Parameters<typeof household>[0], date = ON): RulesError => {
    try {
      householdQuotient(inserm2021, household(input), date);
    } catch (error) {
      if (error instanceof RulesError) return error;
      throw error;
    }
    throw new Error('expected a RulesError');
  };
  it('names the field of a negative income, in French, with a stable code', () => {
    const error = fail({ taxIncomeEuros: -1 });
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toEqual([
      { path: 'household.taxIncomeEuros', message: 'le montant ne peut pas être négatif' },
    ]);
  });
  it('refuses a fractional or non-numeric income', () => {
    expect(fail({ taxIncomeEuros: 1.5 }).issues[0]?.path).toBe('household.taxIncomeEuros');
    expect(fail({ taxIncomeEuros: Number.NaN }).issues[0]?.path).toBe('household.taxIncomeEuros');
  });
  it('refuses an impossible or future birth date', () => {
    expect(fail({ children: [child('2021-02-30')] }).issues[0]).toEqual({
      path: 'household.children.0.birthDate',
      message: "« 2021-02-30 » n'est pas une date du calendrier",
    });
    expect(fail({ children: [child('2021-06-02')] }).issues[0]?.message).toContain('postérieure');
  });
  it('refuses a disabled spouse without a spouse', () => {
    expect(fail({ spouseDisabled: true }).issues[0]?.path).toBe('household.spouseDisabled');
  });
  it('reports every faulty field at once', () => {
    expect(fail({ taxIncomeEuros: -5, disabledAdultDependants: -1 }).issues).toHaveLength(2);
  });
  it('names the missing parameter of an incomplete pack', () => {
    expect(() => householdQuotient(inserm2023, household(), '2023-03-01')).toThrow(
      expect.objectContaining({
        code: 'missing_parameter',
        issues: [{ path: 'parts', message: 'paramètre absent du barème inserm-2023' }],
      }) as Error,
    );
  });
});

describe('explanation', () => {
  it('is part of the serialized result, identical to the one read in memory', () => {
    const result = simulateHousehold(
      inserm2021,
      household({ taxIncomeEuros: 52_000, couple: true, children: [child('2012-03-04')] }),
      ON,
    );
    const serialized = JSON.parse(JSON.stringify(result)) as {
      explanation: unknown[];
      quotientCents: number;
    };
    expect(serialized.quotientCents).toBe(1_733_333);
    // The serialized answer carries every step, in order, with the same sentences.
    expect((serialized.explanation as { step: string }[]).map((s) => s.step)).toEqual([
      'parts',
      'quotient',
      'rate.standard',
      'rate.majore',
      'rate.promotionnel',
      'annualCeiling',
      'skiAid',
    ]);
    expect((serialized.explanation as { text: string }[])[1]?.text).toBe(
      'Quotient familial : 52\u202f000,00\u00a0€ / 3 parts = 17\u202f333,33\u00a0€',
    );
  });
  it('explains the CNRS isolated parent rule when it changes the parts', () => {
    const booking = {
      activityKind: 'caes' as const,
      firstDay: '2020-07-01',
      registeredChildrenBirthDates: ['2008-01-01', '2010-05-05'],
    };
    const result = simulateHousehold(cnrs2019, household(), '2020-01-15', booking);
    expect(result.explanation[0]?.text).toBe(
      'Nombre de parts CAES : 1 (parent isolé) + 2 (2 enfants inscrits) = 3',
    );
  });
});
