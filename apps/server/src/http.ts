import {
  issuesOf,
  isReadableText,
  MOST_ISSUES,
  UNREADABLE_TEXT_MESSAGE,
  type FileLimit,
} from '@entraide/contract';
import { formatIsoDate, RulesError } from '@entraide/rules';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { errorCode, isDatabaseUnavailable, isRetryable } from './db/database.ts';
import { addDays } from './modules/billing/working-days.ts';

/**
 * PostgreSQL's class 22 (data exception: a date or number out of range, a byte it cannot store):
 * the contract should have refused the value; if one slips through, it is still the input's fault.
 */
const isDataException = (error: unknown): boolean => /^22[0-9A-Z]{3}$/.test(errorCode(error));

/** An answer other than 2xx that a person should read: stable code, French message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The answer of a node that cannot serve for a moment: its database away, or the node stopping. */
export const UNAVAILABLE = {
  error: 'unavailable',
  message: 'Le service est momentanément indisponible : réessayez dans quelques secondes.',
} as const;

export const notFound = (): HttpError => new HttpError(404, 'not_found', 'Introuvable.');

/**
 * A change made on the revision its page read (`seen`; undefined: a caller that does not say),
 * refused (409 `code`) when the row, read under its lock, was saved since: never written over
 * what someone else saved (decision 0039).
 */
export function refuseIfSavedSince(
  seen: number | undefined,
  revision: number,
  code: string,
  message: string,
): void {
  if (seen !== undefined && seen !== revision) throw new HttpError(409, code, message);
}
/**
 * Whether the rows a confirmation showed (`shown`, their ids) are the rows found now under their
 * locks: an action is made on what the person read, or refused (decision 0048).
 */
export const sameIds = (shown: readonly string[], now: readonly { id: string }[]): boolean => {
  const ids = new Set(shown);
  return ids.size === now.length && now.every(({ id }) => ids.has(id));
};

/** An id from a URL: a UUID, or 404 before any query (a malformed id names nothing). */
export function requireUuid(id: string): string {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw notFound();
  return id;
}

export const forbidden = (): HttpError =>
  new HttpError(403, 'forbidden', 'Vous n’avez pas accès à cette page.');

/** Parses a request part with a contract schema; a mismatch becomes a 400 listing each field. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  return schema.parse(value);
}

/**
 * A private file answer (PDF, CSV…), never cached. What the app made is shown in the browser;
 * what a person uploaded is an attachment in a sandbox, so it never runs in the app's origin.
 */
export const sendFile = (
  reply: FastifyReply,
  type: string,
  name: string,
  bytes: Uint8Array | string,
  origin: 'made' | 'uploaded' = 'made',
): FastifyReply => {
  if (origin === 'uploaded') reply.header('content-security-policy', "sandbox; default-src 'none'");
  return reply
    .type(type)
    .header(
      'content-disposition',
      `${origin === 'made' ? 'inline' : 'attachment'}; filename="${encodeURIComponent(name)}"`,
    )
    .header('cache-control', 'private, no-store')
    .send(typeof bytes === 'string' ? bytes : Buffer.from(bytes));
};

/** A public picture: its address changes with its content, so caches may keep it. */
export const sendPicture = (reply: FastifyReply, type: string, bytes: Uint8Array): FastifyReply =>
  reply
    .type(type)
    .header('cache-control', 'public, max-age=31536000, immutable')
    .send(Buffer.from(bytes));

/** A refusal of fields that only the server can judge, answered like a schema mismatch. */
export const invalidFields = (
  issues: readonly { readonly path: string; readonly message: string }[],
): z.ZodError =>
  new z.ZodError(
    issues.map(({ path, message }) => ({
      code: 'custom',
      path: path.split('.'),
      message,
      input: undefined,
    })),
  );
export const invalidField = (path: string, message: string): z.ZodError =>
  invalidFields([{ path, message }]);

