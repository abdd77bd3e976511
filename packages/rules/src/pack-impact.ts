// The cost of a draft barème before the vote (issue 17, point 3), the way OpenFisca costs a
// reform: the committee's own households and last year's stays, priced under the pack in force
// and under the draft, side by side. Pure, so that the benchmark measures the engine alone.
import type { IsoDate } from './dates.ts';
import { RulesError } from './errors.ts';
import { flatClaim, type FlatClaimInput } from './flat-claims.ts';
import type { HouseholdInput } from './household.ts';
import { simulateHousehold, type HouseholdSimulation } from './household-simulation.ts';
import type { Pack } from './pack.ts';
import {
  quoteBooking,
  stayQuoteFigures,
  type BookingActivity,
  type QuoteReason,
  type StayActivity,
  type StayParticipant,
  type YearUsage,
} from './stay-quote.ts';

export interface ImpactHousehold {
  readonly id: string;
  readonly household: HouseholdInput;
}

/** One person's stay (or stay-like claim) of last year: re-priced under each pack. */
export interface ImpactStay {
  readonly householdId: string;
  /** Who went: day allowances count per person. */
  readonly participantKey: string;
  readonly participant: StayParticipant;
  readonly activity: StayActivity;
  readonly requestDate: IsoDate;
}

/** One claim of last year priced by a rule of its own (sport event, ANCV coupons, train, car). */
export interface ImpactClaim {
  readonly householdId: string;
  readonly claim: Pick<FlatClaimInput, 'kind' | 'paidCents' | 'km' | 'roundTrips'>;
  readonly requestDate: IsoDate;
}

/** A holiday booked for several people of the household (a family holiday, its own parts). */
export interface ImpactBooking {
  readonly householdId: string;
  readonly activity: BookingActivity;
  /** Each person, their allowances' key and their price (a share of the lodging included). */
  readonly participants: readonly (StayParticipant & {
    readonly key: string;
    readonly priceCents: number;
    readonly transportCents: number;
  })[];
  readonly requestDate: IsoDate;
}

/** What a household asked for last year: stays, bookings and claims, priced in the order asked. */
export type ImpactRequest = ImpactStay | ImpactBooking | ImpactClaim;

type DaysUsed = Map<string, { youthDays: number; promoDays: number; vacationDays: number }>;

/** What pricing one request gives the household's sums. */
interface PricedRequest {
  readonly sector: string;
  readonly subsidyCents: number;
  readonly ceilingCents: number;
  readonly reasons: readonly { readonly code: string }[];
}

/** A household's figures under one pack, and what its stays would have got. */
export interface ImpactFigures {
  readonly quotientCents: number;
  readonly ratesBp: Readonly<Record<string, number>>;
  readonly annualCeilingCents: number | null;
  readonly subsidyCents: number;
  /** The annual ceiling cut a subsidy. */
  readonly ceilingBinds: boolean;
  /** A yearly day allowance left some days unsubsidised. */
  readonly allowanceBinds: boolean;
}

export interface ImpactLine {
  readonly id: string;
  readonly current: ImpactFigures;
  readonly draft: ImpactFigures;
  /** By money when the household went somewhere last year, else by its first grid's rate. */
  readonly outcome: 'better' | 'worse' | 'unchanged';
}

export interface ImpactSide {
  readonly totalCents: number;
  readonly bySector: Readonly<Record<string, number>>;
  readonly ceilingBinds: number;
  readonly allowanceBinds: number;
}

export interface ImpactDecile {
  readonly decile: number;
  readonly households: number;
  /** The quotients of the decile under the pack in force. */
  readonly fromQuotientCents: number;
  readonly toQuotientCents: number;
  readonly currentCents: number;
  readonly draftCents: number;
  /** Mean change of the first grid's rate, in hundredths of a percent. */
  readonly meanRateChangeBp: number;
}

export interface PackImpact {
  /** The grid households without a stay are compared by, and the deciles' rate: the first one. */
  readonly grid: string | null;
  readonly current: ImpactSide;
  readonly draft: ImpactSide;
  readonly households: number;
  readonly stays: number;
  readonly claims: number;
  /** Stays and claims the engine refused under a pack (a missing parameter): counted at 0 €. */
  readonly unpriced: number;
  readonly better: number;
  readonly worse: number;
  readonly unchanged: number;
  readonly deciles: readonly ImpactDecile[];
  readonly lines: readonly ImpactLine[];
}

interface Priced {
  readonly figures: ImpactFigures;
  readonly bySector: Map<string, number>;
  readonly unpriced: number;
}

const daysOf = (days: DaysUsed, key: string) =>
  days.get(key) ?? { youthDays: 0, promoDays: 0, vacationDays: 0 };

