import {
  noticeCheckStatuses,
  type AgentRecordAnswer,
  type RecordFileAnswer,
  type RecordQueueEntry,
  type BulkAnswer,
} from '@entraide/contract';
import { useState } from 'react';
import { api, ApiError, refusalSentence } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { FormAlert, Notice, ScrollingTable, SelectField } from '../../shared/form.tsx';
import { formatCents, formatDate, formatParts } from '../../shared/format.ts';
import {
  NOTICE_CHECK_LABELS,
  RECORD_STATUS_LABELS,
  RELATION_LABELS,
  SECTOR_LABELS,
} from '../../messages/labels.ts';
import { NoticeLines } from '../agent-record/notice-lines.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { ConfirmAction } from '../../shared/confirm-action.tsx';
import { BulkSection, bulkNotice } from '../../shared/bulk-section.tsx';
import { DataTable, tickColumn } from '../../shared/data-table.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { SECTIONS } from './staff-sections.ts';
import { DocumentLinks } from './document-links.tsx';
import { StaffNav } from './staff-nav.tsx';
import { common } from '../../messages/common.ts';
import { recordValidationPage as msg } from '../../messages/staff.ts';

/** What validating the Fiche gives (its figures), or why it would be refused, then who is told. */
function ValidationEffect({
  file,
  firstName,
}: {
  readonly file: RecordFileAnswer;
  readonly firstName: string;
}) {
  const { validation, record } = file;
  return (
    <>
      {validation === null ? null : 'refusal' in validation ? (
        <p role="alert">{validation.refusal}</p>
      ) : (
        <p>
          {msg.chiffresValidation(
            formatParts(validation.parts),
            formatCents(validation.quotientCents),
            validation.annualCeilingCents === null
              ? msg.sansPlafond
              : msg.plafondDe(formatCents(validation.annualCeilingCents)),
          )}
        </p>
      )}
      <p>{msg.sesPartsSonQuotient(record.year, firstName)}</p>
    </>
  );
}

/** Who declared each notice read, with their tax numbers: for the Fiche Agent staff only. */
function Declarants({ documents }: { readonly documents: RecordFileAnswer['documents'] }) {
  return documents
    .filter((d) => d.taxNotice?.declarants.length)
    .map((d) => (
      <div key={d.id}>
        <p>{msg.declarants(d.taxNotice?.noticeReference ?? '—')}</p>
        <ul>
          {d.taxNotice?.declarants.map((p) => (
            <li key={p.name}>
              {p.taxNumber ? msg.numeroFiscal(p.name, p.taxNumber) : msg.sansNumeroFiscal(p.name)}
            </li>
          ))}
        </ul>
      </div>
    ));
}

