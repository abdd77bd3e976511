import { z } from 'zod';

/** GET /api/admin/failed-mails — a mail of the outbox whose every delivery attempt failed. */
export const failedMail = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  attempts: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
  failedAt: z.string(),
});
export type FailedMail = z.infer<typeof failedMail>;
