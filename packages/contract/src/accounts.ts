import { z } from 'zod';
import { bulkAnswer, calendarDay, EMAIL_MESSAGE, reasonText, text, tickedIds } from './text.ts';

const name = text(100);
const isoDate = calendarDay;
export const password = z
  .string()
  .min(
    12,
    'ce mot de passe est trop court : au moins 12 caractères, par exemple « Vacances au lac 2026 »',
  )
  .max(200, '200 caractères au plus')
  .refine(
    (value) => /\p{L}/u.test(value) && /\d/.test(value),
    'mettez au moins une lettre et un chiffre, par exemple « Vacances au lac 2026 »',
  );
/** The CAES identifier given at approval, e.g. "IN-000123". */
const IDENTIFIER_MESSAGE = 'tapez votre identifiant CAES, par exemple IN-000123';
export const identifier = z
  .string(IDENTIFIER_MESSAGE)
  .trim()
  .min(3, IDENTIFIER_MESSAGE)
  .max(20, IDENTIFIER_MESSAGE)
  .transform((value) => value.toUpperCase());
export const insermMatricule = z
  .string()
  .regex(/^\d{8}$/, 'le matricule Inserm a 8 chiffres, par exemple 12345678');

/** Coordonnées: given at sign-up, kept up to date by the member. */
export const contactDetails = z.object({
  // A bound's own message: without one it would repeat the schema's (zod 4 passes it down).
  email: z.email(EMAIL_MESSAGE).max(200, '200 caractères au plus'),
  phone: z
    .string()
    .trim()
    .regex(
      /^\+?[0-9 .-]{6,20}$/,
      'tapez un numéro de téléphone en chiffres, par exemple 06 12 34 56 78 ou +33 6 12 34 56 78',
    )
    .optional(),
  address: z.string().trim().max(300, '300 caractères au plus').optional(),
});
export type ContactDetails = z.infer<typeof contactDetails>;

/** S'inscrire: the four steps of the first registration, sent together at the confirmation step. */
export const signUpRequest = z.object({
  identity: z.object({
    lastName: name,
    firstName: name,
    birthDate: isoDate,
    matricule: insermMatricule.optional(),
  }),
  contact: contactDetails,
  family: z.object({
    couple: z.boolean(),
    spouse: z.object({ lastName: name, firstName: name, birthDate: isoDate }).optional(),
    children: z
      .array(z.object({ firstName: name, birthDate: isoDate }))
      .max(30)
      .default([]),
  }),
  confirmation: z.object({
    accurate: z.literal(true, 'vous devez certifier l’exactitude des informations'),
  }),
});
export type SignUpRequest = z.infer<typeof signUpRequest>;

const PASSWORD_MESSAGE = 'tapez votre mot de passe';
export const loginRequest = z.object({
  identifier,
  password: z.string(PASSWORD_MESSAGE).min(1, PASSWORD_MESSAGE).max(200),
});
const CURRENT_PASSWORD_MESSAGE =
  'tapez votre mot de passe actuel, celui qui vous a servi à vous connecter';
export const changePasswordRequest = z.object({
  currentPassword: z
    .string(CURRENT_PASSWORD_MESSAGE)
    .min(1, CURRENT_PASSWORD_MESSAGE)
    .max(200, '200 caractères au plus'),
  newPassword: password,
});
export const setPasswordRequest = z.object({ token: z.string().min(20).max(200), password });
export const forgotPasswordRequest = z.object({ identifier });
export const forgotIdentifierRequest = z.union([
  z.object({ lastName: name, matricule: insermMatricule }),
  z.object({ lastName: name, firstName: name, birthDate: isoDate }),
]);
/** A refusal of a sign-up: its reason is required, and quoted in the mail the person receives. */
export const signUpDecisionRequest = z.object({
  reason: reasonText('nous ne trouvons pas votre nom parmi les agents'),
});

/** Staff refuse several sign-up requests at once (duplicates, strangers), for one reason. */
export const signUpRefusals = signUpDecisionRequest.extend({
  requestIds: tickedIds('demande inconnue', {
    none: 'cochez au moins une demande à refuser',
    tooMany: 'refusez au plus 100 demandes à la fois',
  }),
});

/** POST /api/staff/sign-up-requests/refusals — the requests refused. */
export const signUpRefusalsAnswer = bulkAnswer(z.object({ id: z.string() }));

export const roles = ['member', 'staff', 'admin'] as const;
export type Role = (typeof roles)[number];
export const staffSectors = [
  'jeunesse',
  'vacances',
  'voyages',
  'sports',
  'loisirs-culture',
  'solidarite',
  'fiche-agent',
  /** The accounting desk: payout batches and exports across every sector. */
  'comptabilite',
] as const;
export type StaffSector = (typeof staffSectors)[number];

/** Each sector's name, as screens and the signature of its mails give it. */
export const SECTOR_NAMES: Readonly<Record<StaffSector, string>> = {
  jeunesse: 'Jeunesse',
  vacances: 'Vacances',
  voyages: 'Voyages',
  sports: 'Sports',
  'loisirs-culture': 'Loisirs-Culture',
  solidarite: 'Solidarité',
  'fiche-agent': 'Fiche Agent',
  comptabilite: 'Comptabilité',
};

