import type {
  LodgingInput,
  ActivityAnswer,
  ActivityInput,
  ActivitySessionAnswer,
  ActivitySector,
  SessionInput,
  catalogueQuery,
} from '@entraide/contract';
import type { z } from 'zod';
import type { Database, Queryable } from '../../db/database.ts';
import { HttpError, invalidField, notFound, refuseIfSavedSince, requireUuid } from '../../http.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { keepPhotos } from '../pictures/unused-photos.ts';

export type Session = ActivitySessionAnswer;
export type Activity = ActivityAnswer;

/**
 * SQL: the day a session `s` gets its automatic selection, the third after its closing (staff
 * have two full days to read the preview), unless they postponed it.
 */
export const SELECTION_DAY = `coalesce(s.selection_postponed_to, s.closes_on + 3)`;

/**
 * SQL: a session's columns, with its places confirmed (in all and by lodging type) as its row
 * keeps them, counted by a trigger (migration 0024): what a place left is read against,
 * everywhere.
 */
export const SESSION_COLUMNS = `s.id, s.activity_id, s.label, s.first_day::text AS first_day, s.last_day::text AS last_day,
  s.min_age, s.max_age, s.places, s.waiting_places, s.price_cents::int AS price_cents, s.transport,
  s.closes_on::text AS closes_on, s.answer_by::text AS answer_by, s.allocated_at::text AS allocated_at,
  s.lodgings, s.external_price_cents::int AS external_price_cents, ${SELECTION_DAY}::text AS selection_on,
  s.cancelled_at::text AS cancelled_at, s.cancellation_reason,
  s.places - s.confirmed_count AS places_left, s.lodgings_taken, s.revision`;

export interface SessionRow {
  id: string;
  activity_id: string;
  label: string;
  first_day: string;
  last_day: string;
  min_age: number;
  max_age: number;
  places: number;
  waiting_places: number;
  price_cents: number;
  transport: { city: string; priceCents: number }[];
  closes_on: string;
  answer_by: string;
  allocated_at: string | null;
  lodgings: LodgingInput[];
  external_price_cents: number | null;
  selection_on: string;
  cancelled_at: string | null;
  cancellation_reason: string | null;
  places_left: number;
  lodgings_taken: Record<string, number>;
  revision: number;
}

export const toSession = (r: SessionRow): Session => ({
  id: r.id,
  activityId: r.activity_id,
  label: r.label,
  firstDay: r.first_day,
  lastDay: r.last_day,
  minAge: r.min_age,
  maxAge: r.max_age,
  places: r.places,
  waitingPlaces: r.waiting_places,
  placesLeft: Math.max(0, r.places_left),
  priceCents: r.price_cents,
  transport: r.transport,
  closesOn: r.closes_on,
  answerBy: r.answer_by,
  allocatedAt: r.allocated_at,
  lodgings: r.lodgings.map((l) => ({
    ...l,
    left: Math.max(0, l.count - (r.lodgings_taken[l.type] ?? 0)),
  })),
  externalPriceCents: r.external_price_cents,
  selectionOn: r.selection_on,
  cancelledAt: r.cancelled_at,
  cancellationReason: r.cancellation_reason,
  revision: r.revision,
});

export interface ActivityRow {
  id: string;
  title: string;
  sector: ActivitySector;
  kind: ActivityInput['kind'];
  cap_category: string | null;
  description: string;
  provider: ActivityInput['provider'];
  ski: boolean;
  school_trip: boolean;
  abroad: boolean;
  pictures: ActivityInput['pictures'];
  published: boolean;
  revision: number;
}

export const ACTIVITY_COLUMNS =
  'id, title, sector, kind, cap_category, description, provider, ski, school_trip, abroad, pictures, published, revision';

/** An activity without its sessions: what a request, an invoice or a rights check needs. */
export type ActivityFields = Omit<Activity, 'sessions'>;

export const toFields = (r: ActivityRow): ActivityFields => ({
  id: r.id,
  title: r.title,
  sector: r.sector,
  kind: r.kind,
  capCategory: r.cap_category,
  description: r.description,
  provider: r.provider,
  ski: r.ski,
  schoolTrip: r.school_trip,
  abroad: r.abroad,
  pictures: r.pictures,
  published: r.published,
  revision: r.revision,
});

export async function sessionsById(
  db: Queryable,
  ids: readonly string[],
  lock = false,
): Promise<Session[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<SessionRow>(
    `SELECT ${SESSION_COLUMNS} FROM activity_sessions s WHERE s.id = ANY($1::uuid[]) ORDER BY s.id${lock ? ' FOR NO KEY UPDATE' : ''}`,
    [ids],
  );
  return rows.map(toSession);
}

