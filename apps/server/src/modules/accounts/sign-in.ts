import { HttpError } from '../../http.ts';
import { templates } from '../notifications/templates.ts';
import { removeAttempts, LIMITS, takeAttempts } from './attempts.ts';
import type { AppContext } from './context.ts';
import { lockMember } from './members.ts';
import { hashPassword, passwordMatches } from './secrets.ts';
import type { CurrentUser } from './session-cookies.ts';

const WRONG_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';

/**
 * Checks an identifier and password; repeated failures lock the identifier for a while, and the
 * network that sent them — but not a device that signed in to it before (`device`, its nonce),
 * whose failures are counted on their own.
 */
export async function checkCredentials(
  ctx: AppContext,
  identifier: string,
  password: string,
  address: string,
  device: string | null,
): Promise<{ userId: string }> {
  const identifierKey = `login:${identifier}`;
  const deviceKey = `login-device:${device ?? ''}`;
  const taken = await takeAttempts(
    ctx.db,
    device === null
      ? [
          [identifierKey, LIMITS.loginPerIdentifier],
          [`login-address:${address}`, LIMITS.loginPerAddress],
        ]
      : [[deviceKey, LIMITS.loginPerDevice]],
  );
  const [account] = await ctx.db.query<{ id: string; password_hash: string | null }>(
    'SELECT id, password_hash FROM users WHERE identifier = $1',
    [identifier],
  );
  const matches = await passwordMatches(account?.password_hash ?? null, password);
  if (!account || !matches) throw new HttpError(401, 'wrong_credentials', WRONG_CREDENTIALS);
  // The identifier's failures go with a login from where they came; the device's with its own.
  await removeAttempts(ctx.db, taken, [device === null ? identifierKey : deviceKey]);
  return { userId: account.id };
}

/** Changer mon mot de passe: the current one is asked again; other sessions are closed; a mail warns. */
export async function changePassword(
  ctx: AppContext,
  user: CurrentUser,
  currentPassword: string,
  newPassword: string,
  keepSessionHash: string | null,
): Promise<void> {
  const [account] = await ctx.db.query<{ password_hash: string | null }>(
    'SELECT password_hash FROM users WHERE id = $1',
    [user.id],
  );
  if (!(await passwordMatches(account?.password_hash ?? null, currentPassword))) {
    throw new HttpError(400, 'invalid_input', 'Le mot de passe actuel est incorrect.');
  }
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction(async (tx) => {
    await lockMember(tx, user.id);
    await tx.query('UPDATE users SET password_hash = $2 WHERE id = $1', [user.id, passwordHash]);
    await tx.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2', [
      user.id,
      keepSessionHash,
    ]);
    await ctx.mailer.send(
      tx,
      user.email,
      templates.passwordChanged(ctx.organization, user.firstName),
    );
  });
}
