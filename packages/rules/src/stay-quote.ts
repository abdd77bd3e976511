import {
  ageOn,
  daysBetween,
  parseIsoDate,
  yearOf,
  type CalendarDay,
  type IsoDate,
} from './dates.ts';
import { IssueList, RulesError } from './errors.ts';
import {
  ExplainedResult,
  formatIsoDate,
  formatCents,
  formatRate,
  note,
  plural,
  step,
  type Explained,
  type ExplanationStep,
} from './explanation.ts';
import { checkCents, roundDiv } from './money.ts';
import {
  need,
  type CompiledCapCategory,
  type CompiledFee,
  type GridId,
  type Pack,
} from './pack.ts';
import {
  activityKinds,
  relations,
  sectors,
  type ActivityKind,
  type Relation,
  type Sector,
} from './pack-schema.ts';
import { householdQuotient, type HouseholdInput } from './household.ts';
import { explainedGridRate, gridLabel, gridRate } from './rates.ts';
import { skiAid } from './ski-aid.ts';

export interface StayParticipant {
  readonly relation: Relation;
  readonly birthDate: IsoDate;
  readonly disabled: boolean;
}

export interface StayActivity {
  readonly sector: Sector;
  readonly kind: ActivityKind;
  /** The cap category of the pack (per-day or per-stay cap on the subsidised base), if any. */
  readonly capCategory: string | null;
  readonly firstDay: IsoDate;
  readonly lastDay: IsoDate;
  /** Price for this participant before subsidy (for a non ayant droit: the price they pay). */
  readonly priceCents: number;
  /** Transport organised by the provider, before subsidy; 0 when the family travels by its own means. */
  readonly transportCents: number;
  /** A winter stay in the mountains (for the ski aid). */
  readonly ski: boolean;
  /** Abroad (a fee may concern stays in France only). */
  readonly abroad?: boolean;
}

/** What the participant and the household already used in the calendar year of the stay. */
export interface YearUsage {
  readonly youthDays: number;
  readonly promoDays: number;
  readonly vacationDays: number;
  /** Subsidy already counted against the household's annual ceiling. */
  readonly ceilingCents: number;
  /** Calendar year of the participant's last ski aid, if any. */
  readonly lastSkiAidYear: number | null;
  /** Yearly fees (by id) already paid this year. */
  readonly yearlyFeesPaid: readonly string[];
}

export interface StayQuoteInput {
  readonly quotientCents: number;
  /** The household's annual ceiling (null: none applies). */
  readonly annualCeilingCents: number | null;
  readonly participant: StayParticipant;
  readonly activity: StayActivity;
  /** The day the request is sent (for a deposit when booking shortly before the start). */
  readonly requestDate: IsoDate;
  readonly used: YearUsage;
  readonly skiAidRequested: boolean;
}

export interface SubsidyLine {
  readonly item: 'stay' | 'transport';
  readonly grid: GridId;
  readonly rateBp: number;
  readonly days: number | null;
  readonly baseCents: number;
  readonly subsidyCents: number;
}

export interface QuoteReason {
  readonly code:
    | 'not_entitled'
    | 'youth_age'
    | 'minimum_duration'
    | 'day_allowance'
    | 'promo_allowance'
    | 'base_cap'
    | 'base_share'
    | 'annual_ceiling'
    | 'full_payment'
    | 'deposit_minimum'
    | 'ski_aid';
  readonly text: string;
}

export interface StayQuote extends Explained {
  readonly pack: string;
  readonly days: number;
  readonly nights: number;
  readonly priceCents: number;
  readonly transportCents: number;
  readonly lines: readonly SubsidyLine[];
  /** The grid and rate of the stay's first line (null when nothing is subsidised). */
  readonly grid: GridId | null;
  readonly rateBp: number | null;
  readonly baseCents: number;
  readonly subsidyBeforeCeilingCents: number;
  readonly subsidyCents: number;
  readonly leftToPayCents: number;
  readonly depositCents: number;
  readonly fees: readonly { readonly id: string; readonly label: string; readonly cents: number }[];
  readonly feesCents: number;
  readonly totalToPayCents: number;
  /** Ski aid paid after the return (never deducted from the balance), or null. */
  readonly skiAidCents: number | null;
  /** What this booking uses of the year's allowances and ceiling. */
  readonly usage: {
    readonly youthDays: number;
    readonly promoDays: number;
    readonly vacationDays: number;
    readonly ceilingCents: number;
  };
  readonly reasons: readonly QuoteReason[];
}

type QuoteFigures = Omit<StayQuote, 'explanation'>;

/** What one person of a booking already used this year (the household's ceiling is counted apart). */
export type ParticipantUsage = Omit<YearUsage, 'ceilingCents'>;

/** One person of a holiday booking: who they are, what they pay before subsidy, what they used. */
export interface BookingParticipant extends StayParticipant {
  /** How the explanation names them (a first name). */
  readonly name: string;
  /** Their price before subsidy (tarif extérieur for a non ayant droit), share of a lodging included. */
  readonly priceCents: number;
  readonly transportCents: number;
  readonly used: ParticipantUsage;
  readonly skiAidRequested: boolean;
}

