import type { BulkAnswer, SignUpRequest, SignUpRequestSummary } from '@entraide/contract';
import { errorCode, type Queryable } from '../../db/database.ts';
import { HttpError, notFound, requireUuid } from '../../http.ts';
import { oneByOne } from '../../one-by-one.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { templates } from '../notifications/templates.ts';
import { LIMITS, takeAttempts } from './attempts.ts';
import type { AppContext } from './context.ts';
import { issueOneTimeLink } from './one-time-links.ts';
import type { CurrentUser } from './session-cookies.ts';

/** S'inscrire: stores the request for staff to process, and tells the person it arrived. */
export async function submitSignUp(
  ctx: AppContext,
  request: SignUpRequest,
  address: string,
): Promise<{ id: string }> {
  const { identity, contact, family } = request;
  if (family.couple !== (family.spouse !== undefined)) {
    throw new HttpError(
      400,
      'invalid_input',
      family.couple
        ? 'Indiquez le nom, le prénom et la date de naissance de votre conjoint.'
        : 'Un conjoint est indiqué alors que vous n’êtes pas en couple.',
    );
  }
  await takeAttempts(ctx.db, [[`sign-up:${address}`, LIMITS.signUpPerAddress]]);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO sign_up_requests (last_name, first_name, birth_date, matricule, email, phone, address, couple, spouse, children)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        identity.lastName,
        identity.firstName,
        identity.birthDate,
        identity.matricule ?? null,
        contact.email,
        contact.phone ?? null,
        contact.address ?? null,
        family.couple,
        family.spouse ? JSON.stringify(family.spouse) : null,
        JSON.stringify(family.children),
      ],
    );
    if (!row) throw new Error('insert returned nothing');
    await ctx.mailer.send(
      tx,
      contact.email,
      templates.signUpReceived(ctx.organization, identity.firstName),
    );
    return { id: row.id };
  });
}

interface SignUpRow {
  id: string;
  last_name: string;
  first_name: string;
  birth_date: string;
  matricule: string | null;
  email: string;
  phone: string | null;
  address: string | null;
  couple: boolean;
  spouse: { lastName: string; firstName: string; birthDate: string } | null;
  children: { firstName: string; birthDate: string }[];
  status: SignUpRequestSummary['status'];
  created_at: string;
}

const COLUMNS = `id, last_name, first_name, birth_date::text AS birth_date, matricule, email, phone, address, couple, spouse, children, status, created_at::text AS created_at`;

const summary = (row: SignUpRow, likelyDuplicates: string[] = []): SignUpRequestSummary => ({
  id: row.id,
  lastName: row.last_name,
  firstName: row.first_name,
  email: row.email,
  birthDate: row.birth_date,
  matricule: row.matricule,
  couple: row.couple,
  children: row.children.length,
  childrenList: row.children,
  likelyDuplicates,
  status: row.status,
  createdAt: row.created_at,
});

/** The staff's queue: oldest first. */
export async function listSignUpRequests(
  ctx: AppContext,
  status: SignUpRequestSummary['status'],
): Promise<SignUpRequestSummary[]> {
  const rows = await ctx.db.query<SignUpRow>(
    `SELECT ${COLUMNS} FROM sign_up_requests WHERE status = $1 ORDER BY sign_up_requests.created_at, id LIMIT 500`,
    [status],
  );
  // Someone already known: an account with the same e-mail, or the same name and date of birth;
  // another request of the same person.
  const known = await ctx.db.query<{ request_id: string; reason: string }>(
    `SELECT r.id AS request_id,
            CASE WHEN lower(u.email) = lower(r.email) THEN 'même adresse électronique que le compte ' || u.identifier
                 ELSE 'même nom et même date de naissance que le compte ' || u.identifier END AS reason
       FROM sign_up_requests r JOIN users u
         ON lower(u.email) = lower(r.email)
         OR (lower(u.last_name) = lower(r.last_name) AND lower(u.first_name) = lower(r.first_name) AND u.birth_date = r.birth_date)
      WHERE r.id = ANY($1::uuid[])
     UNION ALL
     SELECT r.id, 'une autre demande porte le même nom et la même date de naissance'
       FROM sign_up_requests r
      WHERE r.id = ANY($1::uuid[]) AND EXISTS (
        SELECT 1 FROM sign_up_requests o WHERE o.id <> r.id AND o.status = 'pending'
           AND lower(o.last_name) = lower(r.last_name) AND lower(o.first_name) = lower(r.first_name)
           AND o.birth_date = r.birth_date)`,
    [rows.map((r) => r.id)],
  );
  return rows.map((row) =>
    summary(
      row,
      known.filter((k) => k.request_id === row.id).map((k) => k.reason),
    ),
  );
}

