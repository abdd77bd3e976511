import type { InvoiceDetails } from '@entraide/contract';

/** The instalments of an invoice not yet paid in full, in their order. */
export const dueInstalments = (account: InvoiceDetails['account']) =>
  account.instalments.filter((i) => i.paidCents < i.amountCents);
