import type { AgentRecordAnswer, ClaimInput, ClaimPreview, ClaimView } from '@entraide/contract';
import { useCallback, useState, type SyntheticEvent } from 'react';
import { Link } from 'wouter';
import { api, ApiError, refusalSentence } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { indexOfKey, personKey } from '../../shared/person-keys.ts';
import { ExplanationSteps } from '../../shared/explanation.tsx';
import { FilePicker } from '../../shared/file-picker.tsx';
import { Field, FormAlert, Notice, SelectField } from '../../shared/form.tsx';
import { formatCents, formatDate, parseEuros } from '../../shared/format.ts';
import {
  CLAIM_CAPS,
  CLAIM_STATUS_LABELS,
  CLAIM_TYPE_GROUPS,
  CLAIM_TYPE_LABELS,
} from '../../messages/labels.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { uploadPdf } from '../agent-record/documents-field.tsx';
import { common } from '../../messages/common.ts';
import { myClaimsPage as msg } from '../../messages/claims.ts';

/** Who, with whom, when and how much: the first words of a claim, on both sides of the desk. */
export const claimFacts = (c: ClaimView) =>
  [
    c.participant.firstName,
    c.details.organism,
    formatDate(c.details.firstDay),
    formatDate(c.details.lastDay),
    formatCents(c.details.paidCents),
  ] as const;

function ClaimForm({ onSent }: { readonly onSent: (number: number) => Promise<void> }) {
  const [people, setPeople] = useState<Record<string, string>>({ member: msg.moi });
  // The Fiche listing them: sent back, so that the server finds the same person in the Fiche of
  // the claim's year even if it lists the household in another order.
  const [recordId, setRecordId] = useState<string | undefined>();
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
  const [preview, setPreview] = useState<ClaimPreview | null>(null);
  const { busy, alert, fields, run, setAlert } = useSubmit();
  // The household of the newest year whose Fiche is validated (the next year's may not be yet);
  // when it cannot be read, « Pour qui » says so rather than offer « Moi » alone.
  const household = useLoad(async () => {
    const { years } = await api<{ years: number[] }>('GET', '/api/record-years');
    for (const year of years) {
      const { versions } = await api<{ versions: AgentRecordAnswer[] }>(
        'GET',
        `/api/me/agent-records/${year}`,
      );
      const record = versions.find((v) => v.status === 'validated');
      if (!record) continue;
      setRecordId(record.id);
      setPeople({
        member: msg.moi,
        ...Object.fromEntries(record.dependants.map((d, i) => [personKey(i), d.firstName])),
      });
      return;
    }
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => {
    setPreview(null);
    setForm({ ...form, [key]: e.target.value });
  };
  const body = (): ClaimInput => ({
    type: form.type as ClaimInput['type'],
    dependantIndex: indexOfKey(form.person),
    recordId,
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
      setAlert(error instanceof ApiError ? refusalSentence(error) : msg.justificatifPasPuEtre);
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
      <h2 id="new-claim">{msg.nouvelleDemande}</h2>
      <FormAlert message={alert} />
      <div className="field">
        <label htmlFor="claim-type">{msg.typeDemande}</label>
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
          label={msg.typeSejour}
          options={CLAIM_CAPS[form.type] ?? {}}
          value={form.cap}
          onChange={set('cap')}
          error={fields.capCategory}
        />
      ) : null}
      <SelectField
        label={msg.pourQui}
        options={people}
        value={form.person}
        onChange={set('person')}
        error={fields.dependantIndex}
      />
      {household.failure === null ? null : <Loading {...household} />}
      <Field
        label={msg.organismeOuOrganisateur}
        value={form.organism}
        onChange={set('organism')}
        error={fields.organism}
      />
      <div className="row">
        <Field
          label={msg.premierJour}
          type="date"
          value={form.firstDay}
          onChange={set('firstDay')}
          error={fields.firstDay}
        />
        <Field
          label={msg.dernierJour}
          type="date"
          value={form.lastDay}
          onChange={set('lastDay')}
          error={fields.lastDay}
        />
      </div>
      <Field
        label={msg.montantPaye}
        inputMode="decimal"
        value={form.paid}
        onChange={set('paid')}
        error={fields.paidCents}
      />
      <FilePicker
        label={msg.justificatifPdfFactureBillet}
        accept="application/pdf,.pdf"
        hint={msg.necessairePourEnvoyerDemande}
        error={fields.documentIds}
        onFile={(file) => void upload(file)}
      />
      {receipts.length > 0 ? (
        <ul aria-label={msg.justificatifsJoints}>
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
          <h3 id="claim-preview">{msg.subventionAttendue(formatCents(preview.subsidyCents))}</h3>
          {preview.reasons.length > 0 ? (
            <p>{preview.reasons.map((r) => r.text).join(' ; ')}</p>
          ) : null}
          <details>
            <summary>{common.calculationDetail}</summary>
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
              setPreview(await api<ClaimPreview>('POST', '/api/me/claims/quote', body()));
            })
          }
        >
          {msg.calculerSubvention}
        </button>
        <button
          type="submit"
          disabled={busy || !preview || receipts.length === 0}
          aria-describedby="send-claim-why"
        >
          {common.sendRequest}
        </button>
      </div>
      <p className="hint" id="send-claim-why">
        {!preview
          ? msg.calculezAbordSubventionEnvoi
          : receipts.length === 0
            ? msg.joignezJustificatifPdfPour
            : msg.toutPretVousPouvez}
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
  const loading = useLoad(load);
  return (
    <RequireUser>
      <PageTitle>{msg.mesDossiersSubventions}</PageTitle>
      <p>
        {msg.subventionsVerseesApresCoup} <Link to="/espace/rib">{msg.gererMesRib}</Link> ·{' '}
        <Link to="/espace">{common.backToMySpace}</Link>
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      <ClaimForm
        onSent={async (number) => {
          setNotice(msg.votreDemandeEnvoyee(number));
          await load();
        }}
      />
      {claims === null ? (
        <Loading {...loading} />
      ) : claims.length === 0 ? (
        <p>{msg.aucuneDemandePourInstant}</p>
      ) : (
        <ul className="cards" aria-label={msg.mesDemandesSubvention}>
          {claims.map((c) => (
            <li key={c.id} className="card">
              <h2>{msg.demande(c.number, CLAIM_TYPE_LABELS[c.type] ?? c.type)}</h2>
              <p>
                {msg.payeSubventionAttendue(...claimFacts(c), formatCents(c.quote.subsidyCents))}
              </p>
              <p>
                <strong>{CLAIM_STATUS_LABELS[c.status] ?? c.status}</strong>
                {c.approvedCents !== null ? ` — ${formatCents(c.approvedCents)}` : ''}
                {c.reason ? msg.motif(c.reason) : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </RequireUser>
  );
}
