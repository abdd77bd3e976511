import { z } from 'zod';
import { calendarDay, text, tickedIds, wholeEuros } from './text.ts';
import { ibanProblem, isBic, isLatinName, normalizeIban } from './iban.ts';

const name = text(100);

export const dependantInput = z.object({
  /** directRelative: a parent, a child no longer ayant droit, a grandchild (CNRS villages, no subsidy). */
  relation: z.enum(['spouse', 'child', 'disabledAdult', 'directRelative']),
  lastName: name,
  firstName: name,
  birthDate: calendarDay,
  sharedCustody: z.boolean().default(false),
  disabled: z.boolean().default(false),
  /** A child on the member's tax notice (false: on the other parent's; still an ayant droit). */
  fiscallyDependent: z.boolean().default(true),
  /** The disability card or certificate (a document of the record) of a disabled dependant. */
  disabilityProofId: z.uuid('document inconnu').nullable().default(null),
});
export type DependantInput = z.infer<typeof dependantInput>;

/**
 * GET /api/members/:id — a member's profile, for the member and for staff: contact details and
 * the household as the last validated Fiche Agent has it.
 */
export const memberProfileAnswer = z.object({
  id: z.string(),
  identifier: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  dependants: z
    .array(
      z.object({
        relation: dependantInput.shape.relation,
        lastName: z.string(),
        firstName: z.string(),
        birthDate: z.string(),
      }),
    )
    .readonly(),
});
export type MemberProfile = z.infer<typeof memberProfileAnswer>;

/** The yearly Fiche Agent as the member fills it (a draft until submitted). */
export const agentRecordInput = z.object({
  couple: z.boolean(),
  /** The day the family situation changed this year (marriage, birth, separation…), if it did. */
  situationChangedOn: calendarDay.nullable().default(null),
  memberDisabled: z.boolean().default(false),
  taxIncomeEuros: wholeEuros.nullable(),
  spouseTaxIncomeEuros: wholeEuros.nullable().default(null),
  dependants: z
    .array(dependantInput)
    .max(30, '30 ayants droit au plus')
    // The barème counts 20 at most (the rules engine's own bound).
    .refine(
      (dependants) => dependants.filter((d) => d.relation === 'disabledAdult').length <= 20,
      '20 adultes handicapés à charge au plus : vérifiez la liste',
    )
    .default([]),
  documentIds: z.array(z.uuid('document inconnu')).max(30).default([]),
  /**
   * The version and revision of the Fiche the page opened (null: none yet). When given, a save
   * over a Fiche saved since (another tab, another device) is refused, 409 `record_changed`.
   */
  basedOn: z
    .object({ version: z.number().int().min(1), revision: z.number().int().min(1) })
    .nullable()
    .optional(),
});
export type AgentRecordInput = z.infer<typeof agentRecordInput>;

/** Staff validate several Fiches they read as concordant. */
export const recordValidations = z.object({
  recordIds: tickedIds('fiche inconnue', {
    none: 'cochez au moins une fiche à valider',
    tooMany: 'validez au plus 100 fiches à la fois',
  }),
});

export const recordDecision = z.object({
  reason: z.string().trim().min(1, 'indiquez le motif du refus').max(500),
});

export const recordStatuses = ['draft', 'submitted', 'validated', 'rejected'] as const;
export type RecordStatus = (typeof recordStatuses)[number];

/** A version of a Fiche Agent as the API returns it. */
export const agentRecordAnswer = z.object({
  id: z.string(),
  memberId: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  revision: z.number().int(),
  status: z.enum(recordStatuses),
  couple: z.boolean(),
  situationChangedOn: z.string().nullable(),
  memberDisabled: z.boolean(),
  taxIncomeEuros: z.number().int().nullable(),
  spouseTaxIncomeEuros: z.number().int().nullable(),
  dependants: z.array(dependantInput),
  documentIds: z.array(z.string()),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  packId: z.string().nullable(),
  parts: z.number().nullable(),
  quotientCents: z.number().int().nullable(),
  ratesBp: z.record(z.string(), z.number()).nullable(),
  annualCeilingCents: z.number().int().nullable(),
  explanation: z.unknown(),
});
export type AgentRecordAnswer = z.infer<typeof agentRecordAnswer>;

/** What a tax notice's 2D-DOC says (its tax numbers stay with the Fiche Agent staff). */
export const taxNoticeSummary = z.object({
  referenceIncomeEuros: z.number().int().nullable(),
  partsHundredths: z.number().int(),
  incomeYear: z.number().int(),
  /** true: signed by a certificate of ANTS's list; false: altered or forged; null: unchecked. */
  genuine: z.boolean().nullable(),
  reason: z.string().nullable(),
});
export type TaxNoticeSummary = z.infer<typeof taxNoticeSummary>;

