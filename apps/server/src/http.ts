import { issuesOf, isReadableText, UNREADABLE_TEXT_MESSAGE } from '@entraide/contract';
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

export const notFound = (): HttpError => new HttpError(404, 'not_found', 'Introuvable.');
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

/**
 * The paths of every string in a parsed request part that no person could have typed. `path` is
 * where the walk is, pushed and popped as it goes: a path is copied only for a string refused.
 */
function unreadablePaths(value: unknown, path: string[], found: string[][]): string[][] {
  const visit = (item: unknown, step: string) => {
    path.push(step);
    unreadablePaths(item, path, found);
    path.pop();
  };
  if (typeof value === 'string') {
    if (!isReadableText(value)) found.push([...path]);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      visit(item, String(i));
    });
  } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (!isReadableText(key)) found.push([...path, '']);
      else visit(item, key);
    }
  }
  return found;
}

/**
 * Every text of every request — body, query string, path — is refused at once, field by field,
 * when it holds a control character or invalid Unicode, before any route reads it: the contract's
 * `text()` says the same on the forms, and no such string ever reaches the database.
 */
export function refuseUnreadableText(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const found = unreadablePaths(request.params, [], []);
    unreadablePaths(request.query, [], found);
    unreadablePaths(request.body, [], found);
    if (found.length > 0)
      throw new z.ZodError(
        found.map((path) => ({
          code: 'custom' as const,
          path,
          message: UNREADABLE_TEXT_MESSAGE,
          input: undefined,
        })),
      );
    done();
  });
}

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
      return reply.status(503).header('retry-after', '5').send({
        error: 'unavailable',
        message: 'Le service est momentanément indisponible : réessayez dans quelques secondes.',
      });
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
    if (statusCode >= 400 && statusCode < 500) {
      const message =
        statusCode === 413
          ? 'Requête trop volumineuse.'
          : statusCode === 415
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
