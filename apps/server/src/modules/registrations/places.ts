import type { ActivitySector } from '@entraide/contract';
import { lastStatement, type Queryable } from '../../db/database.ts';
import type { AppContext } from '../accounts/context.ts';
import { sessionsById } from '../activities/catalogue.ts';
import { issuePlaceInvoice } from '../billing/invoices.ts';
import type { QuoteFigures } from './registration-requests.ts';
import type { OutgoingMail } from '../notifications/mailer.ts';
import { templates } from '../notifications/templates.ts';

/** Late requests and promotions from the waiting list come after every request of the selection. */
const FIRST_COME_OFFSET = 1_000_000_000;

export type Outcome = 'confirmed' | 'waiting' | 'refused';

/** SQL: the lodging type asked for by each choice of a request `r`, in rank order. */
export const CHOICE_LODGINGS = `ARRAY(SELECT c ->> 'lodgingType' FROM jsonb_array_elements(r.choices) c)`;

/**
 * Locks the sessions (in id order, so two holders never wait on each other) and reads them afresh.
 * `FOR NO KEY UPDATE`, as every lock of the lock order (docs/architecture.md): exclusive among
 * its holders, never in the way of a foreign key's check.
 */
export async function lockSessions(tx: Queryable, ids: readonly string[]) {
  await tx.query(
    `SELECT id FROM activity_sessions WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`,
    [ids],
  );
  // A new statement after the lock: it sees the places taken by whoever held the lock before.
  return sessionsById(tx, ids);
}

/** What a decision's follow-up reads of its request (`r`, its member `u`). */
const DECIDED_COLUMNS = `r.id, r.number::text AS number, r.sector, r.status, r.placed_session_id,
  r.decision, u.email, u.first_name, r.participant, r.choices`;

export interface DecidedRow {
  id: string;
  number: string;
  sector: ActivitySector;
  status: string;
  placed_session_id: string | null;
  decision: { reasons: string[] };
  email: string;
  first_name: string;
  participant: { firstName: string };
  choices: readonly { sessionId: string; activityTitle: string; sessionLabel: string }[];
}

const isOutcome = (status: string): status is Outcome =>
  status === 'confirmed' || status === 'waiting' || status === 'refused';

/**
 * The family's mail about a decision, from its request and member (`DECIDED_COLUMNS`); none for a
 * request withdrawn between its decision and its follow-up.
 */
export function decisionMail(ctx: AppContext, row: DecidedRow): OutgoingMail | null {
  if (!isOutcome(row.status)) return null;
  const choice = row.choices.find((c) => c.sessionId === row.placed_session_id);
  return {
    to: row.email,
    content: templates.registrationDecision(ctx.organization, row.sector, row.first_name, {
      outcome: row.status,
      participant: row.participant.firstName,
      number: Number(row.number),
      place: choice ? `${choice.activityTitle}, ${choice.sessionLabel}` : null,
      reasons: row.decision.reasons,
    }),
  };
}

/**
 * What follows decisions: the families' mails, in one statement, then the invoice of each
 * confirmed place — last, as the invoices' counter is held from the first until the commit (lock
 * order, step 5). `lastWritten`: how the last invoice's statement is sent (the transaction's last
 * statement when the caller has nothing after it). Each place's quotes as its invoice left them,
 * by request.
 */
async function followUp(
  ctx: AppContext,
  tx: Queryable,
  rows: readonly DecidedRow[],
  lastWritten: Queryable = tx,
): Promise<Map<string, QuoteFigures[]>> {
  // A request withdrawn between its decision and its follow-up is told nothing more.
  const mails = rows.map((row) => decisionMail(ctx, row)).filter((mail) => mail !== null);
  await ctx.mailer.sendAll(tx, mails);
  const places = rows.filter((row) => row.status === 'confirmed');
  const quotes = new Map<string, QuoteFigures[]>();
  for (const [k, { id }] of places.entries()) {
    const written = k === places.length - 1 ? lastWritten : tx;
    quotes.set(id, (await issuePlaceInvoice(ctx, tx, id, written)).quotes);
  }
  return quotes;
}

interface Decision {
  readonly requestId: string;
  readonly outcome: Outcome;
  readonly sessionId: string | null;
  readonly rank: number | null;
  readonly priority: number;
  readonly reasons: readonly string[];
}

/**
 * From this many decisions at once (a selection), the requests' statistics are taken again before
 * the invoices: each invoice reads what its household used, and the planner, still believing the
 * confirmed places as few as at the last ANALYZE (a committee's first selection), would scan them
 * all for each household — 4,2 ms an invoice with 6 000 places just given, 0,1 ms after.
 */
