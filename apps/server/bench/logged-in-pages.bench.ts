// Load benchmark on the default embedded database (PGlite): logged-in pages and the public
// simulation under 50 concurrent connections, beside bare Fastify routes served by the same
// kind of process, so that the ratio survives a noisy machine (issue 15, point 6; the routes are
// in bare-routes.ts): `GET /ping`; a `POST` of the simulation's body answered by its answer's
// bytes — the same work for the client and for Fastify, none of ours; and the simulation itself,
// its contract and engine without the app's frame. Prints requests per second, p99, the
// serving process's CPU time per request (steadier than the rate on a shared machine, where the
// client takes one of the two cores) and the server's memory after start. The simulation and its
// references are measured in turn, BENCH_ROUNDS times (3): each ratio is taken within a round, a
// few seconds apart, and its median and range printed — a machine that slows down for a while
// then weighs on both sides of one ratio, not on one side of it.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { httpClient } from '../src/http-client.ts';
import { cpuSeconds } from './process-cpu.ts';
import serverEnv from '../src/server-env.json' with { type: 'json' };

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const compiled = new URL('../dist/main.js', import.meta.url);

function start(args: string[], env: Record<string, string>, ready: string) {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise<typeof child>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(ready)) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`exited (${String(code)}): ${output}`)));
  });
}

const send = httpClient(CONNECTIONS);

/** Seconds of the same load before each measure, not counted: V8 compiles a route's code then. */
const WARM_SECONDS = 2;

/**
 * `CONNECTIONS` loops sending the request as soon as the previous answer came, for `seconds`;
 * each answer's status and latency.
 */
async function loops(
  seconds: number,
  url: URL,
  headers: Record<string, string>,
  body: string | undefined,
) {
  const answers: { status: number; latency: number }[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const began = performance.now();
        const { status } = await send(url, headers, body);
        answers.push({ status, latency: performance.now() - began });
      }
    }),
  );
  return answers;
}

/** A route under load, served by the process `pid`. */
interface Route {
  readonly pid: number;
  readonly address: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/**
 * The load for `seconds` measured (after WARM_SECONDS not counted when `warm`): requests per
 * second, p99, failures and the CPU time the process that serves them used per request.
 */
async function load({ pid, address, headers = {}, body }: Route, seconds: number, warm: boolean) {
  const url = new URL(address);
  if (warm) await loops(WARM_SECONDS, url, headers, body);
  const cpuBefore = cpuSeconds(pid);
  const answers = await loops(seconds, url, headers, body);
  const latencies = answers.map(({ latency }) => latency).sort((a, b) => a - b);
  return {
    perSecond: Math.round(answers.length / seconds),
    cpuMicroseconds: Math.round(((cpuSeconds(pid) - cpuBefore) * 1e6) / answers.length),
    p99: Math.round(latencies[Math.floor(latencies.length * 0.99)] ?? 0),
    failed: answers.filter(({ status }) => status < 200 || status >= 300).length,
  };
}
type Measure = Awaited<ReturnType<typeof load>>;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** Rounds of each route in turn, SECONDS / ROUNDS each: its measures, one a round. */
async function inTurn(routes: Record<string, Route>): Promise<Record<string, Measure[]>> {
  const measured: Record<string, Measure[]> = {};
  for (let round = 0; round < ROUNDS; round += 1)
    for (const [name, route] of Object.entries(routes))
      (measured[name] ??= []).push(await load(route, SECONDS / ROUNDS, round === 0));
  return measured;
}

/** A route's measures as one: the median of each figure, failures added up. */
const together = (measures: readonly Measure[]): Measure => ({
  perSecond: median(measures.map((m) => m.perSecond)),
  cpuMicroseconds: median(measures.map((m) => m.cpuMicroseconds)),
  p99: median(measures.map((m) => m.p99)),
  failed: measures.reduce((sum, m) => sum + m.failed, 0),
});

/** A ratio taken in each round, in %: its median and range. */
function ratio(
  measured: Record<string, Measure[]>,
  of: string,
  to: string,
  figure: (m: Measure) => number,
): string {
  const ratios = (measured[of] ?? []).map((m, i) => {
    const reference = measured[to]?.[i];
    return reference ? (100 * figure(m)) / figure(reference) : 0;
  });
  return `${median(ratios).toFixed(0)} % (${Math.min(...ratios).toFixed(0)}–${Math.max(...ratios).toFixed(0)} %)`;
}

const server = await start(
  [compiled.pathname],
  {
    ...serverEnv,
    PORT: '3932',
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'entraide-bench-')),
  },
  'prêt sur',
);
const base = 'http://127.0.0.1:3932';
const rss = Number(
  /process_resident_memory_bytes (\d+)/.exec(await (await fetch(`${base}/metrics`)).text())?.[1],
);

