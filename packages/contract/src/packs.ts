import { z } from 'zod';
import { calendarDay } from './text.ts';
import { explanationStep } from './simulation.ts';

/** A pack's data as the studio edits it: checked by the engine's pack schema, not here. */
const packData = z.record(z.string(), z.unknown(), {
  error: 'Un barème s’écrit en JSON, comme les fichiers de barème : { "id": "inserm-2022", … }.',
});

/** POST /api/admin/pack-drafts — a draft from a pack (next year's), or from a JSON file. */
export const packDraftInput = z.object({
  basedOn: z.string().min(1, 'Choisissez le barème de départ, par exemple inserm-2021.'),
  data: packData.optional(),
});

/**
 * The revision of the draft the admin's page read: when given, a save or a publication on a draft
 * saved since by another admin is refused, 409 `draft_changed`.
 */
const draftRevision = z.number().int().min(1).optional();

/** PUT /api/admin/pack-drafts/:id — what the admin wrote; saved even with faults. */
export const packDraftSave = z.object({ data: packData, revision: draftRevision });

/** POST /api/admin/pack-drafts/:id/publish — the id and period a draft is published under. */
export const packPublication = z
  .object({
    packId: z
      .string()
      .regex(
        /^[a-z0-9-]{3,40}$/,
        'Écrivez le nom en minuscules, chiffres et tirets, par exemple inserm-2022.',
      ),
    from: calendarDay,
    to: calendarDay,
    revision: draftRevision,
  })
  .refine((p) => p.from <= p.to, {
    path: ['to'],
    message: 'La fin de la période vient avant son début : vérifiez les deux dates.',
  });

/** A household's figures under one barème, explained step by step. */
export const packFigures = z.object({
  packId: z.string(),
  label: z.string(),
  parts: z.number(),
  quotientCents: z.number().int(),
  ratesBp: z.record(z.string(), z.number().int()),
  annualCeilingCents: z.number().int().nullable(),
  explanation: z.array(explanationStep).readonly(),
});
export type PackFigures = z.infer<typeof packFigures>;

/**
 * « Ce qui change pour vous »: the household of the member's latest validated Fiche under its
 * barème and under the one published to follow it, ages judged on the new one's first day.
 */
export const packChanges = z.object({
  /** The year of the Fiche Agent whose household is priced. */
  recordYear: z.number().int(),
  /** The day ages are judged under both packs: the new pack's first day. */
  on: z.string(),
  before: packFigures,
  after: packFigures,
  /** Grid ids with their labels, in the new pack's order. */
  grids: z.array(z.object({ grid: z.string(), label: z.string() })),
});
export type PackChanges = z.infer<typeof packChanges>;

/** GET /api/me/pack-changes — null when no barème follows the Fiche's. */
export const packChangesAnswer = z.object({ changes: packChanges.nullable() });
export type PackChangesAnswer = z.infer<typeof packChangesAnswer>;

/** A rate grid's income thresholds: the ones its formula implies and the ones the pack states. */
const gridThresholds = z.object({
  grid: z.string(),
  label: z.string(),
  impliedAtMaxCents: z.number().int().nullable(),
  impliedAtMinCents: z.number().int().nullable(),
  statedAtMaxCents: z.number().int().nullable(),
  statedAtMinCents: z.number().int().nullable(),
  /** Where the two disagree, in words. */
  warnings: z.array(z.string()).readonly(),
});

/** GET /api/staff/packs — every pack loaded, with its grids' thresholds and its parameters. */
export const staffPacksAnswer = z.object({
  packs: z.array(
    z.object({
      id: z.string(),
      organization: z.string(),
      label: z.string(),
      validity: z.object({ appliesTo: z.string(), from: z.string(), to: z.string() }),
      income: z.object({ description: z.string() }),
      /** Every parameter the engine needs is set: Fiches and simulations may use it. */
      complete: z.boolean(),
      thresholds: z.array(gridThresholds).readonly(),
      /** The pack's data as the engine reads it. */
      parameters: z.unknown(),
    }),
  ),
});
export type StaffPack = z.infer<typeof staffPacksAnswer>['packs'][number];
