import type {
  ActivityAnswer,
  ActivityInput,
  ActivitySessionAnswer,
  SessionCancellationFigures,
  SessionInput,
} from '@entraide/contract';
import { useCallback, useState, type SyntheticEvent } from 'react';
import { Link } from 'wouter';
import { api } from '../../shared/api.ts';
import { Loading, useLoad, type LoadState } from '../../shared/loading.tsx';
import {
  Checkbox,
  Field,
  FormAlert,
  Notice,
  RepeatedFieldsets,
  SelectField,
} from '../../shared/form.tsx';
import { centsForInput, formatCents, formatDate, parseEuros } from '../../shared/format.ts';
import { KIND_LABELS, SECTOR_LABELS } from '../../messages/labels.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { SessionBadge, useSessionState } from '../catalogue/session-state.tsx';
import { CancelSession } from './session-cancellation.tsx';
import { RequireUser } from '../member/require-user.tsx';
import { SECTIONS } from './staff-sections.ts';
import { StaffNav } from './staff-nav.tsx';
import { ActivityPhoto, changeActivity } from './activity-photo.tsx';
import { activitiesEditorPage as msg } from '../../messages/staff.ts';

/**
 * The cap categories of the committee's packs, by code (null until read), and why they could not
 * be: an activity saved without its cap because the list was empty would be subsidised uncapped.
 */
function useCapCategories(): { categories: Record<string, string> | null; loading: LoadState } {
  const { session } = useSession();
  const [categories, setCategories] = useState<Record<string, string> | null>(null);
  const loading = useLoad(async () => {
    const { packs } = await api<{
      packs: {
        organization: string;
        parameters: { capCategories?: Record<string, { label: string }> };
      }[];
    }>('GET', '/api/staff/packs');
    const all: Record<string, string> = {};
    for (const pack of packs)
      if (pack.organization === session?.organization.id)
        for (const [id, cap] of Object.entries(pack.parameters.capCategories ?? {}))
          all[id] = cap.label;
    setCategories(all);
  }, session?.organization.id);
  return { categories, loading };
}

function ActivityForm({ onSaved }: { readonly onSaved: (title: string) => Promise<void> }) {
  const { categories, loading } = useCapCategories();
  const blank = {
    title: '',
    sector: 'jeunesse' as ActivityInput['sector'],
    kind: 'caes' as ActivityInput['kind'],
    capCategory: '',
    description: '',
    providerName: '',
    providerEmail: '',
    ski: false,
    schoolTrip: false,
    abroad: false,
  };
  const [form, setForm] = useState(blank);
  const { busy, alert, fields, run } = useSubmit();
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      await api('POST', '/api/staff/activities', {
        title: form.title,
        sector: form.sector,
        kind: form.kind,
        capCategory: form.capCategory || null,
        description: form.description,
        provider: {
          name: form.providerName,
          ...(form.providerEmail ? { email: form.providerEmail } : {}),
        },
        ski: form.ski,
        schoolTrip: form.schoolTrip,
        abroad: form.abroad,
        pictures: [],
        published: false,
      });
      setForm(blank);
      await onSaved(form.title);
    });
  };
  return (
    <form onSubmit={submit} noValidate className="card" aria-labelledby="new-activity">
      <h2 id="new-activity">{msg.nouvelleActivite}</h2>
      <FormAlert message={alert} />
      <Field
        label={msg.titre}
        required
        value={form.title}
        onChange={(e) => setForm({ ...form, title: e.target.value })}
        error={fields.title}
      />
      <div className="row">
        <SelectField
          label={msg.secteur}
          options={SECTOR_LABELS}
          value={form.sector}
          onChange={(e) => setForm({ ...form, sector: e.target.value as ActivityInput['sector'] })}
          error={fields.sector}
        />
        <SelectField
          label={msg.type}
          options={KIND_LABELS}
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value as ActivityInput['kind'] })}
          error={fields.kind}
        />
      </div>
      {categories === null ? (
        <Loading {...loading} />
      ) : (
        <SelectField
          label={msg.plafondBaseSubventionnable}
          options={{ '': msg.aucun, ...categories }}
          value={form.capCategory}
          onChange={(e) => setForm({ ...form, capCategory: e.target.value })}
          error={fields.capCategory}
        />
      )}
      <div className="field">
        <label htmlFor="activity-description">{msg.description}</label>
        <textarea
          id="activity-description"
          rows={4}
          value={form.description}
          aria-invalid={fields.description ? true : undefined}
          aria-describedby={fields.description ? 'activity-description-error' : undefined}
          onChange={(e) => setForm({ ...form, description: e.target.value })}
        />
        {fields.description ? (
          <p className="error" id="activity-description-error">
            {fields.description}
          </p>
        ) : null}
      </div>
      <div className="row">
        <Field
          label={msg.prestataire}
          value={form.providerName}
          onChange={(e) => setForm({ ...form, providerName: e.target.value })}
          error={fields['provider.name']}
        />
        <Field
          label={msg.courrielPrestataire}
          type="email"
          value={form.providerEmail}
          onChange={(e) => setForm({ ...form, providerEmail: e.target.value })}
          error={fields['provider.email']}
        />
      </div>
      <Checkbox
        label={msg.sejourSkiCaseAide}
        checked={form.ski}
        onChange={(e) => setForm({ ...form, ski: e.target.checked })}
      />
      <Checkbox
        label={msg.voyageScolaireParEnfant}
        checked={form.schoolTrip}
        onChange={(e) => setForm({ ...form, schoolTrip: e.target.checked })}
      />
      <Checkbox
        label={msg.etrangerFraisDossierNe}
        checked={form.abroad}
        onChange={(e) => setForm({ ...form, abroad: e.target.checked })}
      />
      <div className="actions">
        <button type="submit" disabled={busy || categories === null}>
          {msg.creerActiviteNonPubliee}
        </button>
      </div>
    </form>
  );
}

