import { z } from 'zod';
import { bulkAnswer, calendarDay, everyError, isDay, reasonText, tickedIds } from './text.ts';
import { activitySectors, activitySessionAnswer, listedRecord, namedPerson } from './activities.ts';
import { euroCents, shownCents } from './money.ts';
import { explanationStep } from './simulation.ts';

const isoDate = calendarDay;
const positiveCents = euroCents({ min: 1 });

/**
 * What a place's cancellation or change gives, as its confirmation showed it (its rehearsal):
 * the fee invoiced, what is refunded, the place's new invoice (a change; null for a cancellation).
 * Sent with the action, it is made only if it still gives the same (else 409 `amount_changed`:
 * a payment came in meanwhile, or the day changed the schedule's fee; decision 0044).
 */
export const placeChangeFigures = z.object({
  feeCents: shownCents,
  refundCents: shownCents,
  invoiceCents: shownCents.nullable(),
});
export type PlaceChangeFigures = z.infer<typeof placeChangeFigures>;

/** Money received for an invoice, entered by staff (sent with an Idempotency-Key header). */
export const paymentInput = z.object({
  invoiceId: z.uuid('facture inconnue'),
  method: z.enum(['card', 'cheque', 'chequesVacances', 'bonsCaf', 'transfer']),
  amountCents: positiveCents,
  receivedOn: isoDate,
  chequeNumber: z.string().trim().min(1).max(30).optional(),
});
export type PaymentInput = z.infer<typeof paymentInput>;

/**
 * A payment received at the desk, reversed: entered in error, or a cheque the bank returned. The
 * reason is quoted in the mail the family receives (decision 0045).
 */
export const paymentReversal = z.object({ reason: reasonText('chèque revenu impayé') });

const INSTALMENTS = 'Indiquez un nombre de versements de 1 à 10, par exemple 3.';

/** The family's choice of instalments for what is left to pay. */
export const planChoice = z.object({
  method: z.enum(['cheque', 'card', 'monthly']),
  count: z.number().int(INSTALMENTS).min(1, INSTALMENTS).max(10, INSTALMENTS),
});

/** A confirmed place cancelled by staff. */
export const cancellationRequest = z.object({
  organismFeeCents: euroCents().default(0),
  justified: z.boolean().default(false),
  noShow: z.boolean().default(false),
  expected: placeChangeFigures.optional(),
});

export const depositSlipRequest = z.object({
  depositedOn: isoDate,
  /** The cheques the desk's screen listed: another list now is refused (409), nothing remitted. */
  expectedCheques: z.array(z.uuid()).max(10_000).optional(),
});

export const exportQuery = z
  .object({
    sector: z.enum(activitySectors).optional(),
    from: isoDate,
    to: isoDate,
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'avant la date de début' });

/** A confirmed place's session or transport changed by staff (a modification). */
export const modificationRequest = z.object({
  sessionId: z.uuid('session inconnue').nullable().default(null),
  transportCity: z.string().trim().min(1).max(100).nullable(),
  organismFeeCents: euroCents().default(0),
  onArrival: z.boolean().default(false),
  expected: placeChangeFigures.optional(),
});

/** Claim types (Mes dossiers subventions) the rules engine prices like a stay. */
export const claimTypes = [
  'festival',
  'individualHoliday',
  'mobileHome',
  'youthStay',
  'youthAbroad',
  'sportStay',
  'sportEvent',
  'ancvCoupons',
  'trainTicket',
  'escortTrain',
  'carKm',
] as const;
export type ClaimType = (typeof claimTypes)[number];

/** What to type for the kilometres of a car claim, with an example. */
export const KM_MESSAGE = 'indiquez les kilomètres parcourus, en chiffres entiers, par exemple 120';
const ROUND_TRIPS_MESSAGE = 'indiquez le nombre d’allers-retours, de 1 à 10, par exemple 2';

