// Benchmark of a payout export: building the pain.001.001.03 file and validating it against the
// official schema (libxml2 in WebAssembly, in a worker thread), for batches of 1 to 100 000 claims.
import { performance } from 'node:perf_hooks';
import { painDocument, type PaidClaim } from '../src/modules/claims/pain-document.ts';
import { painSchemaErrors } from '../src/modules/claims/sepa-schema.ts';

const organization = { name: 'Comité d’action et d’entraide sociale', shortName: 'CAES' };
const account = { iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP882' };

for (const size of [1, 100, 1_000, 10_000, 100_000]) {
  const claims: PaidClaim[] = Array.from({ length: size }, (_, i) => ({
    number: i + 1,
    approved_cents: 1_000 + ((i * 7_919) % 90_000),
    iban: 'FR7630006000011234567890189',
    bic: 'AGRIFRPP882',
    holder: `Adhérent n° ${i + 1}`,
    type: 'festival',
    year: 2021,
  }));
  const payout = {
    reference: 'VIR-2021-000001',
    totalCents: claims.reduce((sum, c) => sum + c.approved_cents, 0),
    executionDate: '2021-04-20',
    createdAt: '2021-04-15T10:00:00',
  };
  const times: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const start = performance.now();
    const errors = await painSchemaErrors(painDocument(organization, account, payout, claims));
    times.push(performance.now() - start);
    if (errors.length > 0) throw new Error(errors.join('\n'));
  }
  times.sort((a, b) => a - b);
  console.log(
    `payout file of ${String(size).padStart(5)} claims: build + validate median ${Math.round(times[2] ?? 0)} ms (min ${Math.round(times[0] ?? 0)}, max ${Math.round(times[4] ?? 0)})`,
  );
}
