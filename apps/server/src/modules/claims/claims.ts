import {
  KM_MESSAGE,
  type ActivitySector,
  type ClaimInput,
  type ClaimType,
  type BulkAnswer,
} from '@entraide/contract';
import {
  centsOf,
  daysBetween,
  flatClaim,
  formatCents,
  formatIsoDate,
  need,
  parseDay,
  type FlatClaimKind,
  type Pack,
} from '@entraide/rules';
import type { Queryable } from '../../db/database.ts';
import { HttpError, invalidField, notFound, requireUuid } from '../../http.ts';
import { oneByOne } from '../../one-by-one.ts';
import type { AppContext } from '../accounts/context.ts';
import { worksIn, type CurrentUser } from '../accounts/session-cookies.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { addDays, addMonths } from '../billing/working-days.ts';
import { currentEntitlements, type AgentRecord } from '../household/agent-records.ts';
import { indexesInForce, listedDependants, listsAnother } from '../household/listed-people.ts';
import { keepFromRetention, ownDocuments } from '../household/documents.ts';
import { templates } from '../notifications/templates.ts';
import {
  figures,
  participantFor,
  participantKey,
  quoteFor,
  yearUsage,
  type Participant,
  type QuoteFigures,
} from '../registrations/registration-requests.ts';
import { lockMember } from '../accounts/members.ts';

/** What each claim type is for the rules engine: its sector and caps, or a flat rule of its own. */
export const CLAIM_TYPES: Readonly<
  Record<
    ClaimType,
    {
      sector: ActivitySector;
      caps: readonly string[];
      oncePerYear: boolean;
      label: string;
      flat?: FlatClaimKind;
    }
  >
> = {
  festival: {
    sector: 'loisirs-culture',
    caps: ['festival'],
    oncePerYear: true,
    label: 'Billet de festival',
  },
  individualHoliday: {
    sector: 'vacances',
    caps: ['approvedRental', 'approvedBoard'],
    oncePerYear: false,
    label: 'Séjour individuel avec un organisme agréé',
  },
  mobileHome: {
    sector: 'vacances',
    caps: ['mobileHome'],
    oncePerYear: false,
    label: 'Mobil home hors organisme agréé',
  },
  youthStay: {
    sector: 'jeunesse',
    caps: [
      'holidayCentreFrance',
      'skiLanguageAbroad',
      'campingHostelClass',
      'dayCentre',
      'courseWithoutAccommodation',
      'annualActivity',
    ],
    oncePerYear: false,
    label: 'Activité jeunesse avec un autre organisme',
  },
  youthAbroad: {
    sector: 'jeunesse',
    caps: ['skiLanguageAbroad'],
    oncePerYear: false,
    label: 'Séjour individuel à l’étranger',
  },
  sportStay: {
    sector: 'sports',
    caps: ['sportStay'],
    oncePerYear: false,
    label: 'Séjour lié à une manifestation sportive',
  },
  sportEvent: {
    sector: 'sports',
    caps: [],
    oncePerYear: false,
    label: 'Inscription à une manifestation sportive',
    flat: 'sportEvent',
  },
  ancvCoupons: {
    sector: 'sports',
    caps: [],
    oncePerYear: false,
    label: 'Coupons sport ANCV',
    flat: 'ancvCoupons',
  },
  trainTicket: {
    sector: 'jeunesse',
    caps: [],
    oncePerYear: false,
    label: 'Billet de train de l’enfant pour un séjour',
    flat: 'trainTicket',
  },
  escortTrain: {
    sector: 'jeunesse',
    caps: [],
    oncePerYear: false,
    label: 'Trajets en train de l’accompagnateur d’un séjour jeunesse',
    flat: 'escortTrain',
  },
  carKm: {
    sector: 'jeunesse',
    caps: [],
    oncePerYear: false,
    label: 'Trajet en voiture pour un séjour jeunesse',
    flat: 'carKm',
  },
};

/** A claim's figures (kept with it) and the explanation shown before sending. */
interface ClaimQuote {
  readonly figures: QuoteFigures;
  readonly explanation: unknown;
}

