import { z } from 'zod';
import { euroCents, shownCents } from './money.ts';
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
export interface ActivitySessionAnswer {
  readonly id: string;
  readonly activityId: string;
  readonly label: string;
  readonly firstDay: string;
  readonly lastDay: string;
  readonly minAge: number;
  readonly maxAge: number;
  readonly places: number;
  readonly waitingPlaces: number;
  /** Places not yet given to a confirmed participant. */
  readonly placesLeft: number;
  readonly priceCents: number;
  readonly transport: readonly { city: string; priceCents: number }[];
  readonly lodgings: readonly (LodgingInput & { left: number })[];
  readonly externalPriceCents: number | null;
  readonly closesOn: string;
  readonly answerBy: string;
  readonly allocatedAt: string | null;
  /** The day the automatic selection runs if staff have not applied it before. */
  readonly selectionOn: string;
  /** Set when the committee cancelled the session, with the reason the families were given. */
  readonly cancelledAt: string | null;
  readonly cancellationReason: string | null;
  /** How many times the staff saved it (see `SessionInput.basedOn`). */
  readonly revision: number;
}

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

export interface ActivityAnswer extends Omit<ActivityInput, 'basedOn'> {
  readonly id: string;
  readonly sessions: readonly ActivitySessionAnswer[];
  /** How many times the staff saved it (see `ActivityInput.basedOn`). */
  readonly revision: number;
}

/** A catalogue card's price for the family: the least any of them would pay, and for whom. */
export interface PriceFromAnswer {
  readonly firstName: string;
  readonly leftToPayCents: number;
}

/** What one person of the household would pay for each session they can go to. */
export interface ParticipantCostAnswer {
  /** null: the member; otherwise the dependant's index in the Fiche Agent `recordId`. */
  readonly dependantIndex: number | null;
  /** The validated Fiche Agent listing the person (a request sends it back as its `recordId`). */
  readonly recordId: string;
  readonly firstName: string;
  readonly sessions: readonly {
    sessionId: string;
    subsidyCents: number;
    leftToPayCents: number;
    depositCents: number;
  }[];
}
