import type { ActivitySector, RegistrationInput, RegistrationStatus } from '@entraide/contract';
import {
  ageOn,
  daysBetween,
  parseDay,
  quoteBooking,
  quoteStay,
  roundDiv,
  RulesError,
  type BookingQuote,
  type Pack,
  type ParticipantUsage,
  type QuoteReason,
  type Relation,
  type StayQuote,
  type YearUsage,
} from '@entraide/rules';
import type { Queryable } from '../../db/database.ts';
import { HttpError, invalidField, notFound, requireUuid } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import {
  sessionsById,
  type Activity,
  type ActivityFields,
  type Session,
} from '../activities/catalogue.ts';
import { indexesInForce } from '../household/listed-people.ts';
import { householdDay, householdOf, type AgentRecord } from '../household/agent-records.ts';
import {
  FIRST_COME_DECISION,
  firstComePriority,
  followUpDecision,
  LOCKED_SESSION_COLUMNS,
} from './places.ts';
import {
  ACTIVE,
  requestFacts,
  usageColumns,
  type ActiveRequest,
  type RequestFacts,
} from './request-facts.ts';
import { lockMember } from '../accounts/members.ts';

export interface Participant {
  readonly relation: Relation;
  readonly firstName: string;
  readonly lastName: string;
  readonly birthDate: string;
  readonly disabled: boolean;
}

/** The figures of a line, a person's or a whole quote's. */
interface LineFigures {
  readonly priceCents: number;
  readonly transportCents: number;
  readonly grid: string | null;
  readonly rateBp: number | null;
  readonly baseCents: number;
  readonly subsidyCents: number;
  readonly leftToPayCents: number;
  readonly usage: StayQuote['usage'];
  readonly reasons: StayQuote['reasons'];
}

/** What the family sees of a quote, and what is kept with the request (no explanation). */
export interface QuoteFigures extends LineFigures {
  readonly sessionId: string;
  readonly pack: string;
  readonly days: number;
  readonly depositCents: number;
  readonly feesCents: number;
  readonly totalToPayCents: number;
  readonly skiAidCents: number | null;
  /** A booking's own parts and quotient (parent isolé), its arrhes' name, its lodging. */
  readonly parts?: number | null;
  readonly quotientCents?: number;
  readonly depositLabel?: string;
  readonly lodgingType?: string | null;
  /** Each person's line of a booking. */
  readonly participants?: readonly ParticipantFigures[];
}

/** One person's line of a booking, as the request keeps it. */
export interface ParticipantFigures extends LineFigures {
  readonly key: string;
  readonly firstName: string;
  readonly relation: Relation;
  readonly age: number;
  /** Their own ski aid (the booking's is the sum). */
  readonly skiAidCents: number | null;
}

/** What a booking's quote keeps: the sums, the booking's parts, a line per person. */
export function bookingFigures(
  sessionId: string,
  q: BookingQuote,
  participants: readonly Participant[],
  lodgingType: string | null,
): QuoteFigures {
  const several = q.participants.length > 1;
  const lead = q.participants.find((p) => p.grid !== null) ?? q.participants[0];
  return {
    sessionId,
    pack: q.pack,
    days: q.days,
    priceCents: q.priceCents,
    transportCents: q.transportCents,
    grid: lead?.grid ?? null,
    rateBp: lead?.rateBp ?? null,
    baseCents: q.participants.reduce((sum, p) => sum + p.baseCents, 0),
    subsidyCents: q.subsidyCents,
    leftToPayCents: q.leftToPayCents,
    depositCents: q.depositCents,
    feesCents: q.feesCents,
    totalToPayCents: q.totalToPayCents,
    skiAidCents: q.skiAidCents,
    usage: q.usage,
    reasons: [
      ...q.participants.flatMap((p) =>
        p.reasons.map((r) => (several ? { ...r, text: `${p.name} : ${r.text}` } : r)),
      ),
      ...q.reasons,
    ],
    parts: q.parts,
    quotientCents: q.quotientCents,
    depositLabel: q.depositLabel,
    lodgingType,
    participants: q.participants.map((p, i) => ({
      key: participantKey(participants[i] as Participant),
      firstName: p.name,
      relation: p.relation,
      age: p.age,
      priceCents: p.priceCents,
      transportCents: p.transportCents,
      grid: p.grid,
      rateBp: p.rateBp,
      baseCents: p.baseCents,
      subsidyCents: p.subsidyCents,
      leftToPayCents: p.leftToPayCents,
      skiAidCents: p.skiAidCents,
      usage: p.usage,
      reasons: p.reasons,
    })),
  };
}

export const figures = (sessionId: string, q: StayQuote): QuoteFigures => ({
  sessionId,
  pack: q.pack,
  days: q.days,
  priceCents: q.priceCents,
  transportCents: q.transportCents,
  grid: q.grid,
  rateBp: q.rateBp,
  baseCents: q.baseCents,
  subsidyCents: q.subsidyCents,
  leftToPayCents: q.leftToPayCents,
  depositCents: q.depositCents,
  feesCents: q.feesCents,
  totalToPayCents: q.totalToPayCents,
  skiAidCents: q.skiAidCents,
  usage: q.usage,
  reasons: q.reasons,
});

