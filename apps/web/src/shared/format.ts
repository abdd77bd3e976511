// French formatting, only in the web app (the API speaks cents and plain numbers).
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const numbers = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

export const formatCents = (cents: number): string => euros.format(cents / 100);
const rates = new Intl.NumberFormat('fr-FR', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
/** A rate always with two decimals ("15,80 %"), as the barème states them. */
export const formatPercent = (rate: number): string => `${rates.format(rate)} %`;
/** A rate in hundredths of a percent (the API's basis points). */
export const formatRate = (bp: number): string => formatPercent(bp / 100);
export const formatParts = (parts: number): string => numbers.format(parts);
export const formatNumber = (value: number): string => numbers.format(value);
export const formatDate = (iso: string): string =>
  `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
/**
 * A time as the API writes it, in the committee's time zone (« 2021-04-15 10:32:05.1+02 »), as
 * « 15/04/2021 à 10 h 32 »: the committee's time, whatever the browser's zone.
 */
export const formatTimestamp = (at: string): string =>
  `${formatDate(at)} à ${at.slice(11, 13)} h ${at.slice(14, 16)}`;

/** "52 000" → 52000: whole euros typed with any spaces; anything else → null. */
export function parseWholeEuros(text: string): number | null {
  const digits = text.replace(/[\s\u00a0\u202f]/g, '');
  return /^\d{1,10}$/.test(digits) ? Number(digits) : null;
}

/** "700" or "89,50" → cents; anything else → NaN, which the server refuses on its field. */
export const parseEuros = (text: string): number =>
  Math.round(Number(text.replace(',', '.').replace(/\s/g, '')) * 100);

/** Cents as typed in an amount field: 120000 → "1200", 8950 → "89,50". */
export const centsForInput = (cents: number): string =>
  (cents / 100).toFixed(2).replace('.', ',').replace(/,00$/, '');