interface LodgingForm {
  type: string;
  capacity: string;
  price: string;
  per: 'week' | 'night';
  count: string;
  externalPrice: string;
}

const PER_LABELS = { week: msg.semaine, night: msg.nuit };

/** A village session's lodgings: places are counted in lodgings, each for a group. */
function LodgingsFields({
  prefix,
  lodgings,
  onChange,
  error,
}: {
  readonly prefix: string;
  readonly lodgings: readonly LodgingForm[];
  readonly onChange: (lodgings: LodgingForm[]) => void;
  readonly error: (path: string) => string | undefined;
}) {
  const change = (index: number, update: Partial<LodgingForm>) =>
    onChange(lodgings.map((l, i) => (i === index ? { ...l, ...update } : l)));
  return (
    <RepeatedFieldsets
      items={lodgings}
      legend={(index) => msg.hebergement(prefix, index + 1)}
      addLabel={msg.ajouterTypeHebergement}
      removeLabel={(index) => msg.retirerHebergement(index + 1)}
      onAdd={() =>
        onChange([
          ...lodgings,
          { type: '', capacity: '', price: '', per: 'week', count: '', externalPrice: '' },
        ])
      }
      onRemove={(index) => onChange(lodgings.filter((_, i) => i !== index))}
    >
      {(lodging, index) => (
        <>
          <Field
            label={msg.typeHebergement(index + 1)}
            hint={msg.parExempleChalet6}
            value={lodging.type}
            onChange={(e) => change(index, { type: e.target.value })}
            error={error(`${index}.type`) ?? (index === 0 ? error('') : undefined)}
          />
          <div className="row">
            <Field
              label={msg.capaciteHebergementPersonnes(index + 1)}
              inputMode="numeric"
              value={lodging.capacity}
              onChange={(e) => change(index, { capacity: e.target.value })}
              error={error(`${index}.capacity`)}
            />
            <Field
              label={msg.nombreHebergementsDisponibles(index + 1)}
              inputMode="numeric"
              value={lodging.count}
              onChange={(e) => change(index, { count: e.target.value })}
              error={error(`${index}.count`)}
            />
          </div>
          <div className="row">
            <Field
              label={msg.prixBaseTdHebergement(index + 1)}
              inputMode="decimal"
              value={lodging.price}
              onChange={(e) => change(index, { price: e.target.value })}
              error={error(`${index}.priceCents`)}
            />
            <SelectField
              label={msg.prixHebergementPour(index + 1)}
              options={PER_LABELS}
              value={lodging.per}
              onChange={(e) => change(index, { per: e.target.value as LodgingForm['per'] })}
            />
          </div>
          <Field
            label={msg.tarifExterieurHebergement(index + 1)}
            hint={msg.ilDifferePrixBase}
            inputMode="decimal"
            value={lodging.externalPrice}
            onChange={(e) => change(index, { externalPrice: e.target.value })}
            error={error(`${index}.externalPriceCents`)}
          />
        </>
      )}
    </RepeatedFieldsets>
  );
}

