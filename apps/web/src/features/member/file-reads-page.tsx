import { useEffect, useState } from 'react';
import { api } from '../../shared/api.ts';
import { FormAlert } from '../../shared/form.tsx';
import { formatDate } from '../../shared/format.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { RequireUser } from './require-user.tsx';

interface FileRead {
  at: string;
  by: string;
  role: string;
  what: string;
}

/** « 2021-04-15 10:32:05.1+00 » as « 15/04/2021 à 10 h 32 » (the server's time zone). */
const when = (at: string): string => `${formatDate(at)} à ${at.slice(11, 16).replace(':', ' h ')}`;

function Reads() {
  const [reads, setReads] = useState<FileRead[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ reads: FileRead[] }>('GET', '/api/me/file-reads').then(
      (answer) => setReads(answer.reads),
      (e: unknown) => setError(e instanceof Error ? e.message : 'Chargement impossible.'),
    );
  }, []);
  if (error) return <FormAlert message={error} />;
  if (!reads) return <p role="status">Chargement…</p>;
  if (reads.length === 0)
    return <p>Personne du comité n’a encore consulté votre dossier ni vos documents.</p>;
  return (
    <ul className="cards">
      {reads.map((r) => (
        <li key={`${r.at}-${r.what}`}>
          <strong>{when(r.at)}</strong> — {r.by} ({r.role}) a consulté {r.what}.
        </li>
      ))}
    </ul>
  );
}

/** « Qui a consulté mon dossier » : every reading of the member's file by the committee's staff. */
export function FileReadsPage() {
  return (
    <RequireUser>
      <PageTitle>Qui a consulté mon dossier</PageTitle>
      <p>
        Les gestionnaires ne voient vos documents que lorsque leur travail l’exige (validation de la
        Fiche Agent, traitement d’une demande de subvention) ; chaque consultation est enregistrée
        ici.
      </p>
      <Reads />
    </RequireUser>
  );
}
