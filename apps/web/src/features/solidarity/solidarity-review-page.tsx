import { useCallback, useState } from 'react';
import { api } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { ConfirmAction, RefuseRequest } from '../../shared/confirm-action.tsx';
import { formatCents, parseEuros } from '../../shared/format.ts';
import { Field, FormAlert, Notice } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { SECTIONS } from '../staff/staff-sections.ts';
import { StaffNav } from '../staff/staff-nav.tsx';
import { DataTable } from '../../shared/data-table.tsx';
import { SolidaritySummary } from './solidarity-summary.tsx';
import type { SolidarityRequest } from '@entraide/contract';
import { SOLIDARITY_KINDS, SOLIDARITY_STATUS } from '../../messages/labels.ts';
import { solidarityReviewPage as msg } from '../../messages/solidarity.ts';

function Decision({
  request,
  onDone,
}: {
  readonly request: SolidarityRequest;
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
      await onDone(msg.demande(request.number, decision === 'grant' ? msg.accordee : msg.refusee));
    });
  const n = request.number;
  // The amount typed, as the decision will record it (what cannot be read is shown as typed, and
  // the server says on the field what to type).
  const typed = parseEuros(amount);
  const granted = !amount.trim()
    ? formatCents(request.amountCents)
    : Number.isFinite(typed)
      ? formatCents(typed)
      : amount.trim();
  const told = msg.recoitCourrielDecisionNe(request.member);
  return (
    <div>
      <FormAlert message={alert} />
      <Field
        label={msg.montantAccordeSiMoins(n)}
        hint={msg.laissezVidePourAccorder(formatCents(request.amountCents))}
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        error={fields.amountCents}
      />
      <div className="actions">
        <ConfirmAction
          disabled={busy}
          label={msg.accorder(n)}
          title={msg.accorderDemande(n)}
          effect={
            <p>
              {request.months
                ? msg.pretRemboursableMensualiteAccorde(granted, request.months, request.member)
                : msg.aideAccordee(granted, request.member)}{' '}
              {told}
            </p>
          }
          confirmLabel={msg.accorder2(granted)}
          onConfirm={decide('grant')}
        />
        <RefuseRequest
          number={n}
          nothing={msg.rienNeSeraAccorde}
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
  const [requests, setRequests] = useState<SolidarityRequest[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<SolidarityRequest | null>(null);
  const load = useCallback(async () => {
    setRequests(
      (await api<{ requests: SolidarityRequest[] }>('GET', '/api/staff/solidarity')).requests,
    );
  }, []);
  const loading = useLoad(load);
  return (
    <RequireUser staff={SECTIONS.solidarity}>
      <PageTitle>{msg.solidarite}</PageTitle>
      <StaffNav />
      {notice ? <Notice>{notice}</Notice> : null}
      {open ? (
        <section className="card" aria-label={msg.demande2(open.number)}>
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
            {msg.fermerDemande(open.number)}
          </button>
        </section>
      ) : null}
      {requests === null ? (
        <Loading {...loading} />
      ) : requests.length === 0 ? (
        <p>{msg.aucuneDemandeOuVous}</p>
      ) : (
        <DataTable
          caption={msg.demandesSolidarite}
          rows={requests}
          counted={msg.demandeCounted}
          filterHint={msg.nomNumeroOuStatut}
          columns={[
            {
              id: 'number',
              header: 'N°',
              accessorFn: (r) => r.number,
              cell: ({ row: { original: r } }) => (
                <button type="button" className="link" onClick={() => setOpen(r)}>
                  <span className="visually-hidden">{msg.examinerDemande} </span>
                  {msg.n(r.number)}
                </button>
              ),
            },
            { id: 'member', header: msg.agent, accessorFn: (r) => r.member },
            {
              id: 'kind',
              header: msg.nature,
              accessorFn: (r) =>
                `${SOLIDARITY_KINDS[r.kind] ?? r.kind}${r.months ? msg.surMois(String(r.months)) : ''}`,
            },
            {
              id: 'amount',
              header: msg.montantDemande,
              accessorFn: (r) => r.amountCents,
              cell: ({ row: { original: r } }) => formatCents(r.amountCents),
            },
            {
              id: 'status',
              header: msg.statut,
              accessorFn: (r) => SOLIDARITY_STATUS[r.status] ?? r.status,
            },
          ]}
        />
      )}
    </RequireUser>
  );
}
