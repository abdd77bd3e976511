import type { DocumentSummary } from '@entraide/contract';
import { useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { FilePicker } from '../../shared/file-picker.tsx';
import { SelectField } from '../../shared/form.tsx';

export const DOCUMENT_LABELS: Record<string, string> = {
  taxNotice: 'Avis d’imposition',
  payslip: 'Bulletin de salaire',
  pensionSlip: 'Titre de pension',
  contract: 'Contrat de travail',
  familyBook: 'Livret de famille',
  disabilityCard: 'Carte d’invalidité ou attestation de handicap',
  other: 'Autre justificatif',
};

/** Sends one PDF as the request body; the server judges it by its content, whatever its name. */
export const uploadPdf = (kind: string, file: File): Promise<DocumentSummary> =>
  api<DocumentSummary>(
    'POST',
    `/api/me/documents?kind=${kind}&name=${encodeURIComponent(file.name)}`,
    file,
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
      setError(e instanceof ApiError ? e.message : 'Le document n’a pas pu être envoyé.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset>
      <legend>Justificatifs (PDF uniquement, 10 Mo au plus)</legend>
      {shown.length === 0 ? (
        <p>Aucun justificatif joint.</p>
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
            label="Type de justificatif"
            options={DOCUMENT_LABELS}
            value={kind}
            onChange={(e) => setKind(e.target.value)}
          />
          <FilePicker
            label="Fichier PDF à joindre"
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
