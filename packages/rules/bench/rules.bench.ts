// Rules benchmark: household simulations and stay quotes over 1 000 000 random households, one core.
import { cpus } from 'node:os';
import { loadPackDirectory } from '../src/node.ts';
import { simulateHousehold, type HouseholdInput } from '../src/household-simulation.ts';
import { quoteStay, type StayQuoteInput } from '../src/stay-quote.ts';
import type { Sector } from '../src/pack-schema.ts';

const COUNT = Number(process.env.BENCH_HOUSEHOLDS ?? 1_000_000);
const packs = loadPackDirectory();
const inserm = packs.get('inserm-2021');
const cnrs = packs.get('cnrs-2019');

/** A small deterministic generator (mulberry32), so that every run measures the same households. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const next = random(2021);
const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
const pad = (n: number) => String(n).padStart(2, '0');

const households: HouseholdInput[] = Array.from({ length: COUNT }, () => {
  const couple = next() < 0.6;
  return {
    taxIncomeEuros: int(1, 10_000_000) < 9_000_000 ? int(5_000, 150_000) : int(1, 10_000_000),
    spouseTaxIncomeEuros: couple ? int(0, 60_000) : 0,
    couple,
    memberDisabled: next() < 0.03,
    spouseDisabled: couple && next() < 0.03,
    children: Array.from({ length: int(0, 4) }, () => ({
      birthDate: `${int(1996, 2020)}-${pad(int(1, 12))}-${pad(int(1, 28))}`,
      sharedCustody: next() < 0.1,
      disabled: next() < 0.02,
    })),
    disabledAdultDependants: next() < 0.02 ? 1 : 0,
  };
});

const sectorsCycle: Sector[] = ['jeunesse', 'jeunesse', 'vacances', 'voyages', 'sports'];
const capCycle = [null, 'holidayCentreFrance', 'skiLanguageAbroad', 'caesRental', 'flight'];
const quotes: StayQuoteInput[] = Array.from({ length: COUNT }, (_, i) => {
  const first = int(1, 300);
  const length = int(5, 25);
  const day = (offset: number) => new Date(Date.UTC(2021, 0, offset)).toISOString().slice(0, 10);
  return {
    quotientCents: int(0, 3_000_000),
    annualCeilingCents: next() < 0.9 ? int(35_000, 480_000) : null,
    participant: {
      relation: 'child',
      birthDate: `${int(2004, 2016)}-${pad(int(1, 12))}-${pad(int(1, 28))}`,
      disabled: false,
    },
    activity: {
      sector: sectorsCycle[i % sectorsCycle.length] ?? 'jeunesse',
      kind: i % 7 === 0 ? 'promo' : i % 2 === 0 ? 'caes' : 'approved',
      capCategory: capCycle[i % capCycle.length] ?? null,
      firstDay: day(first),
      lastDay: day(first + length - 1),
      priceCents: int(10_000, 300_000),
      transportCents: next() < 0.5 ? int(0, 30_000) : 0,
      ski: false,
    },
    requestDate: '2021-01-01',
    used: {
      youthDays: int(0, 50),
      promoDays: int(0, 25),
      vacationDays: int(0, 35),
      ceilingCents: int(0, 200_000),
      lastSkiAidYear: null,
      yearlyFeesPaid: [],
    },
    skiAidRequested: false,
  };
});

function measure(label: string, run: () => number): number {
  run(); // warm-up on the same data
  const start = process.hrtime.bigint();
  const checksum = run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const perSecond = Math.round(COUNT / seconds);
  console.log(
    `${label}: ${COUNT.toLocaleString('fr-FR')} in ${seconds.toLocaleString('en', { maximumFractionDigits: 3 })} s → ${perSecond.toLocaleString('fr-FR')}/s (checksum ${checksum})`,
  );
  return perSecond;
}

console.log(`node ${process.version} · ${cpus()[0]?.model ?? 'unknown CPU'} · one core`);
const simulationsInserm = measure('household simulations, inserm-2021', () => {
  let sum = 0;
  for (const household of households)
    sum += simulateHousehold(inserm, household, '2021-06-01').quotientCents % 97;
  return sum;
});
const simulationsCnrs = measure('household simulations, cnrs-2019', () => {
  let sum = 0;
  for (const household of households)
    sum += simulateHousehold(cnrs, household, '2021-06-01').quotientCents % 97;
  return sum;
});
const stayQuotes = measure('stay quotes, inserm-2021', () => {
  let sum = 0;
  for (const input of quotes) sum += quoteStay(inserm, input).subsidyCents % 97;
  return sum;
});
// The same work with every French explanation built, as a screen or an API answer reads it.
measure('household simulations with explanation read, inserm-2021', () => {
  let sum = 0;
  for (const household of households)
    sum += simulateHousehold(inserm, household, '2021-06-01').explanation.length;
  return sum;
});
measure('stay quotes with explanation read, inserm-2021', () => {
  let sum = 0;
  for (const input of quotes) sum += quoteStay(inserm, input).explanation.length;
  return sum;
});

const targets = [
  ['household simulations', Math.min(simulationsInserm, simulationsCnrs), 1_000_000],
  ['stay quotes', stayQuotes, 300_000],
] as const;
for (const [label, measured, target] of targets) {
  console.log(
    `${measured >= target ? 'OK  ' : 'SLOW'} ${label}: ${measured.toLocaleString('fr-FR')}/s (target ${target.toLocaleString('fr-FR')}/s)`,
  );
}
