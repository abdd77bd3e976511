import { useCallback, useState, type SyntheticEvent } from 'react';
import { Link } from 'wouter';
import { api } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { parseEuros } from '../../shared/format.ts';
import { Checkbox, Field, FormAlert, Notice, SelectField } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { SolidaritySummary } from './solidarity-summary.tsx';
import type { SolidarityRequest } from '@entraide/contract';
import { SOLIDARITY_KINDS } from '../../messages/labels.ts';
import { common } from '../../messages/common.ts';
import { mySolidarityPage as msg } from '../../messages/solidarity.ts';

/** Solidarité: ask for an exceptional aid or an interest-free loan; follow the answer. */
export function MySolidarityPage() {
  const [requests, setRequests] = useState<SolidarityRequest[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [form, setForm] = useState({
    kind: 'loan',
    purpose: '',
    amount: '',
    months: '',
    equipment: false,
  });
  const { busy, alert, fields, run } = useSubmit();
  const load = useCallback(async () => {
    setRequests(
      (await api<{ requests: SolidarityRequest[] }>('GET', '/api/me/solidarity')).requests,
    );
  }, []);
  const loading = useLoad(load);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      const created = await api<SolidarityRequest>('POST', '/api/me/solidarity', {
        kind: form.kind,
        purpose: form.purpose,
        amountCents: parseEuros(form.amount),
        months: form.kind === 'loan' ? Number(form.months) || null : null,
        disabilityEquipment: form.equipment,
      });
      setNotice(msg.votreDemandeEnvoyeeSecteur(created.number));
      await load();
    });
  };
  return (
    <RequireUser>
      <PageTitle>{msg.solidarite}</PageTitle>
      <p>
        {msg.aideExceptionnelleOuPret} <Link to="/espace">{common.backToMySpace}</Link>
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      <form onSubmit={submit} noValidate className="card" aria-labelledby="new-solidarity">
        <h2 id="new-solidarity">{msg.nouvelleDemande}</h2>
        <FormAlert message={alert} />
        <SelectField
          label={msg.typeAide}
          options={SOLIDARITY_KINDS}
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value })}
          error={fields.kind}
        />
        <Field
          label={msg.votreSituationVotreBesoin}
          value={form.purpose}
          onChange={(e) => setForm({ ...form, purpose: e.target.value })}
          error={fields.purpose}
        />
        <div className="row">
          <Field
            label={msg.montantDemande}
            inputMode="decimal"
            value={form.amount}
            onChange={(e) => setForm({ ...form, amount: e.target.value })}
            error={fields.amountCents}
          />
          {form.kind === 'loan' ? (
            <Field
              label={msg.remboursementMois}
              inputMode="numeric"
              value={form.months}
              onChange={(e) => setForm({ ...form, months: e.target.value })}
              error={fields.months}
            />
          ) : null}
        </div>
        {form.kind === 'loan' ? (
          <Checkbox
            label={msg.pourMaterielOuAmenagement}
            checked={form.equipment}
            onChange={(e) => setForm({ ...form, equipment: e.target.checked })}
          />
        ) : null}
        <div className="actions">
          <button type="submit" disabled={busy}>
            {common.sendRequest}
          </button>
        </div>
      </form>
      {requests === null ? (
        <Loading {...loading} />
      ) : (
        <ul className="cards" aria-label={msg.mesDemandesSolidarite}>
          {requests.map((r) => (
            <li key={r.id} className="card">
              <SolidaritySummary request={r} />
            </li>
          ))}
        </ul>
      )}
    </RequireUser>
  );
}