export interface Claim {
  readonly id: string;
  readonly number: number;
  readonly memberId: string;
  readonly member: string;
  readonly year: number;
  readonly type: ClaimType;
  readonly sector: ActivitySector;
  readonly participant: Participant;
  readonly details: {
    organism: string;
    firstDay: string;
    lastDay: string;
    paidCents: number;
    capCategory: string | null;
    km: number | null;
    roundTrips: number | null;
    travelCents: number | null;
  };
  readonly documentIds: readonly string[];
  readonly quote: QuoteFigures;
  readonly status: 'submitted' | 'approved' | 'rejected' | 'paid';
  readonly approvedCents: number | null;
  readonly reason: string | null;
  readonly createdAt: string;
}

const COLUMNS = `c.id, c.number::int AS number, c.member_id, u.last_name || ' ' || u.first_name AS member, c.year, c.type, c.sector,
  c.participant, c.details, c.document_ids::text[] AS document_ids, c.quote, c.status, c.approved_cents::int AS approved_cents,
  c.reason, c.created_at::text AS created_at`;

interface Row {
  id: string;
  number: number;
  member_id: string;
  member: string;
  year: number;
  type: ClaimType;
  sector: ActivitySector;
  participant: Participant;
  details: Claim['details'];
  document_ids: string[];
  quote: QuoteFigures;
  status: Claim['status'];
  approved_cents: number | null;
  reason: string | null;
  created_at: string;
}

const toClaim = (r: Row): Claim => ({
  id: r.id,
  number: r.number,
  memberId: r.member_id,
  member: r.member,
  year: r.year,
  type: r.type,
  sector: r.sector,
  participant: r.participant,
  details: r.details,
  documentIds: r.document_ids,
  quote: r.quote,
  status: r.status,
  approvedCents: r.approved_cents,
  reason: r.reason,
  createdAt: r.created_at,
});

async function claimsWhere(
  db: Queryable,
  where: string,
  params: unknown[],
  limit?: number,
): Promise<Claim[]> {
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM claims c JOIN users u ON u.id = c.member_id WHERE ${where} ORDER BY c.created_at, c.number${limit === undefined ? '' : ` LIMIT ${String(limit)}`}`,
    params,
  );
  return rows.map(toClaim);
}

export const memberClaims = (db: Queryable, memberId: string): Promise<Claim[]> =>
  claimsWhere(db, 'c.member_id = $1', [memberId]);

/**
 * The staff's queue shows at most this many claims, the longest waiting first, as the Fiches'
 * queue does: a committee of 35 000 members can have thousands waiting after the summer, and a page
 * of them all weighed megabytes (docs/benchmarks.md).
 */
const CLAIM_QUEUE_LENGTH = 500;

const WAITING = `c.status = 'submitted' AND ($1::text[] IS NULL OR c.sector = ANY($1))`;

/**
 * The staff's queue: claims waiting for a decision in the given sectors (all for null), the oldest
 * CLAIM_QUEUE_LENGTH first, and how many wait in all.
 */
export async function claimQueue(
  db: Queryable,
  sectors: readonly string[] | null,
): Promise<{ claims: Claim[]; waiting: number }> {
  const [claims, [count]] = await Promise.all([
    claimsWhere(db, WAITING, [sectors], CLAIM_QUEUE_LENGTH),
    db.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM claims c WHERE ${WAITING}`,
      [sectors],
    ),
  ]);
  return { claims, waiting: count?.waiting ?? 0 };
}

