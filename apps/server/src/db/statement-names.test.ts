import { describe, expect, it } from 'vitest';
import { StatementNames } from './database.ts';

describe('the names of prepared statements', () => {
  it('names a statement with parameters by its text: the same text, the same name', () => {
    const names = new StatementNames();
    const first = names.of('SELECT id FROM users WHERE id = $1', ['a']);
    expect(first).toMatch(/^s_[\w-]{24}$/);
    expect(names.of('SELECT id FROM users WHERE id = $1', ['b'])).toBe(first);
    expect(names.of('SELECT id FROM users WHERE email = $1', ['a'])).not.toBe(first);
  });

  it('leaves unnamed a script without parameters, and every text past the thousandth', () => {
    const names = new StatementNames();
    expect(names.of('CREATE TABLE t (id int); CREATE TABLE u (id int)', [])).toBeUndefined();
    for (let i = 0; i < 1_000; i += 1)
      expect(names.of(`SELECT ${i} WHERE $1::int > 0`, [1])).toBeDefined();
    expect(names.of('SELECT 1000 WHERE $1::int > 0', [1])).toBeUndefined();
    // The texts already named keep their name.
    expect(names.of('SELECT 0 WHERE $1::int > 0', [1])).toBeDefined();
  });
});
