// `npm run backup [file]`: the committee's database (DATABASE_URL, or the PGlite folder of
// DATA_DIR and ORGANIZATION) written to one file, by default backups/entraide-<date>.<ext>.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { backup } from '../apps/server/src/backup.ts';
import { loadConfig } from '../apps/server/src/config.ts';

const config = loadConfig({ ...process.env, NODE_ENV: 'development' });
const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
mkdirSync('backups', { recursive: true });
const file =
  process.argv[2] ?? join('backups', `entraide-${stamp}.${config.databaseUrl ? 'dump' : 'tar'}`);
await backup(
  {
    databaseUrl: config.databaseUrl,
    pgliteDir: join(config.dataDir, `pglite-${config.organization}`),
  },
  file,
);
console.log(`Sauvegarde écrite : ${file}`);
