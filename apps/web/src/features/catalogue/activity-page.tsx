import type { ActivityPageAnswer } from '@entraide/contract';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { api } from '../../shared/api.ts';
import { Loading, orMissing, useLoad } from '../../shared/loading.tsx';
import { formatCents } from '../../shared/format.ts';
import { KIND_LABELS, SECTOR_LABELS } from '../../messages/labels.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { SessionLine } from './catalogue-page.tsx';
import { useSessionState } from './session-state.tsx';
import { common } from '../../messages/common.ts';
import { activityPage as msg } from '../../messages/catalogue.ts';

/** What each person of the household would pay, session by session (transport aside). */
function Costs({ view }: { readonly view: ActivityPageAnswer }) {
  const depositLabel = useSession().session?.organization.texts.depositLabel ?? msg.acompte;
  const { activity, costs } = view;
  if (!costs) return null;
  if (costs.length === 0)
    return (
      <p>
        {msg.personneVotreFoyerNe} <Link to="/espace/fiche">{common.myAgentRecord}</Link>
      </p>
    );
  return (
    <section aria-labelledby="costs">
      <h2 id="costs">{msg.ceIlVousResterait}</h2>
      {costs.map((person) => (
        <div key={person.dependantIndex ?? 'member'}>
          <h3>{person.firstName}</h3>
          <ul>
            {person.sessions.map((cost) => {
              const session = activity.sessions.find((s) => s.id === cost.sessionId);
              return (
                <li key={cost.sessionId}>
                  {session?.label} {msg.subventionRestePayer(formatCents(cost.subsidyCents))}{' '}
                  <strong>{formatCents(cost.leftToPayCents)}</strong>{' '}
                  {msg.horsTransport(depositLabel.toLowerCase(), formatCents(cost.depositCents))}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}

export function ActivityPage() {
  const { id = '' } = useParams();
  const { session } = useSession();
  const [view, setView] = useState<ActivityPageAnswer | null | 'missing'>(null);
  const stateOf = useSessionState();
  const loading = useLoad(
    async () => setView(await orMissing(api<ActivityPageAnswer>('GET', `/api/activities/${id}`))),
    `${id} ${session?.user?.id ?? ''}`,
  );
  if (view === 'missing') return <NotFoundPage />;
  if (!view || !stateOf) return <Loading {...loading} />;
  const { activity } = view;
  const member = session?.user?.role === 'member';
  return (
    <>
      <PageTitle>{activity.title}</PageTitle>
      <p>
        {msg.organisePar(
          SECTOR_LABELS[activity.sector],
          KIND_LABELS[activity.kind] ?? activity.kind,
          activity.provider.name,
          activity.provider.email ? ` (${activity.provider.email})` : '',
        )}
      </p>
      {activity.pictures.map((picture) => (
        <img key={picture.url} src={picture.url} alt={picture.alt} className="picture" />
      ))}
      <p className="description">{activity.description}</p>
      <h2>{msg.sessions}</h2>
      <ul>
        {activity.sessions.map((s) => (
          <li key={s.id}>
            <SessionLine session={s} />{' '}
            {s.transport.length > 0
              ? msg.transportDepuis(
                  s.transport.map((t) => `${t.city} (${formatCents(t.priceCents)})`).join(', '),
                )
              : ''}
            {member && stateOf(s) !== 'started' ? (
              <Link to={`/espace/inscriptions/nouvelle?activite=${activity.id}&session=${s.id}`}>
                {msg.faireDemandePour(s.label)}
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
      {member ? (
        <Costs view={view} />
      ) : (
        <p>
          <Link to="/connexion">{msg.connectezVous}</Link> {msg.pourVoirCeIl}
        </p>
      )}
      <p>
        <Link to="/activites">{msg.retourCatalogue}</Link>
      </p>
    </>
  );
}
