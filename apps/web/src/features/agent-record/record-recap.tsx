import type { DependantInput, DocumentSummary } from '@entraide/contract';
import { formatDate, formatNumber, parseWholeEuros } from '../../shared/format.ts';
import { count } from '../../shared/french.ts';
import { RELATION_LABELS } from '../../shared/labels.ts';
import { DOCUMENT_LABELS } from './documents-field.tsx';

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
      Modifier {what}
    </button>
  );
  const euros = (typed: string) => {
    const value = parseWholeEuros(typed);
    return value === null ? 'non renseigné' : `${formatNumber(value)} €`;
  };
  return (
    <>
      <p>Relisez votre fiche avant de l’envoyer : un gestionnaire la validera.</p>
      <h3>Famille</h3>
      <ul>
        <li>
          Changement de situation cette année :{' '}
          {changedOn ? `le ${formatDate(changedOn)}` : 'aucun'}
        </li>
        <li>Handicap : {memberDisabled ? 'oui' : 'non'}</li>
        <li>
          {dependants.length === 0
            ? 'Aucun ayant droit.'
            : `${count(dependants.length, 'ayant droit', 'ayants droit')} :`}
          {dependants.length > 0 ? (
            <ul>
              {dependants.map((d, index) => (
                <li key={index}>
                  {d.firstName} {d.lastName} — {RELATION_LABELS[d.relation]}
                  {d.birthDate ? `, naissance le ${formatDate(d.birthDate)}` : ''}
                  {d.disabled ? ', en situation de handicap' : ''}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      </ul>
      {change(0, 'la famille')}
      <h3>Revenus</h3>
      <ul>
        <li>Revenu fiscal de référence : {euros(income)}</li>
        {spouseIncome !== null ? <li>Revenu du conjoint : {euros(spouseIncome)}</li> : null}
      </ul>
      {change(1, 'les revenus')}
      <h3>Justificatifs</h3>
      {documents.length === 0 ? (
        <p>Aucun justificatif joint.</p>
      ) : (
        <ul>
          {documents.map((d) => (
            <li key={d.id}>
              {DOCUMENT_LABELS[d.kind] ?? d.kind} : {d.fileName}
            </li>
          ))}
        </ul>
      )}
      {change(2, 'les justificatifs')}
    </>
  );
}
