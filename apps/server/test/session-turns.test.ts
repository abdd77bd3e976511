// A node's turns of registration requests on a session (issue 15): a few at once on one session,
// the others in their order of arrival, other sessions untouched.
import { describe, expect, it } from 'vitest';
import { SessionTurns } from '../src/modules/registrations/session-turns.ts';

/** A piece of work that records when it starts and ends only when told. */
function gate(log: string[], name: string) {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    work: async () => {
      log.push(`start ${name}`);
      await opened;
      return name;
    },
    open: () => open(),
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('session turns', () => {
  it('runs two at once on a session, the others in their order of arrival, and other sessions freely', async () => {
    const turns = new SessionTurns(2);
    const log: string[] = [];
    const works = ['a', 'b', 'c', 'd'].map((name) => gate(log, name));
    const results = works.map((w) => turns.take('S1', w.work));
    const elsewhere = gate(log, 'other session');
    const other = turns.take('S2', elsewhere.work);
    await flush();
    expect(log).toEqual(['start a', 'start b', 'start other session']);
    works[1]?.open();
    await flush();
    expect(log.slice(3)).toEqual(['start c']);
    works[0]?.open();
    await flush();
    expect(log.slice(4)).toEqual(['start d']);
    for (const w of works) w.open();
    elsewhere.open();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
    expect(await other).toBe('other session');
  });

  it('gives the turn on when a request fails, and the failure reaches its caller', async () => {
    const turns = new SessionTurns(1);
    const failing = turns.take('S1', () => Promise.reject(new Error('refusée')));
    const next = turns.take('S1', () => Promise.resolve('servie'));
    await expect(failing).rejects.toThrow('refusée');
    expect(await next).toBe('servie');
  });
});
