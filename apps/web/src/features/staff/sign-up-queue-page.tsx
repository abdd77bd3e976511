import type { SignUpRequestSummary } from '@entraide/contract';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { ConfirmAction } from '../../shared/confirm-action.tsx';
import { FormAlert, Notice } from '../../shared/form.tsx';
import { count, of } from '../../shared/french.ts';
import { formatDate } from '../../shared/format.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { RequireUser } from '../member/require-user.tsx';
import { StaffNav } from './staff-nav.tsx';

const name = (request: SignUpRequestSummary): string => `${request.firstName} ${request.lastName}`;

function Queue() {
  const [requests, setRequests] = useState<SignUpRequestSummary[] | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setRequests(
        (await api<{ requests: SignUpRequestSummary[] }>('GET', '/api/staff/sign-up-requests'))
          .requests,
      );
    } catch (error) {
      setAlert(error instanceof ApiError ? error.message : 'Erreur');
      setRequests([]);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const decide = async (
    request: SignUpRequestSummary,
    decision: 'approve' | 'reject',
    reason = '',
  ) => {
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
      setAlert(error instanceof ApiError ? error.message : 'Erreur');
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
        <ul className="queue" aria-label="Demandes en attente, les plus anciennes d’abord">
          {requests.map((request) => (
            <li key={request.id}>
              <h2>
                {request.firstName} {request.lastName}
              </h2>
              <p>
                Naissance le {formatDate(request.birthDate)} · {request.email}
                {request.matricule ? ` · matricule ${request.matricule}` : ''} ·{' '}
                {request.couple ? 'en couple' : 'sans conjoint'} ·{' '}
                {count(request.children, 'enfant')} · reçue le{' '}
                {formatDate(request.createdAt.slice(0, 10))}
              </p>
              {request.childrenList.length > 0 ? (
                <ul aria-label={`Enfants déclarés par ${name(request)}`}>
                  {request.childrenList.map((child) => (
                    <li key={`${child.firstName}-${child.birthDate}`}>
                      {child.firstName}, naissance le {formatDate(child.birthDate)}
                    </li>
                  ))}
                </ul>
              ) : null}
              {request.likelyDuplicates.length > 0 ? (
                <div className="alert" role="note">
                  Doublon probable : {request.likelyDuplicates.join(' ; ')}. Vérifiez avant de
                  valider.
                </div>
              ) : null}
              <div className="actions">
                <ConfirmAction
                  label={`Valider l’inscription ${of(name(request))}`}
                  title={`Valider l’inscription ${of(name(request))} ?`}
                  effect={
                    <p>
                      Un compte adhérent est créé et {request.firstName} reçoit par courriel son
                      identifiant et le lien pour choisir son mot de passe, à l’adresse{' '}
                      {request.email}.
                    </p>
                  }
                  confirmLabel="Valider et envoyer le courriel"
                  onConfirm={() => void decide(request, 'approve')}
                />
                <ConfirmAction
                  secondary
                  label={`Refuser la demande ${of(name(request))}`}
                  title={`Refuser la demande ${of(name(request))} ?`}
                  effect={
                    <p>
                      La demande est close et {request.firstName} reçoit un courriel qui cite le
                      motif ci-dessous. Pour revenir sur un refus, la personne devra refaire une
                      demande.
                    </p>
                  }
                  reasonLabel="Motif du refus (repris dans le courriel)"
                  confirmLabel="Refuser et envoyer le courriel"
                  onConfirm={(reason) => void decide(request, 'reject', reason)}
                />
              </div>
            </li>
          ))}
        </ul>
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
