import type { Writable } from 'node:stream';
import type { FastifyServerOptions } from 'fastify';

/** One-time links, card checks and the like carry their secret in the address. */
const SECRET_IN_PATH = /^\/(api\/cards|carte)\/[^/?]+/;

/**
 * An address as the logs keep it: the path with a card's token hidden, and the query's names
 * without their values (a password reset link's token is one).
 */
export function loggedUrl(url: string): string {
  const [path = '', query] = url.split('?', 2);
  const shown = path.replace(SECRET_IN_PATH, (_match, prefix: string) => `/${prefix}/[masqué]`);
  if (!query) return shown;
  const names = [...new URLSearchParams(query).keys()];
  return `${shown}?${names.map((name) => `${name}=[masqué]`).join('&')}`;
}

/** A database error's values (the row it refused, the statement's parameters), in any log line. */
export const HIDDEN_FROM_LOGS = {
  paths: ['err.detail', 'err.parameters', 'err.where'],
  censor: '[masqué]',
};

/**
 * Fastify's JSON logs (pino), one line per request with its id, that never hold a secret or a
 * personal figure: no header is logged (cookies, the CSRF token), no body (passwords, IBANs,
 * incomes), the address without its secrets, and a database error without its values.
 */
export const requestLogs = (stream?: Writable): NonNullable<FastifyServerOptions['logger']> => ({
  level: 'info',
  ...(stream ? { stream } : {}),
  redact: HIDDEN_FROM_LOGS,
  serializers: {
    req: (request: { method: string; url: string; id: string }) => ({
      method: request.method,
      url: loggedUrl(request.url),
    }),
  },
});
