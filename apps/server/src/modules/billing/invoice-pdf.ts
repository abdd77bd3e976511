import { formatCents, formatIsoDate } from '@entraide/rules';
import type { Queryable } from '../../db/database.ts';
import type { AppContext } from '../accounts/context.ts';
import { FormWriter } from '../forms/pdf-text.ts';
import type { Invoice } from './invoices.ts';
import { invoiceAccount } from './payment-plans.ts';
import { invoicePayments, paymentLabel, paymentMethodLabel } from './payments.ts';
import { VAT_MENTION } from '../organization/organization.ts';

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
  const account = credit ? null : await invoiceAccount(db, invoice.id);
  const lastDue = account?.instalments.at(-1)?.dueOn;
  const name = `${credit ? 'Avoir' : 'Facture'} ${invoice.reference}`;
  const form = await FormWriter.create(name, ctx.organization);
  form
    .documentTitle(name)
    .table(
      [
        { header: credit ? 'Avoir n°' : 'Facture n°', width: 1 },
        { header: 'Émise le', width: 1 },
        { header: 'Échéance', width: 1 },
        { header: 'Secteur', width: 1 },
      ],
      [
        [
          invoice.reference,
          formatIsoDate(invoice.issuedOn),
          credit ? '—' : lastDue ? formatIsoDate(lastDue) : 'à réception',
          invoice.sector,
        ],
      ],
    )
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
  form.heading('Détail').table(
    [
      { header: 'Désignation', width: 5 },
      { header: 'Montant', width: 1.4, align: 'right' },
    ],
    invoice.lines.map((line) => [
      line.subsidy
        ? `${line.label}${line.subsidy.reasons.length > 0 ? ` — limites appliquées : ${line.subsidy.reasons.join(' ; ')}` : ''}`
        : line.label,
      formatCents(line.amountCents),
    ]),
    [
      ['Subventions du comité déduites', formatCents(-invoice.subsidyCents)],
      [credit ? 'Total de l’avoir' : 'Total à payer', formatCents(invoice.totalCents)],
    ],
  );
  if (account) {
    const payments = await invoicePayments(db, invoice.id);
    form.heading('Règlements');
    if (payments.length === 0) form.paragraph('Aucun règlement reçu.');
    else
      form.table(
        [
          { header: 'Reçu le', width: 1 },
          { header: 'Moyen', width: 2 },
          { header: 'Montant', width: 1, align: 'right' },
        ],
        payments.map((p) => [
          formatIsoDate(p.receivedOn),
          paymentLabel(p),
          formatCents(p.amountCents),
        ]),
        [
          ...(account.creditedCents !== 0
            ? [['', 'Avoirs', formatCents(account.creditedCents)]]
            : []),
          ['', 'Reste à payer', formatCents(account.balanceCents)],
        ],
      );
    const due = account.instalments.filter((i) => i.paidCents < i.amountCents);
    if (due.length > 0)
      form.heading('Échéancier').table(
        [
          { header: 'Échéance', width: 1 },
          { header: 'Moyen', width: 2 },
          { header: 'Montant', width: 1, align: 'right' },
        ],
        due.map((i) => [
          formatIsoDate(i.dueOn),
          paymentMethodLabel(i.method),
          formatCents(i.amountCents - i.paidCents),
        ]),
      );
  }
  form.paragraph(VAT_MENTION, 8.5);
  return form.save(`${name} — ${ctx.organization.name}`);
}
