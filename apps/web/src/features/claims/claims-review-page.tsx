import { useCallback, useEffect, useState, type SyntheticEvent } from 'react';
import { api, download } from '../../shared/api.ts';
import { Field, FormAlert, Notice } from '../../shared/form.tsx';
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
  const [reason, setReason] = useState('');
  const { busy, alert, fields, run } = useSubmit();
  const decide = (decision: 'approve' | 'partial' | 'reject') => (event: SyntheticEvent) => {
    event.preventDefault();
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
  };
  const n = claim.number;
  return (
    <form noValidate onSubmit={decide('approve')}>
      <FormAlert message={alert} />
      <div className="row">
        <Field
          label={`Montant accordé en partie, en euros (n° ${n})`}
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
        <button type="submit" disabled={busy}>
          Accorder {formatCents(claim.quote.subsidyCents)} (n° {n})
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={decide('partial')}>
          Accorder en partie (n° {n})
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={decide('reject')}>
          Refuser (n° {n})
        </button>
      </div>
    </form>
  );
}

interface PayoutView {
  id: string;
  reference: string;
  totalCents: number;
  claims: number;
  executionDate: string;
  exportedAt: string | null;
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
  const thenReload = (action: () => Promise<string>) => () =>
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
    return `Lot ${payout.reference} créé : ${payout.claims} virement(s), ${formatCents(payout.totalCents)}.${
      waitingForAccount > 0
        ? ` ${waitingForAccount} subvention(s) accordée(s) attendent que l’agent enregistre un RIB valide.`
        : ''
    }`;
  };
  const exportFile = (payout: PayoutView) => async () => {
    await download('POST', `/api/staff/payouts/${payout.id}/export`, `${payout.reference}.xml`);
    return `Fichier ${payout.reference}.xml exporté, conforme au schéma pain.001.001.03 : le lot est figé et ses subventions sont versées.`;
  };
  return (
    <section aria-labelledby="payouts">
      <h2 id="payouts">Virements</h2>
      <FormAlert message={alert} />
      {notice ? <Notice>{notice}</Notice> : null}
      <Field
        label="Date d’exécution du lot"
        type="date"
        value={date}
        onChange={(e) => setDate(e.target.value)}
        error={fields.executionDate}
      />
      <div className="actions">
        <button type="button" disabled={busy} onClick={thenReload(create)}>
          Créer le lot des subventions accordées
        </button>
      </div>
      <ul aria-label="Lots de virements">
        {payouts.map((p) => (
          <li key={p.id}>
            {p.reference} : {p.claims} virement(s), {formatCents(p.totalCents)}, le{' '}
            {formatDate(p.executionDate)}
            {p.exportedAt ? (
              <>
                {' '}
                (exporté, figé) —{' '}
                <a href={`/api/staff/payouts/${p.id}/pain.xml`} download={`${p.reference}.xml`}>
                  copie du fichier SEPA {p.reference}
                </a>
              </>
            ) : (
              <div className="actions">
                <button type="button" disabled={busy} onClick={thenReload(exportFile(p))}>
                  Exporter le fichier SEPA {p.reference}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Subventions a posteriori: the sector's queue with receipts, decisions, and payout batches. */
export function ClaimsReviewPage() {
  const { session } = useSession();
  const [claims, setClaims] = useState<ClaimView[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    setClaims((await api<{ claims: ClaimView[] }>('GET', '/api/staff/claims')).claims);
  }, []);
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
        <ul className="cards" aria-label="Demandes à examiner">
          {claims.map((c) => (
            <li key={c.id} className="card">
              <h2>
                N° {c.number} — {c.member} — {CLAIM_TYPE_LABELS[c.type] ?? c.type}
              </h2>
              <p>
                {c.participant.firstName}, {c.details.organism}, du {formatDate(c.details.firstDay)}{' '}
                au {formatDate(c.details.lastDay)} : payé {formatCents(c.details.paidCents)}, base{' '}
                {formatCents(c.quote.baseCents)}, subvention calculée{' '}
                {formatCents(c.quote.subsidyCents)}
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
                  </li>
                ))}
              </ul>
              <Decision
                claim={c}
                onDone={async (message) => {
                  setNotice(message);
                  await load();
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {session ? <Payouts today={session.today} /> : null}
    </RequireUser>
  );
}