export type BookingActivity = Omit<StayActivity, 'priceCents' | 'transportCents'>;

export interface BookingQuoteInput {
  /** The household's quotient, used when `household` is null. */
  readonly quotientCents: number;
  /** The household and the day its ages are judged: the booking's own parts (parent isolé) decide the quotient. */
  readonly household: { readonly input: HouseholdInput; readonly on: IsoDate } | null;
  readonly annualCeilingCents: number | null;
  /** Subsidy already counted against the household's annual ceiling this year. */
  readonly ceilingUsedCents: number;
  readonly activity: BookingActivity;
  readonly participants: readonly BookingParticipant[];
  readonly requestDate: IsoDate;
}

/** One person's line of a booking: their grid, base, subsidy and what is left for them. */
export interface ParticipantQuote {
  readonly name: string;
  readonly relation: Relation;
  /** Age on the first day of the stay. */
  readonly age: number;
  readonly priceCents: number;
  readonly transportCents: number;
  readonly lines: readonly SubsidyLine[];
  readonly grid: GridId | null;
  readonly rateBp: number | null;
  readonly baseCents: number;
  readonly subsidyBeforeCeilingCents: number;
  readonly subsidyCents: number;
  readonly leftToPayCents: number;
  readonly skiAidCents: number | null;
  readonly usage: StayQuote['usage'];
  readonly reasons: readonly QuoteReason[];
}

export interface BookingFee {
  readonly id: string;
  readonly label: string;
  readonly cents: number;
  /** The participant (index) a per-person fee is for; null for the booking's own fee. */
  readonly participant: number | null;
}

export interface BookingQuote extends Explained {
  readonly pack: string;
  readonly days: number;
  readonly nights: number;
  /** The booking's parts and quotient (null parts: the household's quotient was given). */
  readonly parts: number | null;
  readonly quotientCents: number;
  readonly participants: readonly ParticipantQuote[];
  readonly priceCents: number;
  readonly transportCents: number;
  readonly subsidyBeforeCeilingCents: number;
  readonly subsidyCents: number;
  readonly leftToPayCents: number;
  /** The arrhes or deposit asked with the request (all of it when booked shortly before). */
  readonly depositCents: number;
  readonly depositLabel: string;
  readonly fees: readonly BookingFee[];
  readonly feesCents: number;
  readonly totalToPayCents: number;
  readonly skiAidCents: number | null;
  readonly usage: StayQuote['usage'];
  /** The booking's own reasons (deposit); each participant has theirs. */
  readonly reasons: readonly QuoteReason[];
}

type BookingFigures = Omit<BookingQuote, 'explanation'>;

function checkCount(value: unknown, path: string, issues: IssueList): void {
  // Stryker disable next-line ConditionalExpression: Number.isInteger is false for anything but a number already
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100_000)
    issues.add(path, 'nombre entier positif attendu');
}

/** Where each figure of the input sits, for the issues (a single quote's paths, or a booking's). */
interface InputPaths {
  readonly participant: (index: number) => string;
  readonly price: (index: number) => string;
  readonly used: (index: number) => string;
  readonly ceilingUsed: string;
}

const STAY_PATHS: InputPaths = {
  participant: () => 'participant',
  price: () => 'activity',
  used: () => 'used',
  ceilingUsed: 'used.ceilingCents',
};

const BOOKING_PATHS: InputPaths = {
  participant: (index) => `participants.${index}`,
  price: (index) => `participants.${index}`,
  used: (index) => `participants.${index}.used`,
  ceilingUsed: 'ceilingUsedCents',
};

interface CheckedDays {
  readonly first: CalendarDay;
  readonly births: readonly CalendarDay[];
  readonly request: CalendarDay;
  readonly days: number;
}

