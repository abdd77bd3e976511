const cell = (value: string): string =>
  /[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

/** CSV for spreadsheets in French: semicolons, UTF-8 with a byte order mark, CRLF lines. */
export const frenchCsv = (rows: readonly (readonly string[])[]): string =>
  `\uFEFF${rows.map((cells) => cells.map(cell).join(';')).join('\r\n')}\r\n`;

/** Cents as a French decimal: 123456 → "1234,56" (no thousands separator, for spreadsheets). */
export const decimalComma = (cents: number): string =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`;
