// Load benchmark on the default embedded database (PGlite): logged-in pages and the public
// simulation under 50 concurrent connections, beside bare Fastify routes served by the same
// kind of process, so that the ratio survives a noisy machine (issue 15, point 6; the routes are
// in bare-routes.ts): `GET /ping`; a `POST` of the simulation's body answered by its answer's
// bytes — the same work for the client and for Fastify, none of ours; and the simulation itself,
// its contract and engine without the app's frame. Prints requests per second, p99, the
// serving process's CPU time per request (steadier than the rate on a shared machine, where the
// client takes one of the two cores) and the server's memory after start.
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

/**
 * The load for WARM_SECONDS, then for SECONDS measured: requests per second, p99, failures and
 * the CPU time the process `pid`, which serves them, used per request.
 */
async function load(
  pid: number,
  address: string,
  headers: Record<string, string> = {},
  body?: string,
) {
  const url = new URL(address);
  await loops(WARM_SECONDS, url, headers, body);
  const cpuBefore = cpuSeconds(pid);
  const answers = await loops(SECONDS, url, headers, body);
  const latencies = answers.map(({ latency }) => latency).sort((a, b) => a - b);
  return {
    perSecond: Math.round(answers.length / SECONDS),
    cpuMicroseconds: Math.round(((cpuSeconds(pid) - cpuBefore) * 1e6) / answers.length),
    p99: Math.round(latencies[Math.floor(latencies.length * 0.99)] ?? 0),
    failed: answers.filter(({ status }) => status < 200 || status >= 300).length,
  };
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
const results = {
  'bare Fastify route': await load(reference, 'http://127.0.0.1:3931/ping'),
  'bare route, simulation’s shape': await load(
    reference,
    'http://127.0.0.1:3931/simulations',
    {},
    simulation,
  ),
  'bare route, the simulation': await load(
    reference,
    'http://127.0.0.1:3931/simulated',
    {},
    simulation,
  ),
  'public simulation': await load(app, `${base}/api/v1/simulations`, {}, simulation),
  'GET /api/me/entitlements/2021': await load(app, `${base}/api/me/entitlements/2021`, member),
  'GET /api/me/registrations': await load(app, `${base}/api/me/registrations`, member),
};
bare.kill();
server.kill();
console.log(
  `\nPGlite, ${String(CONNECTIONS)} connections, ${String(SECONDS)} s each after ${String(WARM_SECONDS)} s not counted; server RSS after start: ${String(Math.round(rss / 1048576))} MB`,
);
const ping = results['bare Fastify route'].perSecond;
const shaped = results['bare route, simulation’s shape'];
const simulated = results['bare route, the simulation'];
for (const [name, r] of Object.entries(results))
  console.log(
    `${name.padEnd(32)} ${String(r.perSecond).padStart(6)}/s  p99 ${String(r.p99).padStart(5)} ms  ${((100 * r.perSecond) / ping).toFixed(0).padStart(3)} % of GET /ping  ${String(r.cpuMicroseconds).padStart(4)} µs of CPU a request${name === 'public simulation' ? `\n${''.padEnd(33)}${((100 * r.perSecond) / shaped.perSecond).toFixed(0)} % of the bare route of its shape; its CPU a request ${((100 * shaped.cpuMicroseconds) / r.cpuMicroseconds).toFixed(0)} % of the simulation's\n${''.padEnd(33)}${((100 * r.perSecond) / simulated.perSecond).toFixed(0)} % of the simulation in a bare route (the app's frame alone)` : ''}${r.failed ? `  ${String(r.failed)} failed` : ''}`,
  );