function checkInput(pack: Pack, input: BookingQuoteInput, paths: InputPaths): CheckedDays {
  const issues = new IssueList();
  const { activity } = input;
  checkCents(input.quotientCents, 'quotientCents', issues);
  if (input.annualCeilingCents !== null)
    checkCents(input.annualCeilingCents, 'annualCeilingCents', issues);
  checkCents(input.ceilingUsedCents, paths.ceilingUsed, issues);
  if (!sectors.includes(activity.sector))
    issues.add('activity.sector', `secteur inconnu : ${activity.sector}`);
  if (!activityKinds.includes(activity.kind))
    issues.add('activity.kind', `type d’activité inconnu : ${activity.kind}`);
  if (
    activity.capCategory !== null &&
    !need(pack, pack.capCategories, 'capCategories').has(activity.capCategory)
  ) {
    issues.add('activity.capCategory', `catégorie de plafond inconnue : ${activity.capCategory}`);
  }
  const first = parseIsoDate(activity.firstDay, 'activity.firstDay', issues);
  const last = parseIsoDate(activity.lastDay, 'activity.lastDay', issues);
  const request = parseIsoDate(input.requestDate, 'requestDate', issues);
  if (input.participants.length === 0) issues.add('participants', 'au moins un participant');
  if (input.participants.length > 30) issues.add('participants', '30 participants au plus');
  const births = input.participants.map((participant, index) => {
    const who = paths.participant(index);
    if (!relations.includes(participant.relation))
      issues.add(`${who}.relation`, `lien inconnu : ${participant.relation}`);
    checkCents(participant.priceCents, `${paths.price(index)}.priceCents`, issues);
    checkCents(participant.transportCents, `${paths.price(index)}.transportCents`, issues);
    const used = paths.used(index);
    checkCount(participant.used.youthDays, `${used}.youthDays`, issues);
    checkCount(participant.used.promoDays, `${used}.promoDays`, issues);
    checkCount(participant.used.vacationDays, `${used}.vacationDays`, issues);
    const birth = parseIsoDate(participant.birthDate, `${who}.birthDate`, issues);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a faulty date is already an issue, thrown below before any figure is used
    if (birth !== null && first !== null && ageOn(birth, first) < 0)
      issues.add(`${who}.birthDate`, 'la date de naissance est postérieure au début du séjour');
    return birth;
  });
  // Stryker disable ConditionalExpression,LogicalOperator: a faulty date is already an issue, thrown below before any figure is used
  const days = first !== null && last !== null ? daysBetween(first, last) + 1 : 0;
  if (first !== null && last !== null && days < 1)
    issues.add('activity.lastDay', 'le dernier jour précède le premier jour');
  if (days > 366) issues.add('activity.lastDay', 'un séjour dure au plus un an');
  issues.throwIfAny();
  // Stryker disable next-line all: unreachable once the issues are thrown; it narrows the types
  if (first === null || request === null || births.some((birth) => birth === null))
    // Stryker disable next-line all: unreachable once the issues are thrown
    throw new RulesError('invalid_input', 'dates invalides');
  // Stryker restore ConditionalExpression,LogicalOperator
  return { first, births: births as CalendarDay[], request, days };
}

/** The cap on the subsidised base for `days` days: sum of the day tiers, or the per-stay cap. */
function capFor(cap: CompiledCapCategory, days: number): number | null {
  let total: number | null = null;
  if (cap.perDay) {
    total = 0;
    cap.perDay.forEach((tier, index) => {
      // Stryker disable next-line OptionalChaining: inside the loop over cap.perDay, it is defined
      const nextFrom = cap.perDay?.[index + 1]?.fromDay ?? Number.MAX_SAFE_INTEGER;
      const tierDays = Math.max(0, Math.min(days, nextFrom - 1) - tier.fromDay + 1);
      total = (total ?? 0) + tierDays * tier.cents;
    });
  }
  if (cap.perStayCents !== null)
    total = total === null ? cap.perStayCents : Math.min(total, cap.perStayCents);
  return total;
}

function capText(cap: CompiledCapCategory, days: number): string {
  const parts: string[] = [];
  cap.perDay?.forEach((tier, index) => {
    // Stryker disable next-line OptionalChaining: inside the loop over cap.perDay, it is defined
    const nextFrom = cap.perDay?.[index + 1]?.fromDay ?? Number.MAX_SAFE_INTEGER;
    const tierDays = Math.max(0, Math.min(days, nextFrom - 1) - tier.fromDay + 1);
    if (tierDays > 0) parts.push(`${tierDays} × ${formatCents(tier.cents)}`);
  });
  if (cap.perStayCents !== null) parts.push(`${formatCents(cap.perStayCents)} par séjour`);
  return parts.join(' + ');
}

function chooseGrid(pack: Pack, activity: BookingActivity, age: number, disabled: boolean): GridId {
  const rules = need(pack, pack.gridRules, 'gridRules');
  const rule = rules.find(
    (candidate) =>
      (!candidate.sectors || candidate.sectors.includes(activity.sector)) &&
      (!candidate.kinds || candidate.kinds.includes(activity.kind)) &&
      (candidate.participantUnderAge === undefined || age < candidate.participantUnderAge) &&
      (candidate.participantDisabled === undefined || candidate.participantDisabled === disabled),
  );
  if (!rule)
    throw new RulesError(
      'missing_parameter',
      `Le barème ${pack.id} n'a pas de grille pour ce séjour.`,
      [{ path: 'gridRules', message: 'aucune règle ne s’applique' }],
    );
  return rule.grid;
}

/** Whether a fee applies to the booking (relation null) or to one person of it. */
function feeApplies(
  fee: CompiledFee,
  activity: BookingActivity,
  relation: Relation | null,
): boolean {
  return fee.when.some(
    (clause) =>
      (!clause.sectors || clause.sectors.includes(activity.sector)) &&
      (!clause.kinds || clause.kinds.includes(activity.kind)) &&
      (clause.abroad === undefined || clause.abroad === (activity.abroad ?? false)) &&
      (!clause.relations || (relation !== null && clause.relations.includes(relation))),
  );
}

