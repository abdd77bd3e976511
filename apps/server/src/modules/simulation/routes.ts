import { simulationRequest, type PackListAnswer, type SimulationAnswer } from '@entraide/contract';
import {
  explainedSimulation,
  gridLabel,
  gridRate,
  packPage,
  simulationAnswer,
  type PackRegistry,
} from '@entraide/rules';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { notFound, parse } from '../../http.ts';

const packParam = z.object({ id: z.string().max(100) });

/**
 * The public calculator's answer to a request's body (SPEC §8): checked by the contract, then the
 * engine's figures with their explanation. Ages are judged on `today` unless the body gives a day.
 */
export function publicSimulation(
  packs: PackRegistry,
  body: unknown,
  today: () => string,
): SimulationAnswer {
  const request = parse(simulationRequest, body);
  const { rfrEuros, spouseRfrEuros, ...household } = request.household;
  return simulationAnswer(
    explainedSimulation(
      packs.get(request.pack),
      { ...household, taxIncomeEuros: rfrEuros, spouseTaxIncomeEuros: spouseRfrEuros },
      request.date ?? today(),
    ),
  );
}

/**
 * The public calculator (SPEC §8): anyone may call it, without an account or a cookie. Ages are
 * judged on the committee's day unless the request gives one.
 */
export function simulationRoutes(
  app: FastifyInstance,
  packs: PackRegistry,
  today: () => string,
): void {
  app.post('/api/v1/simulations', async (request): Promise<SimulationAnswer> =>
    publicSimulation(packs, request.body, today),
  );

  // The rate of each grid along the quotient, for the calculator's chart (not part of SPEC §8):
  // every 250 € of quotient from 0 to 40 000 €, the engine's own figures.
  app.get('/api/packs/:id/rate-curve', async (request) => {
    const pack = packs.get(parse(packParam, request.params).id);
    const quotients = Array.from({ length: 161 }, (_, i) => i * 25_000);
    return {
      grids: [...(pack.grids?.keys() ?? [])].map((grid) => ({
        grid,
        label: gridLabel(pack, grid),
        points: quotients.map((quotientCents) => ({
          quotientCents,
          rateBp: gridRate(pack, grid, quotientCents),
        })),
      })),
    };
  });

  // A pack written out for everyone: the page a committee links from its brochure.
  // A barème's page by its address: one that names no barème is not found (404), as any page.
  app.get('/api/packs/:id/page', async (request) => {
    const { id } = parse(packParam, request.params);
    if (!packs.has(id)) throw notFound();
    return packPage(packs.get(id));
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
