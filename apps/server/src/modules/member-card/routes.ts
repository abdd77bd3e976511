import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parse, sendFile } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import { requireUser } from '../accounts/session-cookies.ts';
import { checkCard, memberCardPdf } from './member-card.ts';

const tokenParam = z.object({ token: z.string() });

export function memberCardRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/me/card.pdf', async (request, reply) => {
    const member = await requireUser(ctx.db, request);
    const pdf = await memberCardPdf(ctx, member);
    return sendFile(reply, 'application/pdf', 'carte-adherent.pdf', pdf);
  });

  /** Public: what the card's QR code opens. */
  app.get('/api/cards/:token', async (request) =>
    checkCard(ctx.db, parse(tokenParam, request.params).token, ctx.today()),
  );
}
