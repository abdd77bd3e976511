/**
 * What a spreadsheet would run as a formula when it opens the file: a text that begins with `=`,
 * `+`, `-`, `@`, a tab or a carriage return (OWASP, « CSV injection »). A member's name or a
 * transport city is free text, and the providers' lists leave the committee.
 */
const FORMULA = /^[=+\-@\t\r]/;
/** An amount or a count as these files write them (`-12,50`, `3`): a number, not a formula. */
const NUMBER = /^-?\d+(,\d+)?$/;

const cell = (text: string): string => {
  const value = FORMULA.test(text) && !NUMBER.test(text) ? `'${text}` : text;
  return /[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
};

/**
 * CSV for spreadsheets in French: semicolons, UTF-8 with a byte order mark, CRLF lines; a text a
 * spreadsheet would take for a formula is kept as text by a leading apostrophe.
 */
export const frenchCsv = (rows: readonly (readonly string[])[]): string =>
  `\uFEFF${rows.map((cells) => cells.map(cell).join(';')).join('\r\n')}\r\n`;

/** Cents as a French decimal: 123456 → "1234,56" (no thousands separator, for spreadsheets). */
export const decimalComma = (cents: number): string =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`;
