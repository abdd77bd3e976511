// The second factor of an account (issue 11): TOTP (authenticator apps) and passkeys (WebAuthn),
// single-use recovery codes, and the admin's reset. Staff and admins must enrol one before they
// reach the back office; members may.
import { randomBytes } from 'node:crypto';
import type { SecondFactorSummary } from '@entraide/contract';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Database, Queryable } from '../../db/database.ts';
import { HttpError, notFound, requireUuid } from '../../http.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { templates } from '../notifications/templates.ts';
import { removeAttempts, takeAttempts, type AttemptLimit } from './attempts.ts';
import type { AppContext } from './context.ts';
import { tokenHash } from './secrets.ts';
import type { CurrentUser } from './session-cookies.ts';

const RECOVERY_CODES = 10;
/** Codes tried per account before a pause: 6 digits give 1 chance in 200 000 per window. */
const SECOND_FACTOR_LIMIT: AttemptLimit = {
  max: 5,
  windowMinutes: 15,
  message:
    'Trop de codes erronés. Par sécurité, attendez 15 minutes, ou utilisez un code de secours.',
};

/** Whether the account `u` has a second factor (an authenticator app or a passkey), in SQL. */
export const HAS_SECOND_FACTOR_SQL =
  '(u.totp_secret IS NOT NULL OR EXISTS (SELECT 1 FROM passkeys p WHERE p.user_id = u.id))';

/** Where WebAuthn is bound: the public address's host and origin. */
const relyingParty = (ctx: AppContext) => {
  const url = new URL(ctx.publicUrl);
  return { id: url.hostname, origin: url.origin, name: ctx.organization.name };
};

