import type { FailedMail } from '@entraide/contract';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpError, parse } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import { requireAdmin } from '../accounts/session-cookies.ts';
import { recordAudit } from '../audit/audit-log.ts';

const mailId = z.object({
  id: z.string().regex(/^\d{1,18}$/, 'Numéro de courriel attendu, par exemple 42.'),
});

/**
 * The mails SMTP never accepted, for the admin: what failed, to whom and why; « Renvoyer » puts
 * one back in the queue (after, say, the mail server's address was corrected).
 */
export function failedMailRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  app.get('/api/admin/failed-mails', async (request): Promise<FailedMail[]> => {
    await requireAdmin(db, request);
    return db.query<FailedMail>(
      `SELECT id::text, to_address AS "to", subject, attempts, error,
              created_at::text AS "createdAt", failed_at::text AS "failedAt"
         FROM mail_outbox WHERE failed_at IS NOT NULL AND sent_at IS NULL
        ORDER BY failed_at DESC LIMIT 500`,
    );
  });

  app.post('/api/admin/failed-mails/:id/resend', async (request) => {
    const admin = await requireAdmin(db, request);
    const { id } = parse(mailId, request.params);
    return db.transaction(async (tx) => {
      const [mail] = await tx.query<{ to: string }>(
        `UPDATE mail_outbox SET failed_at = NULL, error = NULL, attempts = 0
          WHERE id = $1 AND failed_at IS NOT NULL AND sent_at IS NULL RETURNING to_address AS "to"`,
        [id],
      );
      if (!mail)
        throw new HttpError(
          404,
          'not_failed',
          'Ce courriel n’est plus en échec : il a déjà été renvoyé, par vous ou par un collègue. La liste est à jour.',
        );
      await ctx.mailer.resend(tx, id);
      await recordAudit(tx, admin.id, 'mail.resend', 'mail', id, { to: mail.to });
      return { id };
    });
  });
}
