import { cancellationFee, daysBetween, formatCents, parseDay } from '@entraide/rules';
import { HttpError, notFound, requireUuid } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { findActivity, sessionsById } from '../activities/catalogue.ts';
import { offerFreedPlaces } from '../registrations/places.ts';
import { writeInvoice, type Invoice, type InvoiceLine } from './invoices.ts';
import { addInstalment, invoiceAccount } from './payment-plans.ts';
import { writePayment } from './payments.ts';

export interface CancellationInput {
  /** The provider's or organism's own fee, before subsidy (Inserm: the provider's terms). */
  readonly organismFeeCents: number;
  readonly justified: boolean;
  readonly noShow: boolean;
}

export interface CancellationResult {
  readonly creditNote: Invoice;
  readonly feeInvoice: Invoice | null;
  readonly feeCents: number;
  readonly refundCents: number;
  readonly explanation: unknown;
}

/**
 * Staff cancel a confirmed place (SPEC §6). The fee is the pack's: Inserm, the provider's fee on
 * the cost before subsidy, owed entirely by the family; CNRS, its schedules. The invoice is
 * cancelled by a credit note, the fee is invoiced on its own (never subsidised), what was paid
 * goes to the fee first and the rest is refunded; the ceiling and the allowances come back (the
 * place is no longer confirmed) and the place goes to the waiting list.
 */
export async function cancelPlace(
  ctx: AppContext,
  staff: CurrentUser,
  registrationId: string,
  input: CancellationInput,
): Promise<CancellationResult> {
  return ctx.db.transaction(async (tx) => {
    const [request] = await tx.query<{
      member_id: string;
      status: string;
      placed_session_id: string | null;
      participant: { firstName: string };
    }>(
      'SELECT member_id, status, placed_session_id, participant FROM registration_requests WHERE id = $1 FOR UPDATE',
      [requireUuid(registrationId)],
    );
    if (!request) throw notFound();
    if (request.status !== 'confirmed' || !request.placed_session_id)
      throw new HttpError(409, 'not_confirmed', 'Seule une place confirmée peut être annulée ici.');
    const [invoice] = await tx.query<{
      id: string;
      sector: string;
      lines: InvoiceLine[];
      total_cents: number;
    }>(
      `SELECT id, sector, lines, total_cents::int AS total_cents FROM invoices
        WHERE registration_id = $1 AND kind = 'invoice' AND NOT EXISTS (SELECT 1 FROM invoices c WHERE c.corrects_id = invoices.id)
        ORDER BY created_at DESC LIMIT 1`,
      [registrationId],
    );
    if (!invoice) throw notFound();
    const [session] = await sessionsById(tx, [request.placed_session_id]);
    if (!session) throw notFound();
    const activity = await findActivity(tx, session.activityId, true);
    const [record] = await tx.query<{ pack_id: string }>(
      `SELECT pack_id FROM agent_records WHERE member_id = $1 AND status = 'validated' ORDER BY year DESC, version DESC LIMIT 1`,
      [request.member_id],
    );
    const pack = ctx.packs.get(record?.pack_id ?? '');
    const account = await invoiceAccount(tx, invoice.id);
    const beforeSubsidy = invoice.lines
      .filter((l) => l.kind === 'stay' || l.kind === 'transport')
      .reduce((sum, l) => sum + l.amountCents, 0);
    const today = ctx.today();
    const fee = cancellationFee(pack, {
      venue: activity.kind === 'caesVillage' ? 'caesVillage' : 'other',
      daysBeforeStart: Math.max(0, daysBetween(parseDay(today), parseDay(session.firstDay))),
      justified: input.justified,
      noShow: input.noShow,
      invoiceCents: beforeSubsidy,
      depositCents: account.instalments[0]?.amountCents ?? 0,
      organismFeeCents: input.organismFeeCents,
    });
    const creditNote = await writeInvoice(tx, {
      kind: 'credit_note',
      memberId: request.member_id,
      registrationId,
      correctsId: invoice.id,
      sector: invoice.sector,
      issuedOn: today,
      lines: invoice.lines.map((line) => ({
        kind: line.kind,
        label: `Annulation — ${line.label}`,
        amountCents: -line.amountCents,
      })),
      ceilingCents: 0,
    });
    await tx.query('UPDATE instalments SET cancelled = true WHERE invoice_id = $1', [invoice.id]);
    const feeInvoice =
      fee.feeCents > 0
        ? await writeInvoice(tx, {
            kind: 'invoice',
            memberId: request.member_id,
            registrationId,
            correctsId: null,
            sector: invoice.sector,
            issuedOn: today,
            lines: [
              {
                kind: 'cancellation',
                label: `Frais d’annulation — ${activity.title}, ${session.label} (${request.participant.firstName}) : ${fee.explanation.map((s) => s.formula).join(' ; ')}`,
                amountCents: fee.feeCents,
              },
            ],
            ceilingCents: 0,
          })
        : null;
    // What the family paid on the cancelled invoice pays the fee first; the rest is refunded.
    const paid = account.paidCents;
    const toFee = feeInvoice ? Math.min(paid, fee.feeCents) : 0;
    const refund = paid - toFee;
    const move = async (
      invoiceId: string,
      method: 'transfer' | 'refund',
      cents: number,
      tag: string,
    ) =>
      writePayment(tx, {
        invoiceId,
        memberId: request.member_id,
        method,
        amountCents: cents,
        receivedOn: today,
        chequeNumber: null,
        cashOn: null,
        key: `cancel:${registrationId}:${tag}`,
        recordedBy: staff.id,
      });
    if (feeInvoice && toFee > 0) {
      await move(invoice.id, 'transfer', -toFee, 'out');
      await move(feeInvoice.id, 'transfer', toFee, 'in');
    }
    if (refund > 0) await move(invoice.id, 'refund', -refund, 'refund');
    if (feeInvoice) await addInstalment(tx, feeInvoice.id, 1, 'transfer', today, fee.feeCents);
    await tx.query(`UPDATE registration_requests SET status = 'cancelled' WHERE id = $1`, [
      registrationId,
    ]);
    await offerFreedPlaces(ctx, tx, request.placed_session_id);
    await recordAudit(tx, staff.id, 'registration.cancel', 'registration', registrationId, {
      feeCents: fee.feeCents,
      refundCents: refund,
      creditNote: creditNote.reference,
      fee: formatCents(fee.feeCents),
    });
    return {
      creditNote,
      feeInvoice,
      feeCents: fee.feeCents,
      refundCents: refund,
      explanation: fee.explanation,
    };
  });
}
