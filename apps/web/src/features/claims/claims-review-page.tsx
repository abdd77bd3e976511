import type { BulkAnswer, ClaimView, Payout } from '@entraide/contract';
import { useCallback, useState } from 'react';
import { api, ApiError, download } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { BulkSection, bulkNotice } from '../../shared/bulk-section.tsx';
import { toggled } from '../../shared/data-table.tsx';
import { ConfirmAction, RefuseRequest } from '../../shared/confirm-action.tsx';
import { DocumentToggle } from '../../shared/document-toggle.tsx';
import { DownloadButton } from '../../shared/download-button.tsx';
import { Checkbox, Field, FormAlert, Notice, ScrollingTable } from '../../shared/form.tsx';
import { formatCents, formatDate, formatNumber, parseEuros } from '../../shared/format.ts';
import { CLAIM_TYPE_LABELS } from '../../messages/labels.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { SECTIONS, worksIn } from '../staff/staff-sections.ts';
import { PreparePayout } from './prepare-payout.tsx';
import { StaffNav } from '../staff/staff-nav.tsx';
import { claimFacts } from './my-claims-page.tsx';
import { claimsReviewPage as msg } from '../../messages/claims.ts';

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
          // What the confirmation said: an amount that changed since is refused, and shown.
          ...(decision === 'approve' ? { expectedCents: claim.quote.subsidyCents } : {}),
          ...(reason ? { reason } : {}),
        },
      ).catch(async (error: unknown) => {
        if (!(error instanceof ApiError && error.code === 'amount_changed')) throw error;
        await onDone(error.message);
        return null;
      });
      if (!decided) return;
      await onDone(
        decided.approvedCents === null
          ? msg.demandeRefusee(claim.number)
          : msg.demandeAccordee(claim.number, formatCents(decided.approvedCents)),
      );
    });
  const n = claim.number;
  const told = msg.recoitCourrielDecisionNe(claim.member);
  return (
    <div>
      <FormAlert message={alert} />
      <div className="actions">
        <ConfirmAction
          disabled={busy}
          label={msg.accorder(formatCents(claim.quote.subsidyCents), n)}
          title={msg.accorderDemande(n)}
          effect={
            <p>
              {msg.serontVersesParVirement(
                formatCents(claim.quote.subsidyCents),
                claim.member,
                told,
              )}
            </p>
          }
          confirmLabel={msg.accorder2(formatCents(claim.quote.subsidyCents))}
          onConfirm={decide('approve')}
        />
        <RefuseRequest
          number={n}
          nothing={msg.rienNeSeraVerse}
          told={told}
          disabled={busy}
          onConfirm={decide('reject')}
        />
      </div>
      <Field
        label={msg.montantAccordePartieEuros(n)}
        hint={msg.moinsParExemple50(formatCents(claim.quote.subsidyCents))}
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        error={fields.amountCents}
      />
      <div className="actions">
        <ConfirmAction
          secondary
          disabled={busy || amount.trim() === ''}
          label={msg.accorderPartie(n)}
          title={msg.accorderPartieDemande(n)}
          effect={
            <p>
              {msg.lieuSerontVersesDans(
                amount.trim(),
                formatCents(claim.quote.subsidyCents),
                claim.member,
                told,
              )}
            </p>
          }
          reasonLabel={msg.motifAccordPartielRepris}
          confirmLabel={msg.accorderCeMontant}
          onConfirm={decide('partial')}
        />
      </div>
    </div>
  );
}

const PAYOUT_STATES: Readonly<Record<Payout['state'], string>> = {
  prepared: msg.prepare,
  exported: msg.fichierExporteConfirmer,
  sent: msg.envoyeBanque,
  cancelled: msg.annule,
};

/**
 * A batch the bank has not received, cancelled: prepared by mistake, or its file rejected. Its
 * claims go back to the next batch; the reason is kept in the audit log.
 */
function CancelPayout({
  payout,
  what,
  busy,
  act,
}: {
  readonly payout: Payout;
  readonly what: string;
  readonly busy: boolean;
  readonly act: (action: () => Promise<string>) => void;
}) {
  const { reference, state } = payout;
  return (
    <ConfirmAction
      secondary
      disabled={busy}
      label={msg.annulerLot(reference)}
      title={msg.annulerLot2(reference)}
      effect={<p>{msg.lotAnnuleEffet(what, state === 'exported')}</p>}
      reasonLabel={msg.motifAnnulationLot}
      reasonKept={msg.gardeJournal}
      reasonExample={msg.fichierRejeteBanque}
      confirmLabel={msg.annulerLot3}
      onConfirm={(reason) =>
        act(async () => {
          await api('POST', `/api/staff/payouts/${payout.id}/cancellation`, {
            reason,
            expectedState: state,
          });
          return msg.lotAnnule(reference);
        })
      }
    />
  );
}

