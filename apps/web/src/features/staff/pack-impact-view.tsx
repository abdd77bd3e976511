import type { PackImpact } from '@entraide/rules';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../../shared/api.ts';
import { ChartFigure } from '../../shared/chart-figure.tsx';
import { DownloadButton } from '../../shared/download-button.tsx';
import { ScrollingTable } from '../../shared/form.tsx';
import { formatCents, formatRate } from '../../shared/format.ts';
import { useSubmit } from '../../shared/use-submit.ts';
import { PACK_SECTOR_LABELS } from '../../messages/labels.ts';
import { packImpactView as msg } from '../../messages/staff.ts';

type ImpactAnswer = Omit<PackImpact, 'lines'> & {
  basedOn: string;
  milliseconds: number;
};

const COLOURS = { current: '#767676', draft: '#1d4e89' };

/** A change in euros and in percent of what it was: « +1 234,00 € (+5,2 %) ». */
function change(before: number, after: number): string {
  const sign = after >= before ? '+' : '−';
  const percent =
    before === 0
      ? ''
      : ` (${sign}${formatRate(Math.round((Math.abs(after - before) * 10_000) / before))})`;
  return `${sign}${formatCents(Math.abs(after - before))}${percent}`;
}

/**
 * The cost of a draft before the vote: last year's households, stays and claims priced under the pack
 * in force and under the draft — the sums by sector, who is better or worse off, the change by
 * tenth of quotient, where the ceiling or an allowance binds — and the spreadsheet of it.
 */
export function PackImpactView({
  draftId,
  saved,
}: {
  readonly draftId: string;
  readonly saved: boolean;
}) {
  const [impact, setImpact] = useState<ImpactAnswer | null>(null);
  const submit = useSubmit();
  const url = `/api/admin/pack-drafts/${encodeURIComponent(draftId)}/impact`;
  const sectors = impact
    ? [...new Set([...Object.keys(impact.current.bySector), ...Object.keys(impact.draft.bySector)])]
    : [];
  return (
    <section aria-labelledby="impact" className="card">
      <h2 id="impact">{msg.titre}</h2>
      <p className="hint">{msg.aide}</p>
      <button
        type="button"
        disabled={submit.busy || !saved}
        onClick={() => void submit.run(async () => setImpact(await api<ImpactAnswer>('GET', url)))}
      >
        {msg.calculer}
      </button>
      {saved ? null : <p className="hint">{msg.enregistrezAvant}</p>}
      {submit.alert ? (
        <p className="alert" role="alert">
          {submit.alert}
        </p>
      ) : null}
      {impact ? (
        <div role="status">
          <p>
            {msg.resume(
              impact.households,
              impact.stays,
              impact.claims,
              impact.basedOn,
              impact.milliseconds,
            )}
          </p>
          <ScrollingTable label={msg.totaux}>
            <table>
              <caption>{msg.totaux}</caption>
              <thead>
                <tr>
                  <th scope="col">{msg.secteur}</th>
                  <th scope="col">{msg.enVigueur(impact.basedOn)}</th>
                  <th scope="col">{msg.brouillon}</th>
                  <th scope="col">{msg.ecart}</th>
                </tr>
              </thead>
              <tbody>
                {sectors.map((sector) => {
                  const before = impact.current.bySector[sector] ?? 0;
                  const after = impact.draft.bySector[sector] ?? 0;
                  return (
                    <tr key={sector}>
                      <th scope="row">{PACK_SECTOR_LABELS[sector] ?? sector}</th>
                      <td>{formatCents(before)}</td>
                      <td>{formatCents(after)}</td>
                      <td>{change(before, after)}</td>
                    </tr>
                  );
                })}
                <tr>
                  <th scope="row">{msg.total}</th>
                  <td>{formatCents(impact.current.totalCents)}</td>
                  <td>{formatCents(impact.draft.totalCents)}</td>
                  <td>{change(impact.current.totalCents, impact.draft.totalCents)}</td>
                </tr>
              </tbody>
            </table>
          </ScrollingTable>
          <ul>
            <li>{msg.mieux(impact.better)}</li>
            <li>{msg.moinsBien(impact.worse)}</li>
            <li>{msg.pareil(impact.unchanged)}</li>
            <li>{msg.plafond(impact.current.ceilingBinds, impact.draft.ceilingBinds)}</li>
            <li>{msg.jours(impact.current.allowanceBinds, impact.draft.allowanceBinds)}</li>
            {impact.unpriced > 0 ? <li>{msg.nonChiffres(impact.unpriced)}</li> : null}
          </ul>
          <ChartFigure
            caption={msg.deciles}
            height={240}
            chart={
              <BarChart
                data={impact.deciles.map((d) => ({
                  decile: msg.decileCourt(d.decile),
                  current: d.currentCents / 100,
                  draft: d.draftCents / 100,
                }))}
                accessibilityLayer={false}
              >
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="decile" />
                <YAxis width={56} />
                <Tooltip />
                <Legend />
                <Bar
                  dataKey="current"
                  name={msg.enVigueur(impact.basedOn)}
                  fill={COLOURS.current}
                />
                <Bar dataKey="draft" name={msg.brouillon} fill={COLOURS.draft} />
              </BarChart>
            }
            summary={msg.chiffresDeciles}
            tableLabel={msg.deciles}
            table={
              <table>
                <caption>{msg.deciles}</caption>
                <thead>
                  <tr>
                    <th scope="col">{msg.decile}</th>
                    <th scope="col">{msg.quotients}</th>
                    <th scope="col">{msg.foyers}</th>
                    <th scope="col">{msg.enVigueur(impact.basedOn)}</th>
                    <th scope="col">{msg.brouillon}</th>
                    <th scope="col">{msg.tauxMoyen(impact.grid ?? '')}</th>
                  </tr>
                </thead>
                <tbody>
                  {impact.deciles.map((d) => (
                    <tr key={d.decile}>
                      <th scope="row">{msg.decileCourt(d.decile)}</th>
                      <td>
                        {msg.de(formatCents(d.fromQuotientCents), formatCents(d.toQuotientCents))}
                      </td>
                      <td>{d.households}</td>
                      <td>{formatCents(d.currentCents)}</td>
                      <td>{formatCents(d.draftCents)}</td>
                      <td>{`${d.meanRateChangeBp >= 0 ? '+' : '−'}${formatRate(Math.abs(d.meanRateChangeBp))}`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
          <div className="actions">
            <DownloadButton label={msg.tableur} url={`${url}.xlsx`} />
          </div>
        </div>
      ) : null}
    </section>
  );
}
