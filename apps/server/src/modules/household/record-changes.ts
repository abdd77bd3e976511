import type { DependantInput } from '@entraide/contract';
import { formatCents, formatIsoDate } from '@entraide/rules';
import type { AgentRecord } from './agent-records.ts';

/** One difference between the Fiche Agent last validated and the one under review, in words. */
export interface RecordChange {
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

const RELATIONS: Readonly<Record<DependantInput['relation'], string>> = {
  spouse: 'Conjoint',
  child: 'Enfant',
  disabledAdult: 'Adulte handicapé rattaché',
  directRelative: 'Parent en filiation directe',
};

const euros = (value: number | null): string =>
  value === null ? 'non renseigné' : formatCents(value * 100);
const yes = (value: boolean): string => (value ? 'oui' : 'non');

/** A dependant in a few words: who, born when, and what counts for the parts. */
function describe(d: DependantInput): string {
  return [
    `${d.firstName} ${d.lastName}, naissance le ${formatIsoDate(d.birthDate)}`,
    ...(d.sharedCustody ? ['garde partagée'] : []),
    ...(d.disabled ? ['handicap'] : []),
    ...(d.relation === 'child' && !d.fiscallyDependent ? ['sur l’avis de l’autre parent'] : []),
  ].join(', ');
}

/**
 * What changed since the member's Fiche Agent last validated (this year's earlier version, or
 * last year's): the situation, the incomes, and each dependant added, removed or changed (a
 * dependant is the same person by relation, first name and birth date).
 */
export function recordChanges(previous: AgentRecord, record: AgentRecord): RecordChange[] {
  const changes: RecordChange[] = [];
  const compare = (label: string, before: string, after: string) => {
    if (before !== after) changes.push({ label, before, after });
  };
  compare(
    'Situation familiale',
    previous.couple ? 'en couple' : 'sans conjoint',
    record.couple ? 'en couple' : 'sans conjoint',
  );
  compare(
    'Revenu fiscal de référence',
    euros(previous.taxIncomeEuros),
    euros(record.taxIncomeEuros),
  );
  compare(
    'Revenu du conjoint',
    euros(previous.spouseTaxIncomeEuros),
    euros(record.spouseTaxIncomeEuros),
  );
  compare('Agent handicapé', yes(previous.memberDisabled), yes(record.memberDisabled));
  const key = (d: DependantInput) => `${d.relation}|${d.firstName.toLowerCase()}|${d.birthDate}`;
  const before = new Map(previous.dependants.map((d) => [key(d), d]));
  const after = new Map(record.dependants.map((d) => [key(d), d]));
  for (const [k, d] of after) {
    const earlier = before.get(k);
    compare(RELATIONS[d.relation], earlier ? describe(earlier) : 'absent', describe(d));
  }
  for (const [k, d] of before)
    if (!after.has(k)) compare(RELATIONS[d.relation], describe(d), 'retiré de la fiche');
  return changes;
}
