import type { TwoDDoc } from './message.ts';
import { TwoDDocError } from './header.ts';

/** Size of r‖s and the hash, by curve (ANTS: P-256 with SHA-256; P-384 with SHA-384). */
const CURVES = {
  'P-256': { bytes: 64, hash: 'SHA-256' },
  'P-384': { bytes: 96, hash: 'SHA-384' },
} as const;

/** The signed text's bytes: 2D-DOC characters are one byte each. */
function latin1(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code > 0xff) throw new TwoDDocError('caractère hors du jeu d’un 2D-DOC');
    bytes[i] = code;
  }
  return bytes;
}

/**
 * Whether the code's signature is the one `key` (an ECDSA public key, from the certificate the
 * header names) made over its header and message. A code without signature is not valid.
 */
export async function verifySignature(doc: TwoDDoc, key: CryptoKey): Promise<boolean> {
  const { namedCurve } = key.algorithm as EcKeyAlgorithm;
  const curve = CURVES[namedCurve as keyof typeof CURVES] as (typeof CURVES)['P-256'] | undefined;
  if (!curve) throw new TwoDDocError(`courbe non prévue par le 2D-DOC : ${namedCurve}`);
  if (!doc.signature || doc.signature.length < curve.bytes) return false;
  return crypto.subtle.verify(
    { name: 'ECDSA', hash: curve.hash },
    key,
    doc.signature.slice(0, curve.bytes),
    latin1(doc.signed),
  );
}
