import type { ActivityAnswer, PriceFromAnswer } from '@entraide/contract';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError, type FieldErrors } from '../../shared/api.ts';
import { Checkbox, Field, FormAlert, SelectField } from '../../shared/form.tsx';
import { formatCents, formatDate } from '../../shared/format.ts';
import { KIND_LABELS, SECTOR_LABELS } from '../../shared/labels.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { CatalogueCalendar } from './catalogue-calendar.tsx';
import { SessionBadge, stateDetail, useSessionState } from './session-state.tsx';

const FILTERS = ['q', 'sector', 'age', 'from', 'to', 'placesLeft'] as const;

/** One session in a line: its state, dates, ages, price before subsidy, and what a request does. */
export function SessionLine({
  session: s,
}: {
  readonly session: ActivityAnswer['sessions'][number];
}) {
  const stateOf = useSessionState();
  if (!stateOf) return <>{s.label}</>;
  const state = stateOf(s);
  return (
    <>
      <SessionBadge state={state} /> {s.label} : du {formatDate(s.firstDay)} au{' '}
      {formatDate(s.lastDay)}, {s.minAge}–{s.maxAge} ans, {formatCents(s.priceCents)} avant
      subvention — {stateDetail(s, state)}.
    </>
  );
}

/**
 * The public catalogue, searched by words and filtered by sector, a child's age, dates and places
 * left; a member sees on each card the least the family would pay, after subsidy, and for whom.
 */
export function CataloguePage() {
  const [params, setParams] = useSearchParams();
  const [form, setForm] = useState(() =>
    Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])),
  );
  const [activities, setActivities] = useState<ActivityAnswer[] | null>(null);
  const [pricesFrom, setPricesFrom] = useState<Record<string, PriceFromAnswer>>({});
  const [fields, setFields] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const calendar = params.get('vue') === 'calendrier';
  useEffect(() => {
    const query = new URLSearchParams(
      [...params].filter(([name, value]) => value !== '' && name !== 'vue'),
    );
    api<{ activities: ActivityAnswer[]; pricesFrom: Record<string, PriceFromAnswer> }>(
      'GET',
      `/api/activities?${query.toString()}`,
    )
      .then((answer) => {
        setActivities(answer.activities);
        setPricesFrom(answer.pricesFrom);
        setFields({});
        setAlert(null);
      })
      .catch((error: unknown) => {
        setActivities([]);
        if (error instanceof ApiError) {
          setFields(error.fields);
          setAlert(error.message);
        }
      });
  }, [params]);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setParams({
      ...Object.fromEntries(Object.entries(form).filter(([, value]) => value !== '')),
      ...(calendar ? { vue: 'calendrier' } : {}),
    });
  };
  /** The list or the calendar, the filters kept (in the address, so a link shows the same). */
  const show = (asCalendar: boolean) => {
    const next = new URLSearchParams(params);
    if (asCalendar) next.set('vue', 'calendrier');
    else next.delete('vue');
    setParams(next);
  };
  return (
    <>
      <PageTitle>Séjours et activités</PageTitle>
      <form onSubmit={submit} noValidate className="card" aria-label="Filtrer le catalogue">
        <FormAlert message={alert} />
        <Field
          label="Mots-clés"
          hint="Un lieu, une activité, un prestataire : par exemple « voile » ou « Bretagne »."
          type="search"
          value={form.q}
          onChange={(e) => setForm({ ...form, q: e.target.value })}
          error={fields.q}
        />
        <div className="row">
          <SelectField
            label="Secteur"
            options={{ '': 'Tous les secteurs', ...SECTOR_LABELS }}
            value={form.sector}
            onChange={(e) => setForm({ ...form, sector: e.target.value })}
            error={fields.sector}
          />
          <Field
            label="Âge du participant"
            inputMode="numeric"
            value={form.age}
            onChange={(e) => setForm({ ...form, age: e.target.value })}
            error={fields.age}
          />
        </div>
        <div className="row">
          <Field
            label="À partir du"
            type="date"
            value={form.from}
            onChange={(e) => setForm({ ...form, from: e.target.value })}
            error={fields.from}
          />
          <Field
            label="Jusqu’au"
            type="date"
            value={form.to}
            onChange={(e) => setForm({ ...form, to: e.target.value })}
            error={fields.to}
          />
        </div>
        <Checkbox
          label="Seulement les sessions avec des places"
          checked={form.placesLeft === 'true'}
          onChange={(e) => setForm({ ...form, placesLeft: e.target.checked ? 'true' : '' })}
        />
        <div className="actions">
          <button type="submit">Filtrer</button>
        </div>
      </form>
      <div className="actions view-choice" role="group" aria-label="Affichage du catalogue">
        <button
          type="button"
          className="secondary"
          aria-pressed={!calendar}
          onClick={() => show(false)}
        >
          Liste
        </button>
        <button
          type="button"
          className="secondary"
          aria-pressed={calendar}
          onClick={() => show(true)}
        >
          Calendrier
        </button>
      </div>
      {activities === null ? (
        <p role="status">Chargement…</p>
      ) : activities.length === 0 ? (
        <p role="status">Aucune activité ne correspond à ces critères.</p>
      ) : calendar ? (
        <CatalogueCalendar activities={activities} />
      ) : (
        <ul className="cards" aria-label="Activités">
          {activities.map((a) => (
            <li key={a.id} className="card">
              <h2>
                <Link to={`/activites/${a.id}`}>{a.title}</Link>
              </h2>
              {a.pictures[0] ? (
                <img
                  src={a.pictures[0].url}
                  alt={a.pictures[0].alt}
                  className="activity-photo"
                  loading="lazy"
                />
              ) : null}
              <p>
                {SECTOR_LABELS[a.sector]} — {KIND_LABELS[a.kind] ?? a.kind} — {a.provider.name}
              </p>
              {pricesFrom[a.id] ? (
                <p className="price-from">
                  À partir de <strong>{formatCents(pricesFrom[a.id]?.leftToPayCents ?? 0)}</strong>{' '}
                  pour {pricesFrom[a.id]?.firstName}, après subvention
                </p>
              ) : null}
              <ul>
                {a.sessions.map((s) => (
                  <li key={s.id}>
                    <SessionLine session={s} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
