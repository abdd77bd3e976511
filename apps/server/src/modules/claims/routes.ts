import {
  activitySectors,
  claimApprovals,
  claimDecision,
  claimEstimate,
  claimInput,
  payoutRequest,
  payoutSent,
  payoutCancellation,
} from '@entraide/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parse, requireDayWithin, sendFile } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import {
  requireSectorStaff,
  requireStaff,
  requireUser,
  sectorRow,
} from '../accounts/session-cookies.ts';
import {
  approveClaims,
  claimQueue,
  decideClaim,
  memberClaims,
  prepareClaim,
  submitClaim,
} from './claims.ts';
import {
  cancelPayout,
  confirmPayoutSent,
  createPayout,
  payoutPreview,
  listPayouts,
  payoutFile,
  payoutSectors,
} from './payouts.ts';

const idParam = z.object({ id: z.string() });

/** Mes dossiers subventions (members), their review and the payouts (staff). */
export function claimRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;

  app.post('/api/me/claims/quote', async (request) => {
    const member = await requireUser(db, request);
    // An estimate: the receipt is needed to send the claim, not to know what it would give.
    const { quote } = await prepareClaim(ctx, db, member, parse(claimEstimate, request.body));
    return { ...quote.figures, explanation: quote.explanation };
  });

  app.get('/api/me/claims', async (request) => ({
    claims: await memberClaims(db, (await requireUser(db, request)).id),
  }));

  app.post('/api/me/claims', async (request, reply) => {
    const member = await requireUser(db, request);
    return reply.status(201).send(await submitClaim(ctx, member, parse(claimInput, request.body)));
  });

  app.get('/api/staff/claims', async (request) => {
    const staff = await requireStaff(db, request, ...activitySectors);
    return claimQueue(db, staff.role === 'admin' ? null : staff.sectors);
  });

  app.post('/api/staff/claims/:id/decision', async (request) => {
    const { id } = parse(idParam, request.params);
    const { staff } = await requireSectorStaff(db, request, () => sectorRow(db, 'claims', id));
    return decideClaim(ctx, staff, id, parse(claimDecision, request.body));
  });

  /** Several claims approved at once, each at its amount quoted again. */
  app.post('/api/staff/claims/approvals', async (request) => {
    const staff = await requireStaff(db, request, ...activitySectors);
    const { claimIds, expectedCents } = parse(claimApprovals, request.body ?? {});
    return approveClaims(ctx, staff, claimIds, expectedCents);
  });

  app.get('/api/staff/payouts', async (request) => {
    const staff = await requireStaff(db, request, ...activitySectors, 'comptabilite');
    return { payouts: await listPayouts(db, payoutSectors(staff)) };
  });

  app.post('/api/staff/payouts', async (request, reply) => {
    const staff = await requireStaff(db, request, ...activitySectors, 'comptabilite');
    const { executionDate, expectedClaims } = parse(payoutRequest, request.body);
    // A transfer is executed from today, and banks take orders up to a year ahead.
    requireDayWithin(
      'executionDate',
      executionDate,
      ctx.today(),
      { pastDays: 0, futureDays: 366 },
      'date d’exécution',
    );
    return reply.status(201).send(await createPayout(ctx, staff, executionDate, expectedClaims));
  });
  // What « Préparer le lot » would hold now, for its confirmation.
  app.get('/api/staff/payouts/preview', async (request) =>
    payoutPreview(ctx, await requireStaff(db, request, ...activitySectors, 'comptabilite')),
  );

  const payoutFileRoute =
    (mode: 'export' | 'copy') => async (request: FastifyRequest, reply: FastifyReply) => {
      const staff = await requireStaff(db, request, ...activitySectors, 'comptabilite');
      const { id } = parse(idParam, request.params);
      const { reference, xml } = await payoutFile(ctx, staff, id, mode);
      return sendFile(reply, 'application/xml; charset=utf-8', `${reference}.xml`, xml);
    };
  // Exporting changes the batch, so it is a POST (under the CSRF check); the GET only gives a copy.
  app.post('/api/staff/payouts/:id/export', payoutFileRoute('export'));
  app.get('/api/staff/payouts/:id/pain.xml', payoutFileRoute('copy'));
  app.post('/api/staff/payouts/:id/sent', async (request) => {
    const staff = await requireStaff(db, request, ...activitySectors, 'comptabilite');
    const { id } = parse(idParam, request.params);
    return confirmPayoutSent(ctx, staff, id, parse(payoutSent, request.body).sentOn);
  });
  app.post('/api/staff/payouts/:id/cancellation', async (request) => {
    const staff = await requireStaff(db, request, ...activitySectors, 'comptabilite');
    const { id } = parse(idParam, request.params);
    const { reason, expectedState } = parse(payoutCancellation, request.body ?? {});
    return cancelPayout(ctx, staff, id, reason, expectedState);
  });
}
