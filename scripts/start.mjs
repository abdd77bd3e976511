// `npm start`. In development: builds, then runs the TypeScript through tsx, with the embedded
// database and the demo data. With NODE_ENV=production: runs the compiled server
// (apps/server/dist/main.js, made by `npm run build`) with Node alone — no tsx, no Vite.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = fileURLToPath(new URL('../apps/server/dist/main.js', import.meta.url));
/**
 * The server's process runs with glibc's threshold for mapped blocks fixed (128 kB): otherwise,
 * once argon2id's 19 MiB blocks were freed, glibc raises it and keeps that memory in each thread's
 * heap, about 40–60 MB of the server's resident memory (issue 15; docs/operations.md). The image
 * (Dockerfile) and the benches set the same; the shell's environment wins.
 */
const env = {
  ...JSON.parse(
    readFileSync(new URL('../apps/server/src/server-env.json', import.meta.url), 'utf8'),
  ),
  ...process.env,
};
const run = (command, args, options = {}) => {
  const { status } = spawnSync(command, args, {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    ...options,
  });
  if (status !== 0) process.exit(status ?? 1);
};

if (process.env.NODE_ENV === 'production') {
  if (!existsSync(compiled)) {
    console.error('Le serveur n’est pas compilé : lancez d’abord « npm run build ».');
    process.exit(1);
  }
  // The server's own process, which the stop signals are passed on to (its graceful stop; a
  // Ctrl-C reaches both, and the server stops once).
  const server = spawn(process.execPath, [compiled], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 1));
} else {
  run('npm', ['run', 'build']);
  run('npx', ['tsx', 'apps/server/src/main.ts'], { env });
}
