import { z } from 'zod';
import { euroCents, shownCents } from './money.ts';
import { explanationStep } from './simulation.ts';
import {
  calendarDay,
  calendarYear,
  EMAIL_MESSAGE,
  everyError,
  isDay,
  reasonText,
  text,
} from './text.ts';

const isoDate = calendarDay;
const cents = euroCents();

export const activitySectors = [
  'jeunesse',
  'vacances',
  'voyages',
  'sports',
  'loisirs-culture',
] as const;
export type ActivitySector = (typeof activitySectors)[number];

/** CAES, PROMO, approved organism; CAES village or partner village for the CNRS. */
export const catalogueKinds = [
  'caes',
  'promo',
  'approved',
  'caesVillage',
  'partnerVillage',
] as const;

/** An activity of the catalogue, as staff write it (its sessions are written one by one). */
export const activityInput = z.object({
  title: text(150),
  sector: z.enum(activitySectors),
  kind: z.enum(catalogueKinds),
  capCategory: z.string().trim().min(1).max(50).nullable().default(null),
  description: text(5000),
  provider: z.object({
    name: text(150),
    email: z.email(EMAIL_MESSAGE).max(200, '200 caractères au plus').optional(),
    phone: z.string().trim().max(30).optional(),
  }),
  /** A winter stay in the mountains (the ski aid box is offered). */
  ski: z.boolean().default(false),
  /** A school trip (one per child and school year). */
  schoolTrip: z.boolean().default(false),
  /** A trip abroad (the CNRS's dossier fee concerns national trips only). */
  abroad: z.boolean().default(false),
  /** Photos uploaded by staff (`/api/activity-photos/…`) or https addresses, each described. */
  pictures: z
    .array(
      z.object({
        url: z
          .string()
          .max(500)
          .refine(
            (url) =>
              /^\/api\/activity-photos\/[0-9a-f-]{36}$/.test(url) || /^https:\/\/\S+$/.test(url),
            'photo déposée ou adresse web en https://… attendue',
          ),
        alt: text(200),
      }),
    )
    .max(6, '6 images au plus')
    .default([]),
  published: z.boolean().default(false),
  /**
   * A change: the revision of the activity its page read. When given, a change over an activity
   * saved since by someone else is refused, 409 `activity_changed`.
   */
  basedOn: z.number().int().min(1).optional(),
});
export type ActivityInput = z.infer<typeof activityInput>;

/** A lodging type of a village session: how many people it sleeps, its price, how many there are. */
export const lodgingInput = z.object({
  type: text(80),
  capacity: z.number().int().min(1, 'au moins 1 personne').max(30),
  /** Prix base TD of the lodging, per week or per night. */
  priceCents: cents,
  per: z.enum(['week', 'night']),
  count: z.number().int().min(0).max(1000),
  /** The tarif extérieur of the lodging, when it differs. */
  externalPriceCents: cents.nullable().default(null),
});
export type LodgingInput = z.infer<typeof lodgingInput>;

/** A session of an activity: dates, ages, places, price before subsidy, transport, closing. */
export const sessionInput = z
  .object({
    label: text(150),
    firstDay: isoDate,
    lastDay: isoDate,
    minAge: z.number().int().min(0).max(120),
    maxAge: z.number().int().min(0).max(120),
    places: z.number().int().min(0, 'nombre de places positif').max(10_000),
    waitingPlaces: z.number().int().min(0).max(10_000).default(10),
    priceCents: cents,
    transport: z
      .array(z.object({ city: text(100), priceCents: cents }))
      .max(30)
      .default([]),
    /** A village's lodgings: places are counted in lodgings, each for a group within its capacity. */
    lodgings: z.array(lodgingInput).max(20).default([]),
    /** The tarif extérieur per person (non ayants droit), when it differs from the price. */
    externalPriceCents: cents.nullable().default(null),
    closesOn: isoDate,
    /** When families get the answer; by default 15 days after closing, 3 weeks for summer. */
    answerBy: isoDate.nullable().default(null),
    /**
     * A change: the revision of the session its form opened. When given, a change over a session
     * saved since by someone else is refused, 409 `session_changed`.
     */
    basedOn: z.number().int().min(1).optional(),
  })
  .superRefine((s, context) => {
    if (isDay(s.lastDay) && isDay(s.firstDay) && s.lastDay < s.firstDay)
      context.addIssue({
        code: 'custom',
        path: ['lastDay'],
        message: 'le dernier jour est avant le premier : vérifiez les deux dates',
      });
    if (typeof s.maxAge === 'number' && typeof s.minAge === 'number' && s.maxAge < s.minAge)
      context.addIssue({
        code: 'custom',
        path: ['maxAge'],
        message: `l’âge maximum est inférieur à l’âge minimum (${String(s.minAge)} ans) : vérifiez les deux âges`,
      });
    if (
      Array.isArray(s.lodgings) &&
      new Set(s.lodgings.map((l) => l.type)).size !== s.lodgings.length
    )
      context.addIssue({
        code: 'custom',
        path: ['lodgings'],
        message:
          'deux hébergements portent le même nom : nommez-les autrement (ex. « Studio 4 personnes »)',
      });
    if (isDay(s.closesOn) && isDay(s.firstDay) && s.closesOn >= s.firstDay)
      context.addIssue({
        code: 'custom',
        path: ['closesOn'],
        message: 'la clôture doit précéder le premier jour',
      });
  }, everyError);
