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

function checkCount(value: unknown, path: string, issues: IssueList): void {
  // Stryker disable next-line ConditionalExpression: Number.isInteger is false for anything but a number already
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100_000)
    issues.add(path, 'nombre entier positif attendu');
}

interface CheckedDays {
  readonly first: CalendarDay;
  readonly birth: CalendarDay;
  readonly request: CalendarDay;
  readonly days: number;
}

function checkInput(pack: Pack, input: StayQuoteInput): CheckedDays {
  const issues = new IssueList();
  const { activity, participant, used } = input;
  checkCents(input.quotientCents, 'quotientCents', issues);
  if (input.annualCeilingCents !== null)
    checkCents(input.annualCeilingCents, 'annualCeilingCents', issues);
  if (!relations.includes(participant.relation))
    issues.add('participant.relation', `lien inconnu : ${participant.relation}`);
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
  checkCents(activity.priceCents, 'activity.priceCents', issues);
  checkCents(activity.transportCents, 'activity.transportCents', issues);
  checkCount(used.youthDays, 'used.youthDays', issues);
  checkCount(used.promoDays, 'used.promoDays', issues);
  checkCount(used.vacationDays, 'used.vacationDays', issues);
  checkCents(used.ceilingCents, 'used.ceilingCents', issues);
  const birth = parseIsoDate(participant.birthDate, 'participant.birthDate', issues);
  const first = parseIsoDate(activity.firstDay, 'activity.firstDay', issues);
  const last = parseIsoDate(activity.lastDay, 'activity.lastDay', issues);
  const request = parseIsoDate(input.requestDate, 'requestDate', issues);
  // Stryker disable ConditionalExpression,LogicalOperator: a faulty date is already an issue, thrown below before any figure is used
  const days = first !== null && last !== null ? daysBetween(first, last) + 1 : 0;
  if (first !== null && last !== null && days < 1)
    issues.add('activity.lastDay', 'le dernier jour précède le premier jour');
  if (days > 366) issues.add('activity.lastDay', 'un séjour dure au plus un an');
  if (birth !== null && first !== null && ageOn(birth, first) < 0)
    issues.add('participant.birthDate', 'la date de naissance est postérieure au début du séjour');
  issues.throwIfAny();
  // Stryker disable next-line all: unreachable once the issues are thrown; it narrows the types
  if (first === null || birth === null || request === null)
    // Stryker disable next-line all: unreachable once the issues are thrown
    throw new RulesError('invalid_input', 'dates invalides');
  // Stryker restore ConditionalExpression,LogicalOperator
  return { first, birth, request, days };
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

function chooseGrid(pack: Pack, activity: StayActivity, age: number, disabled: boolean): GridId {
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

function feeApplies(fee: CompiledFee, activity: StayActivity, relation: Relation): boolean {
  return fee.when.some(
    (clause) =>
      (!clause.sectors || clause.sectors.includes(activity.sector)) &&
      (!clause.kinds || clause.kinds.includes(activity.kind)) &&
      (!clause.relations || clause.relations.includes(relation)),
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
function refusal(pack: Pack, input: StayQuoteInput, age: number, days: number): QuoteReason | null {
  const { participant, activity } = input;
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

function computeQuote(
  pack: Pack,
  input: StayQuoteInput,
  steps: ExplanationStep[] | null,
): QuoteFigures {
  const { first, birth, request, days } = checkInput(pack, input);
  const { participant, activity, used } = input;
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

  const refused = refusal(pack, input, age, days);
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
          ? activity.priceCents
          : roundDiv(activity.priceCents * subsidisedDays, days, pack.rounding.mode);
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
            input.quotientCents,
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
            input.quotientCents,
            'stay',
            promo.overflowGrid,
            overflowDays,
            base - mainBase,
            steps,
          ),
        );
      }
      if (activity.transportCents > 0) {
        baseTotal += activity.transportCents;
        lines.push(
          subsidyLine(
            pack,
            input.quotientCents,
            'transport',
            grid,
            null,
            activity.transportCents,
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
  if (!exempt && input.annualCeilingCents !== null && subsidyBeforeCeiling > 0) {
    const left = Math.max(0, input.annualCeilingCents - used.ceilingCents);
    if (subsidy > left) {
      subsidy = left;
      const text = `plafond annuel de ${formatCents(input.annualCeilingCents)}, ${formatCents(used.ceilingCents)} déjà utilisés : subvention limitée à ${formatCents(left)}`;
      reasons.push({ code: 'annual_ceiling', text });
      steps?.push(
        step(
          'annualCeiling',
          'Plafond annuel',
          `min(${formatCents(subsidyBeforeCeiling)} ; ${formatCents(input.annualCeilingCents)} − ${formatCents(used.ceilingCents)})`,
          left,
          formatCents(left),
          {
            subsidyCents: subsidyBeforeCeiling,
            annualCeilingCents: input.annualCeilingCents,
            usedCents: used.ceilingCents,
          },
        ),
      );
    }
  }
  const ceilingUsed = exempt || input.annualCeilingCents === null ? 0 : subsidy;
  const total = activity.priceCents + activity.transportCents;
  const leftToPay = total - subsidy;
  steps?.push(
    step(
      'leftToPay',
      'Reste à payer',
      `${formatCents(total)} − ${formatCents(subsidy)}`,
      leftToPay,
      formatCents(leftToPay),
      {
        priceCents: activity.priceCents,
        transportCents: activity.transportCents,
        subsidyCents: subsidy,
      },
    ),
  );

  const deposit = need(pack, pack.deposit, 'deposit');
  const daysBefore = daysBetween(request, first);
  let depositCents: number;
  if (deposit.fullPaymentWithinDays !== null && daysBefore < deposit.fullPaymentWithinDays) {
    depositCents = leftToPay;
    const text = `demande moins de ${deposit.fullPaymentWithinDays} jours avant le début : tout est réglé à la demande`;
    reasons.push({ code: 'full_payment', text });
    steps?.push(
      step('deposit', 'Acompte', text, depositCents, formatCents(depositCents), {
        leftToPayCents: leftToPay,
        daysBeforeStart: daysBefore,
      }),
    );
  } else {
    const share =
      roundDiv(
        leftToPay * deposit.shareBp,
        10_000 * pack.rounding.moneyStepCents,
        pack.rounding.mode,
      ) * pack.rounding.moneyStepCents;
    depositCents = Math.min(leftToPay, Math.max(share, deposit.minCents));
    if (share < deposit.minCents && leftToPay > 0)
      reasons.push({
        code: 'deposit_minimum',
        text: `acompte minimum de ${formatCents(deposit.minCents)}`,
      });
    steps?.push(
      step(
        'deposit',
        'Acompte',
        `${formatRate(deposit.shareBp)} × ${formatCents(leftToPay)}${deposit.minCents > 0 ? `, au moins ${formatCents(deposit.minCents)}` : ''}`,
        depositCents,
        formatCents(depositCents),
        { leftToPayCents: leftToPay, shareBp: deposit.shareBp, minimumCents: deposit.minCents },
      ),
    );
  }

  const fees = (pack.fees ?? [])
    .filter(
      (fee) =>
        feeApplies(fee, activity, participant.relation) &&
        !(fee.yearly && used.yearlyFeesPaid.includes(fee.id)),
    )
    .map((fee) => ({ id: fee.id, label: fee.label, cents: fee.cents }));
  for (const fee of fees)
    steps?.push(step(`fee.${fee.id}`, fee.label, '', fee.cents, formatCents(fee.cents)));
  const feesCents = fees.reduce((sum, fee) => sum + fee.cents, 0);

  let skiAidCents: number | null = null;
  if (input.skiAidRequested) {
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
      reasons.push({ code: 'ski_aid', text: `aide au ski non attribuée : ${why}` });
      steps?.push(note('skiAid', 'Aide au ski', `non attribuée (${why})`));
    } else {
      // Stryker disable next-line ConditionalExpression: explaining changes no figure
      const computed = skiAid(pack, input.quotientCents, steps !== null);
      skiAidCents = computed.cents;
      if (computed.reason)
        reasons.push({ code: 'ski_aid', text: `aide au ski non attribuée : ${computed.reason}` });
      // Stryker disable next-line OptionalChaining,ConditionalExpression: there is a step only when steps are asked for
      if (computed.step) steps?.push(computed.step);
    }
  }

  const firstLine = lines[0];
  return {
    pack: pack.id,
    days,
    nights: days - 1,
    priceCents: activity.priceCents,
    transportCents: activity.transportCents,
    lines,
    grid: firstLine?.grid ?? null,
    rateBp: firstLine?.rateBp ?? null,
    baseCents: baseTotal,
    subsidyBeforeCeilingCents: subsidyBeforeCeiling,
    subsidyCents: subsidy,
    leftToPayCents: leftToPay,
    depositCents,
    fees,
    feesCents,
    totalToPayCents: leftToPay + feesCents,
    skiAidCents,
    usage: {
      youthDays: activity.sector === 'jeunesse' ? subsidisedDays : 0,
      promoDays,
      vacationDays: activity.sector === 'vacances' ? subsidisedDays : 0,
      ceilingCents: ceilingUsed,
    },
    reasons,
  };
}

class Quote extends ExplainedResult {
  readonly #pack: Pack;
  readonly #input: StayQuoteInput;

  constructor(pack: Pack, input: StayQuoteInput) {
    super();
    Object.assign(this, computeQuote(pack, input, null));
    this.#pack = pack;
    this.#input = input;
  }

  protected explain(): readonly ExplanationStep[] {
    const steps: ExplanationStep[] = [];
    computeQuote(this.#pack, this.#input, steps);
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
