import type { NoticeCheck } from '@entraide/contract';
import { ScrollingTable } from '../../shared/form.tsx';
import { formatNumber } from '../../shared/format.ts';
import { noticeLines as msg } from '../../messages/agent-record.ts';

const FIELD_LABELS: Record<NoticeCheck['lines'][number]['field'], string> = {
  taxIncomeEuros: msg.votreRevenu,
  spouseTaxIncomeEuros: msg.revenuConjoint,
};

const euros = (value: number | null): string =>
  value === null ? msg.nonSaisi : `${formatNumber(value)} €`;

/** The verdict on one line: what the code is worth, then whether the figures agree. */
function verdict(line: NoticeCheck['lines'][number], incomeYear: number | null): string {
  const { notice } = line;
  if (!notice) return msg.aucunCode;
  const worth =
    notice.genuine === true
      ? msg.avisVerifie
      : notice.genuine === false
        ? msg.avisInvalide
        : msg.avisLu;
  const agree =
    incomeYear !== null && notice.incomeYear !== incomeYear
      ? msg.autreAnnee(notice.incomeYear, incomeYear)
      : line.concordant
        ? msg.identiques
        : msg.differents;
  return `${worth}, ${agree}`;
}

/**
 * The incomes typed and those read on the tax notices, side by side — for the member as they
 * type, and for the staff who validate; a difference is marked.
 */
export function NoticeLines({ check }: { readonly check: NoticeCheck }) {
  if (check.lines.length === 0) return null;
  return (
    <ScrollingTable label={msg.saisiEtLu}>
      <table className="changes">
        <caption>{msg.saisiEtLu}</caption>
        <thead>
          <tr>
            <th scope="col">{msg.revenu}</th>
            <th scope="col">{msg.saisi}</th>
            <th scope="col">{msg.surAvis}</th>
            <th scope="col">{msg.etat}</th>
          </tr>
        </thead>
        <tbody>
          {check.lines.map((line) => (
            <tr key={line.field}>
              <th scope="row">{FIELD_LABELS[line.field]}</th>
              <td>{euros(line.typedEuros)}</td>
              <td>{line.notice ? euros(line.notice.referenceIncomeEuros) : '—'}</td>
              <td>
                {line.concordant ? (
                  verdict(line, check.incomeYear)
                ) : (
                  <mark>{verdict(line, check.incomeYear)}</mark>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}
