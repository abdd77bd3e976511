import { gridThresholds, isComplete, type PackRegistry } from '@entraide/rules';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/database.ts';
import { requireStaff } from '../accounts/session-cookies.ts';

/** The barème screen: every pack's parameters as written, and its thresholds checked against its formulas. */
export function packRoutes(app: FastifyInstance, db: Database, packs: PackRegistry): void {
  app.get('/api/staff/packs', async (request) => {
    await requireStaff(db, request);
    return {
      packs: packs.all().map((pack) => ({
        id: pack.id,
        organization: pack.organization,
        label: pack.label,
        validity: pack.data.validity,
        income: pack.data.income,
        complete: isComplete(pack),
        thresholds: gridThresholds(pack),
        parameters: pack.data,
      })),
    };
  });
}
