import type { AgentRecordAnswer, DocumentSummary } from '@entraide/contract';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { FormAlert, Notice, ScrollingTable, SelectField } from '../../shared/form.tsx';
import { formatCents, formatDate } from '../../shared/format.ts';
import { RECORD_STATUS_LABELS, RELATION_LABELS, SECTOR_LABELS } from '../../shared/labels.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { ConfirmAction } from '../../shared/confirm-action.tsx';
import { count, of } from '../../shared/french.ts';
import { BulkSection, bulkNotice, type BulkAnswer } from '../../shared/bulk-section.tsx';
import { DataTable, tickColumn } from '../../shared/data-table.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { DocumentLinks } from './document-links.tsx';
import { StaffNav } from './staff-nav.tsx';

interface QueueEntry {
  id: string;
  identifier: string;
  lastName: string;
  firstName: string;
  year: number;
  version: number;
  submittedAt: string | null;
  changes: number | null;
}

interface RecordFile {
  record: AgentRecordAnswer;
  versions: AgentRecordAnswer[];
  documents: DocumentSummary[];
  changes: {
    since: { year: number; version: number };
    list: { label: string; before: string; after: string }[];
  } | null;
}

/** What changed since the Fiche last validated: what staff check first. */
function Changes({ changes }: { readonly changes: RecordFile['changes'] }) {
  if (changes === null)
    return <p>Première Fiche de cet agent : rien de validé avant elle à comparer.</p>;
  const since = `la Fiche ${changes.since.year} validée (version ${changes.since.version})`;
  if (changes.list.length === 0) return <p>Rien n’a changé depuis {since}.</p>;
  return (
    <ScrollingTable label="Changements">
      <table className="changes">
        <caption>Changements depuis {since}</caption>
        <thead>
          <tr>
            <th scope="col">Élément</th>
            <th scope="col">Avant</th>
            <th scope="col">Maintenant</th>
          </tr>
        </thead>
        <tbody>
          {changes.list.map((c) => (
            <tr key={`${c.label}-${c.before}-${c.after}`}>
              <th scope="row">{c.label}</th>
              <td>{c.before}</td>
              <td>
                <mark>{c.after}</mark>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

function RecordReview({
  entry,
  onDecided,
}: {
  readonly entry: QueueEntry;
  readonly onDecided: (message: string) => void;
}) {
  const [file, setFile] = useState<RecordFile | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  useEffect(() => {
    void api<RecordFile>('GET', `/api/staff/agent-records/${entry.id}`).then(setFile);
  }, [entry.id]);
  const decide = async (decision: 'validate' | 'reject', reason = '') => {
    setAlert(null);
    try {
      if (decision === 'validate') {
        const record = await api<AgentRecordAnswer>(
          'POST',
          `/api/staff/agent-records/${entry.id}/validate`,
        );
        onDecided(
          `Fiche ${record.year} de ${entry.firstName} ${entry.lastName} validée : ${String(record.parts)} parts, QF ${formatCents(record.quotientCents ?? 0)}.`,
        );
      } else {
        await api('POST', `/api/staff/agent-records/${entry.id}/reject`, { reason });
        onDecided(`Fiche ${entry.year} de ${entry.firstName} ${entry.lastName} refusée.`);
      }
    } catch (error) {
      setAlert(
        error instanceof ApiError ? (Object.values(error.fields)[0] ?? error.message) : 'Erreur',
      );
    }
  };
  if (!file) return <p role="status">Chargement…</p>;
  const { record } = file;
  return (
    <section aria-labelledby={`review-${entry.id}`} className="card">
      <h2 id={`review-${entry.id}`}>
        {entry.firstName} {entry.lastName} ({entry.identifier}) — Fiche {record.year}, version{' '}
        {record.version}
      </h2>
      <FormAlert message={alert} />
      <h3>Ce qui a changé</h3>
      <Changes changes={file.changes} />
      <h3>La Fiche envoyée</h3>
      <p>
        Revenu fiscal de référence :{' '}
        {record.taxIncomeEuros === null
          ? 'non renseigné'
          : formatCents(record.taxIncomeEuros * 100)}
        {record.couple ? ' — en couple' : ' — sans conjoint'}
        {record.memberDisabled ? ' — agent handicapé' : ''}
        {record.situationChangedOn
          ? ` — situation familiale changée le ${formatDate(record.situationChangedOn)}`
          : ''}
      </p>
      <ul>
        {record.dependants.map((d) => (
          <li key={`${d.relation}-${d.firstName}-${d.birthDate}`}>
            {RELATION_LABELS[d.relation]} : {d.firstName} {d.lastName}, naissance le{' '}
            {formatDate(d.birthDate)}
            {d.sharedCustody ? ', garde partagée' : ''}
            {d.relation === 'child' && !d.fiscallyDependent
              ? ', à la charge fiscale de l’autre parent'
              : ''}
            {d.disabled
              ? `, handicap (justificatif : ${file.documents.find((doc) => doc.id === d.disabilityProofId)?.fileName ?? 'manquant'})`
              : ''}
          </li>
        ))}
      </ul>
      <h3>Justificatifs</h3>
      <DocumentLinks documents={file.documents} />
      <p>
        Versions :{' '}
        {file.versions.map((v) => `${v.version} (${RECORD_STATUS_LABELS[v.status]})`).join(', ')}
      </p>
      <div className="actions">
        <ConfirmAction
          label="Valider la fiche"
          title={`Valider la Fiche ${record.year} ${of(`${entry.firstName} ${entry.lastName}`)} ?`}
          effect={
            <p>
              Ses parts, son quotient familial, ses taux et son plafond {record.year} s’appliquent
              aussitôt à ses demandes et devis ; {entry.firstName} reçoit un courriel. Une
              modification ultérieure passera par une nouvelle version.
            </p>
          }
          confirmLabel="Valider la fiche"
          onConfirm={() => void decide('validate')}
        />
        <ConfirmAction
          secondary
          label="Refuser"
          title={`Refuser la Fiche ${record.year} ${of(`${entry.firstName} ${entry.lastName}`)} ?`}
          effect={
            <p>
              {entry.firstName} reçoit un courriel qui cite le motif, puis corrige sa fiche et
              l’envoie à nouveau.
            </p>
          }
          reasonLabel="Motif du refus (repris dans le courriel)"
          confirmLabel="Refuser la fiche"
          onConfirm={(reason) => void decide('reject', reason)}
        />
      </div>
    </section>
  );
}

/** What changed since the Fiche validated, in the queue's words. */
const changesText = (changes: number | null): string =>
  changes === null ? 'première fiche' : changes === 0 ? 'aucun' : count(changes, 'changement');

/** Several Fiches read as concordant, validated together after a summary. */
function BulkValidation({
  queue,
  chosen,
  onDone,
}: {
  readonly queue: readonly QueueEntry[];
  readonly chosen: ReadonlySet<string>;
  readonly onDone: (message: string) => void;
}) {
  const { busy, alert, run } = useSubmit();
  const ticked = queue.filter((e) => chosen.has(e.id));
  const name = (id: string) => {
    const entry = queue.find((e) => e.id === id);
    return entry ? `${entry.firstName} ${entry.lastName}` : id;
  };
  const validate = () =>
    void run(async () => {
      const answer = await api<BulkAnswer<{ id: string }>>(
        'POST',
        '/api/staff/agent-records/validations',
        { recordIds: ticked.map((e) => e.id) },
      );
      onDone(
        bulkNotice(
          `${count(answer.done.length, 'fiche validée', 'fiches validées')}.`,
          answer,
          name,
        ),
      );
    });
  return (
    <BulkSection
      id="bulk-records"
      title="Validation groupée"
      alert={alert}
      status={
        ticked.length === 0
          ? 'Cochez les fiches concordantes (par exemple celles où rien n’a changé) pour les valider ensemble.'
          : `${count(ticked.length, 'fiche cochée', 'fiches cochées')}.`
      }
    >
      <ConfirmAction
        disabled={busy || ticked.length === 0}
        label={`Valider les fiches cochées (${ticked.length})`}
        title={`Valider ${count(ticked.length, 'fiche', 'fiches')} ?`}
        effect={
          <>
            <ul>
              {ticked.map((e) => (
                <li key={e.id}>
                  {e.firstName} {e.lastName} — Fiche {e.year} : {changesText(e.changes)}
                </li>
              ))}
            </ul>
            <p>
              Les parts, quotients, taux et plafonds s’appliquent aussitôt ; chaque agent reçoit un
              courriel. Une fiche décidée entre-temps par un collègue est laissée.
            </p>
          </>
        }
        confirmLabel="Valider ces fiches"
        onConfirm={validate}
      />
    </BulkSection>
  );
}

const QUEUE_STATUSES = {
  submitted: 'À valider',
  validated: 'Validées',
  rejected: 'Refusées',
  draft: 'Brouillons',
};

export function RecordValidationPage() {
  const [years, setYears] = useState<number[]>([]);
  useEffect(() => {
    void api<{ years: number[] }>('GET', '/api/record-years').then((answer) =>
      setYears(answer.years),
    );
  }, []);
  const [queue, setQueue] = useState<QueueEntry[] | null>(null);
  const [open, setOpen] = useState<QueueEntry | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [filters, setFilters] = useState({ status: 'submitted', year: '', sector: '' });
  const load = useCallback(async () => {
    const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ''));
    setQueue(
      (await api<{ records: QueueEntry[] }>('GET', `/api/staff/agent-records?${query.toString()}`))
        .records,
    );
  }, [filters]);
  useEffect(() => {
    void load().catch(() => setQueue([]));
  }, [load]);
  return (
    <RequireUser staffOnly>
      <PageTitle>Fiches Agent à valider</PageTitle>
      <StaffNav />
      {notice ? <Notice>{notice}</Notice> : null}
      {open ? (
        <RecordReview
          entry={open}
          onDecided={(message) => {
            setNotice(message);
            setOpen(null);
            void load();
          }}
        />
      ) : null}
      <div className="row" role="group" aria-label="Filtres">
        <SelectField
          label="Statut"
          options={QUEUE_STATUSES}
          value={filters.status}
          onChange={(e) => setFilters({ ...filters, status: e.target.value })}
        />
        <SelectField
          label="Année"
          options={{ '': 'Toutes', ...Object.fromEntries(years.map((y) => [y, String(y)])) }}
          value={filters.year}
          onChange={(e) => setFilters({ ...filters, year: e.target.value })}
        />
        <SelectField
          label="Secteur des demandes en cours"
          options={{ '': 'Tous', ...SECTOR_LABELS }}
          value={filters.sector}
          onChange={(e) => setFilters({ ...filters, sector: e.target.value })}
        />
      </div>
      {queue === null ? (
        <p role="status">Chargement…</p>
      ) : queue.length === 0 ? (
        <p>Aucune fiche avec ces critères.</p>
      ) : (
        <>
          {filters.status === 'submitted' ? (
            <BulkValidation
              queue={queue}
              chosen={chosen}
              onDone={(message) => {
                setNotice(message);
                setChosen(new Set());
                void load();
              }}
            />
          ) : null}
          <DataTable
            caption="Fiches, les plus anciennes d’abord"
            rows={queue}
            noun={['fiche', 'fiches']}
            filterHint="Un nom, un identifiant ou une année, par exemple « Martin » ou « IN-000512 »."
            columns={[
              ...(filters.status === 'submitted'
                ? [
                    tickColumn<QueueEntry>(
                      chosen,
                      setChosen,
                      (e) => `Cocher la Fiche de ${e.firstName} ${e.lastName}`,
                    ),
                  ]
                : []),
              {
                id: 'agent',
                header: 'Agent',
                accessorFn: (e: QueueEntry) => `${e.firstName} ${e.lastName} ${e.identifier}`,
                cell: ({ row }: { row: { original: QueueEntry } }) => (
                  <button type="button" className="link" onClick={() => setOpen(row.original)}>
                    {row.original.firstName} {row.original.lastName}
                  </button>
                ),
              },
              {
                id: 'record',
                header: 'Fiche',
                accessorFn: (e: QueueEntry) => `${e.year} (v${e.version})`,
              },
              {
                id: 'sent',
                header: 'Envoyée le',
                accessorFn: (e: QueueEntry) => e.submittedAt ?? '',
                cell: ({ row }: { row: { original: QueueEntry } }) =>
                  row.original.submittedAt
                    ? formatDate(row.original.submittedAt.slice(0, 10))
                    : '—',
              },
              {
                id: 'changes',
                header: 'Changements',
                accessorFn: (e: QueueEntry) => e.changes ?? -1,
                cell: ({ row }: { row: { original: QueueEntry } }) =>
                  changesText(row.original.changes),
              },
            ]}
          />
        </>
      )}
    </RequireUser>
  );
}
