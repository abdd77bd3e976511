import { formatCents, note, plural, step, type ExplanationStep } from './explanation.ts';
import { roundDiv } from './money.ts';
import type { Pack } from './pack.ts';

type CeilingBounds = NonNullable<Pack['annualCeiling']>['single'][number];
import type { HouseholdQuotient } from './household.ts';

export interface AnnualCeiling {
  /** The year's ceiling in cents, or null when none applies (with the reason). */
  readonly cents: number | null;
  readonly reason: string | null;
  /** The explanation step, or null when computed without it. */
  readonly step: ExplanationStep | null;
}

/**
 * The household's annual subsidy ceiling: the table's maximum up to one quotient, its minimum
 * from another, linear in between; none for a household with a disabled person.
 */
export function annualCeiling(
  pack: Pack,
  household: HouseholdQuotient,
  explain = true,
): AnnualCeiling {
  if (!pack.annualCeiling) {
    const reason = 'ce barème ne prévoit pas de plafond annuel';
    return {
      cents: null,
      reason,
      step: explain ? note('annualCeiling', 'Plafond annuel', reason) : null,
    };
  }
  const ceiling = pack.annualCeiling;
  if (ceiling.notForHouseholdsWithDisability && household.withDisability) {
    const reason = 'pas de plafond pour un foyer comptant une personne en situation de handicap';
    return {
      cents: null,
      reason,
      step: explain ? note('annualCeiling', 'Plafond annuel', reason) : null,
    };
  }
  const row = household.couple ? ceiling.couple : ceiling.single;
  // Households with more children than the table's rows take its last row (the pack schema
  // requires at least one).
  const bounds = row[Math.min(household.childrenCounted, row.length - 1)] as CeilingBounds;
  const q = household.quotientCents;
  const low = ceiling.qfForMaximumCents;
  const high = ceiling.qfForMinimumCents;
  let cents: number;
  // Stryker disable next-line EqualityOperator: at either end the line gives that end exactly
  if (q <= low) cents = bounds.maxCents;
  // Stryker disable next-line EqualityOperator: at either end the line gives that end exactly
  else if (q >= high) cents = bounds.minCents;
  else {
    const span = high - low;
    const numerator = bounds.maxCents * span - (bounds.maxCents - bounds.minCents) * (q - low);
    const stepCents = pack.rounding.moneyStepCents;
    cents = roundDiv(numerator, span * stepCents, pack.rounding.mode) * stepCents;
  }
  if (!explain) return { cents, reason: null, step: null };
  const children = household.childrenCounted;
  const who = `${household.couple ? 'couple' : 'personne seule'}${children > 0 ? ` avec ${plural(children, 'enfant')}` : ''}`;
  const formula =
    q <= low
      ? `maximum (${who}, QF ≤ ${formatCents(low)})`
      : q >= high
        ? `minimum (${who}, QF ≥ ${formatCents(high)})`
        : `${formatCents(bounds.maxCents)} − (${formatCents(bounds.maxCents)} − ${formatCents(bounds.minCents)}) × (${formatCents(q)} − ${formatCents(low)}) / (${formatCents(high)} − ${formatCents(low)}) (${who})`;
  return {
    cents,
    reason: null,
    step: step('annualCeiling', 'Plafond annuel', formula, cents, formatCents(cents), {
      quotientCents: q,
      couple: household.couple,
      children,
      minCents: bounds.minCents,
      maxCents: bounds.maxCents,
    }),
  };
}
