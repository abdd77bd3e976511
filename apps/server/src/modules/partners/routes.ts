import { partnerOfferInput } from '@entraide/contract';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { parse } from '../../http.ts';
import { requireStaff, requireUser } from '../accounts/session-cookies.ts';
import { deleteOffer, listOffers, saveOffer } from './partner-offers.ts';

const idParam = z.object({ id: z.string() });

export function partnerRoutes(app: FastifyInstance, db: Database): void {
  app.get('/api/partner-offers', async (request) => {
    await requireUser(db, request);
    return { offers: await listOffers(db) };
  });
  app.post('/api/staff/partner-offers', async (request, reply) => {
    const staff = await requireStaff(db, request);
    return reply
      .status(201)
      .send(await saveOffer(db, staff, null, parse(partnerOfferInput, request.body)));
  });
  app.put('/api/staff/partner-offers/:id', async (request) => {
    const staff = await requireStaff(db, request);
    return saveOffer(
      db,
      staff,
      parse(idParam, request.params).id,
      parse(partnerOfferInput, request.body),
    );
  });
  app.delete('/api/staff/partner-offers/:id', async (request, reply) => {
    const staff = await requireStaff(db, request);
    await deleteOffer(db, staff, parse(idParam, request.params).id);
    return reply.status(204).send();
  });
}