/** What a claim says of the expense: type, who, organism, dates, amount and its particulars. */
const claimFields = z.object({
  type: z.enum(claimTypes),
  /** null: the member; otherwise the dependant's index in the validated Fiche Agent. */
  dependantIndex: z.number().int().min(0).max(29).nullable(),
  recordId: listedRecord,
  organism: z.string().trim().min(1, 'champ obligatoire').max(150),
  firstDay: isoDate,
  lastDay: isoDate,
  paidCents: positiveCents,
  /** The kind of stay, for the types with several caps (board or rental…). */
  capCategory: z.string().trim().min(1).max(50).nullable().default(null),
  /** Kilometres driven to a youth stay (car claims). */
  km: z
    .number()
    .int(KM_MESSAGE)
    .min(1, KM_MESSAGE)
    .max(20_000, 'au plus 20 000 km : vérifiez le trajet, par exemple 120')
    .nullable()
    .default(null),
  /** The travel of an individual stay abroad, paid apart from the stay. */
  travelCents: euroCents().nullable().default(null),
  /** An escort's round trips (escort claims). */
  roundTrips: z
    .number()
    .int(ROUND_TRIPS_MESSAGE)
    .min(1, ROUND_TRIPS_MESSAGE)
    .max(10, ROUND_TRIPS_MESSAGE)
    .nullable()
    .default(null),
});
const lastDayAfterFirst = (c: { firstDay: unknown; lastDay: unknown }): boolean =>
  !isDay(c.lastDay) || !isDay(c.firstDay) || c.lastDay >= c.firstDay;
const lastDayMessage = {
  path: ['lastDay'],
  message: 'le dernier jour est avant le premier : vérifiez les deux dates',
  ...everyError,
};

/** A subsidy asked after the fact, with the PDF receipts already attached to the member's documents. */
export const claimInput = claimFields
  .extend({
    documentIds: z
      .array(z.uuid('document inconnu'))
      .min(1, 'joignez au moins un justificatif PDF')
      .max(10),
  })
  .refine(lastDayAfterFirst, lastDayMessage);
/** The same expense before any receipt is attached: what the subsidy would be. */
export const claimEstimate = claimFields
  .extend({ documentIds: z.array(z.uuid('document inconnu')).max(10).default([]) })
  .refine(lastDayAfterFirst, lastDayMessage);
export type ClaimInput = z.infer<typeof claimInput>;

/** A line of an invoice: the stay, transport, a fee, a subsidy (with its reasons, explained). */
const invoiceLine = z.object({
  kind: z.string(),
  label: z.string(),
  amountCents: z.number().int(),
  subsidy: z.object({ reasons: z.array(z.string()), explanation: z.unknown() }).optional(),
});

/** An invoice or credit note as it was issued. */
export const invoice = z.object({
  id: z.string(),
  kind: z.enum(['invoice', 'credit_note']),
  reference: z.string(),
  year: z.number().int(),
  number: z.number().int(),
  memberId: z.string(),
  registrationId: z.string().nullable(),
  /** The invoice a credit note cancels. */
  correctsId: z.string().nullable(),
  sector: z.string(),
  issuedOn: z.string(),
  lines: z.array(invoiceLine).readonly(),
  totalCents: z.number().int(),
  subsidyCents: z.number().int(),
  ceilingCents: z.number().int(),
});

/** What an invoice owes: its total, credit notes, payments, balance, and its plan in force. */
export const invoiceAccount = z.object({
  totalCents: z.number().int(),
  creditedCents: z.number().int(),
  paidCents: z.number().int(),
  balanceCents: z.number().int(),
  instalments: z
    .array(
      z.object({
        id: z.string(),
        dueOn: z.string(),
        amountCents: z.number().int(),
        /** What the payments received cover of it, in order of the plan. */
        paidCents: z.number().int(),
        method: z.string(),
      }),
    )
    .readonly(),
});