async function withSessions(
  db: Queryable,
  activities: readonly ActivityFields[],
): Promise<Activity[]> {
  if (activities.length === 0) return [];
  const sessions = (
    await db.query<SessionRow>(
      `SELECT ${SESSION_COLUMNS} FROM activity_sessions s WHERE s.activity_id = ANY($1::uuid[]) ORDER BY s.first_day, s.label`,
      [activities.map((a) => a.id)],
    )
  ).map(toSession);
  return activities.map((a) => ({ ...a, sessions: sessions.filter((s) => s.activityId === a.id) }));
}

/** One activity without its sessions; unpublished ones only for staff. */
export async function activityFields(
  db: Queryable,
  id: string,
  staffView: boolean,
): Promise<ActivityFields> {
  requireUuid(id);
  const [row] = await db.query<ActivityRow>(
    `SELECT ${ACTIVITY_COLUMNS} FROM activities WHERE id = $1 AND (published OR $2)`,
    [id, staffView],
  );
  if (!row) throw notFound();
  return toFields(row);
}

/** One activity with its sessions; unpublished ones only for staff. */
export async function findActivity(
  db: Queryable,
  id: string,
  staffView: boolean,
): Promise<Activity> {
  const [activity] = await withSessions(db, [await activityFields(db, id, staffView)]);
  if (!activity) throw notFound();
  return activity;
}

/** Lower-case words without accents: "Séjour à l’Île" → ["sejour", "a", "l", "ile"]. */
const plainWords = (text: string): string[] =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/**
 * The public catalogue: published activities whose sessions match the filters (words, sector, a
 * participant's age on the first day, dates, places left); only matching sessions are listed,
 * never a cancelled one.
 */
export async function listCatalogue(
  db: Queryable,
  filters: z.infer<typeof catalogueQuery>,
): Promise<Activity[]> {
  const rows = await db.query<ActivityRow>(
    `SELECT ${ACTIVITY_COLUMNS} FROM activities WHERE published AND ($1::text IS NULL OR sector = $1) ORDER BY title`,
    [filters.sector ?? null],
  );
  const activities = await withSessions(db, rows.map(toFields));
  const words = filters.q ? plainWords(filters.q) : [];
  return activities
    .filter((a) => {
      const text = plainWords(
        [a.title, a.description, a.provider.name, ...a.sessions.map((s) => s.label)].join(' '),
      ).join(' ');
      return words.every((word) => text.includes(word));
    })
    .map((a) => ({
      ...a,
      sessions: a.sessions.filter(
        (s) =>
          s.cancelledAt === null &&
          (filters.age === undefined || (filters.age >= s.minAge && filters.age <= s.maxAge)) &&
          (filters.from === undefined || s.firstDay >= filters.from) &&
          (filters.to === undefined || s.lastDay <= filters.to) &&
          (filters.placesLeft !== true || s.placesLeft > 0),
      ),
    }))
    .filter((a) => a.sessions.length > 0);
}

/** Every activity of the given sectors, published or not, for the staff's editor. */
export async function listForStaff(
  db: Queryable,
  sectors: readonly string[] | null,
): Promise<Activity[]> {
  const rows = await db.query<ActivityRow>(
    `SELECT ${ACTIVITY_COLUMNS} FROM activities WHERE $1::text[] IS NULL OR sector = ANY($1) ORDER BY created_at DESC`,
    [sectors],
  );
  return withSessions(db, rows.map(toFields));
}

