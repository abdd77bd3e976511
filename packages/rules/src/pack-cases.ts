// A pack's own test cases (issue 17, point 2): each household's figures on its day, and those of
// its stay or claim, compared with what the pack says they must be. Pure: the command line and the
// tests print the answers.
import { RulesError } from './errors.ts';
import { formatCents, formatParts, formatRate } from './explanation.ts';
import { flatClaim } from './flat-claims.ts';
import { simulateHousehold, type HouseholdSimulation } from './household-simulation.ts';
import type { Pack } from './pack.ts';
import type { PackCase } from './pack-schema.ts';
import { NOTHING_USED, stayQuoteFigures } from './stay-quote.ts';

export interface CaseResult {
  readonly name: string;
  readonly source: string;
  /** What differs, in French; empty when the case passes. */
  readonly differences: readonly string[];
}

const ceiling = (cents: number | null): string => (cents === null ? 'aucun' : formatCents(cents));

/** What the case's stay or claim gets under the pack, or why it could not be priced. */
function pricedOf(
  pack: Pack,
  testCase: PackCase,
  household: HouseholdSimulation,
): Partial<Record<'subsidyCents' | 'leftToPayCents' | 'depositCents' | 'feesCents', number>> {
  const { stay, claim } = testCase;
  if (stay) {
    const quote = stayQuoteFigures(pack, {
      quotientCents: household.quotientCents,
      annualCeilingCents: household.annualCeilingCents,
      participant: stay.participant,
      activity: stay.activity,
      requestDate: stay.requestDate ?? testCase.date,
      // A case's stay comes first in its year.
      used: NOTHING_USED,
      skiAidRequested: false,
    });
    return {
      subsidyCents: quote.subsidyCents,
      leftToPayCents: quote.leftToPayCents,
      depositCents: quote.depositCents,
      feesCents: quote.feesCents,
    };
  }
  if (claim)
    return {
      subsidyCents: flatClaim(pack, {
        ...claim,
        quotientCents: household.quotientCents,
        annualCeilingCents: household.annualCeilingCents,
        usedCeilingCents: 0,
      }).subsidyCents,
    };
  return {};
}

const PRICED_LABELS = {
  subsidyCents: 'subvention',
  leftToPayCents: 'reste à payer',
  depositCents: 'acompte',
  feesCents: 'frais',
} as const;

/** Runs one case on the pack: every figure it expects, each difference said. */
export function runCase(pack: Pack, testCase: PackCase): CaseResult {
  const result = simulateHousehold(pack, testCase.household, testCase.date);
  const { expect } = testCase;
  const differences: string[] = [];
  const compare = <T>(
    label: string,
    expected: T | undefined,
    actual: T,
    shown: (v: T) => string,
  ) => {
    if (expected !== undefined && expected !== actual)
      differences.push(`${label} : attendu ${shown(expected)}, obtenu ${shown(actual)}`);
  };
  compare('parts', expect.parts, result.parts, (v) => formatParts(Math.round(v * 4)));
  compare('quotient familial', expect.quotientCents, result.quotientCents, formatCents);
  for (const [grid, bp] of Object.entries(expect.ratesBp ?? {})) {
    const actual = result.ratesBp[grid];
    if (actual === undefined) differences.push(`taux ${grid} : ce barème n’a pas cette grille`);
    else compare(`taux ${grid}`, bp, actual, formatRate);
  }
  compare('plafond annuel', expect.annualCeilingCents, result.annualCeilingCents, ceiling);
  try {
    const priced = pricedOf(pack, testCase, result);
    for (const field of Object.keys(PRICED_LABELS) as (keyof typeof PRICED_LABELS)[]) {
      const actual = priced[field];
      if (actual !== undefined) compare(PRICED_LABELS[field], expect[field], actual, formatCents);
    }
  } catch (error) {
    if (!(error instanceof RulesError)) throw error;
    const what = testCase.stay ? 'le séjour' : 'la demande';
    differences.push(`impossible de chiffrer ${what} : ${error.message}`);
  }
  return { name: testCase.name, source: testCase.source, differences };
}

/** Every case of a pack, in its order. */
export const runPackCases = (pack: Pack): CaseResult[] =>
  (pack.data.cases ?? []).map((testCase) => runCase(pack, testCase));