export const sessionAnswer = z.object({
  user: z
    .object({
      id: z.string(),
      identifier: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      role: z.enum(roles),
      sectors: z.array(z.enum(staffSectors)),
      secondFactor: z.object({
        enrolled: z.boolean(),
        verified: z.boolean(),
        required: z.boolean(),
        methods: z.array(z.enum(['totp', 'passkey'])),
      }),
    })
    .nullable(),
  organization: z.object({
    id: z.enum(['inserm', 'cnrs']),
    name: z.string(),
    shortName: z.string(),
    /** Where members write (a confirmed place to cancel, a question). */
    contactEmail: z.string(),
    /** The committee's colour (#rrggbb), white text reads on it. */
    brandColour: z.string(),
    /** Its logo's address (PNG), when its admin gave one. */
    logoUrl: z.string().nullable(),
    /** The committee's own words and what its rule packs hold, for the screens. */
    texts: z.object({
      tagline: z.string(),
      /** "Acompte" (Inserm) or "Arrhes" (CNRS): what its pack calls the deposit. */
      depositLabel: z.string(),
      annualCeiling: z.boolean(),
      skiAid: z.boolean(),
    }),
  }),
  /** The committee's calendar day (YYYY-MM-DD). */
  today: z.string(),
});
export type SessionAnswer = z.infer<typeof sessionAnswer>;

/**
 * What a login asks next: nothing, the second factor of the account (`verify`), or — for staff
 * and admins without one — to enrol one before the back office opens (`enrol`).
 */
export const loginAnswer = z.object({ secondFactor: z.enum(['none', 'verify', 'enrol']) });
export type LoginAnswer = z.infer<typeof loginAnswer>;

/** A code of the authenticator app (6 digits) or a recovery code (XXXXX-XXXXX). */
export const secondFactorCode = z.object({
  code: z
    .string('saisissez les 6 chiffres de votre application, par exemple 123456')
    .trim()
    .regex(
      /^(\d{3} ?\d{3}|[0-9A-Fa-f]{5}-?[0-9A-Fa-f]{5})$/,
      'saisissez les 6 chiffres de votre application, par exemple 123456, ou un code de secours comme 4F2A9-C07B1',
    ),
});

/** The browser's answer to a WebAuthn ceremony (checked by the server's WebAuthn library). */
export const passkeyResponse = z.object({
  id: z.string().min(1).max(1_400),
  rawId: z.string().min(1).max(1_400),
  type: z.literal('public-key'),
  response: z.record(z.string(), z.unknown()),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.string().max(40).optional(),
});
export const newPasskey = z.object({
  name: text(60),
  response: passkeyResponse,
});

/** POST /api/session/second-factor — passed; how many recovery codes are left when one was used. */
export const secondFactorPassed = z.object({ recoveryCodesLeft: z.number().int().nullable() });

/** POST /api/me/second-factor/totp — the secret for the authenticator app: as text, link, QR code. */
export const totpEnrolment = z.object({ secret: z.string(), uri: z.string(), qrCode: z.string() });

/** The recovery codes, shown once. */
const recoveryCodes = z.array(z.string()).readonly();

/** A second factor added: the account's first recovery codes, or null when it already had some. */
export const secondFactorAdded = z.object({ recoveryCodes: recoveryCodes.nullable() });

/** POST /api/me/second-factor/recovery-codes — new codes; the old ones no longer work. */
export const renewedRecoveryCodes = z.object({ recoveryCodes });

/** The options of a WebAuthn ceremony for the browser, as the server's WebAuthn library writes them. */
export const passkeyOptions = z.looseObject({ challenge: z.string() });

/** An admin's reset of an account's second factor, with the reason the audit log keeps. */
export const secondFactorReset = z.object({
  reason: text(300).refine(
    (r) => r.length >= 5,
    'indiquez la raison, par exemple « téléphone perdu »',
  ),
});

/** The neutral answer of every recovery request: it never says whether an account exists. */
export const recoveryAnswer = z.object({ message: z.string() });

export const signUpRequestSummary = z.object({
  id: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  email: z.string(),
  birthDate: z.string(),
  matricule: z.string().nullable(),
  couple: z.boolean(),
  children: z.number().int(),
  /** The children declared, by first name and date of birth. */
  childrenList: z.array(z.object({ firstName: z.string(), birthDate: z.string() })),
  /** Why this may be someone already known: an account or another request that looks the same. */
  likelyDuplicates: z.array(z.string()),
  status: z.enum(['pending', 'approved', 'rejected']),
  createdAt: z.string(),
});
export type SignUpRequestSummary = z.infer<typeof signUpRequestSummary>;

/** GET /api/me/second-factor — the account's second factors: never their secrets. */
export const secondFactorSummary = z.object({
  totp: z.boolean(),
  recoveryCodesLeft: z.number().int(),
  passkeys: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        createdAt: z.string(),
        lastUsedAt: z.string().nullable(),
      }),
    )
    .readonly(),
});
export type SecondFactorSummary = z.infer<typeof secondFactorSummary>;

/** GET /api/admin/staff-accounts — the staff and admin accounts, with whether they enrolled a second factor. */
export const staffAccountsAnswer = z.object({
  accounts: z.array(
    z.object({
      id: z.string(),
      identifier: z.string(),
      /** « Prénom Nom ». */
      name: z.string(),
      role: z.enum(['staff', 'admin']),
      sectors: z.array(z.string()),
      enrolled: z.boolean(),
    }),
  ),
});
export type StaffAccount = z.infer<typeof staffAccountsAnswer>['accounts'][number];

/** GET /api/staff/home — what waits in each of the staff member's queues. */
export const staffQueuesAnswer = z.object({
  queues: z.array(
    z.object({ key: z.string(), label: z.string(), count: z.number().int(), link: z.string() }),
  ),
});
export type StaffQueue = z.infer<typeof staffQueuesAnswer>['queues'][number];
