import type { PackDraftAnswer } from '@entraide/contract';
import type { PackParameter } from '@entraide/rules';
import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { api } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { ConfirmAction } from '../../shared/confirm-action.tsx';
import { DownloadButton } from '../../shared/download-button.tsx';
import { Checkbox, Field } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { SECTIONS } from './staff-sections.ts';
import { bySection } from '../simulator/pack-parameters.tsx';
import { StaffNav } from './staff-nav.tsx';
import { PackCaseForm } from './pack-case-form.tsx';
import { PackImpactView } from './pack-impact-view.tsx';
import { packStudio as msg } from '../../messages/staff.ts';

type PackData = Record<string, unknown> & {
  id?: string;
  label?: string;
  grids?: Record<string, unknown>;
  capCategories?: Record<string, { label: string }>;
  sources?: Record<string, string>;
  cases?: { name: string }[];
  validity?: { from: string; to: string };
};

/** A draft's answer, its data read as the studio's fields. */
type DraftAnswer = PackDraftAnswer & { draft: { data: PackData } };

/** The data with one value changed at a dotted path (a copy: the draft on screen stays as it was). */
function withValue(data: PackData, path: string, value: unknown): PackData {
  const copy = structuredClone(data);
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  let node = copy as Record<string, unknown>;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  node[last] = value;
  return copy;
}

/** The value at a dotted path of the draft on screen (what the admin typed, maybe not saved). */
const valueAt = (data: PackData, path: string): PackParameter['value'] =>
  path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node as Record<string, unknown>)[key],
      data,
    ) as PackParameter['value'];

/** What a field's text becomes in the pack: a whole number, a yes/no, a list, or the text itself. */
function valueOf(parameter: PackParameter, text: string | boolean): unknown {
  if (typeof text === 'boolean') return text;
  if (parameter.kind === 'integer') return /^-?\d+$/.test(text.trim()) ? Number(text) : text;
  if (parameter.kind === 'list')
    return text
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  return parameter.kind === 'decimal' ? text.trim().replace(',', '.') : text;
}

/** One parameter: its value (with its unit) and its source note, its fault beside it. */
function ParameterField({
  parameter,
  value,
  source,
  fault,
  readOnly,
  onValue,
  onSource,
}: {
  readonly parameter: PackParameter;
  readonly value: PackParameter['value'];
  readonly source: string;
  readonly fault: string | undefined;
  readonly readOnly: boolean;
  readonly onValue: (value: unknown) => void;
  readonly onSource: (source: string) => void;
}) {
  const label = parameter.unit ? `${parameter.label} (${parameter.unit})` : parameter.label;
  return (
    <div className="parameter">
      {parameter.kind === 'boolean' ? (
        <Checkbox
          label={label}
          checked={value === true}
          disabled={readOnly}
          onChange={(e) => onValue(e.currentTarget.checked)}
        />
      ) : (
        <Field
          label={label}
          value={Array.isArray(value) ? value.join(', ') : String(value)}
          inputMode={parameter.kind === 'text' || parameter.kind === 'list' ? 'text' : 'decimal'}
          readOnly={readOnly}
          error={fault}
          onChange={(e) => onValue(valueOf(parameter, e.target.value))}
        />
      )}
      <Field
        label={msg.source(parameter.label)}
        value={source}
        readOnly={readOnly}
        placeholder={msg.sourceExemple}
        onChange={(e) => onSource(e.target.value)}
      />
    </div>
  );
}

/**
 * A draft of the barème studio: every parameter a field with its unit and its source note, the
 * faults and warnings of what is on the screen (checked as it is typed), the test cases run on
 * it, its cost on the committee's households, and its publication (final, confirmed with what it
 * does).
 */
