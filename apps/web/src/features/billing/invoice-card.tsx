import type { ReactNode } from 'react';
import { ExplanationSteps } from '../../shared/explanation.tsx';
import { formatCents, formatDate } from '../../shared/format.ts';
import { dueInstalments, PAYMENT_METHOD_LABELS, type InvoiceDetails } from './invoice-types.ts';

/** One invoice or credit note: lines, subsidies with their limits, payments, what is due and when. */
export function InvoiceCard({
  details,
  pdfUrl,
  children,
}: {
  readonly details: InvoiceDetails;
  readonly pdfUrl: string;
  readonly children?: ReactNode;
}) {
  const { invoice, account, payments } = details;
  const credit = invoice.kind === 'credit_note';
  const subsidy = invoice.lines.find((l) => l.subsidy)?.subsidy;
  const due = dueInstalments(account);
  return (
    <li className="card" id={`facture-${invoice.reference}`}>
      <h2>
        {credit ? 'Avoir' : 'Facture'} {invoice.reference} du {formatDate(invoice.issuedOn)}
        {details.member ? ` — ${details.member}` : ''}
      </h2>
      <table>
        <caption>Détail de {invoice.reference}</caption>
        <tbody>
          {invoice.lines.map((line, i) => (
            <tr key={`${String(i)}-${line.label}`}>
              <td>{line.label}</td>
              <td className="amount">{formatCents(line.amountCents)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Total</th>
            <td className="amount">
              <strong>{formatCents(invoice.totalCents)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
      {subsidy && subsidy.reasons.length > 0 ? (
        <p>Limites appliquées : {subsidy.reasons.join(' ; ')}</p>
      ) : null}
      {subsidy ? (
        <details>
          <summary>Le calcul de la subvention</summary>
          <ExplanationSteps steps={subsidy.explanation} />
        </details>
      ) : null}
      {credit ? null : (
        <>
          <p>
            Payé : {formatCents(account.paidCents)}
            {account.creditedCents !== 0
              ? `, avoirs : ${formatCents(account.creditedCents)}`
              : ''}{' '}
            — reste à payer : <strong>{formatCents(account.balanceCents)}</strong>
          </p>
          {payments.length > 0 ? (
            <ul aria-label={`Règlements de ${invoice.reference}`}>
              {payments.map((p) => (
                <li key={p.id}>
                  {formatDate(p.receivedOn)} — {PAYMENT_METHOD_LABELS[p.method] ?? p.method}
                  {p.chequeNumber ? ` n° ${p.chequeNumber}` : ''} : {formatCents(p.amountCents)}
                </li>
              ))}
            </ul>
          ) : null}
          {due.length > 0 ? (
            <ul aria-label={`Échéances de ${invoice.reference}`}>
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
          {credit ? 'Avoir' : 'Facture'} {invoice.reference} (PDF)
        </a>
      </p>
      {children}
    </li>
  );
}
