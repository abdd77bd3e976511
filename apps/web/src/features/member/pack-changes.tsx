import type { PackChanges as Changes, PackChangesAnswer } from '@entraide/contract';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { api } from '../../shared/api.ts';
import { ExplanationSteps } from '../../shared/explanation.tsx';
import { ScrollingTable } from '../../shared/form.tsx';
import { formatCents, formatDate, formatNumber, formatRate } from '../../shared/format.ts';
import { packChanges as msg } from '../../messages/member.ts';

const ceiling = (cents: number | null): string => (cents === null ? msg.aucun : formatCents(cents));

/**
 * « What changes for you »: when the committee published next year's barème, the member's own
 * figures under the barème of their Fiche and under the new one, side by side, each explained.
 */
export function PackChanges() {
  const [changes, setChanges] = useState<Changes | null>(null);
  // A part of the home page that says nothing unless there is a change: not read, not shown.
  useEffect(() => {
    api<PackChangesAnswer>('GET', '/api/me/pack-changes').then(
      (answer) => setChanges(answer.changes),
      () => setChanges(null),
    );
  }, []);
  if (!changes) return null;
  const { before, after } = changes;
  const rows: [string, string, string][] = [
    [msg.parts, formatNumber(before.parts), formatNumber(after.parts)],
    [msg.quotient, formatCents(before.quotientCents), formatCents(after.quotientCents)],
    ...changes.grids.map(({ grid, label }): [string, string, string] => [
      label,
      formatRate(before.ratesBp[grid] ?? 0),
      formatRate(after.ratesBp[grid] ?? 0),
    ]),
    [msg.plafond, ceiling(before.annualCeilingCents), ceiling(after.annualCeilingCents)],
  ];
  return (
    <section aria-labelledby="ce-qui-change" className="card">
      <h2 id="ce-qui-change">{msg.titre(after.label)}</h2>
      <p>{msg.aide(changes.recordYear, formatDate(changes.on))}</p>
      <ScrollingTable label={msg.tableau}>
        <table>
          <thead>
            <tr>
              <th scope="col">{msg.chiffre}</th>
              <th scope="col">{before.label}</th>
              <th scope="col">{after.label}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, old, next]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{old}</td>
                <td>{next}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
      {[before, after].map((figures) => (
        <details key={figures.packId}>
          <summary>{msg.detail(figures.label)}</summary>
          <ExplanationSteps steps={figures.explanation} />
          <p>
            <Link to={`/baremes/${figures.packId}`}>{msg.lireBareme(figures.label)}</Link>
          </p>
        </details>
      ))}
    </section>
  );
}
