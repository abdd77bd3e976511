import {
  birthDateIssues,
  recordBirthDates,
  checkNotices,
  type AgentRecordAnswer,
  type AgentRecordYearAnswer,
  type DependantInput,
  type DocumentSummary,
} from '@entraide/contract';
import { useCallback, useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { Link } from 'wouter';
import { api, type FieldErrors } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import {
  Checkbox,
  Field,
  FormAlert,
  Notice,
  RepeatedFieldsets,
  SelectField,
} from '../../shared/form.tsx';
import { formatDate, parseWholeEuros } from '../../shared/format.ts';
import { RELATION_LABELS } from '../../messages/labels.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { Steps } from '../../shared/steps.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { DocumentsField } from './documents-field.tsx';
import { TaxNoticeReader } from './tax-notice-reader.tsx';
import { NoticeLines } from './notice-lines.tsx';
import { RecordRecap } from './record-recap.tsx';
import { common } from '../../messages/common.ts';
import { agentRecordPage as msg, noticeLines as noticeMsg } from '../../messages/agent-record.ts';

const statusText = (status: AgentRecordAnswer['status'], withCeiling: boolean): string =>
  ({
    draft: msg.brouillonPasEncoreEnvoye,
    submitted: msg.envoyeeAttenteValidationPar,
    validated: msg.validee(withCeiling ? msg.vosTauxVotrePlafond : msg.vosTauxDecoulent),
    rejected: msg.refuseeCorrigezPuisEnvoyez,
  })[status];

/** The Fiche in four steps; a field's errors send the person back to the step that holds it. */
const STEPS = [msg.famille, msg.revenus, msg.justificatifs, msg.verificationEnvoi] as const;
const stepOf = (field: string): number =>
  field.startsWith('taxIncome') || field.startsWith('spouseTaxIncome')
    ? 1
    : field.startsWith('documentIds') || field.endsWith('disabilityProofId')
      ? 2
      : 0;

const blank = (): DependantInput => ({
  relation: 'child',
  lastName: '',
  firstName: '',
  birthDate: '',
  sharedCustody: false,
  fiscallyDependent: true,
  disabled: false,
  disabilityProofId: null,
});

/**
 * An income and the tax notice that proves it: the notice read fills the field when it is of the
 * year asked for, and is attached to the Fiche either way.
 */
function IncomeWithNotice({
  kind,
  label,
  hint,
  name,
  value,
  onChange,
  error,
  incomeYear,
  disabled,
  onAttach,
}: {
  readonly kind: 'taxNotice' | 'spouseTaxNotice';
  readonly label: string;
  readonly hint: string;
  readonly name: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error: string | undefined;
  readonly incomeYear: number;
  readonly disabled: boolean;
  readonly onAttach: (document: DocumentSummary) => void;
}) {
  return (
    <>
      <TaxNoticeReader
        kind={kind}
        incomeYear={incomeYear}
        disabled={disabled}
        onRead={(document) => {
          onAttach(document);
          const { taxNotice } = document;
          if (taxNotice?.referenceIncomeEuros != null && taxNotice.incomeYear === incomeYear)
            onChange(String(taxNotice.referenceIncomeEuros));
        }}
      />
      <Field
        label={label}
        hint={hint}
        name={name}
        inputMode="numeric"
        disabled={disabled}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={error}
      />
    </>
  );
}

function RecordForm({ year }: { readonly year: number }) {
  const { session } = useSession();
  const cnrs = session?.organization.id === 'cnrs';
  const [loaded, setLoaded] = useState(false);
  const [latest, setLatest] = useState<AgentRecordAnswer | null>(null);
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [incomeYear, setIncomeYear] = useState(year);
  const [income, setIncome] = useState('');
  const [spouseIncome, setSpouseIncome] = useState('');
  const [changedOn, setChangedOn] = useState('');
  const [memberDisabled, setMemberDisabled] = useState(false);
  const [dependants, setDependants] = useState<DependantInput[]>([]);
  const [documentIds, setDocumentIds] = useState<string[]>([]);
  /** A document sent from any step is kept and attached to the Fiche. */
  const attach = (document: DocumentSummary) => {
    setDocuments([document, ...documents]);
    setDocumentIds([...documentIds, document.id]);
  };
  const [notice, setNotice] = useState<string | null>(null);
  const [step, setStep] = useState(0);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const opened = useRef(step);
  useEffect(() => {
    // A step opened (not the first shown): its heading takes the focus, read by screen readers.
    if (opened.current !== step) stepHeading.current?.focus();
    opened.current = step;
  }, [step]);
  const { busy, alert, fields, run, setAlert, setFields } = useSubmit();
  /** Shows a field's step when it is wrong: the first wrong field's. */
  const showErrors = (errors: FieldErrors) => {
    const first = Object.keys(errors)[0];
    if (first !== undefined) setStep(stepOf(first));
  };

  const load = useCallback(async () => {
    const [{ versions, incomeYear: asked }, own] = await Promise.all([
      api<AgentRecordYearAnswer>('GET', `/api/me/agent-records/${year}`),
      api<{ documents: DocumentSummary[] }>('GET', '/api/me/documents'),
    ]);
    const record = versions[0] ?? null;
    // The page offers only the years a complete barème covers, which always say theirs.
    if (asked !== null) setIncomeYear(asked);
    setLatest(record);
    setDocuments(own.documents);
    setIncome(record?.taxIncomeEuros?.toString() ?? '');
    setSpouseIncome(record?.spouseTaxIncomeEuros?.toString() ?? '');
    setChangedOn(record?.situationChangedOn ?? '');
    setMemberDisabled(record?.memberDisabled ?? false);
    setDependants(record ? [...record.dependants] : []);
    setDocumentIds(record ? [...record.documentIds] : []);
    setLoaded(true);
  }, [year]);
  const loading = useLoad(load, String(year));

  const locked = latest?.status === 'submitted';
  const couple = dependants.some((d) => d.relation === 'spouse');
  /** What both incomes' notice readers share: the year asked for, the lock, where a notice goes. */
  const reading = { incomeYear, disabled: locked, onAttach: attach };
  /** The incomes as typed now (null: empty, or not a whole number of euros). */
  const incomes = {
    taxIncomeEuros: parseWholeEuros(income),
    spouseTaxIncomeEuros: cnrs && couple ? parseWholeEuros(spouseIncome) : null,
  };
  /** The incomes typed, against the notices attached (the staff see the same). */
  const notices = checkNotices({ documentIds, ...incomes }, documents, incomeYear);
  const body = () => {
    const { taxIncomeEuros } = incomes;
    // Every error the browser can see, shown at once, each on its field.
    const errors: Record<string, string> = Object.fromEntries(
      birthDateIssues(recordBirthDates({ dependants }), session?.today ?? '9999-12-31').map(
        (issue) => [issue.path, issue.message],
      ),
    );
    if (taxIncomeEuros === null && income.trim() !== '')
      errors.taxIncomeEuros = msg.indiquezMontantEurosEntiers;
    if (Object.keys(errors).length > 0) {
      setFields(errors);
      setAlert(msg.certainsChampsSontCorriger);
      showErrors(errors);
      return null;
    }
    return {
      couple,
      situationChangedOn: changedOn === '' ? null : changedOn,
      memberDisabled,
      ...incomes,
      dependants,
      documentIds,
      // The Fiche this page opened: one saved since, elsewhere, is not written over.
      basedOn: latest && { version: latest.version, revision: latest.revision },
    };
  };
  const save = (then: 'save' | 'submit') => (event: SyntheticEvent) => {
    event.preventDefault();
    const payload = body();
    if (!payload) return;
    void run(async () => {
      setNotice(null);
      try {
        // Kept at once: a submission refused after it, then corrected, saves on this revision.
        setLatest(await api<AgentRecordAnswer>('PUT', `/api/me/agent-records/${year}`, payload));
        if (then === 'submit') await api('POST', `/api/me/agent-records/${year}/submit`);
      } catch (error) {
        showErrors((error as { fields?: FieldErrors }).fields ?? {});
        throw error;
      }
      await load();
      setNotice(then === 'submit' ? msg.votreFicheEnvoyeeVous : msg.brouillonEnregistre);
    });
  };
  const change = (index: number, update: Partial<DependantInput>) =>
    setDependants(dependants.map((d, i) => (i === index ? { ...d, ...update } : d)));
  const proofs = Object.fromEntries([
    ['', msg.choisirParmiJustificatifsJoints],
    ...documents
      .filter((d) => d.kind === 'disabilityCard' && documentIds.includes(d.id))
      .map((d) => [d.id, d.fileName]),
  ]) as Record<string, string>;

  if (!loaded) return <Loading {...loading} />;

  return (
    <>
      {latest ? (
        <div className="card" role="status">
          {msg.version(
            latest.version,
            statusText(latest.status, session?.organization.texts.annualCeiling ?? false),
            latest.rejectionReason ? msg.motif(latest.rejectionReason) : '',
          )}
        </div>
      ) : null}
      {notice ? <Notice>{notice}</Notice> : null}
      <FormAlert message={alert} />
      <Steps label={msg.etapesFicheAgent} steps={STEPS} current={step} onGo={setStep} />
      <form onSubmit={save('submit')} noValidate aria-labelledby="record-step">
        <h2 id="record-step" tabIndex={-1} ref={stepHeading}>
          {msg.etapeSur(step + 1, STEPS.length)} {STEPS[step]}
        </h2>
        {step === 0 ? (
          <>
            <Field
              label={msg.dateChangementSituationFamiliale}
              hint={msg.seulementSiVotreFamille}
              name="situationChangedOn"
              type="date"
              max={session?.today}
              disabled={locked}
              value={changedOn}
              onChange={(e) => setChangedOn(e.target.value)}
              error={fields.situationChangedOn}
            />
            <Checkbox
              label={msg.jAiHandicapIncapacite}
              checked={memberDisabled}
              disabled={locked}
              onChange={(e) => setMemberDisabled(e.target.checked)}
            />
            <h3>{msg.mesAyantsDroit}</h3>
            <RepeatedFieldsets
              items={dependants}
              legend={(index) => msg.ayantDroit(index + 1)}
              addLabel={msg.ajouterAyantDroit}
              removeLabel={(index) => msg.retirerAyantDroit(index + 1)}
              onAdd={() => setDependants([...dependants, blank()])}
              onRemove={(index) => setDependants(dependants.filter((_, i) => i !== index))}
            >
              {(d, index) => (
                <>
                  <SelectField
                    label={msg.lien}
                    options={RELATION_LABELS}
                    value={d.relation}
                    disabled={locked}
                    onChange={(e) =>
                      change(index, { relation: e.target.value as DependantInput['relation'] })
                    }
                  />
                  <Field
                    label={msg.nomAyantDroit(index + 1)}
                    disabled={locked}
                    value={d.lastName}
                    onChange={(e) => change(index, { lastName: e.target.value })}
                    error={fields[`dependants.${index}.lastName`]}
                  />
                  <Field
                    label={msg.prenomAyantDroit(index + 1)}
                    disabled={locked}
                    value={d.firstName}
                    onChange={(e) => change(index, { firstName: e.target.value })}
                    error={fields[`dependants.${index}.firstName`]}
                  />
                  <Field
                    label={msg.dateNaissanceAyantDroit(index + 1)}
                    type="date"
                    disabled={locked}
                    value={d.birthDate}
                    max={session?.today}
                    onChange={(e) => change(index, { birthDate: e.target.value })}
                    error={fields[`dependants.${index}.birthDate`]}
                  />
                  {d.relation === 'child' ? (
                    <>
                      <Checkbox
                        label={msg.gardePartagee}
                        disabled={locked}
                        checked={d.sharedCustody}
                        onChange={(e) => change(index, { sharedCustody: e.target.checked })}
                      />
                      <Checkbox
                        label={msg.figureSurVotreAvis}
                        disabled={locked}
                        checked={d.fiscallyDependent}
                        onChange={(e) => change(index, { fiscallyDependent: e.target.checked })}
                      />
                    </>
                  ) : null}
                  <Checkbox
                    label={msg.situationHandicapIncapaciteMoins}
                    disabled={locked}
                    checked={d.disabled}
                    onChange={(e) => change(index, { disabled: e.target.checked })}
                  />
                </>
              )}
            </RepeatedFieldsets>
          </>
        ) : null}
        {step === 1 ? (
          <>
            <IncomeWithNotice
              kind="taxNotice"
              label={msg.revenuFiscalReference(incomeYear)}
              hint={msg.surVotreAvisImposition}
              name="taxIncome"
              value={income}
              onChange={setIncome}
              error={fields.taxIncomeEuros}
              {...reading}
            />
            {cnrs && couple ? (
              <IncomeWithNotice
                kind="spouseTaxNotice"
                label={msg.revenuFiscalReferenceConjoint}
                hint={msg.surAvisImpositionVotre}
                name="spouseTaxIncome"
                value={spouseIncome}
                onChange={setSpouseIncome}
                error={fields.spouseTaxIncomeEuros}
                {...reading}
              />
            ) : null}
            <NoticeLines check={notices} />
            {notices.lines.some((line) => line.notice && !line.concordant) ? (
              <p className="hint">{noticeMsg.ecartMembre}</p>
            ) : null}
          </>
        ) : null}
        {step === 2 ? (
          <>
            <DocumentsField
              documents={documents}
              attached={documentIds}
              disabled={locked}
              onAttach={attach}
            />
            {dependants.some((d) => d.disabled) ? (
              <p className="hint">{msg.pourChaqueAyantDroit}</p>
            ) : null}
            {dependants.map((d, index) =>
              d.disabled ? (
                <SelectField
                  key={index}
                  label={msg.justificatifHandicapAyantDroit(
                    index + 1,
                    d.firstName || msg.sansPrenom,
                  )}
                  options={proofs}
                  value={d.disabilityProofId ?? ''}
                  disabled={locked}
                  onChange={(e) => change(index, { disabilityProofId: e.target.value || null })}
                  error={fields[`dependants.${index}.disabilityProofId`]}
                />
              ) : null,
            )}
          </>
        ) : null}
        {step === 3 ? (
          <RecordRecap
            income={income}
            spouseIncome={cnrs && couple ? spouseIncome : null}
            changedOn={changedOn}
            memberDisabled={memberDisabled}
            dependants={dependants}
            documents={documents.filter((d) => documentIds.includes(d.id))}
            onGo={setStep}
          />
        ) : null}
        {locked ? null : (
          <div className="actions">
            {step > 0 ? (
              <button type="button" className="secondary" onClick={() => setStep(step - 1)}>
                {msg.precedent}
              </button>
            ) : null}
            <button type="button" className="secondary" disabled={busy} onClick={save('save')}>
              {msg.enregistrerBrouillon}
            </button>
            {/* Distinct keys: a "Suivant" turned into the submit button would send the Fiche. */}
            {step < STEPS.length - 1 ? (
              <button key="next" type="button" onClick={() => setStep(step + 1)}>
                {msg.suivant}
              </button>
            ) : (
              <button key="send" type="submit" disabled={busy}>
                {msg.envoyerPourValidation}
              </button>
            )}
          </div>
        )}
      </form>
      {latest?.submittedAt ? (
        <p>{msg.envoyee(formatDate(latest.submittedAt.slice(0, 10)))}</p>
      ) : null}
    </>
  );
}

/** Fiche Agent: the year's income, family and documents, sent to staff for validation. */
export function AgentRecordPage() {
  const [years, setYears] = useState<number[]>([]);
  const [year, setYear] = useState<number | null>(null);
  const loading = useLoad(async () => {
    const answer = await api<{ years: number[] }>('GET', '/api/record-years');
    setYears(answer.years);
    setYear(answer.years[0] ?? null);
  });
  return (
    <RequireUser>
      <PageTitle>{common.myAgentRecord}</PageTitle>
      <p>
        {msg.mettreJourChaqueAnnee} <Link to="/espace">{common.backToMySpace}</Link>
      </p>
      {years.length > 1 ? (
        <div className="field">
          <label htmlFor="year">{msg.annee}</label>
          <select id="year" value={year ?? ''} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {msg.fiche(y)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {year === null ? <Loading {...loading} /> : <RecordForm key={year} year={year} />}
    </RequireUser>
  );
}