/** The member or a dependant, as the validated Fiche Agent names them. */
export function participantOf(
  record: AgentRecord,
  member: { firstName: string; lastName: string; birthDate: string },
  index: number | null,
): Participant {
  if (index === null) return { relation: 'member', ...member, disabled: record.memberDisabled };
  const d = record.dependants[index];
  if (!d) throw invalidField('dependantIndex', 'ayant droit inconnu de votre Fiche Agent');
  return {
    relation: d.relation === 'disabledAdult' ? 'disabledAdultDependant' : d.relation,
    firstName: d.firstName,
    lastName: d.lastName,
    birthDate: d.birthDate,
    disabled: d.disabled,
  };
}

/** The member as a participant names them: names and birth date. */
export async function memberIdentity(
  db: Queryable,
  member: CurrentUser,
): Promise<{ firstName: string; lastName: string; birthDate: string }> {
  const [self] = await db.query<{ birth_date: string }>(
    'SELECT birth_date::text AS birth_date FROM users WHERE id = $1',
    [member.id],
  );
  return {
    firstName: member.firstName,
    lastName: member.lastName,
    birthDate: self?.birth_date ?? '',
  };
}

/** The member (index null) or a dependant of the validated Fiche Agent, with the member's birth date. */
export async function participantFor(
  db: Queryable,
  member: CurrentUser,
  record: AgentRecord,
  index: number | null,
): Promise<Participant> {
  return participantOf(record, await memberIdentity(db, member), index);
}

/** Who a participant is across years and versions of the Fiche Agent. */
export const participantKey = (p: Participant): string =>
  p.relation === 'member' ? 'member' : `${p.relation}:${p.firstName.toLowerCase()}:${p.birthDate}`;

/** A household's confirmed places (this year and last) and claims paid this year. */
export interface UsageRows {
  readonly places: readonly {
    participant_key: string;
    quotes: QuoteFigures[];
    placed_rank: number | null;
    year: number;
  }[];
  readonly claims: readonly {
    participant_key: string;
    quote: QuoteFigures;
    approved_cents: number;
  }[];
}

async function usageRows(
  db: Queryable,
  memberId: string,
  year: number,
  exceptId: string | null,
): Promise<UsageRows> {
  // One statement for both: a logged-in page that shows the ceiling used is one round trip less.
  const [row] = await db.query<{ places: UsageRows['places']; claims: UsageRows['claims'] }>(
    `SELECT ${usageColumns('$1', '$2', '$3')}`,
    [memberId, year, exceptId],
  );
  return { places: row?.places ?? [], claims: row?.claims ?? [] };
}

/**
 * What one participant (by key) and the household used in a year: the day allowances and the
 * ceiling of confirmed places (the quote of the choice each was placed on), the last ski aid.
 */
export function usageOf(rows: UsageRows, key: string, year: number): YearUsage {
  let youthDays = 0;
  let promoDays = 0;
  let vacationDays = 0;
  let ceilingCents = 0;
  let lastSkiAidYear: number | null = null;
  for (const row of rows.places) {
    const quote = row.quotes[(row.placed_rank ?? 1) - 1];
    if (!quote) continue;
    // A booking's lines per person; an older request: its one participant.
    const lines = quote.participants ?? [
      { key: row.participant_key, usage: quote.usage, skiAidCents: quote.skiAidCents },
    ];
    const own = lines.find((line) => line.key === key);
    // Only the person who got it: on a booking, the others may not have.
    if ((own?.skiAidCents ?? 0) > 0) lastSkiAidYear = Math.max(lastSkiAidYear ?? 0, row.year);
    if (row.year !== year) continue;
    ceilingCents += quote.usage.ceilingCents;
    if (!own) continue;
    youthDays += own.usage.youthDays;
    promoDays += own.usage.promoDays;
    vacationDays += own.usage.vacationDays;
  }
  // Subsidies paid after the fact use the ceiling and the days like any other.
  for (const claim of rows.claims) {
    ceilingCents += Math.min(claim.quote.usage.ceilingCents, claim.approved_cents);
    if (claim.participant_key !== key) continue;
    youthDays += claim.quote.usage.youthDays;
    promoDays += claim.quote.usage.promoDays;
    vacationDays += claim.quote.usage.vacationDays;
  }
  return { youthDays, promoDays, vacationDays, ceilingCents, lastSkiAidYear, yearlyFeesPaid: [] };
}

/** What a participant and the household already used in a year (see `usageOf`). */
export async function yearUsage(
  db: Queryable,
  memberId: string,
  key: string,
  year: number,
  exceptId: string | null = null,
): Promise<YearUsage> {
  return usageOf(await usageRows(db, memberId, year, exceptId), key, year);
}

