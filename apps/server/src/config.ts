import { resolve } from 'node:path';
import { ibanProblem, isBic } from '@entraide/contract';
import { z } from 'zod';

/** The environment the server reads, validated at start-up (a wrong value stops it with the reason). */
const environment = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'postgres://… attendu')
    .optional(),
  /** PostgreSQL connections of each node (its pool); the nodes' sum stays under max_connections. */
  DATABASE_POOL_SIZE: z.coerce
    .number('nombre de connexions attendu, par exemple 10')
    .int('nombre entier de connexions attendu, par exemple 10')
    .min(2, 'au moins 2 connexions, par exemple 10')
    .max(200, 'au plus 200 connexions, par exemple 10')
    .optional(),
  DATA_DIR: z.string().default('data'),
  ORGANIZATION: z.enum(['inserm', 'cnrs']).default('inserm'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'smtp://… attendu')
    .optional(),
  MAIL_FROM: z.string().default('Entraide <no-reply@entraide.local>'),
  PUBLIC_URL: z.url().optional(),
  PACKS_DIR: z.string().optional(),
  TODAY: z.iso.date('AAAA-MM-JJ attendu').optional(),
  RETENTION_INCOME_PROOF_YEARS: z.coerce.number().int().min(1).max(10).default(3),
  /** Where the ANTS trust list of 2D-DOC certificates is installed (trust-list.json). */
  TRUST_LIST_DIR: z.string().optional(),
  /** Validate as sent a Fiche whose only changes are incomes its verified notices prove. */
  AUTO_VALIDATE_VERIFIED_NOTICES: z
    .enum(['true', 'false'], 'true ou false attendu')
    .default('false')
    .transform((value) => value === 'true'),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(\d{1,2}|[\w.:/-]+(,[\w.:/-]+)*)$/,
      'nombre de proxys (1) ou leurs adresses séparées par des virgules (10.0.0.2,10.0.0.3)',
    )
    .optional(),
  COMMITTEE_IBAN: z
    .string()
    .refine(
      (value) => /^[A-Z0-9]+$/.test(value) && ibanProblem(value) === null,
      'IBAN valide sans espaces attendu',
    )
    .optional(),
  COMMITTEE_BIC: z
    .string()
    .refine(
      (value) => value === value.toUpperCase() && isBic(value),
      'BIC attendu (8 ou 11 caractères)',
    )
    .optional(),
  /** The bearer token Prometheus sends to read /metrics. */
  METRICS_TOKEN: z.string().min(16, 'jeton de 16 caractères au moins attendu').optional(),
  /** Online payments: stripe, or lyra (PayZen, Systempay…); none: the local test provider in development. */
  PAYMENT_PROVIDER: z.enum(['stripe', 'lyra'], 'stripe ou lyra attendu').optional(),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, 'sk_test_… ou sk_live_… attendu')
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\w+$/, 'whsec_… attendu')
    .optional(),
  LYRA_SITE_ID: z
    .string()
    .regex(/^\d{8}$/, 'identifiant de boutique de 8 chiffres attendu')
    .optional(),
  LYRA_KEY: z.string().min(16, 'clé de 16 caractères au moins attendue').optional(),
  LYRA_MODE: z.enum(['TEST', 'PRODUCTION'], 'TEST ou PRODUCTION attendu').default('TEST'),
  LYRA_FORM_URL: z.url().default('https://secure.lyra.com/vads-payment/'),
  /** Refunds through Lyra's REST API: the shop's REST password (back office, Clés d’API REST). */
  LYRA_REST_PASSWORD: z.string().min(8, 'mot de passe de 8 caractères au moins attendu').optional(),
  LYRA_REST_URL: z.url().default('https://api.lyra.com/api-payment/V4'),
  /** The committee's SIRET, printed on its invoices and documents (14 digits). */
  COMMITTEE_SIRET: z
    .string()
    .regex(/^\d{14}$/, 'SIRET de 14 chiffres sans espaces attendu')
    .optional(),
});

/**
 * The demo's calendar day, in the season of each committee's newest complete rule pack:
 * registrations for the summer stays are open.
 */
export const DEMO_DAYS = { inserm: '2021-04-15', cnrs: '2020-03-16' } as const;

