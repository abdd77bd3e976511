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