function subsidyLine(
  pack: Pack,
  quotientCents: number,
  item: SubsidyLine['item'],
  grid: GridId,
  days: number | null,
  baseCents: number,
  steps: ExplanationStep[] | null,
): SubsidyLine {
  const rate = steps ? explainedGridRate(pack, grid, quotientCents) : null;
  const rateBp = rate ? rate.rateBp : gridRate(pack, grid, quotientCents);
  const step_ = pack.rounding.moneyStepCents;
  const subsidyCents = roundDiv(baseCents * rateBp, 10_000 * step_, pack.rounding.mode) * step_;
  // Stryker disable next-line LogicalOperator: `rate` is computed exactly when `steps` is given
  if (steps && rate) {
    if (!steps.some((known) => known.step === rate.step.step)) steps.push(rate.step);
    const what =
      item === 'stay'
        ? `Subvention du séjour (${rate.step.what.toLowerCase()})`
        : 'Subvention du transport';
    steps.push(
      step(
        `subsidy.${item}`,
        what,
        `${formatCents(baseCents)} × ${formatRate(rateBp)}`,
        subsidyCents,
        formatCents(subsidyCents),
        { baseCents, rateBp },
      ),
    );
  }
  return { item, grid, rateBp, days, baseCents, subsidyCents };
}

/** Why this participant gets no subsidy for this stay, or null when they may get one. */
function refusal(
  pack: Pack,
  participant: StayParticipant,
  activity: BookingActivity,
  age: number,
  days: number,
): QuoteReason | null {
  const restricted = pack.restrictedRelations[participant.relation];
  if (restricted && !restricted.subsidised) {
    return { code: 'not_entitled', text: 'participant non ayant droit : prix sans subvention' };
  }
  if (participant.relation === 'child') {
    const maxAge = need(pack, pack.parts, 'parts').childMaxAge;
    if (age >= maxAge && !participant.disabled)
      return {
        code: 'not_entitled',
        text: `enfant de ${maxAge} ans ou plus : n’est plus ayant droit`,
      };
  }
  // Stryker disable next-line OptionalChaining: validated packs name every sector
  const sectorMaxAge = pack.data.sectors?.[activity.sector]?.participantMaxAge;
  // Stryker disable next-line ConditionalExpression: a comparison with undefined is false anyway
  if (sectorMaxAge !== undefined && age >= sectorMaxAge) {
    return {
      code: 'youth_age',
      text: `secteur ${activity.sector} : jusqu’à la veille des ${sectorMaxAge} ans, jugé au premier jour`,
    };
  }
  const nights = days - 1;
  // Stryker disable next-line ConditionalExpression: a comparison with an absent minimum (null) is false anyway
  if (pack.data.minimumNights !== undefined && nights < pack.data.minimumNights) {
    return {
      code: 'minimum_duration',
      text: `subvention à partir de ${plural(pack.data.minimumNights, 'nuitée')}`,
    };
  }
  // Stryker disable next-line ConditionalExpression,OptionalChaining: a map has no null key; the category was checked to exist
  const cap = activity.capCategory === null ? null : pack.capCategories?.get(activity.capCategory);
  // Stryker disable next-line ConditionalExpression: a comparison with an absent minimum is false anyway
  if (cap?.minDays !== null && cap?.minDays !== undefined && days < cap.minDays) {
    return {
      code: 'minimum_duration',
      text: `${cap.label} : au moins ${plural(cap.minDays, 'jour')} consécutifs`,
    };
  }
  // Stryker disable next-line ConditionalExpression: a comparison with an absent minimum is false anyway
  if (cap?.minNights !== null && cap?.minNights !== undefined && nights < cap.minNights) {
    return {
      code: 'minimum_duration',
      text: `${cap.label} : au moins ${plural(cap.minNights, 'nuit')} consécutives`,
    };
  }
  return null;
}

/** What the household's ceiling looks like when a participant's line is computed. */
interface CeilingState {
  readonly annualCents: number | null;
  /** Counted already: earlier bookings and the booking's earlier participants. */
  readonly usedCents: number;
}

/** A participant's line, and the ski aid's steps and reasons (shown after the booking's deposit). */
interface ComputedParticipant {
  readonly quote: ParticipantQuote;
  readonly skiSteps: readonly ExplanationStep[];
  readonly skiReasons: readonly QuoteReason[];
}