/** Refuses, all at once, the issues a check found; none: nothing happens. */
export function refuseIssues(
  issues: readonly { readonly path: string; readonly message: string }[],
): void {
  if (issues.length > 0) throw invalidFields(issues);
}

/**
 * A date within what makes sense for its meaning, around the committee's day (a payment is not
 * received next year nor ten years ago); otherwise a 400 on the field that says the range.
 */
export function requireDayWithin(
  path: string,
  day: string,
  today: string,
  range: { readonly pastDays: number; readonly futureDays: number },
  what: string,
): void {
  const first = addDays(today, -range.pastDays);
  const last = addDays(today, range.futureDays);
  if (day < first || day > last)
    throw invalidField(
      path,
      `${what} entre le ${formatIsoDate(first)} et le ${formatIsoDate(last)}, par exemple le ${formatIsoDate(today)}`,
    );
}

/** Engine field names as the public API spells them (SPEC §8). */
const API_NAMES: Record<string, string> = {
  taxIncomeEuros: 'rfrEuros',
  spouseTaxIncomeEuros: 'spouseRfrEuros',
};
const apiPath = (path: string): string =>
  path
    .split('.')
    .map((part) => API_NAMES[part] ?? part)
    .join('.');

const RULES_STATUS: Record<RulesError['code'], number> = {
  invalid_input: 400,
  invalid_pack: 422,
  unknown_pack: 422,
  missing_parameter: 422,
  not_allowed: 403,
};

/** Where a walk through a request part is: the key or index of each step from the top. */
interface Step {
  readonly parent: Step | null;
  readonly key: string;
  readonly depth: number;
}

const pathOf = (step: Step | null): string[] => {
  const path: string[] = [];
  for (let at = step; at; at = at.parent) path.push(at.key);
  return path.reverse();
};

const stepInto = (parent: Step | null, key: string): Step => ({
  parent,
  key,
  depth: (parent?.depth ?? 0) + 1,
});

/**
 * How deep a request's JSON may nest: a barème draft, the deepest the app receives, nests 7
 * levels. Deeper is no person's input, and would overflow a stack further on (JSON.stringify,
 * PostgreSQL's jsonb parser).
 */
const MAX_NESTING = 32;

const NESTING_MESSAGE = `ces données s’imbriquent sur plus de ${String(MAX_NESTING)} niveaux (crochets ou accolades les uns dans les autres) : aucun formulaire n’en envoie autant, un barème en compte 7, par exemple { "grids": { "standard": { … } } }`;

/** Stands, in the walk below, for an object's key that no person could have typed. */
const REFUSED_KEY = Symbol('refused key');

/**
 * What no person could have typed in a parsed request part, in the order it stands in it: each
 * string (or key) with a control character or invalid Unicode, and the first group nested deeper
 * than MAX_NESTING — named by the part's field that holds it (the whole part when it is a list).
 * The walk keeps its own stack, not the call stack: a body nested thousands deep (`[[[[…]]]]`) is
 * walked as any other. A path is only worked out for what is refused, and the walk stops at the
 * MOST_ISSUES an answer lists.
 */
function unfitIssues(part: unknown, found: z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const pending: { readonly value: unknown; readonly at: Step | null }[] = [
    { value: part, at: null },
  ];
  const refuse = (at: Step | null, message: string) =>
    found.push({ code: 'custom', path: pathOf(at), message, input: undefined });
  for (let next = pending.pop(); next && found.length < MOST_ISSUES; next = pending.pop()) {
    const { value, at } = next;
    const group = value !== null && typeof value === 'object' && !Buffer.isBuffer(value);
    if (value === REFUSED_KEY || (typeof value === 'string' && !isReadableText(value)))
      refuse(at, UNREADABLE_TEXT_MESSAGE);
    else if (group && (at?.depth ?? 0) >= MAX_NESTING) {
      let field = at;
      while (field?.parent) field = field.parent;
      refuse(Array.isArray(part) ? null : field, NESTING_MESSAGE);
      break;
    } else if (Array.isArray(value))
      for (let i = value.length - 1; i >= 0; i -= 1)
        pending.push({ value: value[i], at: stepInto(at, String(i)) });
    else if (group)
      for (const [key, item] of Object.entries(value).reverse())
        pending.push(
          isReadableText(key)
            ? { value: item, at: stepInto(at, key) }
            : { value: REFUSED_KEY, at: stepInto(at, '') },
        );
  }
  return found;
}

