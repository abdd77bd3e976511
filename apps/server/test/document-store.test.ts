// Documents' bytes live in the database: every node reads the same, and the files an earlier
// version kept on the local disk are copied in once.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { DatabaseDocumentStore, importDiskDocuments } from '../src/modules/household/documents.ts';
import { samplePdf, testDatabase } from './harness.ts';

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(() => db.close());

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the document store in the database', () => {
  it('keeps a PDF once by its content, gives back the same bytes, and forgets those removed together', async () => {
    const store = new DatabaseDocumentStore(db);
    const pdf = await samplePdf('Avis d’imposition');
    const id = await store.put(pdf);
    expect(await store.put(pdf)).toBe(id);
    expect(id).toBe(sha(pdf));
    expect(Buffer.compare((await store.find(id))!, Buffer.from(pdf))).toBe(0);
    const [count] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM document_contents',
    );
    expect(count?.n).toBe(1);
    const other = await store.put(await samplePdf('Bulletin de salaire'));
    const third = await store.put(await samplePdf('Livret de famille'));
    await store.remove([id, other]);
    expect(await store.find(id)).toBeNull();
    expect(await store.find(other)).toBeNull();
    expect(await store.has(third)).toBe(true);
    await store.remove([third]);
  });

  it('copies the files of the old disk folder in once, and leaves a file whose content is not its name', async () => {
    const store = new DatabaseDocumentStore(db);
    const dir = mkdtempSync(join(tmpdir(), 'entraide-files-'));
    const good = await samplePdf('Bulletin de salaire');
    writeFileSync(join(dir, sha(good)), good);
    const tampered = await samplePdf('Livret de famille');
    writeFileSync(
      join(
        dir,
        sha(good).replace(/^./, (c) => (c === '0' ? '1' : '0')),
      ),
      tampered,
    );
    expect(await importDiskDocuments(store, dir)).toBe(1);
    expect(await importDiskDocuments(store, dir)).toBe(0);
    expect(Buffer.compare((await store.find(sha(good)))!, Buffer.from(good))).toBe(0);
    expect(await importDiskDocuments(store, join(dir, 'absent'))).toBe(0);
  });
});
