// The form protocol of Lyra's payment pages (PayZen, Systempay, the French banks' brands), from
// its published documentation: the shop posts `vads_*` fields signed with HMAC-SHA-256, and the
// platform sends the instant payment notification (IPN) as a form signed the same way.
import { createHmac, randomInt } from 'node:crypto';
import { matchesSecret } from '../accounts/csrf.ts';
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

export interface LyraSettings {
  readonly siteId: string;
  /** The shop's key of the mode (test or production key), which signs both ways. */
  readonly key: string;
  readonly mode: 'TEST' | 'PRODUCTION';
  /** The brand's payment page, e.g. https://secure.payzen.eu/vads-payment/. */
  readonly formUrl: string;
  /** The REST API that refunds (the shop's REST password, its address), when configured. */
  readonly rest: { readonly password: string; readonly url: string } | null;
}

/**
 * The signature: the values of every `vads_` field, sorted by field name, joined by « + », the
 * key appended, HMAC-SHA-256 with the key, in base64.
 */
export function lyraSignature(fields: Readonly<Record<string, string>>, key: string): string {
  const values = Object.keys(fields)
    .filter((name) => name.startsWith('vads_'))
    .sort()
    .map((name) => fields[name]);
  return createHmac('sha256', key)
    .update([...values, key].join('+'), 'utf8')
    .digest('base64');
}

/** Lyra's ISO 4217 numeric codes for the currencies a committee uses. */
const CURRENCIES: Readonly<Record<string, string>> = { '978': 'EUR' };

/** What each transaction status means for the payment (anything else: still pending). */
const STATUSES: Readonly<Record<string, PaymentNotice['status']>> = {
  AUTHORISED: 'paid',
  CAPTURED: 'paid',
  ACCEPTED: 'paid',
  REFUSED: 'refused',
  ABANDONED: 'abandoned',
  CANCELLED: 'abandoned',
  EXPIRED: 'abandoned',
  NOT_CREATED: 'abandoned',
};

/** « 20211203101500 »: the transaction's date and time, UTC, as the protocol writes it. */
const transDate = (at: Date): string => at.toISOString().replace(/[-:T]/g, '').slice(0, 14);

/** 6 characters, unique in the shop for the day (with the order id beside it). */
const transId = (): string =>
  Array.from({ length: 6 }, () => '0123456789abcdefghijklmnopqrstuvwxyz'[randomInt(36)]).join('');

export function lyraProvider(
  settings: LyraSettings,
  now: () => Date = () => new Date(),
): PaymentProvider {
  return {
    id: 'lyra',
    checkout(request: CheckoutRequest): Promise<Checkout> {
      const fields: Record<string, string> = {
        vads_action_mode: 'INTERACTIVE',
        vads_amount: String(request.amountCents),
        vads_ctx_mode: settings.mode,
        vads_currency: '978',
        vads_cust_email: request.email,
        vads_order_id: request.reference,
        vads_order_info: request.label,
        vads_page_action: 'PAYMENT',
        vads_payment_config: 'SINGLE',
        vads_redirect_success_timeout: '5',
        vads_return_mode: 'GET',
        vads_site_id: settings.siteId,
        vads_trans_date: transDate(now()),
        vads_trans_id: transId(),
        vads_url_check: request.notifyUrl,
        vads_url_return: request.returnUrl,
        vads_version: 'V2',
      };
      return Promise.resolve({
        url: settings.formUrl,
        fields: { ...fields, signature: lyraSignature(fields, settings.key) },
        providerId: null,
      });
    },
    async refund(request: RefundRequest): Promise<RefundAnswer> {
      if (!settings.rest)
        throw new Error(
          'LYRA_REST_PASSWORD absent : remboursez dans le back office du prestataire',
        );
      if (!request.providerId) throw new Error(`pas de transaction Lyra pour ${request.reference}`);
      const response = await fetch(`${settings.rest.url}/Transaction/CancelOrRefund`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${settings.siteId}:${settings.rest.password}`).toString('base64')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          uuid: request.providerId,
          amount: request.amountCents,
          currency: 'EUR',
          resolutionMode: 'AUTO',
          comment: request.reference,
        }),
      });
      const answer = (await response.json()) as {
        status?: string;
        answer?: { uuid?: string; errorMessage?: string; errorCode?: string };
      };
      if (!response.ok || answer.status !== 'SUCCESS')
        throw new Error(
          `Lyra : ${answer.answer?.errorCode ?? String(response.status)} ${answer.answer?.errorMessage ?? ''}`.trim(),
        );
      return { state: 'confirmed', providerRefundId: answer.answer?.uuid ?? null };
    },
    read(notification: IncomingNotification): PaymentNotice[] {
      const form = Object.fromEntries(new URLSearchParams(notification.body));
      if (
        !matchesSecret(form.signature, lyraSignature(form, settings.key)) ||
        form.vads_site_id !== settings.siteId
      )
        throw new NotAuthentic('signature Lyra invalide');
      const amount = Number(form.vads_amount);
      if (!form.vads_order_id || !Number.isSafeInteger(amount))
        throw new NotAuthentic('notification Lyra incomplète');
      return [
        {
          reference: form.vads_order_id,
          status: STATUSES[form.vads_trans_status ?? ''] ?? 'pending',
          amountCents: amount,
          currency: CURRENCIES[form.vads_currency ?? ''] ?? form.vads_currency ?? '',
          providerId: form.vads_trans_uuid ?? null,
          feesCents: null,
        },
      ];
    },
  };
}