/** The quote of one session for one participant of a household whose Fiche Agent is validated. */
export function quoteFor(
  pack: Pack,
  record: AgentRecord,
  participant: Participant,
  activity: Pick<Activity, 'sector' | 'kind' | 'capCategory' | 'ski'>,
  session: Pick<Session, 'firstDay' | 'lastDay' | 'priceCents'>,
  options: { transportCents: number; today: string; used: YearUsage; skiAid: boolean },
): StayQuote {
  return quoteStay(pack, {
    quotientCents: record.quotientCents ?? 0,
    annualCeilingCents: record.annualCeilingCents,
    participant: {
      relation: participant.relation,
      birthDate: participant.birthDate,
      disabled: participant.disabled,
    },
    activity: {
      sector: activity.sector,
      kind: activity.kind,
      capCategory: activity.capCategory,
      firstDay: session.firstDay,
      lastDay: session.lastDay,
      priceCents: session.priceCents,
      transportCents: options.transportCents,
      ski: activity.ski,
    },
    requestDate: options.today,
    used: options.used,
    skiAidRequested: options.skiAid && activity.ski,
  });
}

/** Ayants droit get a subsidy; a child grown out of it is refused, not priced as a guest. */
const isAyantDroit = (relation: Relation): boolean =>
  relation === 'member' ||
  relation === 'spouse' ||
  relation === 'child' ||
  relation === 'disabledAdultDependant';

/**
 * Whether a quote's reason keeps a person off a request: too old for the sector, or an ayant
 * droit no longer entitled (a direct relative or a guest is priced without subsidy instead).
 */
export const refuses = (reason: QuoteReason, relation: Relation): boolean =>
  reason.code === 'youth_age' || (reason.code === 'not_entitled' && isAyantDroit(relation));

/** Holiday stays take a whole booking (SPEC §6); a youth stay or an activity, one person. */
const takesSeveral = (activity: ActivityFields | undefined): boolean =>
  activity !== undefined &&
  (activity.sector === 'vacances' ||
    activity.sector === 'voyages' ||
    activity.kind === 'caesVillage' ||
    activity.kind === 'partnerVillage');

/**
 * Who a request names: the lead participant, the companions from the Fiche Agent (ayants droit
 * and direct relatives), then the non ayants droit guests — each once.
 */
function bookingParticipants(
  self: { firstName: string; lastName: string; birthDate: string },
  record: AgentRecord,
  input: RegistrationInput,
  activity: ActivityFields | undefined,
): Participant[] {
  if ((input.companions.length > 0 || input.guests.length > 0) && !takesSeveral(activity))
    throw invalidField(
      'companions',
      'seuls les séjours de vacances accueillent plusieurs personnes : faites une demande par enfant',
    );
  const indexes = [input.dependantIndex, ...input.companions];
  if (new Set(indexes).size !== indexes.length)
    throw invalidField(
      'companions',
      'une même personne est nommée deux fois : cochez chacun une seule fois',
    );
  const participants = indexes.map((index) => participantOf(record, self, index));
  for (const guest of input.guests)
    participants.push({
      relation: 'nonEntitled',
      firstName: guest.firstName,
      lastName: guest.lastName,
      birthDate: guest.birthDate,
      disabled: false,
    });
  return participants;
}

/** Equal shares of an amount in cents, the odd cents to the first shares. */
const shareOf = (cents: number, count: number, index: number): number =>
  Math.floor(cents / count) + (index < cents % count ? 1 : 0);

/**
 * Each participant's price for a session: the price per person (the tarif extérieur for a non
 * ayant droit) plus an equal share of the lodging asked for, priced per night or per week.
 */
export function participantPrices(
  session: Session,
  participants: readonly Participant[],
  lodgingType: string | null,
  choice: number,
): number[] {
  const person = participants.map((p) =>
    p.relation === 'nonEntitled'
      ? (session.externalPriceCents ?? session.priceCents)
      : session.priceCents,
  );
  const field = `choices.${choice}.lodgingType`;
  if (session.lodgings.length === 0) {
    if (lodgingType !== null)
      throw invalidField(field, 'cette session n’a pas d’hébergement à choisir');
    return person;
  }
  const lodging = session.lodgings.find((l) => l.type === lodgingType);
  if (!lodging)
    throw invalidField(
      field,
      `choisissez un hébergement de cette session (${session.lodgings.map((l) => `« ${l.type} »`).join(', ')})`,
    );
  if (lodging.capacity < participants.length)
    throw invalidField(
      field,
      `${lodging.type} : ${lodging.capacity} personnes au plus, votre réservation en compte ${participants.length} — choisissez un hébergement plus grand`,
    );
  const nights = daysBetween(parseDay(session.firstDay), parseDay(session.lastDay));
  const total = (cents: number) =>
    lodging.per === 'night' ? cents * nights : roundDiv(cents * nights, 7, 'half-up');
  const base = total(lodging.priceCents);
  const external = total(lodging.externalPriceCents ?? lodging.priceCents);
  return person.map(
    (cents, i) =>
      cents +
      shareOf(
        participants[i]?.relation === 'nonEntitled' ? external : base,
        participants.length,
        i,
      ),
  );
}

/** The household's usage of a year: its ceiling, and each participant's allowances. */
export interface HouseholdUsage {
  readonly ceilingCents: number;
  readonly of: (participant: Participant) => ParticipantUsage;
}

/** The household's usage from its rows, read once for everyone the booking names. */
export const householdUsageOf = (rows: UsageRows, year: number): HouseholdUsage => ({
  ceilingCents: usageOf(rows, 'member', year).ceilingCents,
  of: (p) => usageOf(rows, participantKey(p), year),
});

