// The annual ceiling as the Inserm table writes it, with the sentence a member reads (issue 12).
import { describe, expect, it } from 'vitest';
import { annualCeiling } from './annual-ceiling.ts';
import type { HouseholdQuotient } from './household.ts';
import type { Pack } from './pack.ts';
import { cnrs2019, inserm2021, inserm2021InWholeEuros } from './test-fixtures.ts';

/** What the ceiling reads of a household. */
const household = (
  quotientCents: number,
  couple: boolean,
  childrenCounted: number,
  withDisability = false,
) => ({ quotientCents, couple, childrenCounted, withDisability }) as HouseholdQuotient;
const sentence = (pack: Pack, h: HouseholdQuotient) =>
  annualCeiling(pack, h).step?.text.replace(/[\u00a0\u202f]/g, ' ');

describe('the Inserm annual ceiling', () => {
  it('at exactly QF 7 787 € it is the row’s maximum, at exactly 22 617 € its minimum, and it says which', () => {
    expect(annualCeiling(inserm2021, household(778_700, true, 1)).cents).toBe(210_000);
    expect(sentence(inserm2021, household(778_700, true, 1))).toBe(
      'Plafond annuel : maximum (couple avec 1 enfant, QF ≤ 7 787,00 €) = 2 100,00 €',
    );
    expect(annualCeiling(inserm2021, household(2_261_700, true, 1)).cents).toBe(70_000);
    expect(sentence(inserm2021, household(2_261_700, true, 1))).toBe(
      'Plafond annuel : minimum (couple avec 1 enfant, QF ≥ 22 617,00 €) = 700,00 €',
    );
  });

  it('in between, the line from the maximum to the minimum, written out', () => {
    const single = annualCeiling(inserm2021, household(1_000_000, false, 0));
    expect(single.cents).toBe(94_554);
    expect(single.reason).toBeNull();
    expect(sentence(inserm2021, household(1_000_000, false, 0))).toBe(
      'Plafond annuel : 1 050,00 € − (1 050,00 € − 350,00 €) × (10 000,00 € − 7 787,00 €) / (22 617,00 € − 7 787,00 €) (personne seule) = 945,54 €',
    );
    expect(single.step?.inputs).toEqual({
      quotientCents: 1_000_000,
      couple: false,
      children: 0,
      minCents: 35_000,
      maxCents: 105_000,
    });
    expect(sentence(inserm2021, household(1_000_000, false, 2))).toContain(
      '(personne seule avec 2 enfants) = 2 566,47 €',
    );
  });

  it('a household with more children than the table’s rows takes its last row', () => {
    expect(annualCeiling(inserm2021, household(1_000_000, true, 9)).cents).toBe(432_248);
    expect(annualCeiling(inserm2021, household(0, true, 9)).cents).toBe(480_000);
  });

  it('no ceiling for a household with a disabled person, nor in a pack without one, and why', () => {
    const disabled = annualCeiling(inserm2021, household(1_000_000, false, 0, true));
    expect(disabled).toMatchObject({
      cents: null,
      reason: 'pas de plafond pour un foyer comptant une personne en situation de handicap',
    });
    expect(disabled.step?.step).toBe('annualCeiling');
    expect(disabled.step?.text).toBe(
      'Plafond annuel : pas de plafond pour un foyer comptant une personne en situation de handicap',
    );
    const cnrs = annualCeiling(cnrs2019, household(1_000_000, false, 0));
    expect(cnrs).toMatchObject({
      cents: null,
      reason: 'ce barème ne prévoit pas de plafond annuel',
    });
    expect(cnrs.step?.step).toBe('annualCeiling');
    expect(cnrs.step?.text).toBe('Plafond annuel : ce barème ne prévoit pas de plafond annuel');
  });

  it('computes the figure alone when asked to', () => {
    expect(annualCeiling(inserm2021, household(1_000_000, false, 0), false)).toEqual({
      cents: 94_554,
      reason: null,
      step: null,
    });
    expect(annualCeiling(cnrs2019, household(1_000_000, false, 0), false).step).toBeNull();
    expect(annualCeiling(inserm2021, household(1_000_000, false, 0, true), false).step).toBeNull();
  });

  it('a pack that rounds to whole euros rounds the ceiling too', () => {
    expect(annualCeiling(inserm2021InWholeEuros(), household(1_000_000, false, 0)).cents).toBe(
      94_600,
    );
  });
});
