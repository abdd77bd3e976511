// The parts and quotient rules as the committees write them, with the sentences members read.
import { describe, expect, it } from 'vitest';
import { RulesError } from './errors.ts';
import {
  householdQuotient,
  type HouseholdInput,
  type HouseholdQuotient,
  type IsolatedParentBooking,
} from './household.ts';
import type { Pack } from './pack.ts';
import { child, cnrs2019, household, inserm2021 } from './test-fixtures.ts';

const ON = '2021-06-01';
const quotient = (
  pack: Pack,
  input: Partial<HouseholdInput>,
  booking: IsolatedParentBooking | null = null,
  explain = true,
) => householdQuotient(pack, household(input), ON, booking, explain);
/** The sentences, with French typography's no-break spaces written as plain ones. */
const texts = (result: HouseholdQuotient) =>
  result.steps.map((s) => s.text.replace(/[\u00a0\u202f]/g, ' '));

describe('Inserm: every term of the parts, and the sentence that says it', () => {
  it('a couple with children of every kind: full, shared custody, disabled, grown up, disabled grown up', () => {
    const result = quotient(inserm2021, {
      taxIncomeEuros: 30_000,
      spouseTaxIncomeEuros: 20_000,
      couple: true,
      memberDisabled: true,
      spouseDisabled: true,
      disabledAdultDependants: 1,
      children: [
        child('2010-01-01'),
        child('2012-01-01', { sharedCustody: true }),
        child('2013-01-01', { disabled: true }),
        child('1990-01-01'),
        child('1991-01-01', { disabled: true }),
      ],
    });
    expect(result).toMatchObject({
      parts: 8,
      partsQuarters: 32,
      incomeEuros: 30_000,
      quotientCents: 375_000,
      childrenCounted: 3,
      withDisability: true,
      couple: true,
    });
    expect(texts(result)).toEqual([
      'Nombre de parts CAES : 2 (couple avec enfant) + 2 (2 enfants à charge) + 0,5 (1 enfant en garde partagée) + 1,5 (3 personnes handicapées de moins de 26 ans) + 2 (2 adultes handicapés rattachés) = 8',
      'Enfants non comptés : 1 enfant de 26 ans ou plus sans handicap',
      'Quotient familial : 30 000,00 € / 8 parts = 3 750,00 €',
    ]);
    expect(result.steps[0]!.inputs).toEqual({
      couple: true,
      dependentChildren: 3,
      sharedCustodyChildren: 1,
      disabledPersons: 3,
      disabledAdultDependants: 2,
    });
    expect(result.steps[0]!.value).toBe(8);
    expect(result.steps[2]!.inputs).toEqual({ incomeCents: 3_000_000, parts: 8 });
  });

  it('an Inserm couple’s spouse income does not change the quotient', () => {
    const without = quotient(inserm2021, { taxIncomeEuros: 40_000, couple: true });
    const withSpouse = quotient(inserm2021, {
      taxIncomeEuros: 40_000,
      spouseTaxIncomeEuros: 25_000,
      couple: true,
    });
    expect(withSpouse.quotientCents).toBe(without.quotientCents);
    expect(withSpouse.incomeEuros).toBe(40_000);
    expect(texts(withSpouse).some((t) => t.startsWith('Revenu pris en compte'))).toBe(false);
  });

  it('a couple without children, and a single person whose only child is grown up', () => {
    expect(texts(quotient(inserm2021, { couple: true }))[0]).toBe(
      'Nombre de parts CAES : 2,5 (couple sans enfant) = 2,5',
    );
    const grown = quotient(inserm2021, { children: [child('1990-01-01')] });
    expect(grown).toMatchObject({ parts: 1.75, childrenCounted: 0, withDisability: false });
    expect(texts(grown)).toEqual([
      'Nombre de parts CAES : 1,75 (personne seule) = 1,75',
      'Enfants non comptés : 1 enfant de 26 ans ou plus sans handicap',
      'Quotient familial : 30 000,00 € / 1,75 parts = 17 142,86 €',
    ]);
  });

  it('two children in shared custody and two disabled adults: plurals, and the disability status', () => {
    const result = quotient(inserm2021, {
      children: [
        child('2010-01-01', { sharedCustody: true }),
        child('2011-01-01', { sharedCustody: true }),
      ],
      disabledAdultDependants: 2,
    });
    expect(result).toMatchObject({ parts: 4.75, childrenCounted: 2, withDisability: true });
    expect(texts(result)[0]).toBe(
      'Nombre de parts CAES : 1,75 (personne seule) + 1 (2 enfants en garde partagée) + 2 (2 adultes handicapés rattachés) = 4,75',
    );
  });

  it('one disabled person and one disabled adult dependant keep the household’s disability status', () => {
    expect(
      quotient(inserm2021, { memberDisabled: true, disabledAdultDependants: 1 }).withDisability,
    ).toBe(true);
    expect(quotient(inserm2021, { disabledAdultDependants: 1 }).withDisability).toBe(true);
    expect(quotient(inserm2021, { memberDisabled: true }).withDisability).toBe(true);
    expect(quotient(inserm2021, {}).withDisability).toBe(false);
  });

  it('a disabled spouse counts only in a couple (and is refused without one)', () => {
    expect(quotient(inserm2021, { couple: true, spouseDisabled: true }).parts).toBe(3);
    expect(() => quotient(inserm2021, { spouseDisabled: true })).toThrow(RulesError);
  });

  it('one of each: the singular of every term, and the steps’ names', () => {
    const result = quotient(inserm2021, {
      memberDisabled: true,
      disabledAdultDependants: 1,
      children: [child('1990-01-01'), child('1991-01-01')],
    });
    expect(texts(result)).toEqual([
      'Nombre de parts CAES : 1,75 (personne seule) + 0,5 (1 personne handicapée de moins de 26 ans) + 1 (1 adulte handicapé rattaché) = 3,25',
      'Enfants non comptés : 2 enfants de 26 ans ou plus sans handicap',
      'Quotient familial : 30 000,00 € / 3,25 parts = 9 230,77 €',
    ]);
    expect(result.steps.map((s) => s.step)).toEqual(['parts', 'parts.ignoredChildren', 'quotient']);
  });

  it('computes the numbers alone, without a sentence, when asked to', () => {
    const bare = quotient(
      inserm2021,
      { couple: true, children: [child('2012-03-04')] },
      null,
      false,
    );
    expect(bare.parts).toBe(3);
    expect(bare.steps).toEqual([]);
    expect(householdQuotient(inserm2021, household({ couple: true }), ON).steps.length).toBe(2);
  });
});

