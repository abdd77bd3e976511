import { useState } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceDot,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { api } from '../../shared/api.ts';
import { ChartFigure } from '../../shared/chart-figure.tsx';
import { formatCents, formatPercent } from '../../shared/format.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { rateChart as msg } from '../../messages/simulator.ts';
import type { RateCurveAnswer } from '@entraide/contract';

type Curve = RateCurveAnswer['grids'][number];

const COLOURS = ['#1d4e89', '#b35c00', '#1e6b34'];
const euros = (cents: number): string => `${Math.round(cents / 100).toLocaleString('fr-FR')} €`;

/**
 * The rate of each grid along the quotient, with the household's point on it when there is one
 * (the calculator; not the barème's page); the same figures as a table for those who do not
 * read charts.
 */
export function RateChart({
  pack,
  household,
}: {
  readonly pack: string;
  readonly household?: {
    readonly quotientCents: number;
    readonly rates: Readonly<Record<string, number>>;
  };
}) {
  const quotientCents = household?.quotientCents ?? 0;
  const rates = household?.rates ?? {};
  const [curves, setCurves] = useState<Curve[] | null>(null);
  const load = useLoad(async () => {
    setCurves(null);
    const answer = await api<RateCurveAnswer>(
      'GET',
      `/api/packs/${encodeURIComponent(pack)}/rate-curve`,
    );
    setCurves(answer.grids);
  }, pack);
  if (load.failure !== null)
    return <Loading {...load} failure={msg.graphiqueIndisponible(load.failure)} />;
  // While the curves come, nothing: the chart is beside the figures, which do not wait for it.
  if (!curves || curves.length === 0) return null;
  // One row per quotient: each grid's rate in percent, as the chart and the table read them.
  const data: ({ quotientCents: number } & Record<string, number>)[] = (
    curves[0]?.points ?? []
  ).map((point, i) => ({
    ...Object.fromEntries(curves.map((c) => [c.grid, (c.points[i]?.rateBp ?? 0) / 100])),
    quotientCents: point.quotientCents,
  }));
  const shown = Math.max(quotientCents, 3_000_000);
  return (
    <ChartFigure
      caption={
        <>
          {household
            ? msg.votreTauxSelonQuotient(formatCents(quotientCents))
            : msg.tauxSelonQuotient}
        </>
      }
      height={260}
      chart={
        <LineChart data={data.filter((d) => d.quotientCents <= shown)} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="quotientCents" type="number" tickFormatter={euros} domain={[0, shown]} />
          <YAxis unit=" %" width={48} />
          <Tooltip
            formatter={(value) => `${String(value)} %`}
            labelFormatter={(label) => msg.quotient2(euros(Number(label)))}
          />
          <Legend />
          {curves.map((c, i) => (
            <Line
              key={c.grid}
              dataKey={c.grid}
              name={c.label}
              dot={false}
              stroke={COLOURS[i % COLOURS.length]}
              strokeWidth={2}
            />
          ))}
          {curves.map((c, i) =>
            !household || rates[c.grid] === undefined ? null : (
              <ReferenceDot
                key={c.grid}
                x={quotientCents}
                y={rates[c.grid]}
                r={6}
                fill={COLOURS[i % COLOURS.length]}
                stroke="#fff"
              />
            ),
          )}
        </LineChart>
      }
      summary={msg.chiffresGraphique}
      tableLabel={msg.tauxParQuotientFamilial}
      table={
        <table>
          <caption>{msg.tauxParQuotientFamilial2}</caption>
          <thead>
            <tr>
              <th scope="col">{msg.quotient}</th>
              {curves.map((c) => (
                <th scope="col" key={c.grid}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data
              .filter((row) => row.quotientCents % 250_000 === 0)
              .map((row) => (
                <tr key={row.quotientCents}>
                  <td>{euros(row.quotientCents)}</td>
                  {curves.map((c) => (
                    <td key={c.grid}>{formatPercent(row[c.grid] ?? 0)}</td>
                  ))}
                </tr>
              ))}
          </tbody>
        </table>
      }
    />
  );
}
