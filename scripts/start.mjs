// `npm start`. In development: builds, then runs the TypeScript through tsx, with the embedded
// database and the demo data. With NODE_ENV=production: runs the compiled server
// (apps/server/dist/main.js, made by `npm run build`) with Node alone — no tsx, no Vite.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = fileURLToPath(new URL('../apps/server/dist/main.js', import.meta.url));
const run = (command, args) => {
  const { status } = spawnSync(command, args, {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (status !== 0) process.exit(status ?? 1);
};

if (process.env.NODE_ENV === 'production') {
  if (!existsSync(compiled)) {
    console.error('Le serveur n’est pas compilé : lancez d’abord « npm run build ».');
    process.exit(1);
  }
  await import(compiled);
} else {
  run('npm', ['run', 'build']);
  run('npx', ['tsx', 'apps/server/src/main.ts']);
}
