// One person's line of a stay or a booking: grid by age, caps, day allowance, subsidy, the
// household's ceiling as it stands, what is left to pay, the ski aid.
import { ageOn, yearOf, type CalendarDay, type IsoDate } from './dates.ts';
import { RulesError } from './errors.ts';
import {
  formatCents,
  formatIsoDate,
  formatRate,
  note,
  plural,
  step,
  type ExplanationStep,
} from './explanation.ts';
import { roundDiv } from './money.ts';
import { need, type CompiledCapCategory, type GridId, type Pack } from './pack.ts';
import type { ActivityKind, Relation, Sector } from './pack-schema.ts';
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

/** A year with nothing used yet: no day, no ceiling, no ski aid, no yearly fee. */
export const NOTHING_USED: YearUsage = {
  youthDays: 0,
  promoDays: 0,
  vacationDays: 0,
  ceilingCents: 0,
  lastSkiAidYear: null,
  yearlyFeesPaid: [],
};

/** What a quote uses of the year's allowances and ceiling. */
export interface QuoteUsage {
  readonly youthDays: number;
  readonly promoDays: number;
  readonly vacationDays: number;
  readonly ceilingCents: number;
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
  readonly usage: QuoteUsage;
  readonly reasons: readonly QuoteReason[];
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

export function participantQuote(
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
            // Stryker disable next-line ConditionalExpression,LogicalOperator: a category always has a daily or a per-stay cap
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
  // Stryker disable next-line EqualityOperator,ConditionalExpression: a zero subsidy is never above what is left
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
      // Stryker disable next-line ConditionalExpression: the aid has its step exactly when explained, and only then are the steps read
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
