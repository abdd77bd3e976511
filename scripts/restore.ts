// `npm run restore <file>`: a backup put back into DATABASE_URL, or into an empty PGlite folder
// (DATA_DIR and ORGANIZATION). Stop the app nodes first.
import { join } from 'node:path';
import { restore } from '../apps/server/src/backup.ts';
import { loadConfig } from '../apps/server/src/config.ts';

const file = process.argv[2];
if (!file) {
  console.error('Usage : npm run restore -- backups/entraide-….dump');
  process.exit(2);
}
const config = loadConfig({ ...process.env, NODE_ENV: 'development' });
try {
  await restore(
    {
      databaseUrl: config.databaseUrl,
      pgliteDir: join(config.dataDir, `pglite-${config.organization}`),
    },
    file,
  );
  console.log(`Sauvegarde restaurée : ${file}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
