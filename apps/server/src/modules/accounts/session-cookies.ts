import {
  activitySectors,
  type ActivitySector,
  type Role,
  type StaffSector,
} from '@entraide/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../db/database.ts';
import { forbidden, HttpError, notFound, requireUuid } from '../../http.ts';
import { newToken, tokenHash } from './secrets.ts';

export const SESSION_COOKIE = 'entraide_session';
export const CSRF_COOKIE = 'entraide_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SESSION_HOURS = 12;

export interface CurrentUser {
  readonly id: string;
  readonly identifier: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly role: Role;
  readonly sectors: readonly StaffSector[];
}

const cookieOptions = (request: FastifyRequest) => ({
  path: '/',
  sameSite: 'lax' as const,
  secure: request.protocol === 'https',
});

/** Opens a session: a random token in an httpOnly cookie, its hash in the database. */
export async function openSession(
  db: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
): Promise<void> {
  const token = newToken();
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3))`,
    [tokenHash(token), userId, SESSION_HOURS],
  );
  reply.setCookie(SESSION_COOKIE, token, {
    ...cookieOptions(request),
    httpOnly: true,
    maxAge: SESSION_HOURS * 3600,
  });
}

export async function closeSession(
  db: Database,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  if (token) await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash(token)]);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The user of the request's session, or null. */
export async function currentUser(
  db: Database,
  request: FastifyRequest,
): Promise<CurrentUser | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const [row] = await db.query<{
    id: string;
    identifier: string;
    first_name: string;
    last_name: string;
    email: string;
    role: Role;
    sectors: StaffSector[];
  }>(
    `SELECT u.id, u.identifier, u.first_name, u.last_name, u.email, u.role, u.sectors
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [tokenHash(token)],
  );
  return row
    ? {
        id: row.id,
        identifier: row.identifier,
        firstName: row.first_name,
        lastName: row.last_name,
        email: row.email,
        role: row.role,
        sectors: row.sectors,
      }
    : null;
}

export async function requireUser(db: Database, request: FastifyRequest): Promise<CurrentUser> {
  const user = await currentUser(db, request);
  if (!user)
    throw new HttpError(401, 'unauthenticated', 'Connectez-vous pour accéder à cette page.');
  return user;
}

/** Staff of one of the sectors given (or any staff when none), or an admin. */
export async function requireStaff(
  db: Database,
  request: FastifyRequest,
  ...sectors: StaffSector[]
): Promise<CurrentUser> {
  const user = await requireUser(db, request);
  if (user.role === 'admin') return user;
  if (
    user.role === 'staff' &&
    (sectors.length === 0 || sectors.some((sector) => user.sectors.includes(sector)))
  )
    return user;
  throw forbidden();
}

/**
 * Staff of the sector a resource belongs to, with the resource. The caller is checked as staff of
 * an activity sector before the resource is read, so someone else learns nothing of it (not even
 * whether it exists); then its sector is required.
 */
export async function requireSectorStaff<R extends { readonly sector: string }>(
  db: Database,
  request: FastifyRequest,
  load: () => Promise<R>,
): Promise<{ staff: CurrentUser; resource: R }> {
  await requireStaff(db, request, ...activitySectors);
  const resource = await load();
  return { staff: await requireStaff(db, request, resource.sector as ActivitySector), resource };
}

/** The sector of a row of a table that has one (a request, a claim), or 404. */
export async function sectorRow(
  db: Database,
  table: 'registration_requests' | 'claims',
  id: string,
): Promise<{ sector: string }> {
  const [row] = await db.query<{ sector: string }>(`SELECT sector FROM ${table} WHERE id = $1`, [
    requireUuid(id),
  ]);
  if (!row) throw notFound();
  return row;
}

export async function requireAdmin(db: Database, request: FastifyRequest): Promise<CurrentUser> {
  const user = await requireUser(db, request);
  if (user.role !== 'admin') throw forbidden();
  return user;
}

/** Gives the browser a CSRF token cookie (read by the web app, sent back in a header). */
export function ensureCsrfCookie(request: FastifyRequest, reply: FastifyReply): void {
  if (!request.cookies[CSRF_COOKIE])
    reply.setCookie(CSRF_COOKIE, newToken(), {
      ...cookieOptions(request),
      sameSite: 'strict',
      httpOnly: false,
    });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Paths a program may call without a browser's cookies: they change nothing. */
const CSRF_EXEMPT = new Set(['/api/v1/simulations']);

/** Double-submit check: every state-changing API request carries the cookie's token in a header. */
export function checkCsrf(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
  if (CSRF_EXEMPT.has(request.url.split('?')[0] ?? '')) return;
  const cookie = request.cookies[CSRF_COOKIE];
  const header = request.headers[CSRF_HEADER];
  if (!cookie || typeof header !== 'string' || header !== cookie) {
    throw new HttpError(
      403,
      'csrf',
      'Jeton de sécurité manquant ou expiré. Rechargez la page puis réessayez.',
    );
  }
}