/** A payment received (or its reversal), as the desk recorded it. */
export const payment = z.object({
  id: z.string(),
  invoiceId: z.string(),
  method: z.string(),
  amountCents: z.number().int(),
  receivedOn: z.string(),
  chequeNumber: z.string().nullable(),
  /** The day a cheque may be cashed (the family's choice of month), if it is one. */
  cashOn: z.string().nullable(),
  /** The deposit slip a cheque went to the bank on, if it did. */
  depositSlipId: z.string().nullable(),
  /**
   * A reversal (an entry error, a cheque returned unpaid): the payment it cancels, and why
   * (decision 0045).
   */
  reversesId: z.string().nullable(),
  reversalReason: z.string().nullable(),
});

/** An invoice as the billing API answers it, with its account, payments and plans. */
export const invoiceDetails = z.object({
  invoice: invoice
    .pick({
      id: true,
      kind: true,
      reference: true,
      registrationId: true,
      issuedOn: true,
      totalCents: true,
      subsidyCents: true,
      lines: true,
    })
    .extend({ sector: z.enum(activitySectors) }),
  account: invoiceAccount,
  /** What « Payer en ligne » asks for now: the next instalment, or the balance. */
  dueNowCents: z.number().int(),
  payments: z
    .array(
      payment.omit({ invoiceId: true, cashOn: true }).extend({
        /** Received at the desk and not reversed yet: the desk may reverse it. */
        reversible: z.boolean(),
      }),
    )
    .readonly(),
  /** The plans that may split the balance, each up to its number of instalments. */
  planOptions: z
    .array(
      z.object({
        method: z.enum(['cheque', 'card', 'monthly']),
        label: z.string(),
        maxCount: z.number().int(),
      }),
    )
    .readonly(),
  /** For the desks: whose invoice it is (« Nom Prénom (IN-000123) »). */
  member: z.string().optional(),
});
export type InvoiceDetails = z.infer<typeof invoiceDetails>;

/** GET /api/me/invoices — the member's invoices and credit notes. */
export const memberInvoicesAnswer = z.object({ invoices: z.array(invoiceDetails) });

/** GET /api/staff/invoices — what is still owed (or one invoice by its reference), and the day. */
export const invoiceFollowUpAnswer = z.object({
  invoices: z.array(invoiceDetails),
  today: z.string(),
});

