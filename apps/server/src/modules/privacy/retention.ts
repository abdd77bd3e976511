// The retention policy (RGPD, docs/operations.md): income proofs are deleted a number of years
// after the Fiche Agent's year they served; documents that nothing uses, after a year. Invoices,
// payments and the receipts of paid claims are accounting records and are kept.
import type { Database } from '../../db/database.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { deleteDocuments, removeUnusedBytes, type DocumentStore } from '../household/documents.ts';

/** Tax notices (the spouse's too), payslips and pension slips: what proves a household's income. */
const INCOME_PROOFS = ['taxNotice', 'spouseTaxNotice', 'payslip', 'pensionSlip'];

export interface RetentionPolicy {
  /** Years after a Fiche Agent's year during which its income proofs are kept. */
  readonly incomeProofYears: number;
}

/** Applies the policy on the committee's day; returns how many documents were deleted. */
export async function applyRetention(
  db: Database,
  store: DocumentStore,
  today: string,
  policy: RetentionPolicy,
): Promise<number> {
  const lastYearPurged = Number(today.slice(0, 4)) - policy.incomeProofYears - 1;
  const deleted = await db.transaction(async (tx) => {
    const proofs = await deleteDocuments(
      tx,
      `d.kind = ANY($1)
         AND EXISTS (SELECT 1 FROM agent_records r WHERE d.id = ANY(r.document_ids) AND r.year <= $2)
         AND NOT EXISTS (SELECT 1 FROM agent_records r WHERE d.id = ANY(r.document_ids) AND r.year > $2)
         AND NOT EXISTS (SELECT 1 FROM claims c WHERE d.id = ANY(c.document_ids))
         AND NOT EXISTS (SELECT 1 FROM solidarity_requests s WHERE d.id = ANY(s.document_ids))`,
      [INCOME_PROOFS, lastYearPurged],
    );
    const unused = await deleteDocuments(
      tx,
      `d.created_at < now() - interval '1 year'
         AND NOT EXISTS (SELECT 1 FROM agent_records r WHERE d.id = ANY(r.document_ids))
         AND NOT EXISTS (SELECT 1 FROM claims c WHERE d.id = ANY(c.document_ids))
         AND NOT EXISTS (SELECT 1 FROM solidarity_requests s WHERE d.id = ANY(s.document_ids))`,
      [],
    );
    const all = [...proofs, ...unused];
    if (all.length > 0)
      await recordAudit(tx, null, 'retention.purge', 'documents', null, {
        incomeProofs: proofs.length,
        unused: unused.length,
        recordsUpTo: lastYearPurged,
      });
    return all;
  });
  await removeUnusedBytes(db, store, deleted);
  return deleted.length;
}