/** What a person used of the year before a request (field by field: no spread in this path). */
function usedBefore(days: DaysUsed, key: string, ceilingCents: number): YearUsage {
  const used = daysOf(days, key);
  return {
    youthDays: used.youthDays,
    promoDays: used.promoDays,
    vacationDays: used.vacationDays,
    ceilingCents,
    lastSkiAidYear: null,
    yearlyFeesPaid: [],
  };
}

function addDays(
  days: DaysUsed,
  key: string,
  usage: { youthDays: number; promoDays: number; vacationDays: number },
): void {
  const used = daysOf(days, key);
  days.set(key, {
    youthDays: used.youthDays + usage.youthDays,
    promoDays: used.promoDays + usage.promoDays,
    vacationDays: used.vacationDays + usage.vacationDays,
  });
}

/** A booking's subsidy, with its own parts, each person's day allowances counted. */
function priceBooking(
  pack: Pack,
  household: ImpactHousehold,
  simulation: HouseholdSimulation,
  booking: ImpactBooking,
  days: DaysUsed,
  ceilingCents: number,
  date: IsoDate,
): PricedRequest {
  const quote = quoteBooking(pack, {
    quotientCents: simulation.quotientCents,
    household: { input: household.household, on: date },
    annualCeilingCents: simulation.annualCeilingCents,
    ceilingUsedCents: ceilingCents,
    activity: booking.activity,
    participants: booking.participants.map((p) => ({
      name: p.key,
      relation: p.relation,
      birthDate: p.birthDate,
      disabled: p.disabled,
      priceCents: p.priceCents,
      transportCents: p.transportCents,
      used: usedBefore(days, p.key, ceilingCents),
      skiAidRequested: false,
    })),
    requestDate: booking.requestDate,
  });
  const reasons: QuoteReason[] = [...quote.reasons];
  quote.participants.forEach((line, index) => {
    addDays(days, booking.participants[index]?.key ?? '', line.usage);
    reasons.push(...line.reasons);
  });
  return {
    sector: booking.activity.sector,
    subsidyCents: quote.subsidyCents,
    ceilingCents: quote.usage.ceilingCents,
    reasons,
  };
}

/** A stay's subsidy, its participant's day allowances counted as the stays add up. */
function priceStay(
  pack: Pack,
  simulation: HouseholdSimulation,
  stay: ImpactStay,
  days: DaysUsed,
  ceilingCents: number,
): PricedRequest {
  const quote = stayQuoteFigures(pack, {
    quotientCents: simulation.quotientCents,
    annualCeilingCents: simulation.annualCeilingCents,
    participant: stay.participant,
    activity: stay.activity,
    requestDate: stay.requestDate,
    used: usedBefore(days, stay.participantKey, ceilingCents),
    skiAidRequested: false,
  });
  addDays(days, stay.participantKey, quote.usage);
  return {
    sector: stay.activity.sector,
    subsidyCents: quote.subsidyCents,
    ceilingCents: quote.usage.ceilingCents,
    reasons: quote.reasons,
  };
}

function price(
  pack: Pack,
  household: ImpactHousehold,
  requests: readonly ImpactRequest[],
  date: IsoDate,
): Priced {
  const simulation: HouseholdSimulation = simulateHousehold(pack, household.household, date);
  const bySector = new Map<string, number>();
  const days: DaysUsed = new Map();
  let ceilingCents = 0;
  let subsidyCents = 0;
  let ceilingBinds = false;
  let allowanceBinds = false;
  let unpriced = 0;
  for (const request of requests) {
    try {
      const priced: PricedRequest =
        'claim' in request
          ? flatClaim(pack, {
              ...request.claim,
              quotientCents: simulation.quotientCents,
              annualCeilingCents: simulation.annualCeilingCents,
              usedCeilingCents: ceilingCents,
            })
          : 'participants' in request
            ? priceBooking(pack, household, simulation, request, days, ceilingCents, date)
            : priceStay(pack, simulation, request, days, ceilingCents);
      ceilingCents += priced.ceilingCents;
      subsidyCents += priced.subsidyCents;
      bySector.set(priced.sector, (bySector.get(priced.sector) ?? 0) + priced.subsidyCents);
      for (const reason of priced.reasons) {
        if (reason.code === 'annual_ceiling') ceilingBinds = true;
        if (reason.code === 'day_allowance' || reason.code === 'promo_allowance')
          allowanceBinds = true;
      }
    } catch (error) {
      if (!(error instanceof RulesError)) throw error;
      unpriced += 1;
    }
  }
  return {
    figures: {
      quotientCents: simulation.quotientCents,
      ratesBp: simulation.ratesBp,
      annualCeilingCents: simulation.annualCeilingCents,
      subsidyCents,
      ceilingBinds,
      allowanceBinds,
    },
    bySector,
    unpriced,
  };
}

