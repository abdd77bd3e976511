import type { Benefit, BenefitYear } from '@entraide/contract';
import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { formatCents, formatDate } from '../../shared/format.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { RequireUser } from './require-user.tsx';
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

/**
 * « Mes prestations » (SPEC §7): year by year, the places, the subsidies after the fact and the
 * Solidarité grants the household received, the committee's part of each and the ceiling used.
 */
export function BenefitsPage() {
  const { session } = useSession();
  const withCeiling = session?.organization.texts.annualCeiling ?? false;
  const [years, setYears] = useState<BenefitYear[] | null>(null);
  const loading = useLoad(async () =>
    setYears((await api<{ years: BenefitYear[] }>('GET', '/api/me/benefits')).years),
  );
  return (
    <RequireUser>
      <PageTitle>{msg.titre}</PageTitle>
      <p>{msg.explication}</p>
      {years === null ? (
        <Loading {...loading} />
      ) : years.length === 0 ? (
        <p>{msg.aucune}</p>
      ) : (
        years.map((year) => <Year key={year.year} year={year} withCeiling={withCeiling} />)
      )}
    </RequireUser>
  );
}
