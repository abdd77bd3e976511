import {
  activitySectors,
  type ActivitySector,
  type Role,
  type StaffSector,
} from '@entraide/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database, Queryable } from '../../db/database.ts';
import { forbidden, HttpError, notFound, requireUuid } from '../../http.ts';
import { newToken, tokenHash } from './secrets.ts';

export const SESSION_COOKIE = 'entraide_session';
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
): Promise<string> {
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
  return token;
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

/** Where a session stands with the second factor (issue 11: required of staff and admins). */
export interface SecondFactorState {
  /** The account has a TOTP or a passkey. */
  readonly enrolled: boolean;
  /** This session passed it. */
  readonly verified: boolean;
  /** Staff and admins may reach nothing of the back office without one. */
  readonly required: boolean;
  readonly methods: readonly ('totp' | 'passkey')[];
}

/** The user of a session, with where the session stands with the second factor. */
export interface SessionUser extends CurrentUser {
  readonly secondFactor: SecondFactorState;
}

/**
 * The user of the request's session, or null. `lock`: in a transaction, the user's row is locked
 * by the same statement (`lockMember`, step 1 of the lock order), one round trip for both.
 */
export async function currentUser(
  db: Queryable,
  request: FastifyRequest,
  lock: 'lock member' | null = null,
): Promise<SessionUser | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const hash = tokenHash(token);
  return (await sessionUsers(db, [hash], lock)).get(hash) ?? null;
}

/**
 * The users of sessions in force, by their tokens' hashes. `lock`: their rows are locked by the
 * same statement, in id order (step 1 of the lock order, several members at once).
 */
export async function sessionUsers(
  db: Queryable,
  hashes: readonly string[],
  lock: 'lock member' | null = null,
): Promise<Map<string, SessionUser>> {
  const one = hashes.length === 1;
  const rows = await db.query<{
    token_hash: string;
    id: string;
    identifier: string;
    first_name: string;
    last_name: string;
    email: string;
    role: Role;
    sectors: StaffSector[];
    totp: boolean;
    passkeys: boolean;
    verified: boolean;
    expires_at: Date;
  }>(
    // The expiry is compared here, not by now() in SQL: the statement's answer then depends on
    // its rows only, and the embedded database may keep it (db/read-answers.ts).
    `SELECT s.token_hash, s.expires_at, u.id, u.identifier, u.first_name, u.last_name, u.email, u.role, u.sectors,
            u.totp_secret IS NOT NULL AS totp,
            EXISTS (SELECT 1 FROM passkeys p WHERE p.user_id = u.id) AS passkeys,
            s.second_factor_at IS NOT NULL AS verified
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE u.closed_at IS NULL AND ${one ? 's.token_hash = $1' : 's.token_hash = ANY($1::text[]) ORDER BY u.id'}${lock ? ' FOR NO KEY UPDATE OF u' : ''}`,
    [one ? hashes[0] : hashes],
  );
  const users = new Map<string, SessionUser>();
  for (const row of rows) {
    if (new Date(row.expires_at).getTime() <= Date.now()) continue;
    const methods = [
      ...(row.totp ? ['totp' as const] : []),
      ...(row.passkeys ? ['passkey' as const] : []),
    ];
    users.set(row.token_hash, {
      id: row.id,
      identifier: row.identifier,
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
      role: row.role,
      sectors: row.sectors,
      secondFactor: {
        enrolled: methods.length > 0,
        verified: row.verified,
        required: row.role !== 'member',
        methods,
      },
    });
  }
  return users;
}

const unauthenticated = () =>
  new HttpError(401, 'unauthenticated', 'Connectez-vous pour accéder à cette page.');

/** A request without a session cookie: 401 at once, before its body is read. */
export function requireSessionCookie(request: FastifyRequest): void {
  if (!request.cookies[SESSION_COOKIE]) throw unauthenticated();
}

/**
 * The logged-in user. An account with a second factor reaches nothing until its session passed
 * it (the second step of the login page says so).
 */
export async function requireUser(
  db: Queryable,
  request: FastifyRequest,
  lock: 'lock member' | null = null,
): Promise<SessionUser> {
  return signedIn(await currentUser(db, request, lock));
}

/** A session's user who may go on: signed in, and through the second factor if they have one. */
export function signedIn(user: SessionUser | null | undefined): SessionUser {
  if (!user) throw unauthenticated();
  if (user.secondFactor.enrolled && !user.secondFactor.verified)
    throw new HttpError(
      401,
      'second_factor_required',
      'Saisissez le code de votre application d’authentification (ou utilisez votre clé d’accès) pour terminer la connexion.',
    );
  return user;
}

/** Staff and admins reach the back office only with a second factor enrolled and passed. */
function requireSecondFactor(user: SessionUser): void {
  if (!user.secondFactor.enrolled)
    throw new HttpError(
      403,
      'second_factor_enrolment',
      'Par sécurité, activez d’abord un second facteur (application d’authentification ou clé d’accès) dans « Sécurité du compte » : le personnel lit des avis d’impôt et prépare des virements.',
    );
}

/** Staff of one of the sectors given (or any staff when none), or an admin. */
export async function requireStaff(
  db: Database,
  request: FastifyRequest,
  ...sectors: StaffSector[]
): Promise<CurrentUser> {
  const user = await requireUser(db, request);
  if (user.role !== 'member') requireSecondFactor(user);
  if (user.role === 'admin') return user;
  if (
    user.role === 'staff' &&
    (sectors.length === 0 || sectors.some((sector) => worksIn(user, sector)))
  )
    return user;
  throw forbidden();
}

/** Whether a user works in a sector: its staff do, and the admin works in every one. */
export const worksIn = (user: CurrentUser, sector: StaffSector): boolean =>
  user.role === 'admin' || (user.role === 'staff' && user.sectors.includes(sector));

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
  requireSecondFactor(user);
  return user;
}
