import {
  activityInput,
  activitySectors,
  catalogueQuery,
  sessionCancellationRequest,
  sessionInput,
  type SessionInput,
  type ActivityInput,
  type PriceFromAnswer,
} from '@entraide/contract';
import { formatIsoDate, type PackRegistry } from '@entraide/rules';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { invalidField, parse, requireDayWithin } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import { currentUser, requireSectorStaff, requireStaff } from '../accounts/session-cookies.ts';
import { activityCosts } from '../registrations/activity-costs.ts';
import {
  cancelSession,
  previewSessionCancellation,
} from '../registrations/session-cancellation.ts';
import {
  activityFields,
  findActivity,
  listCatalogue,
  listForStaff,
  saveActivity,
  saveSession,
} from './catalogue.ts';

const idParam = z.object({ id: z.string() });
const sessionParams = z.object({ id: z.string(), sessionId: z.string() });
const sectorQuery = z.object({ sector: z.enum(activitySectors).optional() });

/** A cap category must be one the committee's rule packs know, or the quotes could not apply it. */
function checkCapCategory(
  packs: PackRegistry,
  ctx: AppContext,
  input: ActivityInput,
): ActivityInput {
  const known = packs
    .all()
    .some(
      (pack) =>
        pack.organization === ctx.organization.id &&
        pack.capCategories?.has(input.capCategory ?? ''),
    );
  if (input.capCategory !== null && !known)
    throw invalidField('capCategory', 'catégorie inconnue des barèmes du comité');
  return input;
}

/** The catalogue: public pages, and the staff's editor (each sector's staff edit their own). */
export function activityRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, packs } = ctx;
  /** A session is offered within the three years to come (or, being corrected, the year past). */
  const sessionOfCalendar = (input: SessionInput): SessionInput => {
    for (const field of ['firstDay', 'lastDay', 'closesOn'] as const)
      requireDayWithin(
        field,
        input[field],
        ctx.today(),
        { pastDays: 366, futureDays: 1_100 },
        'date',
      );
    return input;
  };

  /** For a member: each card's least price for the family after subsidy, and for whom. */
  app.get('/api/activities', async (request) => {
    const activities = await listCatalogue(db, parse(catalogueQuery, request.query));
    const viewer = await currentUser(db, request);
    const pricesFrom: Record<string, PriceFromAnswer> = {};
    if (viewer?.role === 'member')
      for (const [id, people] of await activityCosts(db, packs, viewer, activities, ctx.today())) {
        const cheapest = people
          .flatMap((person) =>
            person.sessions.map((s) => ({
              firstName: person.firstName,
              leftToPayCents: s.leftToPayCents,
            })),
          )
          .sort((a, b) => a.leftToPayCents - b.leftToPayCents)[0];
        if (cheapest) pricesFrom[id] = cheapest;
      }
    return { activities, pricesFrom };
  });

  app.get('/api/activities/:id', async (request) => {
    const activity = await findActivity(db, parse(idParam, request.params).id, false);
    const viewer = await currentUser(db, request);
    return {
      activity,
      costs:
        viewer?.role === 'member'
          ? ((await activityCosts(db, packs, viewer, [activity], ctx.today())).get(activity.id) ??
            [])
          : null,
    };
  });

  /** Staff of the activity's sector. */
  const sectorStaff = async (request: FastifyRequest, activityId: string) =>
    (await requireSectorStaff(db, request, () => activityFields(db, activityId, true))).staff;

  app.get('/api/staff/activities', async (request) => {
    const staff = await requireStaff(db, request, ...activitySectors);
    const { sector } = parse(sectorQuery, request.query);
    const mine = staff.role === 'admin' ? null : staff.sectors;
    return {
      activities: await listForStaff(db, sector ? [sector] : mine),
    };
  });

  app.post('/api/staff/activities', async (request, reply) => {
    await requireStaff(db, request, ...activitySectors);
    const input = checkCapCategory(packs, ctx, parse(activityInput, request.body));
    const staff = await requireStaff(db, request, input.sector);
    return reply.status(201).send(await saveActivity(db, staff, null, input));
  });

  app.put('/api/staff/activities/:id', async (request) => {
    const { id } = parse(idParam, request.params);
    const staff = await sectorStaff(request, id);
    const input = checkCapCategory(packs, ctx, parse(activityInput, request.body));
    await requireStaff(db, request, input.sector);
    return saveActivity(db, staff, id, input);
  });

  app.post('/api/staff/activities/:id/sessions', async (request, reply) => {
    const { id } = parse(idParam, request.params);
    const staff = await sectorStaff(request, id);
    const input = sessionOfCalendar(parse(sessionInput, request.body));
    // A new session opens for requests: its closing is today or later.
    if (input.closesOn < ctx.today())
      throw invalidField(
        'closesOn',
        `cette date de clôture est déjà passée : choisissez le ${formatIsoDate(ctx.today())} ou plus tard`,
      );
    return reply.status(201).send(await saveSession(db, staff, id, null, input));
  });

  /** What cancelling the session would do, rehearsed: read before confirming. */
  app.get('/api/staff/activities/:id/sessions/:sessionId/cancellation', async (request) => {
    const { id, sessionId } = parse(sessionParams, request.params);
    return previewSessionCancellation(ctx, await sectorStaff(request, id), id, sessionId);
  });

  app.post('/api/staff/activities/:id/sessions/:sessionId/cancellation', async (request) => {
    const { id, sessionId } = parse(sessionParams, request.params);
    const staff = await sectorStaff(request, id);
    return cancelSession(
      ctx,
      staff,
      id,
      sessionId,
      parse(sessionCancellationRequest, request.body ?? {}),
    );
  });

  app.put('/api/staff/activities/:id/sessions/:sessionId', async (request) => {
    const { id, sessionId } = parse(sessionParams, request.params);
    const staff = await sectorStaff(request, id);
    return saveSession(
      db,
      staff,
      id,
      sessionId,
      sessionOfCalendar(parse(sessionInput, request.body)),
    );
  });
}
