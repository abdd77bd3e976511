import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PackRegistry } from '@entraide/rules';
import type { FastifyInstance } from 'fastify';
import { httpClient } from './http-client.ts';
import { CSRF_HEADER } from './modules/accounts/csrf.ts';
import { newToken } from './modules/accounts/secrets.ts';

/** Requests of the warm-up sent at a time. */
const AT_ONCE = 20;

/** How many public simulations, then registration requests, a warm-up sends. */
export interface WarmUpSize {
  readonly simulations: number;
  readonly registrations: number;
}

/** About 1,2 s on the project's machine (PostgreSQL). */
const NODE_START: WarmUpSize = { simulations: 2_000, registrations: 1_000 };

/** What a warm-up sent: how many answers of each status, and how long it took. */
export interface WarmUpReport {
  readonly statuses: Readonly<Record<number, number>>;
  readonly milliseconds: number;
}

/**
 * A node's warm-up before it listens (issue 15, decision 0031): V8 compiles a request's code with
 * its optimising tiers only once it ran it many times, so a node just started served its first
 * burst at two thirds of its later rate. Before it listens — a load balancer sends it nothing
 * until then — the node sends itself, on a loopback port of its own, public simulations of varied
 * households (the frame, the checks and the engine a registration also runs) and registration
 * requests under a session that does not exist: each is checked and its transaction opened, then
 * answered 401 by the statement that looks for its session. Nothing is written and nothing locked.
 *
 * While it runs its requests are neither logged nor counted in the metrics (`running`).
 */
export class WarmUp {
  running = false;

  constructor(private readonly size: WarmUpSize = NODE_START) {}

  async run(app: FastifyInstance, packs: PackRegistry): Promise<WarmUpReport> {
    const started = performance.now();
    const statuses: Record<number, number> = {};
    const count = (status: number): void => {
      statuses[status] = (statuses[status] ?? 0) + 1;
    };
    await app.ready();
    // The app's own handler on a loopback port of its own: the requests go through Node's HTTP
    // server and its sockets as a family's do.
    const server = createServer((request, answer) => {
      app.routing(request, answer);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const at = (path: string) => new URL(`http://127.0.0.1:${String(port)}${path}`);
    const send = httpClient(AT_ONCE);
    this.running = true;
    try {
      const simulated = packs.all().filter((pack) => pack.parts && pack.grids);
      await inWaves(simulated.length > 0 ? this.size.simulations : 0, async (i) => {
        const pack = simulated[i % simulated.length];
        const body = JSON.stringify({ pack: pack?.id, household: household(i) });
        count((await send(at('/api/v1/simulations'), {}, body)).status);
      });
      // A browser's session cookie and its CSRF token, as the app gives them; no such session.
      const session = `entraide_session=${newToken()}`;
      const page = await send(at('/api/session'), { cookie: session });
      const token = /entraide_csrf=([^;]+)/.exec(page.cookies.join('\n'))?.[1] ?? '';
      await inWaves(this.size.registrations, async () => {
        const body = JSON.stringify({
          dependantIndex: 0,
          choices: [{ sessionId: randomUUID(), transportCity: null }],
          depositMethod: 'card',
        });
        const headers = { cookie: `${session}; entraide_csrf=${token}`, [CSRF_HEADER]: token };
        count((await send(at('/api/me/registrations'), headers, body)).status);
      });
    } finally {
      this.running = false;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    return { statuses, milliseconds: Math.round(performance.now() - started) };
  }
}

/** Calls `send` for 0 to total − 1, `AT_ONCE` at a time. */
async function inWaves(total: number, send: (i: number) => Promise<void>): Promise<void> {
  for (let first = 0; first < total; first += AT_ONCE)
    await Promise.all(
      Array.from({ length: Math.min(AT_ONCE, total - first) }, (_, k) => send(first + k)),
    );
}

/** The i-th household of the warm-up: alone or a couple, up to three children, varied incomes. */
function household(i: number) {
  return {
    rfrEuros: 12_000 + ((i * 7_919) % 90_000),
    couple: i % 2 === 0,
    children: Array.from({ length: i % 4 }, (_, child) => ({
      birthDate: `${String(2006 + child * 4 + (i % 3))}-0${String(1 + child)}-15`,
      sharedCustody: (i + child) % 5 === 0,
    })),
    disabledAdultDependants: i % 7 === 0 ? 1 : 0,
  };
}
