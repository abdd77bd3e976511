import { useCallback, useEffect, useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../shared/api.ts';
import { Field, FormAlert, Notice, SelectField } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { InvoiceCard } from './invoice-card.tsx';
import type { InvoiceDetails } from './invoice-types.ts';

/** The family splits what is left to pay, within what the barème allows. */
function PlanForm({
  details,
  onSaved,
}: {
  readonly details: InvoiceDetails;
  readonly onSaved: (message: string) => Promise<void>;
}) {
  const [method, setMethod] = useState(details.planOptions[0]?.method ?? 'cheque');
  const [count, setCount] = useState('1');
  const { busy, alert, fields, run } = useSubmit();
  const option = details.planOptions.find((o) => o.method === method);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      await api('PUT', `/api/me/invoices/${details.invoice.id}/plan`, {
        method,
        count: Number(count),
      });
      await onSaved(
        `Le reste à payer de ${details.invoice.reference} est échelonné en ${count} fois.`,
      );
    });
  };
  const reference = details.invoice.reference;
  return (
    <form onSubmit={submit} noValidate aria-label={`Échelonner ${reference}`}>
      <FormAlert message={alert} />
      <div className="row">
        <SelectField
          label={`Moyen de paiement (${reference})`}
          options={Object.fromEntries(details.planOptions.map((o) => [o.method, o.label]))}
          value={method}
          onChange={(e) => setMethod(e.target.value as typeof method)}
          error={fields.method}
        />
        <Field
          label={`Nombre d’échéances (${reference})`}
          hint={option ? `De 1 à ${option.maxCount}.` : undefined}
          inputMode="numeric"
          value={count}
          onChange={(e) => setCount(e.target.value)}
          error={fields.count}
        />
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          Échelonner {reference}
        </button>
      </div>
    </form>
  );
}

/** Mes dossiers factures: invoices, credit notes, payments, what is due and when. */
export function MyInvoicesPage() {
  const [invoices, setInvoices] = useState<InvoiceDetails[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    setInvoices((await api<{ invoices: InvoiceDetails[] }>('GET', '/api/me/invoices')).invoices);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <RequireUser>
      <PageTitle>Mes dossiers factures</PageTitle>
      <p>
        Les chèques sont encaissés le dernier jour ouvré de chaque mois d’échéance.{' '}
        <Link to="/espace">Retour à mon espace</Link>
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      {invoices === null ? (
        <p role="status">Chargement…</p>
      ) : invoices.length === 0 ? (
        <p>Aucune facture : elles apparaissent ici quand une place est confirmée.</p>
      ) : (
        <ul className="cards">
          {invoices.map((details) => (
            <InvoiceCard
              key={details.invoice.id}
              details={details}
              pdfUrl={`/api/me/invoices/${details.invoice.id}/pdf`}
            >
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
