// Closing an account (RGPD, right to erasure): what must not be kept is deleted or anonymised at
// once; what the law requires the committee to keep (invoices, payments, the receipts and
// figures behind subsidies paid: 10 years) stays, with no name attached but the account's number.
import type { Queryable } from '../../db/database.ts';
import { HttpError, invalidField } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import { passwordMatches } from '../accounts/secrets.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { invoiceAccount } from '../billing/payment-plans.ts';
import { memberInvoices } from '../billing/invoices.ts';
import { deleteDocuments, removeUnusedBytes, type DocumentStore } from '../household/documents.ts';
import { lockMember } from '../accounts/members.ts';

/** What stops an account from closing now, in words the member understands. */
async function pendingMatters(tx: Queryable, memberId: string, today: string): Promise<string[]> {
  const matters: string[] = [];
  let owed = 0;
  for (const invoice of await memberInvoices(tx, memberId))
    if (invoice.kind === 'invoice') owed += (await invoiceAccount(tx, invoice.id)).balanceCents;
  if (owed > 0) matters.push('une facture reste à payer');
  const [open] = await tx.query<{ stays: number; claims: number; loans: number }>(
    `SELECT (SELECT count(*)::int FROM registration_requests r
              LEFT JOIN activity_sessions s ON s.id = r.placed_session_id
             WHERE r.member_id = $1 AND r.status IN ('requested', 'waiting', 'confirmed')
               AND (s.last_day IS NULL OR s.last_day >= $2)) AS stays,
            (SELECT count(*)::int FROM claims c LEFT JOIN payouts p ON p.id = c.payout_id
             WHERE c.member_id = $1 AND (c.status = 'submitted'
               OR (c.status = 'approved' AND c.approved_cents > 0 AND p.exported_at IS NULL))) AS claims,
            (SELECT count(*)::int FROM solidarity_requests WHERE member_id = $1 AND status = 'submitted') AS loans`,
    [memberId, today],
  );
  if ((open?.stays ?? 0) > 0) matters.push('une demande d’inscription ou un séjour est en cours');
  if ((open?.claims ?? 0) > 0) matters.push('une subvention attend sa décision ou son virement');
  if ((open?.loans ?? 0) > 0) matters.push('une demande Solidarité attend sa décision');
  return matters;
}

export async function closeAccount(
  ctx: AppContext,
  store: DocumentStore,
  member: CurrentUser,
  password: string,
): Promise<void> {
  const [row] = await ctx.db.query<{ password_hash: string | null }>(
    'SELECT password_hash FROM users WHERE id = $1',
    [member.id],
  );
  if (!(await passwordMatches(row?.password_hash ?? null, password)))
    throw invalidField('password', 'mot de passe incorrect : saisissez celui de votre compte');
  const deleted = await ctx.db.transaction(async (tx) => {
    await lockMember(tx, member.id);
    const matters = await pendingMatters(tx, member.id, ctx.today());
    if (matters.length > 0)
      throw new HttpError(
        409,
        'account_in_use',
        `Votre compte ne peut pas encore être fermé : ${matters.join(' ; ')}. Écrivez au comité si vous souhaitez y renoncer.`,
      );
    // Accounting pieces stay: receipts of claims that were paid. Everything else goes.
    const documents = await deleteDocuments(
      tx,
      `d.member_id = $1 AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.member_id = d.member_id AND d.id = ANY(c.document_ids) AND c.status IN ('approved', 'paid'))`,
      [member.id],
    );
    for (const table of ['sessions', 'one_time_tokens', 'passkeys', 'recovery_codes'])
      await tx.query(`DELETE FROM ${table} WHERE user_id = $1`, [member.id]);
    for (const table of ['bank_accounts', 'dependants'])
      await tx.query(`DELETE FROM ${table} WHERE member_id = $1`, [member.id]);
    await tx.query(
      'DELETE FROM mail_outbox WHERE to_address = (SELECT email FROM users WHERE id = $1)',
      [member.id],
    );
    // The figures that justified subsidies stay; the names of the family do not. A Fiche sent
    // for validation is withdrawn from the staff's queue (no decision is made on a closed account).
    await tx.query(
      `UPDATE agent_records SET dependants = (
          SELECT coalesce(jsonb_agg(d || jsonb_build_object('lastName', '', 'firstName', 'Personne ' || n)), '[]')
            FROM jsonb_array_elements(dependants) WITH ORDINALITY AS x(d, n)),
          document_ids = '{}', rejection_reason = NULL,
          status = CASE status WHEN 'submitted' THEN 'draft' ELSE status END,
          submitted_at = CASE status WHEN 'submitted' THEN NULL ELSE submitted_at END
        WHERE member_id = $1`,
      [member.id],
    );
    await tx.query(
      `UPDATE registration_requests SET participant = participant || '{"firstName": "Participant", "lastName": ""}'
        WHERE member_id = $1`,
      [member.id],
    );
    await tx.query(`UPDATE solidarity_requests SET purpose = '' WHERE member_id = $1`, [member.id]);
    await tx.query(
      `UPDATE users SET email = 'compte-ferme-' || id || '@invalid', last_name = 'Compte fermé', first_name = '',
              birth_date = '1900-01-01', matricule = NULL, phone = NULL, address = NULL, password_hash = NULL,
              totp_secret = NULL, totp_pending_secret = NULL, closed_at = now()
        WHERE id = $1`,
      [member.id],
    );
    await recordAudit(tx, member.id, 'account.close', 'member', member.id, {
      documents: documents.length,
    });
    return documents;
  });
  await removeUnusedBytes(ctx.db, store, deleted);
}
