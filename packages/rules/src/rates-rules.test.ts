// Each grid's rate and the sentence that explains it (issue 12).
import { describe, expect, it } from 'vitest';
import { RulesError } from './errors.ts';
import { allRates, explainedGridRate, gridLabel, gridRate } from './rates.ts';
import { cnrs2019, inserm2021, inserm2021Without } from './test-fixtures.ts';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('rates', () => {
  it('a CNRS grid’s formula per euro of quotient, and an Inserm one per thousand euros', () => {
    expect(plain(explainedGridRate(cnrs2019, 'vacances', 900_000).step.text)).toBe(
      'Séjours de vacances et séjours jeunes dès 18 ans : 91,497 − 0,0043254 × 9 000,00, borné entre 13 % et 80 % = 52,57 %',
    );
    expect(plain(explainedGridRate(inserm2021, 'standard', 1_733_333).step.text)).toBe(
      'Taux standard : 86,2555 − 3,3716 × 17 333,33 / 1000, borné entre 10 % et 60 % = 27,81 %',
    );
    expect(explainedGridRate(inserm2021, 'majore', 1_733_333)).toMatchObject({
      rateBp: 3781,
      step: { step: 'rate.majore', inputs: { quotientCents: 1_733_333 } },
    });
  });

  it('every grid of a pack, in its order, with or without the sentences', () => {
    const explained = allRates(inserm2021, 1_733_333);
    expect(explained.ratesBp).toEqual({ standard: 2781, majore: 3781, promotionnel: 5281 });
    expect(Object.keys(explained.ratesBp)).toEqual(['standard', 'majore', 'promotionnel']);
    expect(explained.steps.map((s) => s.step)).toEqual([
      'rate.standard',
      'rate.majore',
      'rate.promotionnel',
    ]);
    const bare = allRates(inserm2021, 1_733_333, false);
    expect(bare.ratesBp).toEqual(explained.ratesBp);
    expect(bare.steps).toEqual([]);
    expect(Object.keys(allRates(cnrs2019, 900_000, false).ratesBp)).toEqual(
      Object.keys(allRates(cnrs2019, 900_000).ratesBp),
    );
  });

  it('a grid the pack does not define is named', () => {
    for (const ask of [
      () => gridRate(inserm2021, 'vacances', 0),
      () => gridLabel(inserm2021, 'vacances'),
    ]) {
      try {
        ask();
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(RulesError);
        expect((error as RulesError).code).toBe('missing_parameter');
        expect((error as RulesError).message).toBe(
          'Le barème inserm-2021 ne définit pas la grille « vacances ».',
        );
        expect((error as RulesError).issues).toEqual([
          { path: 'grids.vacances', message: 'grille absente du barème inserm-2021' },
        ]);
      }
    }
  });

  it('a pack without grids says which parameter it lacks', () => {
    const pack = inserm2021Without('grids', 'gridRules', 'promo', 'skiAid');
    for (const ask of [() => allRates(pack, 0), () => gridRate(pack, 'standard', 0)])
      expect(ask).toThrow(
        expect.objectContaining({
          code: 'missing_parameter',
          issues: [expect.objectContaining({ path: 'grids' })],
        }) as Error,
      );
  });
});
