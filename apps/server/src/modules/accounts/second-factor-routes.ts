import {
  newPasskey,
  passkeyResponse,
  secondFactorCode,
  secondFactorReset,
} from '@entraide/contract';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Queryable } from '../../db/database.ts';
import { HttpError, parse } from '../../http.ts';
import type { AppContext } from './context.ts';
import {
  HAS_SECOND_FACTOR_SQL,
  addPasskey,
  confirmTotp,
  passkeyLoginOptions,
  passkeyRegistrationOptions,
  renewRecoveryCodes,
  resetSecondFactor,
  secondFactorSummary,
  staffAccounts,
  startTotp,
  verifyPasskey,
  verifySecondFactor,
} from './second-factor.ts';
import {
  currentUser,
  requireAdmin,
  requireUser,
  SESSION_COOKIE,
  type SessionUser,
} from './session-cookies.ts';

const idParam = z.object({ id: z.string() });

/** What the login page asks after the password: the account's second factor, or to enrol one. */
export async function nextLoginStep(
  db: Queryable,
  userId: string,
): Promise<'none' | 'verify' | 'enrol'> {
  const [row] = await db.query<{ role: string; enrolled: boolean }>(
    `SELECT role, ${HAS_SECOND_FACTOR_SQL} AS enrolled FROM users u WHERE id = $1`,
    [userId],
  );
  if (row?.enrolled) return 'verify';
  return row?.role === 'member' ? 'none' : 'enrol';
}

export function secondFactorRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const sessionToken = (request: FastifyRequest): string => request.cookies[SESSION_COOKIE] ?? '';

  /** A session past its password that still owes its second factor. */
  const pendingUser = async (request: FastifyRequest): Promise<SessionUser> => {
    const user = await currentUser(db, request);
    if (!user)
      throw new HttpError(401, 'unauthenticated', 'Connectez-vous pour accéder à cette page.');
    if (!user.secondFactor.enrolled)
      throw new HttpError(409, 'no_second_factor', 'Ce compte n’a pas encore de second facteur.');
    return user;
  };

  app.post('/api/session/second-factor', async (request) => {
    const user = await pendingUser(request);
    const { code } = parse(secondFactorCode, request.body);
    return verifySecondFactor(ctx, user, sessionToken(request), code);
  });

  app.post('/api/session/second-factor/passkey/options', async (request) =>
    passkeyLoginOptions(ctx, await pendingUser(request), sessionToken(request)),
  );

  app.post('/api/session/second-factor/passkey', async (request, reply) => {
    const user = await pendingUser(request);
    const response = parse(passkeyResponse, request.body) as unknown as AuthenticationResponseJSON;
    await verifyPasskey(ctx, user, sessionToken(request), response);
    return reply.status(204).send();
  });

  app.get('/api/me/second-factor', async (request) =>
    secondFactorSummary(db, await requireUser(db, request)),
  );

  app.post('/api/me/second-factor/totp', async (request) =>
    startTotp(ctx, await requireUser(db, request)),
  );

  app.post('/api/me/second-factor/totp/confirm', async (request) => {
    const user = await requireUser(db, request);
    const { code } = parse(secondFactorCode, request.body);
    return confirmTotp(ctx, user, sessionToken(request), code);
  });

  app.post('/api/me/second-factor/passkeys/options', async (request) =>
    passkeyRegistrationOptions(ctx, await requireUser(db, request), sessionToken(request)),
  );

  app.post('/api/me/second-factor/passkeys', async (request, reply) => {
    const user = await requireUser(db, request);
    const input = parse(newPasskey, request.body);
    const response = input.response as unknown as RegistrationResponseJSON;
    return reply
      .status(201)
      .send(await addPasskey(ctx, user, sessionToken(request), response, input.name));
  });

  app.post('/api/me/second-factor/recovery-codes', async (request) => {
    const user = await requireUser(db, request);
    if (!user.secondFactor.enrolled)
      throw new HttpError(409, 'no_second_factor', 'Activez d’abord un second facteur.');
    return { recoveryCodes: await renewRecoveryCodes(ctx, user) };
  });

  app.get('/api/admin/staff-accounts', async (request) => {
    await requireAdmin(db, request);
    return { accounts: await staffAccounts(db) };
  });

  app.post('/api/admin/users/:id/second-factor/reset', async (request, reply) => {
    const admin = await requireAdmin(db, request);
    const { reason } = parse(secondFactorReset, request.body);
    await resetSecondFactor(ctx, admin, parse(idParam, request.params).id, reason);
    return reply.status(204).send();
  });
}
