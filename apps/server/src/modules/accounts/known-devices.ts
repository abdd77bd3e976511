import { createHmac } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/database.ts';
import { matchesSecret, sharedSecret } from './csrf.ts';
import { newToken } from './secrets.ts';

const DEVICE_COOKIE = 'entraide_device';
const A_YEAR = 365 * 24 * 3600;

/**
 * The devices that signed in to an identifier before (OWASP's « device cookies »): a browser
 * whose password was right gets a cookie, `nonce.HMAC(identifier, nonce)` with the committee's
 * secret. Its next logins to that identifier are counted on their own (`loginPerDevice`), not
 * with the identifier's nor the network's: a stranger's guesses never lock a member out of the
 * computer they use, nor thirty typos at an institute's one address all its agents (decision
 * 0040). One identifier a browser: the last one signed in.
 */
export class KnownDevices {
  constructor(private readonly key: Buffer) {}

  static async load(db: Queryable): Promise<KnownDevices> {
    return new KnownDevices(await sharedSecret(db, 'known-devices'));
  }

  private mac(identifier: string, nonce: string): string {
    return createHmac('sha256', this.key).update(`${identifier}\n${nonce}`).digest('base64url');
  }

  /** The device's nonce, if its cookie is one given on a login to `identifier`. */
  of(request: FastifyRequest, identifier: string): string | null {
    const [nonce = '', mac] = (request.cookies[DEVICE_COOKIE] ?? '').split('.');
    return nonce !== '' && matchesSecret(mac, this.mac(identifier, nonce)) ? nonce : null;
  }

  /** After a right password: the device known for `identifier`, for a year (sent to login only). */
  remember(request: FastifyRequest, reply: FastifyReply, identifier: string): void {
    if (this.of(request, identifier) !== null) return;
    const nonce = newToken();
    reply.setCookie(DEVICE_COOKIE, `${nonce}.${this.mac(identifier, nonce)}`, {
      path: '/api/session',
      httpOnly: true,
      sameSite: 'strict',
      secure: request.protocol === 'https',
      maxAge: A_YEAR,
    });
  }
}
