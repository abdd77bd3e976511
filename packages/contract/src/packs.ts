import { z } from 'zod';
import { calendarDay } from './text.ts';

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
