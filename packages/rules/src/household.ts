import {
  ageOn,
  dateFault,
  parseDay,
  parseIsoDate,
  type CalendarDay,
  type IsoDate,
} from './dates.ts';
import { IssueList } from './errors.ts';
import {
  formatCents,
  formatParts,
  NO_STEPS,
  note,
  plural,
  step,
  type ExplanationStep,
} from './explanation.ts';
import { roundDiv } from './money.ts';
import { need, type Pack, type PartsInQuarters } from './pack.ts';
import type { ActivityKind } from './pack-schema.ts';

export interface ChildInput {
  readonly birthDate: IsoDate;
  readonly sharedCustody: boolean;
  readonly disabled: boolean;
  /**
   * On the member's tax notice (default). A child fiscally dependent on the other parent is still
   * an ayant droit but counts in no part: the CNRS "parent isolé" rule gives parts per booking.
   */
  readonly fiscallyDependent?: boolean;
}

/** The household as on the tax notice (the member is the ouvrant droit). */
export interface HouseholdInput {
  /** Revenu fiscal de référence of the member's tax household, whole euros. */
  readonly taxIncomeEuros: number;
  /** CNRS: the spouse's own revenu fiscal de référence, added when living as a couple. */
  readonly spouseTaxIncomeEuros?: number;
  readonly couple: boolean;
  readonly memberDisabled: boolean;
  readonly spouseDisabled: boolean;
  readonly children: readonly ChildInput[];
  /** Children of 26 or more and ascendants with a handicap attached to the tax household. */
  readonly disabledAdultDependants: number;
}

/** CNRS "parent isolé": the booking the parts are computed for. */
export interface IsolatedParentBooking {
  readonly activityKind: ActivityKind;
  readonly firstDay: IsoDate;
  /** Birth dates of the member's children registered on the booking (not on the tax notice). */
  readonly registeredChildrenBirthDates: readonly IsoDate[];
}

export interface HouseholdQuotient {
  readonly partsQuarters: number;
  /** Parts as a number (quarters / 4: 1.75, 2.5, 3…). */
  readonly parts: number;
  readonly incomeEuros: number;
  readonly quotientCents: number;
  readonly couple: boolean;
  /** Dependent children counted in the parts (a shared-custody child counts as one). */
  readonly childrenCounted: number;
  /** Whether anyone in the household has a recognised handicap. */
  readonly withDisability: boolean;
  /** The explanation (empty when computed without it). */
  readonly steps: readonly ExplanationStep[];
}

export const MAX_TAX_INCOME_EUROS = 1_000_000_000;
const MAX_CHILDREN = 30;
const MAX_ADULT_DEPENDANTS = 20;

function checkWholeEuros(value: unknown, path: string, issues: IssueList): number {
  // Stryker disable next-line ConditionalExpression: Number.isInteger is false for anything but a number already
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    issues.add(path, 'montant en euros entiers attendu');
    return 0;
  }
  if (value < 0) issues.add(path, 'le montant ne peut pas être négatif');
  else if (value > MAX_TAX_INCOME_EUROS)
    issues.add(path, 'montant trop élevé (1 milliard d’euros au plus)');
  return value;
}

