import { formatCents, formatIsoDate } from '@entraide/rules';
import type { Queryable } from '../../db/database.ts';
import type { AppContext } from '../accounts/context.ts';
import { FormWriter } from '../forms/pdf-text.ts';
import type { Invoice } from './invoices.ts';
import { invoiceAccount } from './payment-plans.ts';
import { invoicePayments } from './payments.ts';

/** An invoice or credit note as a PDF: lines, subsidies with their reasons, payments, balance, plan. */
export async function invoicePdf(
  ctx: AppContext,
  db: Queryable,
  invoice: Invoice,
): Promise<Uint8Array> {
  const [member] = await db.query<{
    identifier: string;
    last_name: string;
    first_name: string;
    address: string | null;
  }>('SELECT identifier, last_name, first_name, address FROM users WHERE id = $1', [
    invoice.memberId,
  ]);
  const credit = invoice.kind === 'credit_note';
  const form = await FormWriter.create(`${credit ? 'Avoir' : 'Facture'} ${invoice.reference}`);
  form
    .heading(`${credit ? 'AVOIR' : 'FACTURE'} ${invoice.reference} — ${ctx.organization.name}`)
    .paragraph(`Émis le ${formatIsoDate(invoice.issuedOn)}. Secteur ${invoice.sector}.`)
    .field(
      'Adhérent',
      member
        ? `${member.last_name} ${member.first_name} (identifiant ${member.identifier})${member.address ? `, ${member.address}` : ''}`
        : null,
    );
  if (credit) {
    const [corrected] = await db.query<{ reference: string }>(
      'SELECT reference FROM invoices WHERE id = $1',
      [invoice.correctsId],
    );
    form.paragraph(`Cet avoir annule la facture ${corrected?.reference ?? ''}.`);
  }
  form.heading('Détail');
  for (const line of invoice.lines) {
    form.paragraph(`${line.label} : ${formatCents(line.amountCents)}`);
    if (line.subsidy && line.subsidy.reasons.length > 0)
      form.paragraph(`    Limites appliquées : ${line.subsidy.reasons.join(' ; ')}`, 9);
  }
  form.paragraph(
    `Total : ${formatCents(invoice.totalCents)} (dont subvention ${formatCents(invoice.subsidyCents)}).`,
  );
  if (!credit) {
    const account = await invoiceAccount(db, invoice.id);
    const payments = await invoicePayments(db, invoice.id);
    form.heading('Règlements');
    if (payments.length === 0) form.paragraph('Aucun règlement reçu.');
    for (const p of payments)
      form.paragraph(
        `${formatIsoDate(p.receivedOn)} — ${p.method}${p.chequeNumber ? ` n° ${p.chequeNumber}` : ''} : ${formatCents(p.amountCents)}`,
      );
    if (account.creditedCents !== 0)
      form.paragraph(`Avoirs : ${formatCents(account.creditedCents)}`);
    form.paragraph(`Reste à payer : ${formatCents(account.balanceCents)}`);
    const due = account.instalments.filter((i) => i.paidCents < i.amountCents);
    if (due.length > 0) {
      form.heading('Échéancier');
      for (const i of due)
        form.paragraph(
          `${formatIsoDate(i.dueOn)} : ${formatCents(i.amountCents - i.paidCents)} (${i.method})`,
        );
    }
  }
  return form.save();
}
