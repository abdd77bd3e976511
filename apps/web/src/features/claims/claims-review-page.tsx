import { useCallback, useEffect, useState } from 'react';
import { api, download } from '../../shared/api.ts';
import { BulkSection, bulkNotice, type BulkAnswer } from '../../shared/bulk-section.tsx';
import { toggled } from '../../shared/data-table.tsx';
import { ConfirmAction, RefuseRequest } from '../../shared/confirm-action.tsx';
import { DocumentToggle } from '../../shared/document-toggle.tsx';
import { Checkbox, Field, FormAlert, Notice, ScrollingTable } from '../../shared/form.tsx';
import { count } from '../../shared/french.ts';
import { formatCents, formatDate, parseEuros } from '../../shared/format.ts';
import { CLAIM_TYPE_LABELS } from '../../shared/labels.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { StaffNav } from '../staff/staff-nav.tsx';
import type { ClaimView } from './my-claims-page.tsx';

function Decision({
  claim,
  onDone,
}: {
  readonly claim: ClaimView;
  readonly onDone: (message: string) => Promise<void>;
}) {
  const [amount, setAmount] = useState('');
  const { busy, alert, fields, run } = useSubmit();
  const decide = (decision: 'approve' | 'partial' | 'reject') => (reason: string) =>
    void run(async () => {
      const decided = await api<{ approvedCents: number | null }>(
        'POST',
        `/api/staff/claims/${claim.id}/decision`,
        {
          decision,
          ...(decision === 'partial' ? { amountCents: parseEuros(amount) } : {}),
          ...(reason ? { reason } : {}),
        },
      );
      await onDone(
        decided.approvedCents === null
          ? `Demande n° ${claim.number} refusée.`
          : `Demande n° ${claim.number} accordée : ${formatCents(decided.approvedCents)}.`,
      );
    });
  const n = claim.number;
  const told = `${claim.member} reçoit un courriel. Une décision ne se modifie plus.`;
  return (
    <div>
      <FormAlert message={alert} />
      <div className="actions">
        <ConfirmAction
          disabled={busy}
          label={`Accorder ${formatCents(claim.quote.subsidyCents)} (n° ${n})`}
          title={`Accorder la demande n° ${n} ?`}
          effect={
            <p>
              {formatCents(claim.quote.subsidyCents)} seront versés à {claim.member} par virement,
              dans le prochain lot. {told}
            </p>
          }
          confirmLabel={`Accorder ${formatCents(claim.quote.subsidyCents)}`}
          onConfirm={decide('approve')}
        />
        <RefuseRequest
          number={n}
          nothing="Rien ne sera versé pour cette demande."
          told={told}
          disabled={busy}
          onConfirm={decide('reject')}
        />
      </div>
      <Field
        label={`Montant accordé en partie, en euros (n° ${n})`}
        hint={`Moins que ${formatCents(claim.quote.subsidyCents)}, par exemple 50 ou 49,90.`}
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        error={fields.amountCents}
      />
      <div className="actions">
        <ConfirmAction
          secondary
          disabled={busy || amount.trim() === ''}
          label={`Accorder en partie (n° ${n})`}
          title={`Accorder en partie la demande n° ${n} ?`}
          effect={
            <p>
              {amount.trim()} € au lieu de {formatCents(claim.quote.subsidyCents)} seront versés à{' '}
              {claim.member}, dans le prochain lot. {told}
            </p>
          }
          reasonLabel="Motif de l’accord partiel (repris dans le courriel)"
          confirmLabel="Accorder ce montant"
          onConfirm={decide('partial')}
        />
      </div>
    </div>
  );
}

interface PayoutView {
  id: string;
  reference: string;
  totalCents: number;
  claims: number;
  executionDate: string;
  exportedAt: string | null;
  sentOn: string | null;
  state: 'prepared' | 'exported' | 'sent';
}

const PAYOUT_STATES: Readonly<Record<PayoutView['state'], string>> = {
  prepared: 'préparé',
  exported: 'fichier exporté, à confirmer',
  sent: 'envoyé à la banque',
};

