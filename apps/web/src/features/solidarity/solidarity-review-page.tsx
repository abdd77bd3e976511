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
import { DataTable } from '../../shared/data-table.tsx';
import { SolidaritySummary } from './solidarity-summary.tsx';
import { SOLIDARITY_KINDS, SOLIDARITY_STATUS, type SolidarityView } from './solidarity-types.ts';

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

/** The Solidarité staff's requests (no other staff can read them): a table, one opened at a time. */
export function SolidarityReviewPage() {
  const [requests, setRequests] = useState<SolidarityView[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<SolidarityView | null>(null);
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
      {open ? (
        <section className="card" aria-label={`Demande n° ${open.number}`}>
          <p>{open.member}</p>
          <SolidaritySummary request={open} />
          {open.status === 'submitted' ? (
            <Decision
              request={open}
              onDone={async (message) => {
                setNotice(message);
                setOpen(null);
                await load();
              }}
            />
          ) : null}
          <button type="button" className="secondary" onClick={() => setOpen(null)}>
            Fermer la demande n° {open.number}
          </button>
        </section>
      ) : null}
      {requests === null ? (
        <p role="status">Chargement…</p>
      ) : requests.length === 0 ? (
        <p>Aucune demande (ou vous n’êtes pas du secteur Solidarité).</p>
      ) : (
        <DataTable
          caption="Demandes Solidarité"
          rows={requests}
          noun={['demande', 'demandes']}
          filterHint="Un nom, un numéro ou un statut, par exemple « Martin » ou « Envoyée »."
          columns={[
            {
              id: 'number',
              header: 'N°',
              accessorFn: (r) => r.number,
              cell: ({ row: { original: r } }) => (
                <button type="button" className="link" onClick={() => setOpen(r)}>
                  <span className="visually-hidden">Examiner la demande </span>n° {r.number}
                </button>
              ),
            },
            { id: 'member', header: 'Agent', accessorFn: (r) => r.member },
            {
              id: 'kind',
              header: 'Nature',
              accessorFn: (r) =>
                `${SOLIDARITY_KINDS[r.kind] ?? r.kind}${r.months ? ` sur ${String(r.months)} mois` : ''}`,
            },
            {
              id: 'amount',
              header: 'Montant demandé',
              accessorFn: (r) => r.amountCents,
              cell: ({ row: { original: r } }) => formatCents(r.amountCents),
            },
            {
              id: 'status',
              header: 'Statut',
              accessorFn: (r) => SOLIDARITY_STATUS[r.status] ?? r.status,
            },
          ]}
        />
      )}
    </RequireUser>
  );
}
