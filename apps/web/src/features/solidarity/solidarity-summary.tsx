import { formatCents, formatDate } from '../../shared/format.ts';
import type { SolidarityRequest } from '@entraide/contract';
import { SOLIDARITY_KINDS, SOLIDARITY_STATUS } from '../../messages/labels.ts';
import { solidaritySummary as msg } from '../../messages/solidarity.ts';

/** A request, its answer and, for a loan granted, the repayments. */
export function SolidaritySummary({ request: r }: { readonly request: SolidarityRequest }) {
  return (
    <>
      <h2>
        {msg.n(r.number)} {SOLIDARITY_KINDS[r.kind]}{' '}
        {msg.de(formatCents(r.amountCents), r.months ? msg.surMois(String(r.months)) : '')}
      </h2>
      <p>{r.purpose}</p>
      <p>
        <strong>{SOLIDARITY_STATUS[r.status]}</strong>
        {r.grantedCents !== null ? ` : ${formatCents(r.grantedCents)}` : ''}
        {r.reason ? msg.motif(r.reason) : ''}
      </p>
      {r.schedule ? (
        <details>
          <summary>{msg.echeancierRemboursementMensualites(r.schedule.length)}</summary>
          <ul>
            {r.schedule.map((s) => (
              <li key={s.dueOn}>
                {formatDate(s.dueOn)} : {formatCents(s.amountCents)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