/** The demo committee's account (a valid French test IBAN). */
const DEMO_COMMITTEE_ACCOUNT = { iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP882' };

export interface Config {
  readonly production: boolean;
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | null;
  /** DATABASE_POOL_SIZE: the node's PostgreSQL connections, when not the default (10). */
  readonly databasePoolSize: number | null;
  readonly dataDir: string;
  readonly organization: 'inserm' | 'cnrs';
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  /** The address the e-mails' links point to. */
  readonly publicUrl: string;
  readonly packsDir: string | null;
  /**
   * The committee's calendar day (closings, deposits, ages), when fixed: in development it is the
   * demo day, in the season of the newest complete rule pack; in production, the real date.
   */
  readonly today: string | null;
  /** The committee's bank account, debited by the payouts (SEPA credit transfers). */
  readonly committeeAccount: { iban: string; bic: string } | null;
  /** The committee's SIRET for its documents, when configured. */
  readonly committeeSiret: string | null;
  /** The token /metrics asks for, when set (`METRICS_TOKEN`); none: open, as in development. */
  readonly metricsToken: string | null;
  /**
   * Which reverse proxies' X-Forwarded-For to believe (the client's address counts login
   * attempts): none unless configured, a number of hops, or the proxies' addresses.
   */
  readonly trustProxy: false | number | string[];
  /** Years after a Fiche Agent's year that its income proofs are kept (docs/operations.md). */
  readonly retentionIncomeProofYears: number;
  /** The folder of the ANTS trust list (trust-list.json) that checks tax notices' codes. */
  readonly trustListDir: string | null;
  /** AUTO_VALIDATE_VERIFIED_NOTICES (docs/decisions/0021). */
  readonly autoValidateVerifiedNotices: boolean;
  /** Mails are kept and shown at /dev/mail (development without SMTP). */
  readonly devMail: boolean;
  /**
   * Who takes online payments: Stripe or a Lyra form (configured), the local test provider
   * (development without one), or nobody (production without one: no « Payer » button).
   */
  readonly payments: PaymentSettings | null;
}

export type PaymentSettings =
  | { readonly provider: 'local' }
  | { readonly provider: 'stripe'; readonly secretKey: string; readonly webhookSecret: string }
  | {
      readonly provider: 'lyra';
      readonly siteId: string;
      readonly key: string;
      readonly mode: 'TEST' | 'PRODUCTION';
      readonly formUrl: string;
      readonly rest: { readonly password: string; readonly url: string } | null;
    };

/** The settings each provider needs, said at start-up when one is missing. */
const PROVIDER_REQUIRED = {
  stripe: ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'],
  lyra: ['LYRA_SITE_ID', 'LYRA_KEY'],
} as const;

/**
 * What production cannot guess: the shared database (several nodes, no embedded one), the mail
 * server, the address in mails and links, the committee's account for payout files.
 */
const PRODUCTION_REQUIRED = [
  'DATABASE_URL',
  'SMTP_URL',
  'PUBLIC_URL',
  'COMMITTEE_IBAN',
  'COMMITTEE_BIC',
] as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Configuration invalide :\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  /** Stops the start with every variable `names` lists that is not set, and why it is needed. */
  const requireSet = (names: readonly (keyof typeof e)[], when: string) => {
    const missing = names.filter((name) => !e[name]);
    if (missing.length > 0)
      throw new Error(
        `Configuration invalide :\n${missing.map((name) => `  ${name}: obligatoire ${when}`).join('\n')}`,
      );
  };
  if (production) requireSet(PRODUCTION_REQUIRED, 'en production');
  // Behind the proxy that encrypts (PUBLIC_URL in https), a node must trust it: else it sees
  // every request in plain http (its cookies not marked Secure) and from the proxy's address
  // (one person's failed logins would block everyone's).
  if (production && e.PUBLIC_URL?.startsWith('https:'))
    requireSet(
      ['TRUST_PROXY'],
      'en production derrière le proxy https de PUBLIC_URL (1 pour un proxy)',
    );
  if (e.PAYMENT_PROVIDER)
    requireSet(
      PROVIDER_REQUIRED[e.PAYMENT_PROVIDER],
      `avec PAYMENT_PROVIDER=${e.PAYMENT_PROVIDER}`,
    );
  return {
    production,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? null,
    databasePoolSize: e.DATABASE_POOL_SIZE ?? null,
    dataDir: resolve(e.DATA_DIR),
    organization: e.ORGANIZATION,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    packsDir: e.PACKS_DIR ?? null,
    today: e.TODAY ?? (production ? null : DEMO_DAYS[e.ORGANIZATION]),
    committeeSiret: e.COMMITTEE_SIRET ?? null,
    metricsToken: e.METRICS_TOKEN ?? null,
    committeeAccount:
      e.COMMITTEE_IBAN && e.COMMITTEE_BIC
        ? { iban: e.COMMITTEE_IBAN, bic: e.COMMITTEE_BIC }
        : production
          ? null
          : DEMO_COMMITTEE_ACCOUNT,
    trustProxy: !e.TRUST_PROXY
      ? false
      : /^\d+$/.test(e.TRUST_PROXY)
        ? Number(e.TRUST_PROXY)
        : e.TRUST_PROXY.split(','),
    retentionIncomeProofYears: e.RETENTION_INCOME_PROOF_YEARS,
    trustListDir: e.TRUST_LIST_DIR ?? null,
    autoValidateVerifiedNotices: e.AUTO_VALIDATE_VERIFIED_NOTICES,
    devMail: !production && !e.SMTP_URL,
    payments: paymentSettings(e, production),
  };
}

function paymentSettings(
  e: z.infer<typeof environment>,
  production: boolean,
): PaymentSettings | null {
  if (e.PAYMENT_PROVIDER === 'stripe')
    return {
      provider: 'stripe',
      secretKey: e.STRIPE_SECRET_KEY ?? '',
      webhookSecret: e.STRIPE_WEBHOOK_SECRET ?? '',
    };
  if (e.PAYMENT_PROVIDER === 'lyra')
    return {
      provider: 'lyra',
      siteId: e.LYRA_SITE_ID ?? '',
      key: e.LYRA_KEY ?? '',
      mode: e.LYRA_MODE,
      formUrl: e.LYRA_FORM_URL,
      rest: e.LYRA_REST_PASSWORD
        ? { password: e.LYRA_REST_PASSWORD, url: e.LYRA_REST_URL.replace(/\/$/, '') }
        : null,
    };
  return production ? null : { provider: 'local' };
}
