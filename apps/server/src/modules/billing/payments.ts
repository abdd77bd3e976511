import type { PendingCheque } from '@entraide/contract';
import { errorCode, type Queryable } from '../../db/database.ts';
import { HttpError, sameIds, invalidField, notFound, requireUuid } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { FormWriter } from '../forms/pdf-text.ts';
import { formatCents, formatIsoDate, plural } from '@entraide/rules';
import { nextNumber } from './numbering.ts';
import { invoiceAccount } from './payment-plans.ts';
import { nextCashingDay } from './working-days.ts';

export const paymentMethods = ['card', 'cheque', 'chequesVacances', 'bonsCaf', 'transfer'] as const;

const PAYMENT_METHOD_LABELS: Readonly<Record<string, string>> = {
  card: 'Carte bancaire',
  cheque: 'Chèque',
  chequesVacances: 'Chèques-Vacances',
  bonsCaf: 'Bons CAF',
  transfer: 'Virement',
};
/** A means of payment as the committee's documents name it. */
export const paymentMethodLabel = (method: string): string =>
  PAYMENT_METHOD_LABELS[method] ?? method;

/** A payment line as a document names it: « Chèque n° 0012 », a reversal with its reason. */
export const paymentLabel = (p: {
  readonly method: string;
  readonly chequeNumber: string | null;
  readonly reversalReason: string | null;
}): string =>
  `${paymentMethodLabel(p.method)}${p.chequeNumber ? ` n° ${p.chequeNumber}` : ''}${
    p.reversalReason === null ? '' : ` — annulé : ${p.reversalReason}`
  }`;
export type PaymentMethod = (typeof paymentMethods)[number] | 'refund';

export interface Payment {
  readonly id: string;
  readonly invoiceId: string;
  readonly method: PaymentMethod;
  readonly amountCents: number;
  readonly receivedOn: string;
  readonly chequeNumber: string | null;
  readonly cashOn: string | null;
  readonly depositSlipId: string | null;
  /** A reversal: the payment it cancels, and why (decision 0045). */
  readonly reversesId: string | null;
  readonly reversalReason: string | null;
}

const COLUMNS = `id, invoice_id, method, amount_cents::int AS amount_cents, received_on::text AS received_on,
  cheque_number, cash_on::text AS cash_on, deposit_slip_id, reverses_id, reversal_reason`;

interface Row {
  id: string;
  invoice_id: string;
  method: PaymentMethod;
  amount_cents: number;
  received_on: string;
  cheque_number: string | null;
  cash_on: string | null;
  deposit_slip_id: string | null;
  reverses_id: string | null;
  reversal_reason: string | null;
}

/**
 * A key sent again with another amount or invoice: most often a form sent, its answer lost, then
 * corrected and sent again. Says what the first sending recorded, and how to see it.
 */
async function keyUsed(tx: Queryable, previous: Row): Promise<HttpError> {
  const [invoice] = await tx.query<{ reference: string }>(
    'SELECT reference FROM invoices WHERE id = $1',
    [previous.invoice_id],
  );
  return new HttpError(
    409,
    'idempotency_conflict',
    `Cette saisie a déjà enregistré un règlement de ${formatCents(previous.amount_cents)} sur la facture ${invoice?.reference ?? ''} : sa réponse s’est sans doute perdue en route. Rechargez la page pour le voir, puis saisissez à nouveau ce qui manque encore.`,
  );
}

const toPayment = (r: Row): Payment => ({
  id: r.id,
  invoiceId: r.invoice_id,
  method: r.method,
  amountCents: r.amount_cents,
  receivedOn: r.received_on,
  chequeNumber: r.cheque_number,
  cashOn: r.cash_on,
  depositSlipId: r.deposit_slip_id,
  reversesId: r.reverses_id,
  reversalReason: r.reversal_reason,
});

/**
 * SQL, for the payments row `p`: money received at the desk. The desk's keys have no colon; the
 * lines a place's change, an online payment or a refund writes all do, or are negative.
 */
export const AT_THE_DESK = `p.amount_cents > 0 AND strpos(p.idempotency_key, ':') = 0`;

/** SQL, for the payments row `p`: no reversal cancels it. */
const NOT_REVERSED = 'NOT EXISTS (SELECT 1 FROM payments r WHERE r.reverses_id = p.id)';