const FRESH_STATISTICS_FROM = 1_000;

/**
 * Records decisions on requests the caller holds locked, in one statement, and follows them up in
 * the same transaction, in the decisions' order: the families told by e-mail in one statement,
 * then each confirmed place invoiced (a follow-up left due by a first-come decision is done).
 */
export async function decide(
  ctx: AppContext,
  tx: Queryable,
  decisions: readonly Decision[],
): Promise<void> {
  if (decisions.length === 0) return;
  const rows = await tx.query<DecidedRow>(
    `UPDATE registration_requests r SET status = d.outcome, placed_session_id = d.session_id, placed_rank = d.rank,
            priority = d.priority, decision = d.decision, decided_at = now(),
            placed_lodging = r.choices -> (d.rank - 1) ->> 'lodgingType', follow_up_due = false
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::int[], $5::bigint[], $6::jsonb[])
              AS d(id, outcome, session_id, rank, priority, decision), users u
      WHERE r.id = d.id AND u.id = r.member_id RETURNING ${DECIDED_COLUMNS}`,
    [
      decisions.map((d) => d.requestId),
      decisions.map((d) => d.outcome),
      decisions.map((d) => d.sessionId),
      decisions.map((d) => d.rank),
      decisions.map((d) => d.priority),
      decisions.map((d) => JSON.stringify({ reasons: d.reasons })),
    ],
  );
  // Within this transaction only, until its commit (statistics are rows like any other).
  if (decisions.length >= FRESH_STATISTICS_FROM) await tx.query('ANALYZE registration_requests');
  const byId = new Map(rows.map((row) => [row.id, row]));
  await followUp(
    ctx,
    tx,
    decisions.flatMap((d) => byId.get(d.requestId) ?? []),
  );
}

/** SQL: a place left on the session `s` for a choice of the lodging type `lodging` (SQL). */
const placeLeft = (lodging: string) => `CASE WHEN jsonb_array_length(s.lodgings) = 0
    THEN s.places > s.confirmed_count
    ELSE coalesce((SELECT (l ->> 'count')::int FROM jsonb_array_elements(s.lodgings) l
                    WHERE l ->> 'type' = ${lodging}), 0) > coalesce((s.lodgings_taken ->> ${lodging})::int, 0) END`;

/** The columns of its sessions' rows a late request is decided on, read as it locks them. */
export const LOCKED_SESSION_COLUMNS = `s.id, s.label, s.cancelled_at, s.allocated_at, s.places, s.lodgings,
  s.confirmed_count, s.lodgings_taken, s.waiting_count, s.waiting_places`;

/**
 * SQL, the CTEs that decide a late request first come, first served, after `locked` (its
 * sessions, locked by the same statement: their newest rows, with their counts — migration 0024)
 * and before its insert; `$4`: its choices as stored. `placed` is the first choice with a place
 * left, `listed` the first whose waiting list has room; `decided`, one row, takes `placed`, else
 * `listed`, else a refusal — with its reasons. A cancelled session is not looked at here: the
 * insert stores nothing when one of the request's sessions is (`NONE_CANCELLED`).
 * Reading the counts on the rows the statement locked is what lets two families asking for the
 * last place at the same moment never both get it, with the session's lock held for one
 * statement and the commit.
 */
export const FIRST_COME_DECISION = `choice AS (
    SELECT o.rank::int AS rank, s.id, o.c ->> 'lodgingType' AS lodging, o.c ->> 'sessionLabel' AS label,
           ${placeLeft(`(o.c ->> 'lodgingType')`)} AS place_left,
           s.waiting_count < s.waiting_places AS room, s.waiting_count + 1 AS position
      FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS o(c, rank)
      JOIN locked s ON s.id = (o.c ->> 'sessionId')::uuid),
  placed AS (SELECT * FROM choice WHERE place_left ORDER BY rank LIMIT 1),
  listed AS (SELECT * FROM choice WHERE room ORDER BY rank LIMIT 1),
  decided AS (
    SELECT CASE WHEN p.id IS NOT NULL THEN 'confirmed' WHEN l.id IS NOT NULL THEN 'waiting' ELSE 'refused' END AS status,
      coalesce(p.id, l.id) AS session_id, coalesce(p.rank, l.rank) AS rank, coalesce(p.lodging, l.lodging) AS lodging,
      jsonb_build_object('reasons', to_jsonb(
        ARRAY['Demande après la clôture : les places restantes sont attribuées dans l’ordre d’arrivée.']
        || ARRAY(SELECT format('Choix %s (%s) : complet.', c.rank, c.label) FROM choice c
                  WHERE p.rank IS NULL OR c.rank < p.rank ORDER BY c.rank)
        || CASE WHEN p.id IS NOT NULL THEN format('Choix %s (%s) : place attribuée.', p.rank, p.label)
                WHEN l.id IS NOT NULL THEN format('Liste d’attente du choix %s (%s), position %s.', l.rank, l.label, l.position)
                ELSE 'Les listes d’attente de vos choix sont complètes.' END)) AS decision
      FROM (VALUES (1)) one (x) LEFT JOIN placed p ON true LEFT JOIN listed l ON true)`;