function participantQuote(
  pack: Pack,
  quotientCents: number,
  ceiling: CeilingState,
  activity: BookingActivity,
  participant: BookingParticipant,
  checked: { readonly first: CalendarDay; readonly birth: CalendarDay; readonly days: number },
  steps: ExplanationStep[] | null,
): ComputedParticipant {
  const { first, birth, days } = checked;
  const used = participant.used;
  const restricted = pack.restrictedRelations[participant.relation];
  if (restricted?.kinds && !restricted.kinds.includes(activity.kind)) {
    throw new RulesError(
      'not_allowed',
      `Ce participant ne peut réserver que : ${restricted.kinds.join(', ')}.`,
      [{ path: 'activity.kind', message: 'type d’activité non ouvert à ce participant' }],
    );
  }
  const age = ageOn(birth, first);
  const reasons: QuoteReason[] = [];
  steps?.push(
    step(
      'days',
      'Durée',
      `du ${formatIsoDate(activity.firstDay)} au ${formatIsoDate(activity.lastDay)}`,
      days,
      plural(days, 'jour'),
    ),
  );
  const lines: SubsidyLine[] = [];
  let promoDays = 0;
  let subsidisedDays = 0;
  let baseTotal = 0;

  const refused = refusal(pack, participant, activity, age, days);
  if (refused) {
    reasons.push(refused);
    steps?.push(note('subsidy', 'Pas de subvention', refused.text));
  } else {
    const grid = chooseGrid(pack, activity, age, participant.disabled);
    // Stryker disable next-line OptionalChaining: validated packs name every sector
    const allowance = pack.data.sectors?.[activity.sector]?.daysPerYear;
    const usedDays =
      activity.sector === 'jeunesse'
        ? used.youthDays
        : // Stryker disable next-line ConditionalExpression: only the youth and holiday sectors have an allowance
          activity.sector === 'vacances'
          ? used.vacationDays
          : 0;
    subsidisedDays =
      allowance === undefined ? days : Math.min(days, Math.max(0, allowance - usedDays));
    // Stryker disable next-line ConditionalExpression: fewer days than the stay's only happen under an allowance
    if (allowance !== undefined && subsidisedDays < days) {
      const text = `${plural(allowance, 'jour subventionné', 'jours subventionnés')} par an, ${plural(usedDays, 'déjà utilisé')} : ${plural(subsidisedDays, 'jour')} subventionné${subsidisedDays > 1 ? 's' : ''} sur ${days}`;
      reasons.push({ code: 'day_allowance', text });
      steps?.push(note('allowance', 'Jours subventionnés', text));
    }
    if (subsidisedDays > 0) {
      let base =
        // Stryker disable next-line ConditionalExpression: price × days / days is the price, exactly
        subsidisedDays === days
          ? participant.priceCents
          : roundDiv(participant.priceCents * subsidisedDays, days, pack.rounding.mode);
      const cap =
        // Stryker disable next-line ConditionalExpression: a map has no null key
        activity.capCategory === null
          ? null
          : // Stryker disable next-line OptionalChaining: the category was checked to exist
            (pack.capCategories?.get(activity.capCategory) ?? null);
      if (cap?.baseShareBp !== null && cap?.baseShareBp !== undefined) {
        const shared = roundDiv(base * cap.baseShareBp, 10_000, pack.rounding.mode);
        reasons.push({
          code: 'base_share',
          text: `${cap.label} : base de ${formatRate(cap.baseShareBp)} du prix`,
        });
        steps?.push(
          step(
            'base.share',
            'Part du prix subventionnable',
            `${formatRate(cap.baseShareBp)} × ${formatCents(base)}`,
            shared,
            formatCents(shared),
          ),
        );
        base = shared;
      }
      const capCents = cap ? capFor(cap, subsidisedDays) : null;
      // Stryker disable next-line LogicalOperator,ConditionalExpression: a category always has a daily or a per-stay cap
      if (cap && capCents !== null && capCents < base) {
        reasons.push({
          code: 'base_cap',
          text: `${cap.label} : base plafonnée à ${formatCents(capCents)} (${capText(cap, subsidisedDays)})`,
        });
        steps?.push(
          step(
            'base.cap',
            'Base plafonnée',
            `min(${formatCents(base)} ; ${capText(cap, subsidisedDays)})`,
            capCents,
            formatCents(capCents),
            { baseCents: base, days: subsidisedDays },
          ),
        );
        base = capCents;
      } else {
        steps?.push(
          step(
            'base',
            'Base subventionnable',
            cap && capCents !== null
              ? `min(${formatCents(base)} ; plafond ${formatCents(capCents)})`
              : 'prix du séjour',
            base,
            formatCents(base),
          ),
        );
      }
      baseTotal = base;
      const promo = pack.data.promo;
      const promoApplies = promo !== undefined && activity.kind === 'promo';
      if (promoApplies) {
        promoDays = Math.min(subsidisedDays, Math.max(0, promo.daysPerYear - used.promoDays));
      }
      const overflowDays = promoApplies ? subsidisedDays - promoDays : 0;
      const mainBase =
        overflowDays > 0 ? roundDiv(base * promoDays, subsidisedDays, pack.rounding.mode) : base;
      if (!promoApplies || promoDays > 0)
        lines.push(
          subsidyLine(
            pack,
            quotientCents,
            'stay',
            grid,
            promoApplies ? promoDays : subsidisedDays,
            mainBase,
            steps,
          ),
        );
      if (promo && overflowDays > 0) {
        const text = `au plus ${plural(promo.daysPerYear, 'jour')} PROMO par an : ${plural(overflowDays, 'jour')} au ${gridLabel(pack, promo.overflowGrid).toLowerCase()}`;
        reasons.push({ code: 'promo_allowance', text });
        steps?.push(note('promo', 'Jours PROMO', text));
        lines.push(
          subsidyLine(
            pack,
            quotientCents,
            'stay',
            promo.overflowGrid,
            overflowDays,
            base - mainBase,
            steps,
          ),
        );
      }
      if (participant.transportCents > 0) {
        baseTotal += participant.transportCents;
        lines.push(
          subsidyLine(
            pack,
            quotientCents,
            'transport',
            grid,
            null,
            participant.transportCents,
            steps,
          ),
        );
      }
    }
  }

  const subsidyBeforeCeiling = lines.reduce((sum, line) => sum + line.subsidyCents, 0);
  const exempt = pack.annualCeiling?.exemptSectors.includes(activity.sector) ?? true;
  let subsidy = subsidyBeforeCeiling;
  // Stryker disable next-line EqualityOperator: a zero subsidy is never above what is left
  if (!exempt && ceiling.annualCents !== null && subsidyBeforeCeiling > 0) {
    const left = Math.max(0, ceiling.annualCents - ceiling.usedCents);
    if (subsidy > left) {
      subsidy = left;
      const text = `plafond annuel de ${formatCents(ceiling.annualCents)}, ${formatCents(ceiling.usedCents)} déjà utilisés : subvention limitée à ${formatCents(left)}`;
      reasons.push({ code: 'annual_ceiling', text });
      steps?.push(
        step(
          'annualCeiling',
          'Plafond annuel',
          `min(${formatCents(subsidyBeforeCeiling)} ; ${formatCents(ceiling.annualCents)} − ${formatCents(ceiling.usedCents)})`,
          left,
          formatCents(left),
          {
            subsidyCents: subsidyBeforeCeiling,
            annualCeilingCents: ceiling.annualCents,
            usedCents: ceiling.usedCents,
          },
        ),
      );
    }
  }
  const ceilingUsed = exempt || ceiling.annualCents === null ? 0 : subsidy;
  const total = participant.priceCents + participant.transportCents;
  const leftToPay = total - subsidy;
  steps?.push(
    step(
      'leftToPay',
      'Reste à payer',
      `${formatCents(total)} − ${formatCents(subsidy)}`,
      leftToPay,
      formatCents(leftToPay),
      {
        priceCents: participant.priceCents,
        transportCents: participant.transportCents,
        subsidyCents: subsidy,
      },
    ),
  );

  const skiSteps: ExplanationStep[] = [];
  const skiReasons: QuoteReason[] = [];
  let skiAidCents: number | null = null;
  if (participant.skiAidRequested) {
    const aid = need(pack, pack.skiAid, 'skiAid');
    const year = yearOf(first);
    const why = !activity.ski
      ? 'séjour sans ski'
      : !aid.sectors.includes(activity.sector) || !aid.kinds.includes(activity.kind)
        ? 'réservée aux séjours du CAES'
        : refused
          ? 'participant non subventionné'
          : // Stryker disable next-line ConditionalExpression: without a last aid, year − null is the year, never under the interval
            used.lastSkiAidYear !== null && year - used.lastSkiAidYear < aid.everyYears
            ? `attribuée une fois tous les ${aid.everyYears} ans (dernière en ${used.lastSkiAidYear})`
            : null;
    if (why) {
      skiReasons.push({ code: 'ski_aid', text: `aide au ski non attribuée : ${why}` });
      skiSteps.push(note('skiAid', 'Aide au ski', `non attribuée (${why})`));
    } else {
      // Stryker disable next-line ConditionalExpression: explaining changes no figure
      const computed = skiAid(pack, quotientCents, steps !== null);
      skiAidCents = computed.cents;
      if (computed.reason)
        skiReasons.push({
          code: 'ski_aid',
          text: `aide au ski non attribuée : ${computed.reason}`,
        });
      if (computed.step) skiSteps.push(computed.step);
    }
  }

  const firstLine = lines[0];
  return {
    quote: {
      name: participant.name,
      relation: participant.relation,
      age,
      priceCents: participant.priceCents,
      transportCents: participant.transportCents,
      lines,
      grid: firstLine?.grid ?? null,
      rateBp: firstLine?.rateBp ?? null,
      baseCents: baseTotal,
      subsidyBeforeCeilingCents: subsidyBeforeCeiling,
      subsidyCents: subsidy,
      leftToPayCents: leftToPay,
      skiAidCents,
      usage: {
        youthDays: activity.sector === 'jeunesse' ? subsidisedDays : 0,
        promoDays,
        vacationDays: activity.sector === 'vacances' ? subsidisedDays : 0,
        ceilingCents: ceilingUsed,
      },
      reasons: [...reasons, ...skiReasons],
    },
    skiSteps,
    skiReasons,
  };
}