/** A claim as the member and the desks read it (its quote: the figures the screens show). */
export const claimView = z.object({
  id: z.string(),
  number: z.number().int(),
  memberId: z.string(),
  /** « Nom Prénom ». */
  member: z.string(),
  year: z.number().int(),
  type: z.enum(claimTypes),
  sector: z.enum(activitySectors),
  /** Who the expense was for: the member or a person of the Fiche. */
  participant: namedPerson,
  details: z.object({
    organism: z.string(),
    firstDay: z.string(),
    lastDay: z.string(),
    paidCents: z.number().int(),
    capCategory: z.string().nullable(),
    km: z.number().int().nullable(),
    roundTrips: z.number().int().nullable(),
    travelCents: z.number().int().nullable(),
  }),
  documentIds: z.array(z.string()).readonly(),
  quote: z.object({
    subsidyCents: z.number().int(),
    baseCents: z.number().int(),
    reasons: z.array(z.object({ code: z.string(), text: z.string() })).readonly(),
  }),
  status: z.enum(['submitted', 'approved', 'rejected', 'paid']),
  approvedCents: z.number().int().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type ClaimView = z.infer<typeof claimView>;

/** GET /api/me/claims — the member's claims, newest first. */
export const memberClaimsAnswer = z.object({ claims: z.array(claimView) });

/** GET /api/staff/claims — the desk's queue, and how many wait in it in all. */
export const claimQueueAnswer = z.object({ claims: z.array(claimView), waiting: z.number().int() });

export const claimDecision = z.object({
  decision: z.enum(['approve', 'partial', 'reject']),
  amountCents: shownCents.optional(),
  /**
   * An approval: the amount the desk confirmed. The engine quotes the claim again; if its amount
   * is another now, nothing is decided (409 `amount_changed`) and the claim shows the new one.
   */
  expectedCents: shownCents.optional(),
  reason: z.string().trim().max(500).optional(),
});

/** Staff approve several claims at once, each at the amount the engine quotes again. */
export const claimApprovals = z.object({
  claimIds: tickedIds('demande inconnue', {
    none: 'cochez au moins une demande à accorder',
    tooMany: 'accordez au plus 100 demandes à la fois',
  }),
  /** The amount each claim showed, by id: one whose quote is another now is left, and says so. */
  expectedCents: z.record(z.string().max(40), shownCents).optional(),
});

export const payoutRequest = z.object({
  executionDate: isoDate,
  /** The claims its confirmation showed: another set now is refused (409), nothing prepared. */
  expectedClaims: z.array(z.uuid()).max(100_000).optional(),
});
/** Staff confirm the day the bank received an exported payout file. */
export const payoutSent = z.object({ sentOn: isoDate });
/** A batch cancelled before the bank received it: why, and the state its confirmation showed. */
export const payoutCancellation = z.object({
  reason: reasonText('fichier rejeté par la banque', 'il est gardé au journal des actions'),
  expectedState: z.enum(['prepared', 'exported']).optional(),
});

/** Where a payout batch stands: prepared → exported → sent, or cancelled before the bank had it. */
export const payoutStates = ['prepared', 'exported', 'sent', 'cancelled'] as const;

/** A payout batch (one SEPA transfer file) as the desks read it. */
export const payout = z.object({
  id: z.string(),
  reference: z.string(),
  totalCents: z.number().int(),
  /** How many claims it pays. */
  claims: z.number().int(),
  executionDate: z.string(),
  /** When it was prepared, the committee's time without its offset, as the bank's file says it. */
  createdAt: z.string(),
  exportedAt: z.string().nullable(),
  /** The day the bank received the file, as a person confirmed it: the claims are paid. */
  sentOn: z.string().nullable(),
  /** Why a person cancelled it, its claims back among those waiting for a batch. */
  cancellationReason: z.string().nullable(),
  state: z.enum(payoutStates),
});
export type Payout = z.infer<typeof payout>;

/** GET /api/staff/payouts — the batches of the desk's sectors, newest first. */
export const payoutsAnswer = z.object({ payouts: z.array(payout) });

/** GET /api/staff/payouts/preview — what a batch prepared now would hold. */
export const payoutPreviewAnswer = z.object({
  claims: z.array(z.string()),
  totalCents: z.number().int(),
  /** Approved claims whose member has no account a transfer can carry: they wait. */
  waitingForAccount: z.number().int(),
});
export type PayoutPreview = z.infer<typeof payoutPreviewAnswer>;

/** POST /api/staff/payouts — the batch prepared, and the claims left waiting for an account. */
export const preparedPayoutAnswer = z.object({ payout, waitingForAccount: z.number().int() });

/** Solidarité: an exceptional aid, or an interest-free loan repaid monthly. */
export const solidarityInput = z
  .object({
    kind: z.enum(['aid', 'loan']),
    purpose: z.string().trim().min(1, 'décrivez votre situation et votre besoin').max(2000),
    amountCents: positiveCents,
    months: z
      .number()
      .int()
      .min(1, 'au moins 1 mois')
      .max(72, '72 mois au plus')
      .nullable()
      .default(null),
    disabilityEquipment: z.boolean().default(false),
    documentIds: z.array(z.uuid('document inconnu')).max(10).default([]),
  })
  .superRefine((r, context) => {
    if (r.kind !== 'loan') return;
    const max = r.disabilityEquipment
      ? { cents: 500_000, months: 72 }
      : { cents: 420_000, months: 50 };
    if (r.amountCents > max.cents)
      context.addIssue({
        code: 'custom',
        path: ['amountCents'],
        message: `un prêt sans intérêt va jusqu’à ${String(max.cents / 100)} €${r.disabilityEquipment ? ' pour du matériel lié au handicap' : ''}`,
      });
    if (r.months === null)
      context.addIssue({
        code: 'custom',
        path: ['months'],
        message: 'durée du remboursement attendue',
      });
    else if (r.months > max.months)
      context.addIssue({
        code: 'custom',
        path: ['months'],
        message: `remboursement sur ${String(max.months)} mois au plus`,
      });
  });
export type SolidarityInput = z.infer<typeof solidarityInput>;

/** A Solidarité request as the member and the Solidarité desk read it. */
export const solidarityRequest = z.object({
  id: z.string(),
  number: z.number().int(),
  /** « Nom Prénom (IN-000123) ». */
  member: z.string(),
  kind: z.enum(['aid', 'loan']),
  purpose: z.string(),
  amountCents: z.number().int(),
  months: z.number().int().nullable(),
  disabilityEquipment: z.boolean(),
  documentIds: z.array(z.string()).readonly(),
  status: z.enum(['submitted', 'granted', 'refused']),
  grantedCents: z.number().int().nullable(),
  /** A loan's repayments: the last working day of each month from the month after the grant. */
  schedule: z
    .array(z.object({ dueOn: z.string(), amountCents: z.number().int() }))
    .readonly()
    .nullable(),
  reason: z.string().nullable(),
  /** The committee's day of the decision: a grant counts in its year. */
  decidedOn: z.string().nullable(),
  createdAt: z.string(),
});
export type SolidarityRequest = z.infer<typeof solidarityRequest>;

/** GET /api/me/solidarity, GET /api/staff/solidarity — requests, newest first. */
export const solidarityRequestsAnswer = z.object({ requests: z.array(solidarityRequest) });

export const solidarityDecision = z.object({
  decision: z.enum(['grant', 'refuse']),
  /** For a grant: the amount granted (at most what was asked); the loan keeps its duration. */
  amountCents: z.number().int().min(1).max(500_000).optional(),
  reason: z.string().trim().max(500).optional(),
});

/** Staff agree instalments with a family: its unpaid balance is no withdrawal. */
export const instalmentsAgreement = z.object({ agreed: z.boolean() });

/** A payment online, as its member follows it: pending until the provider's notification says. */
export const onlinePayment = z.object({
  /** Ours (the provider's order id): PAY- and 10 characters. */
  reference: z.string(),
  invoiceId: z.string(),
  invoiceReference: z.string(),
  amountCents: z.number().int(),
  status: z.enum(['pending', 'paid', 'refused', 'abandoned', 'expired']),
  provider: z.string(),
});
export type OnlinePayment = z.infer<typeof onlinePayment>;

/** POST /api/me/invoices/:id/online-payment — the payment, and how to reach the provider's page. */
export const startedOnlinePayment = z.object({
  payment: onlinePayment,
  /** A link, or a form the browser posts to the provider (its fields signed). */
  checkout: z.object({
    url: z.string(),
    fields: z.record(z.string(), z.string()).nullable(),
  }),
});
export type StartedOnlinePayment = z.infer<typeof startedOnlinePayment>;

/** An online payment's notification no payment line came from, until the staff handle it. */
export const keptNotification = z.object({
  id: z.string(),
  provider: z.string(),
  reference: z.string().nullable(),
  /** unknown: no payment of ours; mismatch: another amount; settled, credited: nothing left to pay. */
  outcome: z.enum(['unknown', 'mismatch', 'settled', 'credited']),
  detail: z.string(),
  amountCents: z.number().int().nullable(),
  receivedAt: z.string(),
  invoiceReference: z.string().nullable(),
  member: z.string().nullable(),
});
export type KeptNotification = z.infer<typeof keptNotification>;

/** A refund through the payment provider not confirmed yet. */
export const openRefund = z.object({
  id: z.string(),
  reference: z.string(),
  provider: z.string(),
  invoiceReference: z.string(),
  member: z.string(),
  amountCents: z.number().int(),
  status: z.enum(['prepared', 'sent', 'failed']),
  error: z.string().nullable(),
  createdAt: z.string(),
});
export type OpenRefund = z.infer<typeof openRefund>;

/** GET /api/staff/online-payments/notifications — what the desk has to handle online. */
export const onlinePaymentsFollowUpAnswer = z.object({
  notifications: z.array(keptNotification),
  refunds: z.array(openRefund),
});
export type OnlinePaymentsFollowUp = z.infer<typeof onlinePaymentsFollowUpAnswer>;

/** POST /api/staff/online-payments/notifications/:id/handled — how the staff handled it. */
export const notificationHandled = z.object({
  note: z
    .string()
    .trim()
    .min(1, 'écrivez ce qui a été fait, par exemple « remboursé par virement le 3 mai »')
    .max(500),
});

/** One instalment of a plan not yet written: when, how, how much. */
export const plannedInstalment = z.object({
  dueOn: z.string(),
  method: z.string(),
  amountCents: z.number().int(),
});
export type PlannedInstalment = z.infer<typeof plannedInstalment>;

/** POST /api/me/invoices/:id/plan/preview — the instalments a plan would give. */
export const planPreviewAnswer = z.object({ instalments: z.array(plannedInstalment) });

/** POST /api/staff/payments/:id/reversal — the reversal, and what the invoice owes now. */
export const paymentReversed = z.object({ reversal: payment, account: invoiceAccount });

/** A cheque to deposit: received, not yet on a slip, to be cashed by the day asked. */
const pendingCheque = z.object({
  id: z.string(),
  reference: z.string(),
  member: z.string(),
  chequeNumber: z.string(),
  amountCents: z.number().int(),
  cashOn: z.string(),
});

/** GET /api/staff/cheques — the cheques to deposit on a day. */
export const chequesAnswer = z.object({ cheques: z.array(pendingCheque) });
export type PendingCheque = z.infer<typeof pendingCheque>;

/** POST /api/staff/deposit-slips — the slip made: its reference, its cheques, their total. */
export const depositSlip = z.object({
  id: z.string(),
  reference: z.string(),
  cheques: z.array(pendingCheque),
  totalCents: z.number().int(),
});

/** A place cancelled or changed: the credit note, the new invoices, the fee and the refund. */
export const placeChangeResult = z.object({
  creditNote: invoice,
  /** The new invoice of the place (a modification), if any. */
  invoice: invoice.nullable(),
  feeInvoice: invoice.nullable(),
  feeCents: z.number().int(),
  refundCents: z.number().int(),
  explanation: z.unknown(),
});

/** A cancellation or change's figures, with the fee's explanation, for its confirmation. */
export const placeChangePreview = placeChangeFigures.extend({
  explanation: z.array(explanationStep).readonly(),
});
export type PlaceChangePreview = z.infer<typeof placeChangePreview>;

/** GET /api/staff/registrations/:id/change-options — the place, and the sessions it may go to. */
export const changeOptions = z.object({
  sessionId: z.string(),
  transportCity: z.string().nullable(),
  /** Its session and the activity's others with a place left. */
  sessions: z.array(activitySessionAnswer),
});
export type ChangeOptions = z.infer<typeof changeOptions>;

/** GET /api/staff/billing/consistency — the invoices checked, and each problem found. */
export const consistencyReport = z.object({
  invoices: z.number().int(),
  problems: z.array(z.object({ reference: z.string(), problem: z.string() })).readonly(),
});
export type ConsistencyReport = z.infer<typeof consistencyReport>;

/** GET /api/me/online-payments/provider — which provider takes the committee's online payments. */
export const onlinePaymentProvider = z.object({ provider: z.string() });

/** A refund sent again. */
export const refundRetried = z.object({ retried: z.literal(true) });

/** A kept notification marked handled. */
export const notificationMarked = z.object({ handled: z.literal(true) });

/** POST /api/staff/claims/approvals — the claims granted, with their numbers and amounts. */
export const claimApprovalsAnswer = bulkAnswer(
  z.object({ id: z.string(), number: z.number().int(), approvedCents: z.number().int() }),
);
