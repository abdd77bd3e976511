import { describe, expect, it } from 'vitest';
import { ibanProblem, isBic, normalizeIban } from './iban.ts';

describe('IBAN', () => {
  it('accepts real IBANs written with spaces or in lower case', () => {
    expect(ibanProblem('FR76 3000 6000 0112 3456 7890 189')).toBeNull();
    expect(ibanProblem('de89 3704 0044 0532 0130 00')).toBeNull();
    expect(ibanProblem('GB82WEST12345698765432')).toBeNull();
    expect(normalizeIban('fr76 3000-6000')).toBe('FR7630006000');
  });
  it('refuses a wrong checksum, a wrong length, an unknown country, and garbage, saying why', () => {
    expect(ibanProblem('FR76 3000 6000 0112 3456 7890 188')).toContain('clé de contrôle');
    expect(ibanProblem('FR76 3000 6000 0112 3456 7890 18')).toBe(
      'un IBAN FR a 27 caractères (ici 26)',
    );
    expect(ibanProblem('US12 3456 7890 1234')).toContain('zone SEPA');
    expect(ibanProblem('bonjour')).toContain('deux lettres');
  });
  it('catches every single-digit typo of a valid IBAN', () => {
    const valid = 'FR7630006000011234567890189';
    for (let i = 4; i < valid.length; i += 1) {
      const digit = Number(valid[i]);
      const typo = `${valid.slice(0, i)}${(digit + 1) % 10}${valid.slice(i + 1)}`;
      expect(ibanProblem(typo)).not.toBeNull();
    }
  });
});

describe('BIC', () => {
  it('has 8 or 11 characters: bank, country, place, branch', () => {
    expect(isBic('AGRIFRPP')).toBe(true);
    expect(isBic('agrifrpp882')).toBe(true);
    expect(isBic('AGRIFRP')).toBe(false);
    expect(isBic('1GRIFRPP')).toBe(false);
    // The place code of a test BIC (0 first) or with an O second is not one a bank transfer takes.
    expect(isBic('AGRIFR0P')).toBe(false);
    expect(isBic('AGRIFRPO')).toBe(false);
    expect(isBic('AGRIFR2P')).toBe(true);
  });
});
