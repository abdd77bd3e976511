import { z } from 'zod';
import { calendarDay, wholeEuros } from './text.ts';

const isoDate = calendarDay;
const ADULTS = 'indiquez un nombre entier d’adultes entre 0 et 20, par exemple 1';

/** POST /api/v1/simulations — the public simulation (SPEC §8), a fixed contract. */
export const simulationRequest = z.object({
  pack: z.string().min(1, 'barème attendu').max(64),
  date: isoDate.optional(),
  household: z.object({
    rfrEuros: wholeEuros,
    spouseRfrEuros: wholeEuros.optional(),
    couple: z.boolean().default(false),
    memberDisabled: z.boolean().default(false),
    spouseDisabled: z.boolean().default(false),
    children: z
      .array(
        z.object({
          birthDate: isoDate,
          sharedCustody: z.boolean().default(false),
          disabled: z.boolean().default(false),
        }),
      )
      .max(30, '30 enfants au plus')
      .default([]),
    disabledAdultDependants: z.number().int(ADULTS).min(0, ADULTS).max(20, ADULTS).default(0),
  }),
});
export type SimulationRequest = z.infer<typeof simulationRequest>;

export const explanationStep = z.object({
  step: z.string(),
  text: z.string(),
  value: z.number().nullable(),
  formula: z.string(),
});

export const simulationAnswer = z.object({
  pack: z.string(),
  parts: z.number(),
  quotientCents: z.number().int(),
  rates: z.record(z.string(), z.number()).readonly(),
  annualCeilingCents: z.number().int().nullable(),
  skiAidCents: z.number().int().nullable(),
  explanation: z.array(explanationStep.readonly()).readonly(),
});
export type SimulationAnswer = z.infer<typeof simulationAnswer>;

/** GET /api/v1/packs — the packs a simulation may name. */
export const packListAnswer = z.object({
  packs: z.array(
    z.object({
      id: z.string(),
      organization: z.string(),
      label: z.string(),
      grids: z.array(z.string()),
    }),
  ),
});
export type PackListAnswer = z.infer<typeof packListAnswer>;