/** The quote of one session for everyone a booking names, with the booking's own parts. */
export function quoteBookingFor(
  pack: Pack,
  record: AgentRecord,
  participants: readonly Participant[],
  activity: Pick<Activity, 'sector' | 'kind' | 'capCategory' | 'ski' | 'abroad'>,
  session: Pick<Session, 'firstDay' | 'lastDay'>,
  options: {
    prices: readonly number[];
    transportCents: number;
    today: string;
    usage: HouseholdUsage;
    skiAid: boolean;
    choice: number;
  },
): BookingQuote {
  try {
    return quoteBooking(pack, {
      quotientCents: record.quotientCents ?? 0,
      household: { input: householdOf(record), on: householdDay(record) },
      annualCeilingCents: record.annualCeilingCents,
      ceilingUsedCents: options.usage.ceilingCents,
      activity: {
        sector: activity.sector,
        kind: activity.kind,
        capCategory: activity.capCategory,
        firstDay: session.firstDay,
        lastDay: session.lastDay,
        ski: activity.ski,
        abroad: activity.abroad,
      },
      participants: participants.map((p, i) => ({
        name: p.firstName,
        relation: p.relation,
        birthDate: p.birthDate,
        disabled: p.disabled,
        priceCents: options.prices[i] ?? 0,
        transportCents: options.transportCents,
        used: options.usage.of(p),
        skiAidRequested: options.skiAid && activity.ski && isAyantDroit(p.relation),
      })),
      requestDate: options.today,
    });
  } catch (error) {
    if (error instanceof RulesError && error.code === 'not_allowed')
      throw invalidField(
        'companions',
        'la filiation directe et les non ayants droit ne sont accueillis que dans les villages de vacances du CAES',
      );
    throw error;
  }
}

/** A request ready to be kept: its sessions, its participant and the quote of every choice. */
export interface PreparedRequest {
  readonly sessions: readonly Session[];
  readonly activities: readonly ActivityFields[];
  readonly record: AgentRecord;
  /** The input's indexes, counted in `record`'s dependants. */
  readonly dependantIndex: number | null;
  readonly companions: readonly (number | null)[];
  /** The lead participant (the booking's first). */
  readonly participant: Participant;
  readonly participants: readonly Participant[];
  readonly key: string;
  readonly year: number;
  readonly late: boolean;
  /** The household's other requests under way (duplicates, once-per-period rules). */
  readonly active: readonly ActiveRequest[];
  readonly quotes: readonly BookingQuote[];
  /** The stored figures of each choice's quote. */
  readonly figures: readonly QuoteFigures[];
  /** What a friend who is not an ayant droit costs the member: the full price of choice 1. */
  readonly friendCents: number;
}

/** A school year runs from 1 September to 31 August. */
const schoolYear = (day: string): number =>
  Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) < 9 ? 1 : 0);

function checkOncePerPeriod(
  prepared: Omit<PreparedRequest, 'quotes' | 'figures' | 'friendCents'>,
): void {
  const [first] = prepared.sessions;
  const [activity] = prepared.activities;
  if (!first || !activity) return;
  if (activity.schoolTrip) {
    const trips = prepared.active
      .filter((r) => r.participant_key === prepared.key)
      .flatMap((r) => r.school_trip_days ?? []);
    if (trips.some((day) => schoolYear(day) === schoolYear(first.firstDay)))
      throw invalidField(
        'choices.0.sessionId',
        `un seul voyage scolaire par enfant et par année scolaire : ${prepared.participant.firstName} en a déjà un en ${schoolYear(first.firstDay)}-${schoolYear(first.firstDay) + 1}`,
      );
  }
  if (activity.sector === 'voyages') {
    const last = Math.max(
      0,
      ...prepared.active
        .filter((r) => r.sector === 'voyages' && r.year > prepared.year - 3)
        .map((r) => r.year),
    );
    if (last > 0)
      throw invalidField(
        'choices.0.sessionId',
        `un voyage tous les 3 ans : le vôtre de ${last} ouvre droit au suivant en ${last + 3}`,
      );
  }
}

/**
 * Checks a request against the catalogue, the validated Fiche Agent of the year and the rules
 * (ages on the first day, ayant droit, one school trip per school year, one trip every 3 years,
 * the ski aid box) and quotes every choice with the allowances and ceiling already used.
 */
export async function prepareRequest(
  ctx: AppContext,
  db: Queryable,
  member: CurrentUser,
  input: RegistrationInput,
  exceptId: string | null = null,
): Promise<PreparedRequest> {
  const sessionIds = input.choices.map((c) => c.sessionId);
  const facts = await requestFacts(db, member.id, sessionIds, exceptId, input.recordId ?? null);
  return checkRequest(ctx, facts, member, input);
}

