import type { SignUpRequestSummary } from '@entraide/contract';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { ConfirmAction } from '../../shared/confirm-action.tsx';
import { DataTable, tickColumn } from '../../shared/data-table.tsx';
import { BulkSection, bulkNotice, type BulkAnswer } from '../../shared/bulk-section.tsx';
import { FormAlert, Notice } from '../../shared/form.tsx';
import { count, of } from '../../shared/french.ts';
import { formatDate } from '../../shared/format.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { StaffNav } from './staff-nav.tsx';

type Request = SignUpRequestSummary;

const name = (request: Request): string => `${request.firstName} ${request.lastName}`;

const REFUSAL_EFFECT =
  'La demande est close et la personne reçoit un courriel qui cite le motif ci-dessous. Pour revenir sur un refus, elle devra refaire une demande.';

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
      onDone(
        bulkNotice(
          `${count(answer.done.length, 'demande refusée', 'demandes refusées')}.`,
          answer,
          nameOf,
        ),
      );
    });
  return (
    <BulkSection
      id="bulk-sign-ups"
      title="Refus groupé"
      alert={alert}
      status={
        ticked.length === 0
          ? 'Cochez les demandes à refuser pour un même motif (des doublons, par exemple).'
          : `${count(ticked.length, 'demande cochée', 'demandes cochées')}.`
      }
    >
      <ConfirmAction
        secondary
        disabled={busy || ticked.length === 0}
        label={`Refuser les demandes cochées (${ticked.length})`}
        title={`Refuser ${count(ticked.length, 'demande', 'demandes')} ?`}
        effect={
          <>
            <ul>
              {ticked.map((r) => (
                <li key={r.id}>
                  {name(r)} — {r.email}
                </li>
              ))}
            </ul>
            <p>{REFUSAL_EFFECT} Une demande décidée entre-temps par un collègue est laissée.</p>
          </>
        }
        reasonLabel="Motif du refus (repris dans chaque courriel)"
        reasonExample="vous avez déjà un compte : utilisez « Identifiant oublié »"
        confirmLabel="Refuser et envoyer les courriels"
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
        label={`Valider l’inscription ${of(name(request))}`}
        title={`Valider l’inscription ${of(name(request))} ?`}
        effect={
          <p>
            Un compte adhérent est créé et {request.firstName} reçoit par courriel son identifiant
            et le lien pour choisir son mot de passe, à l’adresse {request.email}.
          </p>
        }
        confirmLabel="Valider et envoyer le courriel"
        onConfirm={() => onDecide('approve')}
      />
      <ConfirmAction
        secondary
        label={`Refuser la demande ${of(name(request))}`}
        title={`Refuser la demande ${of(name(request))} ?`}
        effect={<p>{REFUSAL_EFFECT}</p>}
        reasonLabel="Motif du refus (repris dans le courriel)"
        reasonExample="nous ne trouvons pas votre nom parmi les agents"
        confirmLabel="Refuser et envoyer le courriel"
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
    try {
      setRequests(
        (await api<{ requests: Request[] }>('GET', '/api/staff/sign-up-requests')).requests,
      );
    } catch (error) {
      setAlert(error instanceof ApiError ? error.message : 'La liste n’a pas pu être chargée.');
      setRequests([]);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const decide = async (request: Request, decision: 'approve' | 'reject', reason = '') => {
    setAlert(null);
    try {
      if (decision === 'approve') {
        const { identifier } = await api<{ identifier: string }>(
          'POST',
          `/api/staff/sign-up-requests/${request.id}/approve`,
        );
        setNotice(
          `Inscription ${of(name(request))} validée : identifiant ${identifier}. Un courriel lui a été envoyé.`,
        );
      } else {
        await api('POST', `/api/staff/sign-up-requests/${request.id}/reject`, { reason });
        setNotice(`La demande ${of(name(request))} est refusée. Un courriel lui a été envoyé.`);
      }
      await load();
    } catch (error) {
      setAlert(
        error instanceof ApiError ? error.message : 'La décision n’a pas pu être enregistrée.',
      );
    }
  };
  if (!requests) return <p role="status">Chargement…</p>;
  return (
    <>
      <FormAlert message={alert} />
      {notice ? <Notice>{notice}</Notice> : null}
      {requests.length === 0 ? (
        <p>Aucune demande en attente.</p>
      ) : (
        <>
          <BulkRefusal
            requests={requests}
            chosen={chosen}
            onDone={(message) => {
              setNotice(message);
              setChosen(new Set());
              void load();
            }}
          />
          <DataTable
            caption="Demandes en attente, les plus anciennes d’abord"
            rows={requests}
            noun={['demande', 'demandes']}
            filterHint="Un nom, une adresse ou un matricule, par exemple « Martin » ou « 123456 »."
            columns={[
              tickColumn<Request>(chosen, setChosen, (r) => `Cocher la demande ${of(name(r))}`),
              {
                id: 'person',
                header: 'Demandeur',
                accessorFn: (r) => `${name(r)} ${r.email} ${r.matricule ?? ''}`,
                cell: ({ row: { original: r } }) => (
                  <>
                    <strong>{name(r)}</strong>
                    <br />
                    naissance le {formatDate(r.birthDate)}
                    <br />
                    {r.email}
                    {r.matricule ? (
                      <>
                        <br />
                        matricule {r.matricule}
                      </>
                    ) : null}
                    {r.likelyDuplicates.length > 0 ? (
                      <div className="alert" role="note">
                        Doublon probable : {r.likelyDuplicates.join(' ; ')}. Vérifiez avant de
                        valider.
                      </div>
                    ) : null}
                  </>
                ),
              },
              {
                id: 'family',
                header: 'Famille',
                accessorFn: (r) => r.childrenList.map((c) => c.firstName).join(' '),
                cell: ({ row: { original: r } }) => (
                  <>
                    {r.couple ? 'en couple' : 'sans conjoint'}, {count(r.children, 'enfant')}
                    {r.childrenList.length > 0 ? (
                      <ul aria-label={`Enfants déclarés par ${name(r)}`}>
                        {r.childrenList.map((child) => (
                          <li key={`${child.firstName}-${child.birthDate}`}>
                            {child.firstName}, naissance le {formatDate(child.birthDate)}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </>
                ),
              },
              {
                id: 'received',
                header: 'Reçue le',
                accessorFn: (r) => r.createdAt,
                cell: ({ row: { original: r } }) => formatDate(r.createdAt.slice(0, 10)),
              },
              {
                id: 'decide',
                header: 'Décision',
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
    <RequireUser staffOnly>
      <PageTitle>Demandes d’inscription</PageTitle>
      <StaffNav />
      <Queue />
    </RequireUser>
  );
}
