import { ibanProblem, isBic, isLatinName, type ClaimType, type Payout } from '@entraide/contract';
import { formatCents } from '@entraide/rules';
import type { Queryable } from '../../db/database.ts';
import { HttpError, notFound, requireDayWithin, requireUuid, sameIds } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { nextNumber } from '../billing/numbering.ts';
import { templates } from '../notifications/templates.ts';
import { CLAIM_TYPES } from './claims.ts';
import { painDocument, type PaidClaim } from './pain-document.ts';
import { painSchemaErrors } from './sepa-schema.ts';

const COLUMNS = `id, reference, total_cents::int AS total_cents, claims, execution_date::text AS execution_date,
  to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS') AS created_at, exported_at::text AS exported_at, sent_on::text AS sent_on,
  cancellation_reason`;

interface Row {
  id: string;
  reference: string;
  total_cents: number;
  claims: number;
  execution_date: string;
  created_at: string;
  exported_at: string | null;
  sent_on: string | null;
  cancellation_reason: string | null;
}

const toPayout = (r: Row): Payout => ({
  id: r.id,
  reference: r.reference,
  totalCents: r.total_cents,
  claims: r.claims,
  executionDate: r.execution_date,
  createdAt: r.created_at,
  exportedAt: r.exported_at,
  sentOn: r.sent_on,
  cancellationReason: r.cancellation_reason,
  state:
    r.cancellation_reason !== null
      ? 'cancelled'
      : r.sent_on
        ? 'sent'
        : r.exported_at
          ? 'exported'
          : 'prepared',
});

/**
 * SQL: the batch was made only of claims of the sectors `$n` names (any batch for `null`). A batch
 * that names no sector (made before batches kept theirs, of claims since gone) is the accounting
 * desk's and the admin's only.
 */
const OF_SECTORS = (n: number) =>
  `($${String(n)}::text[] IS NULL OR (cardinality(sectors) > 0 AND sectors <@ $${String(n)}))`;

/** The batches made only of claims of the staff member's sectors (every one for `null`). */
export async function listPayouts(
  db: Queryable,
  sectors: readonly string[] | null,
): Promise<Payout[]> {
  return (
    await db.query<Row>(
      `SELECT ${COLUMNS} FROM payouts WHERE ${OF_SECTORS(1)} ORDER BY created_at DESC`,
      [sectors],
    )
  ).map(toPayout);
}

/** A RIB a SEPA transfer can carry: IBAN with its checksum, an ISO 20022 BIC, a Latin name. */
const transferable = (account: {
  iban: string | null;
  bic: string | null;
  holder: string | null;
}): boolean =>
  account.iban !== null &&
  account.bic !== null &&
  account.holder !== null &&
  ibanProblem(account.iban) === null &&
  isBic(account.bic) &&
  isLatinName(account.holder);

/**
 * The sectors whose claims a staff member pays out: their own; every sector for the accounting
 * desk and admins (null).
 */
export const payoutSectors = (staff: CurrentUser): readonly string[] | null =>
  staff.role === 'admin' || staff.sectors.includes('comptabilite') ? null : staff.sectors;

interface Waiting {
  readonly id: string;
  readonly sector: string;
  readonly approved_cents: number;
  readonly iban: string | null;
  readonly bic: string | null;
  readonly holder: string | null;
}

/**
 * The approved claims of the staff member's sectors not yet in a batch, with their member's
 * default RIB (`lock`: held until the transaction ends): those a transfer can carry, their total,
 * and the count of the others.
 */
async function claimsToPay(
  q: Queryable,
  staff: CurrentUser,
  lock: boolean,
): Promise<{ payable: Waiting[]; totalCents: number; waitingForAccount: number }> {
  const claims = await q.query<Waiting>(
    `SELECT c.id, c.sector, c.approved_cents::int AS approved_cents, b.iban, b.bic, b.holder
       FROM claims c LEFT JOIN bank_accounts b ON b.member_id = c.member_id AND b.is_default
      WHERE c.status = 'approved' AND c.payout_id IS NULL AND c.approved_cents > 0
        AND ($1::text[] IS NULL OR c.sector = ANY($1))
      ORDER BY c.number${lock ? ' FOR UPDATE OF c' : ''}`,
    [payoutSectors(staff)],
  );
  const payable = claims.filter(transferable);
  return {
    payable,
    totalCents: payable.reduce((sum, c) => sum + c.approved_cents, 0),
    waitingForAccount: claims.length - payable.length,
  };
}

/** What « Préparer le lot » would hold now, for its confirmation: nothing is written. */
export async function payoutPreview(ctx: AppContext, staff: CurrentUser) {
  const { payable, totalCents, waitingForAccount } = await claimsToPay(ctx.db, staff, false);
  return { claims: payable.map((c) => c.id), totalCents, waitingForAccount };
}

