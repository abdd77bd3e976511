import type { ActivitySector } from '@entraide/contract';
import type { Queryable } from '../../db/database.ts';
import type { AppContext } from '../accounts/context.ts';
import { sessionsById } from '../activities/catalogue.ts';
import { issuePlaceInvoice } from '../billing/invoices.ts';
import { templates } from '../notifications/templates.ts';
import { lockMember } from '../accounts/members.ts';

/** Late requests and promotions from the waiting list come after every request of the selection. */
const FIRST_COME_OFFSET = 1_000_000_000;

export type Outcome = 'confirmed' | 'waiting' | 'refused';

/** SQL: the lodging type asked for by each choice of a request `r`, in rank order. */
export const CHOICE_LODGINGS = `ARRAY(SELECT c ->> 'lodgingType' FROM jsonb_array_elements(r.choices) c)`;

/**
 * Locks the sessions (in id order, so two requests never wait on each other) and reads them
 * afresh. A shared lock lets requests sent at once go together, yet waits for a cancellation.
 */
export async function lockSessions(
  tx: Queryable,
  ids: readonly string[],
  mode: 'UPDATE' | 'SHARE' = 'UPDATE',
) {
  await tx.query(
    `SELECT id FROM activity_sessions WHERE id = ANY($1::uuid[]) ORDER BY id FOR ${mode}`,
    [ids],
  );
  // A new statement after the lock: it sees the places taken by whoever held the lock before.
  return sessionsById(tx, ids);
}

/** What a decision's follow-up reads of its request (`r`, its member `u`). */
const DECIDED_COLUMNS = `r.id, r.number::text AS number, r.sector, r.status, r.placed_session_id,
  r.decision, u.email, u.first_name, r.participant, r.choices`;

interface DecidedRow {
  id: string;
  number: string;
  sector: ActivitySector;
  status: string;
  placed_session_id: string | null;
  decision: { reasons: string[] };
  email: string;
  first_name: string;
  participant: { firstName: string };
  choices: { sessionId: string; activityTitle: string; sessionLabel: string }[];
}

const isOutcome = (status: string): status is Outcome =>
  status === 'confirmed' || status === 'waiting' || status === 'refused';

/**
 * What follows a decision: the family's mail, and the invoice of a confirmed place — last, as
 * its number's counter is held until the commit (lock order, step 5).
 */
async function followUp(ctx: AppContext, tx: Queryable, row: DecidedRow): Promise<void> {
  // A request withdrawn between its decision and its follow-up is told nothing more.
  if (!isOutcome(row.status)) return;
  const choice = row.choices.find((c) => c.sessionId === row.placed_session_id);
  await ctx.mailer.send(
    tx,
    row.email,
    templates.registrationDecision(ctx.organization, row.sector, row.first_name, {
      outcome: row.status,
      participant: row.participant.firstName,
      number: Number(row.number),
      place: choice ? `${choice.activityTitle}, ${choice.sessionLabel}` : null,
      reasons: row.decision.reasons,
    }),
  );
  if (row.status === 'confirmed') await issuePlaceInvoice(ctx, tx, row.id);
}

interface Decision {
  readonly outcome: Outcome;
  readonly sessionId: string | null;
  readonly rank: number | null;
  readonly priority: number;
  readonly reasons: readonly string[];
}

/**
 * SQL, its WHERE left to the caller (`r.id = $1`): records the decision `$2`…`$6` on the request
 * `$1`; `$7`: its follow-up is left due. A first-come decision, under its session's lock, reads
 * nothing back; `decide` joins the member for its follow-up.
 */
const DECISION = `UPDATE registration_requests r SET status = $2, placed_session_id = $3, placed_rank = $4,
    priority = $5, decision = $6, decided_at = now(), placed_lodging = r.choices -> ($4::int - 1) ->> 'lodgingType',
    follow_up_due = $7`;

