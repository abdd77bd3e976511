// A tax notice read from its 2D-DOC: the figures the Fiche Agent needs, and whether the code is
// genuine (signed by a certificate of the ANTS trust list, when one is installed).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  read2dDoc,
  taxNotice,
  TwoDDocError,
  verify2dDoc,
  type TaxNotice,
  type TrustList,
} from '@entraide/twoddoc';
import type { TaxNoticeDetails } from '@entraide/contract';
import { HttpError } from '../../http.ts';
import { checkDocumentSize } from '../household/documents.ts';
import { find2dDocs } from './code-finder.ts';

export interface TaxNoticeReading {
  readonly notice: TaxNotice;
  /** true: signed by a certificate of the trust list; false: forged or altered; null: unchecked. */
  readonly genuine: boolean | null;
  /** Why it is not genuine, or why it could not be checked, in French. */
  readonly reason: string | null;
}

/** `TRUST_LIST_DIR/trust-list.json`, when the committee installed ANTS's list there. */
export function loadTrustList(dir: string | null): TrustList | null {
  const file = dir ? join(dir, 'trust-list.json') : null;
  return file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as TrustList) : null;
}

const NO_CODE =
  'Aucun code 2D-DOC n’a été trouvé dans ce fichier : envoyez le PDF de l’avis téléchargé sur impots.gouv.fr, ou une photo nette et entière de sa première page.';

/**
 * The tax notice of a file's first readable 2D-DOC, or why none could be read (no code, or a
 * code that is not a tax notice's).
 */
export async function findTaxNotice(
  bytes: Uint8Array,
  trustList: TrustList | null,
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
      if (!trustList)
        return {
          notice,
          genuine: null,
          reason:
            'La liste de confiance de l’ANTS n’est pas installée : l’avis est lu, pas vérifié.',
        };
      const verdict = await verify2dDoc(doc, trustList);
      return verdict.valid
        ? { notice, genuine: true, reason: null }
        : { notice, genuine: false, reason: verdict.reason };
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
  trustList: TrustList | null,
): Promise<TaxNoticeReading> {
  checkDocumentSize(bytes);
  const found = await findTaxNotice(bytes, trustList);
  if ('failure' in found) throw new HttpError(422, 'no_tax_notice_code', found.failure);
  return found;
}
