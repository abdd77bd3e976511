// Paying online (issue 18): a member starts a payment of what is due now on an invoice; the
// provider's verified notification alone records it, in the invoice's account, once.
//
// Lock order (docs/architecture.md): the invoice (FOR UPDATE), then its online payment. Starting
// a payment and applying a notification both take them in that order, like every payment.
import { randomBytes } from 'node:crypto';
import type { KeptNotification, OnlinePayment } from '@entraide/contract';
import { formatCents } from '@entraide/rules';
import type { Database, Queryable } from '../../db/database.ts';
import { HttpError, notFound, requireUuid } from '../../http.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { dueNowOf, invoiceAccount } from '../billing/payment-plans.ts';
import { creditedInvoiceReason, refuseCreditedInvoice, writePayment } from '../billing/payments.ts';
import type { Checkout, IncomingNotification, PaymentNotice, PaymentProvider } from './provider.ts';

/** How long a payment page may be used before the payment is taken as abandoned. */
const VALID_MINUTES = 30;

interface Row {
  id: string;
  reference: string;
  invoice_id: string;
  invoice_reference: string;
  member_id: string;
  amount_cents: number;
  currency: string;
  status: OnlinePayment['status'];
  provider: string;
  expired: boolean;
}

const COLUMNS = `p.id, p.reference, p.invoice_id, i.reference AS invoice_reference, p.member_id,
  p.amount_cents::int AS amount_cents, p.currency, p.status, p.provider, p.expires_at < now() AS expired`;

const toPayment = (row: Row): OnlinePayment => ({
  reference: row.reference,
  invoiceId: row.invoice_id,
  invoiceReference: row.invoice_reference,
  amountCents: row.amount_cents,
  // A page left open past its time is over for the member, whatever the provider says later.
  status: row.status === 'pending' && row.expired ? 'expired' : row.status,
  provider: row.provider,
});

/**
 * A member starts paying what is due now on their invoice: the payment is kept as pending (the
 * earlier pending ones of the invoice are abandoned: one page at a time), then the provider's
 * page is asked for. Nothing is recorded in the account until the provider notifies.
 */
export async function startOnlinePayment(
  db: Database,
  provider: PaymentProvider,
  member: CurrentUser,
  invoiceId: string,
  urls: { returnUrl: (reference: string) => string; notifyUrl: string },
): Promise<{ payment: OnlinePayment; checkout: Checkout }> {
  const payment = await db.transaction(async (tx) => {
    const [invoice] = await tx.query<{ reference: string; member_id: string; kind: string }>(
      'SELECT reference, member_id, kind FROM invoices WHERE id = $1 FOR UPDATE',
      [requireUuid(invoiceId)],
    );
    if (invoice?.kind !== 'invoice' || invoice.member_id !== member.id) throw notFound();
    await refuseCreditedInvoice(tx, invoiceId);
    const amount = dueNowOf(await invoiceAccount(tx, invoiceId));
    if (amount <= 0)
      throw new HttpError(409, 'nothing_due', 'Cette facture est soldée : rien à payer.');
    await tx.query(
      `UPDATE online_payments SET status = 'abandoned', settled_at = now()
        WHERE invoice_id = $1 AND status = 'pending'`,
      [invoiceId],
    );
    const [row] = await tx.query<Row>(
      `WITH p AS (
         INSERT INTO online_payments (reference, invoice_id, member_id, provider, amount_cents, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(mins => $6)) RETURNING *)
       SELECT ${COLUMNS} FROM p JOIN invoices i ON i.id = p.invoice_id`,
      [newReference(), invoiceId, member.id, provider.id, amount, VALID_MINUTES],
    );
    if (!row) throw new Error('no online payment written');
    return toPayment(row);
  });
  const checkout = await provider.checkout({
    reference: payment.reference,
    amountCents: payment.amountCents,
    label: `Facture ${payment.invoiceReference}`,
    email: member.email,
    returnUrl: urls.returnUrl(payment.reference),
    notifyUrl: urls.notifyUrl,
    expiresAt: new Date(Date.now() + VALID_MINUTES * 60_000),
  });
  if (checkout.providerId)
    await db.query('UPDATE online_payments SET provider_id = $2 WHERE reference = $1', [
      payment.reference,
      checkout.providerId,
    ]);
  return { payment, checkout };
}

