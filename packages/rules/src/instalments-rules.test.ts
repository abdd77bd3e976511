// Paying in instalments: the pack's options and exact splits (issue 12).
import { describe, expect, it } from 'vitest';
import { RulesError } from './errors.ts';
import { cancellationFee } from './fee-schedules.ts';
import { instalmentOptions, splitInstalments } from './instalments.ts';
import { inserm2021Without } from './test-fixtures.ts';

const faults = (work: () => unknown) => {
  try {
    work();
    return {};
  } catch (error) {
    expect(error).toBeInstanceOf(RulesError);
    return Object.fromEntries((error as RulesError).issues.map((i) => [i.path, i.message]));
  }
};

describe('splitting a balance', () => {
  it('in one instalment, and up to 120, the first ones carrying the odd cents', () => {
    expect(splitInstalments(10_001, 1)).toEqual([10_001]);
    expect(splitInstalments(10_001, 3)).toEqual([3_334, 3_334, 3_333]);
    const many = splitInstalments(1_000_007, 120);
    expect(many).toHaveLength(120);
    expect(many.reduce((sum, part) => sum + part, 0)).toBe(1_000_007);
    expect(many.slice(0, 8).every((part) => part === 8_334)).toBe(true);
    expect(many[119]).toBe(8_333);
  });

  it('refuses 0, 121, a fraction of an instalment and a wrong amount, naming each', () => {
    for (const count of [0, 121, 2.5])
      expect(faults(() => splitInstalments(100, count))).toEqual({
        count: 'nombre d’échéances entre 1 et 120',
      });
    expect(faults(() => splitInstalments(-1, 2))).toEqual({
      amountCents: 'le montant ne peut pas être négatif',
    });
  });
});

describe('the pack’s options', () => {
  it('a pack without instalments or without cancellation rules names what it lacks', () => {
    const pack = inserm2021Without('instalments', 'cancellation');
    for (const [parameter, ask] of [
      ['instalments', () => instalmentOptions(pack, 10_000)],
      [
        'cancellation',
        () =>
          cancellationFee(pack, {
            venue: 'other',
            daysBeforeStart: 3,
            justified: false,
            noShow: false,
            invoiceCents: 0,
            leftToPayCents: 0,
            organismFeeCents: 0,
          }),
      ],
    ] as const)
      expect(ask, parameter).toThrow(
        expect.objectContaining({
          code: 'missing_parameter',
          issues: [expect.objectContaining({ path: parameter })],
        }) as Error,
      );
    expect(faults(() => instalmentOptions(pack, -5))).toEqual({
      amountCents: 'le montant ne peut pas être négatif',
    });
  });
});
