import { useCallback, useState, type SyntheticEvent } from 'react';
import { Link } from 'wouter';
import { api, ApiError } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { Field, FormAlert, Notice, ScrollingTable } from '../../shared/form.tsx';
import { formatCents, formatDate } from '../../shared/format.ts';
import { DEPOSIT_METHOD_LABELS } from '../../messages/labels.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { PayOnline } from '../payments/pay-online.tsx';
import { InvoiceCard } from './invoice-card.tsx';
import type { InvoiceDetails, PlannedInstalment } from '@entraide/contract';
import { common } from '../../messages/common.ts';
import { myInvoicesPage as msg } from '../../messages/billing.ts';

/**
 * The family splits what is left to pay: each means of payment says how many instalments it
 * allows before anything is chosen; the schedule (dates and amounts) is shown, then confirmed.
 */
function PlanForm({
  details,
  onSaved,
}: {
  readonly details: InvoiceDetails;
  readonly onSaved: (message: string) => Promise<void>;
}) {
  const [method, setMethod] = useState(details.planOptions[0]?.method ?? 'cheque');
  const [count, setCount] = useState('2');
  const [schedule, setSchedule] = useState<PlannedInstalment[] | null>(null);
  const { busy, alert, fields, run } = useSubmit();
  const reference = details.invoice.reference;
  const url = `/api/me/invoices/${details.invoice.id}/plan`;
  const choice = () => ({ method, count: Number(count) });
  const preview = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      setSchedule(
        (await api<{ instalments: PlannedInstalment[] }>('POST', `${url}/preview`, choice()))
          .instalments,
      );
    });
  };
  const confirm = () =>
    void run(async () => {
      await api('PUT', url, choice());
      setSchedule(null);
      await onSaved(msg.restePayerEchelonneFois(reference, count));
    });
  return (
    <form onSubmit={preview} noValidate aria-label={msg.echelonner(reference)}>
      <FormAlert message={alert} />
      <fieldset>
        <legend>{msg.moyenPaiement(reference)}</legend>
        {details.planOptions.map((o) => (
          <div className="field checkbox" key={o.method}>
            <input
              type="radio"
              id={`${reference}-${o.method}`}
              name={`${reference}-method`}
              checked={method === o.method}
              onChange={() => {
                setMethod(o.method);
                setSchedule(null);
              }}
            />
            <label htmlFor={`${reference}-${o.method}`}>
              {msg.jusquEcheances(o.label, o.maxCount)}
            </label>
          </div>
        ))}
      </fieldset>
      <Field
        label={msg.nombreEcheances(reference)}
        hint={msg.n1(details.planOptions.find((o) => o.method === method)?.maxCount ?? 1)}
        inputMode="numeric"
        value={count}
        onChange={(e) => {
          setCount(e.target.value);
          setSchedule(null);
        }}
        error={fields.count ?? fields.method}
      />
      <div className="actions">
        <button type="submit" className="secondary" disabled={busy}>
          {msg.voirEcheancier(reference)}
        </button>
      </div>
      {schedule ? (
        <>
          <ScrollingTable label={msg.echeancierProposePour(reference)}>
            <table>
              <caption>{msg.echeancierProposePour(reference)}</caption>
              <thead>
                <tr>
                  <th scope="col">{msg.echeance}</th>
                  <th scope="col">{msg.moyen}</th>
                  <th scope="col">{msg.montant}</th>
                </tr>
              </thead>
              <tbody>
                {schedule.map((i, index) => (
                  <tr key={index}>
                    <td>{formatDate(i.dueOn)}</td>
                    <td>{DEPOSIT_METHOD_LABELS[i.method] ?? i.method}</td>
                    <td>{formatCents(i.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollingTable>
          <div className="actions">
            <button type="button" disabled={busy} onClick={confirm}>
              {msg.confirmerCetEcheancier(reference)}
            </button>
          </div>
        </>
      ) : null}
    </form>
  );
}

/** Mes dossiers factures: invoices, credit notes, payments, what is due and when. */
export function MyInvoicesPage() {
  const [invoices, setInvoices] = useState<InvoiceDetails[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The « Payer en ligne » button, when the committee takes payments online (no such route else).
  const [onlinePayments, setOnlinePayments] = useState(false);
  const load = useCallback(async () => {
    const [answer, online] = await Promise.all([
      api<{ invoices: InvoiceDetails[] }>('GET', '/api/me/invoices'),
      api('GET', '/api/me/online-payments/provider').then(
        () => true,
        (error: unknown) => {
          if (error instanceof ApiError && error.status === 404) return false;
          throw error;
        },
      ),
    ]);
    setOnlinePayments(online);
    setInvoices(answer.invoices);
  }, []);
  const loading = useLoad(load);
  return (
    <RequireUser>
      <PageTitle>{msg.mesDossiersFactures}</PageTitle>
      <p>
        {msg.chequesSontEncaissesDernier} <Link to="/espace">{common.backToMySpace}</Link>
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      {invoices === null ? (
        <Loading {...loading} />
      ) : invoices.length === 0 ? (
        <p>{msg.aucuneFactureEllesApparaissent}</p>
      ) : (
        <ul className="cards">
          {invoices.map((details) => (
            <InvoiceCard
              key={details.invoice.id}
              details={details}
              pdfUrl={`/api/me/invoices/${details.invoice.id}/pdf`}
            >
              {onlinePayments && details.dueNowCents > 0 ? (
                <PayOnline
                  invoiceId={details.invoice.id}
                  reference={details.invoice.reference}
                  dueNowCents={details.dueNowCents}
                />
              ) : null}
              {details.planOptions.length > 0 ? (
                <PlanForm
                  details={details}
                  onSaved={async (message) => {
                    setNotice(message);
                    await load();
                  }}
                />
              ) : null}
            </InvoiceCard>
          ))}
        </ul>
      )}
    </RequireUser>
  );
}