export function PackStudioPage() {
  const { id = '' } = useParams();
  const [, navigate] = useLocation();
  const [answer, setAnswer] = useState<DraftAnswer | null>(null);
  const [data, setData] = useState<PackData | null>(null);
  const [saved, setSaved] = useState(true);
  const [publication, setPublication] = useState({ packId: '', from: '', to: '' });
  const submit = useSubmit();
  const url = `/api/admin/pack-drafts/${encodeURIComponent(id)}`;
  const [check, setCheck] = useState<DraftAnswer['check'] | null>(null);
  const show = (next: DraftAnswer) => {
    setAnswer(next);
    setCheck(next.check);
    setData(next.draft.data);
    setSaved(true);
  };
  const loading = useLoad(async () => {
    const next = await api<DraftAnswer>('GET', url);
    show(next);
    setPublication({
      packId: next.draft.data.id ?? '',
      from: next.draft.data.validity?.from ?? '',
      to: next.draft.data.validity?.to ?? '',
    });
  }, url);
  // Live: what is on the screen is checked as the admin types (not saved until they say so).
  useEffect(() => {
    if (saved || !data) return;
    let current = true;
    const timer = setTimeout(() => {
      // A check that fails (the network) leaves the last one shown; saving says what is wrong.
      api<DraftAnswer['check']>('POST', `${url}/check`, { data }).then(
        (next) => current && setCheck(next),
        () => undefined,
      );
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [data, saved, url]);
  if (!answer || !data || !check) return <Loading {...loading} />;
  const readOnly = answer.draft.status === 'published';
  const change = (next: PackData) => {
    setData(next);
    setSaved(false);
  };
  const save = (next: PackData = data) =>
    submit.run(async () =>
      show(
        // On the revision this page read: a save by another admin since is not written over.
        await api<DraftAnswer>('PUT', url, { data: next, revision: answer.draft.revision }),
      ),
    );
  const sources = data.sources ?? {};
  const faultAt = new Map(check.faults.map((f) => [f.path, f.message]));
  const failing = check.cases.filter((c) => c.differences.length > 0);
  return (
    <RequireUser staff={SECTIONS.admin}>
      <PageTitle>{msg.titre(data.label ?? '')}</PageTitle>
      <StaffNav />
      <p>
        {readOnly ? msg.publie(answer.draft.packId ?? '') : msg.brouillonDe(answer.draft.basedOn)}{' '}
        <Link to="/gestion/baremes">{msg.retour}</Link>
      </p>
      <div className="actions">
        <DownloadButton
          label={msg.exporterJson}
          url={`/api/admin/packs/${encodeURIComponent(id)}/json`}
        />
      </div>
      {submit.alert ? (
        <p className="alert" role="alert">
          {submit.alert}
        </p>
      ) : null}
      <section aria-labelledby="verification" className="card">
        <h2 id="verification">{msg.verification}</h2>
        <p role="status">
          {check.faults.length === 0
            ? msg.aucuneErreur(check.cases.length, failing.length)
            : msg.erreurs(check.faults.length)}
          {saved ? '' : ` ${msg.nonEnregistre}`}
        </p>
        {check.faults.length > 0 ? (
          <ul className="errors">
            {check.faults.map((fault) => (
              <li key={fault.path}>{msg.faute(fault.path, fault.message)}</li>
            ))}
          </ul>
        ) : null}
        {check.warnings.length > 0 ? (
          <>
            <h3>{msg.avertissements}</h3>
            <ul>
              {check.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <form
        aria-labelledby="parametres"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h2 id="parametres">{msg.parametres}</h2>
        <p className="hint">{msg.parametresAide}</p>
        {bySection(answer.parameters).map(([section, parameters]) => (
          <details
            key={section}
            className="card"
            open={parameters.some((p) => faultAt.has(p.path))}
          >
            <summary>{section}</summary>
            {parameters.map((parameter) => (
              <ParameterField
                key={parameter.path}
                parameter={parameter}
                value={valueAt(data, parameter.path)}
                source={sources[parameter.path] ?? ''}
                fault={faultAt.get(parameter.path)}
                readOnly={readOnly}
                onValue={(value) => change(withValue(data, parameter.path, value))}
                onSource={(source) =>
                  change({ ...data, sources: { ...sources, [parameter.path]: source } })
                }
              />
            ))}
          </details>
        ))}
        {readOnly ? null : (
          <div className="actions sticky-actions">
            <button type="submit" disabled={submit.busy}>
              {msg.enregistrer}
            </button>
          </div>
        )}
      </form>
      <section aria-labelledby="cas" className="card">
        <h2 id="cas">{msg.cas}</h2>
        <p className="hint">{msg.casAide}</p>
        <ul>
          {check.cases.map((result, index) => (
            <li key={result.name}>
              <strong>{result.differences.length === 0 ? msg.casOk : msg.casEchec}</strong>{' '}
              {msg.casLigne(result.name, result.source)}
              {result.differences.length > 0 ? (
                <ul>
                  {result.differences.map((difference) => (
                    <li key={difference}>{difference}</li>
                  ))}
                </ul>
              ) : null}
              {readOnly ? null : (
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    void save({ ...data, cases: (data.cases ?? []).filter((_, i) => i !== index) })
                  }
                >
                  {msg.retirerCas(result.name)}
                </button>
              )}
            </li>
          ))}
        </ul>
        {readOnly ? null : (
          <PackCaseForm
            grids={Object.keys(data.grids ?? {})}
            capCategories={Object.fromEntries(
              Object.entries(data.capCategories ?? {}).map(([id, category]) => [
                id,
                category.label,
              ]),
            )}
            onAdd={(testCase) => save({ ...data, cases: [...(data.cases ?? []), testCase] })}
          />
        )}
      </section>
      {check.faults.length === 0 ? <PackImpactView draftId={id} saved={saved} /> : null}
      {readOnly ? null : (
        <section aria-labelledby="publier" className="card">
          <h2 id="publier">{msg.publier}</h2>
          <p className="hint">{msg.publierAide}</p>
          <Field
            label={msg.nomBareme}
            hint={msg.nomBaremeAide}
            value={publication.packId}
            error={submit.fields.packId}
            onChange={(e) => setPublication({ ...publication, packId: e.target.value })}
          />
          <Field
            label={msg.du}
            type="date"
            value={publication.from}
            error={submit.fields.from}
            onChange={(e) => setPublication({ ...publication, from: e.target.value })}
          />
          <Field
            label={msg.au}
            type="date"
            value={publication.to}
            error={submit.fields.to}
            onChange={(e) => setPublication({ ...publication, to: e.target.value })}
          />
          <ConfirmAction
            label={msg.publier}
            title={msg.publierTitre(publication.packId)}
            effect={<p>{msg.publierEffet(publication.packId, publication.from, publication.to)}</p>}
            confirmLabel={msg.publierConfirmer}
            disabled={submit.busy || !saved || check.faults.length > 0 || failing.length > 0}
            onConfirm={() =>
              void submit.run(async () => {
                // What is published is what this page showed, its cost with it.
                await api('POST', `${url}/publish`, {
                  ...publication,
                  revision: answer.draft.revision,
                });
                navigate(`/baremes/${encodeURIComponent(publication.packId)}`);
              })
            }
          />
          {failing.length > 0 ? <p className="hint">{msg.casBloquent(failing.length)}</p> : null}
          {saved ? null : <p className="hint">{msg.enregistrezAvant}</p>}
        </section>
      )}
    </RequireUser>
  );
}
