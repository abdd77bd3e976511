import type { DocumentSummary } from '@entraide/contract';
import { useState } from 'react';
import { ApiError, refusalSentence } from '../../shared/api.ts';
import { FilePicker } from '../../shared/file-picker.tsx';
import { formatNumber } from '../../shared/format.ts';
import { taxNoticeReader as msg } from '../../messages/agent-record.ts';
import { uploadPdf } from './documents-field.tsx';

/**
 * « Lire mon avis d'impôt »: the member sends the tax site's PDF; its 2D-DOC gives the revenu
 * fiscal de référence, proposed in the field with what the code is worth (verified, read but
 * not verified, altered), and the notice is attached to the Fiche.
 */
export function TaxNoticeReader({
  kind = 'taxNotice',
  incomeYear,
  disabled,
  onRead,
}: {
  /** The member's own notice, or the spouse's (CNRS, a couple that files two). */
  readonly kind?: 'taxNotice' | 'spouseTaxNotice';
  /** The income year the pack asks for (Inserm: N-2; CNRS: the pack's). */
  readonly incomeYear: number;
  readonly disabled: boolean;
  readonly onRead: (document: DocumentSummary) => void;
}) {
  const [notice, setNotice] = useState<DocumentSummary['taxNotice']>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const read = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const document = await uploadPdf(kind, file);
      setNotice(document.taxNotice);
      if (!document.taxNotice) setError(msg.aucunCode);
      onRead(document);
    } catch (e) {
      setError(e instanceof ApiError ? refusalSentence(e) : msg.pasPuEtreLu);
    } finally {
      setBusy(false);
    }
  };
  const wrongYear = notice && notice.incomeYear !== incomeYear;
  return (
    <div className="card" aria-live="polite">
      <FilePicker
        label={kind === 'taxNotice' ? msg.lireMonAvis : msg.lireAvisConjoint}
        hint={kind === 'taxNotice' ? msg.lireMonAvisAide : msg.lireAvisConjointAide}
        accept="application/pdf,.pdf"
        disabled={disabled || busy}
        error={error ?? undefined}
        onFile={(file) => void read(file)}
      />
      {busy ? <p role="status">{msg.lectureEnCours}</p> : null}
      {notice ? (
        <>
          <p>
            <strong
              className={`badge badge-wrap ${notice.genuine === true ? 'badge-open' : notice.genuine === false ? 'badge-late' : ''}`}
            >
              {notice.genuine === true
                ? msg.avisVerifie
                : notice.genuine === false
                  ? msg.avisSignatureInvalide
                  : msg.avisLuNonVerifie}
            </strong>
          </p>
          {notice.reason ? <p className="hint">{notice.reason}</p> : null}
          <p>
            {msg.chiffresLus(
              notice.referenceIncomeEuros === null
                ? '—'
                : formatNumber(notice.referenceIncomeEuros),
              notice.partsHundredths / 100,
              notice.incomeYear,
            )}
          </p>
          {wrongYear ? (
            <p role="alert">{msg.mauvaiseAnnee(notice.incomeYear, incomeYear)}</p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
