import type { DependantInput } from '@entraide/contract';
import type { Queryable } from '../../db/database.ts';
import { invalidField } from '../../http.ts';
import type { AgentRecord } from './agent-records.ts';

/** The same person in two Fiches: relation, first name and birth date (as a participant's key). */
const samePerson = (a: DependantInput, b: DependantInput): boolean =>
  a.relation === b.relation &&
  a.firstName.toLowerCase() === b.firstName.toLowerCase() &&
  a.birthDate === b.birthDate;

/** Whether a form listed another Fiche than the one in force (none said: the one in force). */
export const listsAnother = (
  used: Pick<AgentRecord, 'id'>,
  listedId: string | undefined,
): listedId is string => listedId !== undefined && listedId !== used.id;

/**
 * The people a form names by their indexes (null: the member), counted in the dependants of the
 * Fiche it listed (`listedId`, read as `listed`; none said, or the Fiche in force: as they are),
 * as indexes in the Fiche in force (`used`). A Fiche validated again while the form was open, or
 * another year's, may list the household in another order, or without someone: each person is
 * found by who they are, never by rank. `field(position)`: the input's field of that index.
 */
export function indexesInForce(
  used: Pick<AgentRecord, 'id' | 'year' | 'dependants'>,
  listedId: string | undefined,
  listed: readonly DependantInput[] | null,
  indexes: readonly (number | null)[],
  field: (position: number) => string,
): (number | null)[] {
  if (!listsAnother(used, listedId)) return [...indexes];
  if (listed === null) throw invalidField('recordId', 'Fiche Agent inconnue : rechargez la page');
  return indexes.map((index, position) => {
    if (index === null) return null;
    const person = listed[index];
    if (!person) throw invalidField(field(position), 'ayant droit inconnu de votre Fiche Agent');
    const found = used.dependants.findIndex((d) => samePerson(d, person));
    if (found < 0)
      throw invalidField(
        field(position),
        `${person.firstName} n’est pas sur votre Fiche Agent ${used.year} validée : vérifiez votre fiche, ou choisissez une autre personne`,
      );
    return found;
  });
}

/** The dependants of a member's Fiche `id` (any version), or null if it is not theirs. */
export async function listedDependants(
  db: Queryable,
  memberId: string,
  id: string,
): Promise<DependantInput[] | null> {
  const [row] = await db.query<{ dependants: DependantInput[] }>(
    'SELECT dependants FROM agent_records WHERE id = $1 AND member_id = $2',
    [id, memberId],
  );
  return row?.dependants ?? null;
}
