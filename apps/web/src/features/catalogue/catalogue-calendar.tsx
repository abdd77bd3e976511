import { daysInMonth, type ActivityAnswer } from '@entraide/contract';
import type { CSSProperties } from 'react';
import { Link } from 'wouter';
import { SessionBadge, useSessionState } from './session-state.tsx';
import { catalogueCalendar as msg } from '../../messages/catalogue.ts';

type Session = ActivityAnswer['sessions'][number];

const monthName = new Intl.DateTimeFormat('fr-FR', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dayAndMonth = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});
const utc = (day: string) => new Date(`${day}T00:00:00Z`);
const daysIn = (month: string) => {
  const [year = 0, m = 1] = month.split('-').map(Number);
  return daysInMonth(year, m);
};

/** The months a session touches, as YYYY-MM, in order. */
function monthsOf(firstDay: string, lastDay: string): string[] {
  const months: string[] = [];
  for (let month = firstDay.slice(0, 7); month <= lastDay.slice(0, 7);) {
    months.push(month);
    const [year = 0, m = 1] = month.split('-').map(Number);
    month = new Date(Date.UTC(year, m, 1)).toISOString().slice(0, 7);
  }
  return months;
}

/**
 * The catalogue as a calendar: month by month, each session a bar from its first to its last day
 * (cut at the month's edges), with its name, dates and state in words for those who do not see
 * the bars.
 */
export function CatalogueCalendar({
  activities,
}: {
  readonly activities: readonly ActivityAnswer[];
}) {
  const stateOf = useSessionState();
  const byMonth = new Map<string, { activity: ActivityAnswer; session: Session }[]>();
  for (const activity of activities)
    for (const session of activity.sessions)
      for (const month of monthsOf(session.firstDay, session.lastDay)) {
        const entries = byMonth.get(month) ?? [];
        entries.push({ activity, session });
        byMonth.set(month, entries);
      }
  const months = [...byMonth.keys()].sort();
  if (months.length === 0) return <p role="status">{msg.aucuneSessionCesDates}</p>;
  return (
    <>
      {months.map((month) => {
        const days = daysIn(month);
        const title = monthName.format(utc(`${month}-01`));
        const entries = (byMonth.get(month) ?? []).sort((a, b) =>
          a.session.firstDay.localeCompare(b.session.firstDay),
        );
        return (
          <section key={month} className="calendar-month" aria-labelledby={`mois-${month}`}>
            <h2 id={`mois-${month}`}>{title.charAt(0).toUpperCase() + title.slice(1)}</h2>
            <ol className="calendar-rows" style={{ '--days': days } as CSSProperties}>
              {entries.map(({ activity, session }) => {
                const from = session.firstDay.startsWith(month)
                  ? Number(session.firstDay.slice(8))
                  : 1;
                const to = session.lastDay.startsWith(month)
                  ? Number(session.lastDay.slice(8))
                  : days;
                return (
                  <li key={session.id}>
                    <span
                      className="calendar-bar"
                      aria-hidden="true"
                      style={{ gridColumn: `${from} / ${to + 1}` }}
                    />
                    <span className="calendar-text">
                      <Link to={`/activites/${activity.id}`}>{activity.title}</Link>{' '}
                      {msg.duAu(
                        session.label,
                        dayAndMonth.format(utc(session.firstDay)),
                        dayAndMonth.format(utc(session.lastDay)),
                      )}{' '}
                      {stateOf ? <SessionBadge state={stateOf(session)} /> : null}
                    </span>
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </>
  );
}
