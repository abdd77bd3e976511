import { annualCeiling } from './annual-ceiling.ts';
import type { IsoDate } from './dates.ts';
import { ExplainedResult, NO_STEPS, type ExplanationStep, type Explained } from './explanation.ts';
import { householdQuotient, type HouseholdInput, type IsolatedParentBooking } from './household.ts';
import type { GridId, Pack } from './pack.ts';
import { allRates } from './rates.ts';
import { skiAid } from './ski-aid.ts';

export type { HouseholdInput } from './household.ts';

export interface HouseholdSimulation extends Explained {
  readonly pack: string;
  readonly parts: number;
  readonly partsQuarters: number;
  readonly quotientCents: number;
  /** Each grid's rate in hundredths of a percent. */
  readonly ratesBp: Readonly<Record<GridId, number>>;
  readonly annualCeilingCents: number | null;
  readonly annualCeilingReason: string | null;
  readonly skiAidCents: number | null;
  readonly skiAidReason: string | null;
}

function compute(
  pack: Pack,
  household: HouseholdInput,
  date: IsoDate,
  booking: IsolatedParentBooking | null,
  explain: boolean,
) {
  const quotient = householdQuotient(pack, household, date, booking, explain);
  const rates = allRates(pack, quotient.quotientCents, explain);
  const ceiling = annualCeiling(pack, quotient, explain);
  const ski = skiAid(pack, quotient.quotientCents, explain);
  if (!explain) return { quotient, rates, ceiling, ski, steps: NO_STEPS };
  const steps: ExplanationStep[] = [...quotient.steps, ...rates.steps];
  if (ceiling.step) steps.push(ceiling.step);
  if (ski.step) steps.push(ski.step);
  return { quotient, rates, ceiling, ski, steps };
}

class Simulation extends ExplainedResult {
  readonly #pack: Pack;
  readonly #household: HouseholdInput;
  readonly #date: IsoDate;
  readonly #booking: IsolatedParentBooking | null;

  constructor(
    pack: Pack,
    household: HouseholdInput,
    date: IsoDate,
    booking: IsolatedParentBooking | null,
    explained: boolean,
  ) {
    super();
    const { quotient, rates, ceiling, ski, steps } = compute(
      pack,
      household,
      date,
      booking,
      explained,
    );
    const figures: Omit<HouseholdSimulation, 'explanation'> = {
      pack: pack.id,
      parts: quotient.parts,
      partsQuarters: quotient.partsQuarters,
      quotientCents: quotient.quotientCents,
      ratesBp: rates.ratesBp,
      annualCeilingCents: ceiling.cents,
      annualCeilingReason: ceiling.reason,
      skiAidCents: ski.cents,
      skiAidReason: ski.reason,
    };
    Object.assign(this, figures);
    this.#pack = pack;
    this.#household = household;
    this.#date = date;
    this.#booking = booking;
    if (explained) this.keepSteps(steps);
  }

  protected explain(): readonly ExplanationStep[] {
    return compute(this.#pack, this.#household, this.#date, this.#booking, true).steps;
  }
}

/**
 * Everything a household is entitled to under a pack: parts, quotient, rates, ceiling, ski aid,
 * and the steps that explain them.
 */
export function simulateHousehold(
  pack: Pack,
  household: HouseholdInput,
  date: IsoDate,
  booking: IsolatedParentBooking | null = null,
): HouseholdSimulation {
  return new Simulation(pack, household, date, booking, false) as Simulation & HouseholdSimulation;
}

/**
 * The same, computed once with its steps: for a caller that always reads the explanation (the
 * public calculator, the command line), where the lazy one would run the computation twice.
 */
export function explainedSimulation(
  pack: Pack,
  household: HouseholdInput,
  date: IsoDate,
): HouseholdSimulation {
  return new Simulation(pack, household, date, null, true) as Simulation & HouseholdSimulation;
}
