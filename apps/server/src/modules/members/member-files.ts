import type {
  AuditEntry,
  BankAccount,
  FileRead,
  MemberProfile,
  MemberSearchHit,
} from '@entraide/contract';
import type { Queryable } from '../../db/database.ts';
import { containing } from '../../db/patterns.ts';
import type { AppContext } from '../accounts/context.ts';
import { memberProfile } from '../accounts/members.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { memberAudit, recordAudit } from '../audit/audit-log.ts';
import { listBankAccounts } from '../household/bank-accounts.ts';
import { listDocuments, type DocumentSummary } from '../household/documents.ts';

/** Staff search by name, CAES identifier or Inserm matricule (at least 2 characters). */
export async function searchMembers(db: Queryable, query: string): Promise<MemberSearchHit[]> {
  const pattern = containing(query);
  const rows = await db.query<{
    id: string;
    identifier: string;
    last_name: string;
    first_name: string;
    matricule: string | null;
  }>(
    `SELECT id, identifier, last_name, first_name, matricule FROM users
      WHERE role = 'member' AND (last_name ILIKE $1 OR first_name ILIKE $1 OR identifier ILIKE $1 OR matricule = $2 OR (last_name || ' ' || first_name) ILIKE $1 OR (first_name || ' ' || last_name) ILIKE $1)
      ORDER BY last_name, first_name LIMIT 50`,
    [pattern, query.trim()],
  );
  return rows.map((r) => ({
    id: r.id,
    identifier: r.identifier,
    lastName: r.last_name,
    firstName: r.first_name,
    matricule: r.matricule,
  }));
}

export interface MemberFile {
  readonly profile: MemberProfile;
  readonly records: readonly {
    id: string;
    year: number;
    version: number;
    status: string;
    submittedAt: string | null;
    decidedAt: string | null;
    packId: string | null;
  }[];
  readonly documents: readonly DocumentSummary[];
  readonly bankAccounts: readonly BankAccount[];
  readonly audit: readonly AuditEntry[];
}

/**
 * What the Fiche Agent staff read of the actions about a member: those on the file, the account
 * and the Fiche, their own work. The decisions on claims, places, invoices and Solidarité requests
 * are the other desks' (a Solidarité grant says a household's hardship): the admin's only.
 */
const FILE_SUBJECTS = ['member', 'user', 'agent_record'];

/** A member's file for staff: every record version, documents, RIBs and audit trail. The viewing is audited. */
export async function memberFile(
  ctx: AppContext,
  staff: CurrentUser,
  id: string,
): Promise<MemberFile> {
  const profile = await memberProfile(ctx, staff, id);
  const records = await ctx.db.query<{
    id: string;
    year: number;
    version: number;
    status: string;
    submitted_at: string | null;
    decided_at: string | null;
    pack_id: string | null;
  }>(
    `SELECT id, year, version, status, submitted_at::text AS submitted_at, decided_at::text AS decided_at, pack_id FROM agent_records WHERE member_id = $1 ORDER BY year DESC, version DESC`,
    [id],
  );
  await recordAudit(ctx.db, staff.id, 'member.view', 'member', id);
  const audit = await memberAudit(ctx.db, id, 500, staff.role === 'admin' ? null : FILE_SUBJECTS);
  return {
    profile,
    records: records.map((r) => ({
      id: r.id,
      year: r.year,
      version: r.version,
      status: r.status,
      submittedAt: r.submitted_at,
      decidedAt: r.decided_at,
      packId: r.pack_id,
    })),
    documents: await listDocuments(ctx.db, id),
    bankAccounts: await listBankAccounts(ctx.db, id),
    audit,
  };
}

const READ_LABELS: Record<string, string> = {
  'member.view': 'votre dossier d’adhérent',
  'record.view': 'votre Fiche Agent',
  'document.read': 'un document',
};

/**
 * « Qui a consulté mon dossier » : every read of the member's file, Fiche Agent or documents by
 * the committee's staff, newest first, with the person's name and sector.
 */
export async function fileReads(db: Queryable, memberId: string): Promise<FileRead[]> {
  const rows = await db.query<{
    at: string;
    by: string;
    role: string;
    sectors: string[];
    action: string;
    details: { fileName?: string };
  }>(
    `SELECT a.created_at::text AS at, u.first_name || ' ' || u.last_name AS by, u.role, u.sectors,
            a.action, a.details
       FROM audit_log a JOIN users u ON u.id = a.actor_id
      WHERE a.subject_type = 'member' AND a.subject_id = $1 AND a.action = ANY($2) AND a.actor_id <> $3
      ORDER BY a.id DESC LIMIT 500`,
    [memberId, Object.keys(READ_LABELS), memberId],
  );
  return rows.map((r) => ({
    at: r.at,
    by: r.by,
    role: r.role === 'admin' ? 'administration' : `gestion ${r.sectors.join(', ')}`,
    what:
      r.action === 'document.read' && r.details.fileName
        ? `le document « ${r.details.fileName} »`
        : (READ_LABELS[r.action] ?? r.action),
  }));
}
