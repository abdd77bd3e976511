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

/** GET /api/packs/:id/rate-curve — each grid's rate every 250 € of quotient, 0 to 40 000 €. */
export const rateCurveAnswer = z.object({
  grids: z.array(
    z.object({
      grid: z.string(),
      label: z.string(),
      points: z.array(z.object({ quotientCents: z.number().int(), rateBp: z.number().int() })),
    }),
  ),
});
export type RateCurveAnswer = z.infer<typeof rateCurveAnswer>;

/** A parameter of a pack, by its dotted path, as the studio and the pack's page show it. */
export const packParameter = z.object({
  path: z.string(),
  section: z.string(),
  label: z.string(),
  unit: z.enum(['%', 'points', '€', 'parts', 'jours', 'nuits', 'ans', 'fois', '']),
  kind: z.enum(['decimal', 'integer', 'boolean', 'list', 'text']),
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string()).readonly()]),
  source: z.string().nullable(),
});

/** GET /api/packs/:id/page — a barème written out for everyone. */
export const packPageAnswer = z.object({
  id: z.string(),
  organization: z.string(),
  label: z.string(),
  validity: z.object({ from: z.string(), to: z.string() }),
  /** The income the quotient starts from, as the committee words it. */
  income: z.string(),
  grids: z.array(z.object({ grid: z.string(), label: z.string(), rule: z.string() })).readonly(),
  annualCeiling: z
    .object({
      qfForMaximumEuros: z.number(),
      qfForMinimumEuros: z.number(),
      /** One row per household: « Célibataire », « Couple avec 2 enfants »… */
      rows: z
        .array(
          z.object({
            household: z.string(),
            minCents: z.number().int(),
            maxCents: z.number().int(),
          }),
        )
        .readonly(),
      /** Sectors whose subsidies do not count. */
      exemptSectors: z.array(z.string()).readonly(),
      notForHouseholdsWithDisability: z.boolean(),
    })
    .nullable(),
  parameters: z.array(packParameter).readonly(),
  /** The situations the pack's figures were checked on, and where they come from. */
  examples: z.array(z.object({ name: z.string(), source: z.string() })).readonly(),
});

const draftStatus = z.enum(['draft', 'published']);

/** A draft of the studio, without its data. */
const draftHeading = z.object({
  id: z.string(),
  organization: z.string(),
  basedOn: z.string(),
  status: draftStatus,
  /** The id it was published under. */
  packId: z.string().nullable(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  /** How many times it was saved (see `packDraftSave.revision`). */
  revision: z.number().int(),
});

/** GET /api/admin/pack-drafts — the drafts, and the committee's packs a draft may start from. */
export const packDraftsAnswer = z.object({
  drafts: z.array(draftHeading.extend({ label: z.string() })),
  packs: z.array(z.object({ id: z.string(), label: z.string(), complete: z.boolean() })),
});
export type PackDraftsAnswer = z.infer<typeof packDraftsAnswer>;

/** A draft checked: its faults by path (none: it can be published), warnings, its test cases run. */
export const draftCheck = z.object({
  faults: z.array(z.object({ path: z.string(), message: z.string() })).readonly(),
  warnings: z.array(z.string()).readonly(),
  cases: z
    .array(
      z.object({
        name: z.string(),
        source: z.string(),
        /** What differs, in French; empty when the case passes. */
        differences: z.array(z.string()).readonly(),
      }),
    )
    .readonly(),
});

/** A draft as the studio edits it: its data, its check and its parameters as fields. */
export const packDraftAnswer = z.object({
  draft: draftHeading.extend({ data: packData }),
  check: draftCheck,
  parameters: z.array(packParameter).readonly(),
});
export type PackDraftAnswer = z.infer<typeof packDraftAnswer>;

/** POST /api/admin/pack-drafts/:id/publish — the pack now in force. */
export const publishedPack = z.object({ packId: z.string(), label: z.string() });

/** The sums of a pack's impact on the committee's households. */
const impactSide = z.object({
  totalCents: z.number().int(),
  bySector: z.record(z.string(), z.number().int()),
  ceilingBinds: z.number().int(),
  allowanceBinds: z.number().int(),
});

/** GET /api/admin/pack-drafts/:id/impact — what the draft would cost against the pack in force. */
export const packImpactAnswer = z.object({
  basedOn: z.string(),
  /** The grid households without a stay are compared by, and the deciles' rate: the first one. */
  grid: z.string().nullable(),
  current: impactSide,
  draft: impactSide,
  households: z.number().int(),
  stays: z.number().int(),
  claims: z.number().int(),
  /** Stays and claims the engine refused under a pack (a missing parameter): counted at 0 €. */
  unpriced: z.number().int(),
  better: z.number().int(),
  worse: z.number().int(),
  unchanged: z.number().int(),
  deciles: z
    .array(
      z.object({
        decile: z.number().int(),
        households: z.number().int(),
        fromQuotientCents: z.number().int(),
        toQuotientCents: z.number().int(),
        currentCents: z.number().int(),
        draftCents: z.number().int(),
        /** Mean change of the first grid's rate, in hundredths of a percent. */
        meanRateChangeBp: z.number(),
      }),
    )
    .readonly(),
  milliseconds: z.number().int(),
});
export type PackImpactAnswer = z.infer<typeof packImpactAnswer>;
