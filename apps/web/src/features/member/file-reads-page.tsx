import type { FileRead } from '@entraide/contract';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { formatTimestamp } from '../../shared/format.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { RequireUser } from './require-user.tsx';
import { fileReadsPage as msg } from '../../messages/member.ts';

function Reads() {
  const [reads, setReads] = useState<FileRead[] | null>(null);
  const loading = useLoad(async () =>
    setReads((await api<{ reads: FileRead[] }>('GET', '/api/me/file-reads')).reads),
  );
  if (!reads) return <Loading {...loading} />;
  if (reads.length === 0) return <p>{msg.personneComiteEncoreConsulte}</p>;
  return (
    <ul className="cards">
      {reads.map((r) => (
        <li key={`${r.at}-${r.what}`}>
          <strong>{formatTimestamp(r.at)}</strong> {msg.consulte(r.by, r.role, r.what)}
        </li>
      ))}
    </ul>
  );
}

/** « Qui a consulté mon dossier » : every reading of the member's file by the committee's staff. */
export function FileReadsPage() {
  return (
    <RequireUser>
      <PageTitle>{msg.quiConsulteMonDossier}</PageTitle>
      <p>{msg.gestionnairesNeVoientVos}</p>
      <Reads />
    </RequireUser>
  );
}
