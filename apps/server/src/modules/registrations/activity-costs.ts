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
 * What each person of a logged-in member's household would pay for each session of each activity
 * they can go to (age on the first day, ayant droit, validated Fiche Agent of the year), transport
 * aside; by activity id. The household (Fiche, people, what each used) is read once per year,
 * whatever the number of activities.
 */
export async function activityCosts(
  db: Queryable,
  packs: PackRegistry,
  member: CurrentUser,
  activities: readonly Activity[],
  today: string,
): Promise<Map<string, ParticipantCost[]>> {
  const self = await memberIdentity(db, member);
  const costs = new Map(activities.map((a) => [a.id, new Map<string, ParticipantCost>()]));
  const years = new Set(
    activities.flatMap((a) => a.sessions.map((s) => Number(s.firstDay.slice(0, 4)))),
  );
  for (const year of years) {
    const record = await currentEntitlements(db, member.id, year);
    if (!record?.packId) continue;
    const pack = packs.get(record.packId);
    const indexes = [null, ...record.dependants.map((_, i) => i)];
    for (const index of indexes) {
      const participant = participantOf(record, self, index);
      const key = participantKey(participant);
      const used = await yearUsage(db, member.id, key, year);
      for (const activity of activities) {
        if (activity.sector === 'jeunesse' && participant.relation !== 'child') continue;
        const byPerson = costs.get(activity.id);
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
            const entry = byPerson?.get(key) ?? {
              dependantIndex: index,
              recordId: record.id,
              firstName: participant.firstName,
              sessions: [],
            };
            byPerson?.set(key, {
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
  }
  return new Map([...costs].map(([id, byPerson]) => [id, [...byPerson.values()]]));
}
