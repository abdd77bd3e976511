import { z } from 'zod';

/** Something the member should do, or know is on its way: a sentence and where to act. */
export const toDo = z.object({
  kind: z.enum(['action', 'waiting']),
  text: z.string(),
  link: z.string(),
});

/** One subsidy of the year, as counted against the annual ceiling. */
export const yearSubsidy = z.object({
  label: z.string(),
  cents: z.number().int(),
  link: z.string(),
});
export type YearSubsidy = z.infer<typeof yearSubsidy>;

/** A file's way: its steps, each reached or not, the last reached being where it stands. */
export const fileProgress = z.object({
  title: z.string(),
  link: z.string(),
  steps: z.array(z.object({ label: z.string(), reached: z.boolean() })).readonly(),
});

/** A mail the committee sent the member, as the mailbox has it. */
export const inboxMail = z.object({
  id: z.string(),
  subject: z.string(),
  text: z.string(),
  sentAt: z.string(),
});

/** GET /api/me/home — the member's home: à faire, the year's subsidies, the files, the mail. */
export const memberHomeAnswer = z.object({
  year: z.number().int(),
  todo: z.array(toDo).readonly(),
  subsidies: z.array(yearSubsidy).readonly(),
  files: z.array(fileProgress).readonly(),
  inbox: z.array(inboxMail).readonly(),
});
export type MemberHome = z.infer<typeof memberHomeAnswer>;
