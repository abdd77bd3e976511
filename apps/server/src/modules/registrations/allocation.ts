import { formatCents, formatIsoDate } from '@entraide/rules';
import { committeeDay } from '../../time-zone.ts';

/**
 * The selection at closing (SPEC §6), as a pure function: the same input always gives the same
 * result. Requests are put in priority order — participants who never went with the sector
 * first, then the lowest quotient, then the earliest complete request (then the request number) —
 * and each in turn gets the first of its ranked choices that still has a place. A request placed
 * nowhere waits on the first of its choices whose waiting list has room, or is refused.
 */
export interface AllocationSession {
  readonly id: string;
  readonly label: string;
  /** Places left for this run (places minus those already taken). */
  readonly places: number;
  readonly waitingPlaces: number;
}

export interface AllocationRequest {
  readonly id: string;
  readonly number: number;
  /** Session ids, best choice first (choices outside the run are left out by the caller). */
  readonly choices: readonly string[];
  /** Went with the sector before; null where the committee does not put first those who never went. */
  readonly wentBefore: boolean | null;
  /** Sent after the closing day, before the selection: after every request sent in time. */
  readonly late: boolean;
  readonly quotientCents: number;
  /**
   * When the request became complete: an ISO instant in UTC, all of one width, so that text
   * order is time order (a Paris time's text is not, in October's repeated hour).
   */
  readonly completeAt: string;
}

export interface AllocationDecision {
  readonly requestId: string;
  readonly outcome: 'confirmed' | 'waiting' | 'refused';
  /** Where the request is placed, or waits. */
  readonly sessionId: string | null;
  /** The rank of that choice (1 = first choice). */
  readonly rank: number | null;
  /** 1-based position in the priority order. */
  readonly priority: number;
  readonly waitingPosition: number | null;
  /** Why, in French, in order. */
  readonly reasons: readonly string[];
}

const byPriority = (a: AllocationRequest, b: AllocationRequest): number =>
  Number(a.late) - Number(b.late) ||
  Number(a.wentBefore ?? false) - Number(b.wentBefore ?? false) ||
  a.quotientCents - b.quotientCents ||
  (a.completeAt < b.completeAt ? -1 : a.completeAt > b.completeAt ? 1 : 0) ||
  a.number - b.number;

function priorityText(request: AllocationRequest, position: number, total: number): string {
  return [
    `Rang ${position} sur ${total} dans l’ordre de priorité :`,
    ...(request.wentBefore === null
      ? []
      : [
          request.wentBefore
            ? 'a déjà participé avec le secteur (après ceux qui n’ont jamais participé),'
            : 'n’a jamais participé avec le secteur (prioritaire),',
        ]),
    `quotient familial ${formatCents(request.quotientCents)},`,
    `demande complète le ${formatIsoDate(committeeDay(new Date(request.completeAt)))}.`,
  ].join(' ');
}

export function allocate(
  sessions: readonly AllocationSession[],
  requests: readonly AllocationRequest[],
): AllocationDecision[] {
  const left = new Map<string, number>();
  const waiting = new Map<string, number>();
  const labels = new Map<string, string>();
  const waitingRoom = new Map<string, number>();
  for (const s of sessions) {
    left.set(s.id, Math.max(0, s.places));
    waiting.set(s.id, 0);
    waitingRoom.set(s.id, s.waitingPlaces);
    labels.set(s.id, s.label);
  }
  const ordered = [...requests].sort(byPriority);
  return ordered.map((request, index) => {
    const reasons = [priorityText(request, index + 1, ordered.length)];
    // A choice keeps its rank in the request (its quote and lodging), even when one before it is
    // not in this run (closing later, or cancelled).
    const choices = request.choices.flatMap((sessionId, i) =>
      left.has(sessionId) ? [{ sessionId, rank: i + 1 }] : [],
    );
    for (const { sessionId, rank } of choices) {
      const places = left.get(sessionId) ?? 0;
      const label = labels.get(sessionId) ?? sessionId;
      if (places > 0) {
        left.set(sessionId, places - 1);
        reasons.push(`Choix ${rank} (${label}) : place attribuée.`);
        return {
          requestId: request.id,
          outcome: 'confirmed',
          sessionId,
          rank,
          priority: index + 1,
          waitingPosition: null,
          reasons,
        };
      }
      reasons.push(
        `Choix ${rank} (${label}) : complet, les places sont allées à des demandes prioritaires.`,
      );
    }
    for (const { sessionId, rank } of choices) {
      const position = (waiting.get(sessionId) ?? 0) + 1;
      if (position <= (waitingRoom.get(sessionId) ?? 0)) {
        waiting.set(sessionId, position);
        reasons.push(
          `Liste d’attente du choix ${rank} (${labels.get(sessionId) ?? sessionId}), position ${position} : une place libérée vous sera proposée.`,
        );
        return {
          requestId: request.id,
          outcome: 'waiting',
          sessionId,
          rank,
          priority: index + 1,
          waitingPosition: position,
          reasons,
        };
      }
    }
    reasons.push(
      choices.length === 0
        ? 'Aucun des choix n’est ouvert à cette sélection.'
        : 'Les listes d’attente de vos choix sont complètes.',
    );
    return {
      requestId: request.id,
      outcome: 'refused',
      sessionId: null,
      rank: null,
      priority: index + 1,
      waitingPosition: null,
      reasons,
    };
  });
}
