import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/database.ts';
import { HttpError } from '../../http.ts';
import { newToken } from './secrets.ts';

export const CSRF_COOKIE = 'entraide_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** Who a visitor without a session is, so that a token is bound to someone even before login. */
const VISITOR_COOKIE = 'entraide_visitor';
const SESSION_COOKIE = 'entraide_session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Paths a program may call without a browser's cookies: they change nothing. */
const CSRF_EXEMPT = new Set([
  '/api/v1/simulations',
  // Sent by the payment providers, not by a browser: their signature is checked instead.
  '/api/payments/notifications/stripe',
  '/api/payments/notifications/lyra',
  '/api/payments/notifications/local',
]);

/** Whether a token or signature sent is the one expected, compared in constant time. */
export function matchesSecret(given: unknown, expected: string): boolean {
  return (
    typeof given === 'string' &&
    given.length === expected.length &&
    timingSafeEqual(Buffer.from(given), Buffer.from(expected))
  );
}

/** A secret of the whole committee, made once and shared by every app node through the database. */
export async function sharedSecret(db: Queryable, name: string): Promise<Buffer> {
  await db.query(
    'INSERT INTO app_secrets (name, secret) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING',
    [name, randomBytes(32).toString('hex')],
  );
  const [row] = await db.query<{ secret: string }>(
    'SELECT secret FROM app_secrets WHERE name = $1',
    [name],
  );
  if (!row) throw new Error(`secret ${name} missing`);
  return Buffer.from(row.secret, 'hex');
}

/**
 * CSRF tokens bound to the session (decision 0006): the token is an HMAC of the session cookie,
 * or of the visitor's cookie before login, with the committee's secret. The web app reads it from
 * a cookie and sends it back in a header; a cookie planted by another site is worth nothing, since
 * the server recomputes what the token of this session must be.
 */
export class CsrfTokens {
  constructor(private readonly key: Buffer) {}

  static async load(db: Queryable): Promise<CsrfTokens> {
    return new CsrfTokens(await sharedSecret(db, 'csrf'));
  }

  private tokenOf(bearer: string): string {
    return createHmac('sha256', this.key).update(bearer).digest('base64url');
  }

  /** What the token of this request's session (or visitor) is. */
  private expected(request: FastifyRequest): string | null {
    const session = request.cookies[SESSION_COOKIE];
    if (session) return this.tokenOf(`session:${session}`);
    const visitor = request.cookies[VISITOR_COOKIE];
    return visitor ? this.tokenOf(`visitor:${visitor}`) : null;
  }

  /**
   * Gives the browser the token of its session — `sessionToken` when one was just opened, none
   * when it was just closed — and a visitor cookie when it has neither.
   */
  issue(request: FastifyRequest, reply: FastifyReply, sessionToken?: string | null): void {
    const options = {
      path: '/',
      secure: request.protocol === 'https',
      sameSite: 'strict' as const,
    };
    let bearer: string;
    const session = sessionToken === undefined ? request.cookies[SESSION_COOKIE] : sessionToken;
    if (session) bearer = `session:${session}`;
    else {
      let visitor = request.cookies[VISITOR_COOKIE];
      if (!visitor) {
        visitor = newToken();
        reply.setCookie(VISITOR_COOKIE, visitor, { ...options, httpOnly: true });
      }
      bearer = `visitor:${visitor}`;
    }
    const token = this.tokenOf(bearer);
    if (request.cookies[CSRF_COOKIE] !== token || sessionToken !== undefined)
      reply.setCookie(CSRF_COOKIE, token, { ...options, httpOnly: false });
  }

  /** Every state-changing API request carries its session's token in the header. */
  check(request: FastifyRequest): void {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    if (CSRF_EXEMPT.has(request.url.split('?')[0] ?? '')) return;
    const expected = this.expected(request);
    const header = request.headers[CSRF_HEADER];
    if (expected === null || !matchesSecret(header, expected))
      throw new HttpError(
        403,
        'csrf',
        'Jeton de sécurité manquant ou expiré. Rechargez la page puis réessayez.',
      );
  }
}
