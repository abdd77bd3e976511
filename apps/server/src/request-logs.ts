import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
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

/** What a proxy's request id may be: a UUID, a trace id, letters, digits and `._:-`. */
const PROXY_REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * A request's id, in every log line and in the answer: the proxy's (`X-Request-Id`) when it is
 * an id, else a new UUID — a client's 8 kB or its spaces and quotes never reach the logs.
 */
export function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && PROXY_REQUEST_ID.test(given) ? given : randomUUID();
}
