import { z } from 'zod';
import { agentRecordAnswer, recordStatuses } from './household.ts';
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
