import type { HouseholdSimulation } from './household-simulation.ts';

/** The public answer of a household simulation (SPEC §8): rates as percentages with two decimals. */
export interface SimulationAnswer {
  readonly pack: string;
  readonly parts: number;
  readonly quotientCents: number;
  readonly rates: Readonly<Record<string, number>>;
  readonly annualCeilingCents: number | null;
  readonly skiAidCents: number | null;
  readonly explanation: readonly {
    readonly step: string;
    readonly text: string;
    readonly value: number | null;
    readonly formula: string;
  }[];
}

/** 2781 hundredths of a percent → 27.81, the nearest double to the exact two-decimal value. */
export const bpToPercent = (bp: number): number => bp / 100;

export function simulationAnswer(result: HouseholdSimulation): SimulationAnswer {
  return {
    pack: result.pack,
    parts: result.parts,
    quotientCents: result.quotientCents,
    rates: Object.fromEntries(
      Object.entries(result.ratesBp).map(([grid, bp]) => [grid, bpToPercent(bp)]),
    ),
    annualCeilingCents: result.annualCeilingCents,
    skiAidCents: result.skiAidCents,
    explanation: result.explanation.map(({ step, text, value, formula }) => ({
      step,
      text,
      value,
      formula,
    })),
  };
}
