import { z } from 'zod';
import { agentRecordAnswer } from './household.ts';
import { noticeCheck } from './notice-check.ts';

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
