import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import { parse, sendFile } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import { closeSession, requireUser } from '../accounts/session-cookies.ts';
import type { DocumentStore } from '../household/documents.ts';
import { closeAccount } from './account-closing.ts';
import { myDataZip } from './my-data.ts';

const closingRequest = z.object({
  password: z.string().min(1, 'saisissez votre mot de passe').max(200),
});

/** The member's rights under the RGPD: a copy of their data, and closing the account. */
export function privacyRoutes(app: FastifyInstance, ctx: AppContext, store: DocumentStore): void {
  app.get('/api/me/data.zip', async (request, reply) => {
    const member = await requireUser(ctx.db, request);
    const zip = await myDataZip(ctx.db, store, member);
    return sendFile(
      reply,
      'application/zip',
      `mes-donnees-${member.identifier}.zip`,
      zip,
      'uploaded',
    );
  });

  app.post('/api/me/account/close', async (request, reply) => {
    const member = await requireUser(ctx.db, request);
    const { password } = parse(closingRequest, request.body);
    await closeAccount(ctx, store, member, password);
    await closeSession(ctx.db, request, reply);
    return reply.status(204).send();
  });
}