/** One batch and the next step it waits for: export its file, then confirm the bank got it. */
function PayoutRow({
  payout,
  today,
  busy,
  sentOnError,
  act,
}: {
  readonly payout: Payout;
  readonly today: string;
  readonly busy: boolean;
  readonly sentOnError: string | undefined;
  readonly act: (action: () => Promise<string>) => void;
}) {
  const [sentOn, setSentOn] = useState(today);
  const what = `${msg.virement(payout.claims)}, ${formatCents(payout.totalCents)}`;
  const { reference } = payout;
  return (
    <tr>
      <td>{reference}</td>
      <td>{what}</td>
      <td>{formatDate(payout.executionDate)}</td>
      <td>
        <span className={`badge badge-${payout.state}`}>{PAYOUT_STATES[payout.state]}</span>
        {payout.sentOn ? msg.le(formatDate(payout.sentOn)) : ''}
        {payout.cancellationReason ? ` : ${payout.cancellationReason}` : ''}
      </td>
      <td>
        {payout.state === 'cancelled' ? null : payout.state === 'prepared' ? (
          <ConfirmAction
            disabled={busy}
            label={msg.exporterFichierSepa(reference)}
            title={msg.exporterFichierSepa2(reference)}
            effect={<p>{msg.fichierVerifiePuisTelecharge(what)}</p>}
            confirmLabel={msg.exporterFigerLot}
            onConfirm={() =>
              act(async () => {
                await download('POST', `/api/staff/payouts/${payout.id}/export`);
                return msg.fichierXmlExporteConforme(reference);
              })
            }
          />
        ) : (
          <DownloadButton
            label={msg.copieFichierSepa(reference)}
            url={`/api/staff/payouts/${payout.id}/pain.xml`}
          />
        )}
        {payout.state === 'exported' ? (
          <>
            <Field
              label={msg.jourReceptionParBanque(reference)}
              type="date"
              max={today}
              value={sentOn}
              onChange={(e) => setSentOn(e.target.value)}
              error={sentOnError}
            />
            <ConfirmAction
              disabled={busy}
              label={msg.confirmerEnvoiBanque(reference)}
              title={msg.banqueRecuLot(reference)}
              effect={
                <p>
                  {msg.lotNoteEnvoyeSes(
                    formatDate(sentOn),
                    payout.claims,
                    formatCents(payout.totalCents),
                  )}
                </p>
              }
              confirmLabel={msg.confirmerEnvoi}
              onConfirm={() =>
                act(async () => {
                  await api('POST', `/api/staff/payouts/${payout.id}/sent`, { sentOn });
                  return msg.lotEnvoyeBanqueAgent(reference, formatDate(sentOn), payout.claims);
                })
              }
            />
          </>
        ) : null}
        {payout.state === 'prepared' || payout.state === 'exported' ? (
          <CancelPayout payout={payout} what={what} busy={busy} act={act} />
        ) : null}
      </td>
    </tr>
  );
}

function Payouts({ today }: { readonly today: string }) {
  const [payouts, setPayouts] = useState<Payout[] | null>(null);
  const [date, setDate] = useState(today);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, alert, fields, run } = useSubmit();
  const load = useCallback(async () => {
    setPayouts((await api<{ payouts: Payout[] }>('GET', '/api/staff/payouts')).payouts);
  }, []);
  const loading = useLoad(load);
  /** A button's action, then what it did and the batches as they now are. */
  const act = (action: () => Promise<string>) =>
    void run(async () => {
      setNotice(null);
      const message = await action();
      await loading.reload();
      setNotice(message);
    });
  const create = async (expectedClaims: readonly string[]) => {
    const { payout, waitingForAccount } = await api<{
      payout: Payout;
      waitingForAccount: number;
    }>('POST', '/api/staff/payouts', { executionDate: date, expectedClaims });
    return msg.lotPrepareVirement(
      payout.reference,
      payout.claims,
      formatCents(payout.totalCents),
      waitingForAccount > 0 ? msg.subventionAccordeeAttendSubventions(waitingForAccount) : '',
    );
  };
  return (
    <section aria-labelledby="payouts">
      <h2 id="payouts">{msg.virements}</h2>
      <p>{msg.lotPasseParTrois}</p>
      <FormAlert message={alert} />
      {notice ? <Notice>{notice}</Notice> : null}
      <Field
        label={msg.dateExecutionLot}
        type="date"
        min={today}
        value={date}
        onChange={(e) => setDate(e.target.value)}
        error={fields.executionDate}
      />
      <div className="actions">
        <PreparePayout
          date={date}
          disabled={busy || date === ''}
          onPrepare={(claims) => act(() => create(claims))}
        />
      </div>
      {payouts === null ? (
        <Loading {...loading} />
      ) : payouts.length > 0 ? (
        <ScrollingTable label={msg.lotsVirements}>
          <table>
            <caption>{msg.lotsVirements}</caption>
            <thead>
              <tr>
                <th scope="col">{msg.lot}</th>
                <th scope="col">{msg.virements}</th>
                <th scope="col">{msg.execution}</th>
                <th scope="col">{msg.etat}</th>
                <th scope="col">{msg.etapeSuivante}</th>
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
        {
          claimIds: ticked.map((c) => c.id),
          expectedCents: Object.fromEntries(ticked.map((c) => [c.id, c.quote.subsidyCents])),
        },
      );
      onChoose(new Set());
      const paid = answer.done.reduce((sum, a) => sum + a.approvedCents, 0);
      const number = (id: string) => claims.find((c) => c.id === id)?.number ?? '?';
      await onDone(
        bulkNotice(
          msg.demandeAccordeeDemandesAccordees(answer.done.length, formatCents(paid)),
          answer,
          (id) => msg.demandeLaissee(number(id)),
        ),
      );
    });
  return (
    <BulkSection
      id="bulk"
      title={msg.accordGroupe}
      alert={alert}
      status={
        ticked.length === 0
          ? msg.cochezDemandesConcordantesAccorder
          : msg.demandeCocheeDemandesCochees(ticked.length, formatCents(total))
      }
    >
      <Checkbox
        label={msg.cocherDemandeListe(claims.length)}
        checked={ticked.length === claims.length}
        onChange={(e) => onChoose(new Set(e.target.checked ? claims.map((c) => c.id) : []))}
      />
      <ConfirmAction
        disabled={busy || ticked.length === 0}
        label={msg.accorderDemandesCochees(ticked.length)}
        title={msg.accorder3(msg.demandeDemandes(ticked.length))}
        effect={
          <>
            <ul>
              {ticked.map((c) => (
                <li key={c.id}>{msg.n(c.number, c.member, formatCents(c.quote.subsidyCents))}</li>
              ))}
            </ul>
            <p>{msg.totalVersesParVirement(formatCents(total))}</p>
          </>
        }
        confirmLabel={msg.accorder4(formatCents(total))}
        onConfirm={approve}
      />
    </BulkSection>
  );
}

