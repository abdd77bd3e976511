import type { StaffSector } from '@entraide/contract';
import { formatCents, formatIsoDate } from '@entraide/rules';
import type { Queryable } from '../../db/database.ts';
import { HttpError, notFound, requireUuid } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { templates } from '../notifications/templates.ts';
import { invoiceAccount, type InvoiceAccount } from './payment-plans.ts';
import {
  AT_THE_DESK,
  creditedInvoiceReason,
  paymentLabel,
  writePayment,
  type Payment,
} from './payments.ts';

/** A payment as its reversal reads it, under its invoice's lock. */
interface Reversed {
  id: string;
  invoice_id: string;
  member_id: string;
  method: Payment['method'];
  amount_cents: number;
  received_on: string;
  cheque_number: string | null;
  at_the_desk: boolean;
  online: boolean;
  reversed_on: string | null;
  reference: string;
  sector: StaffSector;
  email: string;
  first_name: string;
}

/** Why the line cannot be reversed at the desk, in words that say what to do instead. */
function refusal(payment: Reversed): HttpError {
  if (payment.reversed_on !== null)
    return new HttpError(
      409,
      'already_reversed',
      `Ce règlement est déjà annulé (le ${formatIsoDate(payment.reversed_on)}) : rien n’a changé.`,
    );
  return new HttpError(
    409,
    'not_reversible',
    payment.online
      ? 'Ce règlement a été payé en ligne : il se rembourse par le prestataire de paiement en ligne, pas en l’annulant ici.'
      : 'Cette ligne n’est pas un règlement saisi au guichet (un report d’une autre facture, ou un remboursement) : elle ne s’annule pas ici.',
  );
}

/**
 * Staff reverse a payment received at the desk: an entry error (the wrong amount, the wrong
 * family's invoice) or a cheque the bank returned unpaid (decision 0045). A line of its own is
 * written — the opposite amount, the same means, the reason — and the payment is never edited:
 * what was paid falls back, the instalments it covered are due again, a cheque not yet deposited
 * stays off the slips, and the family is told. Locks, in the documented order: the invoice
 * (step 4), then the payment's row, which a deposit slip being made holds too.
 */
export async function reversePayment(
  ctx: AppContext,
  staff: CurrentUser,
  paymentId: string,
  reason: string,
): Promise<{ reversal: Payment; account: InvoiceAccount }> {
  return ctx.db.transaction(async (tx) => {
    const [invoice] = await tx.query<{ id: string }>(
      `SELECT i.id FROM invoices i JOIN payments p ON p.invoice_id = i.id WHERE p.id = $1
        FOR UPDATE OF i`,
      [requireUuid(paymentId)],
    );
    if (!invoice) throw notFound();
    const payment = await lockedPayment(tx, paymentId);
    if (!payment.at_the_desk || payment.reversed_on !== null) throw refusal(payment);
    const credited = await creditedInvoiceReason(tx, invoice.id);
    if (credited)
      throw new HttpError(
        409,
        'invoice_credited',
        `La facture ${payment.reference} est annulée par un avoir : ce règlement a été reporté sur la facture qui la remplace, ou remboursé, avec elle ; il ne s’annule plus ici.`,
      );
    const reversal = await writePayment(tx, {
      invoiceId: invoice.id,
      memberId: payment.member_id,
      method: payment.method,
      amountCents: -payment.amount_cents,
      receivedOn: ctx.today(),
      chequeNumber: payment.cheque_number,
      cashOn: null,
      key: `reversal:${payment.id}`,
      recordedBy: staff.id,
      reverses: { id: payment.id, reason },
    });
    const account = await invoiceAccount(tx, invoice.id);
    await recordAudit(tx, staff.id, 'payment.reverse', 'invoice', invoice.id, {
      paymentId: payment.id,
      amountCents: payment.amount_cents,
      reason,
    });
    await ctx.mailer.send(
      tx,
      payment.email,
      templates.paymentReversed(ctx.organization, payment.sector, payment.first_name, {
        reference: payment.reference,
        payment: `${paymentLabel({ method: payment.method, chequeNumber: payment.cheque_number, reversalReason: null })} de ${formatCents(payment.amount_cents)} reçu le ${formatIsoDate(payment.received_on)}`,
        reason,
        balance: formatCents(account.balanceCents),
      }),
    );
    return { reversal, account };
  });
}

/** The payment, its row locked, with what its reversal needs to know of it. */
async function lockedPayment(tx: Queryable, paymentId: string): Promise<Reversed> {
  const [payment] = await tx.query<Reversed>(
    `SELECT p.id, p.invoice_id, p.member_id, p.method, p.amount_cents::int AS amount_cents,
            p.received_on::text AS received_on, p.cheque_number, ${AT_THE_DESK} AS at_the_desk,
            strpos(p.idempotency_key, 'online:') = 1 AS online,
            (SELECT r.received_on::text FROM payments r WHERE r.reverses_id = p.id) AS reversed_on,
            i.reference, i.sector, u.email, u.first_name
       FROM payments p JOIN invoices i ON i.id = p.invoice_id JOIN users u ON u.id = p.member_id
      WHERE p.id = $1 FOR UPDATE OF p`,
    [paymentId],
  );
  if (!payment) throw notFound();
  return payment;
}
