import type { ActivitySector } from '@entraide/contract';

/** An invoice as the billing API answers it, with where it stands. */
export interface InvoiceDetails {
  invoice: {
    id: string;
    kind: 'invoice' | 'credit_note';
    reference: string;
    registrationId: string | null;
    sector: ActivitySector;
    issuedOn: string;
    totalCents: number;
    subsidyCents: number;
    lines: {
      kind: string;
      label: string;
      amountCents: number;
      subsidy?: { reasons: string[]; explanation: unknown };
    }[];
  };
  account: {
    totalCents: number;
    creditedCents: number;
    paidCents: number;
    balanceCents: number;
    instalments: {
      id: string;
      dueOn: string;
      amountCents: number;
      paidCents: number;
      method: string;
    }[];
  };
  /** What « Payer en ligne » asks for now: the next instalment, or the balance. */
  dueNowCents: number;
  payments: {
    id: string;
    method: string;
    amountCents: number;
    receivedOn: string;
    chequeNumber: string | null;
    /** The deposit slip a cheque went to the bank on, if it did. */
    depositSlipId: string | null;
    /** A reversal (an entry error, a cheque returned unpaid): the payment it cancels, and why. */
    reversesId: string | null;
    reversalReason: string | null;
    /** Received at the desk and not reversed yet: the desk may reverse it. */
    reversible: boolean;
  }[];
  planOptions: { method: 'cheque' | 'card' | 'monthly'; label: string; maxCount: number }[];
  member?: string;
}

/** The instalments of an invoice not yet paid in full, in their order. */
export const dueInstalments = (account: InvoiceDetails['account']) =>
  account.instalments.filter((i) => i.paidCents < i.amountCents);
