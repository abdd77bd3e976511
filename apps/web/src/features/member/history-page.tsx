import type { HistoryYear } from '@entraide/contract';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { api } from '../../shared/api.ts';
import { ScrollingTable } from '../../shared/form.tsx';
import { formatCents, formatNumber, formatRate } from '../../shared/format.ts';
import { GRID_LABELS } from '../../messages/labels.ts';
import { historyPage as msg } from '../../messages/member.ts';
import { YearsPage } from './years-page.tsx';

const NONE = '—';

/** One line of the table: a figure, then its value each year. */
type Line = readonly [label: string, cells: readonly ReactNode[]];

/** The figures of every year side by side: a column a year, newest first. */
function lines(years: readonly HistoryYear[], withCeiling: boolean): Line[] {
  const of = (cell: (rights: NonNullable<HistoryYear['rights']>) => ReactNode) =>
    years.map((y) => (y.rights === null ? NONE : cell(y.rights)));
  // Every grid any year's barème had, in the order they first come.
  const grids = [...new Set(years.flatMap((y) => y.rights?.rates.map((r) => r.grid) ?? []))];
  return [
    [
      msg.bareme,
      years.map((y) =>
        y.rights === null ? (
          msg.sansFiche
        ) : (
          <Link to={`/baremes/${y.rights.packId}`}>{y.rights.packLabel}</Link>
        ),
      ),
    ],
    [msg.parts, of((r) => formatNumber(r.parts))],
    [msg.quotient, of((r) => formatCents(r.quotientCents))],
    ...grids.map((grid): Line => [
      GRID_LABELS[grid] ?? grid,
      of((r) => {
        const rate = r.rates.find((x) => x.grid === grid);
        return rate ? formatRate(rate.rateBp) : NONE;
      }),
    ]),
    ...(withCeiling
      ? [
          [
            msg.plafond,
            of((r) =>
              r.annualCeilingCents === null ? msg.aucun : formatCents(r.annualCeilingCents),
            ),
          ] as const,
          [
            msg.utilise,
            years.map((y) =>
              y.rights === null || y.rights.annualCeilingCents === null
                ? NONE
                : formatCents(y.ceilingUsedCents),
            ),
          ] as const,
        ]
      : []),
    [
      msg.priseEnCharge,
      years.map((y) => (
        <>
          {formatCents(y.subsidyCents)}
          {y.subsidyCents > 0 ? (
            <>
              <br />
              <Link to={`/espace/prestations#annee-${String(y.year)}`}>{msg.detail(y.year)}</Link>
            </>
          ) : null}
        </>
      )),
    ],
  ];
}

/** The years side by side: a line a figure, a column a year. */
function HistoryTable({
  years,
  withCeiling,
}: {
  readonly years: readonly HistoryYear[];
  readonly withCeiling: boolean;
}) {
  return (
    <ScrollingTable label={msg.tableau}>
      <table>
        <thead>
          <tr>
            <th scope="col">{msg.chiffre}</th>
            {years.map((y) => (
              <th key={y.year} scope="col">
                {y.year}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines(years, withCeiling).map(([label, cells]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {cells.map((cell, i) => (
                <td key={years[i]?.year}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

/**
 * « Historique » (SPEC §7): the household's rights and subsidies over the years, side by side —
 * « Mes prestations » has each year's detail.
 */
export function HistoryPage() {
  return (
    <YearsPage
      title={msg.titre}
      explanation={msg.explication}
      none={msg.aucune}
      read={() => api<{ years: HistoryYear[] }>('GET', '/api/me/history')}
      render={(years, withCeiling) => <HistoryTable years={years} withCeiling={withCeiling} />}
    />
  );
}