/** Creates (id null) or updates an activity; audited. */
export async function saveActivity(
  db: Database,
  staff: CurrentUser,
  id: string | null,
  input: ActivityInput,
): Promise<Activity> {
  return db.transaction(async (tx) => {
    await keepPhotos(tx, input.pictures);
    const values = [
      input.title,
      input.sector,
      input.kind,
      input.capCategory,
      input.description,
      JSON.stringify(input.provider),
      input.ski,
      input.schoolTrip,
      JSON.stringify(input.pictures),
      input.published,
      input.abroad,
    ];
    const [row] =
      id === null
        ? await tx.query<{ id: string }>(
            `INSERT INTO activities (title, sector, kind, cap_category, description, provider, ski, school_trip, pictures, published, abroad)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
            values,
          )
        : await tx.query<{ id: string }>(
            `UPDATE activities SET revision = revision + 1, title = $2, sector = $3, kind = $4, cap_category = $5,
               description = $6, provider = $7, ski = $8, school_trip = $9, pictures = $10, published = $11, abroad = $12
             WHERE id = $1 AND revision = coalesce($13, revision) RETURNING id`,
            [requireUuid(id), ...values, input.basedOn ?? null],
          );
    if (
      !row &&
      id !== null &&
      (await tx.query('SELECT 1 FROM activities WHERE id = $1', [id])).length
    )
      throw new HttpError(
        409,
        'activity_changed',
        'Cette activité a été modifiée par quelqu’un d’autre depuis que vous avez ouvert cette page : rien n’a été enregistré, pour ne pas effacer ses changements. Rechargez la page pour la voir telle qu’elle est, puis refaites les vôtres.',
      );
    if (!row) throw notFound();
    await recordAudit(
      tx,
      staff.id,
      id === null ? 'activity.create' : 'activity.update',
      'activity',
      row.id,
      {
        title: input.title,
        published: input.published,
      },
    );
    return findActivity(tx, row.id, true);
  });
}

/** SPEC §6: the answer comes 15 days after closing, 3 weeks for a summer session. */
export function defaultAnswerBy(input: SessionInput): string {
  const summer = ['07', '08'].includes(input.firstDay.slice(5, 7));
  const day = new Date(`${input.closesOn}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + (summer ? 21 : 15));
  return day.toISOString().slice(0, 10);
}

/** Adds (id null) or changes a session of an activity; places cannot drop below those given. */
export async function saveSession(
  db: Database,
  staff: CurrentUser,
  activityId: string,
  id: string | null,
  input: SessionInput,
): Promise<Session> {
  return db.transaction(async (tx) => {
    requireUuid(activityId);
    // A village's places are its lodgings: one place per lodging, each for a group.
    const places =
      input.lodgings.length > 0
        ? input.lodgings.reduce((sum, l) => sum + l.count, 0)
        : input.places;
    const values = [
      input.label,
      input.firstDay,
      input.lastDay,
      input.minAge,
      input.maxAge,
      places,
      input.waitingPlaces,
      input.priceCents,
      JSON.stringify(input.transport),
      input.closesOn,
      input.answerBy ?? defaultAnswerBy(input),
      JSON.stringify(input.lodgings),
      input.externalPriceCents,
    ];
    if (id !== null) {
      const [current] = await sessionsById(tx, [requireUuid(id)], true);
      if (current?.activityId !== activityId) throw notFound();
      if (current.cancelledAt !== null)
        throw new HttpError(
          409,
          'session_cancelled',
          'Cette session est annulée : elle ne se modifie plus.',
        );
      refuseIfSavedSince(
        input.basedOn,
        current.revision,
        'session_changed',
        'Cette session a été modifiée par quelqu’un d’autre depuis que vous avez ouvert ce formulaire : rien n’a été enregistré, pour ne pas effacer ses changements. Rechargez la page pour voir ses valeurs actuelles, puis refaites les vôtres.',
      );
      const taken = current.places - current.placesLeft;
      if (places < taken) throw invalidField('places', `${taken} places sont déjà attribuées`);
      for (const [i, lodging] of input.lodgings.entries()) {
        const held = current.lodgings.find((l) => l.type === lodging.type);
        const given = held ? held.count - held.left : 0;
        if (lodging.count < given)
          throw invalidField(
            `lodgings.${i}.count`,
            `${given} hébergements de ce type sont déjà attribués`,
          );
      }
    }
    const [row] =
      id === null
        ? await tx.query<{ id: string }>(
            `INSERT INTO activity_sessions (activity_id, label, first_day, last_day, min_age, max_age, places, waiting_places, price_cents, transport, closes_on, answer_by,
               lodgings, external_price_cents)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
            [activityId, ...values],
          )
        : await tx.query<{ id: string }>(
            `UPDATE activity_sessions SET revision = revision + 1, label = $2, first_day = $3, last_day = $4, min_age = $5, max_age = $6, places = $7,
               waiting_places = $8, price_cents = $9, transport = $10, closes_on = $11, answer_by = $12, lodgings = $13,
               external_price_cents = $14 WHERE id = $1 RETURNING id`,
            [id, ...values],
          );
    if (!row) throw notFound();
    await recordAudit(
      tx,
      staff.id,
      id === null ? 'session.create' : 'session.update',
      'session',
      row.id,
      {
        activityId,
        places: input.places,
        priceCents: input.priceCents,
      },
    );
    const [session] = await sessionsById(tx, [row.id]);
    if (!session) throw notFound();
    return session;
  });
}
