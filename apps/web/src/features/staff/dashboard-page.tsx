import type { SectorDashboard } from '@entraide/contract';
import { useCallback, useState, type SyntheticEvent } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { ChartFigure } from '../../shared/chart-figure.tsx';
import { Gauge } from '../../shared/gauge.tsx';
import { Field, FormAlert, SelectField } from '../../shared/form.tsx';
import { formatCents, formatPercent, parseEuros } from '../../shared/format.ts';
import { SECTOR_LABELS } from '../../messages/labels.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { SECTIONS } from './staff-sections.ts';
import { StaffNav } from './staff-nav.tsx';
import { dashboardPage as msg } from '../../messages/staff.ts';

const MONTHS = [
  'janv.',
  msg.fevr,
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  msg.aout,
  'sept.',
  'oct.',
  'nov.',
  msg.dec,
];
const COLOURS = { places: '#767676', requests: '#b35c00', confirmed: '#1d4e89', paid: '#1e6b34' };

/** The admin sets the sector's budget for the year. */
function BudgetForm({
  dashboard,
  onSaved,
}: {
  readonly dashboard: SectorDashboard;
  readonly onSaved: () => Promise<void>;
}) {
  const [amount, setAmount] = useState('');
  const { busy, alert, fields, run } = useSubmit();
  const name = SECTOR_LABELS[dashboard.sector];
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      await api('PUT', '/api/admin/sector-budgets', {
        sector: dashboard.sector,
        year: dashboard.year,
        budgetCents: parseEuros(amount),
      });
      setAmount('');
      await onSaved();
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <FormAlert message={alert} />
      <Field
        label={msg.budgetSecteur(dashboard.year, name)}
        hint={msg.parExemple120000}
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        error={fields.budgetCents}
      />
      <div className="actions">
        <button type="submit" className="secondary" disabled={busy}>
          {msg.fixerBudget}
        </button>
      </div>
    </form>
  );
}