const decisionValues = (requestId: string, decision: Decision, followUpDue: boolean) => [
  requestId,
  decision.outcome,
  decision.sessionId,
  decision.rank,
  decision.priority,
  JSON.stringify({ reasons: decision.reasons }),
  followUpDue,
];

/**
 * Records a decision on a request and follows it up in the same transaction: a confirmed place
 * is invoiced, the family told by e-mail (a follow-up left due by a first-come decision is done).
 */
export async function decide(
  ctx: AppContext,
  tx: Queryable,
  requestId: string,
  decision: Decision,
): Promise<void> {
  const [row] = await tx.query<DecidedRow>(
    `${DECISION} FROM users u WHERE r.id = $1 AND u.id = r.member_id RETURNING ${DECIDED_COLUMNS}`,
    decisionValues(requestId, decision, false),
  );
  if (row) await followUp(ctx, tx, row);
}

/** SQL: a place left on the session `s` for a choice of the lodging type `lodging` (SQL). */
const placeLeft = (
  lodging: string,
) => `s.cancelled_at IS NULL AND CASE WHEN jsonb_array_length(s.lodgings) = 0
    THEN s.places > s.confirmed_count
    ELSE coalesce((SELECT (l ->> 'count')::int FROM jsonb_array_elements(s.lodgings) l
                    WHERE l ->> 'type' = ${lodging}), 0) > coalesce((s.lodgings_taken ->> ${lodging})::int, 0) END`;

/**
 * SQL: each choice of the request `$1`, in rank order, with its place left and the length of its
 * waiting list, both read on the session's row (migration 0024), not counted.
 */
const CHOICE_PLACES = `SELECT o.rank::int AS rank, s.id, s.label, s.waiting_places, s.cancelled_at IS NOT NULL AS cancelled,
    ${placeLeft(`(o.c ->> 'lodgingType')`)} AS place_left, s.waiting_count AS waiting
  FROM registration_requests r
  CROSS JOIN LATERAL jsonb_array_elements(r.choices) WITH ORDINALITY AS o(c, rank)
  JOIN activity_sessions s ON s.id = (o.c ->> 'sessionId')::uuid
 WHERE r.id = $1 ORDER BY o.rank`;

/** A choice of a late request as `CHOICE_PLACES` reads it. */
interface ChoicePlace {
  rank: number;
  id: string;
  label: string;
  waiting_places: number;
  cancelled: boolean;
  place_left: boolean;
  waiting: number;
}

/** The decision on a late request from its choices' places: the first with one left, or a waiting list with room. */
function firstComeDecision(
  priority: number,
  choices: readonly { sessionLabel: string }[],
  places: readonly ChoicePlace[],
): Decision {
  const reasons = [
    'Demande après la clôture : les places restantes sont attribuées dans l’ordre d’arrivée.',
  ];
  for (const place of places) {
    const label = choices[place.rank - 1]?.sessionLabel ?? place.label;
    if (place.place_left) {
      reasons.push(`Choix ${place.rank} (${label}) : place attribuée.`);
      return { outcome: 'confirmed', sessionId: place.id, rank: place.rank, priority, reasons };
    }
    reasons.push(`Choix ${place.rank} (${label}) : complet.`);
  }
  for (const place of places) {
    const position = place.waiting + 1;
    if (place.cancelled || position > place.waiting_places) continue;
    reasons.push(`Liste d’attente du choix ${place.rank} (${place.label}), position ${position}.`);
    return { outcome: 'waiting', sessionId: place.id, rank: place.rank, priority, reasons };
  }
  reasons.push('Les listes d’attente de vos choix sont complètes.');
  return { outcome: 'refused', sessionId: null, rank: null, priority, reasons };
}

