// npm run backup / restore: a committee's database with its demo data (documents included)
// written to a file and put back elsewhere, then every table compared, row by row.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backup, restore } from '../src/backup.ts';
import { migrate, openDatabase, type Database } from '../src/db/database.ts';
import { loadDemoData } from '../src/demo/demo-data.ts';
import { calendar } from '../src/modules/accounts/context.ts';
import { DatabaseDocumentStore } from '../src/modules/household/documents.ts';
import { createMailer } from '../src/modules/notifications/mailer.ts';
import { organizationOf } from '../src/modules/organization/organization.ts';
import { ownPacks, testConfig } from './harness.ts';

/** Every row of every table of the database, in a stable order, as JSON. */
async function everyTable(db: Database): Promise<Record<string, string[]>> {
  const tables = await db.query<{ name: string }>(
    `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name
       FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
      ORDER BY 1`,
  );
  const all: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await db.query(`SELECT * FROM ${name}`);
    all[name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return all;
}

async function withDemoData(db: Database): Promise<void> {
  await migrate(db);
  const config = testConfig();
  await loadDemoData(db, organizationOf('inserm'), {
    packs: ownPacks(),
    store: new DatabaseDocumentStore(db),
    mailer: createMailer(null),
    publicUrl: config.publicUrl,
    today: calendar(config.today),
  });
}

describe('backup and restore', () => {
  it('round-trips the embedded database: every table, every row, the documents’ bytes', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'entraide-backup-'));
    const source = await openDatabase({ url: null, dataDir: join(folder, 'source') });
    await withDemoData(source);
    const before = await everyTable(source);
    await source.close();
    const file = join(folder, 'entraide.tar');
    await backup({ databaseUrl: null, pgliteDir: join(folder, 'source') }, file);
    await restore({ databaseUrl: null, pgliteDir: join(folder, 'copy') }, file);
    // Never over a committee's data.
    await expect(
      restore({ databaseUrl: null, pgliteDir: join(folder, 'copy') }, file),
    ).rejects.toThrow(/contient déjà une base/);
    const copy = await openDatabase({ url: null, dataDir: join(folder, 'copy') });
    try {
      const after = await everyTable(copy);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      expect(after['public.document_contents']?.length).toBeGreaterThan(0);
      expect(after).toEqual(before);
    } finally {
      await copy.close();
    }
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'round-trips a PostgreSQL database with pg_dump and pg_restore',
    async () => {
      const server = new URL(process.env.DATABASE_URL!);
      const admin = await openDatabase({ url: server.toString() });
      const names = [1, 2].map(() => `entraide_backup_${randomBytes(5).toString('hex')}`);
      for (const name of names) await admin.exec(`CREATE DATABASE ${name}`);
      const urls = names.map((name) => {
        const url = new URL(server);
        url.pathname = `/${name}`;
        return url.toString();
      });
      try {
        const source = await openDatabase({ url: urls[0]! });
        await withDemoData(source);
        const before = await everyTable(source);
        await source.close();
        const file = join(mkdtempSync(join(tmpdir(), 'entraide-backup-')), 'entraide.dump');
        await backup({ databaseUrl: urls[0]!, pgliteDir: '' }, file);
        await restore({ databaseUrl: urls[1]!, pgliteDir: '' }, file);
        const copy = await openDatabase({ url: urls[1]! });
        const after = await everyTable(copy);
        await copy.close();
        expect(after['public.document_contents']?.length).toBeGreaterThan(0);
        expect(after).toEqual(before);
      } finally {
        for (const name of names) await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.close();
      }
    },
  );
});
