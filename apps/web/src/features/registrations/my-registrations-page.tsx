import type { RegistrationInput, RegistrationStatus } from '@entraide/contract';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../shared/api.ts';
import { ConfirmAction } from '../../shared/confirm-action.tsx';
import { FormAlert, Notice } from '../../shared/form.tsx';
import { formatCents, formatDate } from '../../shared/format.ts';
import { REGISTRATION_STATUS_LABELS } from '../../shared/labels.ts';
import { useSession } from '../../shared/session.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';

/** A registration request as the member's pages read it. */
export interface RegistrationView {
  id: string;
  number: number;
  status: RegistrationStatus;
  late: boolean;
  year: number;
  sector: string;
  dependantIndex: number | null;
  companions: RegistrationInput['companions'];
  guests: RegistrationInput['guests'];
  participant: { firstName: string; lastName: string };
  participants: { firstName: string; lastName: string }[];
  choices: {
    sessionId: string;
    activityId: string;
    transportCity: string | null;
    lodgingType?: string | null;
    activityTitle: string;
    sessionLabel: string;
    firstDay: string;
    lastDay: string;
  }[];
  quotes: { leftToPayCents: number; subsidyCents: number; depositCents: number }[];
  skiAid: boolean;
  insurance: boolean;
  friend: RegistrationInput['friend'];
  depositMethod: RegistrationInput['depositMethod'];
  placedSessionId: string | null;
  placedRank: number | null;
  decision: { reasons: string[] } | null;
}

function RegistrationCard({
  registration: r,
  onCancel,
}: {
  readonly registration: RegistrationView;
  readonly onCancel: () => void;
}) {
  const quote = r.quotes[(r.placedRank ?? 1) - 1];
  const depositLabel = useSession().session?.organization.texts.depositLabel ?? 'Acompte';
  const open = r.status === 'requested' || r.status === 'waiting' || r.status === 'confirmed';
  return (
    <li className="card">
      <h2>
        Demande n° {r.number} —{' '}
        {(r.participants.length > 0 ? r.participants : [r.participant])
          .map((p) => p.firstName)
          .join(', ')}
      </h2>
      <p>
        <strong>{REGISTRATION_STATUS_LABELS[r.status]}</strong>
        {r.placedSessionId
          ? ` — ${r.status === 'waiting' ? 'en attente pour' : 'place'} : choix ${r.placedRank ?? ''}`
          : ''}
      </p>
      <ol>
        {r.choices.map((c) => (
          <li key={c.sessionId}>
            {c.activityTitle}, {c.sessionLabel} (du {formatDate(c.firstDay)} au{' '}
            {formatDate(c.lastDay)}) — transport : {c.transportCity ?? 'moyens propres'}
          </li>
        ))}
      </ol>
      {quote ? (
        <p>
          Subvention {formatCents(quote.subsidyCents)}, reste à payer{' '}
          {formatCents(quote.leftToPayCents)}, {depositLabel.toLowerCase()}{' '}
          {formatCents(quote.depositCents)}.
        </p>
      ) : null}
      {r.decision ? (
        <details>
          <summary>Pourquoi cette réponse</summary>
          <ul>
            {r.decision.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className="actions">
        <a href={`/api/me/registrations/${r.id}/form.pdf`} target="_blank" rel="noreferrer">
          Formulaire à imprimer (PDF)
        </a>
        {r.status === 'requested' && !r.late ? (
          <Link to={`/espace/inscriptions/nouvelle?demande=${r.id}`}>Modifier</Link>
        ) : null}
        {open ? (
          <ConfirmAction
            secondary
            label={`Retirer la demande n° ${r.number}`}
            title={`Retirer la demande n° ${r.number} ?`}
            effect={
              <p>
                {r.status === 'confirmed'
                  ? 'Votre place est libérée pour une autre famille. Les frais d’annulation prévus au barème s’appliquent selon la date ; un avoir reprend la facture et le reste vous est remboursé.'
                  : r.status === 'waiting'
                    ? 'Vous quittez la liste d’attente ; si une place se libère, elle ira à la famille suivante.'
                    : 'Votre demande n’entrera pas dans la sélection. Vous pourrez en faire une nouvelle tant que les inscriptions sont ouvertes.'}
              </p>
            }
            confirmLabel="Retirer la demande"
            onConfirm={onCancel}
          />
        ) : null}
      </div>
    </li>
  );
}

/** Mes demandes d'inscription: status, choices, cost, the reasons of each answer. */
export function MyRegistrationsPage() {
  const [params] = useSearchParams();
  const sent = params.get('demande');
  const [registrations, setRegistrations] = useState<RegistrationView[] | null>(null);
  const [notice, setNotice] = useState<string | null>(
    sent ? `Votre demande n° ${sent} est enregistrée.` : null,
  );
  const { alert, run } = useSubmit();
  const load = useCallback(async () => {
    setRegistrations(
      (await api<{ registrations: RegistrationView[] }>('GET', '/api/me/registrations'))
        .registrations,
    );
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const cancel = (r: RegistrationView) => {
    void run(async () => {
      await api('DELETE', `/api/me/registrations/${r.id}`);
      setNotice(`La demande n° ${r.number} est retirée.`);
      await load();
    });
  };
  return (
    <RequireUser>
      <PageTitle>Mes demandes d’inscription</PageTitle>
      <p>
        <Link to="/activites">Voir les séjours et activités</Link> ·{' '}
        <Link to="/espace">Retour à mon espace</Link>
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      <FormAlert message={alert} />
      {registrations === null ? (
        <p role="status">Chargement…</p>
      ) : registrations.length === 0 ? (
        <p>Aucune demande pour l’instant.</p>
      ) : (
        <ul className="cards">
          {registrations.map((r) => (
            <RegistrationCard key={r.id} registration={r} onCancel={() => cancel(r)} />
          ))}
        </ul>
      )}
    </RequireUser>
  );
}
