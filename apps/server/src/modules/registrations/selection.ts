import { createHash } from 'node:crypto';
import type { ActivitySector, SelectionApplied } from '@entraide/contract';
import { formatIsoDate } from '@entraide/rules';
import type { Queryable } from '../../db/database.ts';
import { LOCKING } from '../../db/read-locks.ts';
import { HttpError, invalidField } from '../../http.ts';
import { addDays } from '../billing/working-days.ts';
import type { AppContext } from '../accounts/context.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { allocate, type AllocationDecision, type AllocationSession } from './allocation.ts';
import { SELECTION_DAY, sessionsById } from '../activities/catalogue.ts';
import { CHOICE_LODGINGS, decide } from './places.ts';

/** SQL: the sessions `s` the selection is for: closed before the day in the parameter `today`. */
export const closedUnallocated = (today: string): string =>
  `s.allocated_at IS NULL AND s.cancelled_at IS NULL AND s.closes_on < ${today}::date`;

/** A lodging type of a session, as the selection allots it. */
const slotId = (sessionId: string, lodging: string): string => `${sessionId}#${lodging}`;
const sessionOfSlot = (slot: string): string => slot.split('#')[0] ?? slot;

export interface SelectionPreview {
  readonly sector: ActivitySector;
  readonly sessions: readonly (AllocationSession & { closesOn: string })[];
  /** The day the job applies it, unless staff do before: the latest day of its sessions. */
  readonly automaticOn: string | null;
  /** How far staff may postpone it: the earliest answer promised to the families. */
  readonly latestOn: string | null;
  readonly decisions: readonly (AllocationDecision & {
    number: number;
    participant: string;
    member: string;
    /** Where the decision places the request or lists it: the session, and a village's lodging. */
    sessionLabel: string | null;
  })[];
  /** Names this exact result: applying checks that nothing changed since the preview. */
  readonly token: string;
}

interface ClosedSession {
  id: string;
  label: string;
  waiting_places: number;
  closes_on: string;
  selection_on: string;
  answer_by: string;
}

/** A sector's sessions the selection is for, in id order (locked when `lock`). */
const closedSessions = (
  db: Queryable,
  sector: ActivitySector,
  today: string,
  lock: boolean,
): Promise<ClosedSession[]> =>
  db.query<ClosedSession>(
    `SELECT s.id, a.title || ' — ' || s.label AS label, s.waiting_places, s.closes_on::text AS closes_on,
            ${SELECTION_DAY}::text AS selection_on, s.answer_by::text AS answer_by
       FROM activity_sessions s JOIN activities a ON a.id = s.activity_id
      WHERE ${closedUnallocated('$2')} AND a.sector = $1
      ORDER BY s.id${lock ? ' FOR NO KEY UPDATE OF s' : ''}`,
    [sector, today],
  );

/**
 * The day the job applies a selection (the latest selection day of its sessions) and the latest
 * day staff may postpone it to (the earliest answer promised); null without sessions.
 */
function selectionDays(
  sessions: readonly ClosedSession[],
): Pick<SelectionPreview, 'automaticOn' | 'latestOn'> {
  const days = (pick: (s: ClosedSession) => string) => sessions.map(pick).sort();
  return {
    automaticOn: days((s) => s.selection_on).at(-1) ?? null,
    latestOn: days((s) => s.answer_by)[0] ?? null,
  };
}

/** SQL: the requests waiting for the selection of the sessions in the parameter `$1`. */
const AWAITING_SELECTION = `r.status = 'requested' AND r.session_ids && $1::uuid[]`;

/**
 * The selection of a sector's sessions whose registrations closed (closing day passed) and were
 * not yet allocated, over the requests waiting for it. Nothing is written. With `lock`, in the
 * documented order (docs/architecture.md): the requests in id order, then their sessions, then
 * the requests read again under the sessions' locks (those sent meanwhile, late, with them;
 * without waiting for one another holds — the selection then starts again). A
 * family withdrawing meanwhile waits, then meets its decision; one that withdrew first, or a
 * session cancelled first, is not decided.
 */
