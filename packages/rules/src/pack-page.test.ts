import { describe, expect, it } from 'vitest';
import { packPage } from './pack-page.ts';
import { cnrs2019, inserm2021, inserm2023 } from './test-fixtures.ts';

describe('a pack written out for everyone', () => {
  it('writes each grid’s rule from the pack: a formula with its bounds, or points added', () => {
    expect(packPage(inserm2021).grids).toEqual([
      {
        grid: 'standard',
        label: 'Taux standard',
        rule: '86,2555 − 3,3716 × QF / 1000, borné entre 10 % et 60 %',
      },
      { grid: 'majore', label: 'Taux majoré', rule: 'taux standard + 10' },
      { grid: 'promotionnel', label: 'Taux promotionnel', rule: 'taux standard + 25' },
    ]);
    expect(packPage(cnrs2019).grids[1]?.rule).toBe(
      '95,387 − 0,0036307 × QF, borné entre 22 % et 80 %',
    );
  });

  it('gives the ceiling’s table in cents, one row per household, as the brochure prints it', () => {
    const ceiling = packPage(inserm2021).annualCeiling;
    expect(ceiling).toMatchObject({
      qfForMaximumEuros: 7787,
      qfForMinimumEuros: 22617,
      exemptSectors: ['voyages', 'clas'],
      notForHouseholdsWithDisability: true,
    });
    expect(ceiling?.rows.map((r) => [r.household, r.maxCents, r.minCents])).toEqual([
      ['Célibataire', 105_000, 35_000],
      ['Célibataire avec 1 enfant', 195_000, 65_000],
      ['Célibataire avec 2 enfants', 285_000, 95_000],
      ['Célibataire avec 3 enfants', 375_000, 125_000],
      ['Célibataire avec 4 enfants ou plus', 465_000, 155_000],
      ['Couple', 150_000, 50_000],
      ['Couple avec 1 enfant', 210_000, 70_000],
      ['Couple avec 2 enfants', 300_000, 100_000],
      ['Couple avec 3 enfants', 390_000, 130_000],
      ['Couple avec 4 enfants ou plus', 480_000, 160_000],
    ]);
    expect(packPage(cnrs2019).annualCeiling).toBeNull();
  });

  it('lists the examples the pack was checked on; a pack in the making has no grid yet', () => {
    expect(packPage(inserm2021).examples).toHaveLength(6);
    expect(packPage(inserm2023)).toMatchObject({ grids: [], examples: [] });
  });
});
