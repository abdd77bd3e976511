// Everything a registration request is checked and quoted against, read in one statement: a
// request is a few round trips, not one per rule (issue 15, point 5).
import type { DependantInput, RegistrationStatus } from '@entraide/contract';
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
  /** The dependants of the Fiche the form listed (its `recordId`), if it said one of the member's. */
  readonly listed: readonly DependantInput[] | null;
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
 * SQL: the facts of one request — `member`, `sessions` (an array, the first choice first),
 * `except`, `listed` (the Fiche the form listed) (SQL expressions) and `$active`, the statuses of
 * requests under way — as one row.
 */
const factsRow = (
  member: string,
  sessions: string,
  except: string,
  listed: string,
  active: string,
) => `
  WITH chosen AS (SELECT ${SESSION_COLUMNS} FROM activity_sessions s WHERE s.id = ANY(${sessions})),
       first AS (SELECT extract(year FROM first_day)::int AS year FROM activity_sessions WHERE id = (${sessions})[1])
  SELECT
    (SELECT coalesce(json_agg(c), '[]') FROM chosen c) AS sessions,
    (SELECT coalesce(json_agg(a), '[]') FROM (
       SELECT ${ACTIVITY_COLUMNS} FROM activities WHERE published AND id IN (SELECT activity_id FROM chosen)) a) AS activities,
    ${validatedRecordJson(member, '(SELECT year FROM first)')} AS record,
    ${usageColumns(member, '(SELECT year FROM first)', except)},
    (SELECT coalesce(json_agg(q), '[]') FROM (
       SELECT r.number::text AS number, r.participant_key, r.participant_keys, r.session_ids, r.sector, r.year,
              (SELECT array_agg(s.first_day::text) FROM activity_sessions s JOIN activities a ON a.id = s.activity_id
                WHERE s.id = ANY(r.session_ids) AND a.school_trip) AS school_trip_days
         FROM registration_requests r
        WHERE r.member_id = ${member} AND r.status = ANY(${active}) AND r.id IS DISTINCT FROM ${except}::uuid) q) AS active,
    (SELECT birth_date::text FROM users WHERE id = ${member}) AS birth_date,
    (SELECT dependants FROM agent_records WHERE id = ${listed} AND member_id = ${member}) AS listed`;

/** SQL: the facts of a request (`requestFacts`). */
const REQUEST_FACTS = factsRow('$1', '$2::uuid[]', '$3', '$5::uuid', '$4');

/** SQL: the facts of several requests, given as a JSON array, in their order (`requestsFacts`). */
const REQUESTS_FACTS = `SELECT f.* FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY e(asked, i)
  CROSS JOIN LATERAL (
    SELECT (e.asked->>'member')::uuid AS member, (e.asked->>'except')::uuid AS except,
           ARRAY(SELECT jsonb_array_elements_text(e.asked->'sessions'))::uuid[] AS sessions,
           (e.asked->>'listed')::uuid AS listed) asked
  CROSS JOIN LATERAL (${factsRow('asked.member', 'asked.sessions', 'asked.except', 'asked.listed', '$2')}) f
  ORDER BY e.i`;

interface FactsRow {
  sessions: SessionRow[];
  activities: ActivityRow[];
  record: RecordRow | null;
  places: UsageRows['places'];
  claims: UsageRows['claims'];
  active: ActiveRequest[];
  birth_date: string;
  listed: DependantInput[] | null;
}

const toFacts = (row: FactsRow): RequestFacts => ({
  sessions: row.sessions.map(toSession),
  activities: row.activities.map(toFields),
  record: row.record && toRecord(row.record),
  usage: { places: row.places, claims: row.claims },
  active: row.active,
  birthDate: row.birth_date,
  listed: row.listed,
});

/**
 * The facts of a request, as of now: the sessions chosen and their activities, the household's
 * validated Fiche of the year of the first choice, its confirmed places (that year and the one
 * before) and paid claims, and its requests under way — `exceptId` (the request being changed)
 * left out of the last three — and the people of the Fiche `listedId`. The household's row is
 * locked before, by the caller.
 */
export async function requestFacts(
  db: Queryable,
  memberId: string,
  sessionIds: readonly string[],
  exceptId: string | null,
  listedId: string | null,
): Promise<RequestFacts> {
  const [row] = await db.query<FactsRow>(REQUEST_FACTS, [
    memberId,
    sessionIds,
    exceptId,
    ACTIVE,
    listedId,
  ]);
  if (!row) throw new Error('request facts: no row');
  return toFacts(row);
}

/**
 * Whose request, on which sessions, the request being changed (left out of its facts), and the
 * Fiche its form listed.
 */
export interface FactsAsked {
  readonly memberId: string;
  readonly sessionIds: readonly string[];
  readonly exceptId: string | null;
  readonly listedId: string | null;
}

/** The facts of several requests of different households (a batch), in one statement, in order. */
export async function requestsFacts(
  db: Queryable,
  asked: readonly FactsAsked[],
): Promise<RequestFacts[]> {
  const rows = await db.query<FactsRow>(REQUESTS_FACTS, [
    JSON.stringify(
      asked.map((a) => ({
        member: a.memberId,
        sessions: a.sessionIds,
        except: a.exceptId,
        listed: a.listedId,
      })),
    ),
    ACTIVE,
  ]);
  return rows.map(toFacts);
}
