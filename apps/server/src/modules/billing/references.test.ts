import { describe, expect, it } from 'vitest';
import { referenceOf } from './references.ts';

describe('references of numbered pieces', () => {
  it('carry the kind’s prefix, the year and six digits', () => {
    expect(referenceOf('invoice', 2021, 1)).toBe('F-2021-000001');
    expect(referenceOf('credit_note', 2021, 42)).toBe('AV-2021-000042');
    expect(referenceOf('deposit_slip', 2022, 999_999)).toBe('RC-2022-999999');
    expect(referenceOf('payout', 2023, 1_234_567)).toBe('VIR-2023-1234567');
  });
});
