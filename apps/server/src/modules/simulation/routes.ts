import { simulationRequest, type PackListAnswer, type SimulationAnswer } from '@entraide/contract';
import { simulateHousehold, simulationAnswer, type PackRegistry } from '@entraide/rules';
import type { FastifyInstance } from 'fastify';
import { parse } from '../../http.ts';

/**
 * The public calculator (SPEC §8): anyone may call it, without an account or a cookie. Ages are
 * judged on the committee's day unless the request gives one.
 */
export function simulationRoutes(
  app: FastifyInstance,
  packs: PackRegistry,
  today: () => string,
): void {
  app.post('/api/v1/simulations', async (request): Promise<SimulationAnswer> => {
    const body = parse(simulationRequest, request.body);
    const pack = packs.get(body.pack);
    const { rfrEuros, spouseRfrEuros, ...household } = body.household;
    const result = simulateHousehold(
      pack,
      { ...household, taxIncomeEuros: rfrEuros, spouseTaxIncomeEuros: spouseRfrEuros },
      body.date ?? today(),
    );
    return simulationAnswer(result);
  });

  app.get('/api/v1/packs', async (): Promise<PackListAnswer> => ({
    packs: packs.all().map((pack) => ({
      id: pack.id,
      organization: pack.organization,
      label: pack.label,
      grids: [...(pack.grids?.keys() ?? [])],
    })),
  }));
}
