// Run by tax-notice-codes.test.ts in a process of its own: finds the 2D-DOCs of one file as an
// upload's are found, then prints them (or why the file was refused) with the process's peak
// memory — the high-water mark of a fresh process, which no other test has raised.
import { readFileSync } from 'node:fs';
import { find2dDocs } from '../src/modules/tax-notices/code-finder.ts';

const found = await find2dDocs(readFileSync(process.argv[2] ?? '')).then(
  (codes) => ({ codes }),
  (error: unknown) => ({ codes: [], refused: (error as Error).message }),
);
console.log(JSON.stringify({ ...found, peakMegabytes: process.resourceUsage().maxRSS / 1024 }));
