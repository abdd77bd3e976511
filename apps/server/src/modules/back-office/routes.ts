import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../accounts/context.ts';
import { requireStaff } from '../accounts/session-cookies.ts';
import { staffQueues } from './queues.ts';

/** The back office's home: what waits in each of the staff member's queues. */
export function backOfficeRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/staff/home', async (request) => ({
    queues: await staffQueues(ctx, await requireStaff(ctx.db, request)),
  }));
}
