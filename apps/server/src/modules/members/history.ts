// « Historique » (SPEC §7): the household's subsidies over the years — each year's rights as its
// validated Fiche Agent gave them (parts, quotient, every rate, the annual ceiling), the ceiling
// used and what the committee paid. « Mes prestations » details each year; this compares them.
import type { HistoryYear } from '@entraide/contract';
import type { PackRegistry } from '@entraide/rules';
import type { Queryable } from '../../db/database.ts';
import { currentEntitlements, type AgentRecord } from '../household/agent-records.ts';
import { yearUsage } from '../registrations/registration-requests.ts';
import { memberBenefits } from './benefits.ts';

/**
 * A validated Fiche's figures, the rates in its barème's grid order; null if none. A barème no
 * longer loaded (taken off a node) is named by its id, its grids in the order the Fiche stored.
 */
function rightsOf(packs: PackRegistry, record: AgentRecord | null): HistoryYear['rights'] {
  if (!record?.packId || record.quotientCents === null) return null;
  const pack = packs.has(record.packId) ? packs.get(record.packId) : null;
  const rates = record.ratesBp ?? {};
  return {
    packId: record.packId,
    packLabel: pack?.label ?? record.packId,
    parts: record.parts ?? 0,
    quotientCents: record.quotientCents,
    rates: Object.keys(pack?.ratesTemplate ?? rates)
      .filter((grid) => rates[grid] !== undefined)
      .map((grid) => ({ grid, rateBp: rates[grid] ?? 0 })),
    annualCeilingCents: record.annualCeilingCents,
  };
}

/** Every year with a validated Fiche Agent or a benefit, newest first. */
export async function memberHistory(
  db: Queryable,
  packs: PackRegistry,
  memberId: string,
): Promise<HistoryYear[]> {
  const benefits = await memberBenefits(db, memberId);
  const validated = await db.query<{ year: number }>(
    "SELECT DISTINCT year FROM agent_records WHERE member_id = $1 AND status = 'validated'",
    [memberId],
  );
  const years = [...new Set([...validated.map((r) => r.year), ...benefits.map((b) => b.year)])];
  const history: HistoryYear[] = [];
  for (const year of years.sort((a, b) => b - a)) {
    const rights = rightsOf(packs, await currentEntitlements(db, memberId, year));
    history.push({
      year,
      rights,
      ceilingUsedCents:
        rights === null || rights.annualCeilingCents === null
          ? 0
          : (await yearUsage(db, memberId, 'member', year)).ceilingCents,
      subsidyCents: benefits.find((b) => b.year === year)?.subsidyCents ?? 0,
    });
  }
  return history;
}
