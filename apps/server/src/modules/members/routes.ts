import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parse } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import { requireStaff } from '../accounts/session-cookies.ts';
import { memberFile, searchMembers } from './member-files.ts';

const searchQuery = z.object({ q: z.string().trim().min(2, 'au moins 2 caractères').max(100) });
const idParam = z.object({ id: z.string() });

export function memberFileRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/staff/members', async (request) => {
    await requireStaff(ctx.db, request);
    return { members: await searchMembers(ctx.db, parse(searchQuery, request.query).q) };
  });

  app.get('/api/staff/members/:id', async (request) => {
    const staff = await requireStaff(ctx.db, request);
    return memberFile(ctx, staff, parse(idParam, request.params).id);
  });
}