/** The engine's quote of a claim: like a stay (its sector and cap) or by its flat rule. */
function quoteClaim(
  pack: Pack,
  record: AgentRecord,
  participant: Participant,
  input: Pick<
    ClaimInput,
    | 'type'
    | 'firstDay'
    | 'lastDay'
    | 'paidCents'
    | 'capCategory'
    | 'km'
    | 'roundTrips'
    | 'travelCents'
  >,
  today: string,
  used: Awaited<ReturnType<typeof yearUsage>> & { abroadTravelCents: number },
): ClaimQuote {
  const type = CLAIM_TYPES[input.type];
  if (type.flat) {
    if (type.flat === 'carKm' && input.km === null) throw invalidField('km', KM_MESSAGE);
    const flat = flatClaim(pack, {
      kind: type.flat,
      paidCents: input.paidCents,
      km: input.km ?? 0,
      roundTrips: input.roundTrips ?? 0,
      quotientCents: record.quotientCents ?? 0,
      annualCeilingCents: record.annualCeilingCents,
      usedCeilingCents: used.ceilingCents,
    });
    return {
      figures: {
        sessionId: '',
        pack: pack.id,
        days: 0,
        priceCents: input.paidCents,
        transportCents: 0,
        grid: null,
        rateBp: flat.rateBp,
        baseCents: flat.baseCents,
        subsidyCents: flat.subsidyCents,
        leftToPayCents: Math.max(0, input.paidCents - flat.subsidyCents),
        depositCents: 0,
        feesCents: 0,
        totalToPayCents: Math.max(0, input.paidCents - flat.subsidyCents),
        skiAidCents: null,
        usage: {
          youthDays: 0,
          promoDays: 0,
          vacationDays: 0,
          ceilingCents: flat.ceilingCents,
        },
        reasons: flat.reasons,
      },
      explanation: flat.explanation,
    };
  }
  const cap = input.capCategory ?? type.caps[0] ?? null;
  if (cap !== null && !type.caps.includes(cap))
    throw invalidField('capCategory', 'type de séjour non prévu pour cette demande');
  // An individual stay abroad: long enough, and its travel subsidised up to the yearly cap.
  let travelCents = 0;
  if (input.type === 'youthAbroad') {
    const rule = need(pack, pack.data.abroadStay, 'abroadStay');
    const days = daysBetween(parseDay(input.firstDay), parseDay(input.lastDay)) + 1;
    if (days < rule.minDays)
      throw invalidField(
        'lastDay',
        `un séjour à l’étranger dure au moins ${String(rule.minDays)} jours : vérifiez la date de retour, au plus tôt le ${formatIsoDate(addDays(input.firstDay, rule.minDays - 1))}`,
      );
    const left = Math.max(
      0,
      centsOf(rule.travelMaxEurosPerYear, 'abroadStay.travelMaxEurosPerYear') -
        used.abroadTravelCents,
    );
    travelCents = Math.min(input.travelCents ?? 0, left);
  }
  const quote = quoteFor(
    pack,
    record,
    participant,
    {
      sector: type.sector,
      kind: 'approved',
      capCategory: cap !== null && pack.capCategories?.has(cap) ? cap : null,
      ski: false,
    },
    { firstDay: input.firstDay, lastDay: input.lastDay, priceCents: input.paidCents },
    { transportCents: travelCents, today, used, skiAid: false },
  );
  return { figures: figures('', quote), explanation: quote.explanation };
}

/** What the participant's stays abroad of the year already used of the travel cap. */
async function withAbroadTravel(
  db: Queryable,
  memberId: string,
  key: string,
  year: number,
  exceptId: string | null,
): Promise<Awaited<ReturnType<typeof yearUsage>> & { abroadTravelCents: number }> {
  const used = await yearUsage(db, memberId, key, year, exceptId);
  const [travel] = await db.query<{ cents: number }>(
    `SELECT COALESCE(sum((quote ->> 'transportCents')::int), 0)::int AS cents FROM claims
      WHERE member_id = $1 AND participant_key = $2 AND year = $3 AND type = 'youthAbroad' AND status <> 'rejected'
        AND id IS DISTINCT FROM $4::uuid`,
    [memberId, key, year, exceptId],
  );
  return { ...used, abroadTravelCents: travel?.cents ?? 0 };
}

/**
 * Checks a claim (after the return, within the CNRS month, once a year for a festival, receipts
 * of the member's own, a validated Fiche Agent of the year) and quotes it with what the
 * household already used.
 */
