import type { PlannedInstalment } from '@entraide/contract';
import { formatCents, instalmentOptions, splitInstalments } from '@entraide/rules';
import type { Queryable } from '../../db/database.ts';
import { HttpError, invalidField } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { currentEntitlements } from '../household/agent-records.ts';
import { addDays, cashingDayInMonths } from './working-days.ts';

export interface Instalment {
  readonly id: string;
  readonly position: number;
  readonly method: string;
  readonly dueOn: string;
  readonly amountCents: number;
  /** What the payments received cover of it, in order of the plan. */
  readonly paidCents: number;
}

/** Adds one instalment to an invoice's plan. */
export async function addInstalment(
  tx: Queryable,
  invoiceId: string,
  position: number,
  method: string,
  dueOn: string,
  amountCents: number,
): Promise<void> {
  await tx.query(
    'INSERT INTO instalments (invoice_id, position, method, due_on, amount_cents) VALUES ($1, $2, $3, $4, $5)',
    [invoiceId, position, method, dueOn, amountCents],
  );
}

/** Where an invoice stands: total, credit notes, payments, balance, the plan in force. */
export interface InvoiceAccount {
  readonly totalCents: number;
  readonly creditedCents: number;
  readonly paidCents: number;
  readonly balanceCents: number;
  readonly instalments: readonly Instalment[];
}

/**
 * What is due now on an invoice: the first instalment not yet paid in full (what is left of it),
 * or the whole balance without a plan — never more than the balance.
 */
export function dueNowOf(account: InvoiceAccount): number {
  const next = account.instalments.find((i) => i.paidCents < i.amountCents);
  const due = next ? next.amountCents - next.paidCents : account.balanceCents;
  return Math.max(0, Math.min(due, account.balanceCents));
}

/**
 * An invoice's account read under the invoice's row lock (step 4 of the lock order): a payment
 * being recorded is waited for, then counted. The lock is a statement of its own — the account's
 * reads after it see what its holder wrote, where one locking statement would read its sums on
 * the snapshot taken before the wait.
 */
export async function lockedInvoiceAccount(
  tx: Queryable,
  invoiceId: string,
): Promise<InvoiceAccount> {
  await tx.query('SELECT 1 FROM invoices WHERE id = $1 FOR UPDATE', [invoiceId]);
  return invoiceAccount(tx, invoiceId);
}

export async function invoiceAccount(db: Queryable, invoiceId: string): Promise<InvoiceAccount> {
  const [sums] = await db.query<{ total: number; credited: number; paid: number }>(
    `SELECT i.total_cents::int AS total,
            COALESCE((SELECT sum(c.total_cents) FROM invoices c WHERE c.corrects_id = i.id), 0)::int AS credited,
            COALESCE((SELECT sum(p.amount_cents) FROM payments p WHERE p.invoice_id = i.id), 0)::int AS paid
       FROM invoices i WHERE i.id = $1`,
    [invoiceId],
  );
  const rows = await db.query<{
    id: string;
    position: number;
    method: string;
    due_on: string;
    amount_cents: number;
  }>(
    `SELECT id, position, method, due_on::text AS due_on, amount_cents::int AS amount_cents
       FROM instalments WHERE invoice_id = $1 AND NOT cancelled ORDER BY position`,
    [invoiceId],
  );
  const total = sums?.total ?? 0;
  const credited = sums?.credited ?? 0;
  const paid = sums?.paid ?? 0;
  // Payments cover the instalments in order (a new plan keeps the paid ones first).
  let left = paid;
  const instalments = rows.map((row) => {
    const covered = Math.max(0, Math.min(row.amount_cents, left));
    left -= covered;
    return {
      id: row.id,
      position: row.position,
      method: row.method,
      dueOn: row.due_on,
      amountCents: row.amount_cents,
      paidCents: covered,
    };
  });
  return {
    totalCents: total,
    creditedCents: credited,
    paidCents: paid,
    balanceCents: total + credited - paid,
    instalments,
  };
}

/**
 * The plan of a new invoice of `totalCents` issued on `issuedOn`: the deposit first (due at once,
 * by the means chosen with the request), then the balance in one instalment — CNRS: 30 days
 * before the start; Inserm: the last working day of the next month, and never after the start.
 * The family may re-plan it.
 */
export function firstInstalments(
  totalCents: number,
  issuedOn: string,
  options: {
    depositCents: number;
    depositMethod: string;
    firstDay: string;
    organization: 'inserm' | 'cnrs';
  },
): PlannedInstalment[] {
  const dueBalance =
    options.organization === 'cnrs'
      ? addDays(options.firstDay, -30)
      : cashingDayInMonths(issuedOn, 1);
  const lastDay = addDays(options.firstDay, -1);
  const parts: PlannedInstalment[] = [
    { method: options.depositMethod, amountCents: options.depositCents, dueOn: issuedOn },
    {
      method: options.depositMethod,
      amountCents: totalCents - options.depositCents,
      dueOn: [dueBalance < issuedOn ? issuedOn : dueBalance, lastDay].sort()[0] ?? issuedOn,
    },
  ];
  return parts.filter((part) => part.amountCents > 0);
}

