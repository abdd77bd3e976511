import { sessionCancellationFigures, type SessionCancellationFigures } from '@entraide/contract';
import { formatCents, plural } from '@entraide/rules';
import { rehearse, type Queryable } from '../../db/database.ts';
import { LOCKING, type ReadLock } from '../../db/read-locks.ts';
import { HttpError, notFound, requireUuid } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { activityFields, sessionsById, type Session } from '../activities/catalogue.ts';
import { cancelLockedPlace } from '../billing/place-changes.ts';
import { templates } from '../notifications/templates.ts';
import { lockSessions } from './places.ts';

/** What cancelling a session does to the requests made for it; the same figures before and after. */
export interface SessionCancellation extends SessionCancellationFigures {
  readonly session: Session;
}

interface AffectedRequest {
  id: string;
  number: string;
  status: 'requested' | 'waiting' | 'confirmed';
  other_choices: number;
  email: string;
  first_name: string;
  participant: { firstName: string };
}

/**
 * The requests a session's cancellation touches, in id order, locked or not (`lock`: `NOWAIT`
 * refuses to wait for a row another holds): each kind found by its own index (the choices', the
 * waiting lists', the places'), not by reading them all.
 */
async function affectedRequests(
  db: Queryable,
  sessionId: string,
  lock: ReadLock,
): Promise<AffectedRequest[]> {
  return db.query<AffectedRequest>(
    `SELECT r.id, r.number::text AS number, r.status, r.participant, u.email, u.first_name,
            (SELECT count(*)::int FROM activity_sessions o
              WHERE o.id = ANY(r.session_ids) AND o.id <> $1 AND o.cancelled_at IS NULL) AS other_choices
       FROM registration_requests r JOIN users u ON u.id = r.member_id
      WHERE (r.status = 'requested' AND r.session_ids @> ARRAY[$1::uuid])
         OR (r.status = 'waiting' AND r.placed_session_id = $1)
         OR (r.status = 'confirmed' AND r.placed_session_id = $1)
      ORDER BY r.id${LOCKING[lock]}`,
    [sessionId],
  );
}

/** How many requests of each kind the cancellation touches (what it refunds is added as it goes). */
function counts(requests: readonly AffectedRequest[]) {
  const requested = requests.filter((r) => r.status === 'requested');
  return {
    requestsCancelled: requested.filter((r) => r.other_choices === 0).length,
    choicesRemoved: requested.filter((r) => r.other_choices > 0).length,
    waitingCancelled: requests.filter((r) => r.status === 'waiting').length,
    placesCancelled: requests.filter((r) => r.status === 'confirmed').length,
  };
}

/** The session of the activity, or 404; a cancelled or begun session cannot be cancelled. */
function cancellable(ctx: AppContext, session: Session | undefined, activityId: string): Session {
  if (session?.activityId !== activityId) throw notFound();
  if (session.cancelledAt !== null)
    throw new HttpError(409, 'session_cancelled', 'Cette session est déjà annulée.');
  if (session.firstDay <= ctx.today())
    throw new HttpError(
      409,
      'session_started',
      'Cette session a commencé : annulez les places une à une, avec leurs frais.',
    );
  return session;
}

/** What cancelling touches, in words: the message of a confirmation read before a change. */
function inWords(figures: SessionCancellationFigures): string {
  return [
    `${plural(figures.placesCancelled, 'place confirmée', 'places confirmées')} (${formatCents(figures.refundCents)} à rembourser)`,
    `${plural(figures.waitingCancelled, 'demande')} en liste d’attente`,
    `${plural(figures.requestsCancelled, 'demande')} sans autre choix`,
    `${plural(figures.choicesRemoved, 'demande gardant', 'demandes gardant')} d’autres choix`,
  ].join(', ');
}

/** The figures a confirmation shows, named once by the contract. */
const FIGURES = Object.keys(
  sessionCancellationFigures.shape,
) as (keyof SessionCancellationFigures)[];

const sameFigures = (a: SessionCancellationFigures, b: SessionCancellationFigures): boolean =>
  FIGURES.every((figure) => a[figure] === b[figure]);

/**
 * The committee cancels a session (the provider cancelled, too few participants…), in `tx`. Each
 * family is told why: a request waiting for the selection keeps its other choices or is
 * cancelled, the waiting list is cancelled, a confirmed place is cancelled without fee (credit
 * note, everything paid refunded). Locks in the documented order: the requests, then the session,
 * then each place's invoice; requests sent while the session's lock was awaited are read again
 * after it. Gives what it did, with the session as it was before.
 */