/** The form's fields of a session: empty for a new one, its own values to change it. */
function sessionFields(session: ActivitySessionAnswer | null) {
  const euros = (cents: number | null | undefined) =>
    cents === null || cents === undefined ? '' : centsForInput(cents);
  return {
    label: session?.label ?? '',
    firstDay: session?.firstDay ?? '',
    lastDay: session?.lastDay ?? '',
    minAge: session ? String(session.minAge) : '',
    maxAge: session ? String(session.maxAge) : '',
    places: session ? String(session.places) : '',
    price: euros(session?.priceCents),
    city: session?.transport[0]?.city ?? '',
    cityPrice: euros(session?.transport[0]?.priceCents),
    externalPrice: euros(session?.externalPriceCents),
    closesOn: session?.closesOn ?? '',
  };
}

function SessionForm({
  activity,
  session = null,
  onSaved,
}: {
  readonly activity: ActivityAnswer;
  /** The session to change; none: a new session. */
  readonly session?: ActivitySessionAnswer | null;
  readonly onSaved: () => Promise<void>;
}) {
  const blank = sessionFields(session);
  const [form, setForm] = useState(blank);
  const [lodgings, setLodgings] = useState<LodgingForm[]>(
    (session?.lodgings ?? []).map((l) => ({
      type: l.type,
      capacity: String(l.capacity),
      price: centsForInput(l.priceCents),
      per: l.per,
      count: String(l.count),
      externalPrice: l.externalPriceCents === null ? '' : centsForInput(l.externalPriceCents),
    })),
  );
  const village = activity.kind === 'caesVillage' || activity.kind === 'partnerVillage';
  const [open, setOpen] = useState(false);
  const { busy, alert, fields, run } = useSubmit();
  const set = (key: keyof typeof blank) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      const body: Partial<SessionInput> = {
        label: form.label,
        firstDay: form.firstDay,
        lastDay: form.lastDay,
        minAge: Number(form.minAge),
        maxAge: Number(form.maxAge),
        places: Number(form.places),
        priceCents: parseEuros(form.price),
        transport: form.city ? [{ city: form.city, priceCents: parseEuros(form.cityPrice) }] : [],
        lodgings: lodgings.map((l) => ({
          type: l.type,
          capacity: Number(l.capacity),
          priceCents: parseEuros(l.price),
          per: l.per,
          count: Number(l.count),
          externalPriceCents: l.externalPrice ? parseEuros(l.externalPrice) : null,
        })),
        externalPriceCents: form.externalPrice ? parseEuros(form.externalPrice) : null,
        closesOn: form.closesOn,
        ...(session
          ? {
              waitingPlaces: session.waitingPlaces,
              answerBy: session.answerBy,
              // The session this form opened: one saved since by someone else is not written over.
              basedOn: session.revision,
            }
          : {}),
      };
      if (session)
        await api('PUT', `/api/staff/activities/${activity.id}/sessions/${session.id}`, body);
      else {
        await api('POST', `/api/staff/activities/${activity.id}/sessions`, body);
        setForm(blank);
        setLodgings([]);
      }
      await onSaved();
    });
  };
  const prefix = session ? `${session.label} — ` : `${activity.title} — `;
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {session ? msg.modifier(session.label) : msg.ajouterSession(activity.title)}
      </summary>
      {/* A session's form is built once opened: a list of sessions is not a page of forms. */}
      {session && !open ? null : (
        <form onSubmit={submit} noValidate>
          {session ? <p className="hint">{msg.demandesDejaFaitesGardent}</p> : null}
          <FormAlert message={alert} />
          <Field
            label={msg.nomSession(prefix)}
            value={form.label}
            onChange={set('label')}
            error={fields.label}
          />
          <div className="row">
            <Field
              label={msg.premierJour(prefix)}
              type="date"
              value={form.firstDay}
              onChange={set('firstDay')}
              error={fields.firstDay}
            />
            <Field
              label={msg.dernierJour(prefix)}
              type="date"
              value={form.lastDay}
              onChange={set('lastDay')}
              error={fields.lastDay}
            />
          </div>
          <div className="row">
            <Field
              label={msg.ageMinimum(prefix)}
              inputMode="numeric"
              value={form.minAge}
              onChange={set('minAge')}
              error={fields.minAge}
            />
            <Field
              label={msg.ageMaximum(prefix)}
              inputMode="numeric"
              value={form.maxAge}
              onChange={set('maxAge')}
              error={fields.maxAge}
            />
          </div>
          <div className="row">
            <Field
              label={msg.placesPreReservees(prefix)}
              inputMode="numeric"
              value={form.places}
              onChange={set('places')}
              error={fields.places}
            />
            <Field
              label={msg.prixAvantSubvention(prefix)}
              inputMode="decimal"
              value={form.price}
              onChange={set('price')}
              error={fields.priceCents}
            />
          </div>
          <div className="row">
            <Field
              label={msg.villeDepartTransport(prefix)}
              value={form.city}
              onChange={set('city')}
              error={fields['transport.0.city']}
            />
            <Field
              label={msg.prixTransport(prefix)}
              inputMode="decimal"
              value={form.cityPrice}
              onChange={set('cityPrice')}
              error={fields['transport.0.priceCents']}
            />
          </div>
          {village ? (
            <>
              <Field
                label={msg.tarifExterieurParPersonne(prefix)}
                hint={msg.pourNonAyantsDroit}
                inputMode="decimal"
                value={form.externalPrice}
                onChange={set('externalPrice')}
                error={fields.externalPriceCents}
              />
              <LodgingsFields
                prefix={prefix}
                lodgings={lodgings}
                onChange={setLodgings}
                error={(path) => fields[`lodgings.${path}`]}
              />
            </>
          ) : null}
          <Field
            label={msg.clotureInscriptions(prefix)}
            hint={msg.reponseFamilles15Jours}
            type="date"
            value={form.closesOn}
            onChange={set('closesOn')}
            error={fields.closesOn}
          />
          <div className="actions">
            <button type="submit" disabled={busy}>
              {session ? msg.enregistrerChangements : msg.ajouterSession2}
            </button>
          </div>
        </form>
      )}
    </details>
  );
}