/** What changed since the Fiche last validated: what staff check first. */
function Changes({ changes }: { readonly changes: RecordFileAnswer['changes'] }) {
  if (changes === null) return <p>{msg.premiereFicheCetAgent}</p>;
  const since = msg.ficheValideeVersion(changes.since.year, changes.since.version);
  if (changes.list.length === 0) return <p>{msg.rienChangeDepuis(since)}</p>;
  return (
    <ScrollingTable label={msg.changements}>
      <table className="changes">
        <caption>{msg.changementsDepuis(since)}</caption>
        <thead>
          <tr>
            <th scope="col">{msg.element}</th>
            <th scope="col">{msg.avant}</th>
            <th scope="col">{msg.maintenant}</th>
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
  readonly entry: RecordQueueEntry;
  readonly onDecided: (message: string) => void;
}) {
  const [file, setFile] = useState<RecordFileAnswer | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const loading = useLoad(
    async () => setFile(await api<RecordFileAnswer>('GET', `/api/staff/agent-records/${entry.id}`)),
    entry.id,
  );
  const decide = async (decision: 'validate' | 'reject', reason = '') => {
    setAlert(null);
    try {
      if (decision === 'validate') {
        const record = await api<AgentRecordAnswer>(
          'POST',
          `/api/staff/agent-records/${entry.id}/validate`,
        );
        onDecided(
          msg.ficheValideePartsQf(
            record.year,
            entry.firstName,
            entry.lastName,
            String(record.parts),
            formatCents(record.quotientCents ?? 0),
          ),
        );
      } else {
        await api('POST', `/api/staff/agent-records/${entry.id}/reject`, { reason });
        onDecided(msg.ficheRefusee(entry.year, entry.firstName, entry.lastName));
      }
    } catch (error) {
      setAlert(error instanceof ApiError ? refusalSentence(error) : msg.erreur);
    }
  };
  if (!file) return <Loading {...loading} />;
  const { record } = file;
  return (
    <section aria-labelledby={`review-${entry.id}`} className="card">
      <h2 id={`review-${entry.id}`}>
        {msg.ficheVersion(
          entry.firstName,
          entry.lastName,
          entry.identifier,
          record.year,
          record.version,
        )}
      </h2>
      <FormAlert message={alert} />
      <h3>{msg.ceQuiChange}</h3>
      <Changes changes={file.changes} />
      <h3>{msg.ficheEnvoyee}</h3>
      <p>
        {msg.revenuFiscalReference(
          record.taxIncomeEuros === null
            ? msg.nonRenseigne
            : formatCents(record.taxIncomeEuros * 100),
          record.couple ? msg.couple : msg.sansConjoint,
          record.memberDisabled ? msg.agentHandicape : '',
          record.situationChangedOn
            ? msg.situationFamilialeChangee(formatDate(record.situationChangedOn))
            : '',
        )}
      </p>
      <ul>
        {record.dependants.map((d) => (
          <li key={`${d.relation}-${d.firstName}-${d.birthDate}`}>
            {msg.naissance(
              RELATION_LABELS[d.relation],
              d.firstName,
              d.lastName,
              formatDate(d.birthDate),
              d.sharedCustody ? msg.gardePartagee : '',
              d.relation === 'child' && !d.fiscallyDependent ? msg.chargeFiscaleAutreParent : '',
              d.disabled
                ? msg.handicapJustificatif(
                    file.documents.find((doc) => doc.id === d.disabilityProofId)?.fileName ??
                      'manquant',
                  )
                : '',
            )}
          </li>
        ))}
      </ul>
      <h3>{msg.avisImpot}</h3>
      <p>
        <strong className="badge badge-wrap">{NOTICE_CHECK_LABELS[file.notices.status]}</strong>
      </p>
      <NoticeLines check={file.notices} />
      <Declarants documents={file.documents} />
      <h3>{msg.justificatifs}</h3>
      <DocumentLinks documents={file.documents} />
      <p>
        {msg.versions(
          file.versions.map((v) => `${v.version} (${RECORD_STATUS_LABELS[v.status]})`).join(', '),
        )}
      </p>
      <div className="actions">
        <ConfirmAction
          label={msg.validerFiche}
          title={msg.validerFiche2(record.year, `${entry.firstName} ${entry.lastName}`)}
          effect={<ValidationEffect file={file} firstName={entry.firstName} />}
          ready={!(file.validation && 'refusal' in file.validation)}
          confirmLabel={msg.validerFiche}
          onConfirm={() => void decide('validate')}
        />
        <ConfirmAction
          secondary
          label={msg.refuser}
          title={msg.refuserFiche(record.year, `${entry.firstName} ${entry.lastName}`)}
          effect={<p>{msg.recoitCourrielQuiCite(entry.firstName)}</p>}
          reasonLabel={common.refusalReason}
          confirmLabel={msg.refuserFiche2}
          onConfirm={(reason) => void decide('reject', reason)}
        />
      </div>
    </section>
  );
}

/** What changed since the Fiche validated, in the queue's words. */
const changesText = (changes: number | null): string =>
  changes === null
    ? msg.premiereFiche
    : changes === 0
      ? msg.aucunChangement
      : msg.changement(changes);

/** Several Fiches read as concordant, validated together after a summary. */
function BulkValidation({
  queue,
  chosen,
  onDone,
}: {
  readonly queue: readonly RecordQueueEntry[];
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
      onDone(bulkNotice(msg.ficheValideeFichesValidees(answer.done.length), answer, name));
    });
  return (
    <BulkSection
      id="bulk-records"
      title={msg.validationGroupee}
      alert={alert}
      status={
        ticked.length === 0
          ? msg.cochezFichesConcordantesPar
          : msg.ficheCocheeFichesCochees(ticked.length)
      }
    >
      <ConfirmAction
        disabled={busy || ticked.length === 0}
        label={msg.validerFichesCochees(ticked.length)}
        title={msg.valider2(msg.ficheFiches(ticked.length))}
        effect={
          <>
            <ul>
              {ticked.map((e) => (
                <li key={e.id}>
                  {msg.fiche(e.firstName, e.lastName, e.year, changesText(e.changes))}
                </li>
              ))}
            </ul>
            <p>{msg.partsQuotientsTauxPlafonds}</p>
          </>
        }
        confirmLabel={msg.validerCesFiches}
        onConfirm={validate}
      />
    </BulkSection>
  );
}

const QUEUE_STATUSES = {
  submitted: msg.valider,
  validated: msg.validees,
  rejected: msg.refusees,
  draft: msg.brouillons,
};

