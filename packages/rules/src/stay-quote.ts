import { ageOn, daysBetween, parseIsoDate, type CalendarDay, type IsoDate } from './dates.ts';
import { IssueList, RulesError } from './errors.ts';
import {
  ExplainedResult,
  formatCents,
  formatRate,
  note,
  plural,
  step,
  type Explained,
  type ExplanationStep,
} from './explanation.ts';
import { householdQuotient, type HouseholdInput } from './household.ts';
import { checkCents, roundDiv } from './money.ts';
import { need, type CompiledFee, type Pack } from './pack.ts';
import { activityKinds, relations, sectors, type Relation } from './pack-schema.ts';
import {
  participantQuote,
  type BookingActivity,
  type BookingParticipant,
  type ParticipantQuote,
  type QuoteReason,
  type QuoteUsage,
  type StayActivity,
  type StayParticipant,
  type YearUsage,
} from './participant-quote.ts';

export * from './participant-quote.ts';

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

/** What a quote of the whole stay or booking has, whoever it is for. */
interface QuoteTotals {
  readonly pack: string;
  readonly days: number;
  readonly nights: number;
  readonly priceCents: number;
  readonly transportCents: number;
  readonly subsidyBeforeCeilingCents: number;
  readonly subsidyCents: number;
  readonly leftToPayCents: number;
  /** The arrhes or deposit asked with the request (all of it when booked shortly before). */
  readonly depositCents: number;
  readonly feesCents: number;
  readonly totalToPayCents: number;
  /** Ski aid paid after the return (never deducted from the balance), or null. */
  readonly skiAidCents: number | null;
  /** What this booking uses of the year's allowances and ceiling. */
  readonly usage: QuoteUsage;
}

/** The quote of one person's stay: their line and the totals. */
export interface StayQuote
  extends Explained, QuoteTotals, Omit<ParticipantQuote, 'name' | 'relation' | 'age'> {
  readonly fees: readonly { readonly id: string; readonly label: string; readonly cents: number }[];
}

type QuoteFigures = Omit<StayQuote, 'explanation'>;

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

export interface BookingFee {
  readonly id: string;
  readonly label: string;
  readonly cents: number;
  /** The participant (index) a per-person fee is for; null for the booking's own fee. */
  readonly participant: number | null;
}

export interface BookingQuote extends Explained, QuoteTotals {
  /** The booking's parts and quotient (null parts: the household's quotient was given). */
  readonly parts: number | null;
  readonly quotientCents: number;
  readonly participants: readonly ParticipantQuote[];
  readonly depositLabel: string;
  readonly fees: readonly BookingFee[];
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
      // Stryker disable next-line ConditionalExpression: a list of relations never includes null
      (!clause.relations || (relation !== null && clause.relations.includes(relation))),
  );
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
    // Stryker disable next-line MethodExpression: the packs' per-person fees have one clause (a fee mixing both kinds of clause would be per person either way)
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
      // Stryker disable next-line ConditionalExpression: explaining the parts changes no figure
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
    // Stryker disable next-line LogicalOperator: the participant's own steps are null exactly when the booking's are
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
    // Stryker disable next-line StringLiteral: the deposit was needed before (depositOf); this path names one that is there
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
      // Field by field, not spread: copying a caller's object by spread cost most of a quote's time.
      relation: input.participant.relation,
      birthDate: input.participant.birthDate,
      disabled: input.participant.disabled,
      // Stryker disable next-line StringLiteral: a lone participant's name is never shown (only a booking of several names each)
      name: 'participant',
      priceCents: input.activity.priceCents,
      transportCents: input.activity.transportCents,
      used: input.used,
      skiAidRequested: input.skiAidRequested,
    },
  ],
  requestDate: input.requestDate,
});

/**
 * A computed booking whose explanation is built when first read (decision 0003); `shape` gives
 * what the result shows of the figures (a stay quote: its one participant's).
 */
class BookingResult extends ExplainedResult {
  readonly #pack: Pack;
  readonly #input: BookingQuoteInput;
  readonly #paths: InputPaths;

  constructor(
    pack: Pack,
    input: BookingQuoteInput,
    paths: InputPaths,
    shape: (figures: BookingFigures) => object,
  ) {
    super();
    this.#pack = pack;
    this.#input = input;
    this.#paths = paths;
    Object.assign(this, shape(computeBooking(pack, input, paths, null)));
  }

  protected explain(): readonly ExplanationStep[] {
    const steps: ExplanationStep[] = [];
    computeBooking(this.#pack, this.#input, this.#paths, steps);
    return steps;
  }
}

/**
 * The quote of a stay for one participant: grid, rate, subsidised base, subsidy, amount left to
 * pay, deposit and fees, with every cap and allowance applied and explained.
 */
export function quoteStay(pack: Pack, input: StayQuoteInput): StayQuote {
  return new BookingResult(pack, bookingOfStay(input), STAY_PATHS, stayFigures) as BookingResult &
    QuoteFigures;
}

/** The same figures without the explanation, for pricing many stays at once (a barème's impact). */
export function stayQuoteFigures(pack: Pack, input: StayQuoteInput): QuoteFigures {
  return stayFigures(computeBooking(pack, bookingOfStay(input), STAY_PATHS, null));
}

/**
 * The quote of a holiday booking for several people (SPEC §6): the booking's parts (parent
 * isolé), each person's line by their status and age, and the booking's sums, arrhes and fees.
 */
export function quoteBooking(pack: Pack, input: BookingQuoteInput): BookingQuote {
  return new BookingResult(pack, input, BOOKING_PATHS, (figures) => figures) as BookingResult &
    BookingFigures;
}
