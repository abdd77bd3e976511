// Stripe Checkout through the official package: a Checkout Session per payment, and the
// webhook's events, whose `Stripe-Signature` the package checks (constructEvent).
import Stripe from 'stripe';
import {
  NotAuthentic,
  type Checkout,
  type CheckoutRequest,
  type IncomingNotification,
  type PaymentNotice,
  type PaymentProvider,
  type RefundAnswer,
  type RefundRequest,
} from './provider.ts';

export interface StripeSettings {
  readonly secretKey: string;
  readonly webhookSecret: string;
  /** Another API address (a test server); Stripe's own otherwise. */
  readonly api?: { host: string; port: number; protocol: 'http' | 'https' };
}

/** What each event says of the session it carries (other events concern no payment). */
const STATUSES: Readonly<
  Record<string, (session: Stripe.Checkout.Session) => PaymentNotice['status']>
> = {
  'checkout.session.completed': (session) =>
    session.payment_status === 'paid' || session.payment_status === 'no_payment_required'
      ? 'paid'
      : 'pending',
  'checkout.session.async_payment_succeeded': () => 'paid',
  'checkout.session.async_payment_failed': () => 'refused',
  'checkout.session.expired': () => 'abandoned',
};

export function stripeProvider(settings: StripeSettings): PaymentProvider {
  const stripe = new Stripe(settings.secretKey, {
    maxNetworkRetries: 2,
    ...(settings.api ?? {}),
  });
  return {
    id: 'stripe',
    async checkout(request: CheckoutRequest): Promise<Checkout> {
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'payment',
          client_reference_id: request.reference,
          customer_email: request.email,
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: 'eur',
                unit_amount: request.amountCents,
                product_data: { name: request.label },
              },
            },
          ],
          metadata: { reference: request.reference },
          payment_intent_data: { metadata: { reference: request.reference } },
          success_url: request.returnUrl,
          cancel_url: request.returnUrl,
          // Stripe's own floor is 30 minutes.
          expires_at: Math.max(
            Math.floor(request.expiresAt.getTime() / 1000),
            Math.floor(Date.now() / 1000) + 30 * 60,
          ),
          locale: 'fr',
        },
        // One session per reference, even when the request is sent again.
        { idempotencyKey: `checkout-${request.reference}` },
      );
      if (!session.url) throw new Error('Stripe did not give the payment page');
      return { url: session.url, fields: null, providerId: session.id };
    },
    async refund(request: RefundRequest): Promise<RefundAnswer> {
      if (!request.providerId) throw new Error(`no Stripe session for ${request.reference}`);
      const session = await stripe.checkout.sessions.retrieve(request.providerId);
      const intent =
        typeof session.payment_intent === 'string'
          ? session.payment_intent
          : session.payment_intent?.id;
      if (!intent) throw new Error(`no payment intent for ${request.reference}`);
      const refund = await stripe.refunds.create(
        {
          payment_intent: intent,
          amount: request.amountCents,
          metadata: { reference: request.reference },
        },
        { idempotencyKey: request.key },
      );
      return {
        state: refund.status === 'succeeded' ? 'confirmed' : 'sent',
        providerRefundId: refund.id,
      };
    },
    async fees(providerId: string): Promise<number | null> {
      const session = await stripe.checkout.sessions.retrieve(providerId, {
        expand: ['payment_intent.latest_charge.balance_transaction'],
      });
      const intent = session.payment_intent;
      const charge = typeof intent === 'object' ? intent?.latest_charge : null;
      const balance = typeof charge === 'object' ? charge?.balance_transaction : null;
      return typeof balance === 'object' && balance ? balance.fee : null;
    },
    read(notification: IncomingNotification): PaymentNotice[] {
      const header = notification.headers['stripe-signature'];
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(
          notification.body,
          typeof header === 'string' ? header : '',
          settings.webhookSecret,
        );
      } catch (error) {
        throw new NotAuthentic(
          error instanceof Error ? error.message : 'signature Stripe invalide',
        );
      }
      const status = STATUSES[event.type];
      if (!status) return [];
      const session = event.data.object as Stripe.Checkout.Session;
      const reference = session.client_reference_id ?? session.metadata?.reference;
      if (!reference) return [];
      return [
        {
          reference,
          status: status(session),
          amountCents: session.amount_total ?? 0,
          currency: (session.currency ?? '').toUpperCase(),
          providerId: session.id,
          feesCents: null,
        },
      ];
    },
  };
}