const emptySide = (): {
  totalCents: number;
  bySector: Record<string, number>;
  ceilingBinds: number;
  allowanceBinds: number;
} => ({
  totalCents: 0,
  bySector: {},
  ceilingBinds: 0,
  allowanceBinds: 0,
});

function addTo(side: ReturnType<typeof emptySide>, priced: Priced): void {
  side.totalCents += priced.figures.subsidyCents;
  for (const [sector, cents] of priced.bySector)
    side.bySector[sector] = (side.bySector[sector] ?? 0) + cents;
  if (priced.figures.ceilingBinds) side.ceilingBinds += 1;
  if (priced.figures.allowanceBinds) side.allowanceBinds += 1;
}

function outcomeOf(
  current: ImpactFigures,
  draft: ImpactFigures,
  went: boolean,
  grid: string | null,
) {
  const before = went ? current.subsidyCents : (current.ratesBp[grid ?? ''] ?? 0);
  const after = went ? draft.subsidyCents : (draft.ratesBp[grid ?? ''] ?? 0);
  return after > before ? 'better' : after < before ? 'worse' : 'unchanged';
}

/**
 * Every household under both packs, ages judged on `date` for both (the same population, other
 * rules), and its stays and claims of last year re-priced in the order they were asked, each
 * pack's day allowances and annual ceiling applied as they add up.
 */
export function packImpact(
  current: Pack,
  draft: Pack,
  households: readonly ImpactHousehold[],
  requests: readonly ImpactRequest[],
  date: IsoDate,
): PackImpact {
  const staysOf = new Map<string, ImpactRequest[]>();
  for (const request of requests) {
    const list = staysOf.get(request.householdId);
    if (list) list.push(request);
    else staysOf.set(request.householdId, [request]);
  }
  // Each household's in the order asked (a few each: cheaper than sorting them all at once).
  for (const list of staysOf.values())
    list.sort((a, b) =>
      a.requestDate < b.requestDate ? -1 : a.requestDate > b.requestDate ? 1 : 0,
    );
  const grid = [...(current.grids?.keys() ?? [])][0] ?? null;
  const sides = { current: emptySide(), draft: emptySide() };
  const counts = { better: 0, worse: 0, unchanged: 0 };
  let unpriced = 0;
  let priced = 0;
  let claims = 0;
  const lines: ImpactLine[] = [];
  for (const household of households) {
    const own = staysOf.get(household.id) ?? [];
    for (const request of own) if ('claim' in request) claims += 1;
    priced += own.length;
    const before = price(current, household, own, date);
    const after = price(draft, household, own, date);
    addTo(sides.current, before);
    addTo(sides.draft, after);
    unpriced += before.unpriced + after.unpriced;
    const outcome = outcomeOf(before.figures, after.figures, own.length > 0, grid);
    counts[outcome] += 1;
    lines.push({ id: household.id, current: before.figures, draft: after.figures, outcome });
  }
  return {
    grid,
    current: sides.current,
    draft: sides.draft,
    households: households.length,
    stays: priced - claims,
    claims,
    unpriced,
    ...counts,
    deciles: decilesOf(lines, grid),
    lines,
  };
}

/** Tenths of the households by their quotient under the pack in force, lowest first. */
function decilesOf(lines: readonly ImpactLine[], grid: string | null): ImpactDecile[] {
  const sorted = [...lines].sort((a, b) => a.current.quotientCents - b.current.quotientCents);
  const deciles: ImpactDecile[] = [];
  for (let decile = 1; decile <= 10; decile += 1) {
    const part = sorted.slice(
      Math.floor(((decile - 1) * sorted.length) / 10),
      Math.floor((decile * sorted.length) / 10),
    );
    const first = part[0];
    const last = part.at(-1);
    if (!first || !last) continue;
    let currentCents = 0;
    let draftCents = 0;
    let rateChange = 0;
    for (const line of part) {
      currentCents += line.current.subsidyCents;
      draftCents += line.draft.subsidyCents;
      rateChange += (line.draft.ratesBp[grid ?? ''] ?? 0) - (line.current.ratesBp[grid ?? ''] ?? 0);
    }
    deciles.push({
      decile,
      households: part.length,
      fromQuotientCents: first.current.quotientCents,
      toQuotientCents: last.current.quotientCents,
      currentCents,
      draftCents,
      meanRateChangeBp: Math.round(rateChange / part.length),
    });
  }
  return deciles;
}