export function RecordValidationPage() {
  const [years, setYears] = useState<number[]>([]);
  const [queue, setQueue] = useState<RecordQueueEntry[] | null>(null);
  const [open, setOpen] = useState<RecordQueueEntry | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [filters, setFilters] = useState({
    status: 'submitted',
    year: '',
    sector: '',
    notices: '',
  });
  // The years to filter by, read once: when they cannot be, the filters say so — a list that says
  // « all years » only because the years were not read would hide a year's queue without a word.
  const yearsLoading = useLoad(async () =>
    setYears((await api<{ years: number[] }>('GET', '/api/record-years')).years),
  );
  const loading = useLoad(async () => {
    const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ''));
    setQueue(
      (
        await api<{ records: RecordQueueEntry[] }>(
          'GET',
          `/api/staff/agent-records?${query.toString()}`,
        )
      ).records,
    );
  }, JSON.stringify(filters));
  return (
    <RequireUser staff={SECTIONS.records}>
      <PageTitle>{msg.fichesAgentValider}</PageTitle>
      <StaffNav />
      {notice ? <Notice>{notice}</Notice> : null}
      {open ? (
        <RecordReview
          entry={open}
          onDecided={(message) => {
            setOpen(null);
            void loading.reload().then(() => setNotice(message));
          }}
        />
      ) : null}
      <div className="row" role="group" aria-label={msg.filtres}>
        <SelectField
          label={msg.statut}
          options={QUEUE_STATUSES}
          value={filters.status}
          onChange={(e) => setFilters({ ...filters, status: e.target.value })}
        />
        <SelectField
          label={msg.annee}
          options={{ '': msg.toutes, ...Object.fromEntries(years.map((y) => [y, String(y)])) }}
          value={filters.year}
          onChange={(e) => setFilters({ ...filters, year: e.target.value })}
        />
        <SelectField
          label={msg.secteurDemandesCours}
          options={{ '': msg.tous, ...SECTOR_LABELS }}
          value={filters.sector}
          onChange={(e) => setFilters({ ...filters, sector: e.target.value })}
        />
        <SelectField
          label={msg.avisImpot}
          options={{ '': msg.tousAvis, ...NOTICE_CHECK_LABELS }}
          value={filters.notices}
          onChange={(e) => setFilters({ ...filters, notices: e.target.value })}
        />
      </div>
      {yearsLoading.failure === null ? null : <Loading {...yearsLoading} />}
      {queue === null || loading.failure !== null ? (
        <Loading {...loading} />
      ) : queue.length === 0 ? (
        <p>{msg.aucuneFicheAvecCes}</p>
      ) : (
        <>
          {filters.status === 'submitted' ? (
            <BulkValidation
              queue={queue}
              chosen={chosen}
              onDone={(message) => {
                setChosen(new Set());
                void loading.reload().then(() => setNotice(message));
              }}
            />
          ) : null}
          <DataTable
            caption={msg.fichesPlusAnciennesAbord}
            rows={queue}
            counted={msg.ficheCounted}
            filterHint={msg.nomIdentifiantOuAnnee}
            columns={[
              ...(filters.status === 'submitted'
                ? [
                    tickColumn<RecordQueueEntry>(chosen, setChosen, (e) =>
                      msg.cocherFiche(e.firstName, e.lastName),
                    ),
                  ]
                : []),
              {
                id: 'agent',
                header: msg.agent,
                accessorFn: (e: RecordQueueEntry) => `${e.firstName} ${e.lastName} ${e.identifier}`,
                cell: ({ row }: { row: { original: RecordQueueEntry } }) => (
                  <button type="button" className="link" onClick={() => setOpen(row.original)}>
                    {row.original.firstName} {row.original.lastName}
                  </button>
                ),
              },
              {
                id: 'record',
                header: msg.fiche2,
                accessorFn: (e: RecordQueueEntry) => `${e.year} (v${e.version})`,
              },
              {
                id: 'sent',
                header: msg.envoyee,
                accessorFn: (e: RecordQueueEntry) => e.submittedAt ?? '',
                cell: ({ row }: { row: { original: RecordQueueEntry } }) =>
                  row.original.submittedAt
                    ? formatDate(row.original.submittedAt.slice(0, 10))
                    : '—',
              },
              {
                id: 'changes',
                header: msg.changements,
                accessorFn: (e: RecordQueueEntry) => e.changes ?? -1,
                cell: ({ row }: { row: { original: RecordQueueEntry } }) =>
                  changesText(row.original.changes),
              },
              {
                id: 'notices',
                header: msg.avisImpot,
                // Sorted worst first (a failed signature, then a verified notice that differs),
                // and found by the search in its words.
                accessorFn: (e: RecordQueueEntry) =>
                  `${noticeCheckStatuses.indexOf(e.notices)} ${NOTICE_CHECK_LABELS[e.notices]}`,
                cell: ({ row }: { row: { original: RecordQueueEntry } }) =>
                  NOTICE_CHECK_LABELS[row.original.notices],
              },
            ]}
          />
        </>
      )}
    </RequireUser>
  );
}
