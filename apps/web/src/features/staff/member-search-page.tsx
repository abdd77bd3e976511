import type { MemberFile, MemberSearchHit } from '@entraide/contract';
import { useState, type SyntheticEvent } from 'react';
import { Link } from 'wouter';
import { api } from '../../shared/api.ts';
import { Field, FormAlert } from '../../shared/form.tsx';
import { formatDate, formatTimestamp } from '../../shared/format.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { DocumentLinks } from './document-links.tsx';
import { StaffNav } from './staff-nav.tsx';
import { RELATION_LABELS } from '../../messages/labels.ts';
import { memberSearchPage as msg } from '../../messages/staff.ts';

const STATUS: Record<string, string> = {
  draft: 'brouillon',
  submitted: msg.envoyee,
  validated: msg.validee,
  rejected: msg.refusee,
};

function FileView({ file }: { readonly file: MemberFile }) {
  const { profile } = file;
  const { session } = useSession();
  return (
    <section aria-labelledby="dossier" className="card">
      <h2 id="dossier">{msg.dossier(profile.firstName, profile.lastName, profile.identifier)}</h2>
      <p>{msg.courriel(profile.email)}</p>
      <h3>{msg.ayantsDroit}</h3>
      {profile.dependants.length === 0 ? (
        <p>{msg.aucun}</p>
      ) : (
        <ul>
          {profile.dependants.map((d) => (
            <li key={`${d.firstName}-${d.birthDate}`}>
              {msg.naissance(
                d.firstName,
                d.lastName,
                RELATION_LABELS[d.relation],
                formatDate(d.birthDate),
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>{msg.fichesAgentVersions}</h3>
      {file.records.length === 0 ? (
        <p>{msg.aucune}</p>
      ) : (
        <ul>
          {file.records.map((r) => (
            <li key={r.id}>
              {msg.ficheVersion(
                r.year,
                r.version,
                STATUS[r.status] ?? r.status,
                r.packId ? ` (${r.packId})` : '',
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>{msg.documents}</h3>
      <DocumentLinks documents={file.documents} />
      <h3>{msg.rib}</h3>
      {file.bankAccounts.length === 0 ? (
        <p>{msg.aucun}</p>
      ) : (
        <ul>
          {file.bankAccounts.map((a) => (
            <li key={a.id}>
              {a.ibanMasked}
              {a.isDefault ? msg.parDefaut : ''}
            </li>
          ))}
        </ul>
      )}
      <h3>{msg.journal}</h3>
      <ul>
        {file.audit.map((entry) => (
          <li key={entry.id}>
            {formatTimestamp(entry.createdAt)} — {entry.actor ?? msg.systeme} — {entry.label}
            {entry.detail ? ` — ${entry.detail}` : ''}
          </li>
        ))}
      </ul>
      {session?.user?.role === 'admin' ? (
        <p>
          <Link to={`/gestion/journal?member=${encodeURIComponent(profile.identifier)}`}>
            {msg.journalComplet(profile.identifier)}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

export function MemberSearchPage() {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<MemberSearchHit[] | null>(null);
  const [file, setFile] = useState<MemberFile | null>(null);
  const { busy, alert, fields, run } = useSubmit();
  const search = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      setFile(null);
      setHits(
        (
          await api<{ members: MemberSearchHit[] }>(
            'GET',
            `/api/staff/members?q=${encodeURIComponent(query)}`,
          )
        ).members,
      );
    });
  };
  const open = (hit: MemberSearchHit) =>
    void run(async () => {
      setFile(await api<MemberFile>('GET', `/api/staff/members/${hit.id}`));
    });
  return (
    <RequireUser staff>
      <PageTitle>{msg.adherents}</PageTitle>
      <StaffNav />
      <FormAlert message={alert} />
      <form onSubmit={search} noValidate role="search">
        <Field
          label={msg.nomIdentifiantCaesOu}
          name="q"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          error={fields.q}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {msg.rechercher}
          </button>
        </div>
      </form>
      {hits === null ? null : hits.length === 0 ? (
        <p role="status">{msg.aucunAdherentTrouve}</p>
      ) : (
        <ul aria-label={msg.resultats}>
          {hits.map((hit) => (
            <li key={hit.id}>
              <button type="button" className="link" onClick={() => open(hit)}>
                {hit.lastName} {hit.firstName}
              </button>{' '}
              — {hit.identifier}
              {hit.matricule ? msg.matricule(hit.matricule) : ''}
            </li>
          ))}
        </ul>
      )}
      {file ? <FileView file={file} /> : null}
    </RequireUser>
  );
}