/** A session in the editor: its state and figures, its lists, and what staff can do with it. */
function SessionItem({
  activity,
  session: s,
  busy,
  onSaved,
  onCancel,
}: {
  readonly activity: ActivityAnswer;
  readonly session: ActivitySessionAnswer;
  readonly busy: boolean;
  readonly onSaved: () => Promise<void>;
  readonly onCancel: (reason: string, expected: SessionCancellationFigures) => void;
}) {
  const stateOf = useSessionState();
  const state = stateOf?.(s) ?? null;
  const changeable = state !== null && state !== 'cancelled' && state !== 'started';
  return (
    <li>
      <p>
        {state ? <SessionBadge state={state} /> : null} <strong>{s.label}</strong>{' '}
        {msg.clotureParticipants(
          formatDate(s.firstDay),
          formatDate(s.lastDay),
          s.places - s.placesLeft,
          s.places,
          s.lodgings.length > 0
            ? msg.hebergementsAttribues(
                s.lodgings.map((l) => `${l.type} : ${l.count - l.left}/${l.count}`).join(', '),
              )
            : msg.placesAttribuees,
          formatCents(s.priceCents),
          formatDate(s.closesOn),
          s.allocatedAt ? msg.selectionFaite : '',
          s.cancellationReason ? msg.motif(s.cancellationReason) : '',
        )}{' '}
        <a href={`/api/staff/sessions/${s.id}/participants.csv`}>{msg.csv}</a>,{' '}
        <a href={`/api/staff/sessions/${s.id}/participants.pdf`} target="_blank" rel="noreferrer">
          {msg.pdf}
        </a>
      </p>
      {changeable ? (
        <>
          <SessionForm activity={activity} session={s} onSaved={onSaved} />
          <div className="actions">
            <CancelSession
              activityId={activity.id}
              session={s}
              disabled={busy}
              onCancel={onCancel}
            />
          </div>
        </>
      ) : null}
    </li>
  );
}

