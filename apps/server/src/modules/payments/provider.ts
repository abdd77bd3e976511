// The payment-provider port (issue 18): start a payment for an amount and a reference, read the
// provider's notification once its signature is checked. Adapters: Stripe Checkout, the
// Lyra/PayZen/Systempay form protocol, and the local test provider of development.

export type ProviderId = 'local' | 'stripe' | 'lyra';

/** What the member is sent to pay. */
export interface CheckoutRequest {
  /** Ours (the provider's order id), PAY- and 10 characters. */
  readonly reference: string;
  readonly amountCents: number;
  /** What is paid, as the provider's page shows it: « Facture FAC-2021-000012 ». */
  readonly label: string;
  readonly email: string;
  /** Where the member's browser comes back, whatever happened. */
  readonly returnUrl: string;
  /** Where the provider sends its notification (when the protocol names it per payment). */
  readonly notifyUrl: string;
  readonly expiresAt: Date;
}

/** The provider's page: a link, or a form the browser posts (its fields signed). */
export interface Checkout {
  readonly url: string;
  readonly fields: Readonly<Record<string, string>> | null;
  /** The provider's own id of the payment, when it gives one at once. */
  readonly providerId: string | null;
}

/** What a verified notification says about one payment. */
export interface PaymentNotice {
  readonly reference: string;
  readonly status: 'paid' | 'refused' | 'abandoned' | 'pending';
  readonly amountCents: number;
  readonly currency: string;
  readonly providerId: string | null;
  /** The provider's fees, when the notification gives them. */
  readonly feesCents: number | null;
}

/** A notification as it came: its headers and its body untouched (signatures cover the bytes). */
export interface IncomingNotification {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** A notification whose signature or form is not the provider's: nothing is recorded. */
export class NotAuthentic extends Error {}

/** A refund asked of the provider: of which payment, how much, under which key of ours. */
export interface RefundRequest {
  readonly key: string;
  readonly reference: string;
  readonly providerId: string | null;
  readonly amountCents: number;
}

/** What the provider answered: the refund done (confirmed) or accepted and under way (sent). */
export interface RefundAnswer {
  readonly state: 'sent' | 'confirmed';
  readonly providerRefundId: string | null;
}

export interface PaymentProvider {
  readonly id: ProviderId;
  checkout(request: CheckoutRequest): Promise<Checkout>;
  refund(request: RefundRequest): Promise<RefundAnswer>;
  /**
   * The provider's fees on a payment, in cents, once it knows them (null: not yet). Absent for a
   * provider that does not say them (Lyra: they come on the bank's statement).
   */
  readonly fees?: (providerId: string) => Promise<number | null>;
  /** The payments the notification is about (none: an event that concerns no payment). */
  read(notification: IncomingNotification): PaymentNotice[];
}
