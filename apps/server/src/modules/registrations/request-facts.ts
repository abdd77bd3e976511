// Everything a registration request is checked and quoted against, read in one statement: a
// request is a few round trips, not one per rule (issue 15, point 5).
import type { RegistrationStatus } from '@entraide/contract';
import type { Queryable } from '../../db/database.ts';
import {
  ACTIVITY_COLUMNS,
  SESSION_COLUMNS,
  toFields,
  toSession,
  type ActivityFields,
  type ActivityRow,
  type Session,
  type SessionRow,
} from '../activities/catalogue.ts';
import {
  toRecord,
  validatedRecordJson,
  type AgentRecord,
  type RecordRow,
} from '../household/agent-records.ts';
import type { UsageRows } from './registration-requests.ts';

/** A request of the household still under way (asked, confirmed or waiting). */
export interface ActiveRequest {
  readonly number: string;
  readonly participant_key: string;
  readonly participant_keys: string[];
  readonly session_ids: string[];
  readonly sector: string;
  readonly year: number;
  /** The first days of its sessions that are school trips. */
  readonly school_trip_days: string[] | null;
}

export interface RequestFacts {
  /** The sessions chosen that exist, in any order. */
  readonly sessions: Session[];
  /** Their activities, published ones only. */
  readonly activities: ActivityFields[];
  /** The household's validated Fiche Agent of the first choice's year, if any. */
  readonly record: AgentRecord | null;
  readonly usage: UsageRows;
  readonly active: readonly ActiveRequest[];
  /** The member's own birth date (the member may be a participant). */
  readonly birthDate: string;
}

export const ACTIVE: readonly RegistrationStatus[] = ['requested', 'confirmed', 'waiting'];

/**
 * SQL: the usage rows of the member `member` as two JSON columns, `places` and `claims` — its
 * confirmed places of the year `year` and the one before, its claims approved or paid that year —
 * leaving out the request or claim `except` (SQL expressions).
 */
export const usageColumns = (member: string, year: string, except: string) => `
  (SELECT coalesce(json_agg(p), '[]') FROM (
     SELECT participant_key, quotes, placed_rank, year FROM registration_requests
      WHERE member_id = ${member} AND status = 'confirmed' AND year BETWEEN ${year} - 1 AND ${year}
        AND id IS DISTINCT FROM ${except}::uuid) p) AS places,
  (SELECT coalesce(json_agg(c), '[]') FROM (
     SELECT participant_key, quote, approved_cents::int AS approved_cents FROM claims
      WHERE member_id = ${member} AND year = ${year} AND status IN ('approved', 'paid')
        AND id IS DISTINCT FROM ${except}::uuid) c) AS claims`;

/**
 * The facts of a request, as of now: the sessions chosen and their activities, the household's
 * validated Fiche of the year of the first choice, its confirmed places (that year and the one
 * before) and paid claims, and its requests under way — `exceptId` (the request being changed)
 * left out of the last three. The household's row is locked before, by the caller.
 */
export async function requestFacts(
  db: Queryable,
  memberId: string,
  sessionIds: readonly string[],
  exceptId: string | null,
): Promise<RequestFacts> {
  const [row] = await db.query<{
    sessions: SessionRow[];
    activities: ActivityRow[];
    record: RecordRow | null;
    places: UsageRows['places'];
    claims: UsageRows['claims'];
    active: ActiveRequest[];
    birth_date: string;
  }>(
    `WITH chosen AS (SELECT ${SESSION_COLUMNS} FROM activity_sessions s WHERE s.id = ANY($2::uuid[])),
          first AS (SELECT extract(year FROM first_day)::int AS year FROM activity_sessions WHERE id = $3::uuid)
     SELECT
       (SELECT coalesce(json_agg(c), '[]') FROM chosen c) AS sessions,
       (SELECT coalesce(json_agg(a), '[]') FROM (
          SELECT ${ACTIVITY_COLUMNS} FROM activities WHERE published AND id IN (SELECT activity_id FROM chosen)) a) AS activities,
       ${validatedRecordJson('$1', '(SELECT year FROM first)')} AS record,
       ${usageColumns('$1', '(SELECT year FROM first)', '$4')},
       (SELECT coalesce(json_agg(q), '[]') FROM (
          SELECT r.number::text AS number, r.participant_key, r.participant_keys, r.session_ids, r.sector, r.year,
                 (SELECT array_agg(s.first_day::text) FROM activity_sessions s JOIN activities a ON a.id = s.activity_id
                   WHERE s.id = ANY(r.session_ids) AND a.school_trip) AS school_trip_days
            FROM registration_requests r
           WHERE r.member_id = $1 AND r.status = ANY($5) AND r.id IS DISTINCT FROM $4::uuid) q) AS active,
       (SELECT birth_date::text FROM users WHERE id = $1) AS birth_date`,
    [memberId, sessionIds, sessionIds[0] ?? null, exceptId, ACTIVE],
  );
  if (!row) throw new Error('request facts: no row');
  return {
    sessions: row.sessions.map(toSession),
    activities: row.activities.map(toFields),
    record: row.record && toRecord(row.record),
    usage: { places: row.places, claims: row.claims },
    active: row.active,
    birthDate: row.birth_date,
  };
}
