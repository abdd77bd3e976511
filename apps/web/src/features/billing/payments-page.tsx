import { KeptNotifications } from '../payments/kept-notifications.tsx';
import type { ColumnDef } from '@tanstack/react-table';
import { useCallback, useState, type SyntheticEvent } from 'react';
import { api } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { ConfirmAction } from '../../shared/confirm-action.tsx';
import { PlaceChangeEffect, usePlaceChangePreview } from './place-change-preview.tsx';
import { DataTable } from '../../shared/data-table.tsx';
import { Checkbox, Field, FormAlert, Notice, SelectField } from '../../shared/form.tsx';
import { formatCents, formatDate, parseEuros } from '../../shared/format.ts';
import { SECTOR_LABELS } from '../../messages/labels.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { ownSectorLabels, SECTIONS } from '../staff/staff-sections.ts';
import { StaffNav } from '../staff/staff-nav.tsx';
import { InvoiceCard } from './invoice-card.tsx';
import type { InvoiceDetails } from '@entraide/contract';
import { dueInstalments } from './due-instalments.ts';
import { PAYMENT_METHOD_LABELS } from '../../messages/labels.ts';
import { PlaceChangeForm } from './place-change-form.tsx';
import { paymentsPage as msg } from '../../messages/billing.ts';

const ENTRY_METHODS = Object.fromEntries(
  ['cheque', 'card', 'chequesVacances', 'bonsCaf', 'transfer'].map((m) => [
    m,
    PAYMENT_METHOD_LABELS[m] ?? m,
  ]),
);

/** Records money received; one key per form, so a double click records one payment. */
function PaymentForm({
  details,
  today,
  onSaved,
}: {
  readonly details: InvoiceDetails;
  readonly today: string;
  readonly onSaved: (message: string) => Promise<void>;
}) {
  const reference = details.invoice.reference;
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [form, setForm] = useState({ method: 'cheque', amount: '', receivedOn: today, cheque: '' });
  const { busy, alert, fields, run } = useSubmit();
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      await api(
        'POST',
        '/api/staff/payments',
        {
          invoiceId: details.invoice.id,
          method: form.method,
          amountCents: parseEuros(form.amount),
          receivedOn: form.receivedOn,
          ...(form.cheque ? { chequeNumber: form.cheque } : {}),
        },
        'application/json',
        { 'idempotency-key': key },
      );
      setKey(crypto.randomUUID());
      setForm({ ...form, amount: '', cheque: '' });
      await onSaved(msg.reglementEnregistreSur(form.amount, reference));
    });
  };
  return (
    <details>
      <summary>{msg.saisirReglementPour(reference)}</summary>
      <form onSubmit={submit} noValidate>
        <FormAlert message={alert} />
        <div className="row">
          <SelectField
            label={msg.moyen(reference)}
            options={ENTRY_METHODS}
            value={form.method}
            onChange={(e) => setForm({ ...form, method: e.target.value })}
          />
          <Field
            label={msg.montantEuros(reference)}
            inputMode="decimal"
            value={form.amount}
            onChange={(e) => setForm({ ...form, amount: e.target.value })}
            error={fields.amountCents}
          />
        </div>
        <div className="row">
          <Field
            label={msg.recu(reference)}
            type="date"
            value={form.receivedOn}
            onChange={(e) => setForm({ ...form, receivedOn: e.target.value })}
            error={fields.receivedOn}
          />
          <Field
            label={msg.cheque(reference)}
            value={form.cheque}
            onChange={(e) => setForm({ ...form, cheque: e.target.value })}
            error={fields.chequeNumber}
          />
        </div>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {msg.enregistrerReglement}
          </button>
        </div>
      </form>
    </details>
  );
}

/**
 * Reverses a payment received at the desk (an entry error, a cheque returned unpaid): asked with
 * what it does and its reason, which the family's mail quotes.
 */