/** The arrhes or deposit on what is left to pay: all of it when the request comes late. */
function depositOf(
  pack: Pack,
  leftToPay: number,
  daysBefore: number,
  reasons: QuoteReason[],
  steps: ExplanationStep[] | null,
): number {
  const deposit = need(pack, pack.deposit, 'deposit');
  if (deposit.fullPaymentWithinDays !== null && daysBefore < deposit.fullPaymentWithinDays) {
    const text = `demande moins de ${deposit.fullPaymentWithinDays} jours avant le début : tout est réglé à la demande`;
    reasons.push({ code: 'full_payment', text });
    steps?.push(
      step('deposit', deposit.label, text, leftToPay, formatCents(leftToPay), {
        leftToPayCents: leftToPay,
        daysBeforeStart: daysBefore,
      }),
    );
    return leftToPay;
  }
  const cents = arrhesOf(pack, leftToPay);
  if (cents.share < deposit.minCents && leftToPay > 0)
    reasons.push({
      code: 'deposit_minimum',
      text: `${deposit.label.toLowerCase()} : minimum de ${formatCents(deposit.minCents)}`,
    });
  steps?.push(
    step(
      'deposit',
      deposit.label,
      `${formatRate(deposit.shareBp)} × ${formatCents(leftToPay)}${deposit.minCents > 0 ? `, au moins ${formatCents(deposit.minCents)}` : ''}`,
      cents.deposit,
      formatCents(cents.deposit),
      { leftToPayCents: leftToPay, shareBp: deposit.shareBp, minimumCents: deposit.minCents },
    ),
  );
  return cents.deposit;
}