/**
 * A payout batch: every approved claim of the staff member's sectors not yet in a batch whose member has a default bank
 * account a transfer can carry; the account is copied onto the claim, so a later change of RIB
 * never pays twice or elsewhere. Claims without such an account (none, or one kept from before
 * RIBs were checked as they are now) wait for the next batch, and are counted. With `expected`,
 * the claims its confirmation showed: another set now (a claim approved or paid since) is refused.
 */
export async function createPayout(
  ctx: AppContext,
  staff: CurrentUser,
  executionDate: string,
  expected?: readonly string[],
): Promise<{ payout: Payout; waitingForAccount: number }> {
  return ctx.db.transaction(async (tx) => {
    const { payable, totalCents: total, waitingForAccount } = await claimsToPay(tx, staff, true);
    if (payable.length === 0)
      throw new HttpError(
        409,
        'nothing_to_pay',
        'Aucune subvention accordée à verser (avec un RIB par défaut valide).',
      );
    if (expected && !sameIds(expected, payable))
      throw new HttpError(
        409,
        'claims_changed',
        `Aucun lot n’a été préparé : les subventions à verser ont changé depuis votre écran (${String(payable.length)} pour ${formatCents(total)} à présent). Relisez la confirmation, puis préparez le lot.`,
      );
    const { reference } = await nextNumber(tx, 'payout', Number(executionDate.slice(0, 4)));
    const [row] = await tx.query<Row>(
      `INSERT INTO payouts (reference, total_cents, claims, execution_date, created_by, sectors)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [
        reference,
        total,
        payable.length,
        executionDate,
        staff.id,
        [...new Set(payable.map((c) => c.sector))].sort(),
      ],
    );
    if (!row) throw new Error('no payout written');
    for (const claim of payable)
      await tx.query(
        'UPDATE claims SET payout_id = $2, iban = $3, bic = $4, holder = $5 WHERE id = $1 AND payout_id IS NULL',
        [claim.id, row.id, claim.iban, claim.bic, claim.holder],
      );
    await recordAudit(tx, staff.id, 'payout.create', 'payout', row.id, {
      claims: payable.length,
      totalCents: total,
    });
    return { payout: toPayout(row), waitingForAccount };
  });
}

/**
 * A batch, locked, if it was made only of claims of the staff member's sectors (else 404): a batch
 * of other sectors' claims is not this staff member's to send, nor to cancel. A cancelled batch is
 * refused (409): it is neither sent, nor exported, nor copied, nor cancelled again — its claims may
 * be in another.
 */
async function lockPayout(tx: Queryable, staff: CurrentUser, id: string): Promise<Payout> {
  const [row] = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM payouts WHERE id = $1 AND ${OF_SECTORS(2)} FOR UPDATE`,
    [requireUuid(id), payoutSectors(staff)],
  );
  if (!row) throw notFound();
  const payout = toPayout(row);
  if (payout.state === 'cancelled')
    throw new HttpError(
      409,
      'payout_cancelled',
      `Le lot ${payout.reference} est annulé : ses subventions attendent un prochain lot.`,
    );
  return payout;
}

/**
 * The last step of a batch: a person confirms, with the day, that the bank received the exported
 * file. Its claims become paid and each member is told the amount and the day; a batch is
 * confirmed once.
 */
export async function confirmPayoutSent(
  ctx: AppContext,
  staff: CurrentUser,
  id: string,
  sentOn: string,
): Promise<Payout> {
  return ctx.db.transaction(async (tx) => {
    const payout = await lockPayout(tx, staff, id);
    if (payout.state === 'prepared')
      throw new HttpError(
        409,
        'not_exported',
        `Le lot ${payout.reference} n’est pas encore exporté : exportez le fichier et remettez-le à la banque d’abord.`,
      );
    if (payout.state === 'sent')
      throw new HttpError(
        409,
        'already_sent',
        `Le lot ${payout.reference} est déjà confirmé comme envoyé à la banque.`,
      );
    // Confirmed when the bank's acknowledgement arrives: today, or in the month before.
    requireDayWithin(
      'sentOn',
      sentOn,
      ctx.today(),
      { pastDays: 31, futureDays: 0 },
      'le jour où la banque a reçu le fichier,',
    );
    await tx.query(
      'UPDATE payouts SET sent_on = $2, confirmed_by = $3, confirmed_at = now() WHERE id = $1',
      [id, sentOn, staff.id],
    );
    const paid = await tx.query<{
      number: number;
      type: ClaimType;
      approved_cents: number;
      email: string;
      first_name: string;
    }>(
      `UPDATE claims c SET status = 'paid' FROM users u
        WHERE c.payout_id = $1 AND u.id = c.member_id
        RETURNING c.number::int AS number, c.type, c.approved_cents::int AS approved_cents, u.email, u.first_name`,
      [id],
    );
    for (const claim of paid)
      await ctx.mailer.send(
        tx,
        claim.email,
        templates.claimPaid(ctx.organization, claim.first_name, {
          number: claim.number,
          label: CLAIM_TYPES[claim.type].label,
          amountCents: claim.approved_cents,
          sentOn,
        }),
      );
    await recordAudit(tx, staff.id, 'payout.sent', 'payout', id, {
      reference: payout.reference,
      sentOn,
    });
    return { ...payout, sentOn, state: 'sent' };
  });
}

/**
 * The batch's payout file. Exporting (`export`) validates it against the official
 * pain.001.001.03 schema — a file the bank would reject is refused (422) and the batch stays
 * open — then freezes the batch; its claims stay approved until a person confirms the bank
 * received it (`confirmPayoutSent`). A frozen batch gives the same file again (`copy`, and a
 * second `export`), and only a frozen one does.
 */
export async function payoutFile(
  ctx: AppContext,
  staff: CurrentUser,
  id: string,
  mode: 'export' | 'copy',
): Promise<{ reference: string; xml: string }> {
  const account = ctx.committeeAccount;
  if (!account)
    throw new HttpError(
      422,
      'no_committee_account',
      'Le compte du comité (COMMITTEE_IBAN, COMMITTEE_BIC) n’est pas configuré.',
    );
  return ctx.db.transaction(async (tx) => {
    const payout = await lockPayout(tx, staff, id);
    if (mode === 'copy' && !payout.exportedAt)
      throw new HttpError(
        409,
        'not_exported',
        `Le lot ${payout.reference} n’est pas encore exporté : exportez-le d’abord.`,
      );
    const claims = await tx.query<PaidClaim>(
      `SELECT number::int AS number, approved_cents::int AS approved_cents, iban, bic, holder, type, year
         FROM claims WHERE payout_id = $1 ORDER BY number`,
      [id],
    );
    const body = painDocument(ctx.organization, account, payout, claims);
    if (!payout.exportedAt) {
      const errors = await painSchemaErrors(body);
      if (errors.length > 0)
        throw new HttpError(
          422,
          'invalid_payout_file',
          `Le fichier de virement ne respecte pas le schéma pain.001.001.03 : ${errors.join(' ; ')}`,
        );
      await tx.query('UPDATE payouts SET exported_at = now() WHERE id = $1', [id]);
      await recordAudit(tx, staff.id, 'payout.export', 'payout', id, {
        reference: payout.reference,
      });
    }
    return { reference: payout.reference, xml: body };
  });
}

/**
 * A batch cancelled before the bank is confirmed to have received it: prepared by mistake, or
 * exported and then rejected by the bank (or never handed over). Its claims go back among those
 * waiting for a batch — the RIB copied onto them is cleared, the next batch copies the member's
 * default one again — and the batch stays listed, cancelled, with the reason. With
 * `expectedState`, the state its confirmation showed: a batch exported or confirmed meanwhile is
 * refused (409), nothing changed. Lock order: the batch's row, then its claims (as confirming it).
 */
export async function cancelPayout(
  ctx: AppContext,
  staff: CurrentUser,
  id: string,
  reason: string,
  expectedState?: Payout['state'],
): Promise<Payout> {
  return ctx.db.transaction(async (tx) => {
    const payout = await lockPayout(tx, staff, id);
    if (payout.state === 'sent')
      throw new HttpError(
        409,
        'already_sent',
        `Le lot ${payout.reference} ne peut plus être annulé : la banque l’a reçu, ses subventions sont versées.`,
      );
    if (expectedState && expectedState !== payout.state)
      throw new HttpError(
        409,
        'payout_changed',
        `Le lot ${payout.reference} n’a pas été annulé : son fichier a été exporté depuis votre écran. Relisez la confirmation, puis annulez-le si la banque ne l’a pas reçu.`,
      );
    const claims = await tx.query<{ id: string }>(
      `UPDATE claims SET payout_id = NULL, iban = NULL, bic = NULL, holder = NULL
        WHERE payout_id = $1 AND status = 'approved' RETURNING id`,
      [id],
    );
    await tx.query(
      'UPDATE payouts SET cancelled_at = now(), cancelled_by = $2, cancellation_reason = $3 WHERE id = $1',
      [id, staff.id, reason],
    );
    await recordAudit(tx, staff.id, 'payout.cancel', 'payout', id, {
      reference: payout.reference,
      exported: payout.exportedAt !== null,
      claims: claims.map((c) => c.id),
      reason,
    });
    return { ...payout, cancellationReason: reason, state: 'cancelled' };
  });
}