describe('a child on the other parent’s tax notice', () => {
  const elsewhere = child('2012-01-01', { fiscallyDependent: false });
  it('counts in no Inserm part, and is not one of the children left out for their age', () => {
    const result = quotient(inserm2021, {
      couple: true,
      children: [child('2010-01-01'), elsewhere],
    });
    expect(result.parts).toBe(3);
    expect(result.steps.map((s) => s.step)).toEqual(['parts', 'quotient']);
  });
  it('a single CNRS member with one child on each notice is no parent isolé', () => {
    const result = quotient(cnrs2019, { children: [child('2010-01-01'), elsewhere] });
    expect(result.parts).toBe(2.5);
    expect(texts(result)[0]).toBe(
      'Nombre de parts CAES : 2 (2 personnes du foyer fiscal) + 0,5 (vit sans conjoint) = 2,5',
    );
  });
  it('is said yes or no, nothing else', () => {
    try {
      quotient(cnrs2019, {
        children: [{ ...elsewhere, fiscallyDependent: 'non' as unknown as boolean }],
      });
      expect.unreachable();
    } catch (error) {
      expect((error as RulesError).issues).toEqual([
        { path: 'household.children.0.fiscallyDependent', message: 'vrai ou faux attendu' },
      ]);
    }
  });
});