function ReversePayment({
  details,
  payment,
  onSaved,
}: {
  readonly details: InvoiceDetails;
  readonly payment: InvoiceDetails['payments'][number];
  readonly onSaved: (message: string) => Promise<void>;
}) {
  const { busy, alert, run } = useSubmit();
  const reference = details.invoice.reference;
  const method = PAYMENT_METHOD_LABELS[payment.method] ?? payment.method;
  const what = msg.reglementDecrit(
    method.charAt(0).toLowerCase() + method.slice(1),
    payment.chequeNumber,
    formatCents(payment.amountCents),
    formatDate(payment.receivedOn),
  );
  return (
    <>
      {' '}
      <ConfirmAction
        secondary
        disabled={busy}
        label={msg.annulerReglement(what)}
        title={msg.annulerReglement2(what)}
        effect={
          <p>
            {msg.reglementAnnuleEffet(what, reference, formatCents(-payment.amountCents))}{' '}
            {payment.method === 'cheque'
              ? payment.depositSlipId
                ? msg.chequeRemisEffet
                : msg.chequeNonRemisEffet
              : ''}{' '}
            {msg.celaNeSAnnulePas}
          </p>
        }
        reasonLabel={msg.motifAnnulationReglement}
        reasonExample={msg.chequeRevenuImpaye}
        confirmLabel={msg.annulerCeReglement}
        onConfirm={(reason) =>
          void run(async () => {
            await api('POST', `/api/staff/payments/${payment.id}/reversal`, { reason });
            await onSaved(msg.reglementAnnule(what, reference));
          })
        }
      />
      <FormAlert message={alert} />
    </>
  );
}

/**
 * Cancels a confirmed place with the provider's fee: credit note, fee invoice, refund. Its
 * confirmation shows the fee and the refund the server rehearsed, and it is made at those only.
 */
function CancelForm({
  details,
  onSaved,
}: {
  readonly details: InvoiceDetails;
  readonly onSaved: (message: string) => Promise<void>;
}) {
  const reference = details.invoice.reference;
  const url = `/api/staff/registrations/${details.invoice.registrationId ?? ''}/cancel`;
  const [fee, setFee] = useState('0');
  const [justified, setJustified] = useState(false);
  const { busy, alert, fields, run } = useSubmit();
  const { preview, load, expected } = usePlaceChangePreview(url);
  const body = () => ({ organismFeeCents: parseEuros(fee), justified });
  const cancel = () =>
    void run(async () => {
      const result = await api<{
        creditNote: { reference: string };
        feeCents: number;
        refundCents: number;
      }>('POST', url, { ...body(), expected: expected() });
      await onSaved(
        msg.placeAnnuleeAvoirFrais(
          result.creditNote.reference,
          formatCents(result.feeCents),
          formatCents(result.refundCents),
        ),
      );
    });
  return (
    <details>
      <summary>{msg.annulerPlace(reference)}</summary>
      <form onSubmit={(event) => event.preventDefault()} noValidate>
        <FormAlert message={alert} />
        <Field
          label={msg.fraisPrestataireEuros(reference)}
          hint={msg.surCoutAvantSubvention}
          inputMode="decimal"
          value={fee}
          onChange={(e) => setFee(e.target.value)}
          error={fields.organismFeeCents}
        />
        <Checkbox
          label={msg.desistementJustifie(reference)}
          checked={justified}
          onChange={(e) => setJustified(e.target.checked)}
        />
        <div className="actions">
          <ConfirmAction
            secondary
            disabled={busy}
            ready={preview !== null}
            label={msg.annulerPlaceEmettreAvoir(reference)}
            title={msg.annulerPlaceFactureePar(reference)}
            onOpen={() => void run(() => load(body()))}
            effect={
              <PlaceChangeEffect
                preview={preview}
                refusal={busy ? null : alert}
                closing={msg.avoirReprendTouteFacture(reference)}
              />
            }
            confirmLabel={msg.annulerPlace2}
            onConfirm={cancel}
          />
        </div>
      </form>
    </details>
  );
}

