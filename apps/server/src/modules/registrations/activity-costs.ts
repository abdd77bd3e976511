import type { ParticipantCostAnswer } from '@entraide/contract';
import { ageOn, parseDay, RulesError, type PackRegistry } from '@entraide/rules';
import type { Queryable } from '../../db/database.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import type { Activity } from '../activities/catalogue.ts';
import { currentEntitlements } from '../household/agent-records.ts';
import {
  memberIdentity,
  participantKey,
  participantOf,
  quoteFor,
  refuses,
  yearUsage,
} from './registration-requests.ts';

export type ParticipantCost = ParticipantCostAnswer;

/**
 * What each person of a logged-in member's household would pay for each session they can go to
 * (age on the first day, ayant droit, validated Fiche Agent of the year), transport aside.
 */
export async function activityCosts(
  db: Queryable,
  packs: PackRegistry,
  member: CurrentUser,
  activity: Activity,
  today: string,
): Promise<ParticipantCost[]> {
  const self = await memberIdentity(db, member);
  const costs = new Map<string, ParticipantCost>();
  for (const year of new Set(activity.sessions.map((s) => Number(s.firstDay.slice(0, 4))))) {
    const record = await currentEntitlements(db, member.id, year);
    if (!record?.packId) continue;
    const pack = packs.get(record.packId);
    const indexes = [null, ...record.dependants.map((_, i) => i)];
    for (const index of indexes) {
      const participant = participantOf(record, self, index);
      if (activity.sector === 'jeunesse' && participant.relation !== 'child') continue;
      const key = participantKey(participant);
      const used = await yearUsage(db, member.id, key, year);
      for (const session of activity.sessions) {
        const age = ageOn(parseDay(participant.birthDate), parseDay(session.firstDay));
        if (Number(session.firstDay.slice(0, 4)) !== year) continue;
        if (age < session.minAge || age > session.maxAge) continue;
        try {
          const quote = quoteFor(pack, record, participant, activity, session, {
            transportCents: 0,
            today,
            used,
            skiAid: false,
          });
          // A direct relative pays the prix base TD without subsidy: listed for a CAES village.
          if (quote.reasons.some((r) => refuses(r, participant.relation))) continue;
          const entry = costs.get(key) ?? {
            dependantIndex: index,
            firstName: participant.firstName,
            sessions: [],
          };
          costs.set(key, {
            ...entry,
            sessions: [
              ...entry.sessions,
              {
                sessionId: session.id,
                subsidyCents: quote.subsidyCents,
                leftToPayCents: quote.leftToPayCents,
                depositCents: quote.depositCents,
              },
            ],
          });
        } catch (error) {
          if (!(error instanceof RulesError)) throw error;
        }
      }
    }
  }
  return [...costs.values()];
}
