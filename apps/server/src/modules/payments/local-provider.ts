// The local test provider of development (like /dev/mail): its page lets a newcomer pay, refuse
// or abandon a payment, and it notifies the app the way a provider does — a signed message to
// the notification address, the only way the invoice's account changes.
import { createHmac } from 'node:crypto';
import { matchesSecret } from '../accounts/csrf.ts';
import {
  NotAuthentic,
  type Checkout,
  type CheckoutRequest,
  type IncomingNotification,
  type PaymentNotice,
  type PaymentProvider,
  type RefundAnswer,
} from './provider.ts';

export const LOCAL_SIGNATURE_HEADER = 'x-entraide-local-signature';

const sign = (body: string, secret: Buffer): string =>
  createHmac('sha256', secret).update(body, 'utf8').digest('hex');

/** The notification the local provider's page sends: its body and its signature header. */
export function localNotification(
  notice: Omit<PaymentNotice, 'providerId' | 'feesCents'>,
  secret: Buffer,
): IncomingNotification {
  const body = JSON.stringify(notice);
  return { headers: { [LOCAL_SIGNATURE_HEADER]: sign(body, secret) }, body };
}

export function localProvider(publicUrl: string, secret: Buffer): PaymentProvider {
  return {
    id: 'local',
    checkout(request: CheckoutRequest): Promise<Checkout> {
      return Promise.resolve({
        url: `${publicUrl}/dev/paiement/${encodeURIComponent(request.reference)}`,
        fields: null,
        providerId: null,
      });
    },
    refund(): Promise<RefundAnswer> {
      // The test provider refunds at once: nothing real was taken.
      return Promise.resolve({ state: 'confirmed', providerRefundId: null });
    },
    // The test provider takes no fee.
    fees: () => Promise.resolve(0),
    read(notification: IncomingNotification): PaymentNotice[] {
      const header = notification.headers[LOCAL_SIGNATURE_HEADER];
      if (!matchesSecret(header, sign(notification.body, secret)))
        throw new NotAuthentic('signature du fournisseur local invalide');
      const notice = JSON.parse(notification.body) as Omit<
        PaymentNotice,
        'providerId' | 'feesCents'
      >;
      return [{ ...notice, providerId: null, feesCents: null }];
    },
  };
}