/** `prepareRequest` on facts already read (a batch reads several households' at once). */
export function checkRequest(
  ctx: AppContext,
  facts: RequestFacts,
  member: CurrentUser,
  input: RegistrationInput,
): PreparedRequest {
  const sessions = input.choices.map((choice, i) => {
    const session = facts.sessions.find((s) => s.id === choice.sessionId);
    if (!session) throw invalidField(`choices.${i}.sessionId`, 'session inconnue');
    return session;
  });
  const activities: ActivityFields[] = [];
  for (const [i, session] of sessions.entries()) {
    const activity = facts.activities.find((a) => a.id === session.activityId);
    if (!activity) throw invalidField(`choices.${i}.sessionId`, 'session inconnue');
    if (i > 0 && activity.sector !== activities[0]?.sector)
      throw invalidField(`choices.${i}.sessionId`, 'choisissez des sessions du même secteur');
    activities.push(activity);
  }
  const today = ctx.today();
  const late = (sessions[0]?.closesOn ?? today) < today;
  sessions.forEach((session, i) => {
    if (session.cancelledAt !== null)
      throw invalidField(
        `choices.${i}.sessionId`,
        'cette session est annulée : choisissez-en une autre',
      );
    if (session.firstDay <= today)
      throw invalidField(`choices.${i}.sessionId`, 'cette session a déjà commencé');
    if (session.closesOn < today !== late)
      throw invalidField(
        `choices.${i}.sessionId`,
        late
          ? 'le choix 1 est clôturé : choisissez d’autres sessions clôturées, ou une demande à part'
          : 'session clôturée : faites une demande à part pour les places restantes',
      );
  });
  const year = Number((sessions[0]?.firstDay ?? today).slice(0, 4));
  const { record } = facts;
  if (!record?.packId || record.quotientCents === null)
    throw new HttpError(
      422,
      'no_validated_record',
      `Votre Fiche Agent ${year} doit être validée avant toute demande.`,
    );
  const [dependantIndex = null, ...companions] = indexesInForce(
    record,
    input.recordId,
    facts.listed,
    [input.dependantIndex, ...input.companions],
    (position) => (position === 0 ? 'dependantIndex' : `companions.${position - 1}`),
  );
  const participants = bookingParticipants(
    { firstName: member.firstName, lastName: member.lastName, birthDate: facts.birthDate },
    record,
    { ...input, dependantIndex, companions },
    activities[0],
  );
  const participant = participants[0] as Participant;
  if (activities[0]?.sector === 'jeunesse' && participant.relation !== 'child')
    throw invalidField(
      'dependantIndex',
      'le secteur Jeunesse est réservé aux enfants ayants droit',
    );
  if (input.skiAid && !activities.some((a) => a.ski))
    throw invalidField('skiAid', 'aucun de vos choix n’est un séjour de ski');
  const key = participantKey(participant);
  const base = {
    sessions,
    activities,
    record,
    dependantIndex,
    companions,
    participant,
    participants,
    key,
    year,
    late,
    active: facts.active,
  };
  checkOncePerPeriod(base);
  const pack = ctx.packs.get(record.packId);
  const usage = householdUsageOf(facts.usage, year);
  const quotes = sessions.map((session, i) => {
    for (const p of participants) {
      const age = ageOn(parseDay(p.birthDate), parseDay(session.firstDay));
      if (age < session.minAge || age > session.maxAge)
        throw invalidField(
          `choices.${i}.sessionId`,
          `session réservée aux ${session.minAge}–${session.maxAge} ans : ${p.firstName} aura ${age} ans le premier jour`,
        );
    }
    const city = input.choices[i]?.transportCity ?? null;
    const transport = city === null ? null : session.transport.find((t) => t.city === city);
    if (city !== null && !transport)
      throw invalidField(
        `choices.${i}.transportCity`,
        'ville de départ inconnue pour cette session',
      );
    const prices = participantPrices(
      session,
      participants,
      input.choices[i]?.lodgingType ?? null,
      i,
    );
    const quote = quoteBookingFor(pack, record, participants, activities[i] as Activity, session, {
      prices,
      transportCents: transport?.priceCents ?? 0,
      today,
      usage,
      skiAid: input.skiAid,
      choice: i,
    });
    for (const [position, line] of quote.participants.entries()) {
      const refusal = line.reasons.find((r) => refuses(r, line.relation));
      if (refusal)
        throw invalidField(
          position === 0 ? 'dependantIndex' : 'companions',
          `${line.name} : ${refusal.text}`,
        );
    }
    return quote;
  });
  const figures = quotes.map((q, i) =>
    bookingFigures(sessions[i]?.id ?? '', q, participants, input.choices[i]?.lodgingType ?? null),
  );
  const [first] = sessions;
  const firstTransport = first?.transport.find((t) => t.city === input.choices[0]?.transportCity);
  const friendCents = input.friend
    ? (first?.priceCents ?? 0) + (firstTransport?.priceCents ?? 0)
    : 0;
  return { ...base, quotes, figures, friendCents };
}

/** The preview a family reads before sending: every choice's figures, choice 1 explained. */
export function previewOf(prepared: PreparedRequest) {
  return {
    participant: prepared.participant,
    participants: prepared.participants,
    late: prepared.late,
    friendCents: prepared.friendCents,
    choices: prepared.quotes.map((q, i) => ({
      ...prepared.figures[i],
      ...(i === 0 ? { explanation: q.explanation } : {}),
    })),
  };
}

