import type { ConsistencyReport } from '@entraide/contract';
import type { Queryable } from '../../db/database.ts';
import type { InvoiceLine } from './invoices.ts';
import { invoiceAccount } from './payment-plans.ts';
import { AT_THE_DESK } from './payments.ts';

/**
 * Checks that the money balances: every total is the sum of its lines, the subsidy that of its
 * subsidy lines, numbers run without gaps, credit notes never exceed what they correct, no
 * invoice is overpaid, the plan in force adds up to what is owed, each online payment paid is
 * its payment line, and each reversal the opposite of a payment received at the desk.
 */
export async function consistencyReport(db: Queryable): Promise<ConsistencyReport> {
  const invoices = await db.query<{
    id: string;
    reference: string;
    kind: string;
    lines: InvoiceLine[];
    total_cents: number;
    subsidy_cents: number;
  }>(
    `SELECT id, reference, kind, lines, total_cents::int AS total_cents, subsidy_cents::int AS subsidy_cents
       FROM invoices ORDER BY reference`,
  );
  const problems: { reference: string; problem: string }[] = [];
  for (const invoice of invoices) {
    const sum = invoice.lines.reduce((s, l) => s + l.amountCents, 0);
    if (sum !== invoice.total_cents)
      problems.push({
        reference: invoice.reference,
        problem: `total ${invoice.total_cents} ≠ somme des lignes ${sum}`,
      });
    const subsidy = -invoice.lines
      .filter((l) => l.kind === 'subsidy')
      .reduce((s, l) => s + l.amountCents, 0);
    if (subsidy !== invoice.subsidy_cents)
      problems.push({
        reference: invoice.reference,
        problem: `subvention ${invoice.subsidy_cents} ≠ lignes ${subsidy}`,
      });
    if (invoice.kind !== 'invoice') continue;
    const account = await invoiceAccount(db, invoice.id);
    if (account.creditedCents < -account.totalCents)
      problems.push({ reference: invoice.reference, problem: 'avoirs supérieurs à la facture' });
    if (account.balanceCents < 0)
      problems.push({
        reference: invoice.reference,
        problem: `trop-perçu de ${-account.balanceCents} centimes non remboursé`,
      });
    const planned = account.instalments.reduce((s, i) => s + i.amountCents, 0);
    if (account.instalments.length > 0 && planned !== account.totalCents + account.creditedCents)
      problems.push({
        reference: invoice.reference,
        problem: `échéancier ${planned} ≠ dû ${account.totalCents + account.creditedCents}`,
      });
  }
  const gaps = await db.query<{
    kind: string;
    year: number;
    count: number;
    max: number;
    last: number;
  }>(
    `SELECT i.kind, i.year, count(*)::int AS count, max(i.number)::int AS max, c.last_number AS last
       FROM invoices i JOIN billing_counters c ON c.kind = i.kind AND c.year = i.year
      GROUP BY i.kind, i.year, c.last_number`,
  );
  for (const g of gaps)
    if (g.count !== g.max || g.max !== g.last)
      problems.push({
        reference: `${g.kind} ${g.year}`,
        problem: `numérotation : ${g.count} pièces pour les numéros 1 à ${g.last}`,
      });
  // Every online payment paid is one payment line of its amount, and every card line written by
  // a notification belongs to an online payment paid.
  const online = await db.query<{ reference: string; problem: string }>(
    `SELECT o.reference, 'paiement en ligne payé sans sa ligne de paiement du même montant' AS problem
       FROM online_payments o LEFT JOIN payments p ON p.id = o.payment_id
      WHERE o.status = 'paid' AND (p.id IS NULL OR p.amount_cents <> o.amount_cents OR p.invoice_id <> o.invoice_id)
     UNION ALL
     SELECT p.idempotency_key, 'ligne de paiement en ligne sans paiement en ligne payé'
       FROM payments p
      WHERE p.idempotency_key LIKE 'online:%'
        AND NOT EXISTS (SELECT 1 FROM online_payments o WHERE o.payment_id = p.id AND o.status = 'paid')`,
  );
  problems.push(...online);
  // Every reversal cancels a payment received at the desk, on its invoice, to the cent.
  const reversals = await db.query<{ reference: string; problem: string }>(
    `SELECT i.reference, 'annulation d’un règlement qui ne lui correspond pas' AS problem
       FROM payments r JOIN invoices i ON i.id = r.invoice_id JOIN payments p ON p.id = r.reverses_id
      WHERE p.amount_cents <> -r.amount_cents OR p.invoice_id <> r.invoice_id
         OR NOT (${AT_THE_DESK})`,
  );
  problems.push(...reversals);
  return { invoices: invoices.length, problems };
}