export async function previewSelection(
  db: Queryable,
  sector: ActivitySector,
  today: string,
  neverWentFirst: boolean,
  lock = false,
): Promise<SelectionPreview> {
  if (lock)
    await db.query(
      `SELECT r.id FROM registration_requests r WHERE ${AWAITING_SELECTION} ORDER BY r.id${LOCKING.wait}`,
      [(await closedSessions(db, sector, today, false)).map((s) => s.id)],
    );
  const sessions = await closedSessions(db, sector, today, lock);
  const ids = sessions.map((s) => s.id);
  const requests = await db.query<{
    id: string;
    number: string;
    session_ids: string[];
    lodgings: (string | null)[];
    complete_at: string;
    late: boolean;
    quotient_cents: string;
    went_before: boolean;
    participant: { firstName: string; lastName: string };
    member: string;
  }>(
    `SELECT r.id, r.number::text AS number, r.session_ids::text[] AS session_ids, to_char(r.complete_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS complete_at, r.late,
            ${CHOICE_LODGINGS} AS lodgings,
            rec.quotient_cents::text AS quotient_cents, r.participant, u.last_name || ' ' || u.first_name AS member,
            EXISTS (SELECT 1 FROM registration_requests p
                     WHERE p.member_id = r.member_id AND p.participant_key = r.participant_key AND p.sector = r.sector
                       AND p.status = 'confirmed' AND p.year < r.year) AS went_before
       FROM registration_requests r JOIN agent_records rec ON rec.id = r.record_id JOIN users u ON u.id = r.member_id
      WHERE ${AWAITING_SELECTION}${lock ? ` ORDER BY r.id${LOCKING.nowait}` : ''}`,
    [ids],
  );
  // Places left, and a village's lodgings: each lodging type is allotted on its own.
  const found = new Map((await sessionsById(db, ids)).map((s) => [s.id, s]));
  const lodgings = new Map([...found.values()].map((s) => [s.id, s.lodgings]));
  const allocationSessions = sessions.flatMap((s) => {
    const types = lodgings.get(s.id) ?? [];
    const slot = { waitingPlaces: s.waiting_places, closesOn: s.closes_on };
    if (types.length === 0)
      return [{ ...slot, id: s.id, label: s.label, places: found.get(s.id)?.placesLeft ?? 0 }];
    return types.map((l) => ({
      ...slot,
      id: slotId(s.id, l.type),
      label: `${s.label} — ${l.type}`,
      places: l.left,
    }));
  });
  const slotOf = (sessionId: string, lodging: string | null) =>
    (lodgings.get(sessionId) ?? []).length > 0 && lodging !== null
      ? slotId(sessionId, lodging)
      : sessionId;
  const byId = new Map(requests.map((r) => [r.id, r]));
  const slotLabels = new Map(allocationSessions.map((s) => [s.id, s.label]));
  const decisions = allocate(
    allocationSessions,
    requests.map((r) => ({
      id: r.id,
      number: Number(r.number),
      choices: r.session_ids.map((id, i) => slotOf(id, r.lodgings[i] ?? null)),
      // A request sent after the closing day comes after every request sent in time.
      wentBefore: neverWentFirst ? r.went_before : null,
      late: r.late,
      quotientCents: Number(r.quotient_cents),
      completeAt: r.complete_at,
    })),
  ).map((d) => {
    const r = byId.get(d.requestId);
    return {
      ...d,
      sessionId: d.sessionId === null ? null : sessionOfSlot(d.sessionId),
      sessionLabel: d.sessionId === null ? null : (slotLabels.get(d.sessionId) ?? null),
      number: Number(r?.number ?? 0),
      participant: `${r?.participant.firstName ?? ''} ${r?.participant.lastName ?? ''}`,
      member: r?.member ?? '',
    };
  });
  const token = createHash('sha256')
    .update(JSON.stringify([allocationSessions, decisions]))
    .digest('hex')
    .slice(0, 32);
  return { sector, sessions: allocationSessions, ...selectionDays(sessions), decisions, token };
}

