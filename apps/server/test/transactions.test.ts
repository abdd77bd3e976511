// A transaction's BEGIN goes with its first statement and, when the use case asks, its COMMIT
// with its last (issue 15, point 5; decision 0033): every value arrives as sent, and what commits
// or fails is what a transaction of separate round trips would keep.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { testDatabase } from './harness.ts';

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
  await db.exec(`CREATE TABLE kinds (
    id int PRIMARY KEY, label text, amount bigint, ratio numeric, flag boolean, details jsonb,
    ids uuid[], words text[], day date, at timestamptz, content bytea)`);
});
afterAll(() => db.close());

const INSERT = `INSERT INTO kinds (id, label, amount, ratio, flag, details, ids, words, day, at, content)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`;
const READ = `SELECT label, amount::text, ratio::text, flag, details, ids, words, day::text, at, content
  FROM kinds WHERE id = $1`;

/** Values a parameter may carry, among them text that would break SQL written carelessly. */
const values = (id: number, content: Buffer | null = null) => [
  id,
  `l'école d'Arès \\ "C:\\dossier" ; COMMIT; --`,
  '9007199254740991',
  '12.50',
  false,
  { nom: "O'Brien", chemin: 'C:\\temp', vide: null, liste: [1, 'deux'] },
  ['6f1c2a0e-8d1b-4c3e-9a55-1f2e3d4c5b6a', '00000000-0000-4000-8000-000000000000'],
  ['a,b', 'c"d', "e'f", 'g\\h', '{i}', 'NULL', ''],
  '2021-07-10',
  new Date('2021-04-15T08:30:00.000Z'),
  content,
];

describe('a transaction in few messages', () => {
  it('stores every kind of value as its parameters would, in its first statement, its last and between', async () => {
    // The reference: each value as a parameter of a statement of its own.
    await db.query(INSERT, values(1));
    await db.transaction(async (tx) => {
      await tx.query(INSERT, values(2)); // with the BEGIN
      await tx.query(INSERT, values(3)); // alone
      await tx.commitWith(INSERT, values(4)); // with the COMMIT
    });
    const [reference, ...sent] = await Promise.all(
      [1, 2, 3, 4].map(async (id) => (await db.query(READ, [id]))[0]),
    );
    expect(reference).toMatchObject({ label: values(1)[1], flag: false, day: '2021-07-10' });
    expect(sent).toEqual([reference, reference, reference]);
  });

  it('sends bytes with the BEGIN and with the COMMIT', async () => {
    const content = Buffer.from([0, 1, 39, 92, 255]);
    await db.transaction(async (tx) => {
      await tx.query(INSERT, values(5, content));
      await tx.commitWith('UPDATE kinds SET content = $2 WHERE id = $1', [5, content]);
    });
    const [row] = await db.query<{ content: Uint8Array }>(READ, [5]);
    expect([...(row?.content ?? [])]).toEqual([...content]);
  });

  it('keeps nothing when the statement that commits fails, and the connection serves again', async () => {
    const failed = db.transaction(async (tx) => {
      await tx.query(INSERT, values(6));
      await tx.commitWith(INSERT, values(6)); // the same key: refused
    });
    await expect(failed).rejects.toMatchObject({ code: '23505' });
    expect(await db.query('SELECT id FROM kinds WHERE id = 6')).toEqual([]);
    // Every connection of the pool, in use at once, still begins and commits.
    await Promise.all(
      [7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18].map((id) =>
        db.transaction(async (tx) => tx.commitWith(INSERT, values(id))),
      ),
    );
    const [count] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM kinds WHERE id BETWEEN 7 AND 18',
    );
    expect(count?.n).toBe(12);
  });

  it('refuses a statement after the one that committed', async () => {
    const after = db.transaction(async (tx) => {
      await tx.commitWith(INSERT, values(19));
      await tx.query(INSERT, values(20));
    });
    await expect(after).rejects.toThrow('aucune instruction après commitWith');
    expect(await db.query('SELECT id FROM kinds WHERE id = 20')).toEqual([]);
  });

  it.runIf(process.env.DATABASE_URL)(
    'sends three statements in three round trips: the BEGIN with the first, the COMMIT with the last (PostgreSQL)',
    async () => {
      const three = () =>
        db.transaction(async (tx) => {
          await tx.query('SELECT id FROM kinds WHERE id = $1 FOR UPDATE', [1]);
          await tx.query('UPDATE kinds SET flag = NOT flag WHERE id = $1', [1]);
          return tx.commitWith('SELECT flag FROM kinds WHERE id = $1', [1]);
        });
      await three();
      const statements = db.statements;
      const roundTrips = db.roundTrips;
      expect(await three()).toEqual([{ flag: false }]);
      expect([db.statements - statements, db.roundTrips - roundTrips]).toEqual([3, 3]);
      // Without commitWith, the COMMIT is a round trip of its own.
      await db.transaction((tx) => tx.query('SELECT flag FROM kinds WHERE id = $1', [1]));
      expect([db.statements - statements, db.roundTrips - roundTrips]).toEqual([4, 5]);
    },
  );
});
