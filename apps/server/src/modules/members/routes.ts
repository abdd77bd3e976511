import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parse } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import { fileReads, memberFile, searchMembers } from './member-files.ts';
import { memberBenefits } from './benefits.ts';
import { memberHistory } from './history.ts';
import { memberHome } from './member-home.ts';
import { requireStaff, requireUser } from '../accounts/session-cookies.ts';

const searchQuery = z.object({ q: z.string().trim().min(2, 'au moins 2 caractères').max(100) });
const idParam = z.object({ id: z.string() });

export function memberFileRoutes(app: FastifyInstance, ctx: AppContext): void {
  // A member's whole file is the Fiche Agent staff's work (and the admins'): least privilege.
  app.get('/api/staff/members', async (request) => {
    await requireStaff(ctx.db, request, 'fiche-agent');
    return { members: await searchMembers(ctx.db, parse(searchQuery, request.query).q) };
  });

  app.get('/api/staff/members/:id', async (request) => {
    const staff = await requireStaff(ctx.db, request, 'fiche-agent');
    return memberFile(ctx, staff, parse(idParam, request.params).id);
  });

  app.get('/api/me/home', async (request) => memberHome(ctx, await requireUser(ctx.db, request)));

  app.get('/api/me/benefits', async (request) => ({
    years: await memberBenefits(ctx.db, (await requireUser(ctx.db, request)).id),
  }));

  app.get('/api/me/history', async (request) => ({
    years: await memberHistory(ctx.db, ctx.packs, (await requireUser(ctx.db, request)).id),
  }));

  app.get('/api/me/file-reads', async (request) => ({
    reads: await fileReads(ctx.db, (await requireUser(ctx.db, request)).id),
  }));
}