/**
 * The arrhes rule alone (SPEC §6): its share of what is left to pay, at least its minimum, never
 * more than what is left — also what a cancellation "keeps the arrhes" means.
 */
export function arrhesOf(pack: Pack, leftToPayCents: number): { share: number; deposit: number } {
  const deposit = need(pack, pack.deposit, 'deposit');
  const step_ = pack.rounding.moneyStepCents;
  const share =
    roundDiv(leftToPayCents * deposit.shareBp, 10_000 * step_, pack.rounding.mode) * step_;
  return { share, deposit: Math.min(leftToPayCents, Math.max(share, deposit.minCents)) };
}

/** The booking's fees: its own once, a per-person fee (a relation named) for each person it concerns. */
function bookingFees(
  pack: Pack,
  activity: BookingActivity,
  participants: readonly BookingParticipant[],
): BookingFee[] {
  const fees: BookingFee[] = [];
  for (const fee of pack.fees ?? []) {
    const perPerson = fee.when.some((clause) => clause.relations !== undefined);
    if (!perPerson) {
      const paid = fee.yearly && participants.some((p) => p.used.yearlyFeesPaid.includes(fee.id));
      if (feeApplies(fee, activity, null) && !paid)
        fees.push({ id: fee.id, label: fee.label, cents: fee.cents, participant: null });
      continue;
    }
    participants.forEach((p, index) => {
      if (
        feeApplies(fee, activity, p.relation) &&
        !(fee.yearly && p.used.yearlyFeesPaid.includes(fee.id))
      )
        fees.push({
          id: fee.id,
          label: participants.length > 1 ? `${fee.label} — ${p.name}` : fee.label,
          cents: fee.cents,
          participant: index,
        });
    });
  }
  return fees;
}

const RELATION_LABELS: Record<Relation, string> = {
  member: 'ouvrant droit',
  spouse: 'conjoint',
  child: 'enfant',
  disabledAdultDependant: 'adulte handicapé à charge',
  directRelative: 'filiation directe, prix base TD sans subvention',
  widowNonEntitled: 'veuf ou veuve non ayant droit, prix base TD sans subvention',
  nonEntitled: 'non ayant droit, tarif extérieur sans subvention',
};

function computeBooking(
  pack: Pack,
  input: BookingQuoteInput,
  paths: InputPaths,
  steps: ExplanationStep[] | null,
): BookingFigures {
  const { first, births, request, days } = checkInput(pack, input, paths);
  const { activity, participants } = input;
  let parts: number | null = null;
  let quotientCents = input.quotientCents;
  if (input.household) {
    const household = householdQuotient(
      pack,
      input.household.input,
      input.household.on,
      {
        activityKind: activity.kind,
        firstDay: activity.firstDay,
        registeredChildrenBirthDates: participants
          .filter((p) => p.relation === 'child')
          .map((p) => p.birthDate),
      },
      steps !== null,
    );
    parts = household.parts;
    quotientCents = household.quotientCents;
    steps?.push(...household.steps);
  }
  const several = participants.length > 1;
  const quotes: ParticipantQuote[] = [];
  const skiSteps: ExplanationStep[] = [];
  const skiReasons: QuoteReason[] = [];
  let ceilingUsed = input.ceilingUsedCents;
  participants.forEach((participant, index) => {
    const own: ExplanationStep[] | null = steps ? [] : null;
    const computed = participantQuote(
      pack,
      quotientCents,
      { annualCents: input.annualCeilingCents, usedCents: ceilingUsed },
      activity,
      participant,
      { first, birth: births[index] as CalendarDay, days },
      own,
    );
    ceilingUsed += computed.quote.usage.ceilingCents;
    quotes.push(computed.quote);
    if (!steps || !own) {
      skiReasons.push(...computed.skiReasons);
      return;
    }
    if (several) {
      const id = `p${index + 1}`;
      steps.push(
        note(
          id,
          participant.name,
          `${RELATION_LABELS[participant.relation]}, ${plural(computed.quote.age, 'an')}`,
        ),
      );
      for (const s of [...own, ...computed.skiSteps]) steps.push({ ...s, step: `${id}.${s.step}` });
    } else {
      steps.push(...own);
      skiSteps.push(...computed.skiSteps);
    }
    skiReasons.push(...computed.skiReasons);
  });
  const sum = (pick: (q: ParticipantQuote) => number): number =>
    quotes.reduce((total, q) => total + pick(q), 0);
  const priceCents = sum((q) => q.priceCents);
  const transportCents = sum((q) => q.transportCents);
  const subsidyCents = sum((q) => q.subsidyCents);
  const leftToPay = sum((q) => q.leftToPayCents);
  if (several)
    steps?.push(
      step(
        'total',
        'Reste à payer pour la réservation',
        quotes.map((q) => formatCents(q.leftToPayCents)).join(' + '),
        leftToPay,
        formatCents(leftToPay),
      ),
    );
  const reasons: QuoteReason[] = [];
  const depositCents = depositOf(pack, leftToPay, daysBetween(request, first), reasons, steps);
  const fees = bookingFees(pack, activity, participants);
  for (const fee of fees)
    steps?.push(step(`fee.${fee.id}`, fee.label, '', fee.cents, formatCents(fee.cents)));
  steps?.push(...skiSteps);
  const feesCents = fees.reduce((total, fee) => total + fee.cents, 0);
  const skiAids = quotes.filter((q) => q.skiAidCents !== null);
  return {
    pack: pack.id,
    days,
    nights: days - 1,
    parts,
    quotientCents,
    participants: quotes,
    priceCents,
    transportCents,
    subsidyBeforeCeilingCents: sum((q) => q.subsidyBeforeCeilingCents),
    subsidyCents,
    leftToPayCents: leftToPay,
    depositCents,
    depositLabel: need(pack, pack.deposit, 'deposit').label,
    fees,
    feesCents,
    totalToPayCents: leftToPay + feesCents,
    skiAidCents: skiAids.length > 0 ? sum((q) => q.skiAidCents ?? 0) : null,
    usage: {
      youthDays: sum((q) => q.usage.youthDays),
      promoDays: sum((q) => q.usage.promoDays),
      vacationDays: sum((q) => q.usage.vacationDays),
      ceilingCents: sum((q) => q.usage.ceilingCents),
    },
    reasons: several ? reasons : [...reasons, ...skiReasons],
  };
}

