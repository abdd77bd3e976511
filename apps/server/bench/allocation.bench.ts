// Benchmark of the selection at closing: 100 000 requests with 3 ranked choices over 2 000
// sessions (target: under 2 s). The pure allocation runs on generated data with a fixed seed.
import { performance } from 'node:perf_hooks';
import {
  allocate,
  type AllocationRequest,
  type AllocationSession,
} from '../src/modules/registrations/allocation.ts';

/** Mulberry32: the same pseudo-random data on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SESSIONS = 2_000;
const REQUESTS = 100_000;
const next = random(2021);
const sessions: AllocationSession[] = Array.from({ length: SESSIONS }, (_, i) => ({
  id: `s${i}`,
  label: `Session ${i}`,
  places: 10 + Math.floor(next() * 40),
  waitingPlaces: 10,
}));
const requests: AllocationRequest[] = Array.from({ length: REQUESTS }, (_, i) => {
  const choices = new Set<string>();
  while (choices.size < 3) choices.add(`s${Math.floor(next() * SESSIONS)}`);
  return {
    id: `r${i}`,
    number: i + 1,
    choices: [...choices],
    wentBefore: next() < 0.3,
    late: next() < 0.05,
    quotientCents: Math.floor(next() * 4_000_000),
    completeAt: `2021-04-${String(1 + Math.floor(next() * 28)).padStart(2, '0')} ${String(Math.floor(next() * 24)).padStart(2, '0')}:00:00+00`,
  };
});

allocate(sessions, requests); // warm-up
const runs: number[] = [];
let last: ReturnType<typeof allocate> = [];
for (let run = 0; run < 3; run += 1) {
  const start = performance.now();
  last = allocate(sessions, requests);
  runs.push(performance.now() - start);
}
const count = (outcome: string) => last.filter((d) => d.outcome === outcome).length;
const places = sessions.reduce((sum, s) => sum + s.places, 0);
console.log(
  `allocation: ${REQUESTS.toLocaleString('en')} requests × 3 choices over ${SESSIONS.toLocaleString('en')} sessions (${places.toLocaleString('en')} places)`,
);
console.log(
  `  runs: ${runs.map((ms) => `${Math.round(ms)} ms`).join(', ')} (target < 2000 ms) — ${count('confirmed')} placed, ${count('waiting')} waiting, ${count('refused')} refused`,
);
if (Math.max(...runs) >= 2_000) process.exitCode = 1;
