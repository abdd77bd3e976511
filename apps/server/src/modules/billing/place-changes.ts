import type { PlaceChangeFigures } from '@entraide/contract';
import {
  cancellationFee,
  daysBetween,
  formatCents,
  modificationFee,
  parseDay,
  type FeeResult,
  type Pack,
} from '@entraide/rules';
import { rehearse, type Queryable } from '../../db/database.ts';
import { HttpError, invalidField, notFound, requireUuid } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { currentEntitlements } from '../household/agent-records.ts';
import {
  activityFields,
  findActivity,
  sessionsById,
  type ActivityFields,
  type Session,
} from '../activities/catalogue.ts';
import { lockSessions, offerFreedPlaces } from '../registrations/places.ts';
import { issuePlaceInvoice, writeInvoice, type Invoice, type InvoiceLine } from './invoices.ts';
import { invoiceAccount } from './payment-plans.ts';
import { prepareOnlineRefunds } from '../payments/online-refunds.ts';
import { writePayment } from './payments.ts';

export interface CancellationInput {
  /** The provider's or organism's own fee, before subsidy (Inserm: the provider's terms). */
  readonly organismFeeCents: number;
  readonly justified: boolean;
  readonly noShow: boolean;
  /** The committee cancelled the session: no fee, everything paid is refunded. */
  readonly byCommittee?: boolean;
  /** What the confirmation showed: the cancellation is made only if it gives the same. */
  readonly expected?: PlaceChangeFigures | undefined;
}

export interface ModificationInput {
  /** Another session of the same activity (fewer days, other dates), or null to keep it. */
  readonly sessionId: string | null;
  /** The new transport: the provider's from this city, or null for own means. */
  readonly transportCity: string | null;
  readonly organismFeeCents: number;
  readonly onArrival: boolean;
  /** What the confirmation showed: the change is made only if it gives the same. */
  readonly expected?: PlaceChangeFigures | undefined;
}

export interface PlaceChangeResult {
  readonly creditNote: Invoice;
  /** The new invoice of the place (a modification), if any. */
  readonly invoice: Invoice | null;
  readonly feeInvoice: Invoice | null;
  readonly feeCents: number;
  readonly refundCents: number;
  readonly explanation: unknown;
}

/** What a cancellation or a change gives, as its confirmation shows it. */
export interface PlaceChangePreview extends PlaceChangeFigures {
  readonly explanation: unknown;
}

const previewOf = (result: PlaceChangeResult): PlaceChangePreview => ({
  feeCents: result.feeCents,
  refundCents: result.refundCents,
  invoiceCents: result.invoice?.totalCents ?? null,
  explanation: result.explanation,
});

/** In words, for the desk: « 60,00 € de frais, 240,00 € à rembourser, nouvelle facture de … ». */
const inWords = (figures: PlaceChangeFigures): string =>
  [
    `${formatCents(figures.feeCents)} de frais`,
    `${formatCents(figures.refundCents)} à rembourser`,
    ...(figures.invoiceCents === null
      ? []
      : [`une nouvelle facture de ${formatCents(figures.invoiceCents)}`]),
  ].join(', ');

/**
 * The change made, unless it gives other figures than its confirmation showed: then all of it is
 * rolled back (409 `amount_changed`), and the desk reads the new ones (decision 0044).
 */
function asShown(
  what: 'l’annulation' | 'le changement',
  result: PlaceChangeResult,
  expected: PlaceChangeFigures | undefined,
) {
  const now = previewOf(result);
  if (
    expected &&
    (expected.feeCents !== now.feeCents ||
      expected.refundCents !== now.refundCents ||
      expected.invoiceCents !== now.invoiceCents)
  )
    throw new HttpError(
      409,
      'amount_changed',
      `Rien n’a été fait : ${what} donne maintenant ${inWords(now)}, et non ${inWords(expected)} comme à votre écran (un règlement est arrivé depuis, ou le jour a changé les frais du barème). Relisez les nouveaux montants, puis confirmez.`,
    );
  return result;
}

/** The lines of the stay itself: what it costs and its subsidy, fees aside. */
const STAY_KINDS: readonly InvoiceLine['kind'][] = ['stay', 'transport', 'subsidy'];

