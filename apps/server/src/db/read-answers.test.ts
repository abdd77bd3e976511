import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromPglite, PGLITE, type Database } from './database.ts';
import { answerKey, onlyReads } from './read-answers.ts';

describe('which statements only read, and which answers may be kept', () => {
  it('a read, but not a write, a lock or a write inside a WITH', () => {
    expect(onlyReads('SELECT id FROM users WHERE id = $1')).toBe(true);
    expect(onlyReads('  with t AS (SELECT 1) SELECT * FROM t')).toBe(true);
    expect(onlyReads('SELECT id, last_update FROM users')).toBe(true);
    expect(onlyReads("UPDATE users SET email = 'a'")).toBe(false);
    expect(onlyReads('SELECT id FROM users WHERE id = $1 FOR UPDATE')).toBe(false);
    expect(onlyReads('SELECT id FROM users FOR NO KEY UPDATE')).toBe(false);
    expect(onlyReads('SELECT id FROM users FOR SHARE')).toBe(false);
    expect(onlyReads('WITH gone AS (DELETE FROM t RETURNING id) SELECT * FROM gone')).toBe(false);
    expect(onlyReads("SELECT nextval('invoice_numbers')")).toBe(false);
    expect(onlyReads('SELECT pg_advisory_xact_lock(4242)')).toBe(false);
  });

  it('keeps no answer that may change with no write: the clock, chance, bytes as parameters', () => {
    expect(answerKey('SELECT id FROM t WHERE id = $1', ['a'])).toBeDefined();
    expect(answerKey('SELECT id FROM t WHERE id = ANY($1)', [['a', 'b']])).toBeDefined();
    expect(answerKey('SELECT id FROM t WHERE at > now()', [])).toBeUndefined();
    expect(answerKey('SELECT id FROM t WHERE day <= CURRENT_DATE', [])).toBeUndefined();
    expect(answerKey("SELECT id FROM t WHERE day <= 'today'", [])).toBeUndefined();
    expect(answerKey('SELECT random()', [])).toBeUndefined();
    expect(answerKey('SELECT id FROM t WHERE a = $1', [new Uint8Array([1])])).toBeUndefined();
    expect(answerKey('SELECT id FROM t WHERE a = $1', [10n])).toBeUndefined();
    expect(answerKey('SELECT $1::int', [1])).not.toBe(answerKey('SELECT $1::int', ['1']));
  });
});

describe('the embedded database keeps the answers of reads until the next write', () => {
  let db: Database;
  beforeAll(async () => {
    const pglite = new PGlite(PGLITE);
    await pglite.waitReady;
    db = fromPglite(pglite);
    await db.exec('CREATE TABLE t (id int PRIMARY KEY, label text, content bytea)');
    await db.query("INSERT INTO t (id, label) VALUES (1, 'un')");
  });
  afterAll(() => db.close());

  const read = () => db.query<{ id: number; label: string }>('SELECT id, label FROM t ORDER BY id');

  it('answers the same read again without sending it, with a copy the caller may change', async () => {
    const first = await read();
    const sent = db.statements;
    first[0]!.label = 'changé par l’appelant';
    expect(await read()).toEqual([{ id: 1, label: 'un' }]);
    expect(db.statements).toBe(sent);
  });

  it('sends the read again after a write, a transaction or a script, and sees what they did', async () => {
    await read();
    await db.query("INSERT INTO t (id, label) VALUES (2, 'deux')");
    expect(await read()).toEqual([
      { id: 1, label: 'un' },
      { id: 2, label: 'deux' },
    ]);
    await db.transaction((tx) => tx.query("UPDATE t SET label = 'one' WHERE id = 1"));
    expect((await read())[0]).toEqual({ id: 1, label: 'one' });
    await db.exec("UPDATE t SET label = 'uno' WHERE id = 1");
    expect((await read())[0]).toEqual({ id: 1, label: 'uno' });
    await db.executor().executeSql("UPDATE t SET label = 'eins' WHERE id = $1", [1]);
    expect((await read())[0]).toEqual({ id: 1, label: 'eins' });
  });

  it('forgets after a transaction rolled back, whose reads inside saw its own writes', async () => {
    await read();
    await expect(
      db.transaction(async (tx) => {
        await tx.query("UPDATE t SET label = 'annulé' WHERE id = 1");
        expect((await tx.query<{ label: string }>('SELECT label FROM t WHERE id = 1'))[0]).toEqual({
          label: 'annulé',
        });
        throw new Error('refusé');
      }),
    ).rejects.toThrow('refusé');
    const sent = db.statements;
    expect((await read())[0]).toEqual({ id: 1, label: 'eins' });
    expect(db.statements).toBe(sent + 1);
  });

  it('does not keep a read answered before a write that was sent while it ran', async () => {
    await db.query("UPDATE t SET label = 'un' WHERE id = 1");
    const before = read();
    const write = db.query("UPDATE t SET label = 'one' WHERE id = 1");
    expect((await before)[0]?.label).toBe('un');
    await write;
    expect((await read())[0]?.label).toBe('one');
  });

  it('sends every time a read of the clock, and a list of documents’ bytes', async () => {
    await db.query("UPDATE t SET content = '\\x01' WHERE id = 1");
    const sent = db.statements;
    await db.query('SELECT id, now() FROM t');
    await db.query('SELECT id, now() FROM t');
    await db.query('SELECT content FROM t WHERE id = 1');
    await db.query('SELECT content FROM t WHERE id = 1');
    expect(db.statements).toBe(sent + 4);
  });
});
