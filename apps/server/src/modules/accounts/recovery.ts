import type { z } from 'zod';
import type { forgotIdentifierRequest } from '@entraide/contract';
import { templates } from '../notifications/templates.ts';
import { LIMITS, takeAttempts } from './attempts.ts';
import type { AppContext } from './context.ts';
import { issueOneTimeLink } from './one-time-links.ts';

/** What every recovery request answers, whether an account matched or not. */
export const RECOVERY_ANSWER =
  'Si ces informations correspondent à un compte, un courriel vient d’être envoyé à l’adresse enregistrée. Pensez à vérifier vos courriers indésirables.';

interface AccountRow {
  id: string;
  identifier: string;
  email: string;
  first_name: string;
}

async function limit(ctx: AppContext, address: string): Promise<void> {
  await takeAttempts(ctx.db, [[`recovery:${address}`, LIMITS.recoveryPerAddress]]);
}

/** Mot de passe oublié: mails a reset link to the address on file; answers the same either way. */
export async function requestPasswordReset(
  ctx: AppContext,
  identifier: string,
  address: string,
): Promise<string> {
  await limit(ctx, address);
  await ctx.db.transaction(async (tx) => {
    const [account] = await tx.query<AccountRow>(
      'SELECT id, identifier, email, first_name FROM users WHERE identifier = $1',
      [identifier],
    );
    if (!account) return;
    const link = await issueOneTimeLink(ctx, tx, account.id, 'reset_password');
    await ctx.mailer.send(
      tx,
      account.email,
      templates.resetPassword(ctx.organization, account.first_name, link),
    );
  });
  return RECOVERY_ANSWER;
}

/** Identifiant oublié: name + Inserm matricule, or name + first name + birth date; answers the same either way. */
export async function requestIdentifier(
  ctx: AppContext,
  request: z.infer<typeof forgotIdentifierRequest>,
  address: string,
): Promise<string> {
  await limit(ctx, address);
  const accounts =
    'matricule' in request
      ? await ctx.db.query<AccountRow>(
          'SELECT id, identifier, email, first_name FROM users WHERE lower(last_name) = lower($1) AND matricule = $2',
          [request.lastName, request.matricule],
        )
      : await ctx.db.query<AccountRow>(
          'SELECT id, identifier, email, first_name FROM users WHERE lower(last_name) = lower($1) AND lower(first_name) = lower($2) AND birth_date = $3',
          [request.lastName, request.firstName, request.birthDate],
        );
  for (const account of accounts)
    await ctx.mailer.send(
      ctx.db,
      account.email,
      templates.forgottenIdentifier(ctx.organization, account.first_name, account.identifier),
    );
  return RECOVERY_ANSWER;
}
