import { calendarYear } from '@entraide/contract';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parse, sendFile } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import { requireUser } from '../accounts/session-cookies.ts';
import { administrativeSubsidyMandate, nonSubsidyCertificate } from './forms.ts';

const yearQuery = z.object({
  /** By default the committee's current year. */
  year: calendarYear.optional(),
});

/** The committee's forms, pre-filled from the member's data, to print and sign. */
export function formRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/me/forms/subvention-administrative.pdf', async (request, reply) => {
    const member = await requireUser(ctx.db, request);
    return sendFile(
      reply,
      'application/pdf',
      'subvention-administrative.pdf',
      await administrativeSubsidyMandate(ctx, member),
    );
  });
  app.get('/api/me/forms/attestation-non-subvention.pdf', async (request, reply) => {
    const member = await requireUser(ctx.db, request);
    return sendFile(
      reply,
      'application/pdf',
      'attestation-non-subvention.pdf',
      await nonSubsidyCertificate(
        ctx,
        member,
        parse(yearQuery, request.query).year ?? Number(ctx.today().slice(0, 4)),
      ),
    );
  });
}