/**
 * SQL, for the payments row `p`: what a reversal may cancel — money received at the desk, not
 * reversed yet, on an invoice no credit note cancelled (its payments went with the credit note).
 */
const REVERSIBLE = `${AT_THE_DESK} AND ${NOT_REVERSED}
  AND NOT EXISTS (SELECT 1 FROM invoices c WHERE c.corrects_id = p.invoice_id)`;

/** An invoice's payment lines, each saying whether the desk may reverse it. */
export async function invoicePayments(
  db: Queryable,
  invoiceId: string,
): Promise<(Payment & { reversible: boolean })[]> {
  const rows = await db.query<Row & { reversible: boolean }>(
    `SELECT ${COLUMNS}, ${REVERSIBLE} AS reversible FROM payments p
      WHERE invoice_id = $1 ORDER BY received_on, created_at`,
    [invoiceId],
  );
  return rows.map((r) => ({ ...toPayment(r), reversible: r.reversible }));
}

/** Writes a payment line (money in, or out when negative) inside the caller's transaction. */
export async function writePayment(
  tx: Queryable,
  payment: {
    invoiceId: string;
    memberId: string;
    method: PaymentMethod;
    amountCents: number;
    receivedOn: string;
    chequeNumber: string | null;
    cashOn: string | null;
    key: string;
    recordedBy: string | null;
    /** A reversal: the payment it cancels, and why. */
    reverses?: { readonly id: string; readonly reason: string };
  },
): Promise<Payment> {
  const [row] = await tx.query<Row>(
    `INSERT INTO payments (invoice_id, member_id, method, amount_cents, received_on, cheque_number, cash_on,
       idempotency_key, recorded_by, reverses_id, reversal_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${COLUMNS}`,
    [
      payment.invoiceId,
      payment.memberId,
      payment.method,
      payment.amountCents,
      payment.receivedOn,
      payment.chequeNumber,
      payment.cashOn,
      payment.key,
      payment.recordedBy,
      payment.reverses?.id ?? null,
      payment.reverses?.reason ?? null,
    ],
  );
  if (!row) throw new Error('no payment written');
  return toPayment(row);
}

/**
 * Why an invoice takes no more payment, or null: a credit note cancelled it (the place was
 * changed or cancelled, perhaps while the payment was being typed); the reason names the invoice
 * that replaced it, if any, so the money goes where it is owed.
 */
export async function creditedInvoiceReason(
  tx: Queryable,
  invoiceId: string,
): Promise<string | null> {
  const [credited] = await tx.query<{ replacement: string | null }>(
    `SELECT (SELECT n.reference FROM invoices n
              WHERE n.registration_id = i.registration_id AND n.kind = 'invoice' AND n.created_at > i.created_at
                AND n.lines -> 0 ->> 'kind' = 'stay'
                AND NOT EXISTS (SELECT 1 FROM invoices c2 WHERE c2.corrects_id = n.id)
              ORDER BY n.created_at DESC LIMIT 1) AS replacement
       FROM invoices i WHERE i.id = $1 AND EXISTS (SELECT 1 FROM invoices c WHERE c.corrects_id = i.id)`,
    [invoiceId],
  );
  if (!credited) return null;
  return credited.replacement
    ? `Cette facture vient d’être annulée par un avoir (la place a changé) : enregistrez le paiement sur la nouvelle facture ${credited.replacement}.`
    : 'Cette facture vient d’être annulée par un avoir (la place est annulée) : aucun paiement ne peut plus y être enregistré.';
}

/** A payment on an invoice a credit note cancelled is refused (409) with the reason. */
export async function refuseCreditedInvoice(tx: Queryable, invoiceId: string): Promise<void> {
  const reason = await creditedInvoiceReason(tx, invoiceId);
  if (reason) throw new HttpError(409, 'invoice_credited', reason);
}

/**
 * Staff record money received for an invoice. The idempotency key makes a request sent twice
 * record one payment; a payment never exceeds what is due. A cheque is cashed on the last
 * working day of the month of the next instalment it pays (never before it is received).
 */