export async function prepareClaim(
  ctx: AppContext,
  db: Queryable,
  member: CurrentUser,
  input: ClaimInput,
): Promise<{ record: AgentRecord; participant: Participant; quote: ClaimQuote; year: number }> {
  const today = ctx.today();
  if (input.lastDay > today)
    throw invalidField(
      'lastDay',
      `la demande se fait après le retour : revenez la faire à partir du ${formatIsoDate(input.lastDay)}`,
    );
  const year = Number(input.firstDay.slice(0, 4));
  const record = await currentEntitlements(db, member.id, year);
  if (!record?.packId)
    throw new HttpError(
      422,
      'no_validated_record',
      `Votre Fiche Agent ${year} doit être validée avant toute demande.`,
    );
  // CNRS: until the same day of the next calendar month after the return (SPEC §6).
  const months = ctx.packs.get(record.packId).data.claimsWithinMonths;
  if (months !== undefined && addMonths(input.lastDay, months) < today)
    throw invalidField(
      'lastDay',
      `les demandes se font au plus tard le ${formatIsoDate(addMonths(input.lastDay, months))}, un mois après le retour`,
    );
  const owned = await ownDocuments(db, member.id, input.documentIds);
  if (owned.length !== new Set(input.documentIds).size)
    throw invalidField('documentIds', 'un justificatif est introuvable dans vos documents');
  const [dependantIndex = null] = indexesInForce(
    record,
    input.recordId,
    // Read only when it is not the Fiche in force (the form's usual case: nothing to read).
    listsAnother(record, input.recordId)
      ? await listedDependants(db, member.id, input.recordId)
      : null,
    [input.dependantIndex],
    () => 'dependantIndex',
  );
  const participant = await participantFor(db, member, record, dependantIndex);
  const type = CLAIM_TYPES[input.type];
  if (type.sector === 'jeunesse' && participant.relation !== 'child')
    throw invalidField(
      'dependantIndex',
      'le secteur Jeunesse est réservé aux enfants ayants droit',
    );
  if (type.oncePerYear) {
    const [already] = await db.query<{ number: number }>(
      `SELECT number::int AS number FROM claims WHERE member_id = $1 AND type = $2 AND year = $3 AND status <> 'rejected'`,
      [member.id, input.type, year],
    );
    if (already)
      throw invalidField(
        'type',
        `une seule demande par an : la vôtre porte le n° ${already.number}`,
      );
  }
  const used = await withAbroadTravel(db, member.id, participantKey(participant), year, null);
  const quote = quoteClaim(ctx.packs.get(record.packId), record, participant, input, today, used);
  const refusal = quote.figures.reasons.find(
    (r) => r.code === 'not_entitled' || r.code === 'youth_age',
  );
  if (refusal) throw invalidField('dependantIndex', refusal.text);
  return { record, participant, quote, year };
}

export async function submitClaim(
  ctx: AppContext,
  member: CurrentUser,
  input: ClaimInput,
): Promise<Claim> {
  return ctx.db.transaction(async (tx) => {
    await lockMember(tx, member.id);
    // Its receipts are attached: an estimate (prepareClaim alone) attaches nothing.
    await keepFromRetention(tx);
    const { record, participant, quote, year } = await prepareClaim(ctx, tx, member, input);
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO claims (member_id, record_id, year, type, sector, participant, participant_key, details, document_ids, quote)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        member.id,
        record.id,
        year,
        input.type,
        CLAIM_TYPES[input.type].sector,
        JSON.stringify(participant),
        participantKey(participant),
        JSON.stringify({
          organism: input.organism,
          firstDay: input.firstDay,
          lastDay: input.lastDay,
          paidCents: input.paidCents,
          capCategory: input.capCategory,
          km: input.km,
          roundTrips: input.roundTrips,
          travelCents: input.travelCents,
        }),
        input.documentIds,
        JSON.stringify(quote.figures),
      ],
    );
    const [claim] = await claimsWhere(tx, 'c.id = $1', [row?.id]);
    if (!claim) throw new Error('no claim written');
    return claim;
  });
}

/** An approval whose amount is not the one the desk confirmed: nothing was decided. */
const amountChanged = (number: number, shown: number, now: number): HttpError =>
  new HttpError(
    409,
    'amount_changed',
    `Rien n’a été accordé : la demande n° ${String(number)} donne maintenant ${formatCents(now)}, et non ${formatCents(shown)} comme à votre écran (le foyer a reçu d’autres subventions depuis, ou sa Fiche Agent a été validée de nouveau). Elle affiche le nouveau montant : vérifiez-le, puis accordez-la.`,
  );

/**
 * Staff decide: approve (the engine's amount, quoted again with what the household used since),
 * approve in part (less, with the reason), or reject (with the reason); the member is told. An
 * approval that says the amount the desk confirmed (`expectedCents`) is made at that amount only:
 * another one now keeps the claim waiting with its new quote, and is refused (409).
 */
