// How a numbered piece is referred to: invoices, credit notes, deposit slips and payout batches.

export type NumberedKind = 'invoice' | 'credit_note' | 'deposit_slip' | 'payout';

const PREFIX: Record<NumberedKind, string> = {
  invoice: 'F',
  credit_note: 'AV',
  deposit_slip: 'RC',
  payout: 'VIR',
};

/** A numbered piece's reference: its kind's prefix, its year and its number on six digits. */
export const referenceOf = (kind: NumberedKind, year: number, number: number): string =>
  `${PREFIX[kind]}-${year}-${String(number).padStart(6, '0')}`;

/**
 * SQL: the same reference, for the kind `kind` (a JavaScript value), of the year and number given
 * as SQL expressions — for a piece numbered in the statement that writes it.
 */
export const referenceSql = (kind: NumberedKind, year: string, number: string): string =>
  `'${PREFIX[kind]}-' || ${year} || '-' || lpad(${number}::text, greatest(6, length(${number}::text)), '0')`;