function ChequeSlips({ today }: { readonly today: string }) {
  const [until, setUntil] = useState(today);
  const [cheques, setCheques] = useState<
    {
      id: string;
      reference: string;
      member: string;
      chequeNumber: string;
      amountCents: number;
      cashOn: string;
    }[]
  >([]);
  const [slip, setSlip] = useState<{ id: string; reference: string } | null>(null);
  const { busy, alert, run } = useSubmit();
  const load = useCallback(async () => {
    setCheques(
      (await api<{ cheques: typeof cheques }>('GET', `/api/staff/cheques?until=${until}`)).cheques,
    );
  }, [until]);
  const loading = useLoad(load, until);
  return (
    <section aria-labelledby="cheques">
      <h2 id="cheques">{msg.remiseCheques}</h2>
      <FormAlert message={alert} />
      <Field
        label={msg.chequesEncaisserJusqu}
        type="date"
        value={until}
        onChange={(e) => setUntil(e.target.value)}
      />
      {loading.failure ? (
        <Loading {...loading} />
      ) : cheques.length === 0 ? (
        <p id="no-cheque">{msg.aucunChequeRemettreJusqu(formatDate(until))}</p>
      ) : (
        <ul>
          {cheques.map((c) => (
            <li key={c.id}>
              {msg.cheque2(
                formatDate(c.cashOn),
                c.chequeNumber,
                c.member,
                c.reference,
                formatCents(c.amountCents),
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <ConfirmAction
          disabled={busy || cheques.length === 0}
          label={msg.creerRemise(formatDate(until))}
          title={msg.creerRemise(formatDate(until))}
          effect={
            <p>
              {msg.remiseEffet(
                cheques.length,
                formatCents(cheques.reduce((sum, c) => sum + c.amountCents, 0)),
              )}
            </p>
          }
          confirmLabel={msg.creerRemiseConfirmer(cheques.length)}
          onConfirm={() =>
            void run(async () => {
              try {
                setSlip(
                  await api('POST', '/api/staff/deposit-slips', {
                    depositedOn: until,
                    // The cheques listed here: another list now is refused, said, and reread.
                    expectedCheques: cheques.map((c) => c.id),
                  }),
                );
              } finally {
                await load();
              }
            })
          }
        />
        {slip ? (
          <a href={`/api/staff/deposit-slips/${slip.id}/pdf`} target="_blank" rel="noreferrer">
            {msg.bordereauPdf(slip.reference)}
          </a>
        ) : null}
      </div>
    </section>
  );
}

function Exports({ today }: { readonly today: string }) {
  const [filter, setFilter] = useState({
    sector: '',
    from: `${today.slice(0, 4)}-01-01`,
    to: `${today.slice(0, 4)}-12-31`,
  });
  const [report, setReport] = useState<{
    invoices: number;
    problems: { reference: string; problem: string }[];
  } | null>(null);
  const { session } = useSession();
  // The check's own alert: one that cannot run says why, next to its button.
  const check = useSubmit();
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== '')).toString();
  // A period the server would refuse: said on its date, no link to a file that would be an error.
  const dates: { from?: string; to?: string } =
    filter.from === ''
      ? { from: msg.premierJourExport }
      : filter.to === '' || filter.to < filter.from
        ? { to: msg.dernierJourExport }
        : {};
  return (
    <section aria-labelledby="exports">
      <h2 id="exports">{msg.exportsComptables}</h2>
      <div className="row">
        <SelectField
          label={msg.secteurExport}
          options={{ '': msg.mesSecteurs, ...ownSectorLabels(session?.user) }}
          value={filter.sector}
          onChange={(e) => setFilter({ ...filter, sector: e.target.value })}
        />
        <Field
          label={msg.du}
          type="date"
          value={filter.from}
          onChange={(e) => setFilter({ ...filter, from: e.target.value })}
          error={dates.from}
        />
        <Field
          label={msg.au}
          type="date"
          value={filter.to}
          onChange={(e) => setFilter({ ...filter, to: e.target.value })}
          error={dates.to}
        />
      </div>
      {(dates.from ?? dates.to) ? (
        <p>{msg.corrigezDatesExport}</p>
      ) : (
        <ul>
          {(['invoices', 'payments', 'subsidies'] as const).map((kind) => (
            <li key={kind}>
              {
                {
                  invoices: msg.facturesAvoirs,
                  payments: msg.reglements,
                  subsidies: msg.subventionsParSecteurPar,
                }[kind]
              }{' '}
              : <a href={`/api/staff/exports/${kind}.csv?${query}`}>{msg.csv}</a>,{' '}
              <a href={`/api/staff/exports/${kind}.xlsx?${query}`}>{msg.xlsx}</a>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={check.busy}
          onClick={() =>
            void check.run(async () => {
              setReport(null);
              setReport(await api<typeof report>('GET', '/api/staff/billing/consistency'));
            })
          }
        >
          {msg.controlerCoherenceMontants}
        </button>
      </div>
      <FormAlert message={check.alert} />
      {report ? (
        <p role="status">
          {report.problems.length === 0
            ? msg.piecesControleesToutCoherent(report.invoices)
            : `${msg.anomalie(report.problems.length)} : ${report.problems.map((p) => `${p.reference} — ${p.problem}`).join(' ; ')}`}
        </p>
      ) : null}
    </section>
  );
}

/** The first instalment not paid in full, if any. */
const nextDue = (details: InvoiceDetails) => dueInstalments(details.account)[0] ?? null;

/** Every balance to follow at a glance: sorted, searched, by pages; each opens its invoice. */
function BalancesTable({
  invoices,
  today,
}: {
  readonly invoices: readonly InvoiceDetails[];
  readonly today: string;
}) {
  const columns: ColumnDef<InvoiceDetails>[] = [
    {
      id: 'reference',
      header: msg.facture,
      accessorFn: (d) => d.invoice.reference,
      cell: ({ row }) => (
        <a href={`#facture-${row.original.invoice.reference}`}>{row.original.invoice.reference}</a>
      ),
    },
    { id: 'member', header: msg.adherent, accessorFn: (d) => d.member ?? '' },
    {
      id: 'sector',
      header: msg.secteur,
      accessorFn: (d) => SECTOR_LABELS[d.invoice.sector],
    },
    {
      id: 'due',
      header: msg.prochaineEcheance,
      accessorFn: (d) => nextDue(d)?.dueOn ?? '',
      cell: ({ row }) => {
        const due = nextDue(row.original);
        if (!due) return '—';
        return (
          <>
            {formatDate(due.dueOn)}{' '}
            {due.dueOn <= today ? <span className="badge badge-late">{msg.retard}</span> : null}
          </>
        );
      },
    },
    {
      id: 'balance',
      header: msg.restePayer,
      accessorFn: (d) => d.account.balanceCents,
      cell: ({ row }) => formatCents(row.original.account.balanceCents),
    },
  ];
  return (
    <DataTable
      caption={msg.soldesSuivre}
      rows={invoices}
      columns={columns}
      counted={msg.factureCounted}
      filterHint={msg.referenceNomSecteurOu}
      initialSorting={[{ id: 'due', desc: false }]}
    />
  );
}

/** Payments desk: unpaid balances to follow, payments entry, cancellations, cheques, exports. */
export function PaymentsPage() {
  const [reference, setReference] = useState('');
  const [invoices, setInvoices] = useState<InvoiceDetails[] | null>(null);
  const [today, setToday] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async (search = '') => {
    const answer = await api<{ invoices: InvoiceDetails[]; today: string }>(
      'GET',
      `/api/staff/invoices${search ? `?reference=${encodeURIComponent(search)}` : ''}`,
    );
    setInvoices(answer.invoices);
    setToday(answer.today);
  }, []);
  const loading = useLoad(load);
  const saved = async (message: string) => {
    setNotice(message);
    await load(reference);
  };
  return (
    <RequireUser staff={SECTIONS.payments}>
      <PageTitle>{msg.reglementsFactures}</PageTitle>
      <StaffNav />
      {notice ? <Notice>{notice}</Notice> : null}
      <KeptNotifications onHandled={setNotice} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void load(reference);
        }}
        noValidate
        className="row"
      >
        <Field
          label={msg.referenceFactureVideSoldes}
          value={reference}
          onChange={(e) => setReference(e.target.value)}
        />
        <div className="actions">
          <button type="submit">{msg.chercher}</button>
        </div>
      </form>
      {invoices === null || today === null ? (
        <Loading {...loading} />
      ) : invoices.length === 0 ? (
        <p>{msg.aucuneFacture(reference ? msg.avecCetteReference : msg.avecSoldePayer)}</p>
      ) : (
        <>
          {reference ? null : <BalancesTable invoices={invoices} today={today} />}
          <ul className="cards" aria-label={reference ? msg.facturesTrouvees : msg.soldesImpayes}>
            {invoices.map((details) => (
              <InvoiceCard
                key={details.invoice.id}
                details={details}
                pdfUrl={`/api/staff/invoices/${details.invoice.id}/pdf`}
                paymentAction={(payment) =>
                  payment.reversible ? (
                    <ReversePayment details={details} payment={payment} onSaved={saved} />
                  ) : null
                }
              >
                {details.account.balanceCents > 0 ? (
                  <PaymentForm details={details} today={today} onSaved={saved} />
                ) : null}
                {details.invoice.registrationId &&
                details.account.creditedCents === 0 &&
                details.invoice.lines[0]?.kind === 'stay' ? (
                  <>
                    <PlaceChangeForm details={details} onSaved={saved} />
                    <CancelForm details={details} onSaved={saved} />
                  </>
                ) : null}
              </InvoiceCard>
            ))}
          </ul>
        </>
      )}
      {today ? <ChequeSlips today={today} /> : null}
      {today ? <Exports today={today} /> : null}
    </RequireUser>
  );
}