/** One sector: its budget used, its sessions' fill, its claims month by month. */
function SectorSection({
  dashboard: d,
  admin,
  onSaved,
}: {
  readonly dashboard: SectorDashboard;
  readonly admin: boolean;
  readonly onSaved: () => Promise<void>;
}) {
  const name = SECTOR_LABELS[d.sector];
  const months = d.claims.map((c) => ({
    month: MONTHS[c.month - 1] ?? String(c.month),
    sent: c.sent,
    paid: c.paidCents / 100,
  }));
  return (
    <section aria-labelledby={`sector-${d.sector}`} className="card">
      <h2 id={`sector-${d.sector}`}>{name}</h2>
      <h3>{msg.budget(d.year)}</h3>
      {d.budgetCents === null ? (
        <p>{msg.subventionsEngageesAucunBudget(formatCents(d.committedCents), d.year)}</p>
      ) : (
        <>
          <p>
            {msg.subventionsEngageesSurBudget(
              formatCents(d.committedCents),
              formatCents(d.budgetCents),
              formatPercent((d.committedCents / Math.max(1, d.budgetCents)) * 100),
            )}
          </p>
          <Gauge
            label={msg.budgetEngageSur(
              name,
              formatCents(d.committedCents),
              formatCents(d.budgetCents),
            )}
            total={d.budgetCents}
            parts={[{ key: 'committed', cents: d.committedCents }]}
          />
        </>
      )}
      {admin ? <BudgetForm dashboard={d} onSaved={onSaved} /> : null}
      <h3>{msg.remplissageSessions}</h3>
      {d.sessions.length === 0 ? (
        <p>{msg.aucuneSession(d.year)}</p>
      ) : (
        <ChartFigure
          caption={<>{msg.placesDemandesPlacesAttribuees(d.year)}</>}
          height={240}
          chart={
            <BarChart data={d.sessions} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" hide />
              <YAxis allowDecimals={false} width={36} />
              <Tooltip />
              <Legend />
              <Bar dataKey="places" name={msg.places} fill={COLOURS.places} />
              <Bar dataKey="requests" name={msg.demandes} fill={COLOURS.requests} />
              <Bar dataKey="confirmed" name={msg.attribuees} fill={COLOURS.confirmed} />
            </BarChart>
          }
          summary={msg.chiffresSessions(name)}
          tableLabel={msg.sessions2(name, d.year)}
          table={
            <table>
              <caption>{msg.sessions(name, d.year)}</caption>
              <thead>
                <tr>
                  <th scope="col">{msg.session}</th>
                  <th scope="col">{msg.places}</th>
                  <th scope="col">{msg.demandes}</th>
                  <th scope="col">{msg.attribuees}</th>
                  <th scope="col">{msg.remplissage}</th>
                </tr>
              </thead>
              <tbody>
                {d.sessions.map((s) => (
                  <tr key={s.label}>
                    <th scope="row">{s.label}</th>
                    <td>{s.places}</td>
                    <td>{s.requests}</td>
                    <td>{s.confirmed}</td>
                    <td>{formatPercent((s.confirmed / Math.max(1, s.places)) * 100)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}
      <h3>{msg.subventionsPosteriori}</h3>
      <ChartFigure
        caption={<>{msg.montantsVersesChaqueMois(d.year)}</>}
        height={200}
        chart={
          <BarChart data={months} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" />
            <YAxis width={48} />
            <Tooltip />
            <Bar dataKey="paid" name={msg.verse} fill={COLOURS.paid} />
          </BarChart>
        }
        summary={msg.chiffresParMois(name)}
        tableLabel={msg.subventionsPosteriori2(name, d.year)}
        table={
          <table>
            <caption>{msg.subventionsPosteriori2(name, d.year)}</caption>
            <thead>
              <tr>
                <th scope="col">{msg.mois}</th>
                <th scope="col">{msg.demandesRecues}</th>
                <th scope="col">{msg.verse2}</th>
              </tr>
            </thead>
            <tbody>
              {d.claims.map((c) => (
                <tr key={c.month}>
                  <th scope="row">{MONTHS[c.month - 1]}</th>
                  <td>{c.sent}</td>
                  <td>{formatCents(c.paidCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </section>
  );
}

/** Each sector's year in charts, the figures one click away and exportable. */
export function DashboardPage() {
  const { session } = useSession();
  const thisYear = Number((session?.today ?? '2021').slice(0, 4));
  const [year, setYear] = useState<number | null>(null);
  const shown = year ?? thisYear;
  const [sectors, setSectors] = useState<SectorDashboard[] | null>(null);
  const load = useCallback(async () => {
    setSectors(
      (await api<{ sectors: SectorDashboard[] }>('GET', `/api/staff/dashboard?year=${shown}`))
        .sectors,
    );
  }, [shown]);
  const loading = useLoad(
    async () => {
      if (session) await load();
    },
    `${String(shown)} ${session ? 'in' : 'out'}`,
  );
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2];
  return (
    <RequireUser staff={SECTIONS.dashboards}>
      <PageTitle>{msg.tableauxBord}</PageTitle>
      <StaffNav />
      <div className="row">
        <SelectField
          label={msg.annee}
          options={Object.fromEntries(years.map((y) => [String(y), String(y)]))}
          value={String(shown)}
          onChange={(e) => setYear(Number(e.target.value))}
        />
      </div>
      <p>
        <a href={`/api/staff/dashboard.csv?year=${shown}`}>{msg.exporterTousChiffresCsv(shown)}</a>
      </p>
      {sectors === null ? (
        <Loading {...loading} />
      ) : (
        sectors.map((d) => (
          <SectorSection
            key={d.sector}
            dashboard={d}
            admin={session?.user?.role === 'admin'}
            onSaved={load}
          />
        ))
      )}
    </RequireUser>
  );
}