async function cancelLockedSession(
  ctx: AppContext,
  tx: Queryable,
  staff: CurrentUser,
  activityId: string,
  sessionId: string,
  reason: string,
): Promise<SessionCancellation> {
  await affectedRequests(tx, requireUuid(sessionId), 'wait');
  const [session] = await lockSessions(tx, [sessionId]);
  const current = cancellable(ctx, session, activityId);
  await tx.query(
    'UPDATE activity_sessions SET cancelled_at = now(), cancellation_reason = $2 WHERE id = $1',
    [sessionId, reason],
  );
  // A request that joined meanwhile is taken after the session, against the lock order: if
  // another holds it (a place being changed, which waits for the session), start again.
  const requests = await affectedRequests(tx, sessionId, 'nowait');
  const done = counts(requests);
  const activity = await activityFields(tx, current.activityId, true);
  const stay = `${activity.title}, ${current.label}`;
  // The waiting list first, so that no freed place is offered on the way.
  const order = { waiting: 0, requested: 1, confirmed: 2 };
  // What is refunded is read under each invoice's lock: a payment may land until then.
  let refundCents = 0;
  for (const request of [...requests].sort((a, b) => order[a.status] - order[b.status])) {
    let consequence: string;
    if (request.status === 'confirmed') {
      const result = await cancelLockedPlace(ctx, tx, staff, request.id, {
        organismFeeCents: 0,
        justified: true,
        noShow: false,
        byCommittee: true,
      });
      refundCents += result.refundCents;
      consequence = `La place est annulée sans frais (avoir ${result.creditNote.reference})${
        result.refundCents > 0
          ? ` ; les ${formatCents(result.refundCents)} versés vous seront remboursés`
          : ''
      }.`;
    } else if (request.status === 'requested' && request.other_choices > 0) {
      consequence = 'Vos autres choix restent en lice pour la sélection.';
    } else {
      await tx.query(`UPDATE registration_requests SET status = 'cancelled' WHERE id = $1`, [
        request.id,
      ]);
      consequence = 'Votre demande est annulée ; vous pouvez en faire une autre au catalogue.';
    }
    await ctx.mailer.send(
      tx,
      request.email,
      templates.sessionCancelled(ctx.organization, activity.sector, request.first_name, {
        number: Number(request.number),
        participant: request.participant.firstName,
        stay,
        reason,
        consequence,
      }),
    );
  }
  await recordAudit(tx, staff.id, 'session.cancel', 'session', sessionId, {
    activityId,
    reason,
    ...done,
    refundCents,
  });
  return { ...done, refundCents, session: current };
}

/**
 * What a cancellation would do, rehearsed and rolled back: the figures of its confirmation, those
 * of the very cancellation (decision 0046). Nothing is written, no family is told.
 */
export const previewSessionCancellation = (
  ctx: AppContext,
  staff: CurrentUser,
  activityId: string,
  sessionId: string,
): Promise<SessionCancellation> =>
  rehearse(ctx.db, (tx) =>
    cancelLockedSession(ctx, tx, staff, activityId, sessionId, 'aperçu de l’annulation'),
  );

/**
 * The session cancelled, unless it does other than its confirmation showed (`expected`): then all
 * of it is rolled back (409 `effect_changed`), and the desk reads the new figures.
 */
export async function cancelSession(
  ctx: AppContext,
  staff: CurrentUser,
  activityId: string,
  sessionId: string,
  input: { readonly reason: string; readonly expected?: SessionCancellationFigures | undefined },
): Promise<SessionCancellation> {
  return ctx.db.transaction(async (tx) => {
    const done = await cancelLockedSession(ctx, tx, staff, activityId, sessionId, input.reason);
    if (input.expected && !sameFigures(done, input.expected))
      throw new HttpError(
        409,
        'effect_changed',
        `Rien n’a été fait : l’annulation touche maintenant ${inWords(done)}, et non ${inWords(input.expected)} comme à votre écran (une demande ou un règlement est arrivé depuis). Relisez ce qu’elle fera, puis confirmez.`,
      );
    const [cancelled] = await sessionsById(tx, [sessionId]);
    return { ...done, session: cancelled ?? done.session };
  });
}
