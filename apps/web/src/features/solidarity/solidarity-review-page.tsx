import { useCallback, useEffect, useState } from 'react';
import { api } from '../../shared/api.ts';
import { ConfirmAction, RefuseRequest } from '../../shared/confirm-action.tsx';
import { formatCents, parseEuros } from '../../shared/format.ts';
import { count } from '../../shared/french.ts';
import { Field, FormAlert, Notice } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { StaffNav } from '../staff/staff-nav.tsx';
import { SolidaritySummary } from './solidarity-summary.tsx';
import type { SolidarityView } from './solidarity-types.ts';

function Decision({
  request,
  onDone,
}: {
  readonly request: SolidarityView;
  readonly onDone: (message: string) => Promise<void>;
}) {
  const [amount, setAmount] = useState('');
  const { busy, alert, fields, run } = useSubmit();
  const decide = (decision: 'grant' | 'refuse') => (reason: string) =>
    void run(async () => {
      await api('POST', `/api/staff/solidarity/${request.id}/decision`, {
        decision,
        ...(decision === 'grant' && amount ? { amountCents: parseEuros(amount) } : {}),
        ...(reason ? { reason } : {}),
      });
      await onDone(
        `Demande n° ${request.number} ${decision === 'grant' ? 'accordée' : 'refusée'}.`,
      );
    });
  const n = request.number;
  const granted = amount.trim() ? `${amount.trim()} €` : formatCents(request.amountCents);
  const told = `${request.member} reçoit un courriel. Une décision ne se modifie plus.`;
  return (
    <div>
      <FormAlert message={alert} />
      <Field
        label={`Montant accordé, si moins que demandé (n° ${n})`}
        hint={`Laissez vide pour accorder ${formatCents(request.amountCents)}.`}
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        error={fields.amountCents}
      />
      <div className="actions">
        <ConfirmAction
          disabled={busy}
          label={`Accorder (n° ${n})`}
          title={`Accorder la demande n° ${n} ?`}
          effect={
            <p>
              {request.months
                ? `Un prêt de ${granted}, remboursable en ${count(request.months, 'mensualité')}, est accordé à ${request.member} ; l’échéancier est créé.`
                : `Une aide de ${granted} est accordée à ${request.member}.`}{' '}
              {told}
            </p>
          }
          confirmLabel={`Accorder ${granted}`}
          onConfirm={decide('grant')}
        />
        <RefuseRequest
          number={n}
          nothing="Rien ne sera accordé pour cette demande."
          told={told}
          disabled={busy}
          onConfirm={decide('refuse')}
        />
      </div>
    </div>
  );
}

/** The Solidarité staff's requests (no other staff can read them). */
export function SolidarityReviewPage() {
  const [requests, setRequests] = useState<SolidarityView[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    setRequests(
      (await api<{ requests: SolidarityView[] }>('GET', '/api/staff/solidarity')).requests,
    );
  }, []);
  useEffect(() => {
    void load().catch(() => setRequests([]));
  }, [load]);
  return (
    <RequireUser staffOnly>
      <PageTitle>Solidarité</PageTitle>
      <StaffNav />
      {notice ? <Notice>{notice}</Notice> : null}
      {requests === null ? (
        <p role="status">Chargement…</p>
      ) : requests.length === 0 ? (
        <p>Aucune demande (ou vous n’êtes pas du secteur Solidarité).</p>
      ) : (
        <ul className="cards" aria-label="Demandes Solidarité">
          {requests.map((r) => (
            <li key={r.id} className="card">
              <p>{r.member}</p>
              <SolidaritySummary request={r} />
              {r.status === 'submitted' ? (
                <Decision
                  request={r}
                  onDone={async (message) => {
                    setNotice(message);
                    await load();
                  }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </RequireUser>
  );
}
