import type { Benefit, BenefitYear } from '@entraide/contract';
import { useEffect } from 'react';
import { Link } from 'wouter';
import { api } from '../../shared/api.ts';
import { formatCents, formatDate } from '../../shared/format.ts';
import { YearsPage } from './years-page.tsx';
import { benefitsPage as msg } from '../../messages/member.ts';

const days = ({ firstDay, lastDay }: Benefit): string | null =>
  firstDay === null
    ? null
    : firstDay === lastDay || lastDay === null
      ? msg.le(formatDate(firstDay))
      : msg.duAu(formatDate(firstDay), formatDate(lastDay));

/** One year: what the committee paid in all, the ceiling it used, then each benefit. */
function Year({
  year,
  withCeiling,
}: {
  readonly year: BenefitYear;
  readonly withCeiling: boolean;
}) {
  const heading = `annee-${String(year.year)}`;
  return (
    <section aria-labelledby={heading}>
      <h2 id={heading}>{year.year}</h2>
      <p>{msg.total(formatCents(year.subsidyCents), year.year)}</p>
      {withCeiling && year.ceiling ? (
        <p>{msg.plafond(formatCents(year.ceiling.usedCents), formatCents(year.ceiling.cents))}</p>
      ) : null}
      <ul className="cards">
        {year.benefits.map((b) => (
          <li key={`${b.label}-${b.state}`} className="card">
            <h3>
              <Link to={b.link}>{b.label}</Link>
            </h3>
            {days(b) ? <p>{days(b)}</p> : null}
            <p>{msg.partComite(formatCents(b.subsidyCents))}</p>
            {b.ownCents === null ? null : <p>{msg.aVotreCharge(formatCents(b.ownCents))}</p>}
            <p className="hint">{b.state}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The years, scrolled to the one the address names (the history's « Le détail de 2021 »). */
function Years({
  years,
  withCeiling,
}: {
  readonly years: readonly BenefitYear[];
  readonly withCeiling: boolean;
}) {
  useEffect(() => {
    if (window.location.hash)
      document.getElementById(window.location.hash.slice(1))?.scrollIntoView();
  }, []);
  return years.map((year) => <Year key={year.year} year={year} withCeiling={withCeiling} />);
}

/**
 * « Mes prestations » (SPEC §7): year by year, the places, the subsidies after the fact and the
 * Solidarité grants the household received, the committee's part of each and the ceiling used.
 */
export function BenefitsPage() {
  return (
    <YearsPage
      title={msg.titre}
      explanation={msg.explication}
      none={msg.aucune}
      read={() => api<{ years: BenefitYear[] }>('GET', '/api/me/benefits')}
      render={(years, withCeiling) => <Years years={years} withCeiling={withCeiling} />}
    />
  );
}
