// The logged-in bench's references (issue 15, point 6): bare Fastify routes, none of the app's
// frame (security headers, CSRF check, request id, metrics, error handler), in a process of their
// own, each doing less of what the public simulation does:
// - `GET /ping`, nothing;
// - `POST /simulations`, the simulation's body read, its answer's bytes sent back as they are;
// - `POST /simulated`, the simulation itself: the app's route function (`publicSimulation`: the
//   contract's check, the engine's figures and their explanation) and the answer's JSON — the
//   app's route without the app.
// Run with tsx, which compiles the engine once at load as esbuild does for `dist/main.js`.
import { loadPackDirectory } from '@entraide/rules/node';
import Fastify from 'fastify';
import { publicSimulation } from '../src/modules/simulation/routes.ts';

const packs = loadPackDirectory();
const app = Fastify();
app.get('/ping', async () => ({ ok: true }));
app.post('/simulations', async (_request, reply) =>
  reply.type('application/json').send(process.env.ANSWER),
);
app.post('/simulated', async (request) =>
  publicSimulation(packs, request.body, () => '2021-06-01'),
);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('bare ready');
