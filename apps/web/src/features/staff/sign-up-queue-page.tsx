import type { SignUpRequestSummary } from '@entraide/contract';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { FormAlert, Notice } from '../../shared/form.tsx';
import { formatDate } from '../../shared/format.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { RequireUser } from '../member/require-user.tsx';
import { StaffNav } from './staff-nav.tsx';

function Queue() {
  const [requests, setRequests] = useState<SignUpRequestSummary[] | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
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
  const decide = async (request: SignUpRequestSummary, decision: 'approve' | 'reject') => {
    setAlert(null);
    try {
      if (decision === 'approve') {
        const { identifier } = await api<{ identifier: string }>(
          'POST',
          `/api/staff/sign-up-requests/${request.id}/approve`,
        );
        setNotice(
          `${request.firstName} ${request.lastName} est inscrit(e) : identifiant ${identifier}. Un courriel lui a été envoyé.`,
        );
      } else {
        await api('POST', `/api/staff/sign-up-requests/${request.id}/reject`, {
          reason: reasons[request.id] || undefined,
        });
        setNotice(
          `La demande de ${request.firstName} ${request.lastName} est refusée. Un courriel lui a été envoyé.`,
        );
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
                Né(e) le {formatDate(request.birthDate)} · {request.email}
                {request.matricule ? ` · matricule ${request.matricule}` : ''} ·{' '}
                {request.couple ? 'en couple' : 'seul(e)'} · {request.children} enfant(s) · reçue le{' '}
                {formatDate(request.createdAt.slice(0, 10))}
              </p>
              <div className="field">
                <label htmlFor={`reason-${request.id}`}>
                  Motif en cas de refus (envoyé à la personne)
                </label>
                <input
                  id={`reason-${request.id}`}
                  value={reasons[request.id] ?? ''}
                  onChange={(e) => setReasons({ ...reasons, [request.id]: e.target.value })}
                />
              </div>
              <div className="actions">
                <button type="button" onClick={() => void decide(request, 'approve')}>
                  Valider l’inscription de {request.firstName} {request.lastName}
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => void decide(request, 'reject')}
                >
                  Refuser
                </button>
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
