import type { AgentRecordAnswer, ClaimInput } from '@entraide/contract';
import { useCallback, useEffect, useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../../shared/api.ts';
import { ExplanationSteps } from '../../shared/explanation.tsx';
import { FilePicker } from '../../shared/file-picker.tsx';
import { Field, FormAlert, Notice, SelectField } from '../../shared/form.tsx';
import { formatCents, formatDate, parseEuros } from '../../shared/format.ts';
import {
  CLAIM_CAPS,
  CLAIM_STATUS_LABELS,
  CLAIM_TYPE_GROUPS,
  CLAIM_TYPE_LABELS,
} from '../../shared/labels.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { uploadPdf } from '../agent-record/documents-field.tsx';

/** A claim as the member's page reads it. */
export interface ClaimView {
  id: string;
  number: number;
  member: string;
  type: string;
  sector: string;
  participant: { firstName: string; lastName: string };
  details: { organism: string; firstDay: string; lastDay: string; paidCents: number };
  documentIds: string[];
  quote: { subsidyCents: number; baseCents: number; reasons: { text: string }[] };
  status: string;
  approvedCents: number | null;
  reason: string | null;
}

interface Preview {
  subsidyCents: number;
  baseCents: number;
  reasons: { code: string; text: string }[];
  explanation: unknown;
}

function ClaimForm({ onSent }: { readonly onSent: (number: number) => Promise<void> }) {
  const [people, setPeople] = useState<Record<string, string>>({ member: 'Moi' });
  const [form, setForm] = useState({
    type: 'festival',
    person: 'member',
    organism: '',
    firstDay: '',
    lastDay: '',
    paid: '',
    cap: '',
    km: '',
    trips: '',
    travel: '',
  });
  const [receipts, setReceipts] = useState<{ id: string; fileName: string }[]>([]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const { busy, alert, fields, run, setAlert } = useSubmit();
  useEffect(() => {
    void (async () => {
      const { years } = await api<{ years: number[] }>('GET', '/api/record-years');
      const { versions } = await api<{ versions: AgentRecordAnswer[] }>(
        'GET',
        `/api/me/agent-records/${years[0] ?? 2021}`,
      );
      const record = versions.find((v) => v.status === 'validated');
      setPeople({
        member: 'Moi',
        ...Object.fromEntries((record?.dependants ?? []).map((d, i) => [String(i), d.firstName])),
      });
    })();
  }, []);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => {
    setPreview(null);
    setForm({ ...form, [key]: e.target.value });
  };
  const body = (): ClaimInput => ({
    type: form.type as ClaimInput['type'],
    dependantIndex: form.person === 'member' ? null : Number(form.person),
    organism: form.organism,
    firstDay: form.firstDay,
    lastDay: form.lastDay,
    paidCents: parseEuros(form.paid),
    capCategory: CLAIM_CAPS[form.type]
      ? form.cap || Object.keys(CLAIM_CAPS[form.type] ?? {})[0] || null
      : null,
    km: form.type === 'carKm' ? Number(form.km) || null : null,
    roundTrips: form.type === 'escortTrain' ? Number(form.trips) || null : null,
    travelCents: form.type === 'youthAbroad' && form.travel ? parseEuros(form.travel) : null,
    documentIds: receipts.map((r) => r.id),
  });
  const upload = async (file: File) => {
    try {
      const document = await uploadPdf('receipt', file);
      setReceipts([...receipts, document]);
      setAlert(null);
    } catch (error) {
      setAlert(
        error instanceof ApiError ? error.message : 'Le justificatif n’a pas pu être envoyé.',
      );
    }
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      const claim = await api<{ number: number }>('POST', '/api/me/claims', body());
      setPreview(null);
      setReceipts([]);
      await onSent(claim.number);
    });
  };
  return (
    <form onSubmit={submit} noValidate className="card" aria-labelledby="new-claim">
      <h2 id="new-claim">Nouvelle demande</h2>
      <FormAlert message={alert} />
      <div className="field">
        <label htmlFor="claim-type">Type de demande</label>
        <p className="hint" id="claim-type-help">
          {CLAIM_TYPE_GROUPS.flatMap((g) => g.types).find((t) => t.type === form.type)?.help}
        </p>
        <select
          id="claim-type"
          aria-describedby="claim-type-help"
          value={form.type}
          onChange={set('type')}
        >
          {CLAIM_TYPE_GROUPS.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.types.map(({ type }) => (
                <option key={type} value={type}>
                  {CLAIM_TYPE_LABELS[type]}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      {CLAIM_CAPS[form.type] ? (
        <SelectField
          label="Type de séjour"
          options={CLAIM_CAPS[form.type] ?? {}}
          value={form.cap}
          onChange={set('cap')}
          error={fields.capCategory}
        />
      ) : null}
      <SelectField
        label="Pour qui"
        options={people}
        value={form.person}
        onChange={set('person')}
        error={fields.dependantIndex}
      />
      <Field
        label="Organisme ou organisateur"
        value={form.organism}
        onChange={set('organism')}
        error={fields.organism}
      />
      <div className="row">
        <Field
          label="Premier jour"
          type="date"
          value={form.firstDay}
          onChange={set('firstDay')}
          error={fields.firstDay}
        />
        <Field
          label="Dernier jour"
          type="date"
          value={form.lastDay}
          onChange={set('lastDay')}
          error={fields.lastDay}
        />
      </div>
      <Field
        label="Montant payé (€)"
        inputMode="decimal"
        value={form.paid}
        onChange={set('paid')}
        error={fields.paidCents}
      />
      <FilePicker
        label="Justificatif PDF (facture, billet)"
        accept="application/pdf,.pdf"
        hint="Nécessaire pour envoyer la demande, pas pour calculer la subvention : vous pouvez l’estimer d’abord."
        error={fields.documentIds}
        onFile={(file) => void upload(file)}
      />
      {receipts.length > 0 ? (
        <ul aria-label="Justificatifs joints">
          {receipts.map((r) => (
            <li key={r.id}>
              <a href={`/api/documents/${r.id}`} target="_blank" rel="noreferrer">
                {r.fileName}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {preview ? (
        <section aria-labelledby="claim-preview" className="card">
          <h3 id="claim-preview">Subvention attendue : {formatCents(preview.subsidyCents)}</h3>
          {preview.reasons.length > 0 ? (
            <p>{preview.reasons.map((r) => r.text).join(' ; ')}</p>
          ) : null}
          <details>
            <summary>Le détail du calcul</summary>
            <ExplanationSteps steps={preview.explanation} />
          </details>
        </section>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              setPreview(await api<Preview>('POST', '/api/me/claims/quote', body()));
            })
          }
        >
          Calculer la subvention
        </button>
        <button
          type="submit"
          disabled={busy || !preview || receipts.length === 0}
          aria-describedby="send-claim-why"
        >
          Envoyer la demande
        </button>
      </div>
      <p className="hint" id="send-claim-why">
        {!preview
          ? 'Calculez d’abord la subvention : l’envoi vient ensuite.'
          : receipts.length === 0
            ? 'Joignez le justificatif PDF pour pouvoir envoyer la demande.'
            : 'Tout est prêt : vous pouvez envoyer la demande.'}
      </p>
    </form>
  );
}

/** Mes dossiers subventions: what was spent elsewhere and the committee pays back. */
export function MyClaimsPage() {
  const [claims, setClaims] = useState<ClaimView[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    setClaims((await api<{ claims: ClaimView[] }>('GET', '/api/me/claims')).claims);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <RequireUser>
      <PageTitle>Mes dossiers subventions</PageTitle>
      <p>
        Les subventions versées après coup, par virement sur votre RIB par défaut.{' '}
        <Link to="/espace/rib">Gérer mes RIB</Link> · <Link to="/espace">Retour à mon espace</Link>
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      <ClaimForm
        onSent={async (number) => {
          setNotice(`Votre demande n° ${number} est envoyée.`);
          await load();
        }}
      />
      {claims === null ? (
        <p role="status">Chargement…</p>
      ) : claims.length === 0 ? (
        <p>Aucune demande pour l’instant.</p>
      ) : (
        <ul className="cards" aria-label="Mes demandes de subvention">
          {claims.map((c) => (
            <li key={c.id} className="card">
              <h2>
                Demande n° {c.number} — {CLAIM_TYPE_LABELS[c.type] ?? c.type}
              </h2>
              <p>
                {c.participant.firstName}, {c.details.organism}, du {formatDate(c.details.firstDay)}{' '}
                au {formatDate(c.details.lastDay)} : payé {formatCents(c.details.paidCents)},
                subvention attendue {formatCents(c.quote.subsidyCents)}.
              </p>
              <p>
                <strong>{CLAIM_STATUS_LABELS[c.status] ?? c.status}</strong>
                {c.approvedCents !== null ? ` — ${formatCents(c.approvedCents)}` : ''}
                {c.reason ? ` — motif : ${c.reason}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </RequireUser>
  );
}
