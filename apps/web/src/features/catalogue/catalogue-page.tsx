import type { ActivityAnswer, PriceFromAnswer } from '@entraide/contract';
import { useState, type SyntheticEvent } from 'react';
import { Link, useSearchParams } from 'wouter';
import { api, ApiError, type FieldErrors } from '../../shared/api.ts';
import { Checkbox, Field, FormAlert, SelectField } from '../../shared/form.tsx';
import { formatCents, formatDate } from '../../shared/format.ts';
import { KIND_LABELS, SECTOR_LABELS } from '../../messages/labels.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { CatalogueCalendar } from './catalogue-calendar.tsx';
import { SessionBadge, stateDetail, useSessionState } from './session-state.tsx';
import { cataloguePage as msg } from '../../messages/catalogue.ts';

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
      <SessionBadge state={state} />{' '}
      {msg.ansAvantSubvention(
        s.label,
        formatDate(s.firstDay),
        formatDate(s.lastDay),
        s.minAge,
        s.maxAge,
        formatCents(s.priceCents),
        stateDetail(s, state),
      )}
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
  // The filters as the API reads them; the view (list or calendar) is not one, and reads nothing.
  const query = new URLSearchParams(
    [...params].filter(([name, value]) => value !== '' && name !== 'vue'),
  ).toString();
  const load = useLoad(async () => {
    setActivities(null);
    try {
      const answer = await api<{
        activities: ActivityAnswer[];
        pricesFrom: Record<string, PriceFromAnswer>;
      }>('GET', `/api/activities?${query}`);
      setActivities(answer.activities);
      setPricesFrom(answer.pricesFrom);
      setFields({});
      setAlert(null);
    } catch (error) {
      // A filter the server refuses is said on its field; anything else where the list would be.
      if (!(error instanceof ApiError && error.status === 400)) throw error;
      setActivities([]);
      setFields(error.fields);
      setAlert(error.message);
    }
  }, query);
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
      <PageTitle>{msg.sejoursActivites}</PageTitle>
      <form onSubmit={submit} noValidate className="card" aria-label={msg.filtrerCatalogue}>
        <FormAlert message={alert} />
        <Field
          label={msg.motsCles}
          hint={msg.lieuActivitePrestatairePar}
          type="search"
          value={form.q}
          onChange={(e) => setForm({ ...form, q: e.target.value })}
          error={fields.q}
        />
        <div className="row">
          <SelectField
            label={msg.secteur}
            options={{ '': msg.tousSecteurs, ...SECTOR_LABELS }}
            value={form.sector}
            onChange={(e) => setForm({ ...form, sector: e.target.value })}
            error={fields.sector}
          />
          <Field
            label={msg.ageParticipant}
            inputMode="numeric"
            value={form.age}
            onChange={(e) => setForm({ ...form, age: e.target.value })}
            error={fields.age}
          />
        </div>
        <div className="row">
          <Field
            label={msg.partir}
            type="date"
            value={form.from}
            onChange={(e) => setForm({ ...form, from: e.target.value })}
            error={fields.from}
          />
          <Field
            label={msg.jusqu}
            type="date"
            value={form.to}
            onChange={(e) => setForm({ ...form, to: e.target.value })}
            error={fields.to}
          />
        </div>
        <Checkbox
          label={msg.seulementSessionsAvecPlaces}
          checked={form.placesLeft === 'true'}
          onChange={(e) => setForm({ ...form, placesLeft: e.target.checked ? 'true' : '' })}
        />
        <div className="actions">
          <button type="submit">{msg.filtrer}</button>
        </div>
      </form>
      <div className="actions view-choice" role="group" aria-label={msg.affichageCatalogue}>
        <button
          type="button"
          className="secondary"
          aria-pressed={!calendar}
          onClick={() => show(false)}
        >
          {msg.liste}
        </button>
        <button
          type="button"
          className="secondary"
          aria-pressed={calendar}
          onClick={() => show(true)}
        >
          {msg.calendrier}
        </button>
      </div>
      {activities === null ? (
        <Loading {...load} />
      ) : activities.length === 0 ? (
        <p role="status">{msg.aucuneActiviteNeCorrespond}</p>
      ) : calendar ? (
        <CatalogueCalendar activities={activities} />
      ) : (
        <ul className="cards" aria-label={msg.activites}>
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
                  {msg.partir2}{' '}
                  <strong>{formatCents(pricesFrom[a.id]?.leftToPayCents ?? 0)}</strong> {msg.pour}{' '}
                  {pricesFrom[a.id]?.firstName}
                  {msg.apresSubvention}
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