/**
 * Every text of every request — body, query string, path — is refused at once, field by field,
 * when it holds a control character or invalid Unicode, before any route reads it: the contract's
 * `text()` says the same on the forms, and no such string ever reaches the database. So is a body
 * nested deeper than any form sends.
 */
export function refuseUnreadableText(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    // The web app's pages are served whatever their address holds: the page shows the refusal
    // of the API call it makes with it, on its field, rather than the browser a JSON answer.
    if (request.routeOptions.url === '/*') {
      done();
      return;
    }
    const found = unfitIssues(request.params, []);
    unfitIssues(request.query, found);
    unfitIssues(request.body, found);
    if (found.length > 0) throw new z.ZodError(found);
    done();
  });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What a request over the route's body limit is told (413), when it is not a form's. */
    readonly tooLarge?: string;
  }
}

/**
 * The options of a route that receives a file as it is: Fastify refuses a body over `limit`
 * before reading it, and the error handler answers with the limit's own sentence (413).
 */
export const fileUpload = (limit: FileLimit) => ({
  bodyLimit: limit.bytes,
  config: { tooLarge: limit.message },
});

const FORM_TOO_LARGE_MESSAGE =
  'Ces données dépassent 1 Mo, bien plus qu’aucun formulaire n’en envoie : vérifiez qu’aucun champ n’a reçu par erreur un long texte collé.';

/** One place turns every failure into its answer: never a 500 for bad input, never a stack trace. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (error instanceof z.ZodError)
      return reply.status(400).send({ error: 'invalid_input', issues: issuesOf(error) });
    if (error instanceof HttpError)
      return reply.status(error.status).send({ error: error.code, message: error.message });
    if (error instanceof RulesError) {
      const status = RULES_STATUS[error.code];
      if (status === 400) {
        return reply.status(400).send({
          error: 'invalid_input',
          issues: error.issues.map((issue) => ({ ...issue, path: apiPath(issue.path) })),
        });
      }
      return reply.status(status).send({ error: error.code, message: error.message });
    }
    if (isRetryable(error))
      return reply.status(503).header('retry-after', '2').send({
        error: 'busy',
        message:
          'Ce dossier est modifié par quelqu’un d’autre au même moment : réessayez dans quelques secondes.',
      });
    if (isDatabaseUnavailable(error)) {
      request.log.warn(error);
      return reply.status(503).header('retry-after', '5').send(UNAVAILABLE);
    }
    if (isDataException(error)) {
      request.log.warn(error);
      return reply.status(400).send({
        error: 'invalid_input',
        issues: [
          {
            path: '',
            message:
              'Une valeur saisie n’est pas valide (date ou nombre hors des limites, caractère spécial) : vérifiez le formulaire.',
          },
        ],
      });
    }
    const statusCode =
      'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    // A body over its route's limit: the route's own words (a document, a picture), else a form's.
    if (statusCode === 413)
      return reply.status(413).send({
        error: 'too_large',
        message: request.routeOptions.config.tooLarge ?? FORM_TOO_LARGE_MESSAGE,
      });
    if (statusCode >= 400 && statusCode < 500) {
      const message =
        statusCode === 415
          ? 'Type de contenu non pris en charge : JSON attendu.'
          : 'Requête invalide : JSON attendu.';
      return reply
        .status(statusCode)
        .send({ error: 'invalid_input', issues: [{ path: '', message }] });
    }
    request.log.error(error);
    return reply.status(500).send({
      error: 'internal',
      message: 'Une erreur interne est survenue. Réessayez plus tard.',
    });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ error: 'not_found', message: `Introuvable : ${request.method} ${request.url}` }),
  );
}