/** A TOTP code checked against a secret (one 30-second window either side), with its window. */
async function totpStep(
  secret: string,
  token: string,
  afterTimeStep: number | null,
): Promise<number | null> {
  const result = await verify({
    secret,
    token,
    epochTolerance: 30,
    ...(afterTimeStep === null ? {} : { afterTimeStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

const wrongPasskey = () =>
  new HttpError(400, 'invalid_passkey', 'Cette clé d’accès n’a pas pu être vérifiée : réessayez.');

const wrongCode = () =>
  new HttpError(
    400,
    'invalid_code',
    'Ce code ne convient pas : saisissez les 6 chiffres affichés maintenant par votre application (ils changent toutes les 30 secondes), ou un code de secours.',
  );

/** Ten fresh single-use codes (the old ones stop working); shown once, only their hashes kept. */
async function newRecoveryCodes(tx: Queryable, userId: string): Promise<string[]> {
  await tx.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
  const codes = Array.from({ length: RECOVERY_CODES }, () => {
    const raw = randomBytes(5).toString('hex').toUpperCase();
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  for (const code of codes)
    await tx.query('INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)', [
      userId,
      tokenHash(code),
    ]);
  return codes;
}

/** The session has passed its second factor. */
async function markVerified(tx: Queryable, sessionToken: string): Promise<void> {
  await tx.query('UPDATE sessions SET second_factor_at = now() WHERE token_hash = $1', [
    tokenHash(sessionToken),
  ]);
}

/** A new authenticator app: its secret (kept pending until a code proves it), URI and QR code. */
export async function startTotp(
  ctx: AppContext,
  user: CurrentUser,
): Promise<{ secret: string; uri: string; qrCode: string }> {
  const secret = generateSecret();
  await ctx.db.query('UPDATE users SET totp_pending_secret = $2 WHERE id = $1', [user.id, secret]);
  const uri = generateURI({ issuer: ctx.organization.shortName, label: user.identifier, secret });
  return { secret, uri, qrCode: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

/** A code from the new app confirms it: the account has TOTP, and its first recovery codes. */
export async function confirmTotp(
  ctx: AppContext,
  user: CurrentUser,
  sessionToken: string,
  code: string,
): Promise<{ recoveryCodes: string[] | null }> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.query<{ pending: string | null; has_codes: boolean }>(
      `SELECT totp_pending_secret AS pending,
              EXISTS (SELECT 1 FROM recovery_codes WHERE user_id = u.id) AS has_codes
         FROM users u WHERE id = $1 FOR UPDATE`,
      [user.id],
    );
    if (!row?.pending)
      throw new HttpError(409, 'no_pending_totp', 'Recommencez : affichez un nouveau QR code.');
    const step = await totpStep(row.pending, code.replace(/\s/g, ''), null);
    if (step === null) throw wrongCode();
    await tx.query(
      'UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_last_step = $2 WHERE id = $1',
      [user.id, step],
    );
    await markVerified(tx, sessionToken);
    await recordAudit(tx, user.id, 'second_factor.totp_enrol', 'user', user.id);
    return { recoveryCodes: row.has_codes ? null : await newRecoveryCodes(tx, user.id) };
  });
}

/**
 * One try at an account's second factor: refused while the account has used up its tries, counted
 * when it fails (`attempt` gives null), and the count cleared when it passes.
 */
async function secondFactorTry<T>(
  ctx: AppContext,
  user: CurrentUser,
  attempt: () => Promise<T | null>,
  wrong: () => HttpError,
): Promise<T> {
  const key = `second-factor:${user.id}`;
  const taken = await takeAttempts(ctx.db, [[key, SECOND_FACTOR_LIMIT]]);
  const outcome = await attempt();
  if (outcome === null) throw wrong();
  await removeAttempts(ctx.db, taken, [key]);
  return outcome;
}

/**
 * The second step of a login: a TOTP code (never the same one twice) or a recovery code (once
 * each). Wrong codes count against the account, like passwords.
 */
export async function verifySecondFactor(
  ctx: AppContext,
  user: CurrentUser,
  sessionToken: string,
  code: string,
): Promise<{ recoveryCodesLeft: number | null }> {
  const attempt = () =>
    ctx.db.transaction(async (tx) => {
      const [row] = await tx.query<{ secret: string | null; last_step: string | null }>(
        'SELECT totp_secret AS secret, totp_last_step::text AS last_step FROM users WHERE id = $1 FOR UPDATE',
        [user.id],
      );
      const digits = code.replace(/\s/g, '');
      if (row?.secret && /^\d{6}$/.test(digits)) {
        const step = await totpStep(
          row.secret,
          digits,
          row.last_step === null ? null : Number(row.last_step),
        );
        if (step === null) return null;
        await tx.query('UPDATE users SET totp_last_step = $2 WHERE id = $1', [user.id, step]);
        await markVerified(tx, sessionToken);
        return { recoveryCodesLeft: null };
      }
      const [used] = await tx.query(
        `UPDATE recovery_codes SET used_at = now()
        WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING 1`,
        [user.id, tokenHash(code.trim().toUpperCase())],
      );
      if (!used) return null;
      await markVerified(tx, sessionToken);
      await recordAudit(tx, user.id, 'second_factor.recovery_code', 'user', user.id);
      const [left] = await tx.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL',
        [user.id],
      );
      return { recoveryCodesLeft: left?.n ?? 0 };
    });
  return secondFactorTry(ctx, user, attempt, wrongCode);
}

/** Fresh recovery codes, for an account that has a second factor (the old ones stop working). */
export async function renewRecoveryCodes(ctx: AppContext, user: CurrentUser): Promise<string[]> {
  return ctx.db.transaction(async (tx) => {
    const codes = await newRecoveryCodes(tx, user.id);
    await recordAudit(tx, user.id, 'second_factor.recovery_codes', 'user', user.id);
    return codes;
  });
}

const saveChallenge = (db: Queryable, sessionToken: string, challenge: string) =>
  db.query('UPDATE sessions SET webauthn_challenge = $2 WHERE token_hash = $1', [
    tokenHash(sessionToken),
    challenge,
  ]);

/** The challenge given to this session, used once. */
async function takeChallenge(db: Queryable, sessionToken: string): Promise<string> {
  const [row] = await db.query<{ challenge: string | null }>(
    `UPDATE sessions s SET webauthn_challenge = NULL FROM sessions old
      WHERE s.token_hash = $1 AND old.token_hash = s.token_hash RETURNING old.webauthn_challenge AS challenge`,
    [tokenHash(sessionToken)],
  );
  if (!row?.challenge)
    throw new HttpError(409, 'no_challenge', 'Recommencez : la demande de clé d’accès a expiré.');
  return row.challenge;
}

interface PasskeyRow {
  id: string;
  public_key: string;
  counter: string;
  transports: string[];
  name: string;
  created_at: string;
  last_used_at: string | null;
}

const passkeysOf = (db: Queryable, userId: string) =>
  db.query<PasskeyRow>(
    `SELECT id, public_key, counter::text AS counter, transports, name, created_at::text AS created_at,
            last_used_at::text AS last_used_at FROM passkeys WHERE user_id = $1 ORDER BY created_at`,
    [userId],
  );

/** What the browser needs to create a passkey for this account. */
export async function passkeyRegistrationOptions(
  ctx: AppContext,
  user: CurrentUser,
  sessionToken: string,
) {
  const rp = relyingParty(ctx);
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.identifier,
    userDisplayName: `${user.firstName} ${user.lastName}`,
    attestationType: 'none',
    excludeCredentials: (await passkeysOf(ctx.db, user.id)).map((p) => ({ id: p.id })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await saveChallenge(ctx.db, sessionToken, options.challenge);
  return options;
}

/** The browser's new passkey, checked against the challenge and this site, is kept. */
export async function addPasskey(
  ctx: AppContext,
  user: CurrentUser,
  sessionToken: string,
  response: RegistrationResponseJSON,
  name: string,
): Promise<{ recoveryCodes: string[] | null }> {
  const rp = relyingParty(ctx);
  const expectedChallenge = await takeChallenge(ctx.db, sessionToken);
  const verification = await verifyRegistrationResponse({
    response,
    expectedChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: false,
  }).catch(() => ({ verified: false as const }));
  if (!verification.verified) throw wrongPasskey();
  const { credential } = verification.registrationInfo;
  return ctx.db.transaction(async (tx) => {
    const [codes] = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM recovery_codes WHERE user_id = $1',
      [user.id],
    );
    await tx.query(
      'INSERT INTO passkeys (id, user_id, public_key, counter, transports, name) VALUES ($1, $2, $3, $4, $5, $6)',
      [
        credential.id,
        user.id,
        Buffer.from(credential.publicKey).toString('base64url'),
        credential.counter,
        JSON.stringify(credential.transports ?? []),
        name,
      ],
    );
    await markVerified(tx, sessionToken);
    await recordAudit(tx, user.id, 'second_factor.passkey_add', 'user', user.id, { name });
    return { recoveryCodes: (codes?.n ?? 0) > 0 ? null : await newRecoveryCodes(tx, user.id) };
  });
}

/** What the browser needs to sign in with one of the account's passkeys. */
export async function passkeyLoginOptions(
  ctx: AppContext,
  user: CurrentUser,
  sessionToken: string,
) {
  const passkeys = await passkeysOf(ctx.db, user.id);
  if (passkeys.length === 0) throw notFound();
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(ctx).id,
    allowCredentials: passkeys.map((p) => ({ id: p.id, transports: p.transports })),
    userVerification: 'preferred',
  });
  await saveChallenge(ctx.db, sessionToken, options.challenge);
  return options;
}

/** The second step of a login by passkey: its signature over this session's challenge. */
export async function verifyPasskey(
  ctx: AppContext,
  user: CurrentUser,
  sessionToken: string,
  response: AuthenticationResponseJSON,
): Promise<void> {
  await secondFactorTry(
    ctx,
    user,
    () => passkeyLogin(ctx, user, sessionToken, response),
    wrongPasskey,
  );
}

/** A passkey's signature over this session's challenge, checked and recorded; null if wrong. */
async function passkeyLogin(
  ctx: AppContext,
  user: CurrentUser,
  sessionToken: string,
  response: AuthenticationResponseJSON,
): Promise<true | null> {
  const rp = relyingParty(ctx);
  const expectedChallenge = await takeChallenge(ctx.db, sessionToken);
  const passkey = (await passkeysOf(ctx.db, user.id)).find((p) => p.id === response.id);
  const verification = passkey
    ? await verifyAuthenticationResponse({
        response,
        expectedChallenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        credential: {
          id: passkey.id,
          publicKey: new Uint8Array(Buffer.from(passkey.public_key, 'base64url')),
          counter: Number(passkey.counter),
        },
        requireUserVerification: false,
      }).catch(() => null)
    : null;
  if (!verification?.verified) return null;
  await ctx.db.transaction(async (tx) => {
    await tx.query('UPDATE passkeys SET counter = $2, last_used_at = now() WHERE id = $1', [
      response.id,
      verification.authenticationInfo.newCounter,
    ]);
    await markVerified(tx, sessionToken);
  });
  return true;
}

/** The account's second factors, as its owner sees them. */
export async function secondFactorSummary(
  db: Queryable,
  user: CurrentUser,
): Promise<SecondFactorSummary> {
  const [row] = await db.query<{ totp: boolean; codes_left: number }>(
    `SELECT totp_secret IS NOT NULL AS totp,
            (SELECT count(*)::int FROM recovery_codes WHERE user_id = u.id AND used_at IS NULL) AS codes_left
       FROM users u WHERE id = $1`,
    [user.id],
  );
  return {
    totp: row?.totp ?? false,
    recoveryCodesLeft: row?.codes_left ?? 0,
    passkeys: (await passkeysOf(db, user.id)).map((p) => ({
      id: p.id,
      name: p.name,
      createdAt: p.created_at,
      lastUsedAt: p.last_used_at,
    })),
  };
}

/**
 * An admin removes every second factor of an account (a lost phone): its sessions end, it must
 * enrol again at its next login, the account is told by mail, and the audit log keeps who did it.
 */
export async function resetSecondFactor(
  ctx: AppContext,
  admin: CurrentUser,
  userId: string,
  reason: string,
): Promise<void> {
  await ctx.db.transaction(async (tx: Queryable) => {
    const [user] = await tx.query<{ email: string; first_name: string }>(
      `UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = NULL
        WHERE id = $1 RETURNING email, first_name`,
      [requireUuid(userId)],
    );
    if (!user) throw notFound();
    await tx.query('DELETE FROM passkeys WHERE user_id = $1', [userId]);
    await tx.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
    await tx.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
    await recordAudit(tx, admin.id, 'second_factor.reset', 'user', userId, { reason });
    await ctx.mailer.send(
      tx,
      user.email,
      templates.secondFactorReset(ctx.organization, user.first_name, ctx.publicUrl),
    );
  });
}

/** The staff and admin accounts with their second factor, for the admin's reset. */
export async function staffAccounts(db: Database) {
  const rows = await db.query<{
    id: string;
    identifier: string;
    name: string;
    role: string;
    sectors: string[];
    enrolled: boolean;
  }>(
    `SELECT u.id, u.identifier, u.first_name || ' ' || u.last_name AS name, u.role, u.sectors,
            ${HAS_SECOND_FACTOR_SQL} AS enrolled
       FROM users u WHERE u.role <> 'member' ORDER BY u.identifier`,
  );
  return rows;
}
