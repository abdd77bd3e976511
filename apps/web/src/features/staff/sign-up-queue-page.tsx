import type { BulkAnswer, SignUpRequestSummary } from '@entraide/contract';
import { useCallback, useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { ConfirmAction } from '../../shared/confirm-action.tsx';
import { DataTable, tickColumn } from '../../shared/data-table.tsx';
import { BulkSection, bulkNotice } from '../../shared/bulk-section.tsx';
import { FormAlert, Notice } from '../../shared/form.tsx';
import { formatDate } from '../../shared/format.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { SECTIONS } from './staff-sections.ts';
import { StaffNav } from './staff-nav.tsx';
import { common } from '../../messages/common.ts';
import { signUpQueuePage as msg } from '../../messages/staff.ts';

type Request = SignUpRequestSummary;

const name = (request: Request): string => `${request.firstName} ${request.lastName}`;

/** The requests ticked, refused together for one reason (duplicates, strangers), after a summary. */
function BulkRefusal({
  requests,
  chosen,
  onDone,
}: {
  readonly requests: readonly Request[];
  readonly chosen: ReadonlySet<string>;
  readonly onDone: (message: string) => void;
}) {
  const { busy, alert, run } = useSubmit();
  const ticked = requests.filter((r) => chosen.has(r.id));
  const nameOf = (id: string) => {
    const request = requests.find((r) => r.id === id);
    return request ? name(request) : id;
  };
  const refuse = (reason: string) =>
    void run(async () => {
      const answer = await api<BulkAnswer<{ id: string }>>(
        'POST',
        '/api/staff/sign-up-requests/refusals',
        { requestIds: ticked.map((r) => r.id), reason },
      );
      onDone(bulkNotice(msg.demandeRefuseeDemandesRefusees(answer.done.length), answer, nameOf));
    });
  return (
    <BulkSection
      id="bulk-sign-ups"
      title={msg.refusGroupe}
      alert={alert}
      status={
        ticked.length === 0
          ? msg.cochezDemandesRefuserPour
          : msg.demandeCocheeDemandesCochees(ticked.length)
      }
    >
      <ConfirmAction
        secondary
        disabled={busy || ticked.length === 0}
        label={msg.refuserDemandesCochees(ticked.length)}
        title={msg.refuser(msg.demandeDemandes(ticked.length))}
        effect={
          <>
            <ul>
              {ticked.map((r) => (
                <li key={r.id}>
                  {name(r)} — {r.email}
                </li>
              ))}
            </ul>
            <p>
              {msg.refusalEffect} {msg.demandeDecideeEntreTemps}
            </p>
          </>
        }
        reasonLabel={msg.motifRefusReprisDans}
        reasonExample={msg.vousAvezDejaCompte}
        confirmLabel={msg.refuserEnvoyerCourriels}
        onConfirm={refuse}
      />
    </BulkSection>
  );
}

/** One request's two decisions, each confirmed with what it does. */
function Decisions({
  request,
  onDecide,
}: {
  readonly request: Request;
  readonly onDecide: (decision: 'approve' | 'reject', reason?: string) => void;
}) {
  return (
    <div className="actions">
      <ConfirmAction
        label={msg.validerInscription(name(request))}
        title={msg.validerInscription2(name(request))}
        effect={<p>{msg.compteAdherentCreeRecoit(request.firstName, request.email)}</p>}
        confirmLabel={msg.validerEnvoyerCourriel}
        onConfirm={() => onDecide('approve')}
      />
      <ConfirmAction
        secondary
        label={msg.refuserDemande(name(request))}
        title={msg.refuserDemande2(name(request))}
        effect={<p>{msg.refusalEffect}</p>}
        reasonLabel={common.refusalReason}
        reasonExample={msg.nousNeTrouvonsPas}
        confirmLabel={msg.refuserEnvoyerCourriel}
        onConfirm={(reason) => onDecide('reject', reason)}
      />
    </div>
  );
}

function Queue() {
  const [requests, setRequests] = useState<Request[] | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const load = useCallback(async () => {
    setRequests(
      (await api<{ requests: Request[] }>('GET', '/api/staff/sign-up-requests')).requests,
    );
  }, []);
  const loading = useLoad(load);
  const decide = async (request: Request, decision: 'approve' | 'reject', reason = '') => {
    setAlert(null);
    try {
      let done: string;
      if (decision === 'approve') {
        const { identifier } = await api<{ identifier: string }>(
          'POST',
          `/api/staff/sign-up-requests/${request.id}/approve`,
        );
        done = msg.inscriptionValideeIdentifiantCourrie(name(request), identifier);
      } else {
        await api('POST', `/api/staff/sign-up-requests/${request.id}/reject`, { reason });
        done = msg.demandeRefuseeCourrielLui(name(request));
      }
      await loading.reload();
      setNotice(done);
    } catch (error) {
      setAlert(error instanceof ApiError ? error.message : msg.decisionPasPuEtre);
    }
  };
  return (
    <>
      <FormAlert message={alert} />
      {notice ? <Notice>{notice}</Notice> : null}
      {!requests || loading.failure !== null ? (
        <Loading {...loading} />
      ) : requests.length === 0 ? (
        <p>{msg.aucuneDemandeAttente}</p>
      ) : (
        <>
          <BulkRefusal
            requests={requests}
            chosen={chosen}
            onDone={(message) => {
              setChosen(new Set());
              void loading.reload().then(() => setNotice(message));
            }}
          />
          <DataTable
            caption={msg.demandesAttentePlusAnciennes}
            rows={requests}
            counted={msg.demandeCounted}
            filterHint={msg.nomAdresseOuMatricule}
            columns={[
              tickColumn<Request>(chosen, setChosen, (r) => msg.cocherDemande(name(r))),
              {
                id: 'person',
                header: msg.demandeur,
                accessorFn: (r) => `${name(r)} ${r.email} ${r.matricule ?? ''}`,
                cell: ({ row: { original: r } }) => (
                  <>
                    <strong>{name(r)}</strong>
                    <br />
                    {msg.naissance(formatDate(r.birthDate))}
                    <br />
                    {r.email}
                    {r.matricule ? (
                      <>
                        <br />
                        {msg.matricule(r.matricule)}
                      </>
                    ) : null}
                    {r.likelyDuplicates.length > 0 ? (
                      <div className="alert" role="note">
                        {msg.doublonProbableVerifiezAvant(r.likelyDuplicates.join(' ; '))}
                      </div>
                    ) : null}
                  </>
                ),
              },
              {
                id: 'family',
                header: msg.famille,
                accessorFn: (r) => r.childrenList.map((c) => c.firstName).join(' '),
                cell: ({ row: { original: r } }) => (
                  <>
                    {r.couple ? msg.couple : msg.sansConjoint}, {msg.enfant(r.children)}
                    {r.childrenList.length > 0 ? (
                      <ul aria-label={msg.enfantsDeclaresPar(name(r))}>
                        {r.childrenList.map((child) => (
                          <li key={`${child.firstName}-${child.birthDate}`}>
                            {msg.naissance2(child.firstName, formatDate(child.birthDate))}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </>
                ),
              },
              {
                id: 'received',
                header: msg.recue,
                accessorFn: (r) => r.createdAt,
                cell: ({ row: { original: r } }) => formatDate(r.createdAt.slice(0, 10)),
              },
              {
                id: 'decide',
                header: msg.decision,
                enableSorting: false,
                enableGlobalFilter: false,
                cell: ({ row: { original: r } }) => (
                  <Decisions
                    request={r}
                    onDecide={(decision, reason) => void decide(r, decision, reason)}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </>
  );
}

export function SignUpQueuePage() {
  return (
    <RequireUser staff={SECTIONS.signUps}>
      <PageTitle>{msg.demandesInscription}</PageTitle>
      <StaffNav />
      <Queue />
    </RequireUser>
  );
}