/** For the Fiche Agent staff only: the notice's reference and who declared, tax numbers included. */
export const taxNoticeDetails = taxNoticeSummary.extend({
  noticeReference: z.string().nullable(),
  declarants: z.array(z.object({ name: z.string(), taxNumber: z.string().nullable() })),
});
export type TaxNoticeDetails = z.infer<typeof taxNoticeDetails>;

export const documentSummary = z.object({
  id: z.string(),
  kind: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
  /** For a tax notice whose 2D-DOC was found; null otherwise. */
  taxNotice: taxNoticeSummary.nullable(),
});
export type DocumentSummary = z.infer<typeof documentSummary>;

/** GET /api/me/documents — the member's documents, newest first. */
export const documentsAnswer = z.object({ documents: z.array(documentSummary) });

/** POST /api/me/tax-notice-readings — a tax notice read from its 2D-DOC, and whether it is genuine. */
export const taxNoticeReading = z.object({
  notice: z.object({
    documentType: z.enum(['04', '28']),
    /** Hundredths of a part: 2,75 parts → 275. */
    partsHundredths: z.number().int(),
    referenceIncomeEuros: z.number().int().nullable(),
    incomeYear: z.number().int(),
    noticeReference: z.string(),
    declarant1: z.object({ name: z.string(), taxNumber: z.string().nullable() }),
    declarant2: z.object({ name: z.string(), taxNumber: z.string().nullable() }).nullable(),
    collectionOn: z.string().nullable(),
    address: z.string().nullable(),
    /** Identifiers the reader does not know, with their raw values: shown, never interpreted. */
    unknown: z.record(z.string(), z.string()),
  }),
  genuine: z.boolean().nullable(),
  reason: z.string().nullable(),
});

/** GET /api/record-years — the years a Fiche Agent can be written for, newest first. */
export const recordYearsAnswer = z.object({ years: z.array(z.number().int()) });

/** GET /api/cards/:token — what a partner reads on scanning a card: a name, valid this year. */
export const cardCheck = z.object({
  name: z.string(),
  valid: z.boolean(),
  year: z.number().int().nullable(),
});
export type CardCheck = z.infer<typeof cardCheck>;

/** The figures in force for a member's year (from the newest validated Fiche Agent). */
export const entitlementsAnswer = z.object({
  record: z
    .object({
      year: z.number().int(),
      version: z.number().int(),
      packId: z.string().nullable(),
      parts: z.number().nullable(),
      quotientCents: z.number().int().nullable(),
      rates: z.record(z.string(), z.number()),
      annualCeilingCents: z.number().int().nullable(),
      annualCeilingUsedCents: z.number().int(),
      explanation: z.unknown(),
    })
    .nullable(),
});
export type EntitlementsAnswer = z.infer<typeof entitlementsAnswer>;

/** A bank account as its owner and the staff read it: the IBAN masked but for its ends. */
export const bankAccount = z.object({
  id: z.string(),
  holder: z.string(),
  /** Shown masked but for the country, key and last four characters. */
  ibanMasked: z.string(),
  bic: z.string(),
  isDefault: z.boolean(),
});
export type BankAccount = z.infer<typeof bankAccount>;

/** GET, POST and DELETE /api/me/bank-accounts… — the member's accounts after the change. */
export const bankAccountsAnswer = z.object({ accounts: z.array(bankAccount) });

/** A bank account (RIB): IBAN checked by country, length and checksum; BIC by format. */
export const bankAccountInput = z.object({
  holder: name.refine(isLatinName, 'le titulaire s’écrit en lettres latines, comme sur le RIB'),
  iban: z
    .string()
    .max(50)
    .superRefine((value, context) => {
      const problem = ibanProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .transform(normalizeIban),
  bic: z
    .string()
    .trim()
    .refine(isBic, 'un BIC a 8 ou 11 caractères, par exemple AGRIFRPP882')
    .transform((value) => value.replace(/\s/g, '').toUpperCase()),
});
export type BankAccountInput = z.infer<typeof bankAccountInput>;

/** An offer of a partner (Infos partenariat), as staff write it. */
export const partnerOfferInput = z.object({
  partner: name,
  sector: z.enum(['vacances', 'jeunesse', 'sports', 'loisirs-culture', 'voyages']),
  description: z.string().trim().min(1, 'champ obligatoire').max(2000, '2 000 caractères au plus'),
  code: z.string().trim().max(100).optional(),
  // A web page only: `javascript:` or `data:` would run in the members' page.
  url: z
    .url({
      protocol: /^https?$/,
      error: 'tapez l’adresse de la page du partenaire, par exemple https://www.cinema-lumiere.fr',
    })
    .max(500)
    .optional(),
});
export type PartnerOfferInput = z.infer<typeof partnerOfferInput>;

/** GET /api/partner-offers — the partners' offers; POST and PUT answer one. */
export const partnerOffer = partnerOfferInput.extend({ id: z.string() });
export const partnerOffersAnswer = z.object({ offers: z.array(partnerOffer) });