/** Checks the household; returns each child's age on the day (in the order of `children`). */
function checkHousehold(
  input: HouseholdInput,
  on: CalendarDay | null,
  issues: IssueList,
): number[] {
  checkWholeEuros(input.taxIncomeEuros, 'household.taxIncomeEuros', issues);
  if (input.spouseTaxIncomeEuros !== undefined)
    checkWholeEuros(input.spouseTaxIncomeEuros, 'household.spouseTaxIncomeEuros', issues);
  if (typeof input.couple !== 'boolean') issues.add('household.couple', 'vrai ou faux attendu');
  if (typeof input.memberDisabled !== 'boolean')
    issues.add('household.memberDisabled', 'vrai ou faux attendu');
  if (typeof input.spouseDisabled !== 'boolean')
    issues.add('household.spouseDisabled', 'vrai ou faux attendu');
  if (input.spouseDisabled && !input.couple)
    issues.add('household.spouseDisabled', 'aucun conjoint n’est déclaré (couple = faux)');
  const adults = input.disabledAdultDependants;
  if (
    // Stryker disable next-line ConditionalExpression: Number.isInteger is false for anything but a number already
    typeof adults !== 'number' ||
    !Number.isInteger(adults) ||
    adults < 0 ||
    adults > MAX_ADULT_DEPENDANTS
  ) {
    issues.add(
      'household.disabledAdultDependants',
      `nombre entier entre 0 et ${MAX_ADULT_DEPENDANTS} attendu`,
    );
  }
  // Input may come from outside TypeScript (an API, the command line): check what it really is.
  const children: unknown = input.children;
  if (!(children instanceof Array)) {
    issues.add('household.children', 'liste d’enfants attendue');
    // Stryker disable next-line ArrayDeclaration: the issue just recorded is thrown before any age is read
    return [];
  }
  if (children.length > MAX_CHILDREN)
    issues.add('household.children', `${MAX_CHILDREN} enfants au plus`);
  const ages: number[] = [];
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index] as Partial<ChildInput> | null | undefined;
    if (typeof child !== 'object' || child === null) {
      issues.add(
        `household.children.${index}`,
        'enfant attendu (date de naissance, garde partagée, handicap)',
      );
      continue;
    }
    const birth = parseDay(child.birthDate);
    // Stryker disable next-line EqualityOperator: a day is never 0 (faults are negative, days are YYYYMMDD)
    if (birth < 0)
      issues.add(`household.children.${index}.birthDate`, dateFault(child.birthDate, birth));
    if (typeof child.sharedCustody !== 'boolean')
      issues.add(`household.children.${index}.sharedCustody`, 'vrai ou faux attendu');
    if (typeof child.disabled !== 'boolean')
      issues.add(`household.children.${index}.disabled`, 'vrai ou faux attendu');
    if (child.fiscallyDependent !== undefined && typeof child.fiscallyDependent !== 'boolean')
      issues.add(`household.children.${index}.fiscallyDependent`, 'vrai ou faux attendu');
    // Stryker disable next-line EqualityOperator,ConditionalExpression: a day is never 0; a faulty date is already an issue, thrown before any age is read
    if (birth < 0 || on === null) continue;
    const age = ageOn(birth, on);
    if (age < 0)
      issues.add(
        `household.children.${index}.birthDate`,
        'la date de naissance est postérieure à la date de calcul',
      );
    ages.push(age);
  }
  return ages;
}

interface PartsCount {
  readonly quarters: number;
  readonly childrenCounted: number;
  readonly withDisability: boolean;
}

/** Where explanation steps go; null when only the numbers are wanted. */
type StepSink = ExplanationStep[] | null;

/** The parts step: each term of the sum, and the total. */
const partsStep = (
  terms: readonly string[],
  quarters: number,
  inputs: ExplanationStep['inputs'],
): ExplanationStep =>
  step(
    'parts',
    'Nombre de parts CAES',
    terms.join(' + '),
    quarters / 4,
    formatParts(quarters),
    inputs,
  );

/** Children on another tax notice (the other parent's): ayants droit counted in no part. */
const elsewhere = (input: HouseholdInput): number =>
  input.children.filter((child) => child.fiscallyDependent === false).length;

