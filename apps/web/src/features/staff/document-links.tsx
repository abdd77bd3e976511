import { DocumentToggle } from '../../shared/document-toggle.tsx';
import { formatDate } from '../../shared/format.ts';
import { DOCUMENT_LABELS } from '../agent-record/documents-field.tsx';
import { documentLinks as msg } from '../../messages/staff.ts';

/** A member's documents as links that open the PDF, each also shown in the page on request. */
export function DocumentLinks({
  documents,
}: {
  readonly documents: readonly { id: string; kind: string; fileName: string; createdAt: string }[];
}) {
  if (documents.length === 0) return <p>{msg.aucun}</p>;
  return (
    <ul>
      {documents.map((d) => (
        <li key={d.id}>
          <a href={`/api/documents/${d.id}`} target="_blank" rel="noreferrer">
            {d.fileName}
          </a>{' '}
          ({DOCUMENT_LABELS[d.kind] ?? d.kind}, {formatDate(d.createdAt.slice(0, 10))})
          <DocumentToggle url={`/api/documents/${d.id}`} title={d.fileName} />
        </li>
      ))}
    </ul>
  );
}
