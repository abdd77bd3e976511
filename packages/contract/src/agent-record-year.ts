import { z } from 'zod';
import { bulkAnswer } from './text.ts';
import {
  agentRecordAnswer,
  documentSummary,
  recordStatuses,
  taxNoticeDetails,
} from './household.ts';
import { noticeCheck, noticeCheckStatuses } from './notice-check.ts';

/**
 * GET /api/me/agent-records/:year — the year's Fiche, every version newest first, the year of the
 * incomes it asks for (null: no barème covers the year) and what its tax notices say of them.
 */
export const agentRecordYearAnswer = z.object({
  versions: z.array(agentRecordAnswer),
  incomeYear: z.number().int().nullable(),
  /** Absent while the year has no Fiche. */
  notices: noticeCheck.optional(),
});
export type AgentRecordYearAnswer = z.infer<typeof agentRecordYearAnswer>;

/** A Fiche Agent in the Fiche Agent desk's queue. */
export const recordQueueEntry = z.object({
  id: z.string(),
  identifier: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  status: z.enum(recordStatuses),
  submittedAt: z.string().nullable(),
  /** How many things changed since the member's Fiche last validated; null for a first Fiche. */
  changes: z.number().int().nullable(),
  /** What its tax notices say of its typed incomes. */
  notices: z.enum(noticeCheckStatuses),
});
export type RecordQueueEntry = z.infer<typeof recordQueueEntry>;

/** GET /api/staff/agent-records — the queue, oldest first. */
export const recordQueueAnswer = z.object({ records: z.array(recordQueueEntry) });

/** GET /api/staff/agent-records/:id — a Fiche as the Fiche Agent desk reads it. */
export const recordFileAnswer = z.object({
  record: agentRecordAnswer,
  versions: z.array(agentRecordAnswer),
  /** The desk's view of the documents: the notices' declarants and tax numbers. */
  documents: z.array(documentSummary.extend({ taxNotice: taxNoticeDetails.nullable() })),
  notices: noticeCheck,
  /** What changed since the member's latest validated Fiche, field by field. */
  changes: z
    .object({
      since: z.object({ year: z.number().int(), version: z.number().int() }),
      list: z.array(z.object({ label: z.string(), before: z.string(), after: z.string() })),
    })
    .nullable(),
  /** What validating it gives, or why it would be refused (a submitted Fiche; else null). */
  validation: z
    .union([
      z.object({
        parts: z.number(),
        quotientCents: z.number().int(),
        annualCeilingCents: z.number().int().nullable(),
      }),
      z.object({ refusal: z.string() }),
    ])
    .nullable(),
});
export type RecordFileAnswer = z.infer<typeof recordFileAnswer>;

/** POST /api/staff/agent-records/validations — the Fiches validated, with their parts. */
export const recordValidationsAnswer = bulkAnswer(
  z.object({ id: z.string(), year: z.number().int(), parts: z.number().nullable() }),
);
