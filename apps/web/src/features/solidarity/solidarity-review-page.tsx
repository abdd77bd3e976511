import { useCallback, useEffect, useState } from 'react';
import { api } from '../../shared/api.ts';
import { parseEuros } from '../../shared/format.ts';
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
  const [reason, setReason] = useState('');
  const { busy, alert, fields, run } = useSubmit();
  const decide = (decision: 'grant' | 'refuse') =>
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
  return (
    <div>
      <FormAlert message={alert} />
      <div className="row">
        <Field
          label={`Montant accordé, si moins (n° ${n})`}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={fields.amountCents}
        />
        <Field
          label={`Motif envoyé à l’agent (n° ${n})`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={fields.reason}
        />
      </div>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => decide('grant')}>
          Accorder (n° {n})
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => decide('refuse')}
        >
          Refuser (n° {n})
        </button>
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
