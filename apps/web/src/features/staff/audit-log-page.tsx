import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { DataTable } from '../../shared/data-table.tsx';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { formatTimestamp } from '../../shared/format.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { RequireUser } from '../member/require-user.tsx';
import { SECTIONS } from './staff-sections.ts';
import { StaffNav } from './staff-nav.tsx';
import { auditLogPage as msg } from '../../messages/staff.ts';

interface AuditEntry {
  readonly id: number;
  readonly actor: string | null;
  readonly label: string;
  readonly createdAt: string;
}

/** Journal des actions (admin): what the staff and the jobs did, newest first, in words. */
export function AuditLogPage() {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const loading = useLoad(async () =>
    setEntries((await api<{ entries: AuditEntry[] }>('GET', '/api/admin/audit-log')).entries),
  );
  return (
    <RequireUser staff={SECTIONS.admin}>
      <PageTitle>{msg.titre}</PageTitle>
      <StaffNav />
      <p>{msg.explication}</p>
      {entries === null ? (
        <Loading {...loading} />
      ) : entries.length === 0 ? (
        <p>{msg.aucune}</p>
      ) : (
        <DataTable
          caption={msg.titre}
          rows={entries}
          counted={msg.counted}
          filterHint={msg.filtre}
          columns={[
            {
              id: 'when',
              header: msg.quand,
              // The stored time sorts as it reads; the filter finds the date as it is shown.
              accessorFn: (e) => `${e.createdAt} ${formatTimestamp(e.createdAt)}`,
              cell: ({ row: { original: e } }) => formatTimestamp(e.createdAt),
            },
            { id: 'who', header: msg.qui, accessorFn: (e) => e.actor ?? msg.systeme },
            { id: 'what', header: msg.action, accessorFn: (e) => e.label },
          ]}
        />
      )}
    </RequireUser>
  );
}