export interface Registration {
  readonly id: string;
  readonly number: number;
  readonly status: RegistrationStatus;
  readonly late: boolean;
  readonly year: number;
  readonly sector: string;
  readonly participant: Participant;
  /** Everyone the booking names, the lead participant first. */
  readonly participants: readonly Participant[];
  readonly dependantIndex: number | null;
  readonly companions: RegistrationInput['companions'];
  readonly guests: RegistrationInput['guests'];
  readonly choices: readonly {
    sessionId: string;
    activityId: string;
    transportCity: string | null;
    lodgingType?: string | null;
    activityTitle: string;
    sessionLabel: string;
    firstDay: string;
    lastDay: string;
  }[];
  readonly quotes: readonly QuoteFigures[];
  readonly skiAid: boolean;
  readonly insurance: boolean;
  readonly friend: RegistrationInput['friend'];
  readonly depositMethod: RegistrationInput['depositMethod'];
  readonly placedSessionId: string | null;
  readonly placedRank: number | null;
  readonly decision: { reasons: string[] } | null;
  readonly createdAt: string;
}

export interface RegistrationRow {
  id: string;
  number: string;
  status: RegistrationStatus;
  late: boolean;
  year: number;
  sector: ActivitySector;
  participant: Participant;
  participants: Participant[];
  dependant_index: number | null;
  companions: RegistrationInput['companions'];
  guests: RegistrationInput['guests'];
  choices: Registration['choices'];
  quotes: QuoteFigures[];
  ski_aid: boolean;
  insurance: boolean;
  friend: RegistrationInput['friend'];
  deposit_method: RegistrationInput['depositMethod'];
  placed_session_id: string | null;
  placed_rank: number | null;
  decision: { reasons: string[] } | null;
  created_at: string;
}

const REGISTRATION_COLUMNS = `id, number::text AS number, status, late, year, sector, participant, participants, dependant_index, companions, guests, choices, quotes, ski_aid, insurance,
  friend, deposit_method, placed_session_id, placed_rank, decision, created_at::text AS created_at`;

const toRegistration = (r: RegistrationRow): Registration => ({
  id: r.id,
  number: Number(r.number),
  status: r.status,
  late: r.late,
  year: r.year,
  sector: r.sector,
  participant: r.participant,
  participants: r.participants,
  dependantIndex: r.dependant_index,
  companions: r.companions,
  guests: r.guests,
  choices: r.choices,
  quotes: r.quotes,
  skiAid: r.ski_aid,
  insurance: r.insurance,
  friend: r.friend,
  depositMethod: r.deposit_method,
  placedSessionId: r.placed_session_id,
  placedRank: r.placed_rank,
  decision: r.decision,
  createdAt: r.created_at,
});

export async function memberRegistrations(
  db: Queryable,
  memberId: string,
): Promise<Registration[]> {
  const rows = await db.query<RegistrationRow>(
    `SELECT ${REGISTRATION_COLUMNS} FROM registration_requests WHERE member_id = $1 ORDER BY number DESC`,
    [memberId],
  );
  return rows.map(toRegistration);
}

