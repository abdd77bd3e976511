// The cost of a draft barème before the vote (issue 17, point 3), the way OpenFisca costs a
// reform: the committee's own households and last year's stays, priced under the pack in force
// and under the draft, side by side. Pure, so that the benchmark measures the engine alone.
import type { IsoDate } from './dates.ts';
import { RulesError } from './errors.ts';
import type { HouseholdInput } from './household.ts';
import { simulateHousehold, type HouseholdSimulation } from './household-simulation.ts';
import type { Pack } from './pack.ts';
import { stayQuoteFigures, type StayActivity, type StayParticipant } from './stay-quote.ts';

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
  /** Stays the engine refused under a pack (a missing parameter): counted at 0 €. */
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

function price(
  pack: Pack,
  household: ImpactHousehold,
  stays: readonly ImpactStay[],
  date: IsoDate,
): Priced {
  const simulation: HouseholdSimulation = simulateHousehold(pack, household.household, date);
  const bySector = new Map<string, number>();
  const days = new Map<string, { youthDays: number; promoDays: number; vacationDays: number }>();
  let ceilingCents = 0;
  let subsidyCents = 0;
  let ceilingBinds = false;
  let allowanceBinds = false;
  let unpriced = 0;
  for (const stay of stays) {
    const used = days.get(stay.participantKey) ?? { youthDays: 0, promoDays: 0, vacationDays: 0 };
    try {
      const quote = stayQuoteFigures(pack, {
        quotientCents: simulation.quotientCents,
        annualCeilingCents: simulation.annualCeilingCents,
        participant: stay.participant,
        activity: stay.activity,
        requestDate: stay.requestDate,
        used: {
          youthDays: used.youthDays,
          promoDays: used.promoDays,
          vacationDays: used.vacationDays,
          ceilingCents,
          lastSkiAidYear: null,
          yearlyFeesPaid: [],
        },
        skiAidRequested: false,
      });
      days.set(stay.participantKey, {
        youthDays: used.youthDays + quote.usage.youthDays,
        promoDays: used.promoDays + quote.usage.promoDays,
        vacationDays: used.vacationDays + quote.usage.vacationDays,
      });
      ceilingCents += quote.usage.ceilingCents;
      subsidyCents += quote.subsidyCents;
      bySector.set(
        stay.activity.sector,
        (bySector.get(stay.activity.sector) ?? 0) + quote.subsidyCents,
      );
      for (const reason of quote.reasons) {
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
 * rules), and its stays of last year re-priced in the order they were asked, each pack's day
 * allowances and annual ceiling applied as the stays add up.
 */
export function packImpact(
  current: Pack,
  draft: Pack,
  households: readonly ImpactHousehold[],
  stays: readonly ImpactStay[],
  date: IsoDate,
): PackImpact {
  const staysOf = new Map<string, ImpactStay[]>();
  for (const stay of stays) {
    const list = staysOf.get(stay.householdId);
    if (list) list.push(stay);
    else staysOf.set(stay.householdId, [stay]);
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
  const lines: ImpactLine[] = [];
  for (const household of households) {
    const own = staysOf.get(household.id) ?? [];
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
    stays: priced,
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
