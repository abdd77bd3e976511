import type { RegistrationView } from '@entraide/contract';
import { useCallback, useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { api } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { ConfirmAction } from '../../shared/confirm-action.tsx';
import { FormAlert, Notice } from '../../shared/form.tsx';
import { formatCents, formatDate } from '../../shared/format.ts';
import { REGISTRATION_STATUS_LABELS } from '../../messages/labels.ts';
import { useSession } from '../../shared/session.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { common } from '../../messages/common.ts';
import { myRegistrationsPage as msg } from '../../messages/registrations.ts';

function RegistrationCard({
  registration: r,
  onCancel,
}: {
  readonly registration: RegistrationView;
  readonly onCancel: () => void;
}) {
  const quote = r.quotes[(r.placedRank ?? 1) - 1];
  const organization = useSession().session?.organization;
  const depositLabel = organization?.texts.depositLabel ?? msg.acompte;
  // A confirmed place is cancelled by the sector, which applies the provider's fee.
  const open = r.status === 'requested' || r.status === 'waiting';
  return (
    <li className="card">
      <h2>
        {msg.demande(
          r.number,
          (r.participants.length > 0 ? r.participants : [r.participant])
            .map((p) => p.firstName)
            .join(', '),
        )}
      </h2>
      <p>
        <strong>{REGISTRATION_STATUS_LABELS[r.status]}</strong>
        {r.placedSessionId ? msg.choixObtenu(r.status === 'waiting', r.placedRank ?? 1) : ''}
      </p>
      <ol>
        {r.choices.map((c) => (
          <li key={c.sessionId}>
            {msg.transport(
              c.activityTitle,
              c.sessionLabel,
              formatDate(c.firstDay),
              formatDate(c.lastDay),
              c.transportCity ?? msg.moyensPropres,
            )}
          </li>
        ))}
      </ol>
      {quote ? (
        <p>
          {msg.subventionRestePayer(
            formatCents(quote.subsidyCents),
            formatCents(quote.leftToPayCents),
            depositLabel.toLowerCase(),
            formatCents(quote.depositCents),
          )}
        </p>
      ) : null}
      {r.decision ? (
        <details>
          <summary>{msg.pourquoiCetteReponse}</summary>
          <ul>
            {r.decision.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className="actions">
        <a href={`/api/me/registrations/${r.id}/form.pdf`} target="_blank" rel="noreferrer">
          {msg.formulaireImprimerPdf}
        </a>
        {r.status === 'requested' && !r.late ? (
          <Link to={`/espace/inscriptions/nouvelle?demande=${r.id}`}>{msg.modifier}</Link>
        ) : null}
        {open ? (
          <ConfirmAction
            secondary
            label={msg.retirerDemande(r.number)}
            title={msg.retirerDemande2(r.number)}
            effect={
              <p>
                {r.status === 'waiting' ? msg.vousQuittezListeAttente : msg.votreDemandeEntreraPas}
              </p>
            }
            confirmLabel={msg.retirerDemande3}
            onConfirm={onCancel}
          />
        ) : null}
      </div>
      {r.status === 'confirmed' && organization ? (
        <p>
          {msg.pourAnnulerPlace}{' '}
          <a href={`mailto:${organization.contactEmail}`}>{organization.contactEmail}</a>
          {msg.fraisAnnulationPrestataire}
        </p>
      ) : null}
    </li>
  );
}

/** Mes demandes d'inscription: status, choices, cost, the reasons of each answer. */
export function MyRegistrationsPage() {
  const [params] = useSearchParams();
  const sent = params.get('demande');
  const [registrations, setRegistrations] = useState<RegistrationView[] | null>(null);
  const [notice, setNotice] = useState<string | null>(
    sent ? msg.votreDemandeEnregistree(sent) : null,
  );
  const { alert, run } = useSubmit();
  const load = useCallback(async () => {
    setRegistrations(
      (await api<{ registrations: RegistrationView[] }>('GET', '/api/me/registrations'))
        .registrations,
    );
  }, []);
  const loading = useLoad(load);
  const cancel = (r: RegistrationView) => {
    void run(async () => {
      await api('DELETE', `/api/me/registrations/${r.id}`);
      setNotice(msg.demandeRetiree(r.number));
      await load();
    });
  };
  return (
    <RequireUser>
      <PageTitle>{msg.mesDemandesInscription}</PageTitle>
      <p>
        <Link to="/activites">{msg.voirSejoursActivites}</Link> ·{' '}
        <Link to="/espace">{common.backToMySpace}</Link>
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      <FormAlert message={alert} />
      {registrations === null ? (
        <Loading {...loading} />
      ) : registrations.length === 0 ? (
        <p>{msg.aucuneDemandePourInstant}</p>
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