export type SessionInput = z.infer<typeof sessionInput>;

export const catalogueQuery = z.object({
  /** Words each found in the activity (title, description, provider, session names), any case or accent. */
  q: z
    .string()
    .trim()
    .max(100, '100 caractères au plus, par exemple « voile Bretagne »')
    .optional(),
  sector: z.enum(activitySectors).optional(),
  age: z.coerce.number().int().min(0).max(120).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  placesLeft: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const depositMethods = ['card', 'cheque', 'chequesVacances', 'bonsCaf'] as const;

/**
 * The validated Fiche Agent whose dependants a form's indexes count: the one it listed. Given, and
 * another Fiche in force (validated again while the form was open, or another year's), each
 * person is found in it by relation, first name and birth date.
 */
export const listedRecord = z.uuid('Fiche Agent inconnue : rechargez la page').optional();

/** A registration request or holiday booking: its participants, up to 3 ranked choices. */
export const registrationInput = z.object({
  /** The lead participant — null: the member; otherwise the index of the dependant in the validated Fiche Agent. */
  dependantIndex: z.number().int().min(0).max(29).nullable(),
  /** A holiday booking's other participants from the Fiche Agent (null: the member). */
  companions: z.array(z.number().int().min(0).max(29).nullable()).max(20).default([]),
  recordId: listedRecord,
  /** Non ayants droit coming along (CAES villages: tarif extérieur, yearly membership). */
  guests: z
    .array(z.object({ lastName: text(100), firstName: text(100), birthDate: isoDate }))
    .max(10)
    .default([]),
  choices: z
    .array(
      z.object({
        sessionId: z.uuid('session inconnue'),
        /** The provider's transport from this city, or null for own means. */
        transportCity: z.string().trim().min(1).max(100).nullable().default(null),
        /** On a session with lodgings: the lodging type asked for. */
        lodgingType: z.string().trim().min(1).max(80).nullable().default(null),
      }),
    )
    .min(1, 'au moins un choix')
    .max(3, '3 choix au plus')
    .superRefine((choices, context) => {
      // On the repeated choice's own field, which names the choice it repeats.
      choices.forEach((choice, i) => {
        const first = choices.findIndex((c) => c.sessionId === choice.sessionId);
        if (first < i)
          context.addIssue({
            code: 'custom',
            path: [i, 'sessionId'],
            message: `cette session est déjà votre choix ${first + 1} : choisissez-en une autre, ou « Aucun »`,
          });
      });
    }),
  skiAid: z.boolean().default(false),
  insurance: z.boolean().default(false),
  friend: z
    .object({ lastName: text(100), firstName: text(100), birthDate: isoDate })
    .nullable()
    .default(null),
  depositMethod: z.enum(depositMethods),
});
export type RegistrationInput = z.infer<typeof registrationInput>;

export const registrationStatuses = [
  'requested',
  'confirmed',
  'waiting',
  'refused',
  'cancelled',
] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

/** A person a registration names, as the pages read them. */
export const namedPerson = z.object({ firstName: z.string(), lastName: z.string() });

/** A registration request or booking as the member's pages read it (its quotes: their totals). */
export const registrationView = z.object({
  id: z.string(),
  number: z.number().int(),
  status: z.enum(registrationStatuses),
  /** Sent after the closing: first come, first served. */
  late: z.boolean(),
  year: z.number().int(),
  sector: z.enum(activitySectors),
  dependantIndex: z.number().int().nullable(),
  companions: registrationInput.shape.companions,
  guests: registrationInput.shape.guests,
  participant: namedPerson,
  /** Everyone the booking names, the lead participant first. */
  participants: z.array(namedPerson).readonly(),
  choices: z
    .array(
      z.object({
        sessionId: z.string(),
        activityId: z.string(),
        transportCity: z.string().nullable(),
        lodgingType: z.string().nullable().optional(),
        activityTitle: z.string(),
        sessionLabel: z.string(),
        firstDay: z.string(),
        lastDay: z.string(),
      }),
    )
    .readonly(),
  /** Each choice's quote, in the order of the choices. */
  quotes: z
    .array(
      z.object({
        leftToPayCents: z.number().int(),
        subsidyCents: z.number().int(),
        depositCents: z.number().int(),
      }),
    )
    .readonly(),
  skiAid: z.boolean(),
  insurance: z.boolean(),
  friend: registrationInput.shape.friend,
  depositMethod: registrationInput.shape.depositMethod,
  placedSessionId: z.string().nullable(),
  /** The choice the place is on (1 to 3). */
  placedRank: z.number().int().nullable(),
  /** The selection's reasons, once it decided. */
  decision: z.object({ reasons: z.array(z.string()) }).nullable(),
  createdAt: z.string(),
});
export type RegistrationView = z.infer<typeof registrationView>;

/** The figures of a quote's line, a person's or the whole quote's. */
const lineFigures = z.object({
  priceCents: z.number().int(),
  transportCents: z.number().int(),
  grid: z.string().nullable(),
  rateBp: z.number().int().nullable(),
  baseCents: z.number().int(),
  subsidyCents: z.number().int(),
  leftToPayCents: z.number().int(),
  /** What the year had used before: days and the annual ceiling. */
  usage: z.unknown(),
  /** Why the subsidy is what it is (a cap, the ceiling…), each with its code and its words. */
  reasons: z.array(z.object({ code: z.string(), text: z.string() })).readonly(),
});

/** What the family sees of a quote, and what is kept with the request (no explanation). */
export const quoteFigures = lineFigures.extend({
  sessionId: z.string(),
  pack: z.string(),
  days: z.number().int(),
  depositCents: z.number().int(),
  feesCents: z.number().int(),
  totalToPayCents: z.number().int(),
  skiAidCents: z.number().int().nullable(),
  /** A booking's own parts and quotient (parent isolé), its arrhes' name, its lodging. */
  parts: z.number().nullable().optional(),
  quotientCents: z.number().int().optional(),
  depositLabel: z.string().optional(),
  lodgingType: z.string().nullable().optional(),
  /** Each person's line of a booking. */
  participants: z
    .array(
      lineFigures.extend({
        key: z.string(),
        firstName: z.string(),
        relation: z.string(),
        age: z.number().int(),
        /** Their own ski aid (the booking's is the sum). */
        skiAidCents: z.number().int().nullable(),
      }),
    )
    .readonly()
    .optional(),
});

/** POST /api/me/registrations/quote — every choice's figures, the first one explained. */
export const registrationPreview = z.object({
  participant: namedPerson,
  participants: z.array(namedPerson).readonly(),
  /** Sent after the closing: first come, first served. */
  late: z.boolean(),
  /** A friend's place (the CNRS's « enfant ami »): what it adds. */
  friendCents: z.number().int(),
  choices: z
    .array(quoteFigures.extend({ explanation: z.array(explanationStep).readonly().optional() }))
    .readonly(),
});
export type RegistrationPreview = z.infer<typeof registrationPreview>;

/** POST /api/me/claims/quote — what a claim would give, explained. */
export const claimPreview = quoteFigures.extend({
  explanation: z.array(explanationStep).readonly(),
});
export type ClaimPreview = z.infer<typeof claimPreview>;

/** GET /api/me/registrations — the member's requests and bookings, newest first. */
export const memberRegistrationsAnswer = z.object({ registrations: z.array(registrationView) });

/** A number of requests a desk read on its screen. */
const shownCount = z.number().int().min(0).max(1_000_000);

/**
 * What a session's cancellation does, as its confirmation showed it (its rehearsal): sent with
 * the cancellation, which is made only if it still does the same (else 409 `effect_changed`: a
 * request or a payment came in meanwhile; decision 0046).
 */
export const sessionCancellationFigures = z.object({
  /** Requests waiting for the selection with no other choice: cancelled. */
  requestsCancelled: shownCount,
  /** Requests waiting for the selection with other choices: they keep those. */
  choicesRemoved: shownCount,
  /** Requests on the session's waiting list: cancelled. */
  waitingCancelled: shownCount,
  /** Confirmed places: each invoice cancelled by a credit note, what was paid refunded. */
  placesCancelled: shownCount,
  refundCents: shownCents,
});
export type SessionCancellationFigures = z.infer<typeof sessionCancellationFigures>;

/** The committee cancels a session: every family concerned is told why. */
export const sessionCancellationRequest = z.object({
  reason: reasonText('le prestataire a annulé le séjour faute de participants'),
  expected: sessionCancellationFigures.optional(),
});

/** Staff postpone a sector's automatic selection, at the latest to the answer promised. */
export const selectionPostponement = z.object({ selectionOn: calendarDay });

/** The selection of a sector's closed sessions, previewed: what applying it would decide. */
export const selectionPreview = z.object({
  sector: z.enum(activitySectors),
  sessions: z
    .array(
      z.object({
        id: z.string(),
        label: z.string(),
        /** Places left for this run. */
        places: z.number().int(),
        waitingPlaces: z.number().int(),
        closesOn: z.string(),
      }),
    )
    .readonly(),
  /** The day the job applies it, unless staff do before. */
  automaticOn: z.string().nullable(),
  /** How far staff may postpone it: the earliest answer promised to the families. */
  latestOn: z.string().nullable(),
  decisions: z
    .array(
      z.object({
        requestId: z.string(),
        number: z.number().int(),
        participant: z.string(),
        member: z.string(),
        outcome: z.enum(['confirmed', 'waiting', 'refused']),
        sessionId: z.string().nullable(),
        /** Where the decision places the request or lists it, in words. */
        sessionLabel: z.string().nullable(),
        /** The rank of that choice (1 = first choice). */
        rank: z.number().int().nullable(),
        /** 1-based position in the priority order. */
        priority: z.number().int(),
        waitingPosition: z.number().int().nullable(),
        /** Why, in French, in order. */
        reasons: z.array(z.string()).readonly(),
      }),
    )
    .readonly(),
  /** Names this exact result: applying checks that nothing changed since. */
  token: z.string(),
});
export type SelectionPreview = z.infer<typeof selectionPreview>;

/** POST /api/staff/selection/:sector — what applying decided, counted. */
export const selectionApplied = z.object({
  /** The sessions allotted (a village's lodgings each). */
  sessions: z.number().int(),
  confirmed: z.number().int(),
  waiting: z.number().int(),
  refused: z.number().int(),
});
export type SelectionApplied = z.infer<typeof selectionApplied>;

/** The year of the staff's dashboards. */
export const dashboardQuery = z.object({ year: calendarYear });

/** A sector's dashboard for a year: its budget and what it committed, its sessions and claims. */
export const sectorDashboard = z.object({
  sector: z.enum(activitySectors),
  year: z.number().int(),
  budgetCents: z.number().int().nullable(),
  /** Subsidies of the sector's invoices (less their credit notes) and its claims granted. */
  committedCents: z.number().int(),
  sessions: z
    .array(
      z.object({
        label: z.string(),
        places: z.number().int(),
        requests: z.number().int(),
        confirmed: z.number().int(),
      }),
    )
    .readonly(),
  /** Months 1 to 12: claims sent that month, and what was paid out that month. */
  claims: z
    .array(
      z.object({ month: z.number().int(), sent: z.number().int(), paidCents: z.number().int() }),
    )
    .readonly(),
});
export type SectorDashboard = z.infer<typeof sectorDashboard>;

/** GET /api/staff/dashboard — the dashboards of the staff member's sectors. */
export const dashboardsAnswer = z.object({ sectors: z.array(sectorDashboard) });

/** The admin sets a sector's yearly budget of subsidies. */
export const sectorBudgetInput = dashboardQuery.extend({
  sector: z.enum(activitySectors),
  budgetCents: euroCents({ maxCents: 100_000_000_00 }),
});

/** A session as the API answers it. */
export const activitySessionAnswer = z.object({
  id: z.string(),
  activityId: z.string(),
  label: z.string(),
  firstDay: z.string(),
  lastDay: z.string(),
  minAge: z.number().int(),
  maxAge: z.number().int(),
  places: z.number().int(),
  waitingPlaces: z.number().int(),
  /** Places not yet given to a confirmed participant. */
  placesLeft: z.number().int(),
  priceCents: z.number().int(),
  transport: z.array(z.object({ city: z.string(), priceCents: z.number().int() })).readonly(),
  /** Each lodging type, with how many are left. */
  lodgings: z.array(lodgingInput.extend({ left: z.number().int() })).readonly(),
  externalPriceCents: z.number().int().nullable(),
  closesOn: z.string(),
  answerBy: z.string(),
  allocatedAt: z.string().nullable(),
  /** The day the automatic selection runs if staff have not applied it before. */
  selectionOn: z.string(),
  /** Set when the committee cancelled the session, with the reason the families were given. */
  cancelledAt: z.string().nullable(),
  cancellationReason: z.string().nullable(),
  /** How many times the staff saved it (see `SessionInput.basedOn`). */
  revision: z.number().int(),
});
export type ActivitySessionAnswer = z.infer<typeof activitySessionAnswer>;

/**
 * Where a session stands for a family on the committee's day: open until its closing; then
 * closed while the selection is to run (a request then goes after the others); after the
 * selection, its places left go first come, first served, or it is full (waiting list); once
 * begun, or cancelled by the committee, nobody can ask for it.
 */
export type SessionState = 'open' | 'selecting' | 'firstCome' | 'full' | 'started' | 'cancelled';

export function sessionState(
  s: Pick<
    ActivitySessionAnswer,
    'firstDay' | 'closesOn' | 'allocatedAt' | 'placesLeft' | 'cancelledAt'
  >,
  today: string,
): SessionState {
  if (s.cancelledAt !== null) return 'cancelled';
  if (s.firstDay <= today) return 'started';
  if (s.closesOn >= today) return 'open';
  if (s.allocatedAt === null) return 'selecting';
  return s.placesLeft > 0 ? 'firstCome' : 'full';
}

/** Whether two sessions can be choices of one request: both open, or both past their closing. */
export const sameRound = (a: SessionState, b: SessionState): boolean =>
  (a === 'open') === (b === 'open');

/** An activity as the API answers it: POST and PUT /api/staff/activities answer it too. */
export const activityAnswer = activityInput.omit({ basedOn: true }).extend({
  id: z.string(),
  sessions: z.array(activitySessionAnswer).readonly(),
  /** How many times the staff saved it (see `ActivityInput.basedOn`). */
  revision: z.number().int(),
});
export type ActivityAnswer = z.infer<typeof activityAnswer>;

/** A catalogue card's price for the family: the least any of them would pay, and for whom. */
export const priceFromAnswer = z.object({
  firstName: z.string(),
  leftToPayCents: z.number().int(),
});
export type PriceFromAnswer = z.infer<typeof priceFromAnswer>;

/** What one person of the household would pay for each session they can go to. */
export const participantCostAnswer = z.object({
  /** null: the member; otherwise the dependant's index in the Fiche Agent `recordId`. */
  dependantIndex: z.number().int().nullable(),
  /** The validated Fiche Agent listing the person (a request sends it back as its `recordId`). */
  recordId: z.string(),
  firstName: z.string(),
  sessions: z
    .array(
      z.object({
        sessionId: z.string(),
        subsidyCents: z.number().int(),
        leftToPayCents: z.number().int(),
        depositCents: z.number().int(),
      }),
    )
    .readonly(),
});
export type ParticipantCostAnswer = z.infer<typeof participantCostAnswer>;

/** GET /api/activities — the catalogue; for a member, each activity's least price for the family. */
export const catalogueAnswer = z.object({
  activities: z.array(activityAnswer),
  pricesFrom: z.record(z.string(), priceFromAnswer),
});

/** GET /api/activities/:id — an activity; for a member, what each person would pay (else null). */
export const activityPageAnswer = z.object({
  activity: activityAnswer,
  costs: z.array(participantCostAnswer).nullable(),
});
export type ActivityPageAnswer = z.infer<typeof activityPageAnswer>;

/** GET /api/staff/activities — the activities of the staff member's sectors. */
export const staffActivitiesAnswer = z.object({ activities: z.array(activityAnswer) });

/** A session's cancellation, rehearsed or done: its figures and the session as it ends. */
export const sessionCancellation = sessionCancellationFigures.extend({
  session: activitySessionAnswer,
});

/** POST /api/staff/activity-photos — the photo kept, its address and size in pixels. */
export const uploadedPhoto = z.object({
  id: z.string(),
  url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});
