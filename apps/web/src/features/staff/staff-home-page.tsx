import type { StaffQueue } from '@entraide/contract';
import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { RequireUser } from '../member/require-user.tsx';
import { StaffNav } from './staff-nav.tsx';
import { staffHomePage as msg } from '../../messages/staff.ts';

function Queues() {
  const [queues, setQueues] = useState<StaffQueue[] | null>(null);
  const loading = useLoad(async () =>
    setQueues((await api<{ queues: StaffQueue[] }>('GET', '/api/staff/home')).queues),
  );
  if (!queues) return <Loading {...loading} />;
  const waiting = queues.filter((q) => q.count > 0);
  return (
    <>
      <p>{waiting.length === 0 ? msg.rienAttendDansVos : msg.ceQuiVousAttend}</p>
      <ul className="tiles" aria-label={msg.vosFiles}>
        {[...waiting, ...queues.filter((q) => q.count === 0)].map((q) => (
          <li key={q.key} className={q.count > 0 ? 'tile waiting' : 'tile'}>
            <Link to={q.link}>
              <span className="tile-count">{q.count}</span> <span>{q.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The back office's home: a counter for each queue the staff member works. */
export function StaffHomePage() {
  return (
    <RequireUser staff>
      <PageTitle>{msg.accueilGestion}</PageTitle>
      <StaffNav />
      <Queues />
    </RequireUser>
  );
}