describe('CNRS: one part per person, parent isolé, the spouse’s income', () => {
  it('a couple adds the spouse’s income and counts each person, disabled ones half a part more', () => {
    const result = quotient(cnrs2019, {
      taxIncomeEuros: 30_000,
      spouseTaxIncomeEuros: 20_000,
      couple: true,
      memberDisabled: true,
      disabledAdultDependants: 1,
      children: [child('2010-01-01'), child('1990-01-01', { disabled: true }), child('1991-01-01')],
    });
    expect(result).toMatchObject({
      parts: 6.5,
      incomeEuros: 50_000,
      quotientCents: 769_231,
      childrenCounted: 2,
      withDisability: true,
    });
    expect(texts(result)).toEqual([
      'Nombre de parts CAES : 5 (5 personnes du foyer fiscal) + 1,5 (3 personnes handicapées) = 6,5',
      'Revenu pris en compte : 30 000,00 € + 20 000,00 € (conjoint) = 50 000,00 €',
      'Quotient familial : 50 000,00 € / 6,5 parts = 7 692,31 €',
    ]);
    expect(result.steps[1]!.inputs).toEqual({
      memberIncomeCents: 3_000_000,
      spouseIncomeCents: 2_000_000,
    });
    expect(result.steps[1]!.value).toBe(5_000_000);
  });

  it('names its steps, and says what each figure came from', () => {
    const result = quotient(cnrs2019, {
      couple: true,
      spouseTaxIncomeEuros: 10_000,
      children: [child('2010-01-01')],
    });
    expect(result.steps.map((s) => s.step)).toEqual(['parts', 'income', 'quotient']);
    expect(result.steps[0]!.inputs).toEqual({
      couple: true,
      childrenCounted: 1,
      disabledPersons: 0,
    });
    expect(result.withDisability).toBe(false);
    expect(quotient(cnrs2019, { children: [child('2010-01-01')] }).withDisability).toBe(false);
    expect(quotient(cnrs2019, {}).withDisability).toBe(false);
  });

  it('a parent isolé booking with no child of the age registered goes alone; a childless member is no parent isolé', () => {
    const elsewhere = { children: [child('2012-01-01', { fiscallyDependent: false })] };
    for (const registeredChildrenBirthDates of [[], ['1990-01-01']]) {
      const result = quotient(cnrs2019, elsewhere, {
        activityKind: 'caesVillage',
        firstDay: '2021-07-01',
        registeredChildrenBirthDates,
      });
      expect(result.parts).toBe(1.5);
      expect(result.childrenCounted).toBe(0);
      expect(texts(result)[0]).toBe(
        'Nombre de parts CAES : 1,5 (parent isolé participant seul) = 1,5',
      );
    }
    const childless = quotient(
      cnrs2019,
      {},
      {
        activityKind: 'caesVillage',
        firstDay: '2021-07-01',
        registeredChildrenBirthDates: [],
      },
    );
    expect(childless.parts).toBe(1.5);
    expect(texts(childless)[0]).toBe(
      'Nombre de parts CAES : 1 (1 personne du foyer fiscal) + 0,5 (vit sans conjoint) = 1,5',
    );
    expect(texts(quotient(cnrs2019, {}))[0]).toBe(texts(childless)[0]);
    const one = quotient(
      cnrs2019,
      { memberDisabled: true },
      {
        activityKind: 'caesVillage',
        firstDay: '2021-07-01',
        registeredChildrenBirthDates: ['2010-01-01'],
      },
    );
    expect(texts(one)[0]).toBe(
      'Nombre de parts CAES : 1 (parent isolé) + 1 (1 enfant inscrit) + 0,5 (1 personne handicapée) = 2,5',
    );
    const dayCentre = quotient(
      cnrs2019,
      {},
      {
        activityKind: 'dayCentre',
        firstDay: '2021-07-01',
        registeredChildrenBirthDates: ['2010-01-01'],
      },
    );
    expect(dayCentre.steps.map((s) => s.step)).toEqual([
      'parts',
      'parts.isolatedParent',
      'quotient',
    ]);
  });

  it('the spouse’s income is not added when the member lives alone', () => {
    const alone = quotient(cnrs2019, {
      taxIncomeEuros: 30_000,
      spouseTaxIncomeEuros: 20_000,
      children: [child('2010-01-01')],
    });
    expect(alone.incomeEuros).toBe(30_000);
    expect(texts(alone)[0]).toBe(
      'Nombre de parts CAES : 2 (2 personnes du foyer fiscal) + 0,5 (vit sans conjoint) = 2,5',
    );
  });

  it('a child counts until the day before 25, and a disabled child at any age', () => {
    expect(quotient(cnrs2019, { couple: true, children: [child('1996-06-02')] }).parts).toBe(3);
    expect(quotient(cnrs2019, { couple: true, children: [child('1996-06-01')] }).parts).toBe(2);
    expect(
      quotient(cnrs2019, { couple: true, children: [child('1990-06-01', { disabled: true })] })
        .parts,
    ).toBe(3.5);
  });

  it('parent isolé with disabled adult dependants: each adult a part, and half a part for the handicap', () => {
    const result = quotient(
      cnrs2019,
      { disabledAdultDependants: 1 },
      {
        activityKind: 'caesVillage',
        firstDay: '2021-07-01',
        registeredChildrenBirthDates: ['2010-01-01', '1996-07-02', '1996-07-01'],
      },
    );
    expect(result).toMatchObject({ parts: 4.5, childrenCounted: 0, withDisability: true });
    expect(texts(result)[0]).toBe(
      'Nombre de parts CAES : 1 (parent isolé) + 2 (2 enfants inscrits) + 1 (1 adulte rattaché) + 0,5 (1 personne handicapée) = 4,5',
    );
    expect(result.steps[0]!.inputs).toEqual({
      couple: false,
      registeredChildren: 2,
      disabledPersons: 1,
    });
    const two = quotient(cnrs2019, {
      memberDisabled: true,
      disabledAdultDependants: 2,
      children: [child('2012-01-01', { fiscallyDependent: false })],
    });
    expect(two.parts).toBe(5);
    expect(texts(two)[0]).toContain('+ 2 (2 adultes rattachés) + 1,5 (3 personnes handicapées)');
    const childless = quotient(cnrs2019, { memberDisabled: true, disabledAdultDependants: 2 });
    expect(texts(childless)[0]).toBe(
      'Nombre de parts CAES : 3 (3 personnes du foyer fiscal) + 1,5 (3 personnes handicapées) + 0,5 (vit sans conjoint) = 5',
    );
  });

  it('a day centre or a local activity ignores the registered children, and says so', () => {
    for (const activityKind of ['dayCentre', 'localCaes'] as const) {
      const result = quotient(
        cnrs2019,
        {},
        { activityKind, firstDay: '2021-07-01', registeredChildrenBirthDates: ['2010-01-01'] },
      );
      expect(result.parts).toBe(1.5);
      expect(texts(result)[1]).toBe(
        'Parent isolé : la règle des enfants inscrits ne s’applique pas à ce type d’activité',
      );
    }
    const village = quotient(
      cnrs2019,
      {},
      {
        activityKind: 'caesVillage',
        firstDay: '2021-07-01',
        registeredChildrenBirthDates: ['2010-01-01'],
      },
    );
    expect(village.parts).toBe(2);
    expect(texts(village)).toHaveLength(2);
  });

  it('the booking’s dates are checked and named when wrong', () => {
    try {
      quotient(
        cnrs2019,
        {},
        {
          activityKind: 'caesVillage',
          firstDay: '2021-02-30',
          registeredChildrenBirthDates: ['2010-13-01'],
        },
      );
      expect.unreachable();
    } catch (error) {
      expect((error as RulesError).issues.map((i) => i.path)).toEqual([
        'booking.firstDay',
        'booking.registeredChildrenBirthDates.0',
      ]);
    }
  });

  it('an Inserm household ignores a booking', () => {
    const booked = quotient(
      inserm2021,
      {},
      {
        activityKind: 'caesVillage',
        firstDay: 'pas une date',
        registeredChildrenBirthDates: ['2010-01-01'],
      },
    );
    expect(booked.parts).toBe(1.75);
  });
});

