import type { StaffPack } from '@entraide/contract';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { formatCents, formatDate } from '../../shared/format.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { RequireUser } from '../member/require-user.tsx';
import { StaffNav } from './staff-nav.tsx';
import { PackDrafts } from './pack-drafts.tsx';
import { useSession } from '../../shared/session.tsx';
import { packsPage as msg } from '../../messages/staff.ts';

const cents = (value: number | null): string => (value === null ? '—' : formatCents(value));

/** Barèmes: what each pack says, and where its quoted thresholds disagree with its own formula. */
export function PacksPage() {
  const { session } = useSession();
  const [packs, setPacks] = useState<StaffPack[] | null>(null);
  const loading = useLoad(async () =>
    setPacks((await api<{ packs: StaffPack[] }>('GET', '/api/staff/packs')).packs),
  );
  return (
    <RequireUser staff>
      <PageTitle>{msg.baremes}</PageTitle>
      <StaffNav />
      {session?.user?.role === 'admin' ? <PackDrafts /> : null}
      {packs === null ? (
        <Loading {...loading} />
      ) : (
        packs.map((pack) => (
          <section key={pack.id} aria-labelledby={`pack-${pack.id}`} className="card">
            <h2 id={`pack-${pack.id}`}>{pack.label}</h2>
            <p>
              {msg.revenu(
                pack.id,
                pack.validity.appliesTo === 'activityStart'
                  ? msg.activitesCommencant
                  : msg.demandesEnvoyees,
                formatDate(pack.validity.from),
                formatDate(pack.validity.to),
                pack.income.description,
                pack.complete ? '' : msg.baremeIncompletCalculsQui,
              )}
            </p>
            {pack.thresholds.map((grid) => (
              <div key={grid.grid}>
                <h3>{grid.label}</h3>
                <table>
                  <caption className="hint">{msg.quotientFamilialOuTaux}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{msg.seuil}</th>
                      <th scope="col">{msg.selonFormule}</th>
                      <th scope="col">{msg.annonce}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      <th scope="row">{msg.tauxMaximumJusqu}</th>
                      <td>{cents(grid.impliedAtMaxCents)}</td>
                      <td>{cents(grid.statedAtMaxCents)}</td>
                    </tr>
                    <tr>
                      <th scope="row">{msg.tauxMinimumPartir}</th>
                      <td>{cents(grid.impliedAtMinCents)}</td>
                      <td>{cents(grid.statedAtMinCents)}</td>
                    </tr>
                  </tbody>
                </table>
                {grid.warnings.map((warning) => (
                  <p key={warning} className="alert">
                    ⚠ {warning}
                  </p>
                ))}
              </div>
            ))}
            <details>
              <summary>{msg.tousParametres(pack.id)}</summary>
              <pre className="parameters">{JSON.stringify(pack.parameters, null, 2)}</pre>
            </details>
          </section>
        ))
      )}
    </RequireUser>
  );
}