/** The catalogue editor of the staff's sectors: activities, their sessions and publication. */
export function ActivitiesEditorPage() {
  const [activities, setActivities] = useState<ActivityAnswer[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, alert, run } = useSubmit();
  const load = useCallback(async () => {
    setActivities(
      (await api<{ activities: ActivityAnswer[] }>('GET', '/api/staff/activities')).activities,
    );
  }, []);
  const loading = useLoad(load);
  const publish = (activity: ActivityAnswer) =>
    void run(async () => {
      await changeActivity(activity, { published: !activity.published });
      setNotice(msg.catalogue(activity.title, activity.published ? msg.retiree : msg.publiee));
      await load();
    });
  const cancel = (
    activity: ActivityAnswer,
    session: ActivitySessionAnswer,
    reason: string,
    expected: SessionCancellationFigures,
  ) =>
    void run(async () => {
      const done = await api<SessionCancellationFigures>(
        'POST',
        `/api/staff/activities/${activity.id}/sessions/${session.id}/cancellation`,
        { reason, expected },
      );
      setNotice(
        msg.sessionAnnuleeFamillesPrevenues(
          session.label,
          done.placesCancelled > 0
            ? msg.placeAnnuleePlacesAnnulees(done.placesCancelled, formatCents(done.refundCents))
            : '',
        ),
      );
      await load();
    });
  return (
    <RequireUser staff={SECTIONS.activities}>
      <PageTitle>{msg.catalogueActivites}</PageTitle>
      <StaffNav />
      {notice ? <Notice>{notice}</Notice> : null}
      <FormAlert message={alert} />
      <ActivityForm
        onSaved={async (title) => {
          setNotice(msg.creeeAjoutezSesSessions(title));
          await load();
        }}
      />
      {activities === null ? (
        <Loading {...loading} />
      ) : (
        <ul className="cards" aria-label={msg.activites}>
          {activities.map((a) => (
            <li key={a.id} className="card">
              <h2>
                {a.title} ({SECTOR_LABELS[a.sector]}) —{' '}
                {a.published ? msg.publiee2 : msg.nonPubliee}
              </h2>
              <ul className="sessions">
                {a.sessions.map((s) => (
                  <SessionItem
                    key={s.id}
                    activity={a}
                    session={s}
                    busy={busy}
                    onSaved={load}
                    onCancel={(reason, expected) => cancel(a, s, reason, expected)}
                  />
                ))}
              </ul>
              <div className="actions">
                <button type="button" className="secondary" onClick={() => publish(a)}>
                  {a.published ? msg.retirerCatalogue(a.title) : msg.publier(a.title)}
                </button>
                {a.published ? <Link to={`/activites/${a.id}`}>{msg.voirPagePublique}</Link> : null}
              </div>
              <ActivityPhoto
                activity={a}
                onSaved={async (message) => {
                  setNotice(message);
                  await load();
                }}
              />
              <SessionForm activity={a} onSaved={load} />
            </li>
          ))}
        </ul>
      )}
    </RequireUser>
  );
}
