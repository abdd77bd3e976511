import type { Queryable } from '../../db/database.ts';

/** Writes one staff action to the audit log, in the same transaction as the action. */
export async function recordAudit(
  db: Queryable,
  actorId: string | null,
  action: string,
  subjectType: string,
  subjectId: string | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  await db.query(
    'INSERT INTO audit_log (actor_id, action, subject_type, subject_id, details) VALUES ($1, $2, $3, $4, $5)',
    [actorId, action, subjectType, subjectId, JSON.stringify(details)],
  );
}

export interface AuditEntry {
  readonly id: number;
  readonly actor: string | null;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string | null;
  readonly details: unknown;
  readonly createdAt: string;
}

/** The newest entries, all of them or only those about the given subjects. */
export async function listAudit(
  db: Queryable,
  limit = 200,
  subjectIds: readonly string[] | null = null,
): Promise<AuditEntry[]> {
  const rows = await db.query<{
    id: string;
    actor: string | null;
    action: string;
    subject_type: string;
    subject_id: string | null;
    details: unknown;
    created_at: string;
  }>(
    `SELECT a.id, u.identifier AS actor, a.action, a.subject_type, a.subject_id, a.details, a.created_at::text AS created_at
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
      WHERE $2::text[] IS NULL OR a.subject_id = ANY($2::text[])
      ORDER BY a.id DESC LIMIT $1`,
    [limit, subjectIds],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    actor: r.actor,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    details: r.details,
    createdAt: r.created_at,
  }));
}
