import { describe, expect, it } from 'vitest';
import type { AgentRecord } from './agent-records.ts';
import { recordChanges } from './record-changes.ts';

const lea = {
  relation: 'child' as const,
  lastName: 'Martin',
  firstName: 'Léa',
  birthDate: '2012-03-04',
  sharedCustody: false,
  disabled: false,
  fiscallyDependent: true,
  disabilityProofId: null,
};
const record = (changes: Partial<AgentRecord>): AgentRecord => ({
  id: 'r',
  memberId: 'm',
  year: 2021,
  version: 1,
  revision: 1,
  status: 'validated',
  couple: true,
  situationChangedOn: null,
  memberDisabled: false,
  taxIncomeEuros: 42_000,
  spouseTaxIncomeEuros: null,
  dependants: [lea],
  documentIds: [],
  submittedAt: null,
  decidedAt: null,
  rejectionReason: null,
  packId: null,
  parts: null,
  quotientCents: null,
  ratesBp: null,
  annualCeilingCents: null,
  explanation: null,
  ...changes,
});

describe('what changed since the Fiche last validated', () => {
  it('is nothing for the same Fiche', () => {
    expect(recordChanges(record({}), record({ version: 2, status: 'submitted' }))).toEqual([]);
  });

  it('names the situation, the income and each dependant added, removed or changed', () => {
    const tom = { ...lea, firstName: 'Tom', birthDate: '2021-01-20' };
    const changes = recordChanges(
      record({}),
      record({
        couple: false,
        taxIncomeEuros: 38_500,
        dependants: [{ ...lea, sharedCustody: true }, tom],
      }),
    );
    expect(changes).toEqual([
      { label: 'Situation familiale', before: 'en couple', after: 'sans conjoint' },
      {
        label: 'Revenu fiscal de référence',
        before: '42\u202f000,00\u00a0€',
        after: '38\u202f500,00\u00a0€',
      },
      {
        label: 'Enfant',
        before: 'Léa Martin, naissance le 04/03/2012',
        after: 'Léa Martin, naissance le 04/03/2012, garde partagée',
      },
      { label: 'Enfant', before: 'absent', after: 'Tom Martin, naissance le 20/01/2021' },
    ]);
    expect(recordChanges(record({}), record({ dependants: [] }))).toEqual([
      {
        label: 'Enfant',
        before: 'Léa Martin, naissance le 04/03/2012',
        after: 'retiré de la fiche',
      },
    ]);
  });
});
