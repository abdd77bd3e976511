import type { ContactDetails, MemberProfile } from '@entraide/contract';
import type { Queryable } from '../../db/database.ts';
import { HttpError, notFound, requireUuid } from '../../http.ts';
import { templates } from '../notifications/templates.ts';
import type { AppContext } from './context.ts';
import type { CurrentUser } from './session-cookies.ts';

/** A member's profile: for the member and for staff. Anyone else gets 404, so ids cannot be probed. */
export async function memberProfile(
  ctx: AppContext,
  viewer: CurrentUser,
  id: string,
): Promise<MemberProfile> {
  const allowed = viewer.id === id || viewer.role !== 'member';
  if (!allowed) throw notFound();
  requireUuid(id);
  const [member] = await ctx.db.query<{
    id: string;
    identifier: string;
    last_name: string;
    first_name: string;
    email: string;
    phone: string | null;
    address: string | null;
  }>(
    `SELECT id, identifier, last_name, first_name, email, phone, address FROM users WHERE id = $1 AND role = 'member'`,
    [id],
  );
  if (!member) throw notFound();
  const dependants = await ctx.db.query<{
    relation: MemberProfile['dependants'][number]['relation'];
    last_name: string;
    first_name: string;
    birth_date: string;
  }>(
    'SELECT relation, last_name, first_name, birth_date::text AS birth_date FROM dependants WHERE member_id = $1 ORDER BY relation DESC, birth_date',
    [id],
  );
  return {
    id: member.id,
    identifier: member.identifier,
    lastName: member.last_name,
    firstName: member.first_name,
    email: member.email,
    phone: member.phone,
    address: member.address,
    dependants: dependants.map((d) => ({
      relation: d.relation,
      lastName: d.last_name,
      firstName: d.first_name,
      birthDate: d.birth_date,
    })),
  };
}

/**
 * Coordonnées: the member keeps their e-mail, phone and address up to date. A new e-mail address
 * is announced to the previous one, so a stolen session cannot quietly take the account over.
 */
export async function updateContact(
  ctx: AppContext,
  member: CurrentUser,
  contact: ContactDetails,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    // An account closed meanwhile keeps no address of the member's (`lockMember` refuses it).
    await lockMember(tx, member.id);
    await tx.query('UPDATE users SET email = $2, phone = $3, address = $4 WHERE id = $1', [
      member.id,
      contact.email,
      contact.phone || null,
      contact.address || null,
    ]);
    if (contact.email.toLowerCase() !== member.email.toLowerCase())
      await ctx.mailer.send(
        tx,
        member.email,
        templates.emailChanged(ctx.organization, member.firstName, contact.email),
      );
  });
}

/** What a member-side use case answers once the account closed, as a session that ended. */
const accountClosed = (): HttpError =>
  new HttpError(401, 'account_closed', 'Ce compte a été fermé : rien n’a été enregistré.');

/**
 * Takes the member's row lock, the first of the lock order (docs/architecture.md): a member-side
 * use case that checks the household's own rows holds it until its commit. `FOR NO KEY UPDATE`:
 * an invoice written for the member meanwhile checks its foreign key without waiting for it. An
 * account closed meanwhile (the closing held the lock) stops the use case: 401, nothing written.
 */
export async function lockMember(tx: Queryable, memberId: string): Promise<void> {
  const [member] = await tx.query<{ closed: boolean }>(
    'SELECT closed_at IS NOT NULL AS closed FROM users WHERE id = $1 FOR NO KEY UPDATE',
    [memberId],
  );
  if (member?.closed) throw accountClosed();
}
