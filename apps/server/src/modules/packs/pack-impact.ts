// What a draft would cost (issue 17, point 3): the households validated under the pack it started
// from and their stays and claims of that year, read in four statements run together, priced by
// the engine's packImpact.
import {
  packImpact,
  type ImpactHousehold,
  type ImpactBooking,
  type ImpactRequest,
  type ImpactStay,
  type Pack,
  type PackImpact,
  type StayActivity,
  type StayParticipant,
} from '@entraide/rules';
import type { Queryable } from '../../db/database.ts';
import { xlsx } from '../billing/xlsx.ts';
import { CLAIM_TYPES } from '../claims/claims.ts';
import { householdOf, type AgentRecord } from '../household/agent-records.ts';

/** The participant's figures as columns: parsing 100 000 JSON objects costs more than the query. */
interface ParticipantColumns {
  relation: StayParticipant['relation'];
  birth_date: string;
  disabled: boolean;
}

/** A place: its session's figures come from the sessions' own rows, read once. */
interface PlaceRow extends ParticipantColumns {
  member_id: string;
  participant_key: string;
  request_date: string;
  session_id: string;
  transport_cents: number;
  /** A booking for several people: each of them, their key, and their line of the quote kept. */
  participants: StayParticipant[] | null;
  participant_keys: string[] | null;
  lines: { priceCents: number; transportCents: number }[] | null;
}

interface SessionRow {
  id: string;
  sector: ImpactStay['activity']['sector'];
  kind: ImpactStay['activity']['kind'];
  cap_category: string | null;
  ski: boolean;
  abroad: boolean;
  first_day: string;
  last_day: string;
  price_cents: number;
}

interface ClaimRow extends ParticipantColumns {
  member_id: string;
  participant_key: string;
  request_date: string;
  type: keyof typeof CLAIM_TYPES;
  details: {
    firstDay: string;
    lastDay: string;
    paidCents: number;
    capCategory: string | null;
    travelCents: number | null;
    km: number | null;
    roundTrips: number | null;
  };
}

const PARTICIPANT_COLUMNS = (table: string) =>
  `${table}.participant ->> 'relation' AS relation, ${table}.participant ->> 'birthDate' AS birth_date,
   COALESCE((${table}.participant ->> 'disabled')::boolean, false) AS disabled`;

interface RecordRow {
  member_id: string;
  identifier: string;
  couple: boolean;
  member_disabled: boolean;
  tax_income_euros: number | null;
  spouse_tax_income_euros: number | null;
  dependants: AgentRecord['dependants'];
}

/** A family's booking: each person at their price (their share of the lodging) and transport. */
function bookingOf(
  row: PlaceRow,
  participants: readonly StayParticipant[],
  keys: readonly string[],
  activity: StayActivity,
): ImpactBooking {
  return {
    householdId: row.member_id,
    requestDate: row.request_date,
    activity,
    participants: participants.map((p, index) => ({
      key: keys[index] ?? `${row.participant_key}:${index}`,
      relation: p.relation,
      birthDate: p.birthDate,
      disabled: p.disabled,
      priceCents: row.lines?.[index]?.priceCents ?? activity.priceCents,
      transportCents: row.lines?.[index]?.transportCents ?? activity.transportCents,
    })),
  };
}

export interface ImpactPopulation {
  readonly households: readonly ImpactHousehold[];
  readonly requests: readonly ImpactRequest[];
  /** Each household's member number, for the spreadsheet. */
  readonly identifiers: ReadonlyMap<string, string>;
}

/**
 * The latest validated Fiche Agent of each member under the pack in force, the places confirmed
 * on its Fiches (at the session's price and the transport quoted; a family's booking with each
 * person's line) and its claims approved or paid (like a stay, or by their own flat rule).
 */
