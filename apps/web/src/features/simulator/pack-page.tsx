import type { PackPage as Page } from '@entraide/rules';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'wouter';
import { api } from '../../shared/api.ts';
import { Loading, orMissing, useLoad } from '../../shared/loading.tsx';
import { ScrollingTable } from '../../shared/form.tsx';
import { formatCents, formatDate } from '../../shared/format.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { common } from '../../messages/common.ts';
import { PACK_SECTOR_LABELS } from '../../messages/labels.ts';
import { packPage as msg, packParameters as parameterMsg } from '../../messages/simulator.ts';
import { ParametersTable } from './pack-parameters.tsx';

const RateChart = lazy(async () => ({ default: (await import('./rate-chart.tsx')).RateChart }));

/** The annual ceiling's table: each household's maximal and minimal amounts. */
function CeilingTable({ ceiling }: { readonly ceiling: NonNullable<Page['annualCeiling']> }) {
  return (
    <ScrollingTable label={msg.plafondTableau}>
      <table>
        <caption>{msg.plafondTableau}</caption>
        <thead>
          <tr>
            <th scope="col">{msg.foyer}</th>
            <th scope="col">{msg.maximal(formatCents(ceiling.qfForMaximumEuros * 100))}</th>
            <th scope="col">{msg.minimal(formatCents(ceiling.qfForMinimumEuros * 100))}</th>
          </tr>
        </thead>
        <tbody>
          {ceiling.rows.map((row) => (
            <tr key={row.household}>
              <th scope="row">{row.household}</th>
              <td>{formatCents(row.maxCents)}</td>
              <td>{formatCents(row.minCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

/**
 * A barème written out for everyone, from the pack itself: each rate's formula and its chart,
 * the annual ceiling's table, the examples it was checked on. The page a committee links from
 * its brochure (/baremes/inserm-2021).
 */
export function PackPage() {
  const { id = '' } = useParams();
  const [page, setPage] = useState<Page | null | 'missing'>(null);
  const loading = useLoad(
    async () =>
      setPage(await orMissing(api<Page>('GET', `/api/packs/${encodeURIComponent(id)}/page`))),
    id,
  );
  if (page === null) return <Loading {...loading} />;
  if (page === 'missing')
    return (
      <div className="alert" role="alert">
        <p>{msg.introuvable}</p>
        <Link to="/simulateur">{msg.allerCalculateur}</Link>
      </div>
    );
  const ceiling = page.annualCeiling;
  return (
    <>
      <PageTitle>{page.label}</PageTitle>
      <p>
        {msg.applicable(formatDate(page.validity.from), formatDate(page.validity.to), page.income)}
      </p>
      <p>
        <Link to="/simulateur">{msg.ouvrirCalculateur}</Link>
      </p>
      <section aria-labelledby="taux" className="card">
        <h2 id="taux">{msg.lesTaux}</h2>
        {page.grids.map((grid) => (
          <div key={grid.grid}>
            <h3>{grid.label}</h3>
            <p>{grid.rule.includes('QF') ? msg.formule(grid.rule) : msg.ajout(grid.rule)}</p>
          </div>
        ))}
        <Suspense fallback={<p role="status">{common.loading}</p>}>
          <RateChart pack={page.id} />
        </Suspense>
      </section>
      <section aria-labelledby="plafond" className="card">
        <h2 id="plafond">{msg.plafondAnnuel}</h2>
        {ceiling ? (
          <>
            <p>{msg.plafondAide}</p>
            <CeilingTable ceiling={ceiling} />
            {ceiling.exemptSectors.length > 0 ? (
              <p>
                {msg.horsPlafond(
                  ceiling.exemptSectors.map((s) => PACK_SECTOR_LABELS[s] ?? s).join(', '),
                )}
              </p>
            ) : null}
            {ceiling.notForHouseholdsWithDisability ? <p>{msg.sansPlafondHandicap}</p> : null}
          </>
        ) : (
          <p>{msg.pasDePlafond}</p>
        )}
      </section>
      <section aria-labelledby="parametres" className="card">
        <h2 id="parametres">{parameterMsg.tousParametres}</h2>
        <p>{parameterMsg.tousParametresAide}</p>
        <ParametersTable parameters={page.parameters} />
      </section>
      {page.examples.length > 0 ? (
        <section aria-labelledby="exemples" className="card">
          <h2 id="exemples">{msg.exemples}</h2>
          <p>{msg.exemplesAide}</p>
          <ul>
            {page.examples.map((example) => (
              <li key={example.name}>{msg.exemple(example.name, example.source)}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
