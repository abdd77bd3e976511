import { z } from 'zod';

/** One action of the staff's journal, in words. */
export const auditEntry = z.object({
  id: z.number().int(),
  /** The identifier of who acted; null for the system (a scheduled job). */
  actor: z.string().nullable(),
  action: z.string(),
  /** The action in words (« Fiche Agent validée »). */
  label: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  /** The identifier of the person the action concerns, when there is one (« IN-000123 »). */
  member: z.string().nullable(),
  details: z.unknown(),
  /** Its amounts, references and reasons in words; empty when it has none. */
  detail: z.string(),
  createdAt: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/** A page of the admin's journal, newest first, and every action a search can name. */
export const auditPageAnswer = z.object({
  entries: z.array(auditEntry),
  /** Whether older entries match the search. */
  more: z.boolean(),
  actions: z.array(z.object({ action: z.string(), label: z.string() })),
});
export type AuditPageAnswer = z.infer<typeof auditPageAnswer>;

/** A read of the member's file by the committee's staff, in words. */
export const fileRead = z.object({
  at: z.string(),
  /** Who read it: first and last name. */
  by: z.string(),
  /** Their desk (« gestion jeunesse », « administration »). */
  role: z.string(),
  /** What they read (« votre Fiche Agent »). */
  what: z.string(),
});
export type FileRead = z.infer<typeof fileRead>;

/** GET /api/me/file-reads — « Qui a consulté mon dossier », newest first. */
export const fileReadsAnswer = z.object({ reads: z.array(fileRead) });