const simulation = JSON.stringify({
  pack: 'inserm-2021',
  date: '2021-06-01',
  household: { rfrEuros: 52000, couple: true, children: [{ birthDate: '2012-03-04' }] },
});
// The bare routes: the simulation's answer, as the app gives it, sent back as it is.
const answer = await (
  await fetch(`${base}/api/v1/simulations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: simulation,
  })
).text();
const bare = await start(
  ['--import', 'tsx', new URL('bare-routes.ts', import.meta.url).pathname],
  { ANSWER: answer, PORT: '3931' },
  'bare ready',
);
// A demo member logs in: the session cookie and the CSRF token, as the browser would.
const first = await fetch(`${base}/api/session`);
const cookies = new Map<string, string>();
const keep = (answer: Response) => {
  for (const line of answer.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const [name = '', value = ''] = pair.split('=');
    cookies.set(name, value);
  }
};
keep(first);
const cookie = () => [...cookies].map(([n, v]) => `${n}=${v}`).join('; ');
const login = await fetch(`${base}/api/session`, {
  method: 'POST',
  headers: {
    cookie: cookie(),
    'x-csrf-token': cookies.get('entraide_csrf') ?? '',
    'content-type': 'application/json',
  },
  body: JSON.stringify({ identifier: 'IN-000001', password: 'Entraide-demo-2026' }),
});
if (!login.ok) throw new Error(`login ${String(login.status)}`);
keep(login);
const member = { cookie: cookie() };

const [app = 0, reference = 0] = [server.pid, bare.pid];
const simulationRounds = await inTurn({
  'bare Fastify route': { pid: reference, address: 'http://127.0.0.1:3931/ping' },
  'bare route, simulation’s shape': {
    pid: reference,
    address: 'http://127.0.0.1:3931/simulations',
    body: simulation,
  },
  'bare route, the simulation': {
    pid: reference,
    address: 'http://127.0.0.1:3931/simulated',
    body: simulation,
  },
  'public simulation': { pid: app, address: `${base}/api/v1/simulations`, body: simulation },
});
const pages = {
  'GET /api/me/entitlements/2021': await load(
    { pid: app, address: `${base}/api/me/entitlements/2021`, headers: member },
    SECONDS,
    true,
  ),
  'GET /api/me/registrations': await load(
    { pid: app, address: `${base}/api/me/registrations`, headers: member },
    SECONDS,
    true,
  ),
};
bare.kill();
server.kill();
console.log(
  `\nPGlite, ${String(CONNECTIONS)} connections; the simulation and its references in ${String(ROUNDS)} rounds of ${String(SECONDS / ROUNDS)} s each (medians), the pages ${String(SECONDS)} s each, after ${String(WARM_SECONDS)} s not counted; server RSS after start: ${String(Math.round(rss / 1048576))} MB`,
);
const results: Record<string, Measure> = {
  ...Object.fromEntries(
    Object.entries(simulationRounds).map(([name, measures]) => [name, together(measures)]),
  ),
  ...pages,
};
const ping = results['bare Fastify route']?.perSecond ?? 0;
for (const [name, r] of Object.entries(results))
  console.log(
    `${name.padEnd(32)} ${String(r.perSecond).padStart(6)}/s  p99 ${String(r.p99).padStart(5)} ms  ${((100 * r.perSecond) / ping).toFixed(0).padStart(3)} % of GET /ping  ${String(r.cpuMicroseconds).padStart(4)} µs of CPU a request${r.failed ? `  ${String(r.failed)} failed` : ''}`,
  );
const perSecond = (m: Measure) => m.perSecond;
const cpu = (m: Measure) => 1 / m.cpuMicroseconds;
console.log(`
The public simulation, round by round (median, range):
  requests per second, of the bare GET /ping                 ${ratio(simulationRounds, 'public simulation', 'bare Fastify route', perSecond)}
  requests per second, of the bare route of its shape        ${ratio(simulationRounds, 'public simulation', 'bare route, simulation’s shape', perSecond)}
  requests per second, of the simulation in a bare route     ${ratio(simulationRounds, 'public simulation', 'bare route, the simulation', perSecond)} (the app's frame alone)
  requests per CPU second, of the bare route of its shape    ${ratio(simulationRounds, 'public simulation', 'bare route, simulation’s shape', cpu)}`);
