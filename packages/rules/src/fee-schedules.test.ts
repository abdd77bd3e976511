import { describe, expect, it } from 'vitest';
import {
  cancellationFee,
  modificationFee,
  type CancellationInput,
  type ModificationInput,
} from './fee-schedules.ts';
import { instalmentOptions, splitInstalments } from './instalments.ts';
import { cnrs2019, inserm2021 } from './test-fixtures.ts';

const cancel = (input: Partial<CancellationInput>, pack = cnrs2019) =>
  cancellationFee(pack, {
    venue: 'caesVillage',
    daysBeforeStart: 60,
    justified: false,
    noShow: false,
    invoiceCents: 100_000,
    leftToPayCents: 100_000,
    organismFeeCents: 0,
    ...input,
  }).feeCents;

describe('CNRS cancellation, CAES villages', () => {
  it('costs 60 € more than one month before, or for a justified reason', () => {
    expect(cancel({ daysBeforeStart: 31 })).toBe(6000);
    expect(cancel({ daysBeforeStart: 3, justified: true })).toBe(6000);
  });
  it('costs all the arrhes from one month to 15 days before', () => {
    expect(cancel({ daysBeforeStart: 30 })).toBe(20_000);
    expect(cancel({ daysBeforeStart: 15 })).toBe(20_000);
  });
  it('costs 50 % of the invoice less than 15 days before, and 100 % for a no-show', () => {
    expect(cancel({ daysBeforeStart: 14 })).toBe(50_000);
    expect(cancel({ daysBeforeStart: 0, noShow: true })).toBe(100_000);
  });
});

describe('CNRS cancellation, partner villages, trips and youth stays', () => {
  it('costs the organism’s fees, at least 60 €', () => {
    expect(cancel({ venue: 'other', organismFeeCents: 2000 })).toBe(6000);
    expect(cancel({ venue: 'other', organismFeeCents: 25_000 })).toBe(25_000);
  });
});

describe('Inserm cancellation', () => {
  it('is the provider’s fee on the cost before subsidy, owed entirely by the family', () => {
    expect(cancel({ organismFeeCents: 12_345 }, inserm2021)).toBe(12_345);
  });
});

const modify = (input: Partial<ModificationInput>) =>
  modificationFee(cnrs2019, {
    venue: 'caesVillage',
    modificationNumber: 1,
    daysBeforeStart: 60,
    onArrival: false,
    removedCents: 10_000,
    organismFeeCents: 0,
    ...input,
  }).feeCents;

describe('CNRS modification fees', () => {
  it('CAES villages, more than 30 days before: 1st free, 2nd 8 €, then 20 % of what is removed', () => {
    expect([1, 2, 3, 4].map((n) => modify({ modificationNumber: n }))).toEqual([
      0, 800, 2000, 2000,
    ]);
  });
  it('CAES villages, 30 days or less before: 1st 8 €, then 20 %', () => {
    expect([1, 2].map((n) => modify({ modificationNumber: n, daysBeforeStart: 30 }))).toEqual([
      800, 2000,
    ]);
  });
  it('CAES villages, on arrival: 90 % of what is removed; an addition is free', () => {
    expect(modify({ onArrival: true, daysBeforeStart: 0 })).toBe(9000);
    expect(modify({ modificationNumber: 3, removedCents: 0 })).toBe(0);
  });
  it('elsewhere: 1st free, 2nd 8 €, then 15 €, plus the organism’s own fees', () => {
    expect(
      [1, 2, 3, 5].map((n) =>
        modify({ venue: 'other', modificationNumber: n, organismFeeCents: 100 }),
      ),
    ).toEqual([100, 900, 1600, 1600]);
  });
  it('is a named missing parameter for Inserm, whose providers set their own terms', () => {
    expect(() =>
      modificationFee(inserm2021, {
        venue: 'other',
        modificationNumber: 1,
        daysBeforeStart: 1,
        onArrival: false,
        removedCents: 1,
        organismFeeCents: 0,
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'missing_parameter',
        issues: [expect.objectContaining({ path: 'modification' })],
      }) as Error,
    );
  });
});

describe('instalments', () => {
  it('Inserm: cheque in 1 to 10, card in up to 3 from 90 €', () => {
    expect(instalmentOptions(inserm2021, 8999).map((o) => [o.method, o.maxCount])).toEqual([
      ['cheque', 10],
      ['card', 1],
    ]);
    expect(instalmentOptions(inserm2021, 9000).map((o) => [o.method, o.maxCount])).toEqual([
      ['cheque', 10],
      ['card', 3],
    ]);
  });
  it('CNRS: 3 monthly instalments from 150 €', () => {
    expect(instalmentOptions(cnrs2019, 14_999)[0]?.maxCount).toBe(1);
    expect(instalmentOptions(cnrs2019, 15_000)[0]?.maxCount).toBe(3);
  });
  it('splits an amount in whole cents that add up exactly', () => {
    expect(splitInstalments(10_000, 3)).toEqual([3334, 3333, 3333]);
    expect(splitInstalments(2, 3)).toEqual([1, 1, 0]);
  });
  it('refuses a count out of range', () => {
    expect(() => splitInstalments(100, 0)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'count' })] }) as Error,
    );
  });
});

describe('bad fee input', () => {
  it('names each faulty amount, like every other rule', () => {
    expect(() => cancel({ invoiceCents: -1, organismFeeCents: 1.5 })).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        issues: [
          { path: 'invoiceCents', message: 'le montant ne peut pas être négatif' },
          { path: 'organismFeeCents', message: 'montant entier en centimes attendu' },
        ],
      }) as Error,
    );
    expect(() => instalmentOptions(inserm2021, 100_000_000_01)).toThrow(
      expect.objectContaining({
        issues: [{ path: 'amountCents', message: 'montant trop élevé' }],
      }) as Error,
    );
  });
});
