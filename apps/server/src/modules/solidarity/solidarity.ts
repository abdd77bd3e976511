import type { SolidarityInput, SolidarityRequest } from '@entraide/contract';
import { formatCents, splitInstalments } from '@entraide/rules';
import type { Queryable } from '../../db/database.ts';
import { HttpError, invalidField, notFound, requireUuid } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import { lockMember } from '../accounts/members.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { attachedDocuments } from '../household/documents.ts';
import { cashingDayInMonths } from '../billing/working-days.ts';
import { templates } from '../notifications/templates.ts';

const COLUMNS = `s.id, s.number::int AS number, u.last_name || ' ' || u.first_name || ' (' || u.identifier || ')' AS member,
  s.kind, s.purpose, s.amount_cents::int AS amount_cents, s.months, s.disability_equipment, s.document_ids::text[] AS document_ids,
  s.status, s.granted_cents::int AS granted_cents, s.schedule, s.reason, s.decided_on::text AS decided_on, s.created_at::text AS created_at`;

interface Row {
  id: string;
  number: number;
  member: string;
  kind: SolidarityRequest['kind'];
  purpose: string;
  amount_cents: number;
  months: number | null;
  disability_equipment: boolean;
  document_ids: string[];
  status: SolidarityRequest['status'];
  granted_cents: number | null;
  schedule: SolidarityRequest['schedule'];
  reason: string | null;
  decided_on: string | null;
  created_at: string;
}

const toRequest = (r: Row): SolidarityRequest => ({
  id: r.id,
  number: r.number,
  member: r.member,
  kind: r.kind,
  purpose: r.purpose,
  amountCents: r.amount_cents,
  months: r.months,
  disabilityEquipment: r.disability_equipment,
  documentIds: r.document_ids,
  status: r.status,
  grantedCents: r.granted_cents,
  schedule: r.schedule,
  reason: r.reason,
  decidedOn: r.decided_on,
  createdAt: r.created_at,
});

/** What a decision reads: the request's row, locked (its member's is only read). */
const LOCKED = 'FOR NO KEY UPDATE OF s';

async function requestsWhere(
  db: Queryable,
  where: string,
  params: unknown[],
  lock: typeof LOCKED | '' = '',
): Promise<SolidarityRequest[]> {
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM solidarity_requests s JOIN users u ON u.id = s.member_id WHERE ${where} ORDER BY s.created_at, s.number ${lock}`,
    params,
  );
  return rows.map(toRequest);
}

export const memberSolidarity = (db: Queryable, memberId: string): Promise<SolidarityRequest[]> =>
  requestsWhere(db, 's.member_id = $1', [memberId]);

export const solidarityQueue = (db: Queryable): Promise<SolidarityRequest[]> =>
  requestsWhere(db, 'true', []);

export async function askSolidarity(
  ctx: AppContext,
  member: CurrentUser,
  input: SolidarityInput,
): Promise<SolidarityRequest> {
  return ctx.db.transaction(async (tx) => {
    // The member's lock first (the lock order), as a claim: an account closing meanwhile is
    // waited for, then refuses the request; a request under way makes the closing wait, and see it.
    await lockMember(tx, member.id);
    const owned = await attachedDocuments(tx, member.id, input.documentIds);
    if (owned.length !== new Set(input.documentIds).size)
      throw invalidField('documentIds', 'un justificatif est introuvable dans vos documents');
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO solidarity_requests (member_id, kind, purpose, amount_cents, months, disability_equipment, document_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        member.id,
        input.kind,
        input.purpose,
        input.amountCents,
        input.kind === 'loan' ? input.months : null,
        input.disabilityEquipment,
        input.documentIds,
      ],
    );
    const [created] = await requestsWhere(tx, 's.id = $1', [row?.id]);
    if (!created) throw new Error('no request written');
    return created;
  });
}

/** The Solidarité staff grant (possibly less than asked) or refuse; a loan gets its schedule. */
export async function decideSolidarity(
  ctx: AppContext,
  staff: CurrentUser,
  id: string,
  decision: {
    decision: 'grant' | 'refuse';
    amountCents?: number | undefined;
    reason?: string | undefined;
  },
): Promise<SolidarityRequest> {
  return ctx.db.transaction(async (tx) => {
    // Read under its lock: of two decisions at once, the second reads the first's.
    const [request] = await requestsWhere(tx, 's.id = $1', [requireUuid(id)], LOCKED);
    if (!request) throw notFound();
    if (request.status !== 'submitted')
      throw new HttpError(409, 'already_decided', 'Cette demande a déjà reçu une réponse.');
    if (decision.decision === 'refuse' && !decision.reason)
      throw invalidField('reason', 'indiquez le motif, il est envoyé à l’agent');
    const granted =
      decision.decision === 'grant' ? (decision.amountCents ?? request.amountCents) : null;
    if (granted !== null && granted > request.amountCents)
      throw invalidField(
        'amountCents',
        `au plus ${formatCents(request.amountCents)}, le montant demandé`,
      );
    const schedule =
      granted !== null && request.kind === 'loan' && request.months
        ? splitInstalments(granted, request.months).map((amountCents, i) => ({
            dueOn: cashingDayInMonths(ctx.today(), i + 1),
            amountCents,
          }))
        : null;
    await tx.query(
      `UPDATE solidarity_requests SET status = $2, granted_cents = $3, schedule = $4, reason = $5, decided_by = $6, decided_at = now(), decided_on = $7 WHERE id = $1`,
      [
        id,
        granted === null ? 'refused' : 'granted',
        granted,
        schedule ? JSON.stringify(schedule) : null,
        decision.reason ?? null,
        staff.id,
        ctx.today(),
      ],
    );
    await recordAudit(tx, staff.id, `solidarity.${decision.decision}`, 'solidarity', id, {
      grantedCents: granted,
    });
    const [member] = await tx.query<{ email: string; first_name: string }>(
      'SELECT u.email, u.first_name FROM users u JOIN solidarity_requests s ON s.member_id = u.id WHERE s.id = $1',
      [id],
    );
    if (member)
      await ctx.mailer.send(
        tx,
        member.email,
        templates.solidarityDecided(ctx.organization, member.first_name, {
          number: request.number,
          grantedCents: granted,
          months: schedule ? schedule.length : null,
          reason: decision.reason ?? null,
        }),
      );
    const [decided] = await requestsWhere(tx, 's.id = $1', [id]);
    if (!decided) throw notFound();
    return decided;
  });
}
