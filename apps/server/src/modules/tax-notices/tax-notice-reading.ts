// A tax notice read from its 2D-DOC: the figures the Fiche Agent needs, and whether the code is
// genuine (signed by a certificate of ANTS's trust list).
import { read2dDoc, taxNotice, TwoDDocError, type TaxNotice } from '@entraide/twoddoc';
import type { TaxNoticeDetails } from '@entraide/contract';
import { HttpError } from '../../http.ts';
import type { Queryable } from '../../db/database.ts';
import { checkDocumentSize, type DocumentStore } from '../household/documents.ts';
import { find2dDocs } from './code-finder.ts';
import type { Check, NoticeVerifier } from './trust-list.ts';

export interface TaxNoticeReading extends Check {
  readonly notice: TaxNotice;
}

const NO_CODE =
  'Aucun code 2D-DOC n’a été trouvé dans ce fichier : envoyez le PDF de l’avis téléchargé sur impots.gouv.fr, ou une photo nette et entière de sa première page.';

/**
 * The tax notice of a file's first readable 2D-DOC, or why none could be read (no code, or a
 * code that is not a tax notice's).
 */
export async function findTaxNotice(
  bytes: Uint8Array,
  verifier: NoticeVerifier,
): Promise<TaxNoticeReading | { readonly failure: string }> {
  let codes: string[];
  try {
    codes = await find2dDocs(bytes);
  } catch (error) {
    // A photo too large to decode is told its size; anything else, what to send.
    if (error instanceof HttpError) return { failure: error.message };
    return { failure: 'Ce fichier ne se lit pas : envoyez un PDF, ou une photo JPEG ou PNG.' };
  }
  let failure = NO_CODE;
  for (const code of codes) {
    try {
      const doc = read2dDoc(code);
      const notice = taxNotice(doc);
      return { notice, ...(await verifier.check(doc)) };
    } catch (error) {
      if (!(error instanceof TwoDDocError)) throw error;
      failure = `Le code de ce document ne se lit pas comme un avis d’impôt : ${error.message}.`;
    }
  }
  return { failure };
}

/**
 * What is kept of a notice read, with its document: the figures and the verdict (shown to the
 * member and the staff), the reference and the declarants with their tax numbers (shown to the
 * Fiche Agent staff only).
 */
export const noticeDetails = ({ notice, genuine, reason }: TaxNoticeReading): TaxNoticeDetails => ({
  referenceIncomeEuros: notice.referenceIncomeEuros,
  partsHundredths: notice.partsHundredths,
  incomeYear: notice.incomeYear,
  genuine,
  reason,
  noticeReference: notice.noticeReference,
  declarants: [notice.declarant1, ...(notice.declarant2 ? [notice.declarant2] : [])],
});

/** Reads the tax notice of an uploaded PDF, scan or photo (10 MB at most). */
export async function readTaxNotice(
  bytes: Uint8Array,
  verifier: NoticeVerifier,
): Promise<TaxNoticeReading> {
  checkDocumentSize(bytes);
  const found = await findTaxNotice(bytes, verifier);
  if ('failure' in found) throw new HttpError(422, 'no_tax_notice_code', found.failure);
  return found;
}

/**
 * The notices read but left unchecked (their authority's store could not answer, or the list did
 * not name it), checked again from their document's bytes: how many now have a verdict. 100 a run,
 * the least recently tried first (never tried, then oldest), each marked tried: notices that stay
 * unchecked (an authority newer than the list) take their turn after the others.
 */
export async function recheckNotices(
  db: Queryable,
  store: DocumentStore,
  verifier: NoticeVerifier,
): Promise<number> {
  const unchecked = await db.query<{ id: string; sha256: string }>(
    `SELECT id, sha256 FROM documents WHERE tax_notice -> 'genuine' = 'null'::jsonb
      ORDER BY notice_tried_at NULLS FIRST, created_at LIMIT 100`,
  );
  let checked = 0;
  for (const { id, sha256 } of unchecked) {
    const bytes = await store.find(sha256);
    const found = bytes && (await findTaxNotice(bytes, verifier));
    const verdict = found && !('failure' in found) && found.genuine !== null ? found : null;
    await db.query(
      `UPDATE documents SET notice_tried_at = now(), tax_notice = coalesce($2::jsonb, tax_notice)
        WHERE id = $1`,
      [id, verdict && JSON.stringify(noticeDetails(verdict))],
    );
    if (verdict) checked += 1;
  }
  return checked;
}
