// The JavaScript a first visit downloads (gzip), per entry page: the frame (index.html's entry
// and what it imports) and the page's own chunk with what it imports — read from Vite's manifest
// of the production build. Fails above the budget (issue 15, point 7).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join(import.meta.dirname, '..', 'apps', 'web', 'dist');
const BUDGET_BYTES = 80 * 1024;
/** The pages a person opens first: the login and the public simulator. */
const FIRST_PAGES = {
  '/connexion': 'src/features/accounts/login-page.tsx',
  '/simulateur': 'src/features/simulator/simulator-page.tsx',
} as const;

interface Chunk {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly isEntry?: boolean;
}
const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8')) as Record<
  string,
  Chunk
>;

/** A chunk's file and those it imports statically, each once. */
function files(key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const imported of chunk.imports ?? []) files(imported, seen);
  return seen;
}

const gzipped = (file: string): number =>
  gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry) ?? 'index.html';
let over = false;
for (const [path, source] of Object.entries(FIRST_PAGES)) {
  const needed = files(source, files(entry));
  const bytes = [...needed]
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipped(f), 0);
  const verdict = bytes <= BUDGET_BYTES ? 'within' : 'OVER';
  over ||= bytes > BUDGET_BYTES;
  console.log(
    `first page ${path}: ${(bytes / 1024).toFixed(1)} kB of JS gzip in ${needed.size} files — ${verdict} the ${BUDGET_BYTES / 1024} kB budget`,
  );
}
if (over) process.exitCode = 1;