function insermParts(
  rules: Extract<PartsInQuarters, { method: 'inserm' }>,
  input: HouseholdInput,
  ages: readonly number[],
  steps: StepSink,
): PartsCount {
  let dependants = 0;
  let shared = 0;
  let disabledChildren = 0;
  let olderDisabled = 0;
  for (let index = 0; index < ages.length; index += 1) {
    const child = input.children[index];
    // Stryker disable OptionalChaining: every index of `ages` is a child of `input.children`
    if (child?.fiscallyDependent === false) continue;
    if ((ages[index] ?? 0) < rules.childMaxAge) {
      dependants += 1;
      if (child?.sharedCustody) shared += 1;
      if (child?.disabled) disabledChildren += 1;
    } else if (child?.disabled) {
      olderDisabled += 1;
    }
    // Stryker restore OptionalChaining
  }
  const ignored = ages.length - dependants - olderDisabled - elsewhere(input);
  const full = dependants - shared;
  const base = input.couple
    ? dependants > 0
      ? rules.coupleWithChild
      : rules.coupleWithoutChild
    : rules.single;
  const disabledPersons =
    (input.memberDisabled ? 1 : 0) +
    (input.couple && input.spouseDisabled ? 1 : 0) +
    disabledChildren;
  const adultDependants = input.disabledAdultDependants + olderDisabled;
  const quarters =
    base +
    full * rules.perChild +
    shared * rules.perSharedCustodyChild +
    disabledPersons * rules.disabilityBonus +
    adultDependants * rules.perDisabledAdultDependant;
  if (steps) {
    const terms = [
      `${formatParts(base)} (${input.couple ? (dependants > 0 ? 'couple avec enfant' : 'couple sans enfant') : 'personne seule'})`,
    ];
    if (full > 0)
      terms.push(
        `${formatParts(full * rules.perChild)} (${plural(full, 'enfant à charge', 'enfants à charge')})`,
      );
    if (shared > 0)
      terms.push(
        `${formatParts(shared * rules.perSharedCustodyChild)} (${plural(shared, 'enfant en garde partagée', 'enfants en garde partagée')})`,
      );
    if (disabledPersons > 0)
      terms.push(
        `${formatParts(disabledPersons * rules.disabilityBonus)} (${plural(disabledPersons, 'personne handicapée', 'personnes handicapées')} de moins de ${rules.childMaxAge} ans)`,
      );
    if (adultDependants > 0)
      terms.push(
        `${formatParts(adultDependants * rules.perDisabledAdultDependant)} (${plural(adultDependants, 'adulte handicapé rattaché', 'adultes handicapés rattachés')})`,
      );
    steps.push(
      partsStep(terms, quarters, {
        couple: input.couple,
        dependentChildren: dependants,
        sharedCustodyChildren: shared,
        disabledPersons,
        disabledAdultDependants: adultDependants,
      }),
    );
    if (ignored > 0) {
      steps.push(
        note(
          'parts.ignoredChildren',
          'Enfants non comptés',
          `${plural(ignored, 'enfant', 'enfants')} de ${rules.childMaxAge} ans ou plus sans handicap`,
        ),
      );
    }
  }
  return {
    quarters,
    childrenCounted: dependants,
    withDisability: disabledPersons + adultDependants > 0,
  };
}

function disabilityTerm(quarters: number, persons: number): string {
  return `${formatParts(quarters)} (${plural(persons, 'personne handicapée', 'personnes handicapées')})`;
}

function cnrsParts(
  rules: Extract<PartsInQuarters, { method: 'cnrs' }>,
  input: HouseholdInput,
  ages: readonly number[],
  booking: { kind: ActivityKind; registeredChildren: number; bookedChildren: number } | null,
  steps: StepSink,
): PartsCount {
  let counted = 0;
  let disabledChildren = 0;
  for (let index = 0; index < ages.length; index += 1) {
    // Stryker disable next-line OptionalChaining: every index of `ages` is a child of `input.children`
    const child = input.children[index];
    if (child?.fiscallyDependent === false) continue;
    const disabled = child?.disabled === true;
    if ((ages[index] ?? 0) < rules.childMaxAge || disabled) {
      counted += 1;
      if (disabled) disabledChildren += 1;
    }
  }
  const adults = input.disabledAdultDependants;
  const disabledPersons =
    (input.memberDisabled ? 1 : 0) +
    (input.couple && input.spouseDisabled ? 1 : 0) +
    disabledChildren +
    adults;
  const disability = disabledPersons * rules.disabilityBonus;
  const withDisability = disabledPersons > 0;
  const iso = rules.isolatedParent;
  const excluded = booking !== null && iso.excludedKinds.includes(booking.kind);
  const registered = booking !== null && !excluded ? booking.registeredChildren : 0;
  // A parent isolé: children, none of them on the member's tax notice (or some on this booking).
  const hasChildren = elsewhere(input) > 0 || (booking?.bookedChildren ?? 0) > 0;
  if (!input.couple && counted === 0 && hasChildren) {
    const base = registered > 0 ? iso.member + registered * iso.perChild : iso.alone;
    const quarters = base + adults * rules.perPerson + disability;
    if (steps) {
      const terms = [
        registered > 0
          ? `${formatParts(iso.member)} (parent isolé) + ${formatParts(registered * iso.perChild)} (${plural(registered, 'enfant inscrit', 'enfants inscrits')})`
          : `${formatParts(iso.alone)} (parent isolé participant seul)`,
      ];
      if (adults > 0)
        terms.push(
          `${formatParts(adults * rules.perPerson)} (${plural(adults, 'adulte rattaché', 'adultes rattachés')})`,
        );
      if (disability > 0) terms.push(disabilityTerm(disability, disabledPersons));
      steps.push(
        partsStep(terms, quarters, {
          couple: false,
          registeredChildren: registered,
          disabledPersons,
        }),
      );
      if (excluded)
        steps.push(
          note(
            'parts.isolatedParent',
            'Parent isolé',
            'la règle des enfants inscrits ne s’applique pas à ce type d’activité',
          ),
        );
    }
    return { quarters, childrenCounted: 0, withDisability };
  }
  const persons = 1 + (input.couple ? 1 : 0) + counted + adults;
  const alone = input.couple ? 0 : rules.livingAloneBonus;
  const quarters = persons * rules.perPerson + disability + alone;
  if (steps) {
    const terms = [
      `${formatParts(persons * rules.perPerson)} (${plural(persons, 'personne', 'personnes')} du foyer fiscal)`,
    ];
    if (disability > 0) terms.push(disabilityTerm(disability, disabledPersons));
    if (alone > 0) terms.push(`${formatParts(alone)} (vit sans conjoint)`);
    steps.push(
      partsStep(terms, quarters, {
        couple: input.couple,
        childrenCounted: counted,
        disabledPersons,
      }),
    );
  }
  return { quarters, childrenCounted: counted, withDisability };
}

