import type { DependantInput, DocumentSummary } from '@entraide/contract';
import { formatDate, formatNumber, parseWholeEuros } from '../../shared/format.ts';
import { RELATION_LABELS } from '../../messages/labels.ts';
import { DOCUMENT_LABELS } from './documents-field.tsx';
import { recordRecap as msg } from '../../messages/agent-record.ts';

/** The Fiche as it will be sent, step by step, each with a way back to change it. */
export function RecordRecap({
  income,
  spouseIncome,
  changedOn,
  memberDisabled,
  dependants,
  documents,
  onGo,
}: {
  readonly income: string;
  /** The spouse's income when the committee asks it (CNRS), else null. */
  readonly spouseIncome: string | null;
  readonly changedOn: string;
  readonly memberDisabled: boolean;
  readonly dependants: readonly DependantInput[];
  readonly documents: readonly DocumentSummary[];
  readonly onGo: (step: number) => void;
}) {
  const change = (step: number, what: string) => (
    <button type="button" className="link" onClick={() => onGo(step)}>
      {msg.modifier(what)}
    </button>
  );
  const euros = (typed: string) => {
    const value = parseWholeEuros(typed);
    return value === null ? msg.nonRenseigne : `${formatNumber(value)} €`;
  };
  return (
    <>
      <p>{msg.relisezVotreFicheAvant}</p>
      <h3>{msg.famille}</h3>
      <ul>
        <li>{msg.changementSituationCetteAnnee(changedOn ? formatDate(changedOn) : null)}</li>
        <li>{msg.handicap(memberDisabled)}</li>
        <li>
          {dependants.length === 0
            ? msg.aucunAyantDroit
            : msg.ayantDroitAyantsDroit(dependants.length)}
          {dependants.length > 0 ? (
            <ul>
              {dependants.map((d, index) => (
                <li key={index}>
                  {d.firstName} {d.lastName} — {RELATION_LABELS[d.relation]}
                  {d.birthDate ? msg.naissance(formatDate(d.birthDate)) : ''}
                  {d.disabled ? msg.situationHandicap : ''}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      </ul>
      {change(0, msg.famille2)}
      <h3>{msg.revenus}</h3>
      <ul>
        <li>{msg.revenuFiscalReference(euros(income))}</li>
        {spouseIncome !== null ? <li>{msg.revenuConjoint(euros(spouseIncome))}</li> : null}
      </ul>
      {change(1, msg.revenus2)}
      <h3>{msg.justificatifs}</h3>
      {documents.length === 0 ? (
        <p>{msg.aucunJustificatifJoint}</p>
      ) : (
        <ul>
          {documents.map((d) => (
            <li key={d.id}>
              {DOCUMENT_LABELS[d.kind] ?? d.kind} : {d.fileName}
            </li>
          ))}
        </ul>
      )}
      {change(2, msg.justificatifs2)}
    </>
  );
}
