import type { ReactNode } from 'react';
import { ExplanationSteps } from '../../shared/explanation.tsx';
import { formatCents, formatDate } from '../../shared/format.ts';
import type { InvoiceDetails } from '@entraide/contract';
import { dueInstalments } from './due-instalments.ts';
import { PAYMENT_METHOD_LABELS } from '../../messages/labels.ts';
import { invoiceCard as msg } from '../../messages/billing.ts';

/** One invoice or credit note: lines, subsidies with their limits, payments, what is due and when. */
export function InvoiceCard({
  details,
  pdfUrl,
  paymentAction,
  children,
}: {
  readonly details: InvoiceDetails;
  readonly pdfUrl: string;
  /** What the desk may do with a payment line (reverse it), after the line. */
  readonly paymentAction?: (payment: InvoiceDetails['payments'][number]) => ReactNode;
  readonly children?: ReactNode;
}) {
  const { invoice, account, payments } = details;
  const credit = invoice.kind === 'credit_note';
  const subsidy = invoice.lines.find((l) => l.subsidy)?.subsidy;
  const due = dueInstalments(account);
  return (
    <li className="card" id={`facture-${invoice.reference}`}>
      <h2>
        {msg.du(
          credit ? msg.avoir : msg.facture,
          invoice.reference,
          formatDate(invoice.issuedOn),
          details.member ? ` — ${details.member}` : '',
        )}
      </h2>
      <table>
        <caption>{msg.detail(invoice.reference)}</caption>
        <tbody>
          {invoice.lines.map((line, i) => (
            <tr key={`${String(i)}-${line.label}`}>
              <td>{line.label}</td>
              <td className="amount">{formatCents(line.amountCents)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{msg.total}</th>
            <td className="amount">
              <strong>{formatCents(invoice.totalCents)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
      {subsidy && subsidy.reasons.length > 0 ? (
        <p>{msg.limitesAppliquees(subsidy.reasons.join(' ; '))}</p>
      ) : null}
      {subsidy ? (
        <details>
          <summary>{msg.calculSubvention}</summary>
          <ExplanationSteps steps={subsidy.explanation} />
        </details>
      ) : null}
      {credit ? null : (
        <>
          <p>
            {msg.payeRestePayer(
              formatCents(account.paidCents),
              account.creditedCents !== 0 ? msg.avoirs(formatCents(account.creditedCents)) : '',
            )}{' '}
            <strong>{formatCents(account.balanceCents)}</strong>
          </p>
          {payments.length > 0 ? (
            <ul aria-label={msg.reglements(invoice.reference)}>
              {payments.map((p) => (
                <li key={p.id}>
                  {formatDate(p.receivedOn)} — {PAYMENT_METHOD_LABELS[p.method] ?? p.method}
                  {p.chequeNumber ? ` n° ${p.chequeNumber}` : ''}
                  {p.reversalReason === null ? '' : msg.annule(p.reversalReason)} :{' '}
                  {formatCents(p.amountCents)}
                  {paymentAction?.(p)}
                </li>
              ))}
            </ul>
          ) : null}
          {due.length > 0 ? (
            <ul aria-label={msg.echeances(invoice.reference)}>
              {due.map((i) => (
                <li key={i.id}>
                  {formatDate(i.dueOn)} : {formatCents(i.amountCents - i.paidCents)} (
                  {PAYMENT_METHOD_LABELS[i.method] ?? i.method})
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
      <p>
        <a href={pdfUrl} target="_blank" rel="noreferrer">
          {msg.pdf(credit ? msg.avoir : msg.facture, invoice.reference)}
        </a>
      </p>
      {children}
    </li>
  );
}
