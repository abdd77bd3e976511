import { DOCUMENT_LIMIT, type DocumentSummary } from '@entraide/contract';
import { useState } from 'react';
import { ApiError, refusalSentence, sendFile } from '../../shared/api.ts';
import { FilePicker } from '../../shared/file-picker.tsx';
import { SelectField } from '../../shared/form.tsx';
import { documentsField as msg } from '../../messages/agent-record.ts';

export const DOCUMENT_LABELS: Record<string, string> = {
  taxNotice: msg.avisImposition,
  spouseTaxNotice: msg.avisImpositionConjoint,
  payslip: msg.bulletinSalaire,
  pensionSlip: msg.titrePension,
  contract: msg.contratTravail,
  familyBook: msg.livretFamille,
  disabilityCard: msg.carteInvaliditeOuAttestation,
  other: msg.autreJustificatif,
};

/** Sends one PDF as the request body; the server judges it by its content, whatever its name. */
export const uploadPdf = (kind: string, file: File): Promise<DocumentSummary> =>
  sendFile<DocumentSummary>(
    'POST',
    `/api/me/documents?kind=${kind}&name=${encodeURIComponent(file.name)}`,
    file,
    DOCUMENT_LIMIT,
    'application/pdf',
  );

/** The record's documents: attach a PDF of a given kind, see and open those attached. */
export function DocumentsField({
  documents,
  attached,
  onAttach,
  disabled,
}: {
  readonly documents: readonly DocumentSummary[];
  readonly attached: readonly string[];
  readonly onAttach: (document: DocumentSummary) => void;
  readonly disabled: boolean;
}) {
  const [kind, setKind] = useState('taxNotice');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = documents.filter((d) => attached.includes(d.id));
  const send = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      onAttach(await uploadPdf(kind, file));
    } catch (e) {
      setError(e instanceof ApiError ? refusalSentence(e) : msg.documentPasPuEtre);
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset>
      <legend>{msg.justificatifsPdfUniquement10}</legend>
      {shown.length === 0 ? (
        <p>{msg.aucunJustificatifJoint}</p>
      ) : (
        <ul>
          {shown.map((d) => (
            <li key={d.id}>
              {DOCUMENT_LABELS[d.kind] ?? d.kind} :{' '}
              <a href={`/api/documents/${d.id}`} target="_blank" rel="noreferrer">
                {d.fileName}
              </a>
            </li>
          ))}
        </ul>
      )}
      {disabled ? null : (
        <>
          <SelectField
            label={msg.typeJustificatif}
            options={DOCUMENT_LABELS}
            value={kind}
            onChange={(e) => setKind(e.target.value)}
          />
          <FilePicker
            label={msg.fichierPdfJoindre}
            accept="application/pdf,.pdf"
            disabled={busy}
            error={error}
            errorRole="alert"
            onFile={(file) => void send(file)}
          />
        </>
      )}
    </fieldset>
  );
}