describe('a household given wrong, as an API or the command line could', () => {
  /** Every fault of one input, as path → message. */
  const faults = (input: Record<string, unknown>, date = ON) => {
    try {
      // As an API or the command line could send it: wrong types included.
      householdQuotient(inserm2021, { ...household(), ...input }, date);
      return {};
    } catch (error) {
      expect(error).toBeInstanceOf(RulesError);
      const { code, issues } = error as RulesError;
      expect(code).toBe('invalid_input');
      return Object.fromEntries(issues.map((i) => [i.path, i.message]));
    }
  };

  it('names each faulty field with a sentence, all at once', () => {
    expect(
      faults({
        taxIncomeEuros: 1.5,
        spouseTaxIncomeEuros: -1,
        couple: 'oui',
        memberDisabled: null,
        spouseDisabled: 'non',
        disabledAdultDependants: 21,
      }),
    ).toEqual({
      'household.taxIncomeEuros': 'montant en euros entiers attendu',
      'household.spouseTaxIncomeEuros': 'le montant ne peut pas être négatif',
      'household.couple': 'vrai ou faux attendu',
      'household.memberDisabled': 'vrai ou faux attendu',
      'household.spouseDisabled': 'vrai ou faux attendu',
      'household.disabledAdultDependants': 'nombre entier entre 0 et 20 attendu',
    });
  });

  it('bounds amounts at a billion euros, and checks the spouse’s income only when given', () => {
    expect(faults({ taxIncomeEuros: 1_000_000_000 })).toEqual({});
    expect(faults({ taxIncomeEuros: 1_000_000_001 })).toEqual({
      'household.taxIncomeEuros': 'montant trop élevé (1 milliard d’euros au plus)',
    });
    expect(faults({ taxIncomeEuros: '30000' })).toEqual({
      'household.taxIncomeEuros': 'montant en euros entiers attendu',
    });
    expect(faults({ spouseTaxIncomeEuros: undefined })).toEqual({});
    expect(faults({ spouseTaxIncomeEuros: 2.5 })).toEqual({
      'household.spouseTaxIncomeEuros': 'montant en euros entiers attendu',
    });
  });

  it('a spouse said disabled without a couple', () => {
    expect(faults({ spouseDisabled: true })).toEqual({
      'household.spouseDisabled': 'aucun conjoint n’est déclaré (couple = faux)',
    });
  });

  it('disabled adult dependants: a whole number from 0 to 20', () => {
    expect(faults({ disabledAdultDependants: 20 })).toEqual({});
    expect(faults({ disabledAdultDependants: 0 })).toEqual({});
    for (const value of [-1, 1.5, '2', 21, null])
      expect(faults({ disabledAdultDependants: value })).toEqual({
        'household.disabledAdultDependants': 'nombre entier entre 0 et 20 attendu',
      });
  });

  it('children: a list of at most 30, each with its date and two yes-or-no answers', () => {
    expect(faults({ children: 'deux' })).toEqual({
      'household.children': 'liste d’enfants attendue',
    });
    expect(faults({ children: Array.from({ length: 30 }, () => child('2010-01-01')) })).toEqual({});
    expect(faults({ children: Array.from({ length: 31 }, () => child('2010-01-01')) })).toEqual({
      'household.children': '30 enfants au plus',
    });
    expect(faults({ children: [null, 'Léa'] })).toEqual({
      'household.children.0': 'enfant attendu (date de naissance, garde partagée, handicap)',
      'household.children.1': 'enfant attendu (date de naissance, garde partagée, handicap)',
    });
    expect(
      faults({
        children: [{ birthDate: '2010-02-30', sharedCustody: 'non', disabled: 1 }],
      }),
    ).toEqual({
      'household.children.0.birthDate': "« 2010-02-30 » n'est pas une date du calendrier",
      'household.children.0.sharedCustody': 'vrai ou faux attendu',
      'household.children.0.disabled': 'vrai ou faux attendu',
    });
    expect(faults({ children: [child('2021-06-02')] })).toEqual({
      'household.children.0.birthDate': 'la date de naissance est postérieure à la date de calcul',
    });
    expect(faults({ children: [child('2021-06-01')] })).toEqual({});
  });

  it('a wrong calculation date is named, and the children are then not aged', () => {
    expect(faults({ children: [child('2030-01-01')] }, '2021-13-01')).toEqual({
      date: "« 2021-13-01 » n'est pas une date du calendrier",
    });
  });
});