/**
 * Pages left past their time: the payment is expired (nothing was reserved by it, so nothing is
 * freed). Money that still comes for it is recorded if the invoice owes it (applyNotice).
 */
export async function expireOnlinePayments(db: Queryable): Promise<number> {
  const expired = await db.query(
    `UPDATE online_payments SET status = 'expired', settled_at = now()
      WHERE status = 'pending' AND expires_at < now() RETURNING id`,
  );
  return expired.length;
}

/**
 * The provider's fees of the payments it recorded in the last 30 days, once it knows them (the
 * accounting export shows them); a provider that does not say them is not asked.
 */
export async function readProviderFees(db: Queryable, provider: PaymentProvider): Promise<number> {
  const { fees } = provider;
  if (!fees) return 0;
  const unknown = await db.query<{ id: string; provider_id: string }>(
    `SELECT id, provider_id FROM online_payments
      WHERE provider = $1 AND status = 'paid' AND fees_cents IS NULL AND provider_id IS NOT NULL
        AND settled_at > now() - interval '30 days'
      ORDER BY settled_at LIMIT 50`,
    [provider.id],
  );
  let read = 0;
  for (const payment of unknown) {
    const cents = await fees(payment.provider_id);
    if (cents === null) continue;
    await db.query('UPDATE online_payments SET fees_cents = $2 WHERE id = $1', [payment.id, cents]);
    read += 1;
  }
  return read;
}

/** PAY- and 10 characters: an order id every provider accepts. */
const newReference = (): string =>
  `PAY-${randomBytes(8).toString('base64url').replace(/[-_]/g, '0').slice(0, 10).toUpperCase()}`;

export async function memberOnlinePayment(
  db: Queryable,
  memberId: string,
  reference: string,
): Promise<OnlinePayment> {
  const [row] = await db.query<Row>(
    `SELECT ${COLUMNS} FROM online_payments p JOIN invoices i ON i.id = p.invoice_id
      WHERE p.reference = $1 AND p.member_id = $2`,
    [reference, memberId],
  );
  if (!row) throw notFound();
  return toPayment(row);
}

export type NotificationOutcome =
  'recorded' | 'duplicate' | 'unknown' | 'mismatch' | 'settled' | 'credited' | 'closed';

/**
 * A provider's notification: verified by its adapter (a forged one records nothing), then each
 * payment it names applied in its own transaction — the payment line written with the payment's
 * new state, or the notification kept for the staff with why it could not be applied.
 */
export async function receiveNotification(
  db: Database,
  provider: PaymentProvider,
  notification: IncomingNotification,
  today: string,
): Promise<NotificationOutcome[]> {
  const notices = provider.read(notification);
  const outcomes: NotificationOutcome[] = [];
  for (const notice of notices)
    outcomes.push(await applyNotice(db, provider.id, notice, notification.body, today));
  return outcomes;
}

