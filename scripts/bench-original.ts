// Issue 15's « 4× today's throughput », read directly: the registration bench on the code of
// before the registration work (ORIGINAL: 13 statements a request before closing), with
// today's load client and its warm-up, so that the two servers are measured the same way. The code
// is checked out in a temporary worktree; its bench is the first one with pgbench and the same
// families and sessions (BENCH: the same commit as the round trips' change), patched
// (apps/server/bench/original/) to send through `src/http-client.ts` and to warm the client up
// with `bench/client-warm-up.ts`, both copied from this checkout, and to run the node's first
// burst then its next, then the burst after the selection, as today's bench does.
// Run it just before or after `npx tsx bench/registrations-load.bench.ts` (apps/server), with
// nothing else running, and compare the requests a second of the same phases. Needs git's
// history, PostgreSQL at BENCH_POSTGRES_URL (as the bench) and pgbench.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ORIGINAL = 'f0388bb';
const BENCH = 'd15da1e';
const ROOT = join(import.meta.dirname, '..');
const SERVER = 'apps/server';
const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, stdio: 'inherit' });

const worktree = join(mkdtempSync(join(tmpdir(), 'entraide-original-')), 'checkout');
run('git', ['worktree', 'add', '--detach', worktree, ORIGINAL], ROOT);
try {
  const bench = `${SERVER}/bench/registrations-load.bench.ts`;
  writeFileSync(
    join(worktree, bench),
    execFileSync('git', ['show', `${BENCH}:${bench}`], { cwd: ROOT, encoding: 'utf8' }),
  );
  run('git', ['apply', join(ROOT, SERVER, 'bench/original/registrations-load.patch')], worktree);
  for (const file of ['src/http-client.ts', 'bench/client-warm-up.ts'])
    copyFileSync(join(ROOT, SERVER, file), join(worktree, SERVER, file));
  run('npm', ['ci', '--no-audit', '--no-fund'], worktree);
  run('npx', ['tsx', 'bench/registrations-load.bench.ts'], join(worktree, SERVER));
} finally {
  run('git', ['worktree', 'remove', '--force', worktree], ROOT);
  rmSync(join(worktree, '..'), { recursive: true, force: true });
}