/**
 * The most instalments the family can choose: the pack's maximum for the means, and no more
 * than the months left before the balance is due (30 days before the start for the CNRS, the
 * start for Inserm) — instalments fall on the last working day of each month, from this one.
 */
export function allowedCount(
  maxCount: number,
  today: string,
  firstDay: string,
  organization: 'inserm' | 'cnrs',
): number {
  const latest = organization === 'cnrs' ? addDays(firstDay, -30) : firstDay;
  let count = 1;
  while (count < maxCount && cashingDayInMonths(today, count) <= latest) count += 1;
  return count;
}

/**
 * The plan the family asks for, checked and laid out (SPEC §6): Inserm — cheque in 1 to 10,
 * card in 1 to 3 from 90 €; CNRS — 3 monthly instalments from 150 €, the last 30 days before
 * the start at the latest. What was paid of an open instalment stays paid (first line).
 */
async function planSchedule(
  ctx: AppContext,
  db: Queryable,
  member: CurrentUser,
  invoiceId: string,
  choice: { method: string; count: number; firstDay: string },
  lock: boolean,
): Promise<{ open: readonly Instalment[]; instalments: PlannedInstalment[] }> {
  const [invoice] = await db.query<{ id: string; year: number; kind: string }>(
    `SELECT id, year, kind FROM invoices WHERE id = $1 AND member_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [invoiceId, member.id],
  );
  if (invoice?.kind !== 'invoice') throw new HttpError(404, 'not_found', 'Introuvable.');
  const account = await invoiceAccount(db, invoiceId);
  const open = account.instalments.filter((i) => i.paidCents < i.amountCents);
  const remainder = account.balanceCents;
  if (remainder <= 0)
    throw new HttpError(409, 'nothing_due', 'Cette facture est soldée : rien à échelonner.');
  const record = await currentEntitlements(db, member.id, invoice.year);
  const pack = ctx.packs.get(record?.packId ?? '');
  const option = instalmentOptions(pack, remainder).find((o) => o.method === choice.method);
  if (!option) throw invalidField('method', 'moyen de paiement non proposé par le barème');
  if (choice.count < 1 || choice.count > option.maxCount)
    throw invalidField(
      'count',
      option.maxCount === 1
        ? `en une fois : l’échelonnement ${option.label.toLowerCase()} commence à ${formatCents(option.fromCents)}`
        : `de 1 à ${option.maxCount} échéances : choisissez par exemple ${option.maxCount}`,
    );
  const today = ctx.today();
  if (choice.count > allowedCount(choice.count, today, choice.firstDay, ctx.organization.id))
    throw invalidField(
      'count',
      'la dernière échéance tomberait après la date limite du solde : choisissez moins d’échéances',
    );
  const paidPart = open.reduce((sum, i) => sum + i.paidCents, 0);
  return {
    open,
    instalments: [
      ...(paidPart > 0 ? [{ dueOn: today, method: choice.method, amountCents: paidPart }] : []),
      ...splitInstalments(remainder, choice.count).map((amountCents, i) => ({
        dueOn: cashingDayInMonths(today, i),
        method: choice.method,
        amountCents,
      })),
    ],
  };
}

/** The schedule a plan would give, to read before choosing it; nothing is written. */
export const previewPlan = async (
  ctx: AppContext,
  member: CurrentUser,
  invoiceId: string,
  choice: { method: string; count: number; firstDay: string },
): Promise<PlannedInstalment[]> =>
  (await planSchedule(ctx, ctx.db, member, invoiceId, choice, false)).instalments;

/** The family's plan replaces the instalments not yet paid. */
export async function choosePlan(
  ctx: AppContext,
  member: CurrentUser,
  invoiceId: string,
  choice: { method: string; count: number; firstDay: string },
): Promise<InvoiceAccount> {
  return ctx.db.transaction(async (tx) => {
    const { open, instalments } = await planSchedule(ctx, tx, member, invoiceId, choice, true);
    for (const instalment of open)
      await tx.query('UPDATE instalments SET cancelled = true WHERE id = $1', [instalment.id]);
    const [last] = await tx.query<{ n: number }>(
      'SELECT COALESCE(max(position), 0)::int AS n FROM instalments WHERE invoice_id = $1',
      [invoiceId],
    );
    let position = last?.n ?? 0;
    for (const { dueOn, method, amountCents } of instalments) {
      position += 1;
      await addInstalment(tx, invoiceId, position, method, dueOn, amountCents);
    }
    return invoiceAccount(tx, invoiceId);
  });
}