async function pendingRequest(tx: Queryable, id: string): Promise<SignUpRow> {
  requireUuid(id);
  const [row] = await tx.query<SignUpRow>(
    `SELECT ${COLUMNS} FROM sign_up_requests WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (!row) throw notFound();
  if (row.status !== 'pending')
    throw new HttpError(409, 'already_decided', 'Cette demande a déjà été traitée.');
  return row;
}

const matriculeTaken = () =>
  new HttpError(409, 'matricule_taken', 'Un compte existe déjà avec ce matricule Inserm.');

/** Approval: creates the member and their family, and mails the identifier with a link to choose a password. */
export async function approveSignUp(
  ctx: AppContext,
  staff: CurrentUser,
  id: string,
): Promise<{ identifier: string }> {
  return ctx.db.transaction(async (tx) => {
    const request = await pendingRequest(tx, id);
    if (request.matricule) {
      const [taken] = await tx.query('SELECT 1 FROM users WHERE matricule = $1', [
        request.matricule,
      ]);
      if (taken) throw matriculeTaken();
    }
    const [number] = await tx.query<{ n: string }>(
      `SELECT nextval('member_number_seq')::text AS n`,
    );
    const identifier = `${ctx.organization.identifierPrefix}-${(number?.n ?? '0').padStart(6, '0')}`;
    const [user] = await tx
      .query<{ id: string }>(
        `INSERT INTO users (identifier, email, last_name, first_name, birth_date, matricule, phone, address, role)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'member') RETURNING id`,
        [
          identifier,
          request.email,
          request.last_name,
          request.first_name,
          request.birth_date,
          request.matricule,
          request.phone,
          request.address,
        ],
      )
      .catch((error: unknown) => {
        // The same person's other request approved meanwhile by another desk: its account, made
        // since the check above, holds the matricule (the identifier comes from a sequence).
        throw errorCode(error) === '23505' ? matriculeTaken() : error;
      });
    if (!user) throw new Error('insert returned nothing');
    if (request.spouse) {
      await tx.query(
        `INSERT INTO dependants (member_id, relation, last_name, first_name, birth_date) VALUES ($1, 'spouse', $2, $3, $4)`,
        [user.id, request.spouse.lastName, request.spouse.firstName, request.spouse.birthDate],
      );
    }
    for (const child of request.children) {
      await tx.query(
        `INSERT INTO dependants (member_id, relation, last_name, first_name, birth_date) VALUES ($1, 'child', $2, $3, $4)`,
        [user.id, request.last_name, child.firstName, child.birthDate],
      );
    }
    await tx.query(
      `UPDATE sign_up_requests SET status = 'approved', decided_by = $2, decided_at = now(), user_id = $3 WHERE id = $1`,
      [id, staff.id, user.id],
    );
    const link = await issueOneTimeLink(ctx, tx, user.id, 'set_password');
    await ctx.mailer.send(
      tx,
      request.email,
      templates.signUpApproved(ctx.organization, request.first_name, identifier, link),
    );
    await recordAudit(tx, staff.id, 'sign_up.approve', 'sign_up_request', id, { identifier });
    return { identifier };
  });
}

export async function rejectSignUp(
  ctx: AppContext,
  staff: CurrentUser,
  id: string,
  reason: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const request = await pendingRequest(tx, id);
    await tx.query(
      `UPDATE sign_up_requests SET status = 'rejected', reason = $2, decided_by = $3, decided_at = now() WHERE id = $1`,
      [id, reason, staff.id],
    );
    await ctx.mailer.send(
      tx,
      request.email,
      templates.signUpRejected(ctx.organization, request.first_name, reason),
    );
    await recordAudit(tx, staff.id, 'sign_up.reject', 'sign_up_request', id, { reason });
  });
}

/** Several requests refused for one reason (duplicates, strangers): each as rejectSignUp does. */
export function refuseSignUps(
  ctx: AppContext,
  staff: CurrentUser,
  ids: readonly string[],
  reason: string,
): Promise<BulkAnswer<{ id: string }>> {
  return oneByOne(ids, async (id) => {
    await rejectSignUp(ctx, staff, id, reason);
    return { id };
  });
}
