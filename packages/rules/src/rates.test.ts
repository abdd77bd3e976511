import { describe, expect, it } from 'vitest';
import { gridRate } from './rates.ts';
import { cnrs2019, inserm2021 } from './test-fixtures.ts';
import { gridThresholds } from './thresholds.ts';

const euros = (value: number): number => Math.round(value * 100);

describe('Inserm 2021 standard rate: 86,2555 − 3,3716 × QF / 1000, 10–60 %', () => {
  it('is 60 % up to QF 7 787 € and below 60 % above the formula’s threshold', () => {
    expect(gridRate(inserm2021, 'standard', 0)).toBe(6000);
    expect(gridRate(inserm2021, 'standard', euros(7787))).toBe(6000);
    // The exact formula crosses 60 % at 7 787,25 €; the rate rounds to 60,00 until 7 788,73 €.
    expect(gridRate(inserm2021, 'standard', euros(7788.73))).toBe(6000);
    expect(gridRate(inserm2021, 'standard', euros(7788.74))).toBe(5999);
  });
  it('is 10 % from QF 22 617 € and above 10 % just below', () => {
    expect(gridRate(inserm2021, 'standard', euros(22_617))).toBe(1000);
    expect(gridRate(inserm2021, 'standard', euros(1_000_000))).toBe(1000);
    expect(gridRate(inserm2021, 'standard', euros(22_615.5))).toBe(1001);
  });
  it('rounds half up to 0,01 %', () => {
    // 17 333,33 € → 27,8144… → 27,81 ; 13 719 € → 40,0005… → 40,00
    expect(gridRate(inserm2021, 'standard', 1_733_333)).toBe(2781);
    expect(gridRate(inserm2021, 'standard', euros(13_719))).toBe(4000);
    // 8 000 € → 86,2555 − 26,9728 = 59,2827 → 59,28
    expect(gridRate(inserm2021, 'standard', euros(8000))).toBe(5928);
  });
  it('gives the brochure’s example: standard 58 %, majoré 68 %, promotionnel 83 %', () => {
    // 86,2555 − 3,3716 × QF / 1000 = 58 → QF = 8 380,56 €
    const quotient = euros(8380.56);
    expect(gridRate(inserm2021, 'standard', quotient)).toBe(5800);
    expect(gridRate(inserm2021, 'majore', quotient)).toBe(6800);
    expect(gridRate(inserm2021, 'promotionnel', quotient)).toBe(8300);
  });
  it('makes majoré 20–70 % and promotionnel 35–85 %', () => {
    expect(gridRate(inserm2021, 'majore', 0)).toBe(7000);
    expect(gridRate(inserm2021, 'majore', euros(50_000))).toBe(2000);
    expect(gridRate(inserm2021, 'promotionnel', 0)).toBe(8500);
    expect(gridRate(inserm2021, 'promotionnel', euros(50_000))).toBe(3500);
  });
});

describe('CNRS 2019 formulas at both clamps', () => {
  it('holiday stays: 80 % up to QF ≈ 2 658 €, 13 % from ≈ 18 148 €', () => {
    expect(gridRate(cnrs2019, 'vacances', euros(2657))).toBe(8000);
    expect(gridRate(cnrs2019, 'vacances', euros(2660))).toBe(7999);
    expect(gridRate(cnrs2019, 'vacances', euros(18_148))).toBe(1300);
    expect(gridRate(cnrs2019, 'vacances', euros(18_145))).toBe(1301);
    // The brochure's own thresholds give other rates: QF 2 722 € is not 80 %.
    expect(gridRate(cnrs2019, 'vacances', euros(2722))).toBe(7972);
  });
  it('youth stays under 18: 80 % up to QF ≈ 4 238 €, 22 % from ≈ 20 213 €', () => {
    expect(gridRate(cnrs2019, 'jeunesMoins18', euros(4238))).toBe(8000);
    expect(gridRate(cnrs2019, 'jeunesMoins18', euros(4242))).toBe(7999);
    expect(gridRate(cnrs2019, 'jeunesMoins18', euros(20_213))).toBe(2200);
    expect(gridRate(cnrs2019, 'jeunesMoins18', euros(20_210))).toBe(2201);
  });
});

describe('stated thresholds against the formula (barème screen)', () => {
  it('warns for the CNRS grids whose brochure thresholds disagree with the formula', () => {
    const [vacances, jeunes] = gridThresholds(cnrs2019);
    expect(vacances?.impliedAtMaxCents).toBe(265_802);
    expect(vacances?.impliedAtMinCents).toBe(1_814_792); // 78,497 / 0,0043254 = 18 147,92
    expect(vacances?.warnings).toHaveLength(2);
    expect(vacances?.warnings[0]).toContain('2\u202f722,00');
    expect(jeunes?.warnings).toHaveLength(2);
  });
  it('finds the Inserm thresholds 7 787 € and 22 617 € in the formula, without warning', () => {
    const [standard] = gridThresholds(inserm2021);
    expect(standard).toMatchObject({
      impliedAtMaxCents: 778_725,
      impliedAtMinCents: 2_261_701,
      warnings: [],
    });
  });
});