async function applyNotice(
  db: Database,
  providerId: string,
  notice: PaymentNotice,
  body: string,
  today: string,
): Promise<NotificationOutcome> {
  return db.transaction(async (tx) => {
    const [found] = await tx.query<{ invoice_id: string }>(
      'SELECT invoice_id FROM online_payments WHERE reference = $1 AND provider = $2',
      [notice.reference, providerId],
    );
    // The invoice first, then its payment (the lock order).
    if (found)
      await tx.query('SELECT id FROM invoices WHERE id = $1 FOR UPDATE', [found.invoice_id]);
    const [payment] = found
      ? await tx.query<Row>(
          `SELECT ${COLUMNS} FROM online_payments p JOIN invoices i ON i.id = p.invoice_id
            WHERE p.reference = $1 FOR UPDATE OF p`,
          [notice.reference],
        )
      : [];
    const { outcome, detail } = payment
      ? await apply(tx, payment, notice, today)
      : { outcome: 'unknown' as const, detail: 'aucun paiement de cette référence' };
    await tx.query(
      `INSERT INTO payment_notifications (provider, reference, online_payment_id, status, amount_cents, outcome, detail, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        providerId,
        notice.reference,
        payment?.id ?? null,
        notice.status,
        notice.amountCents,
        outcome,
        detail,
        body,
      ],
    );
    return outcome;
  });
}

async function apply(
  tx: Queryable,
  payment: Row,
  notice: PaymentNotice,
  today: string,
): Promise<{ outcome: NotificationOutcome; detail: string }> {
  if (notice.amountCents !== payment.amount_cents || notice.currency !== payment.currency)
    return {
      outcome: 'mismatch',
      detail: `attendu ${formatCents(payment.amount_cents)} ${payment.currency}, notifié ${String(notice.amountCents)} centimes ${notice.currency}`,
    };
  if (notice.status === 'pending') return { outcome: 'duplicate', detail: 'toujours en cours' };
  if (payment.status === 'paid')
    return notice.status === 'paid'
      ? { outcome: 'duplicate', detail: 'déjà enregistré' }
      : { outcome: 'settled', detail: `notifié ${notice.status} après son paiement` };
  if (notice.status !== 'paid') {
    if (payment.status === notice.status) return { outcome: 'duplicate', detail: 'déjà noté' };
    await tx.query(`UPDATE online_payments SET status = $2, settled_at = now() WHERE id = $1`, [
      payment.id,
      notice.status,
    ]);
    return { outcome: 'closed', detail: notice.status };
  }
  // Money was taken: it lands on the invoice whenever it comes (even past the page's time),
  // unless the invoice was cancelled or is paid already — then the staff refund it.
  const credited = await creditedInvoiceReason(tx, payment.invoice_id);
  if (credited) return { outcome: 'credited', detail: credited };
  const account = await invoiceAccount(tx, payment.invoice_id);
  if (payment.amount_cents > account.balanceCents)
    return {
      outcome: 'settled',
      detail: `reste dû ${formatCents(Math.max(0, account.balanceCents))} : à rembourser`,
    };
  const line = await writePayment(tx, {
    invoiceId: payment.invoice_id,
    memberId: payment.member_id,
    method: 'card',
    amountCents: payment.amount_cents,
    receivedOn: today,
    chequeNumber: null,
    cashOn: null,
    key: `online:${payment.reference}`,
    recordedBy: null,
  });
  await tx.query(
    `UPDATE online_payments SET status = 'paid', payment_id = $2, provider_id = COALESCE($3, provider_id),
            fees_cents = $4, settled_at = now() WHERE id = $1`,
    [payment.id, line.id, notice.providerId, notice.feesCents],
  );
  return { outcome: 'recorded', detail: '' };
}

/**
 * The notifications no payment line came from, not yet handled: those of the caller's sectors
 * (the invoice's), and for an admin also those naming no payment of ours.
 */
export async function keptNotifications(
  db: Queryable,
  staff: CurrentUser,
): Promise<KeptNotification[]> {
  return db.query<KeptNotification>(
    `SELECT n.id, n.provider, n.reference, n.outcome, n.detail, n.amount_cents::int AS "amountCents",
            to_char(n.received_at, 'YYYY-MM-DD"T"HH24:MI:SS') AS "receivedAt",
            i.reference AS "invoiceReference", u.last_name || ' ' || u.first_name AS member
       FROM payment_notifications n
       LEFT JOIN online_payments o ON o.id = n.online_payment_id
       LEFT JOIN invoices i ON i.id = o.invoice_id
       LEFT JOIN users u ON u.id = o.member_id
      WHERE n.outcome IN ('unknown', 'mismatch', 'settled', 'credited') AND n.handled_at IS NULL
        AND ($1 OR i.sector = ANY($2::text[]))
      ORDER BY n.received_at`,
    [staff.role === 'admin', staff.sectors],
  );
}

/** The staff say how they handled a kept notification (a refund made, a payment placed): audited. */
export async function handleNotification(
  db: Database,
  staff: CurrentUser,
  id: string,
  note: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const visible = (await keptNotifications(tx, staff)).some((n) => n.id === id);
    if (!visible) throw notFound();
    await tx.query(
      `UPDATE payment_notifications SET handled_at = now(), handled_by = $2,
              detail = detail || ' — traité : ' || $3 WHERE id = $1 AND handled_at IS NULL`,
      [requireUuid(id), staff.id, note],
    );
    await recordAudit(tx, staff.id, 'payment.notification_handled', 'payment_notification', id, {
      note,
    });
  });
}
