// Refunds of online payments through their provider (issue 18): prepared with the refund line of
// a cancellation, in its transaction; sent by a job; confirmed by the provider's answer. Each
// state is a row the staff see; one that fails waits for them.
import type { OpenRefund } from '@entraide/contract';
import type { Database, Queryable } from '../../db/database.ts';
import { HttpError, notFound, requireUuid } from '../../http.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { PaymentProvider } from './provider.ts';

/**
 * The part of a refund that goes back through the provider: what the invoice's online payments
 * took and was not refunded yet, newest first (the rest is refunded by the committee, by
 * transfer, as before). Inside the caller's transaction, under the invoice's lock.
 */
export async function prepareOnlineRefunds(
  tx: Queryable,
  invoiceId: string,
  refundCents: number,
): Promise<void> {
  const payments = await tx.query<{ id: string; left: number }>(
    `SELECT o.id, (o.amount_cents - COALESCE((SELECT sum(r.amount_cents) FROM online_refunds r
                    WHERE r.online_payment_id = o.id AND r.status <> 'failed'), 0))::int AS left
       FROM online_payments o WHERE o.invoice_id = $1 AND o.status = 'paid'
      ORDER BY o.settled_at DESC`,
    [invoiceId],
  );
  let left = refundCents;
  for (const payment of payments) {
    const cents = Math.min(left, payment.left);
    if (cents <= 0) continue;
    await tx.query('INSERT INTO online_refunds (online_payment_id, amount_cents) VALUES ($1, $2)', [
      payment.id,
      cents,
    ]);
    left -= cents;
  }
}

/**
 * The job: each prepared refund of this provider is marked sent (by one node only), then asked
 * of the provider; its answer confirms it, an error marks it failed with the provider's words.
 * One whose answer never came stays sent, for the staff to check: never asked twice.
 */
export async function sendPreparedRefunds(
  db: Database,
  provider: PaymentProvider,
): Promise<{ confirmed: number; failed: number }> {
  const prepared = await db.query<{ id: string }>(
    `SELECT r.id FROM online_refunds r JOIN online_payments o ON o.id = r.online_payment_id
      WHERE r.status = 'prepared' AND o.provider = $1 ORDER BY r.created_at LIMIT 50`,
    [provider.id],
  );
  const done = { confirmed: 0, failed: 0 };
  for (const { id } of prepared) {
    const [refund] = await db.query<{
      amount_cents: number;
      reference: string;
      provider_id: string | null;
    }>(
      `UPDATE online_refunds r SET status = 'sent', sent_at = now()
         FROM online_payments o
        WHERE r.id = $1 AND r.status = 'prepared' AND o.id = r.online_payment_id
        RETURNING r.amount_cents::int AS amount_cents, o.reference, o.provider_id`,
      [id],
    );
    if (!refund) continue;
    try {
      const answer = await provider.refund({
        key: `refund-${id}`,
        reference: refund.reference,
        providerId: refund.provider_id,
        amountCents: refund.amount_cents,
      });
      await db.query(
        `UPDATE online_refunds SET status = $2, provider_refund_id = $3,
                confirmed_at = CASE WHEN $2 = 'confirmed' THEN now() END WHERE id = $1`,
        [id, answer.state, answer.providerRefundId],
      );
      if (answer.state === 'confirmed') done.confirmed += 1;
    } catch (error) {
      await db.query(`UPDATE online_refunds SET status = 'failed', error = $2 WHERE id = $1`, [
        id,
        error instanceof Error ? error.message : String(error),
      ]);
      done.failed += 1;
    }
  }
  return done;
}

/** The refunds of the caller's sectors (all for an admin) that are not confirmed yet. */
export function openRefunds(db: Queryable, staff: CurrentUser): Promise<OpenRefund[]> {
  return db.query<OpenRefund>(
    `SELECT r.id, o.reference, o.provider, i.reference AS "invoiceReference",
            u.last_name || ' ' || u.first_name AS member, r.amount_cents::int AS "amountCents",
            r.status, r.error, to_char(r.created_at, 'YYYY-MM-DD') AS "createdAt"
       FROM online_refunds r JOIN online_payments o ON o.id = r.online_payment_id
       JOIN invoices i ON i.id = o.invoice_id JOIN users u ON u.id = o.member_id
      WHERE r.status IN ('prepared', 'sent', 'failed') AND ($1 OR i.sector = ANY($2::text[]))
      ORDER BY r.created_at`,
    [staff.role === 'admin', staff.sectors],
  );
}

/** A failed refund asked again of the provider (the job sends it): the staff's decision, audited. */
export async function retryRefund(db: Database, staff: CurrentUser, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const open = await openRefunds(tx, staff);
    if (!open.some((r) => r.id === requireUuid(id))) throw notFound();
    // Only if it is still failed, under its lock: of two desks asking at once, one asks, and a
    // refund the job has sent again is never put back.
    const retried = await tx.query(
      `UPDATE online_refunds SET status = 'prepared', error = NULL WHERE id = $1 AND status = 'failed' RETURNING id`,
      [id],
    );
    if (retried.length === 0)
      throw new HttpError(
        409,
        'not_failed',
        'Ce remboursement n’est plus en échec : il est déjà redemandé au prestataire (en préparation ou envoyé).',
      );
    await recordAudit(tx, staff.id, 'payment.refund_retry', 'online_refund', id);
  });
}
