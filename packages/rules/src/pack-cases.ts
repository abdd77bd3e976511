// A pack's own test cases (issue 17, point 2): each household's figures on its day, compared with
// what the pack says they must be. Pure: the command line and the tests print the answers.
import { formatCents, formatParts, formatRate } from './explanation.ts';
import { simulateHousehold } from './household-simulation.ts';
import type { Pack } from './pack.ts';
import type { PackCase } from './pack-schema.ts';

export interface CaseResult {
  readonly name: string;
  readonly source: string;
  /** What differs, in French; empty when the case passes. */
  readonly differences: readonly string[];
}

const ceiling = (cents: number | null): string => (cents === null ? 'aucun' : formatCents(cents));

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
  return { name: testCase.name, source: testCase.source, differences };
}

/** Every case of a pack, in its order. */
export const runPackCases = (pack: Pack): CaseResult[] =>
  (pack.data.cases ?? []).map((testCase) => runCase(pack, testCase));
