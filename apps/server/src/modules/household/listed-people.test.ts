import type { DependantInput } from '@entraide/contract';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { indexesInForce } from './listed-people.ts';

const person = (relation: DependantInput['relation'], firstName: string, birthDate: string) => ({
  relation,
  lastName: 'Roche',
  firstName,
  birthDate,
  sharedCustody: false,
  disabled: false,
  fiscallyDependent: true,
  disabilityProofId: null,
});
const marc = person('spouse', 'Marc', '1981-09-01');
const lea = person('child', 'Léa', '2010-05-01');
const hugo = person('child', 'Hugo', '2014-02-01');
const nina = person('child', 'Nina', '2020-11-02');
/** The Fiche in force: validated again, Léa gone, Nina born, the order changed. */
const inForce = { id: 'v2', year: 2020, dependants: [nina, { ...hugo, firstName: 'HUGO' }, marc] };
const listed = [marc, lea, hugo];
const field = (position: number) =>
  position === 0 ? 'dependantIndex' : `companions.${position - 1}`;

/** The field and message of what `work` refuses. */
function refusal(work: () => unknown): { path: string; message: string } | undefined {
  try {
    work();
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    const [issue] = error.issues;
    return issue && { path: issue.path.join('.'), message: issue.message };
  }
  return undefined;
}

describe('the people a form listed, in the Fiche in force', () => {
  it('are found by relation, first name (any case) and birth date, the member staying null', () => {
    expect(indexesInForce(inForce, 'v1', listed, [2, null, 0], field)).toEqual([1, null, 2]);
  });

  it('are taken as they are when the form listed the Fiche in force, or did not say', () => {
    expect(indexesInForce(inForce, 'v2', null, [1, 0], field)).toEqual([1, 0]);
    expect(indexesInForce(inForce, undefined, null, [1, 0], field)).toEqual([1, 0]);
  });

  it('refuse, on the person’s own field, someone the Fiche in force no longer lists', () => {
    expect(refusal(() => indexesInForce(inForce, 'v1', listed, [0, 1], field))).toEqual({
      path: 'companions.0',
      message:
        'Léa n’est pas sur votre Fiche Agent 2020 validée : vérifiez votre fiche, ou choisissez une autre personne',
    });
    expect(refusal(() => indexesInForce(inForce, 'v1', listed, [7], field))).toEqual({
      path: 'dependantIndex',
      message: 'ayant droit inconnu de votre Fiche Agent',
    });
  });

  it('refuse a Fiche that is not the member’s (not read: null)', () => {
    expect(refusal(() => indexesInForce(inForce, 'v9', null, [0], field))).toEqual({
      path: 'recordId',
      message: 'Fiche Agent inconnue : rechargez la page',
    });
  });
});
