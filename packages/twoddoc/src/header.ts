// The 2D-DOC header (ANTS specification, "en-tête"): its version, who signed with which
// certificate, when, and the document's type. Versions 01 and 02: 22 characters; 03 adds the
// perimeter (24); 04 adds the issuing country (26).

export interface Header {
  readonly version: 1 | 2 | 3 | 4;
  /** Certification authority, e.g. "FR00" (ANTS's list names it). */
  readonly authority: string;
  /** The certificate's id under that authority, e.g. "0001". */
  readonly certificate: string;
  /** ISO dates; null when the code says "none" (FFFF). */
  readonly issuedOn: string | null;
  readonly signedOn: string | null;
  /** Two characters: "04" and "28" are tax notices (avis d'impôt sur les revenus). */
  readonly documentType: string;
  readonly perimeter: string | null;
  readonly country: string | null;
  /** How many characters the header takes. */
  readonly length: number;
}

export class TwoDDocError extends Error {}

const LENGTHS = { 1: 22, 2: 22, 3: 24, 4: 26 } as const;

/** A date of the header: days since 1 January 2000, in 4 hexadecimal digits; FFFF for none. */
function headerDate(hex: string): string | null {
  if (hex === 'FFFF') return null;
  if (!/^[0-9A-F]{4}$/.test(hex)) throw new TwoDDocError(`date d’en-tête illisible : ${hex}`);
  const day = new Date(Date.UTC(2000, 0, 1) + Number.parseInt(hex, 16) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

export function parseHeader(text: string): Header {
  if (!text.startsWith('DC')) throw new TwoDDocError('ce n’est pas un 2D-DOC (pas de « DC »)');
  const version = Number(text.slice(2, 4));
  if (version !== 1 && version !== 2 && version !== 3 && version !== 4)
    throw new TwoDDocError(`version d’en-tête inconnue : ${text.slice(2, 4)}`);
  const length = LENGTHS[version];
  if (text.length < length) throw new TwoDDocError('en-tête incomplet');
  return {
    version,
    authority: text.slice(4, 8),
    certificate: text.slice(8, 12),
    issuedOn: headerDate(text.slice(12, 16)),
    signedOn: headerDate(text.slice(16, 20)),
    documentType: text.slice(20, 22),
    perimeter: version >= 3 ? text.slice(22, 24) : null,
    country: version >= 4 ? text.slice(24, 26) : null,
    length,
  };
}
