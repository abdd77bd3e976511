// The logged-in bench's references (issue 15, point 6): bare Fastify routes, none of the app's
// frame (security headers, CSRF check, request id, metrics, error handler), in a process of their
// own, each doing less of what the public simulation does:
// - `GET /ping`, nothing;
// - `POST /simulations`, the simulation's body read, its answer's bytes sent back as they are;
// - `POST /simulated`, the simulation itself: its body checked by the contract, the engine's
//   figures and their explanation, the answer's JSON — the app's route without the app.
// Run with tsx, which compiles the engine once at load as esbuild does for `dist/main.js`.
import { simulationRequest } from '@entraide/contract';
import { explainedSimulation, simulationAnswer } from '@entraide/rules';
import { loadPackDirectory } from '@entraide/rules/node';
import Fastify from 'fastify';

const packs = loadPackDirectory();
const app = Fastify();
app.get('/ping', async () => ({ ok: true }));
app.post('/simulations', async (_request, reply) =>
  reply.type('application/json').send(process.env.ANSWER),
);
app.post('/simulated', async (request) => {
  const body = simulationRequest.parse(request.body);
  const { rfrEuros, spouseRfrEuros, ...household } = body.household;
  return simulationAnswer(
    explainedSimulation(
      packs.get(body.pack),
      { ...household, taxIncomeEuros: rfrEuros, spouseTaxIncomeEuros: spouseRfrEuros },
      body.date ?? '2021-06-01',
    ),
  );
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('bare ready');