/** One batch and the next step it waits for: export its file, then confirm the bank got it. */
function PayoutRow({
  payout,
  today,
  busy,
  sentOnError,
  act,
}: {
  readonly payout: PayoutView;
  readonly today: string;
  readonly busy: boolean;
  readonly sentOnError: string | undefined;
  readonly act: (action: () => Promise<string>) => void;
}) {
  const [sentOn, setSentOn] = useState(today);
  const what = `${count(payout.claims, 'virement')}, ${formatCents(payout.totalCents)}`;
  const { reference } = payout;
  return (
    <tr>
      <td>{reference}</td>
      <td>{what}</td>
      <td>{formatDate(payout.executionDate)}</td>
      <td>
        <span className={`badge badge-${payout.state}`}>{PAYOUT_STATES[payout.state]}</span>
        {payout.sentOn ? ` le ${formatDate(payout.sentOn)}` : ''}
      </td>
      <td>
        {payout.state === 'prepared' ? (
          <ConfirmAction
            disabled={busy}
            label={`Exporter le fichier SEPA ${reference}`}
            title={`Exporter le fichier SEPA ${reference} ?`}
            effect={
              <p>
                Le fichier ({what}) est vérifié puis téléchargé, et le lot est figé : il ne changera
                plus. Remettez-le à la banque, puis confirmez ici l’envoi ; les subventions ne
                seront versées qu’à ce moment-là.
              </p>
            }
            confirmLabel="Exporter et figer le lot"
            onConfirm={() =>
              act(async () => {
                await download(
                  'POST',
                  `/api/staff/payouts/${payout.id}/export`,
                  `${reference}.xml`,
                );
                return `Fichier ${reference}.xml exporté, conforme au schéma pain.001.001.03 : remettez-le à la banque, puis confirmez l’envoi.`;
              })
            }
          />
        ) : (
          <a href={`/api/staff/payouts/${payout.id}/pain.xml`} download={`${reference}.xml`}>
            Copie du fichier SEPA {reference}
          </a>
        )}
        {payout.state === 'exported' ? (
          <>
            <Field
              label={`Jour de réception par la banque (${reference})`}
              type="date"
              max={today}
              value={sentOn}
              onChange={(e) => setSentOn(e.target.value)}
              error={sentOnError}
            />
            <ConfirmAction
              disabled={busy}
              label={`Confirmer l’envoi à la banque (${reference})`}
              title={`La banque a reçu le lot ${reference} ?`}
              effect={
                <p>
                  Le lot est noté envoyé le {formatDate(sentOn)} : ses{' '}
                  {count(payout.claims, 'subvention')} ({formatCents(payout.totalCents)}) passent à
                  « versée » et chaque agent reçoit un courriel. Cela ne s’annule pas.
                </p>
              }
              confirmLabel="Confirmer l’envoi"
              onConfirm={() =>
                act(async () => {
                  await api('POST', `/api/staff/payouts/${payout.id}/sent`, { sentOn });
                  return `Lot ${reference} envoyé à la banque le ${formatDate(sentOn)} : ${count(payout.claims, 'agent prévenu', 'agents prévenus')}.`;
                })
              }
            />
          </>
        ) : null}
      </td>
    </tr>
  );
}

