import { formatCents, formatDate } from '../../shared/format.ts';
import { SOLIDARITY_KINDS, SOLIDARITY_STATUS, type SolidarityView } from './solidarity-types.ts';

/** A request, its answer and, for a loan granted, the repayments. */
export function SolidaritySummary({ request: r }: { readonly request: SolidarityView }) {
  return (
    <>
      <h2>
        N° {r.number} — {SOLIDARITY_KINDS[r.kind]} de {formatCents(r.amountCents)}
        {r.months ? ` sur ${String(r.months)} mois` : ''}
      </h2>
      <p>{r.purpose}</p>
      <p>
        <strong>{SOLIDARITY_STATUS[r.status]}</strong>
        {r.grantedCents !== null ? ` : ${formatCents(r.grantedCents)}` : ''}
        {r.reason ? ` — motif : ${r.reason}` : ''}
      </p>
      {r.schedule ? (
        <details>
          <summary>Échéancier de remboursement ({r.schedule.length} mensualités)</summary>
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
