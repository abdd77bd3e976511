/** IBAN lengths of the SEPA countries and territories (ISO 13616 registry). */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  VA: 22,
};

/** "fr76 3000 6000 0112 3456 7890 189" → "FR7630006000011234567890189". */
export const normalizeIban = (value: string): string => value.replace(/[\s-]/g, '').toUpperCase();

/** Why an IBAN is wrong, in French, or null when its country, length and checksum (mod 97) are right. */
export function ibanProblem(value: string): string | null {
  const iban = normalizeIban(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban))
    return 'un IBAN commence par deux lettres (le pays) et deux chiffres';
  const length = IBAN_LENGTHS[iban.slice(0, 2)];
  if (length === undefined)
    return `pays ${iban.slice(0, 2)} non pris en charge (zone SEPA uniquement)`;
  if (iban.length !== length)
    return `un IBAN ${iban.slice(0, 2)} a ${length} caractères (ici ${iban.length})`;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = char >= 'A' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1
    ? null
    : 'cet IBAN contient une erreur (clé de contrôle fausse) : vérifiez-le sur votre RIB';
}

/**
 * A BIC (SWIFT code): 4 letters of bank, 2 of country, 2 of place, optionally 3 of branch;
 * the place as ISO 20022 accepts it (no 0 or 1 first, no O second), so a payout file can carry it.
 */
export const isBic = (value: string): boolean =>
  /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/.test(value.replace(/\s/g, '').toUpperCase());

/** A name a bank transfer can carry: at least one Latin letter once accents are set apart. */
export const isLatinName = (value: string): boolean => /[A-Za-z]/.test(value.normalize('NFD'));