/**
 * Applies the selection previewed (same token), marks the sessions allocated, mails each family
 * and writes the audit log; staff null is the scheduled job. Answers with the counts only: the
 * decisions are in the preview staff read, and in the families' requests.
 */
export async function applySelection(
  ctx: AppContext,
  staff: CurrentUser | null,
  sector: ActivitySector,
  token: string | null,
): Promise<SelectionApplied> {
  return ctx.db.transaction(async (tx) => {
    const preview = await previewSelection(
      tx,
      sector,
      ctx.today(),
      ctx.organization.neverWentFirst,
      true,
    );
    if (token !== null && token !== preview.token)
      throw new HttpError(
        409,
        'selection_changed',
        'Les demandes ont changé depuis l’aperçu : relisez le nouvel aperçu avant de l’appliquer.',
      );
    await decide(ctx, tx, preview.decisions);
    await tx.query('UPDATE activity_sessions SET allocated_at = now() WHERE id = ANY($1::uuid[])', [
      [...new Set(preview.sessions.map((s) => sessionOfSlot(s.id)))],
    ]);
    const outcomes = (outcome: AllocationDecision['outcome']) =>
      preview.decisions.filter((d) => d.outcome === outcome).length;
    const applied: SelectionApplied = {
      sessions: preview.sessions.length,
      confirmed: outcomes('confirmed'),
      waiting: outcomes('waiting'),
      refused: outcomes('refused'),
    };
    await recordAudit(tx, staff?.id ?? null, 'selection.apply', 'sector', null, {
      sector,
      ...applied,
    });
    return applied;
  });
}

/**
 * The scheduled job: a sector's selection is applied once every one of its closed sessions has
 * reached its selection day (a postponed session holds back the others, since requests span
 * sessions).
 */
export async function runDueSelections(ctx: AppContext): Promise<number> {
  const due = await ctx.db.query<{ sector: ActivitySector }>(
    `SELECT a.sector FROM activity_sessions s JOIN activities a ON a.id = s.activity_id
      WHERE ${closedUnallocated('$1')} GROUP BY a.sector HAVING max(${SELECTION_DAY}) <= $1::date ORDER BY a.sector`,
    [ctx.today()],
  );
  let sessions = 0;
  for (const { sector } of due)
    sessions += (await applySelection(ctx, null, sector, null)).sessions;
  return sessions;
}

/**
 * Staff postpone a sector's automatic selection: every session waiting for it gets the new day,
 * which must be after today and no later than the answer promised to the families.
 */
export async function postponeSelection(
  ctx: AppContext,
  staff: CurrentUser,
  sector: ActivitySector,
  selectionOn: string,
): Promise<SelectionPreview> {
  return ctx.db.transaction(async (tx) => {
    // Only the days are checked: the sessions, locked, not the whole selection.
    const current = selectionDays(await closedSessions(tx, sector, ctx.today(), true));
    if (current.latestOn === null)
      throw new HttpError(409, 'nothing_to_postpone', 'Aucune sélection n’attend dans ce secteur.');
    if (selectionOn <= ctx.today())
      throw invalidField(
        'selectionOn',
        `choisissez un jour après aujourd’hui, par exemple le ${formatIsoDate(addDays(ctx.today(), 1))}`,
      );
    if (selectionOn > current.latestOn)
      throw invalidField(
        'selectionOn',
        `les familles attendent la réponse au plus tard le ${formatIsoDate(current.latestOn)} : choisissez ce jour ou avant`,
      );
    await tx.query(
      `UPDATE activity_sessions s SET selection_postponed_to = $3
         FROM activities a WHERE a.id = s.activity_id AND a.sector = $1 AND ${closedUnallocated('$2')}`,
      [sector, ctx.today(), selectionOn],
    );
    await recordAudit(tx, staff.id, 'selection.postpone', 'sector', null, {
      sector,
      from: current.automaticOn,
      to: selectionOn,
    });
    return previewSelection(tx, sector, ctx.today(), ctx.organization.neverWentFirst);
  });
}
