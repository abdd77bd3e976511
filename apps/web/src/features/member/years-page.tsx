import { useState, type ReactNode } from 'react';
import { PageTitle } from '../../shared/layout.tsx';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { useSession } from '../../shared/session.tsx';
import { RequireUser } from './require-user.tsx';

/**
 * A member's page of years (« Mes prestations », « Historique »): its title and what it is, the
 * years `read` gives (said while they load or could not be), `none` when there is no year yet,
 * else `render` — told whether the committee has an annual ceiling.
 */
export function YearsPage<T>({
  title,
  explanation,
  none,
  read,
  render,
}: {
  readonly title: string;
  readonly explanation: string;
  readonly none: string;
  readonly read: () => Promise<{ years: T[] }>;
  readonly render: (years: readonly T[], withCeiling: boolean) => ReactNode;
}) {
  const { session } = useSession();
  const withCeiling = session?.organization.texts.annualCeiling ?? false;
  const [years, setYears] = useState<T[] | null>(null);
  const loading = useLoad(async () => setYears((await read()).years));
  return (
    <RequireUser>
      <PageTitle>{title}</PageTitle>
      <p>{explanation}</p>
      {years === null ? (
        <Loading {...loading} />
      ) : years.length === 0 ? (
        <p>{none}</p>
      ) : (
        render(years, withCeiling)
      )}
    </RequireUser>
  );
}
