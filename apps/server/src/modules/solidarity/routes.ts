import { solidarityDecision, solidarityInput } from '@entraide/contract';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parse } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import { requireStaff, requireUser } from '../accounts/session-cookies.ts';
import {
  askSolidarity,
  decideSolidarity,
  memberSolidarity,
  solidarityQueue,
} from './solidarity.ts';

const idParam = z.object({ id: z.string() });

/** Solidarité: the member's own requests; everything else for the Solidarité staff only. */
export function solidarityRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  app.get('/api/me/solidarity', async (request) => ({
    requests: await memberSolidarity(db, (await requireUser(db, request)).id),
  }));
  app.post('/api/me/solidarity', async (request, reply) => {
    const member = await requireUser(db, request);
    return reply
      .status(201)
      .send(await askSolidarity(ctx, member, parse(solidarityInput, request.body)));
  });
  app.get('/api/staff/solidarity', async (request) => {
    await requireStaff(db, request, 'solidarite');
    return { requests: await solidarityQueue(db) };
  });
  app.post('/api/staff/solidarity/:id/decision', async (request) => {
    const staff = await requireStaff(db, request, 'solidarite');
    return decideSolidarity(
      ctx,
      staff,
      parse(idParam, request.params).id,
      parse(solidarityDecision, request.body),
    );
  });
}