/**
 * After closing: the request takes the first of its choices with a place left, or waits on the
 * first whose waiting list has room, or is refused. The caller holds the sessions' locks (taken
 * when the request was stored), so two families asking for the last place at the same moment
 * never both get it: their places are read by a statement after the lock, then the decision is
 * written — two statements. Its follow-up (invoice, mail) is left due for `followUpDecision`,
 * after the commit, so that the session's lock is not held while the invoice is written.
 */
export async function placeFirstComeFirstServed(
  tx: Queryable,
  request: {
    readonly id: string;
    readonly number: number;
    readonly choices: readonly { sessionLabel: string }[];
  },
): Promise<Outcome> {
  const places = await tx.query<ChoicePlace>(CHOICE_PLACES, [request.id]);
  const decision = firstComeDecision(FIRST_COME_OFFSET + request.number, request.choices, places);
  await tx.query(`${DECISION} WHERE r.id = $1`, decisionValues(request.id, decision, true));
  return decision.outcome;
}

/**
 * The follow-up of a first-come decision, in its own transaction after the decision's commit:
 * the household's lock (its ceiling is counted for the invoice), then the request's, taken by the
 * statement that marks it done — so that it is done once, even by two nodes at once.
 */
export async function followUpDecision(
  ctx: AppContext,
  memberId: string,
  requestId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await lockMember(tx, memberId);
    const [row] = await tx.query<DecidedRow>(
      `UPDATE registration_requests r SET follow_up_due = false FROM users u
        WHERE r.id = $1 AND r.follow_up_due AND u.id = r.member_id RETURNING ${DECIDED_COLUMNS}`,
      [requestId],
    );
    if (row) await followUp(ctx, tx, row);
  });
}

/**
 * The follow-ups a node left due when it stopped between a decision and its follow-up, a minute
 * after their decision (the selection job): the number done.
 */
export async function followUpDueDecisions(ctx: AppContext): Promise<number> {
  const due = await ctx.db.query<{ id: string; member_id: string }>(
    `SELECT id, member_id FROM registration_requests
      WHERE follow_up_due AND decided_at < now() - interval '1 minute' ORDER BY decided_at LIMIT 500`,
  );
  for (const request of due) await followUpDecision(ctx, request.member_id, request.id);
  return due.length;
}

/**
 * A freed place goes to the next request on the session's waiting list (in its order), one at a
 * time: a request withdrawn while it is being offered is skipped by the row lock and the place
 * goes to the one after it (a locking read with LIMIT may return fewer rows than it skipped).
 */
export async function offerFreedPlaces(
  ctx: AppContext,
  tx: Queryable,
  sessionId: string,
): Promise<number> {
  let offered = 0;
  for (;;) {
    const [session] = await lockSessions(tx, [sessionId]);
    if (!session || session.cancelledAt || session.placesLeft <= 0) return offered;
    // On a village, the lodging types with one left; elsewhere any seat.
    const free = session.lodgings.filter((l) => l.left > 0).map((l) => l.type);
    const waiting = `FROM registration_requests WHERE placed_session_id = $1 AND status = 'waiting'
      AND ($2::boolean OR placed_lodging = ANY($3::text[]))`;
    const args = [sessionId, session.lodgings.length === 0, free];
    const [request] = await tx.query<{ id: string; placed_rank: number; priority: string }>(
      `SELECT id, placed_rank, priority::text AS priority ${waiting} ORDER BY priority, number LIMIT 1 FOR UPDATE`,
      args,
    );
    if (!request) {
      // Either nobody waits, or the first one left the list while we waited for its lock.
      const [anyone] = await tx.query(`SELECT 1 ${waiting} LIMIT 1`, args);
      if (anyone) continue;
      return offered;
    }
    await decide(ctx, tx, request.id, {
      outcome: 'confirmed',
      sessionId,
      rank: request.placed_rank,
      priority: Number(request.priority),
      reasons: [
        `Une place s’est libérée sur ${session.label} : elle revient à la suivante de la liste d’attente.`,
      ],
    });
    offered += 1;
  }
}
