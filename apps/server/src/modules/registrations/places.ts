import type { ActivitySector } from '@entraide/contract';
import type { Queryable } from '../../db/database.ts';
import type { AppContext } from '../accounts/context.ts';
import { confirmedOn, sessionsById } from '../activities/catalogue.ts';
import { issuePlaceInvoice } from '../billing/invoices.ts';
import { templates } from '../notifications/templates.ts';

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

/**
 * SQL: whether the session `s` has a place left for the choice `$4` of the request `r` — a
 * lodging of the type it asks for on a village, a seat elsewhere — counted under its row lock.
 */
const CHOSEN_LODGING = `r.choices -> ($4::int - 1) ->> 'lodgingType'`;
const PLACE_LEFT = `s.cancelled_at IS NULL AND CASE WHEN jsonb_array_length(s.lodgings) = 0
    THEN s.places > ${confirmedOn()}
    ELSE coalesce((SELECT (l ->> 'count')::int FROM jsonb_array_elements(s.lodgings) l
                    WHERE l ->> 'type' = ${CHOSEN_LODGING}), 0) > ${confirmedOn(CHOSEN_LODGING)} END`;

/**
 * Records a decision on a request (a confirmed place is invoiced) and tells the family by e-mail.
 * `ifPlaceLeft`: the place is taken in the same statement only if one is left (the caller holds
 * the session's lock); false when none was.
 */
export async function decide(
  ctx: AppContext,
  tx: Queryable,
  requestId: string,
  decision: {
    outcome: Outcome;
    sessionId: string | null;
    rank: number | null;
    priority: number;
    reasons: readonly string[];
  },
  ifPlaceLeft = false,
): Promise<boolean> {
  const [row] = await tx.query<{
    number: string;
    sector: ActivitySector;
    email: string;
    first_name: string;
    participant: { firstName: string };
    choices: { sessionId: string; activityTitle: string; sessionLabel: string }[];
  }>(
    `UPDATE registration_requests r SET status = $2, placed_session_id = $3, placed_rank = $4, priority = $5,
       decision = $6, decided_at = now(), placed_lodging = r.choices -> ($4::int - 1) ->> 'lodgingType'
       FROM users u${ifPlaceLeft ? ', activity_sessions s' : ''}
      WHERE r.id = $1 AND u.id = r.member_id${ifPlaceLeft ? ` AND s.id = $3 AND ${PLACE_LEFT}` : ''}
     RETURNING r.number::text AS number, r.sector, u.email, u.first_name, r.participant, r.choices`,
    [
      requestId,
      decision.outcome,
      decision.sessionId,
      decision.rank,
      decision.priority,
      JSON.stringify({ reasons: decision.reasons }),
    ],
  );
  if (!row) return false;
  if (decision.outcome === 'confirmed') await issuePlaceInvoice(ctx, tx, requestId);
  const choice = row.choices.find((c) => c.sessionId === decision.sessionId);
  await ctx.mailer.send(
    tx,
    row.email,
    templates.registrationDecision(ctx.organization, row.sector, row.first_name, {
      outcome: decision.outcome,
      participant: row.participant.firstName,
      number: Number(row.number),
      place: choice ? `${choice.activityTitle}, ${choice.sessionLabel}` : null,
      reasons: decision.reasons,
    }),
  );
  return true;
}

/**
 * After closing: the request takes the first of its choices with a place left, or waits on the
 * first whose waiting list has room, or is refused. The caller holds the sessions' locks (taken
 * when the request was stored), so two families asking for the last place at the same moment
 * never both get it; each choice is tried in one statement that takes a place only if one is left.
 */
export async function placeFirstComeFirstServed(
  ctx: AppContext,
  tx: Queryable,
  request: {
    readonly id: string;
    readonly number: number;
    readonly choices: readonly { sessionId: string; sessionLabel: string }[];
  },
): Promise<Outcome> {
  const priority = FIRST_COME_OFFSET + request.number;
  const reasons = [
    'Demande après la clôture : les places restantes sont attribuées dans l’ordre d’arrivée.',
  ];
  for (const [i, choice] of request.choices.entries()) {
    const placed = await decide(
      ctx,
      tx,
      request.id,
      {
        outcome: 'confirmed',
        sessionId: choice.sessionId,
        rank: i + 1,
        priority,
        reasons: [...reasons, `Choix ${i + 1} (${choice.sessionLabel}) : place attribuée.`],
      },
      true,
    );
    if (placed) return 'confirmed';
    reasons.push(`Choix ${i + 1} (${choice.sessionLabel}) : complet.`);
  }
  const sessions = await sessionsById(
    tx,
    request.choices.map((c) => c.sessionId),
  );
  for (const [i, choice] of request.choices.entries()) {
    const session = sessions.find((s) => s.id === choice.sessionId);
    if (!session || session.cancelledAt) continue;
    const [waiting] = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM registration_requests WHERE placed_session_id = $1 AND status = 'waiting'`,
      [session.id],
    );
    const position = (waiting?.n ?? 0) + 1;
    if (position <= session.waitingPlaces) {
      reasons.push(`Liste d’attente du choix ${i + 1} (${session.label}), position ${position}.`);
      await decide(ctx, tx, request.id, {
        outcome: 'waiting',
        sessionId: session.id,
        rank: i + 1,
        priority,
        reasons,
      });
      return 'waiting';
    }
  }
  reasons.push('Les listes d’attente de vos choix sont complètes.');
  await decide(ctx, tx, request.id, {
    outcome: 'refused',
    sessionId: null,
    rank: null,
    priority,
    reasons,
  });
  return 'refused';
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
