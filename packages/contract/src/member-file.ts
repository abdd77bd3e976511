import { z } from 'zod';
import { auditEntry } from './audit.ts';
import { bankAccount, documentSummary, memberProfileAnswer, recordStatuses } from './household.ts';

/** A member found by the staff's search (name, CAES identifier or Inserm matricule). */
export const memberSearchHit = z.object({
  id: z.string(),
  identifier: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  matricule: z.string().nullable(),
});
export type MemberSearchHit = z.infer<typeof memberSearchHit>;

/** GET /api/staff/members?q= — the members found. */
export const memberSearchAnswer = z.object({ members: z.array(memberSearchHit) });

/** GET /api/staff/members/:id — a member's whole file, for the Fiche Agent desk and the admin. */
export const memberFileAnswer = z.object({
  profile: memberProfileAnswer,
  records: z
    .array(
      z.object({
        id: z.string(),
        year: z.number().int(),
        version: z.number().int(),
        status: z.enum(recordStatuses),
        submittedAt: z.string().nullable(),
        decidedAt: z.string().nullable(),
        packId: z.string().nullable(),
      }),
    )
    .readonly(),
  documents: z.array(documentSummary).readonly(),
  bankAccounts: z.array(bankAccount).readonly(),
  /** The actions about the member the reader may see, newest first. */
  audit: z.array(auditEntry).readonly(),
});
export type MemberFile = z.infer<typeof memberFileAnswer>;
