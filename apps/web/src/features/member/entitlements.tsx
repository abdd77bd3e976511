import type { EntitlementsAnswer } from '@entraide/contract';
import { useState } from 'react';
import { Link } from 'wouter';
import { ExplanationSteps } from '../../shared/explanation.tsx';
import { api } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { formatCents, formatNumber, formatPercent } from '../../shared/format.ts';
import { Gauge, partClass } from '../../shared/gauge.tsx';
import { GRID_LABELS } from '../../messages/labels.ts';
import { useSession } from '../../shared/session.tsx';
import { common } from '../../messages/common.ts';
import { entitlements as msg } from '../../messages/member.ts';

/**
 * The ceiling as a gauge: each subsidy of the year is a part of it, in the order they came, and
 * the rest is what is left; the legend names each part.
 */
function CeilingGauge({
  ceiling,
  used,
  subsidies,
}: {
  readonly ceiling: number;
  readonly used: number;
  readonly subsidies: readonly { label: string; cents: number }[];
}) {
  return (
    <>
      <Gauge
        label={msg.plafondUtiliseSur(formatCents(used), formatCents(ceiling))}
        total={ceiling}
        parts={subsidies.map((s) => ({ key: s.label, cents: s.cents }))}
      />
      {subsidies.length > 0 ? (
        <ul className="gauge-legend">
          {subsidies.map((s, i) => (
            <li key={s.label}>
              <span className={`swatch ${partClass(i)}`} aria-hidden="true" />
              {s.label} : {formatCents(s.cents)}
            </li>
          ))}
          <li>
            <span className="swatch" aria-hidden="true" />
            {msg.reste(formatCents(Math.max(0, ceiling - used)))}
          </li>
        </ul>
      ) : null}
    </>
  );
}

/** Taux de subvention and the ceiling from the year's validated Fiche Agent, and the year's subsidies in it. */
export function Entitlements({
  subsidies,
}: {
  readonly subsidies: readonly { label: string; cents: number; link: string }[];
}) {
  const { session } = useSession();
  const withCeiling = session?.organization.texts.annualCeiling ?? false;
  // The year's entitlements; 'none' when the committee has no barème for any year yet.
  const [shown, setShown] = useState<{ year: number; answer: EntitlementsAnswer } | 'none' | null>(
    null,
  );
  const loading = useLoad(async () => {
    const { years } = await api<{ years: number[] }>('GET', '/api/record-years');
    // The year under way (a barème published for next year comes newest), else the newest.
    const now = Number(session?.today.slice(0, 4) ?? Number.POSITIVE_INFINITY);
    const first = years.find((y) => y <= now) ?? years[0];
    setShown(
      first === undefined
        ? 'none'
        : {
            year: first,
            answer: await api<EntitlementsAnswer>('GET', `/api/me/entitlements/${first}`),
          },
    );
  }, session?.today);
  if (shown === 'none') return null;
  if (shown === null) return <Loading {...loading} waiting={msg.chargementVosDroits} />;
  const { year, answer } = shown;
  const record = answer.record;
  if (!record) {
    return (
      <section aria-labelledby="taux">
        <h2 id="taux">{msg.tauxSubvention}</h2>
        <p>
          {msg.apparaitrontIciFoisVotre(
            withCeiling ? msg.vosTauxVotrePlafond : msg.vosTaux,
            year,
            year,
          )}{' '}
          <Link to="/espace/fiche">{msg.remplirMaFicheAgent}</Link>
        </p>
      </section>
    );
  }
  const ceiling = record.annualCeilingCents;
  const used = record.annualCeilingUsedCents;
  return (
    <>
      <section aria-labelledby="taux">
        <h2 id="taux">{msg.tauxSubvention2(record.year)}</h2>
        <dl className="figures">
          <div>
            <dt>{msg.partsCaes}</dt>
            <dd>{formatNumber(record.parts ?? 0)}</dd>
          </div>
          <div>
            <dt>{msg.quotientFamilial}</dt>
            <dd>{formatCents(record.quotientCents ?? 0)}</dd>
          </div>
          {Object.entries(record.rates).map(([grid, rate]) => (
            <div key={grid}>
              <dt>{GRID_LABELS[grid] ?? grid}</dt>
              <dd>{formatPercent(rate)}</dd>
            </div>
          ))}
        </dl>
        <details>
          <summary>{common.calculationDetail}</summary>
          <ExplanationSteps steps={record.explanation} />
        </details>
      </section>
      {withCeiling ? (
        <section aria-labelledby="plafond">
          <h2 id="plafond">{msg.plafond(record.year)}</h2>
          {ceiling === null ? (
            <p>{msg.aucunPlafondAnnuelNe}</p>
          ) : (
            <>
              <p>
                {msg.utiliseSurReste(
                  formatCents(used),
                  formatCents(ceiling),
                  formatCents(Math.max(0, ceiling - used)),
                )}
              </p>
              <CeilingGauge ceiling={ceiling} used={used} subsidies={subsidies} />
            </>
          )}
        </section>
      ) : null}
      <section aria-labelledby="subventions-annee">
        <h2 id="subventions-annee">{msg.mesSubventions(record.year)}</h2>
        {subsidies.length === 0 ? (
          <p>{msg.aucuneSubventionPourInstant(record.year)}</p>
        ) : (
          <ul>
            {subsidies.map((s) => (
              <li key={s.label}>
                <Link to={s.link}>{s.label}</Link> : {formatCents(s.cents)}
                {withCeiling ? msg.comptesDansPlafond : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