/** One of the member's requests (locked for a change); another member's is not found. */
export async function findRegistration(
  db: Queryable,
  member: CurrentUser,
  id: string,
  lock = false,
): Promise<Registration> {
  const [row] = await db.query<RegistrationRow>(
    `SELECT ${REGISTRATION_COLUMNS} FROM registration_requests WHERE id = $1 AND member_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [requireUuid(id), member.id],
  );
  if (!row) throw notFound();
  return toRegistration(row);
}

const storedChoices = (prepared: PreparedRequest, input: RegistrationInput) =>
  JSON.stringify(
    prepared.sessions.map((s, i) => ({
      sessionId: s.id,
      activityId: s.activityId,
      transportCity: input.choices[i]?.transportCity ?? null,
      lodgingType: input.choices[i]?.lodgingType ?? null,
      activityTitle: prepared.activities[i]?.title ?? '',
      sessionLabel: s.label,
      firstDay: s.firstDay,
      lastDay: s.lastDay,
    })),
  );

/** The columns a request keeps of what was sent and checked, in the order both writes use. */
export const requestValues = (prepared: PreparedRequest, input: RegistrationInput): unknown[] => [
  prepared.record.id,
  JSON.stringify(prepared.participant),
  prepared.key,
  storedChoices(prepared, input),
  prepared.sessions.map((s) => s.id),
  prepared.activities[0]?.sector,
  prepared.year,
  input.skiAid,
  input.insurance,
  input.friend ? JSON.stringify(input.friend) : null,
  input.depositMethod,
  JSON.stringify(prepared.figures),
  prepared.dependantIndex,
  JSON.stringify(prepared.participants),
  prepared.participants.map(participantKey),
  JSON.stringify(prepared.companions),
  JSON.stringify(input.guests),
];

/** A request of the same person on one of the same sessions, already under way, is refused. */
export function checkNoDuplicate(prepared: PreparedRequest): void {
  const keys = new Set(prepared.participants.map(participantKey));
  const ids = new Set(prepared.sessions.map((s) => s.id));
  const duplicate = prepared.active.find(
    (r) => r.participant_keys.some((k) => keys.has(k)) && r.session_ids.some((id) => ids.has(id)),
  );
  if (duplicate)
    throw new HttpError(
      409,
      'duplicate_request',
      `${prepared.participant.firstName} a déjà la demande n° ${duplicate.number} sur l’une de ces sessions.`,
    );
}

/**
 * Sends a registration request alone. Before closing it waits for the selection; after closing it
 * takes a place left at once, first come first served, or the waiting list.
 */
export async function createRegistration(
  ctx: AppContext,
  caller: Caller,
  input: RegistrationInput,
  followUpFailed: (error: unknown) => void,
): Promise<Registration> {
  const stored = await ctx.sessionTurns.take(input.choices[0]?.sessionId ?? '', () =>
    storeRequest(ctx, caller, input),
  );
  return answered(ctx, stored, followUpFailed);
}

/**
 * A request as its insert stored it; `followUpDue`: decided first come, first served, its
 * follow-up (the mail, a place's invoice) still to do.
 */
export interface StoredRequest {
  readonly row: RegistrationRow;
  readonly followUpDue: boolean;
  readonly member: CurrentUser;
}

/**
 * The answer to a stored request. A decision stands once committed: should its follow-up (mail,
 * invoice) fail, the family is still answered, the failure goes to `followUpFailed` (the logs)
 * and the selection job follows up a minute later.
 */
export async function answered(
  ctx: AppContext,
  { row, followUpDue, member }: StoredRequest,
  followUpFailed: (error: unknown) => void,
): Promise<Registration> {
  if (!followUpDue) return toRegistration(row);
  // The sessions' locks are released: the mail and the invoice follow.
  const quotes = await followUpDecision(ctx, member.id, row.id).catch((error: unknown) => {
    followUpFailed(error);
    return null;
  });
  // A place given is answered with its final quote, written by its invoice (read again if the
  // follow-up failed or was done meanwhile by the selection job); a waiting list or a refusal
  // with the row its insert returned, which its follow-up (the mail) leaves as it is.
  if (row.status !== 'confirmed') return toRegistration(row);
  return quotes ? toRegistration({ ...row, quotes }) : findRegistration(ctx.db, member, row.id);
}

/**
 * Who sends a request, found in its transaction with the household's row locked (step 1 of the
 * lock order): one request of a household at a time, so that its allowances and ceiling are
 * counted once. The route reads the session and takes the lock in one statement.
 */
export type Caller = (tx: Queryable) => Promise<CurrentUser>;

/** A member already known (the demo data, a use case's test): their household's row is locked. */
export const knownMember =
  (member: CurrentUser): Caller =>
  async (tx) => {
    await lockMember(tx, member.id);
    return member;
  };

/** The columns a request is stored with and their types, in the order of `requestValues`, then the member and `late`. */
const STORED: readonly (readonly [column: string, type: string])[] = [
  ['record_id', 'uuid'],
  ['participant', 'jsonb'],
  ['participant_key', 'text'],
  ['choices', 'jsonb'],
  ['session_ids', 'uuid[]'],
  ['sector', 'text'],
  ['year', 'int'],
  ['ski_aid', 'boolean'],
  ['insurance', 'boolean'],
  ['friend', 'jsonb'],
  ['deposit_method', 'text'],
  ['quotes', 'jsonb'],
  ['dependant_index', 'int'],
  ['participants', 'jsonb'],
  ['participant_keys', 'text[]'],
  ['companions', 'jsonb'],
  ['guests', 'jsonb'],
  ['member_id', 'uuid'],
  ['late', 'boolean'],
];

const STORED_COLUMNS = STORED.map(([column]) => column).join(', ');

const STORED_VALUES = STORED.map(([, type], i) => `$${i + 1}::${type}`).join(', ');

const NONE_CANCELLED = `NOT EXISTS (SELECT FROM locked WHERE cancelled_at IS NOT NULL)`;

/**
 * SQL: requests before closing, given as a JSON array of `storedRecord`s, stored with their
 * sessions share-locked — requests sent at once go together, a cancellation is waited for — and
 * none whose session was cancelled.
 */
export const STORE_REQUESTS = `WITH asked AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${STORED.map(([column, type]) => `${column} ${type}`).join(', ')})),
  locked AS (
    SELECT id, cancelled_at FROM activity_sessions WHERE id IN (SELECT unnest(session_ids) FROM asked) ORDER BY id FOR SHARE),
  cancelled AS (SELECT coalesce(array_agg(id) FILTER (WHERE cancelled_at IS NOT NULL), '{}') AS ids FROM locked)
  INSERT INTO registration_requests (${STORED_COLUMNS})
  SELECT ${STORED_COLUMNS} FROM asked WHERE NOT session_ids && (SELECT ids FROM cancelled)
  RETURNING member_id, ${REGISTRATION_COLUMNS}`;

/** A request's stored values as one JSON object (its JSON columns are JSON text already). */
export const storedRecord = (values: readonly unknown[]): string =>
  `{${STORED.map(
    ([column, type], i) =>
      `"${column}":${type === 'jsonb' ? ((values[i] as string | null) ?? 'null') : JSON.stringify(values[i] ?? null)}`,
  ).join(',')}}`;

/**
 * SQL: a request after closing. Once the selection ran on every one of its sessions it is stored
 * decided, first come first served, by the statement that locks them (exclusive among requests,
 * yet NO KEY UPDATE: the key-share lock of a row written meanwhile that refers to the session, a
 * follow-up's, does not stop it); its follow-up is due — a place's only when `mailed`, the
 * caller then writing the mail of a waiting list or a refusal in the same transaction. Until then
 * it waits for the selection.
 */
const storeLateRequest = (mailed: boolean) => `WITH locked AS (
    SELECT ${LOCKED_SESSION_COLUMNS} FROM activity_sessions s WHERE s.id = ANY($5::uuid[]) ORDER BY s.id FOR NO KEY UPDATE),
  ${FIRST_COME_DECISION},
  numbered AS (SELECT nextval('registration_number_seq') AS number)
  INSERT INTO registration_requests (${STORED_COLUMNS}, number, status, placed_session_id, placed_rank,
    placed_lodging, priority, decision, decided_at, follow_up_due)
  SELECT ${STORED_VALUES}, n.number, coalesce(d.status, 'requested'), d.session_id, d.rank, d.lodging,
         CASE WHEN d.status IS NOT NULL THEN ${firstComePriority('n.number')} END, d.decision,
         CASE WHEN d.status IS NOT NULL THEN now() END,
         ${mailed ? `coalesce(d.status = 'confirmed', false)` : 'd.status IS NOT NULL'}
    FROM numbered n LEFT JOIN decided d ON (SELECT bool_and(allocated_at IS NOT NULL) FROM locked)
   WHERE ${NONE_CANCELLED}
  RETURNING ${REGISTRATION_COLUMNS}`;

const STORE_LATE_REQUEST = storeLateRequest(false);

export const STORE_LATE_REQUEST_MAILED = storeLateRequest(true);

/**
 * Stores a request in one transaction; after closing, decides it first come, first served. Says
 * whether it was decided (its follow-up then due).
 */
async function storeRequest(
  ctx: AppContext,
  caller: Caller,
  input: RegistrationInput,
): Promise<StoredRequest> {
  const { row, member, chosen } = await ctx.db.transaction(async (tx) => {
    const member = await caller(tx);
    const prepared = await prepareRequest(ctx, tx, member, input);
    checkNoDuplicate(prepared);
    // Stored in one statement with the sessions locked and read again: a cancellation under way
    // is waited for, then seen (the locked rows are their newest versions), and nothing is kept.
    // Committed with it: the sessions' locks are held for the statement and the commit only.
    const values = [...requestValues(prepared, input), member.id, prepared.late];
    const [row] = prepared.late
      ? await tx.commitWith<RegistrationRow>(STORE_LATE_REQUEST, values)
      : await tx.commitWith<RegistrationRow>(STORE_REQUESTS, [`[${storedRecord(values)}]`]);
    return { row, member, chosen: prepared.sessions.map((s) => s.id) };
  });
  if (!row) {
    const sessions = await sessionsById(ctx.db, chosen);
    const cancelled = chosen.findIndex((id) => sessions.find((s) => s.id === id)?.cancelledAt);
    throw invalidField(
      `choices.${Math.max(0, cancelled)}.sessionId`,
      'cette session vient d’être annulée : choisissez-en une autre',
    );
  }
  // Once the selection ran, decided by the insert: its follow-up is due.
  return { row, followUpDue: row.status !== 'requested', member };
}

/** Changes a request until its sessions close (the selection has not looked at it yet). */
export async function changeRegistration(
  ctx: AppContext,
  member: CurrentUser,
  id: string,
  input: RegistrationInput,
): Promise<Registration> {
  return ctx.db.transaction(async (tx) => {
    await lockMember(tx, member.id);
    const current = await findRegistration(tx, member, id, true);
    const sessions = await sessionsById(
      tx,
      current.choices.map((c) => c.sessionId),
    );
    if (
      current.status !== 'requested' ||
      current.late ||
      sessions.some((s) => s.closesOn < ctx.today() || s.allocatedAt !== null)
    )
      throw new HttpError(
        409,
        'request_closed',
        'Cette demande ne peut plus être modifiée : les inscriptions sont closes.',
      );
    const prepared = await prepareRequest(ctx, tx, member, input, id);
    if (prepared.late)
      throw invalidField('choices.0.sessionId', 'session clôturée : faites une nouvelle demande');
    checkNoDuplicate(prepared);
    await tx.query(
      `UPDATE registration_requests SET record_id = $1, participant = $2, participant_key = $3, choices = $4, session_ids = $5,
         sector = $6, year = $7, ski_aid = $8, insurance = $9, friend = $10, deposit_method = $11, quotes = $12,
         dependant_index = $13, participants = $14, participant_keys = $15, companions = $16, guests = $17, complete_at = now()
       WHERE id = $18`,
      [...requestValues(prepared, input), id],
    );
    return findRegistration(tx, member, id);
  });
}

/** The family withdraws a request not yet confirmed (a confirmed place is cancelled by staff). */
export async function cancelRegistration(
  ctx: AppContext,
  member: CurrentUser,
  id: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const current = await findRegistration(tx, member, id, true);
    if (current.status === 'confirmed')
      throw new HttpError(
        409,
        'place_confirmed',
        'Cette place est confirmée : pour l’annuler, écrivez au secteur, qui applique les frais d’annulation du prestataire.',
      );
    if (!ACTIVE.includes(current.status))
      throw new HttpError(409, 'request_closed', 'Cette demande est déjà close.');
    await tx.query(`UPDATE registration_requests SET status = 'cancelled' WHERE id = $1`, [id]);
  });
}
