// The database of a bench at a committee's size: PostgreSQL at DATABASE_URL, else a PGlite of its
// own, migrated, emptied of members, then given `members` of them (IN-000001…).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase, type Database } from '../src/db/database.ts';

export async function committeeDatabase(name: string, members: number): Promise<Database> {
  const url = process.env.DATABASE_URL ?? null;
  const db = await openDatabase({ url, dataDir: mkdtempSync(join(tmpdir(), `${name}-bench-`)) });
  await migrate(db);
  await db.query('TRUNCATE users, document_contents CASCADE');
  // Deterministic data: every figure follows from the row number.
  await db.query(
    `INSERT INTO users (identifier, email, last_name, first_name, birth_date, role)
     SELECT 'IN-' || lpad(i::text, 6, '0'), 'm' || i || '@example.org', 'Martin', 'Claire', '1980-01-01', 'member'
       FROM generate_series(1, $1) AS i`,
    [members],
  );
  return db;
}
