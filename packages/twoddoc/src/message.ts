import { FIELDS, GS, RS, US } from './fields.ts';
import { parseHeader, TwoDDocError, type Header } from './header.ts';

/** A value of the message, with its label when the identifier is one this module knows. */
export interface Field {
  readonly id: string;
  /** null: an identifier this module does not know — reported, never interpreted. */
  readonly label: string | null;
  readonly value: string;
  /** The value was cut short by the issuer (<RS>). */
  readonly truncated: boolean;
}

export interface TwoDDoc {
  readonly header: Header;
  readonly fields: readonly Field[];
  /** What the signature covers: the header and the message, up to <US>. */
  readonly signed: string;
  /** The signature's bytes (base32 after <US>); null when the code carries none. */
  readonly signature: Uint8Array | null;
}

/** The message after the header: identifiers and their values, in order. */
export function parseMessage(message: string): Field[] {
  const fields: Field[] = [];
  let at = 0;
  while (at < message.length) {
    const id = message.slice(at, at + 2);
    if (!/^[0-9A-Z]{2}$/.test(id))
      throw new TwoDDocError(`identifiant de donnée illisible : ${id}`);
    at += 2;
    const spec = FIELDS[id];
    if (spec?.fixed != null) {
      const value = message.slice(at, at + spec.fixed);
      if (value.length < spec.fixed || value.includes(GS))
        throw new TwoDDocError(`${spec.label} (${id}) : ${String(spec.fixed)} caractères attendus`);
      fields.push({ id, label: spec.label, value, truncated: false });
      at += spec.fixed;
      if (message[at] === GS) at += 1;
      continue;
    }
    const ends = [message.indexOf(GS, at), message.indexOf(RS, at)].filter((i) => i >= 0);
    const end = ends.length > 0 ? Math.min(...ends) : message.length;
    const value = message.slice(at, end);
    if (spec?.max != null && value.length > spec.max)
      throw new TwoDDocError(`${spec.label} (${id}) : ${String(spec.max)} caractères au plus`);
    fields.push({ id, label: spec?.label ?? null, value, truncated: message[end] === RS });
    at = end + 1;
  }
  return fields;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32, without padding; leftover bits under a byte are dropped. */
export function base32(text: string): Uint8Array {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text.replace(/=+$/, '')) {
    const digit = BASE32.indexOf(char);
    if (digit < 0) throw new TwoDDocError(`signature illisible (caractère « ${char} »)`);
    value = (value << 5) | digit;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

/** Reads a 2D-DOC as its DataMatrix decodes it: header, message, signature. */
export function read2dDoc(text: string): TwoDDoc {
  const header = parseHeader(text);
  const separator = text.indexOf(US);
  const signed = separator >= 0 ? text.slice(0, separator) : text;
  return {
    header,
    fields: parseMessage(signed.slice(header.length)),
    signed,
    signature: separator >= 0 ? base32(text.slice(separator + 1).trim()) : null,
  };
}