function Payouts({ today }: { readonly today: string }) {
  const [payouts, setPayouts] = useState<PayoutView[]>([]);
  const [date, setDate] = useState(today);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, alert, fields, run } = useSubmit();
  const load = useCallback(async () => {
    setPayouts((await api<{ payouts: PayoutView[] }>('GET', '/api/staff/payouts')).payouts);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  /** A button's action, then what it did and the batches as they now are. */
  const act = (action: () => Promise<string>) =>
    void run(async () => {
      setNotice(null);
      setNotice(await action());
      await load();
    });
  const create = async () => {
    const { payout, waitingForAccount } = await api<{
      payout: PayoutView;
      waitingForAccount: number;
    }>('POST', '/api/staff/payouts', { executionDate: date });
    return `Lot ${payout.reference} préparé : ${count(payout.claims, 'virement')}, ${formatCents(payout.totalCents)}.${
      waitingForAccount > 0
        ? ` ${count(waitingForAccount, 'subvention accordée attend', 'subventions accordées attendent')} que l’agent enregistre un RIB valide.`
        : ''
    }`;
  };
  return (
    <section aria-labelledby="payouts">
      <h2 id="payouts">Virements</h2>
      <p>
        Un lot passe par trois étapes : préparé, fichier exporté, puis envoyé à la banque — seule la
        dernière, confirmée par vous, rend les subventions versées et prévient les agents.
      </p>
      <FormAlert message={alert} />
      {notice ? <Notice>{notice}</Notice> : null}
      <Field
        label="Date d’exécution du lot"
        type="date"
        min={today}
        value={date}
        onChange={(e) => setDate(e.target.value)}
        error={fields.executionDate}
      />
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => act(create)}>
          Préparer le lot des subventions accordées
        </button>
      </div>
      {payouts.length > 0 ? (
        <ScrollingTable label="Lots de virements">
          <table>
            <caption>Lots de virements</caption>
            <thead>
              <tr>
                <th scope="col">Lot</th>
                <th scope="col">Virements</th>
                <th scope="col">Exécution</th>
                <th scope="col">État</th>
                <th scope="col">Étape suivante</th>
              </tr>
            </thead>
            <tbody>
              {payouts.map((p) => (
                <PayoutRow
                  key={p.id}
                  payout={p}
                  today={today}
                  busy={busy}
                  sentOnError={fields.sentOn}
                  act={act}
                />
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      ) : null}
    </section>
  );
}

/** Subventions a posteriori: the sector's queue with receipts, decisions, and payout batches. */
/** Several claims approved at once: the ones ticked, each at its own amount, after a summary. */
function BulkApproval({
  claims,
  chosen,
  onChoose,
  onDone,
}: {
  readonly claims: readonly ClaimView[];
  readonly chosen: ReadonlySet<string>;
  readonly onChoose: (ids: ReadonlySet<string>) => void;
  readonly onDone: (message: string) => Promise<void>;
}) {
  const { busy, alert, run } = useSubmit();
  const ticked = claims.filter((c) => chosen.has(c.id));
  const total = ticked.reduce((sum, c) => sum + c.quote.subsidyCents, 0);
  const approve = () =>
    void run(async () => {
      const answer = await api<BulkAnswer<{ approvedCents: number }>>(
        'POST',
        '/api/staff/claims/approvals',
        { claimIds: ticked.map((c) => c.id) },
      );
      onChoose(new Set());
      const paid = answer.done.reduce((sum, a) => sum + a.approvedCents, 0);
      const number = (id: string) => claims.find((c) => c.id === id)?.number ?? '?';
      await onDone(
        bulkNotice(
          `${count(answer.done.length, 'demande accordée', 'demandes accordées')} : ${formatCents(paid)} au total.`,
          answer,
          (id) => `N° ${number(id)} laissée`,
        ),
      );
    });
  return (
    <BulkSection
      id="bulk"
      title="Accord groupé"
      alert={alert}
      status={
        ticked.length === 0
          ? 'Cochez les demandes concordantes à accorder ensemble, chacune au montant calculé.'
          : `${count(ticked.length, 'demande cochée', 'demandes cochées')}, ${formatCents(total)} au total.`
      }
    >
      <Checkbox
        label={`Cocher les ${count(claims.length, 'demande')} de la liste`}
        checked={ticked.length === claims.length}
        onChange={(e) => onChoose(new Set(e.target.checked ? claims.map((c) => c.id) : []))}
      />
      <ConfirmAction
        disabled={busy || ticked.length === 0}
        label={`Accorder les demandes cochées (${ticked.length})`}
        title={`Accorder ${count(ticked.length, 'demande', 'demandes')} ?`}
        effect={
          <>
            <ul>
              {ticked.map((c) => (
                <li key={c.id}>
                  N° {c.number} — {c.member} : {formatCents(c.quote.subsidyCents)}
                </li>
              ))}
            </ul>
            <p>
              {formatCents(total)} au total, versés par virement dans le prochain lot ; chaque agent
              reçoit un courriel. Une décision ne se modifie plus ; une demande décidée entre-temps
              par un collègue est laissée.
            </p>
          </>
        }
        confirmLabel={`Accorder ${formatCents(total)}`}
        onConfirm={approve}
      />
    </BulkSection>
  );
}

export function ClaimsReviewPage() {
  const { session } = useSession();
  const [claims, setClaims] = useState<ClaimView[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const load = useCallback(async () => {
    setClaims((await api<{ claims: ClaimView[] }>('GET', '/api/staff/claims')).claims);
  }, []);
  const done = async (message: string) => {
    setNotice(message);
    await load();
  };
  useEffect(() => {
    void load().catch(() => setClaims([]));
  }, [load]);
  return (
    <RequireUser staffOnly>
      <PageTitle>Subventions a posteriori</PageTitle>
      <StaffNav />
      {notice ? <Notice>{notice}</Notice> : null}
      {claims === null ? (
        <p role="status">Chargement…</p>
      ) : claims.length === 0 ? (
        <p>Aucune demande à examiner.</p>
      ) : (
        <>
          <BulkApproval claims={claims} chosen={chosen} onChoose={setChosen} onDone={done} />
          <ul className="cards" aria-label="Demandes à examiner">
            {claims.map((c) => (
              <li key={c.id} className="card">
                <h2>
                  N° {c.number} — {c.member} — {CLAIM_TYPE_LABELS[c.type] ?? c.type}
                </h2>
                <p>
                  {c.participant.firstName}, {c.details.organism}, du{' '}
                  {formatDate(c.details.firstDay)} au {formatDate(c.details.lastDay)} : payé{' '}
                  {formatCents(c.details.paidCents)}, base {formatCents(c.quote.baseCents)},
                  subvention calculée {formatCents(c.quote.subsidyCents)}
                  {c.quote.reasons.length > 0
                    ? ` (${c.quote.reasons.map((r) => r.text).join(' ; ')})`
                    : ''}
                  .
                </p>
                <ul aria-label={`Justificatifs de la demande n° ${c.number}`}>
                  {c.documentIds.map((id, i) => (
                    <li key={id}>
                      <a href={`/api/documents/${id}`} target="_blank" rel="noreferrer">
                        Justificatif {i + 1} de la demande n° {c.number}
                      </a>
                      <DocumentToggle
                        url={`/api/documents/${id}`}
                        title={`Justificatif ${i + 1} de la demande n° ${c.number}`}
                      />
                    </li>
                  ))}
                </ul>
                <Checkbox
                  label={`Cocher la demande n° ${c.number} pour l’accord groupé`}
                  checked={chosen.has(c.id)}
                  onChange={(e) => setChosen(toggled(chosen, c.id, e.target.checked))}
                />
                <Decision claim={c} onDone={done} />
              </li>
            ))}
          </ul>
        </>
      )}
      {session ? <Payouts today={session.today} /> : null}
    </RequireUser>
  );
}