/** SQL: the priority of a late request numbered `number` (SQL): after every request of the selection. */
export const firstComePriority = (number: string) => `${FIRST_COME_OFFSET} + ${number}`;

/** A first-come decision whose follow-up is due: the request and its member. */
export interface DueFollowUp {
  readonly memberId: string;
  readonly requestId: string;
}

/**
 * The follow-ups of first-come decisions — one, or the places of a batch — in one transaction
 * after the decisions' commit: the households' locks (their ceilings are counted for the
 * invoices), in id order, then the requests', taken by the statement that marks them done — so
 * that each is done once, even by two nodes at once. Each place's quotes as its invoice left them,
 * by request; none for a request with nothing left to do.
 */
export async function followUpDecisions(
  ctx: AppContext,
  due: readonly DueFollowUp[],
): Promise<Map<string, QuoteFigures[]>> {
  const one = due.length === 1;
  return ctx.db.transaction(async (tx) => {
    // One statement: its condition on the households, evaluated once before any row is read,
    // locks their rows first (the lock order; all of them: a count reads every row, where
    // EXISTS would stop at the first), then the requests' (in id order).
    const rows = await tx.query<DecidedRow>(
      one
        ? `WITH household AS (SELECT id FROM users WHERE id = $2 FOR NO KEY UPDATE)
           UPDATE registration_requests r SET follow_up_due = false FROM users u
            WHERE EXISTS (SELECT FROM household) AND r.id = $1 AND r.follow_up_due AND u.id = r.member_id
           RETURNING ${DECIDED_COLUMNS}`
        : `WITH households AS (SELECT id FROM users WHERE id = ANY($2::uuid[]) ORDER BY id FOR NO KEY UPDATE),
                requests AS (
                  SELECT id FROM registration_requests
                   WHERE (SELECT count(*) FROM households) > 0 AND id = ANY($1::uuid[]) AND follow_up_due
                   ORDER BY id FOR UPDATE)
           UPDATE registration_requests r SET follow_up_due = false FROM users u
            WHERE r.id IN (SELECT id FROM requests) AND u.id = r.member_id
           RETURNING ${DECIDED_COLUMNS}`,
      one
        ? [due[0]?.requestId, due[0]?.memberId]
        : [due.map((d) => d.requestId), [...new Set(due.map((d) => d.memberId))]],
    );
    // The last invoice sent with the COMMIT: the counter is released with it.
    return followUp(ctx, tx, rows, lastStatement(tx));
  });
}

/** The follow-up of one first-come decision; its place's quotes, or null. */
export const followUpDecision = async (
  ctx: AppContext,
  memberId: string,
  requestId: string,
): Promise<QuoteFigures[] | null> =>
  (await followUpDecisions(ctx, [{ memberId, requestId }])).get(requestId) ?? null;

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
 * time. The caller holds the list already (`lockPlaceRequest`, before the session). A request
 * that joined it since is not waited for (`NOWAIT`): its holder — a desk freeing another place of
 * the session, which holds the list it read — waits for the session this caller holds, and
 * waiting for it in turn was a deadlock (money rounds, seed 606). The use case starts again then
 * (`busy`), and holds the new list before the session. One withdrawn meanwhile is skipped, and
 * the place goes to the one after it (a locking read with LIMIT may return fewer rows than it
 * skipped).
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
      `SELECT id, placed_rank, priority::text AS priority ${waiting} ORDER BY priority, number LIMIT 1 FOR UPDATE NOWAIT`,
      args,
    );
    if (!request) {
      // Either nobody waits, or the first one left the list just before it was locked.
      const [anyone] = await tx.query(`SELECT 1 ${waiting} LIMIT 1`, args);
      if (anyone) continue;
      return offered;
    }
    await decide(ctx, tx, [
      {
        requestId: request.id,
        outcome: 'confirmed',
        sessionId,
        rank: request.placed_rank,
        priority: Number(request.priority),
        reasons: [
          `Une place s’est libérée sur ${session.label} : elle revient à la suivante de la liste d’attente.`,
        ],
      },
    ]);
    offered += 1;
  }
}
