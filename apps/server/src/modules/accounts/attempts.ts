import type { Database } from '../../db/database.ts';
import { HttpError } from '../../http.ts';

/** A limit on attempts per key (identifier, address) over a window, kept in the database so every app node shares it. */
export interface AttemptLimit {
  readonly max: number;
  readonly windowMinutes: number;
  readonly message: string;
}

const PER_IDENTIFIER =
  'Trop de tentatives de connexion pour cet identifiant. Par sécurité, attendez 15 minutes avant de réessayer, ou utilisez « Mot de passe oublié ».';

export const LIMITS = {
  loginPerIdentifier: { max: 5, windowMinutes: 15, message: PER_IDENTIFIER },
  loginPerAddress: {
    max: 30,
    windowMinutes: 15,
    message: 'Trop de tentatives de connexion depuis votre réseau. Réessayez dans 15 minutes.',
  },
  /** A device that signed in to the identifier before (`KnownDevices`): its own count. */
  loginPerDevice: { max: 5, windowMinutes: 15, message: PER_IDENTIFIER },
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

/** A key and the limit of its attempts: one identifier's, one network address's. */
export type Counted = readonly [key: string, limit: AttemptLimit];

/**
 * Takes an attempt under each limit before the thing is tried: its rows recorded first, in a
 * statement of their own (committed), then each key's rows of its window counted. Requests at
 * once never pass more than a limit's `max` together, each counting those committed before it —
 * where a count, then a record after the try, let them all pass before any recorded (twelve
 * guesses at once went through a limit of five). Over a limit, the rows taken are removed and the
 * request refused (429, the limit's message). Otherwise their ids: they stay as the attempt's
 * failure, unless it passes (`removeAttempts`). Outside any transaction, hence `Database`.
 */
export async function takeAttempts(db: Database, counted: readonly Counted[]): Promise<string[]> {
  const keys = counted.map(([key]) => key);
  const taken = await db.query<{ id: string }>(
    'INSERT INTO attempts (key) SELECT unnest($1::text[]) RETURNING id::text',
    [keys],
  );
  const counts = await db.query<{ key: string; count: number }>(
    `SELECT t.key, (SELECT count(*)::int FROM attempts a
                     WHERE a.key = t.key AND a.attempted_at > now() - make_interval(mins => t.minutes)) AS count
       FROM unnest($1::text[], $2::int[]) AS t(key, minutes)`,
    [keys, counted.map(([, limit]) => limit.windowMinutes)],
  );
  const over = counted.find(
    ([key, limit]) => (counts.find((row) => row.key === key)?.count ?? 0) > limit.max,
  );
  const ids = taken.map(({ id }) => id);
  if (over) {
    await removeAttempts(db, ids);
    throw new HttpError(429, 'too_many_attempts', over[1].message);
  }
  return ids;
}

/** The rows of an attempt that passed, or was refused, removed; and every row of `cleared`'s keys. */
export async function removeAttempts(
  db: Database,
  taken: readonly string[],
  cleared: readonly string[] = [],
): Promise<void> {
  await db.query('DELETE FROM attempts WHERE id = ANY($1::bigint[]) OR key = ANY($2::text[])', [
    taken,
    cleared,
  ]);
}

/** Attempts older than every window: they count nothing any more (the daily job). */
export async function forgetOldAttempts(db: Database): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `WITH gone AS (DELETE FROM attempts WHERE attempted_at < now() - interval '1 day' RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
  );
  return row?.n ?? 0;
}