/** A confirmed place, locked, with the invoice in force and what the fee schedules need. */
interface Place {
  readonly registrationId: string;
  readonly memberId: string;
  readonly participant: string;
  readonly session: Session;
  /** The session the place moves to (a modification), locked with its own; else its own. */
  readonly target: Session;
  readonly transportCity: string | null;
  readonly activity: ActivityFields;
  readonly pack: Pack;
  readonly invoice: { id: string; sector: string; lines: InvoiceLine[] };
  readonly paidCents: number;
  /** What the family owes on the invoice in force: stay, transport and fees less the subsidy. */
  readonly owedCents: number;
  /** What is left to pay for the stay itself (fees aside): the base of the arrhes. */
  readonly leftToPayCents: number;
  /** Cost before subsidy (stay + transport) of the invoice in force. */
  readonly beforeSubsidyCents: number;
  readonly daysBeforeStart: number;
  readonly changes: number;
}

/** A confirmed place's request, locked. */
export interface PlaceRequest {
  readonly member_id: string;
  readonly status: string;
  readonly placed_session_id: string | null;
  readonly participant: { firstName: string };
  readonly year: number;
  readonly transport_city: string | null;
  readonly follow_up_due: boolean;
  readonly instalments_agreed: boolean;
}

/**
 * Locks a place's request with the waiting list of the session it frees — its own, unless the
 * place stays on it (`targetSessionId`) — in id order and in one statement: step 2 of the lock
 * order (docs/architecture.md), so that the freed place is offered under the session's lock
 * (step 3) without waiting for a request then. Read again if the place moved meanwhile.
 */
export async function lockPlaceRequest(
  tx: Queryable,
  registrationId: string,
  targetSessionId: string | null = null,
): Promise<PlaceRequest | undefined> {
  for (;;) {
    const rows = await tx.query<PlaceRequest & { id: string; listed_session_id: string | null }>(
      `WITH place AS (SELECT placed_session_id AS freed FROM registration_requests WHERE id = $1)
       SELECT r.id, r.member_id, r.status, r.placed_session_id, r.participant, r.year,
              r.follow_up_due, r.instalments_agreed, place.freed AS listed_session_id,
              r.choices -> (r.placed_rank - 1) ->> 'transportCity' AS transport_city
         FROM registration_requests r, place
        WHERE r.id = $1
           OR (r.status = 'waiting' AND r.placed_session_id = place.freed
               AND place.freed IS DISTINCT FROM $2::uuid)
        ORDER BY r.id FOR UPDATE OF r`,
      [requireUuid(registrationId), targetSessionId],
    );
    const place = rows.find((r) => r.id === registrationId);
    if (place?.placed_session_id === place?.listed_session_id) return place;
  }
}

/**
 * Locks a confirmed place in the documented order (docs/architecture.md): its request with the
 * waiting list it may free (`lockPlaceRequest`), then its session and the one it may move to (in
 * id order), then the invoice in force, before anything is read — so a payment on that invoice
 * waits for the change and then finds it credited.
 */
