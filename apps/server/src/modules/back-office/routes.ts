import { activitySectors, dashboardQuery, sectorBudgetInput } from '@entraide/contract';
import type { FastifyInstance } from 'fastify';
import { parse, sendFile } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import { requireAdmin, requireStaff, worksIn } from '../accounts/session-cookies.ts';
import { dashboardCsv, sectorDashboards, setSectorBudget } from './dashboard.ts';
import { staffQueues } from './queues.ts';

/** The back office's home (what waits in each queue) and the sectors' dashboards. */
export function backOfficeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  app.get('/api/staff/home', async (request) => ({
    queues: await staffQueues(ctx, await requireStaff(db, request)),
  }));

  /** The dashboards of the staff member's activity sectors (every sector for the admin). */
  const dashboards = async (request: Parameters<typeof requireStaff>[1]) => {
    const staff = await requireStaff(db, request, ...activitySectors);
    const { year } = parse(dashboardQuery, request.query);
    const sectors = activitySectors.filter((sector) => worksIn(staff, sector));
    return sectorDashboards(db, sectors, year);
  };

  app.get('/api/staff/dashboard', async (request) => ({
    sectors: await dashboards(request),
  }));

  app.get('/api/staff/dashboard.csv', async (request, reply) =>
    sendFile(
      reply,
      'text/csv; charset=utf-8',
      'tableau-de-bord.csv',
      dashboardCsv(await dashboards(request)),
    ),
  );

  app.put('/api/admin/sector-budgets', async (request, reply) => {
    const admin = await requireAdmin(db, request);
    const { sector, year, budgetCents } = parse(sectorBudgetInput, request.body ?? {});
    await setSectorBudget(db, admin, sector, year, budgetCents);
    return reply.status(204).send();
  });
}
