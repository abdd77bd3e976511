import type { Queryable } from '../../db/database.ts';
import { HttpError } from '../../http.ts';

/** A limit on attempts per key (identifier, address) over a window, kept in the database so every app node shares it. */
export interface AttemptLimit {
  readonly max: number;
  readonly windowMinutes: number;
  readonly message: string;
}

export const LIMITS = {
  loginPerIdentifier: {
    max: 5,
    windowMinutes: 15,
    message:
      'Trop de tentatives de connexion pour cet identifiant. Par sécurité, attendez 15 minutes avant de réessayer, ou utilisez « Mot de passe oublié ».',
  },
  loginPerAddress: {
    max: 30,
    windowMinutes: 15,
    message: 'Trop de tentatives de connexion depuis votre réseau. Réessayez dans 15 minutes.',
  },
  recoveryPerAddress: {
    max: 10,
    windowMinutes: 15,
    message: 'Trop de demandes. Réessayez dans 15 minutes.',
  },
  signUpPerAddress: {
    max: 10,
    windowMinutes: 60,
    message: 'Trop de demandes d’inscription depuis votre réseau. Réessayez dans une heure.',
  },
} satisfies Record<string, AttemptLimit>;

/** Refuses with 429 when the key already used its attempts in the window. */
export async function checkAttempts(
  db: Queryable,
  key: string,
  limit: AttemptLimit,
): Promise<void> {
  const [row] = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM attempts WHERE key = $1 AND attempted_at > now() - make_interval(mins => $2)`,
    [key, limit.windowMinutes],
  );
  if ((row?.count ?? 0) >= limit.max) throw new HttpError(429, 'too_many_attempts', limit.message);
}

export async function recordAttempt(db: Queryable, key: string): Promise<void> {
  await db.query('INSERT INTO attempts (key) VALUES ($1)', [key]);
}

export async function clearAttempts(db: Queryable, key: string): Promise<void> {
  await db.query('DELETE FROM attempts WHERE key = $1', [key]);
}