async function lockPlace(
  ctx: AppContext,
  tx: Queryable,
  registrationId: string,
  targetSessionId: string | null = null,
): Promise<Place> {
  const targetId = targetSessionId === null ? null : requireUuid(targetSessionId);
  const request = await lockPlaceRequest(tx, registrationId, targetId);
  if (!request) throw notFound();
  if (request.status !== 'confirmed' || !request.placed_session_id)
    throw new HttpError(409, 'not_confirmed', 'Seule une place confirmée peut être changée ici.');
  if (request.follow_up_due)
    throw new HttpError(
      409,
      'invoice_pending',
      'La facture de cette place est en cours d’émission : réessayez dans une minute.',
    );
  const ids = [request.placed_session_id];
  if (targetId !== null) ids.push(targetId);
  const sessions = await lockSessions(tx, ids);
  const session = sessions.find((s) => s.id === request.placed_session_id);
  const target = sessions.find((s) => s.id === (targetId ?? request.placed_session_id));
  // The invoice of the place in force: its first line is the stay, and no credit note cancels it.
  const invoices = await tx.query<{ id: string; sector: string; lines: InvoiceLine[] }>(
    `SELECT id, sector, lines FROM invoices i
      WHERE registration_id = $1 AND kind = 'invoice'
        AND NOT EXISTS (SELECT 1 FROM invoices c WHERE c.corrects_id = i.id)
      ORDER BY created_at DESC FOR UPDATE`,
    [registrationId],
  );
  const invoice = invoices.find((i) => i.lines[0]?.kind === 'stay');
  const [credits] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM invoices WHERE registration_id = $1 AND kind = 'credit_note'`,
    [registrationId],
  );
  if (!invoice || !session) throw notFound();
  if (!target) throw invalidField('sessionId', 'choisissez une session de cette activité');
  // The pack of the place's year (the one its invoice was priced with).
  const record = await currentEntitlements(tx, request.member_id, request.year);
  const account = await invoiceAccount(tx, invoice.id);
  return {
    registrationId,
    memberId: request.member_id,
    participant: request.participant.firstName,
    session,
    target,
    transportCity: request.transport_city,
    activity: await activityFields(tx, session.activityId, true),
    pack: ctx.packs.get(record?.packId ?? ''),
    invoice,
    paidCents: account.paidCents,
    owedCents: invoice.lines.reduce((sum, l) => sum + l.amountCents, 0),
    leftToPayCents: invoice.lines
      .filter((l) => STAY_KINDS.includes(l.kind))
      .reduce((sum, l) => sum + l.amountCents, 0),
    beforeSubsidyCents: invoice.lines
      .filter((l) => l.kind === 'stay' || l.kind === 'transport')
      .reduce((sum, l) => sum + l.amountCents, 0),
    daysBeforeStart: Math.max(0, daysBetween(parseDay(ctx.today()), parseDay(session.firstDay))),
    changes: credits?.n ?? 0,
  };
}

/** Cancels the invoice in force by a credit note; its plan gives way. */
async function creditPlace(ctx: AppContext, tx: Queryable, place: Place): Promise<Invoice> {
  const creditNote = await writeInvoice(tx, {
    kind: 'credit_note',
    memberId: place.memberId,
    registrationId: place.registrationId,
    correctsId: place.invoice.id,
    sector: place.invoice.sector,
    issuedOn: ctx.today(),
    lines: place.invoice.lines.map((line) => ({
      kind: line.kind,
      label: `Annulation — ${line.label}`,
      amountCents: -line.amountCents,
    })),
    ceilingCents: 0,
  });
  await tx.query('UPDATE instalments SET cancelled = true WHERE invoice_id = $1', [
    place.invoice.id,
  ]);
  return creditNote;
}

/** A fee of its own invoice (never subsidised), due at once. */
async function feeInvoice(
  ctx: AppContext,
  tx: Queryable,
  place: Place,
  kind: 'cancellation' | 'modification',
  fee: FeeResult,
): Promise<Invoice | null> {
  if (fee.feeCents <= 0) return null;
  const what = kind === 'cancellation' ? 'Frais d’annulation' : 'Frais de modification';
  return writeInvoice(
    tx,
    {
      kind: 'invoice',
      memberId: place.memberId,
      registrationId: place.registrationId,
      correctsId: null,
      sector: place.invoice.sector,
      issuedOn: ctx.today(),
      lines: [
        {
          kind,
          label: `${what} — ${place.activity.title}, ${place.session.label} (${place.participant}) : ${fee.explanation.map((s) => s.formula).join(' ; ')}`,
          amountCents: fee.feeCents,
        },
      ],
      ceilingCents: 0,
    },
    () => [{ method: 'transfer', dueOn: ctx.today(), amountCents: fee.feeCents }],
  );
}

/** Moves money paid on one invoice to another (negative out, positive in), once per key. */
async function transfer(
  ctx: AppContext,
  tx: Queryable,
  staff: CurrentUser | null,
  place: Place,
  to: Invoice | null,
  cents: number,
  tag: string,
): Promise<void> {
  if (cents <= 0) return;
  const line = (
    invoiceId: string,
    method: 'transfer' | 'refund',
    amountCents: number,
    side: string,
  ) =>
    writePayment(tx, {
      invoiceId,
      memberId: place.memberId,
      method,
      amountCents,
      receivedOn: ctx.today(),
      chequeNumber: null,
      cashOn: null,
      key: `${tag}:${place.invoice.id}:${side}`,
      recordedBy: staff?.id ?? null,
    });
  if (to) {
    await line(place.invoice.id, 'transfer', -cents, `out:${to.id}`);
    await line(to.id, 'transfer', cents, 'in');
  } else {
    await line(place.invoice.id, 'refund', -cents, 'refund');
    // What was paid online goes back through its provider (a job sends it).
    await prepareOnlineRefunds(tx, place.invoice.id, cents);
  }
}

/**
 * Staff cancel a confirmed place (SPEC §6). The fee is the pack's: Inserm, the provider's fee on
 * the cost before subsidy, owed entirely by the family; CNRS, its schedules. The invoice is
 * cancelled by a credit note, the fee is invoiced on its own, what was paid goes to the fee
 * first and the rest is refunded; the ceiling and the allowances come back (the place is no
 * longer confirmed) and the place goes to the waiting list.
 */
export async function cancelPlace(
  ctx: AppContext,
  staff: CurrentUser,
  registrationId: string,
  input: CancellationInput,
): Promise<PlaceChangeResult> {
  return ctx.db.transaction((tx) => cancelLockedPlace(ctx, tx, staff, registrationId, input));
}

/**
 * The cancellation itself, inside the caller's transaction; staff null is the scheduled job
 * (an unpaid place treated as a withdrawal).
 */
export async function cancelLockedPlace(
  ctx: AppContext,
  tx: Queryable,
  staff: CurrentUser | null,
  registrationId: string,
  input: CancellationInput,
): Promise<PlaceChangeResult> {
  const place = await lockPlace(ctx, tx, registrationId);
  const fee: FeeResult = input.byCommittee
    ? { feeCents: 0, explanation: [] }
    : cancellationFee(place.pack, {
        venue: place.activity.kind === 'caesVillage' ? 'caesVillage' : 'other',
        daysBeforeStart: place.daysBeforeStart,
        justified: input.justified,
        noShow: input.noShow,
        // The schedules' "invoice" is what the family owes; the provider's terms (Inserm) apply to
        // the cost before subsidy, through the organism's fee.
        invoiceCents: place.owedCents,
        leftToPayCents: place.leftToPayCents,
        organismFeeCents: input.organismFeeCents,
      });
  const creditNote = await creditPlace(ctx, tx, place);
  const feeBill = await feeInvoice(ctx, tx, place, 'cancellation', fee);
  const toFee = feeBill ? Math.min(place.paidCents, fee.feeCents) : 0;
  await transfer(ctx, tx, staff, place, feeBill, toFee, 'cancel');
  await transfer(ctx, tx, staff, place, null, place.paidCents - toFee, 'cancel');
  await tx.query(`UPDATE registration_requests SET status = 'cancelled' WHERE id = $1`, [
    registrationId,
  ]);
  await offerFreedPlaces(ctx, tx, place.session.id);
  await recordAudit(tx, staff?.id ?? null, 'registration.cancel', 'registration', registrationId, {
    feeCents: fee.feeCents,
    refundCents: place.paidCents - toFee,
    creditNote: creditNote.reference,
  });
  return asShown(
    'l’annulation',
    {
      creditNote,
      invoice: null,
      feeInvoice: feeBill,
      feeCents: fee.feeCents,
      refundCents: place.paidCents - toFee,
      explanation: fee.explanation,
    },
    input.expected,
  );
}

/** What cancelling the place would give, rehearsed and rolled back: its confirmation's figures. */
export const previewCancellation = async (
  ctx: AppContext,
  staff: CurrentUser,
  registrationId: string,
  input: CancellationInput,
): Promise<PlaceChangePreview> =>
  previewOf(
    await rehearse(ctx.db, (tx) =>
      cancelLockedPlace(ctx, tx, staff, registrationId, { ...input, expected: undefined }),
    ),
  );

/** Inserm packs have no modification schedule: the provider's terms apply, as for a cancellation. */
function changeFee(
  pack: Pack,
  place: Place,
  input: ModificationInput,
  removedCents: number,
): FeeResult {
  if (!pack.data.modification)
    return cancellationFee(pack, {
      venue: 'other',
      daysBeforeStart: place.daysBeforeStart,
      justified: false,
      noShow: false,
      invoiceCents: place.owedCents,
      leftToPayCents: place.leftToPayCents,
      organismFeeCents: input.organismFeeCents,
    });
  return modificationFee(pack, {
    venue: place.activity.kind === 'caesVillage' ? 'caesVillage' : 'other',
    modificationNumber: place.changes + 1,
    daysBeforeStart: place.daysBeforeStart,
    onArrival: input.onArrival,
    removedCents,
    organismFeeCents: input.organismFeeCents,
  });
}

/**
 * What staff may change a confirmed place to: its session and transport now, and the sessions of
 * its activity it could move to (its own, and those with a place left), with their transport.
 */
export async function placeChangeOptions(
  db: Queryable,
  registrationId: string,
): Promise<{ sessionId: string; transportCity: string | null; sessions: Session[] }> {
  const [request] = await db.query<{
    status: string;
    placed_session_id: string | null;
    transport_city: string | null;
  }>(
    `SELECT status, placed_session_id, choices -> (placed_rank - 1) ->> 'transportCity' AS transport_city
       FROM registration_requests WHERE id = $1`,
    [requireUuid(registrationId)],
  );
  if (!request) throw notFound();
  const [session] = await sessionsById(
    db,
    request.placed_session_id ? [request.placed_session_id] : [],
  );
  if (request.status !== 'confirmed' || !session)
    throw new HttpError(409, 'not_confirmed', 'Seule une place confirmée peut être changée ici.');
  const { sessions } = await findActivity(db, session.activityId, true);
  return {
    sessionId: session.id,
    transportCity: request.transport_city,
    sessions: sessions.filter((s) => s.id === session.id || s.placesLeft > 0),
  };
}

/**
 * Staff change a confirmed place's session (within its activity) or transport (SPEC §6
 * modifications): the invoice in force is cancelled by a credit note and the place invoiced again (quoted afresh, its plan restarted),
 * what was paid moves to the new invoice, and the pack's modification fee is invoiced on its own.
 */
export async function modifyPlace(
  ctx: AppContext,
  staff: CurrentUser,
  registrationId: string,
  input: ModificationInput,
): Promise<PlaceChangeResult> {
  return ctx.db.transaction((tx) => modifyLockedPlace(ctx, tx, staff, registrationId, input));
}

/** What changing the place would give, rehearsed and rolled back: its confirmation's figures. */
export const previewModification = async (
  ctx: AppContext,
  staff: CurrentUser,
  registrationId: string,
  input: ModificationInput,
): Promise<PlaceChangePreview> =>
  previewOf(
    await rehearse(ctx.db, (tx) =>
      modifyLockedPlace(ctx, tx, staff, registrationId, { ...input, expected: undefined }),
    ),
  );

/** The change itself, inside the caller's transaction. */
async function modifyLockedPlace(
  ctx: AppContext,
  tx: Queryable,
  staff: CurrentUser,
  registrationId: string,
  input: ModificationInput,
): Promise<PlaceChangeResult> {
  const place = await lockPlace(ctx, tx, registrationId, input.sessionId);
  const target = place.target;
  if (target.id !== place.session.id) {
    if (target.activityId !== place.session.activityId)
      throw invalidField('sessionId', 'choisissez une session de la même activité');
    if (target.placesLeft <= 0) throw invalidField('sessionId', 'cette session est complète');
  } else if (input.transportCity === place.transportCity)
    throw new HttpError(
      409,
      'nothing_changes',
      'La place est déjà sur cette session avec ce transport : choisissez une autre session ou un autre transport.',
    );
  const transport =
    input.transportCity === null
      ? null
      : target.transport.find((t) => t.city === input.transportCity);
  if (input.transportCity !== null && !transport)
    throw invalidField('transportCity', 'ville de départ inconnue pour cette session');
  const after = target.priceCents + (transport?.priceCents ?? 0);
  const removed = Math.max(0, place.beforeSubsidyCents - after);
  const fee = changeFee(place.pack, place, input, removed);
  const creditNote = await creditPlace(ctx, tx, place);
  // The place moves to the session and transport chosen; its choice says so.
  await tx.query(
    `UPDATE registration_requests
          SET placed_session_id = $2,
              session_ids = CASE WHEN $2 = ANY(session_ids) THEN session_ids ELSE array_append(session_ids, $2) END,
              choices = jsonb_set(choices, ARRAY[(placed_rank - 1)::text],
                (choices -> (placed_rank - 1)) || jsonb_build_object('sessionId', $2::text, 'sessionLabel', $3::text,
                  'firstDay', $4::text, 'lastDay', $5::text, 'transportCity', $6::text))
        WHERE id = $1`,
    [registrationId, target.id, target.label, target.firstDay, target.lastDay, input.transportCity],
  );
  const { invoice } = await issuePlaceInvoice(ctx, tx, registrationId);
  const moved = Math.min(place.paidCents, invoice.totalCents);
  await transfer(ctx, tx, staff, place, invoice, moved, 'modify');
  await transfer(ctx, tx, staff, place, null, place.paidCents - moved, 'modify');
  const feeBill = await feeInvoice(ctx, tx, place, 'modification', fee);
  if (target.id !== place.session.id) await offerFreedPlaces(ctx, tx, place.session.id);
  await recordAudit(tx, staff.id, 'registration.modify', 'registration', registrationId, {
    sessionId: target.id,
    transportCity: input.transportCity,
    feeCents: fee.feeCents,
    creditNote: creditNote.reference,
    invoice: invoice.reference,
  });
  return asShown(
    'le changement',
    {
      creditNote,
      invoice,
      feeInvoice: feeBill,
      feeCents: fee.feeCents,
      refundCents: place.paidCents - moved,
      explanation: fee.explanation,
    },
    input.expected,
  );
}