export function ClaimsReviewPage() {
  const { session } = useSession();
  const user = session?.user;
  return (
    <RequireUser staff={SECTIONS.claims}>
      <PageTitle>{msg.subventionsPosteriori}</PageTitle>
      <StaffNav />
      {/* The accounting desk makes the payout batches; the sectors examine their claims too. */}
      {user && worksIn(user, SECTIONS.activities) ? <ClaimsQueue /> : null}
      {session ? <Payouts today={session.today} /> : null}
    </RequireUser>
  );
}

/** The sector's claims to examine, oldest first, each with its receipts and decision. */
function ClaimsQueue() {
  const [queue, setQueue] = useState<{ claims: ClaimView[]; waiting: number } | null>(null);
  const claims = queue?.claims ?? null;
  const [notice, setNotice] = useState<string | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const load = useCallback(async () => {
    setQueue(await api<{ claims: ClaimView[]; waiting: number }>('GET', '/api/staff/claims'));
  }, []);
  const loading = useLoad(load);
  const done = async (message: string) => {
    await loading.reload();
    setNotice(message);
  };
  return (
    <>
      {notice ? <Notice>{notice}</Notice> : null}
      {claims === null ? (
        <Loading {...loading} />
      ) : claims.length === 0 ? (
        <p>{msg.aucuneDemandeExaminer}</p>
      ) : (
        <>
          {queue && queue.waiting > claims.length ? (
            <p>{msg.plusAnciennes(formatNumber(claims.length), formatNumber(queue.waiting))}</p>
          ) : null}
          <BulkApproval claims={claims} chosen={chosen} onChoose={setChosen} onDone={done} />
          <ul className="cards" aria-label={msg.demandesExaminer}>
            {claims.map((c) => (
              <li key={c.id} className="card">
                <h2>{msg.n2(c.number, c.member, CLAIM_TYPE_LABELS[c.type] ?? c.type)}</h2>
                <p>
                  {msg.payeBaseSubventionCalculee(
                    ...claimFacts(c),
                    formatCents(c.quote.baseCents),
                    formatCents(c.quote.subsidyCents),
                    c.quote.reasons.length > 0
                      ? ` (${c.quote.reasons.map((r) => r.text).join(' ; ')})`
                      : '',
                  )}
                </p>
                <ul aria-label={msg.justificatifsDemande(c.number)}>
                  {c.documentIds.map((id, i) => (
                    <li key={id}>
                      <a href={`/api/documents/${id}`} target="_blank" rel="noreferrer">
                        {msg.justificatifDemande(i + 1, c.number)}
                      </a>
                      <DocumentToggle
                        url={`/api/documents/${id}`}
                        title={msg.justificatifDemande(i + 1, c.number)}
                      />
                    </li>
                  ))}
                </ul>
                <Checkbox
                  label={msg.cocherDemandePourAccord(c.number)}
                  checked={chosen.has(c.id)}
                  onChange={(e) => setChosen(toggled(chosen, c.id, e.target.checked))}
                />
                <Decision claim={c} onDone={done} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