export async function recordPayment(
  ctx: AppContext,
  staff: CurrentUser,
  key: string,
  input: PaymentEntry,
): Promise<{ payment: Payment; replayed: boolean }> {
  const once = () => ctx.db.transaction((tx) => recordPaymentOnce(ctx, tx, staff, key, input));
  try {
    return await once();
  } catch (error) {
    // The same key sent at the same moment for another invoice (the invoice's lock does not
    // order them): its payment was written meanwhile, and is now seen, as a conflict.
    if (errorCode(error) !== '23505') throw error;
    return once();
  }
}

interface PaymentEntry {
  invoiceId: string;
  method: (typeof paymentMethods)[number];
  amountCents: number;
  receivedOn: string;
  chequeNumber?: string | undefined;
}

/**
 * `recordPayment` in its transaction. The key is looked for once the invoice is locked: a request
 * sent twice at once (a double click, a retry after a timeout) waits for the first, then sees
 * its payment and answers with it.
 */
async function recordPaymentOnce(
  ctx: AppContext,
  tx: Queryable,
  staff: CurrentUser,
  key: string,
  input: PaymentEntry,
): Promise<{ payment: Payment; replayed: boolean }> {
  const [invoice] = await tx.query<{ member_id: string; kind: string }>(
    'SELECT member_id, kind FROM invoices WHERE id = $1 FOR UPDATE',
    [requireUuid(input.invoiceId)],
  );
  const [previous] = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM payments WHERE idempotency_key = $1`,
    [key],
  );
  if (previous) {
    if (previous.invoice_id !== input.invoiceId || previous.amount_cents !== input.amountCents)
      throw await keyUsed(tx, previous);
    return { payment: toPayment(previous), replayed: true };
  }
  if (invoice?.kind !== 'invoice') throw notFound();
  await refuseCreditedInvoice(tx, input.invoiceId);
  const account = await invoiceAccount(tx, input.invoiceId);
  if (input.amountCents > account.balanceCents)
    throw invalidField(
      'amountCents',
      `au plus ${formatCents(Math.max(0, account.balanceCents))}, le reste dû sur cette facture`,
    );
  if (input.method === 'cheque' && !input.chequeNumber)
    throw invalidField(
      'chequeNumber',
      'indiquez le numéro imprimé sur le chèque, par exemple 0123456',
    );
  const nextDue =
    account.instalments.find((i) => i.paidCents < i.amountCents)?.dueOn ?? input.receivedOn;
  const payment = await writePayment(tx, {
    invoiceId: input.invoiceId,
    memberId: invoice.member_id,
    method: input.method,
    amountCents: input.amountCents,
    receivedOn: input.receivedOn,
    chequeNumber: input.chequeNumber ?? null,
    cashOn:
      input.method === 'cheque'
        ? nextCashingDay(nextDue > input.receivedOn ? nextDue : input.receivedOn)
        : null,
    key,
    recordedBy: staff.id,
  });
  await recordAudit(tx, staff.id, 'payment.record', 'invoice', input.invoiceId, {
    method: input.method,
    amountCents: input.amountCents,
  });
  return { payment, replayed: false };
}

/**
 * SQL, for the payments row `p`: a cheque to take to the bank by the day `until` (a parameter):
 * received, on no slip yet, its cashing day come, and not reversed (an entry error).
 */
export const chequeToDeposit = (until: string): string =>
  `p.method = 'cheque' AND p.deposit_slip_id IS NULL AND p.cash_on <= ${until} AND ${NOT_REVERSED}`;

/** The cheques to deposit on a day: received, not yet on a slip, to be cashed on or before it. */
export async function pendingCheques(db: Queryable, until: string): Promise<PendingCheque[]> {
  const rows = await db.query<{
    id: string;
    reference: string;
    member: string;
    cheque_number: string;
    amount_cents: number;
    cash_on: string;
  }>(
    `SELECT p.id, i.reference, u.last_name || ' ' || u.first_name AS member, p.cheque_number,
            p.amount_cents::int AS amount_cents, p.cash_on::text AS cash_on
       FROM payments p JOIN invoices i ON i.id = p.invoice_id JOIN users u ON u.id = p.member_id
      WHERE ${chequeToDeposit('$1')}
      ORDER BY p.cash_on, i.reference`,
    [until],
  );
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    member: r.member,
    chequeNumber: r.cheque_number,
    amountCents: r.amount_cents,
    cashOn: r.cash_on,
  }));
}

/** Remise de chèques: the cheques due by that day go on one numbered slip. */
export async function createDepositSlip(
  ctx: AppContext,
  staff: CurrentUser,
  depositedOn: string,
  expected?: readonly string[],
): Promise<{ id: string; reference: string; cheques: PendingCheque[]; totalCents: number }> {
  return ctx.db.transaction(async (tx) => {
    await tx.query(`SELECT p.id FROM payments p WHERE ${chequeToDeposit('$1')} FOR UPDATE OF p`, [
      depositedOn,
    ]);
    const cheques = await pendingCheques(tx, depositedOn);
    if (cheques.length === 0)
      throw new HttpError(409, 'no_cheque', 'Aucun chèque à remettre à cette date.');
    const totalCents = cheques.reduce((sum, c) => sum + c.amountCents, 0);
    // The slip lists the cheques in the desk's hands: those its screen showed, not one recorded
    // or remitted by a colleague since.
    if (expected && !sameIds(expected, cheques))
      throw new HttpError(
        409,
        'cheques_changed',
        `Aucune remise n’a été créée : la liste des chèques a changé depuis votre écran (${plural(cheques.length, 'chèque')} pour ${formatCents(totalCents)} à présent). Elle est relue : vérifiez-la avec les chèques en main, puis créez la remise.`,
      );
    const { reference } = await nextNumber(tx, 'deposit_slip', Number(depositedOn.slice(0, 4)));
    const [slip] = await tx.query<{ id: string }>(
      'INSERT INTO deposit_slips (reference, deposited_on, total_cents, created_by) VALUES ($1, $2, $3, $4) RETURNING id',
      [reference, depositedOn, totalCents, staff.id],
    );
    if (!slip) throw new Error('no slip written');
    await tx.query('UPDATE payments SET deposit_slip_id = $1 WHERE id = ANY($2::uuid[])', [
      slip.id,
      cheques.map((c) => c.id),
    ]);
    await recordAudit(tx, staff.id, 'deposit_slip.create', 'deposit_slip', slip.id, {
      cheques: cheques.length,
      totalCents,
    });
    return { id: slip.id, reference, cheques, totalCents };
  });
}

/** The printable slip: each cheque with its number and amount, and the total. */
export async function depositSlipPdf(
  ctx: AppContext,
  id: string,
): Promise<{ reference: string; pdf: Uint8Array }> {
  const [slip] = await ctx.db.query<{
    reference: string;
    deposited_on: string;
    total_cents: number;
  }>(
    'SELECT reference, deposited_on::text AS deposited_on, total_cents::int AS total_cents FROM deposit_slips WHERE id = $1',
    [requireUuid(id)],
  );
  if (!slip) throw notFound();
  const cheques = await ctx.db.query<{
    reference: string;
    member: string;
    cheque_number: string;
    amount_cents: number;
  }>(
    `SELECT i.reference, u.last_name || ' ' || u.first_name AS member, p.cheque_number, p.amount_cents::int AS amount_cents
       FROM payments p JOIN invoices i ON i.id = p.invoice_id JOIN users u ON u.id = p.member_id
      WHERE p.deposit_slip_id = $1 ORDER BY i.reference`,
    [id],
  );
  const name = `Bordereau de remise de chèques ${slip.reference}`;
  const form = await FormWriter.create(name, ctx.organization);
  form
    .documentTitle(name)
    .paragraph(
      `Remise du ${formatIsoDate(slip.deposited_on)} : ${cheques.length} ${cheques.length > 1 ? 'chèques' : 'chèque'}, total ${formatCents(slip.total_cents)}.`,
    )
    .table(
      [
        { header: 'Chèque n°', width: 1.2 },
        { header: 'Tireur', width: 2 },
        { header: 'Facture', width: 1.4 },
        { header: 'Montant', width: 1.2, align: 'right' },
      ],
      cheques.map((c) => [c.cheque_number, c.member, c.reference, formatCents(c.amount_cents)]),
      [['', '', 'Total', formatCents(slip.total_cents)]],
    );
  form.field('Date et signature du déposant', null);
  return { reference: slip.reference, pdf: await form.save() };
}
