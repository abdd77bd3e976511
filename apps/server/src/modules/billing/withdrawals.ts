import type { ActivitySector } from '@entraide/contract';
import { addDays } from './working-days.ts';
import { formatCents, formatIsoDate } from '@entraide/rules';
import type { Database, Queryable } from '../../db/database.ts';
import { notFound, requireUuid } from '../../http.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AppContext } from '../accounts/context.ts';
import { templates } from '../notifications/templates.ts';
import { PLACE_INVOICE_IN_FORCE } from './invoices.ts';
import { invoiceAccount, lockedInvoiceAccount } from './payment-plans.ts';
import { cancelLockedPlace, lockPlaceRequest } from './place-changes.ts';
import { lockSessions } from '../registrations/places.ts';

/** A confirmed place still owing money on its invoice in force, as the job sees it. */
interface UnpaidPlace {
  readonly id: string;
  readonly invoice_id: string;
  readonly reference: string;
  readonly first_day: string;
  readonly stay: string;
  readonly email: string;
  readonly first_name: string;
  readonly warned_on: string | null;
  readonly pack_id: string;
  readonly sector: ActivitySector;
}

/**
 * Confirmed places not started yet (after `today`) and starting on or before `until`, without
 * instalments agreed by staff.
 */
async function unpaidPlaces(db: Queryable, today: string, until: string): Promise<UnpaidPlace[]> {
  const rows = await db.query<UnpaidPlace>(
    `SELECT r.id, i.id AS invoice_id, i.reference, s.first_day::text AS first_day,
            a.title || ', ' || s.label AS stay, u.email, u.first_name, r.unpaid_warned_on::text AS warned_on,
            rec.pack_id, i.sector
       FROM registration_requests r
       JOIN activity_sessions s ON s.id = r.placed_session_id
       JOIN activities a ON a.id = s.activity_id
       JOIN users u ON u.id = r.member_id
       JOIN agent_records rec ON rec.id = r.record_id
       JOIN invoices i ON i.registration_id = r.id AND ${PLACE_INVOICE_IN_FORCE}
      WHERE r.status = 'confirmed' AND NOT r.instalments_agreed AND s.first_day > $1 AND s.first_day <= $2
      ORDER BY s.first_day, r.number`,
    [today, until],
  );
  const unpaid: UnpaidPlace[] = [];
  for (const row of rows)
    if ((await invoiceAccount(db, row.invoice_id)).balanceCents > 0) unpaid.push(row);
  return unpaid;
}

/**
 * The scheduled job (CNRS conditions: "en cas de paiement incomplet un mois avant le départ,
 * nous considérons qu'il s'agit d'un désistement"). A week before the month, the family is
 * warned once; from the month on, a place still unpaid after its warning is cancelled with the
 * schedule's fee and its lodging freed — unless staff agreed instalments. Packs without the
 * rule (Inserm) are left alone.
 */
export async function withdrawUnpaidPlaces(
  ctx: AppContext,
): Promise<{ warned: number; withdrawn: number }> {
  const today = ctx.today();
  const rules = ctx.packs
    .all()
    .map((pack) => pack.data.unpaidWithdrawal)
    .filter((rule) => rule !== undefined);
  const farthest = Math.max(0, ...rules.map((r) => r.daysBeforeStart + r.warnDaysEarlier));
  let warned = 0;
  let withdrawn = 0;
  for (const place of await unpaidPlaces(ctx.db, today, addDays(today, farthest))) {
    const rule = ctx.packs.get(place.pack_id).data.unpaidWithdrawal;
    if (!rule) continue;
    const payBy = addDays(place.first_day, -rule.daysBeforeStart);
    await ctx.db.transaction(async (tx) => {
      // Read again under the locks the cancellation below takes, in the lock order: the request
      // with the waiting list it may free, its session, then its invoice — a payment being
      // recorded is waited for, and a place paid meanwhile is kept (it was read before the
      // invoice's lock, and withdrawn however paid).
      const current = await lockPlaceRequest(tx, place.id);
      if (
        current?.status !== 'confirmed' ||
        current.instalments_agreed ||
        !current.placed_session_id
      )
        return;
      await lockSessions(tx, [current.placed_session_id]);
      const account = await lockedInvoiceAccount(tx, place.invoice_id);
      if (account.balanceCents <= 0) return;
      if (place.warned_on === null) {
        if (today < addDays(payBy, -rule.warnDaysEarlier)) return;
        await ctx.mailer.send(
          tx,
          place.email,
          templates.unpaidWarning(ctx.organization, place.sector, place.first_name, {
            reference: place.reference,
            stay: place.stay,
            balance: formatCents(account.balanceCents),
            payBy: formatIsoDate(payBy),
          }),
        );
        await tx.query('UPDATE registration_requests SET unpaid_warned_on = $2 WHERE id = $1', [
          place.id,
          today,
        ]);
        warned += 1;
        return;
      }
      // A week's notice at least, and never before the month.
      if (today < payBy || today < addDays(place.warned_on, rule.warnDaysEarlier)) return;
      const result = await cancelLockedPlace(ctx, tx, null, place.id, {
        organismFeeCents: 0,
        justified: false,
        noShow: false,
      });
      await ctx.mailer.send(
        tx,
        place.email,
        templates.placeWithdrawn(ctx.organization, place.sector, place.first_name, {
          reference: place.reference,
          stay: place.stay,
          fee: formatCents(result.feeCents),
          refund: formatCents(result.refundCents),
        }),
      );
      withdrawn += 1;
    });
  }
  return { warned, withdrawn };
}

/** Staff agree (or withdraw) instalments for a place: the job then leaves it alone; audited. */
export async function agreeInstalments(
  db: Database,
  staff: CurrentUser,
  id: string,
  agreed: boolean,
): Promise<{ agreed: boolean }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `UPDATE registration_requests SET instalments_agreed = $2 WHERE id = $1 AND status = 'confirmed' RETURNING id`,
      [requireUuid(id), agreed],
    );
    if (!row) throw notFound();
    await recordAudit(tx, staff.id, 'registration.instalments', 'registration', id, { agreed });
    return { agreed };
  });
}
