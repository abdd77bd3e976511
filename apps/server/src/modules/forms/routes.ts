import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { parse } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import { requireUser } from '../accounts/session-cookies.ts';
import { administrativeSubsidyMandate, nonSubsidyCertificate } from './forms.ts';

const yearQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).default(new Date().getFullYear()),
});

const sendPdf = (reply: FastifyReply, name: string, pdf: Uint8Array) =>
  reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="${name}"`)
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(pdf));

/** The committee's forms, pre-filled from the member's data, to print and sign. */
export function formRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/me/forms/subvention-administrative.pdf', async (request, reply) => {
    const member = await requireUser(ctx.db, request);
    return sendPdf(
      reply,
      'subvention-administrative.pdf',
      await administrativeSubsidyMandate(ctx, member),
    );
  });
  app.get('/api/me/forms/attestation-non-subvention.pdf', async (request, reply) => {
    const member = await requireUser(ctx.db, request);
    return sendPdf(
      reply,
      'attestation-non-subvention.pdf',
      await nonSubsidyCertificate(ctx, member, parse(yearQuery, request.query).year),
    );
  });
}