export async function decideClaim(
  ctx: AppContext,
  staff: CurrentUser,
  id: string,
  decision: {
    decision: 'approve' | 'partial' | 'reject';
    amountCents?: number | undefined;
    expectedCents?: number | undefined;
    reason?: string | undefined;
  },
): Promise<Claim> {
  const decided = await ctx.db.transaction(async (tx) => {
    // The household first (its ceiling and yearly allowances are shared with its other claims
    // and requests), then the claim; both read only after the locks.
    await tx.query(
      'SELECT u.id FROM users u JOIN claims c ON c.member_id = u.id WHERE c.id = $1 FOR NO KEY UPDATE OF u',
      [requireUuid(id)],
    );
    await tx.query('SELECT id FROM claims WHERE id = $1 FOR UPDATE', [id]);
    const [claim] = await claimsWhere(tx, 'c.id = $1', [id]);
    if (!claim) throw notFound();
    if (claim.status !== 'submitted')
      throw new HttpError(409, 'already_decided', 'Cette demande a déjà reçu une réponse.');
    if (decision.decision !== 'approve' && !decision.reason)
      throw invalidField('reason', 'indiquez le motif, il est envoyé à l’agent');
    let amount = 0;
    let quote = claim.quote;
    if (decision.decision !== 'reject') {
      const record = await currentEntitlements(tx, claim.memberId, claim.year);
      if (!record?.packId) throw notFound();
      const used = await withAbroadTravel(
        tx,
        claim.memberId,
        participantKey(claim.participant),
        claim.year,
        id,
      );
      const fresh = quoteClaim(
        ctx.packs.get(record.packId),
        record,
        claim.participant,
        { type: claim.type, ...claim.details },
        ctx.today(),
        used,
      );
      quote = fresh.figures;
      amount = fresh.figures.subsidyCents;
      const shown = decision.expectedCents;
      if (decision.decision === 'approve' && shown !== undefined && shown !== amount) {
        // Kept, so that the desk's next look shows what an approval would give.
        await tx.query('UPDATE claims SET quote = $2 WHERE id = $1', [id, JSON.stringify(quote)]);
        return amountChanged(claim.number, shown, amount);
      }
      if (decision.decision === 'partial') {
        if (decision.amountCents === undefined || decision.amountCents >= amount)
          throw invalidField(
            'amountCents',
            `un montant inférieur à ${formatCents(amount)} pour un accord partiel`,
          );
        amount = decision.amountCents;
      }
    }
    await tx.query(
      `UPDATE claims SET status = $2, approved_cents = $3, reason = $4, quote = $5, decided_by = $6, decided_at = now() WHERE id = $1`,
      [
        id,
        decision.decision === 'reject' ? 'rejected' : 'approved',
        decision.decision === 'reject' ? null : amount,
        decision.reason ?? null,
        JSON.stringify(quote),
        staff.id,
      ],
    );
    // A refusal grants nothing: its reason is what the journal says, not the amount asked.
    await recordAudit(
      tx,
      staff.id,
      `claim.${decision.decision}`,
      'claim',
      id,
      decision.decision === 'reject'
        ? { reason: decision.reason ?? null }
        : { amountCents: amount, reason: decision.reason ?? null },
    );
    const [member] = await tx.query<{ email: string; first_name: string }>(
      'SELECT email, first_name FROM users WHERE id = $1',
      [claim.memberId],
    );
    if (member)
      await ctx.mailer.send(
        tx,
        member.email,
        templates.claimDecided(ctx.organization, claim.sector, member.first_name, {
          number: claim.number,
          label: CLAIM_TYPES[claim.type].label,
          approvedCents: decision.decision === 'reject' ? null : amount,
          reason: decision.reason ?? null,
        }),
      );
    const [decided] = await claimsWhere(tx, 'c.id = $1', [id]);
    if (!decided) throw notFound();
    return decided;
  });
  if (decided instanceof HttpError) throw decided;
  return decided;
}

/**
 * Approves several claims of the staff's sectors, each at its amount quoted again and in its own
 * transaction (a claim another desk decided meanwhile is left out, not the whole batch).
 */
export async function approveClaims(
  ctx: AppContext,
  staff: CurrentUser,
  ids: readonly string[],
  expectedCents: Readonly<Record<string, number>> = {},
): Promise<BulkAnswer<{ id: string; number: number; approvedCents: number }>> {
  return oneByOne(ids, async (id) => {
    const [row] = await ctx.db.query<{ sector: ActivitySector }>(
      'SELECT sector FROM claims WHERE id = $1',
      [id],
    );
    if (!row) throw new HttpError(404, 'not_found', 'Demande introuvable.');
    if (!worksIn(staff, row.sector))
      throw new HttpError(403, 'forbidden', 'Cette demande n’est pas de vos secteurs.');
    const claim = await decideClaim(ctx, staff, id, {
      decision: 'approve',
      expectedCents: expectedCents[id],
    });
    return { id, number: claim.number, approvedCents: claim.approvedCents ?? 0 };
  });
}
