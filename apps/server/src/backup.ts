// Backups of the committee's database, documents included (they are in it): PostgreSQL through
// its own tools (pg_dump's custom format, pg_restore), PGlite through its data-folder dump.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';

export interface BackupTarget {
  /** postgres://… ; null: the embedded PGlite folder `pgliteDir`. */
  readonly databaseUrl: string | null;
  readonly pgliteDir: string;
}

/** Runs a PostgreSQL client tool, or says how to get it. */
function tool(name: 'pg_dump' | 'pg_restore', args: string[]): void {
  const run = spawnSync(name, args, { encoding: 'utf8' });
  if (run.error)
    throw new Error(
      `${name} est introuvable : installez les outils clients de PostgreSQL (Debian : apt install postgresql-client ; macOS : brew install libpq).`,
    );
  if (run.status !== 0) throw new Error(`${name} a échoué : ${run.stderr.trim()}`);
}

/** Writes the whole database to `file`: every table and the documents, the job queue with them. */
export async function backup(target: BackupTarget, file: string): Promise<void> {
  if (target.databaseUrl) {
    tool('pg_dump', ['--format=custom', '--no-owner', '--file', file, target.databaseUrl]);
    return;
  }
  const db = new PGlite(target.pgliteDir);
  try {
    await db.waitReady;
    const dump = await db.dumpDataDir('none');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await db.close();
  }
}

/**
 * Puts a backup back. PostgreSQL: into the database of the URL, whose objects it replaces.
 * PGlite: into an empty or absent folder only — never over a committee's data.
 */
export async function restore(target: BackupTarget, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`Sauvegarde introuvable : ${file}`);
  if (target.databaseUrl) {
    tool('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      '--dbname',
      target.databaseUrl,
      file,
    ]);
    return;
  }
  if (existsSync(target.pgliteDir) && readdirSync(target.pgliteDir).length > 0)
    throw new Error(
      `Le dossier ${target.pgliteDir} contient déjà une base : restaurez dans un dossier vide (DATA_DIR), puis remplacez l’ancien.`,
    );
  mkdirSync(target.pgliteDir, { recursive: true });
  const db = new PGlite(target.pgliteDir, { loadDataDir: new Blob([readFileSync(file)]) });
  await db.waitReady;
  await db.close();
}
