import type { PartnerOfferInput } from '@entraide/contract';
import type { Database, Queryable } from '../../db/database.ts';
import { notFound, requireUuid } from '../../http.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { recordAudit } from '../audit/audit-log.ts';

export interface PartnerOffer extends PartnerOfferInput {
  readonly id: string;
}

export async function listOffers(db: Queryable): Promise<PartnerOffer[]> {
  const rows = await db.query<{
    id: string;
    partner: string;
    sector: PartnerOfferInput['sector'];
    description: string;
    code: string | null;
    url: string | null;
  }>(
    'SELECT id, partner, sector, description, code, url FROM partner_offers ORDER BY sector, partner',
  );
  return rows.map((r) => ({
    id: r.id,
    partner: r.partner,
    sector: r.sector,
    description: r.description,
    ...(r.code ? { code: r.code } : {}),
    ...(r.url ? { url: r.url } : {}),
  }));
}

/** Creates (id null) or updates an offer; every change is audited. */
export async function saveOffer(
  db: Database,
  staff: CurrentUser,
  id: string | null,
  input: PartnerOfferInput,
): Promise<PartnerOffer> {
  return db.transaction(async (tx) => {
    const values = [
      input.partner,
      input.sector,
      input.description,
      input.code ?? null,
      input.url ?? null,
    ];
    const [row] =
      id === null
        ? await tx.query<{ id: string }>(
            'INSERT INTO partner_offers (partner, sector, description, code, url) VALUES ($1, $2, $3, $4, $5) RETURNING id',
            values,
          )
        : await tx.query<{ id: string }>(
            'UPDATE partner_offers SET partner = $2, sector = $3, description = $4, code = $5, url = $6, updated_at = now() WHERE id = $1 RETURNING id',
            [requireUuid(id), ...values],
          );
    if (!row) throw notFound();
    await recordAudit(
      tx,
      staff.id,
      id === null ? 'partner_offer.create' : 'partner_offer.update',
      'partner_offer',
      row.id,
      { partner: input.partner },
    );
    return { id: row.id, ...input };
  });
}

export async function deleteOffer(db: Database, staff: CurrentUser, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    requireUuid(id);
    const [row] = await tx.query<{ partner: string }>(
      'DELETE FROM partner_offers WHERE id = $1 RETURNING partner',
      [id],
    );
    if (!row) throw notFound();
    await recordAudit(tx, staff.id, 'partner_offer.delete', 'partner_offer', id, {
      partner: row.partner,
    });
  });
}
