import type { ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';
import { ScrollingTable } from './form.tsx';

/**
 * A chart for the eyes (hidden from screen readers) with its figures one click away, as a table
 * every reader can use: the caption says what it shows.
 */
export function ChartFigure({
  caption,
  height,
  chart,
  summary,
  tableLabel,
  table,
}: {
  readonly caption: ReactElement | string;
  readonly height: number;
  /** A Recharts chart, sized by its container. */
  readonly chart: ReactElement;
  /** The words that open the figures, e.g. « Les chiffres du graphique ». */
  readonly summary: string;
  readonly tableLabel: string;
  readonly table: ReactElement;
}) {
  return (
    <figure className="chart">
      <figcaption>{caption}</figcaption>
      <div className="chart-area" aria-hidden="true">
        <ResponsiveContainer width="100%" height={height}>
          {chart}
        </ResponsiveContainer>
      </div>
      <details>
        <summary>{summary}</summary>
        <ScrollingTable label={tableLabel}>{table}</ScrollingTable>
      </details>
    </figure>
  );
}
