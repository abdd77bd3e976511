import type { AuditPageAnswer } from '@entraide/contract';
import { useState, type SyntheticEvent } from 'react';
import { useSearchParams } from 'wouter';
import { api } from '../../shared/api.ts';
import { Field, FormAlert, ScrollingTable, SelectField } from '../../shared/form.tsx';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { formatTimestamp } from '../../shared/format.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { SECTIONS } from './staff-sections.ts';
import { StaffNav } from './staff-nav.tsx';
import { auditLogPage as msg } from '../../messages/staff.ts';

/** What the journal is narrowed to, as typed; a field left empty matches every action. */
type Filter = Readonly<Record<'action' | 'actor' | 'member' | 'from' | 'to', string>>;

/** The search an address names (`/gestion/journal?member=IN-000123`, from a member's file). */
const filterOf = (params: URLSearchParams): Filter => ({
  action: params.get('action') ?? '',
  actor: params.get('actor') ?? '',
  member: params.get('member') ?? '',
  from: params.get('from') ?? '',
  to: params.get('to') ?? '',
});

/** The journal's address: the fields filled in, and the page's start (`before` an entry). */
const pageUrl = (filter: Filter, before: number | null): string =>
  `/api/admin/audit-log?${new URLSearchParams([
    ...Object.entries(filter).filter(([, value]) => value.trim() !== ''),
    ...(before === null ? [] : [['before', String(before)]]),
  ]).toString()}`;

/**
 * Journal des actions (admin): what the staff and the jobs did, newest first, in words, with the
 * person each action concerns; narrowed on the server by action, by who acted, by the person
 * concerned and by dates, and read a page at a time.
 */
export function AuditLogPage() {
  const [params] = useSearchParams();
  const [filter, setFilter] = useState<Filter>(() => filterOf(params));
  const [shown, setShown] = useState<AuditPageAnswer | null>(null);
  // The filter the entries shown were found with: the next page continues that search.
  const [searched, setSearched] = useState<Filter>(filter);
  const { busy, alert, fields, run } = useSubmit();
  const loading = useLoad(async () =>
    setShown(await api<AuditPageAnswer>('GET', pageUrl(filter, null))),
  );
  const search = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      setShown(await api<AuditPageAnswer>('GET', pageUrl(filter, null)));
      setSearched(filter);
    });
  };
  const older = () =>
    void run(async () => {
      const last = shown?.entries.at(-1)?.id ?? null;
      const next = await api<AuditPageAnswer>('GET', pageUrl(searched, last));
      setShown((now) => ({ ...next, entries: [...(now?.entries ?? []), ...next.entries] }));
    });
  const field = (name: keyof Filter) => ({
    name,
    value: filter[name],
    error: fields[name],
    onChange: (e: { currentTarget: { value: string } }) =>
      setFilter({ ...filter, [name]: e.currentTarget.value }),
  });
  return (
    <RequireUser staff={SECTIONS.admin}>
      <PageTitle>{msg.titre}</PageTitle>
      <StaffNav />
      <p>{msg.explication}</p>
      {shown === null ? (
        <Loading {...loading} />
      ) : (
        <>
          <form onSubmit={search} noValidate role="search" aria-label={msg.chercher}>
            <SelectField
              label={msg.action}
              options={{
                '': msg.toutes,
                ...Object.fromEntries(shown.actions.map((a) => [a.action, a.label])),
              }}
              {...field('action')}
            />
            <div className="row">
              <Field label={msg.qui} hint={msg.quiAide} {...field('actor')} />
              <Field label={msg.concerne} hint={msg.concerneAide} {...field('member')} />
            </div>
            <div className="row">
              <Field label={msg.du} type="date" {...field('from')} />
              <Field label={msg.au} type="date" {...field('to')} />
            </div>
            <div className="actions">
              <button type="submit" disabled={busy}>
                {msg.chercher}
              </button>
            </div>
          </form>
          <FormAlert message={alert} />
          {shown.entries.length === 0 ? (
            <p role="status">{msg.aucune}</p>
          ) : (
            <>
              <p role="status">{msg.affichees(shown.entries.length, shown.more)}</p>
              <ScrollingTable label={msg.titre}>
                <table>
                  <caption>{msg.titre}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{msg.quand}</th>
                      <th scope="col">{msg.qui}</th>
                      <th scope="col">{msg.action}</th>
                      <th scope="col">{msg.concerne}</th>
                      <th scope="col">{msg.detail}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.entries.map((e) => (
                      <tr key={e.id}>
                        <td>{formatTimestamp(e.createdAt)}</td>
                        <td>{e.actor ?? msg.systeme}</td>
                        <td>{e.label}</td>
                        <td>{e.member ?? msg.personne}</td>
                        <td>{e.detail}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollingTable>
              {shown.more ? (
                <div className="actions">
                  <button type="button" onClick={older} disabled={busy}>
                    {msg.plusAnciennes}
                  </button>
                </div>
              ) : null}
            </>
          )}
        </>
      )}
    </RequireUser>
  );
}
