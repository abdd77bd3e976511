import { activitySectors, registrationInput, selectionPostponement } from '@entraide/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { notFound, parse, requireUuid, sendFile } from '../../http.ts';
import type { Queryable } from '../../db/database.ts';
import type { AppContext } from '../accounts/context.ts';
import {
  requireSectorStaff,
  requireSessionCookie,
  requireStaff,
  requireUser,
  SESSION_COOKIE,
} from '../accounts/session-cookies.ts';
import { activityFields, sessionsById } from '../activities/catalogue.ts';
import { providerCsv, providerList, providerPdf } from './provider-lists.ts';
import { registrationFormPdf } from './registration-form.ts';
import {
  cancelRegistration,
  changeRegistration,
  findRegistration,
  memberRegistrations,
  prepareRequest,
  previewOf,
} from './registration-requests.ts';
import type { RegistrationBatches } from './registration-batches.ts';
import { tokenHash } from '../accounts/secrets.ts';
import { applySelection, postponeSelection, previewSelection } from './selection.ts';

const idParam = z.object({ id: z.string() });
const sectorParam = z.object({ sector: z.enum(activitySectors) });
const applyBody = z.object({ token: z.string().min(1, 'aperçu attendu').max(100) });

/** Registration requests (members) and the selection at closing with its lists (staff). */
export function registrationRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  batches: RegistrationBatches,
): void {
  const { db } = ctx;

  app.post('/api/me/registrations/quote', async (request) => {
    const member = await requireUser(db, request);
    const input = parse(registrationInput, request.body);
    return previewOf(await prepareRequest(ctx, db, member, input));
  });

  app.get('/api/me/registrations', async (request) => ({
    registrations: await memberRegistrations(db, (await requireUser(db, request)).id),
  }));

  app.post('/api/me/registrations', async (request, reply) => {
    requireSessionCookie(request);
    const input = parse(registrationInput, request.body);
    const caller = (tx: Queryable) => requireUser(tx, request, 'lock member');
    const session = tokenHash(request.cookies[SESSION_COOKIE] ?? '');
    const sent = { session, caller, input };
    const registration = await batches.send(sent, (error) => {
      request.log.error({ err: error }, 'suite de décision reportée au travail de sélection');
    });
    return reply.status(201).send(registration);
  });

  app.put('/api/me/registrations/:id', async (request) => {
    const member = await requireUser(db, request);
    const { id } = parse(idParam, request.params);
    return changeRegistration(ctx, member, id, parse(registrationInput, request.body));
  });

  app.delete('/api/me/registrations/:id', async (request, reply) => {
    const member = await requireUser(db, request);
    await cancelRegistration(ctx, member, parse(idParam, request.params).id);
    return reply.status(204).send();
  });

  app.get('/api/me/registrations/:id/form.pdf', async (request, reply) => {
    const member = await requireUser(db, request);
    const registration = await findRegistration(db, member, parse(idParam, request.params).id);
    const pdf = await registrationFormPdf(ctx, member, registration);
    return sendFile(reply, 'application/pdf', `demande-${registration.number}.pdf`, pdf);
  });

  app.get('/api/staff/selection/:sector', async (request) => {
    const { sector } = parse(sectorParam, request.params);
    await requireStaff(db, request, sector);
    return previewSelection(db, sector, ctx.today(), ctx.organization.neverWentFirst);
  });

  /** Staff postpone the automatic selection of the sector's closed sessions. */
  app.put('/api/staff/selection/:sector/day', async (request) => {
    const { sector } = parse(sectorParam, request.params);
    const staff = await requireStaff(db, request, sector);
    const { selectionOn } = parse(selectionPostponement, request.body ?? {});
    return postponeSelection(ctx, staff, sector, selectionOn);
  });

  app.post('/api/staff/selection/:sector', async (request) => {
    const { sector } = parse(sectorParam, request.params);
    const staff = await requireStaff(db, request, sector);
    const { token } = parse(applyBody, request.body);
    return applySelection(ctx, staff, sector, token);
  });

  /** The provider's list of a session, as CSV or PDF, for the sector's staff. */
  const sessionOfStaff = async (request: FastifyRequest) => {
    const { resource: session } = await requireSectorStaff(db, request, async () => {
      const [found] = await sessionsById(db, [requireUuid(parse(idParam, request.params).id)]);
      if (!found) throw notFound();
      return { id: found.id, sector: (await activityFields(db, found.activityId, true)).sector };
    });
    return providerList(db, session.id);
  };
  app.get('/api/staff/sessions/:id/participants.csv', async (request, reply) =>
    sendFile(
      reply,
      'text/csv; charset=utf-8',
      'participants.csv',
      providerCsv(await sessionOfStaff(request)),
    ),
  );
  app.get('/api/staff/sessions/:id/participants.pdf', async (request, reply) =>
    sendFile(
      reply,
      'application/pdf',
      'participants.pdf',
      await providerPdf(await sessionOfStaff(request), ctx.organization),
    ),
  );
}
