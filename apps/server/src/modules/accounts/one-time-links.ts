import type { Queryable } from '../../db/database.ts';
import { HttpError } from '../../http.ts';
import type { AppContext } from './context.ts';
import { hashPassword, newToken, tokenHash } from './secrets.ts';

type Purpose = 'set_password' | 'reset_password';
const LIFETIME_HOURS: Record<Purpose, number> = { set_password: 72, reset_password: 1 };

/** A single-use, expiring link to choose a password; only its hash is stored. */
export async function issueOneTimeLink(
  ctx: AppContext,
  tx: Queryable,
  userId: string,
  purpose: Purpose,
): Promise<string> {
  const token = newToken();
  await tx.query(
    `INSERT INTO one_time_tokens (token_hash, user_id, purpose, expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
    [tokenHash(token), userId, purpose, LIFETIME_HOURS[purpose]],
  );
  return `${ctx.publicUrl}/mot-de-passe/definir?jeton=${token}`;
}

/** Uses a link: sets the password, burns the link and every other open link and session of the account. */
export async function setPasswordWithLink(
  ctx: AppContext,
  token: string,
  password: string,
): Promise<{ userId: string }> {
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    const [link] = await tx.query<{ user_id: string }>(
      `UPDATE one_time_tokens SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
      [tokenHash(token)],
    );
    if (!link)
      throw new HttpError(
        400,
        'invalid_link',
        'Ce lien n’est plus valable : il a déjà servi ou a expiré. Demandez-en un nouveau avec « Mot de passe oublié ».',
      );
    await tx.query('UPDATE users SET password_hash = $2 WHERE id = $1', [
      link.user_id,
      passwordHash,
    ]);
    await tx.query(
      'UPDATE one_time_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL',
      [link.user_id],
    );
    await tx.query('DELETE FROM sessions WHERE user_id = $1', [link.user_id]);
    return { userId: link.user_id };
  });
}