export async function impactPopulation(db: Queryable, base: Pack): Promise<ImpactPopulation> {
  // Only what the household's figures need: no explanation, no documents.
  const [records, places, sessions, claims] = await Promise.all([
    db.query<RecordRow>(
      `SELECT DISTINCT ON (member_id) member_id, couple, member_disabled, tax_income_euros, spouse_tax_income_euros, dependants,
              (SELECT identifier FROM users u WHERE u.id = member_id) AS identifier
         FROM agent_records WHERE status = 'validated' AND pack_id = $1
        ORDER BY member_id, version DESC`,
      [base.id],
    ),
    db.query<PlaceRow>(
      `SELECT r.member_id, ${PARTICIPANT_COLUMNS('r')}, r.participant_key, r.created_at::date::text AS request_date,
              r.placed_session_id AS session_id, COALESCE((placed.quote ->> 'transportCents')::int, 0) AS transport_cents,
              booking.participants, booking.participant_keys, booking.lines
         FROM registration_requests r JOIN agent_records f ON f.id = r.record_id AND f.pack_id = $1
         LEFT JOIN LATERAL (SELECT q AS quote FROM jsonb_array_elements(r.quotes) q
                             WHERE q ->> 'sessionId' = r.placed_session_id::text LIMIT 1) placed ON true
         -- A booking for several people: each of them, their keys, their lines of the quote.
         LEFT JOIN LATERAL (SELECT r.participants, r.participant_keys, placed.quote -> 'participants' AS lines
                             WHERE jsonb_array_length(r.participants) > 1) booking ON true
        WHERE r.status = 'confirmed'`,
      [base.id],
    ),
    db.query<SessionRow>(
      `SELECT s.id, a.sector, a.kind, a.cap_category, a.ski, a.abroad, s.first_day::text AS first_day,
              s.last_day::text AS last_day, s.price_cents::int AS price_cents
         FROM activity_sessions s JOIN activities a ON a.id = s.activity_id
        WHERE s.id IN (SELECT placed_session_id FROM registration_requests WHERE status = 'confirmed')`,
    ),
    db.query<ClaimRow>(
      `SELECT c.member_id, ${PARTICIPANT_COLUMNS('c')}, c.participant_key, c.created_at::date::text AS request_date, c.type, c.details
         FROM claims c JOIN agent_records f ON f.id = c.record_id AND f.pack_id = $1
        WHERE c.status IN ('approved', 'paid')`,
      [base.id],
    ),
  ]);
  const sessionById = new Map(sessions.map((row) => [row.id, row]));
  // One activity per session and transport, shared by its places (fewer objects, faster pricing).
  const activities = new Map<string, StayActivity>();
  const activityOf = (row: PlaceRow): StayActivity | undefined => {
    const key = `${row.session_id} ${row.transport_cents}`;
    const session = sessionById.get(row.session_id);
    if (!activities.has(key) && session)
      activities.set(key, {
        sector: session.sector,
        kind: session.kind,
        capCategory: session.cap_category,
        firstDay: session.first_day,
        lastDay: session.last_day,
        priceCents: session.price_cents,
        transportCents: row.transport_cents,
        ski: session.ski,
        abroad: session.abroad,
      });
    return activities.get(key);
  };
  const participant = (row: ParticipantColumns): StayParticipant => ({
    relation: row.relation,
    birthDate: row.birth_date,
    disabled: row.disabled,
  });
  const requests: ImpactRequest[] = [];
  for (const row of places) {
    const activity = activityOf(row);
    if (!activity) continue;
    if (row.participants && row.participant_keys) {
      requests.push(bookingOf(row, row.participants, row.participant_keys, activity));
      continue;
    }
    requests.push({
      householdId: row.member_id,
      participantKey: row.participant_key,
      participant: participant(row),
      requestDate: row.request_date,
      activity,
    });
  }
  for (const row of claims) {
    const type = CLAIM_TYPES[row.type];
    if (type.flat) {
      requests.push({
        householdId: row.member_id,
        requestDate: row.request_date,
        claim: {
          kind: type.flat,
          paidCents: row.details.paidCents,
          km: row.details.km ?? 0,
          roundTrips: row.details.roundTrips ?? 0,
        },
      });
      continue;
    }
    const cap = row.details.capCategory ?? type.caps[0] ?? null;
    requests.push({
      householdId: row.member_id,
      participantKey: row.participant_key,
      participant: participant(row),
      requestDate: row.request_date,
      activity: {
        sector: type.sector,
        kind: 'approved',
        capCategory: cap !== null && base.capCategories?.has(cap) ? cap : null,
        firstDay: row.details.firstDay,
        lastDay: row.details.lastDay,
        priceCents: row.details.paidCents,
        transportCents: row.details.travelCents ?? 0,
        ski: false,
      },
    });
  }
  return {
    households: records.map((row) => ({
      id: row.member_id,
      household: householdOf({
        taxIncomeEuros: row.tax_income_euros,
        spouseTaxIncomeEuros: row.spouse_tax_income_euros,
        couple: row.couple,
        memberDisabled: row.member_disabled,
        dependants: row.dependants,
      }),
    })),
    requests,
    identifiers: new Map(records.map((row) => [row.member_id, row.identifier])),
  };
}

/** The draft against the pack in force, on the committee's own households. */
export async function draftImpact(
  db: Queryable,
  base: Pack,
  draft: Pack,
): Promise<{ impact: PackImpact; identifiers: ReadonlyMap<string, string> }> {
  const population = await impactPopulation(db, base);
  return {
    impact: packImpact(
      base,
      draft,
      population.households,
      population.requests,
      draft.data.validity.from,
    ),
    identifiers: population.identifiers,
  };
}

const OUTCOMES = { better: 'mieux', worse: 'moins bien', unchanged: 'pareil' } as const;
const euros = (cents: number | null): number | string => (cents === null ? 'aucun' : cents / 100);
const percent = (bp: number | undefined): number | string => (bp === undefined ? '' : bp / 100);

/** One row per household, the treasurer's spreadsheet: each figure in force and in the draft. */
export function impactSpreadsheet(
  impact: PackImpact,
  identifiers: ReadonlyMap<string, string>,
): Buffer {
  const grid = impact.grid ?? '';
  return xlsx('Impact', [
    [
      'Agent',
      'QF en vigueur (€)',
      'QF du brouillon (€)',
      `Taux ${grid} en vigueur (%)`,
      `Taux ${grid} du brouillon (%)`,
      'Plafond en vigueur (€)',
      'Plafond du brouillon (€)',
      'Subventions en vigueur (€)',
      'Subventions du brouillon (€)',
      'Écart (€)',
      'Le foyer s’en sort',
    ],
    ...impact.lines.map((line) => [
      identifiers.get(line.id) ?? line.id,
      euros(line.current.quotientCents),
      euros(line.draft.quotientCents),
      percent(line.current.ratesBp[grid]),
      percent(line.draft.ratesBp[grid]),
      euros(line.current.annualCeilingCents),
      euros(line.draft.annualCeilingCents),
      euros(line.current.subsidyCents),
      euros(line.draft.subsidyCents),
      euros(line.draft.subsidyCents - line.current.subsidyCents),
      OUTCOMES[line.outcome],
    ]),
  ]);
}
