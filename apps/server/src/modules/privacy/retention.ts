// The retention policy (RGPD, docs/operations.md): income proofs are deleted a number of years
// after the Fiche Agent's year they served; documents that nothing uses, after a year. Invoices,
// payments and the receipts of paid claims are accounting records and are kept.
import type { Database } from '../../db/database.ts';
import { recordAudit } from '../audit/audit-log.ts';
import {
  deleteDocuments,
  removeUnusedBytes,
  RETENTION_LOCK,
  type DocumentStore,
} from '../household/documents.ts';

/** Tax notices (the spouse's too), payslips and pension slips: what proves a household's income. */
const INCOME_PROOFS = ['taxNotice', 'spouseTaxNotice', 'payslip', 'pensionSlip'];

/**
 * Whether the document `d` is among those of a row of `table` that meets `where`. The rows' lists
 * are unnested, so that PostgreSQL reads each table once and joins by hash: tested document by
 * document against every list (`d.id = ANY(x.document_ids)`), a committee of 35 000 members took
 * hours (docs/benchmarks.md, « The retention job at a committee's size »).
 */
const listedIn = (table: string, where = 'true'): string =>
  `EXISTS (SELECT 1 FROM ${table} x, unnest(x.document_ids) AS listed(id) WHERE listed.id = d.id AND ${where})`;

/** Receipts of claims and proofs of Solidarité requests: kept with them. */
const IN_NO_CLAIM_OR_REQUEST = `NOT ${listedIn('claims')} AND NOT ${listedIn('solidarity_requests')}`;

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
    // After the use cases attaching documents now, before those to come (`keepFromRetention`):
    // what they list is read by the statements below.
    await RETENTION_LOCK.exclusive(tx);
    const proofs = await deleteDocuments(
      tx,
      `d.kind = ANY($1)
         AND ${listedIn('agent_records', 'x.year <= $2')}
         AND NOT ${listedIn('agent_records', 'x.year > $2')}
         AND ${IN_NO_CLAIM_OR_REQUEST}`,
      [INCOME_PROOFS, lastYearPurged],
    );
    const unused = await deleteDocuments(
      tx,
      `d.created_at < now() - interval '1 year'
         AND NOT ${listedIn('agent_records')}
         AND ${IN_NO_CLAIM_OR_REQUEST}`,
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