/**
 * Parts and quotient familial of a household on a day (ages are judged on that day). For the
 * CNRS "parent isolé" rule, the booking's registered children change the parts. With
 * `explain` false only the numbers are computed (the steps stay empty).
 */
export function householdQuotient(
  pack: Pack,
  input: HouseholdInput,
  date: IsoDate,
  booking: IsolatedParentBooking | null = null,
  explain = true,
): HouseholdQuotient {
  const issues = new IssueList();
  const on = parseIsoDate(date, 'date', issues);
  const ages = checkHousehold(input, on, issues);
  const rules = need(pack, pack.parts, 'parts');
  const bookingDays =
    booking && rules.method === 'cnrs'
      ? {
          kind: booking.activityKind,
          childMaxAge: rules.isolatedParent.childMaxAge,
          first: parseIsoDate(booking.firstDay, 'booking.firstDay', issues),
          births: booking.registeredChildrenBirthDates.map((birth, index) =>
            parseIsoDate(birth, `booking.registeredChildrenBirthDates.${index}`, issues),
          ),
        }
      : null;
  issues.throwIfAny();
  // Every date was checked above: none of them is null any more.
  const bookingCount = bookingDays
    ? {
        kind: bookingDays.kind,
        bookedChildren: bookingDays.births.length,
        registeredChildren: bookingDays.births.filter(
          (birth) =>
            ageOn(birth as CalendarDay, bookingDays.first as CalendarDay) < bookingDays.childMaxAge,
        ).length,
      }
    : null;

  const steps: StepSink = explain ? [] : null;
  const count =
    rules.method === 'inserm'
      ? insermParts(rules, input, ages, steps)
      : cnrsParts(rules, input, ages, bookingCount, steps);
  const spouseIncome =
    rules.method === 'cnrs' && input.couple ? (input.spouseTaxIncomeEuros ?? 0) : 0;
  const incomeEuros = input.taxIncomeEuros + spouseIncome;
  const quotientCents = roundDiv(incomeEuros * 400, count.quarters, pack.rounding.mode);
  if (steps) {
    if (spouseIncome > 0) {
      const income = formatCents(incomeEuros * 100);
      steps.push(
        step(
          'income',
          'Revenu pris en compte',
          `${formatCents(input.taxIncomeEuros * 100)} + ${formatCents(spouseIncome * 100)} (conjoint)`,
          incomeEuros * 100,
          income,
          { memberIncomeCents: input.taxIncomeEuros * 100, spouseIncomeCents: spouseIncome * 100 },
        ),
      );
    }
    steps.push(
      step(
        'quotient',
        'Quotient familial',
        `${formatCents(incomeEuros * 100)} / ${formatParts(count.quarters)} parts`,
        quotientCents,
        formatCents(quotientCents),
        { incomeCents: incomeEuros * 100, parts: count.quarters / 4 },
      ),
    );
  }
  return {
    partsQuarters: count.quarters,
    parts: count.quarters / 4,
    incomeEuros,
    quotientCents,
    couple: input.couple,
    childrenCounted: count.childrenCounted,
    withDisability: count.withDisability,
    steps: steps ?? NO_STEPS,
  };
}