/** The single participant's figures as a stay quote (the booking's deposit and fees). */
function stayFigures(booking: BookingFigures): QuoteFigures {
  const [only] = booking.participants;
  // Stryker disable next-line all: a stay quote always has its one participant (checked)
  if (!only) throw new RulesError('invalid_input', 'participant manquant');
  const own = only.reasons.filter((r) => r.code !== 'ski_aid');
  return {
    pack: booking.pack,
    days: booking.days,
    nights: booking.nights,
    priceCents: only.priceCents,
    transportCents: only.transportCents,
    lines: only.lines,
    grid: only.grid,
    rateBp: only.rateBp,
    baseCents: only.baseCents,
    subsidyBeforeCeilingCents: only.subsidyBeforeCeilingCents,
    subsidyCents: only.subsidyCents,
    leftToPayCents: only.leftToPayCents,
    depositCents: booking.depositCents,
    fees: booking.fees.map((fee) => ({ id: fee.id, label: fee.label, cents: fee.cents })),
    feesCents: booking.feesCents,
    totalToPayCents: booking.totalToPayCents,
    skiAidCents: only.skiAidCents,
    usage: only.usage,
    reasons: [...own, ...booking.reasons],
  };
}

const bookingOfStay = (input: StayQuoteInput): BookingQuoteInput => ({
  quotientCents: input.quotientCents,
  household: null,
  annualCeilingCents: input.annualCeilingCents,
  ceilingUsedCents: input.used.ceilingCents,
  activity: input.activity,
  participants: [
    {
      ...input.participant,
      name: 'participant',
      priceCents: input.activity.priceCents,
      transportCents: input.activity.transportCents,
      used: input.used,
      skiAidRequested: input.skiAidRequested,
    },
  ],
  requestDate: input.requestDate,
});

class Quote extends ExplainedResult {
  readonly #pack: Pack;
  readonly #input: BookingQuoteInput;

  constructor(pack: Pack, input: StayQuoteInput) {
    super();
    this.#pack = pack;
    this.#input = bookingOfStay(input);
    Object.assign(this, stayFigures(computeBooking(pack, this.#input, STAY_PATHS, null)));
  }

  protected explain(): readonly ExplanationStep[] {
    const steps: ExplanationStep[] = [];
    computeBooking(this.#pack, this.#input, STAY_PATHS, steps);
    return steps;
  }
}

/**
 * The quote of a stay for one participant: grid, rate, subsidised base, subsidy, amount left to
 * pay, deposit and fees, with every cap and allowance applied and explained.
 */
export function quoteStay(pack: Pack, input: StayQuoteInput): StayQuote {
  return new Quote(pack, input) as Quote & QuoteFigures;
}

class Booking extends ExplainedResult {
  readonly #pack: Pack;
  readonly #input: BookingQuoteInput;

  constructor(pack: Pack, input: BookingQuoteInput) {
    super();
    this.#pack = pack;
    this.#input = input;
    Object.assign(this, computeBooking(pack, input, BOOKING_PATHS, null));
  }

  protected explain(): readonly ExplanationStep[] {
    const steps: ExplanationStep[] = [];
    computeBooking(this.#pack, this.#input, BOOKING_PATHS, steps);
    return steps;
  }
}

/**
 * The quote of a holiday booking for several people (SPEC §6): the booking's parts (parent
 * isolé), each person's line by their status and age, and the booking's sums, arrhes and fees.
 */
export function quoteBooking(pack: Pack, input: BookingQuoteInput): BookingQuote {
  return new Booking(pack, input) as Booking & BookingFigures;
}
