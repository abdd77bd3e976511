// What a node keeps of the database (the committee's identity, the published packs; issue 15):
// read again once older than 30 s, once however many requests ask meanwhile.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FRESH_MS, KeptRead } from '../src/kept-read.ts';

/** A read that counts its calls and ends when the test says so. */
function controlledRead() {
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const read = vi.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
  );
  return { read, pending };
}

describe('KeptRead', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads once for every request that asks while a read is under way, then not until 30 s have passed', async () => {
    const { read, pending } = controlledRead();
    const kept = new KeptRead(read);
    const asked = Array.from({ length: 50 }, () => kept.fresh());
    expect(read).toHaveBeenCalledTimes(1);
    expect(new Set(asked).size).toBe(1);
    expect(asked[0]).toBeInstanceOf(Promise);
    pending[0]?.resolve();
    await asked[0];
    expect(kept.fresh()).toBeNull();

    vi.setSystemTime(Date.now() + FRESH_MS);
    expect(kept.fresh()).toBeNull();
    vi.setSystemTime(Date.now() + 1);
    const again = kept.fresh();
    expect(again).toBeInstanceOf(Promise);
    expect(read).toHaveBeenCalledTimes(2);
    pending[1]?.resolve();
    await again;
    expect(kept.fresh()).toBeNull();
  });

  it('reads again after a change on this node once the older read under way has ended, so the older never applies last', async () => {
    let held = 'au démarrage';
    const pending: ((value: string) => void)[] = [];
    const read = vi.fn(() =>
      new Promise<string>((resolve) => pending.push(resolve)).then((value) => {
        held = value;
      }),
    );
    const kept = new KeptRead(read);
    const older = kept.fresh();
    const afterChange = kept.again();
    // The read that follows the change waits for the older one; requests asking now wait for it.
    expect(read).toHaveBeenCalledTimes(1);
    expect(kept.fresh()).toBe(afterChange);
    pending[0]?.('lu avant le changement');
    await older;
    await vi.waitFor(() => expect(read).toHaveBeenCalledTimes(2));
    pending[1]?.('lu après le changement');
    await afterChange;
    expect(held).toBe('lu après le changement');
    expect(kept.fresh()).toBeNull();
  });

  it('reads again after a change even when the older read failed', async () => {
    const { read, pending } = controlledRead();
    const kept = new KeptRead(read);
    const older = kept.fresh();
    const afterChange = kept.again();
    pending[0]?.reject(new Error('base injoignable'));
    await expect(older).rejects.toThrow('base injoignable');
    await vi.waitFor(() => expect(read).toHaveBeenCalledTimes(2));
    pending[1]?.resolve();
    await afterChange;
    expect(kept.fresh()).toBeNull();
  });

  it('tries a failed read again at the next request', async () => {
    const { read, pending } = controlledRead();
    const kept = new KeptRead(read);
    const failing = kept.fresh();
    pending[0]?.reject(new Error('base injoignable'));
    await expect(failing).rejects.toThrow('base injoignable');
    const retried = kept.fresh();
    expect(retried).toBeInstanceOf(Promise);
    expect(read).toHaveBeenCalledTimes(2);
    pending[1]?.resolve();
    await retried;
    expect(kept.fresh()).toBeNull();
  });
});
