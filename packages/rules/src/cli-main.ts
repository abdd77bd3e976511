// The process side of the command line: real packs, real stdout/stderr, real exit code.
import { runCli } from './cli.ts';
import { loadPackDirectory } from './node.ts';

process.exitCode = runCli(
  process.argv.slice(2),
  loadPackDirectory(process.env.ENTRAIDE_PACKS_DIR),
  {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  },
);
