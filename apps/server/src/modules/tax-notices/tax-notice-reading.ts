// A tax notice read from its 2D-DOC: the figures the Fiche Agent needs, and whether the code is
// genuine (signed by a certificate of ANTS's trust list).
import { read2dDoc, taxNotice, TwoDDocError, type TaxNotice } from '@entraide/twoddoc';
import type { TaxNoticeDetails } from '@entraide/contract';
import { HttpError } from '../../http.ts';
import { checkDocumentSize } from '../household/documents.ts';
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
  } catch {
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
