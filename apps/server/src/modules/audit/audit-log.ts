import type { AuditEntry } from '@entraide/contract';
import { formatCents } from '@entraide/rules';
import type { Queryable } from '../../db/database.ts';
import { containing } from '../../db/patterns.ts';

/**
 * Every action the audit log records, as a staff member reads it in a member's file: an action
 * written without its words here does not compile.
 */
export const AUDIT_ACTIONS = {
  'account.close': 'compte fermé',
  'activity.create': 'activité créée',
  'activity.update': 'activité modifiée',
  'activity_photo.upload': 'photo d’activité ajoutée',
  'agent_record.auto_validate': 'Fiche Agent validée automatiquement',
  'agent_record.reject': 'Fiche Agent refusée',
  'agent_record.validate': 'Fiche Agent validée',
  'budget.set': 'budget du secteur fixé',
  'claim.approve': 'demande de subvention accordée',
  'claim.partial': 'demande de subvention accordée en partie',
  'claim.reject': 'demande de subvention refusée',
  'committee.identity': 'identité du comité modifiée',
  'committee.logo': 'logo du comité changé',
  'committee.logo_removed': 'logo du comité retiré',
  'deposit_slip.create': 'remise de chèques créée',
  'document.read': 'document consulté',
  'mail.resend': 'courriel renvoyé',
  'member.export': 'données de l’adhérent exportées',
  'member.view': 'dossier consulté',
  'pack.draft': 'brouillon de barème créé',
  'pack.draft_delete': 'brouillon de barème supprimé',
  'pack.draft_save': 'brouillon de barème enregistré',
  'pack.publish': 'barème publié',
  'partner_offer.create': 'offre partenaire ajoutée',
  'partner_offer.delete': 'offre partenaire supprimée',
  'partner_offer.update': 'offre partenaire modifiée',
  'payment.notification_handled': 'avis de paiement en ligne traité',
  'payment.record': 'règlement enregistré',
  'payment.refund_retry': 'remboursement en ligne relancé',
  'payment.reverse': 'règlement annulé',
  'payout.cancel': 'lot de virements annulé',
  'payout.create': 'lot de virements préparé',
  'payout.export': 'fichier de virements exporté',
  'payout.sent': 'lot de virements confirmé envoyé à la banque',
  'record.view': 'Fiche Agent consultée',
  'registration.cancel': 'place annulée',
  'registration.instalments': 'échéancier modifié',
  'registration.modify': 'place modifiée',
  'retention.purge': 'documents supprimés au terme de leur conservation',
  'second_factor.passkey_add': 'clé d’accès ajoutée',
  'second_factor.recovery_code': 'code de secours utilisé',
  'second_factor.recovery_codes': 'codes de secours créés',
  'second_factor.reset': 'double authentification réinitialisée',
  'second_factor.totp_enrol': 'application d’authentification enregistrée',
  'selection.apply': 'sélection appliquée',
  'selection.postpone': 'sélection reportée',
  'session.cancel': 'session annulée',
  'session.create': 'session créée',
  'session.update': 'session modifiée',
  'sign_up.approve': 'inscription au portail acceptée',
  'sign_up.reject': 'inscription au portail refusée',
  'solidarity.grant': 'demande Solidarité accordée',
  'solidarity.refuse': 'demande Solidarité refusée',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** An action's words; an action of an older version, no longer written, as it was stored. */
const labelOf = (action: string): string =>
  action in AUDIT_ACTIONS ? AUDIT_ACTIONS[action as AuditAction] : action;

/**
 * Writes one staff action to the audit log, in the same transaction as the action, with the
 * person it concerns worked out from its subject (migration 0034's `audit_member`).
 */
export async function recordAudit(
  db: Queryable,
  actorId: string | null,
  action: AuditAction,
  subjectType: string,
  subjectId: string | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (actor_id, action, subject_type, subject_id, details, member_id)
     VALUES ($1, $2, $3, $4, $5, audit_member($3, $4))`,
    [actorId, action, subjectType, subjectId, JSON.stringify(details)],
  );
}

/** The amounts an action's details may hold, in the order they are said, with their words. */
const AMOUNTS = {
  amountCents: 'montant',
  grantedCents: 'accordé',
  refundCents: 'remboursé',
  feeCents: 'frais',
  totalCents: 'total',
  budgetCents: 'budget',
} as const;

/** The texts a person typed or a document's names, said in quotes. */
const QUOTED = {
  reason: 'motif',
  note: 'note',
  fileName: 'document',
  partner: 'partenaire',
} as const;

/** The references on papers the committee sends (a batch, an invoice, a credit note). */
const REFERENCES = { reference: 'référence', invoice: 'facture', creditNote: 'avoir' } as const;

/**
 * What an admin looks for in an action's details, in words: its amounts, its references and the
 * reasons typed (« remboursé 120,00 € — avoir AV-2021-0004 — motif « Séjour annulé » »). The
 * other details (ids, counts) stay in the log.
 */
export function detailOf(details: unknown): string {
  const found = (details ?? {}) as Record<string, unknown>;
  const said = (
    words: Record<string, string>,
    say: (value: unknown, word: string) => string | null,
  ) => Object.entries(words).flatMap(([key, word]) => say(found[key], word) ?? []);
  return [
    ...said(AMOUNTS, (v, word) =>
      Number.isInteger(v) ? `${word} ${formatCents(v as number)}` : null,
    ),
    ...said(REFERENCES, (v, word) => (typeof v === 'string' && v !== '' ? `${word} ${v}` : null)),
    ...said(QUOTED, (v, word) => (typeof v === 'string' && v !== '' ? `${word} « ${v} »` : null)),
  ].join(' — ');
}

interface AuditRow {
  id: string;
  actor: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  member: string | null;
  details: unknown;
  created_at: string;
}

/** The journal's order: by time, the id breaking the ties of one instant (migration 0036). */
const NEWEST_FIRST = 'a.created_at DESC, a.id DESC';

/** The entries of `source` (rows of audit_log as `a`), with who acted and whom they concern. */
const selectAudit = (source = 'audit_log a') => `SELECT a.id, u.identifier AS actor, a.action,
            a.subject_type, a.subject_id, m.identifier AS member, a.details, a.created_at::text AS created_at
       FROM ${source} LEFT JOIN users u ON u.id = a.actor_id LEFT JOIN users m ON m.id = a.member_id`;

const entryOf = (r: AuditRow): AuditEntry => ({
  id: Number(r.id),
  actor: r.actor,
  action: r.action,
  label: labelOf(r.action),
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  member: r.member,
  details: r.details,
  detail: detailOf(r.details),
  createdAt: r.created_at,
});

/**
 * Every action about one person, newest first: their file, Fiche, claims, places, invoices — or
 * only those on the given kinds of subject.
 */
export async function memberAudit(
  db: Queryable,
  memberId: string,
  limit: number,
  subjectTypes: readonly string[] | null = null,
): Promise<AuditEntry[]> {
  const rows = await db.query<AuditRow>(
    `${selectAudit()} WHERE a.member_id = $1 AND ($3::text[] IS NULL OR a.subject_type = ANY($3))
      ORDER BY ${NEWEST_FIRST} LIMIT $2`,
    [memberId, limit, subjectTypes],
  );
  return rows.map(entryOf);
}

/** How many actions the admin's journal shows at a time. */
export const AUDIT_PAGE = 100;

/** What the admin's journal is narrowed to; each part left out matches every action. */
export interface AuditFilter {
  /** Only actions older than this entry: the next page. */
  readonly before?: number | undefined;
  readonly action?: AuditAction | undefined;
  /** Part of the identifier of the staff member who acted (« GEST »). */
  readonly actor?: string | undefined;
  /** Part of the identifier of the person concerned (« IN-0001 »). */
  readonly member?: string | undefined;
  /** The committee's calendar days, both included. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** An action written in a statement: one of AUDIT_ACTIONS' names, nothing else. */
function actionLiteral(action: AuditAction): string {
  if (!Object.hasOwn(AUDIT_ACTIONS, action)) throw new Error(`unknown audit action ${action}`);
  return `'${action}'`;
}

/**
 * Up to this many persons matched, the journal reads each one's actions through their index (who
 * acted, whom it concerns); more, and it walks the log back (their actions are then many, and
 * soon found).
 */
const FEW_PERSONS = 50;

/**
 * SQL: `a` comes before the entry whose id is at `at`, in the journal's order. Said as a bound on
 * the time alone, and a tie broken by the id: an index scan then starts at the nearer of it and a
 * search's last day (a row comparison is not merged with the day's, and every action since the
 * cursor would be stepped over).
 */
const beforeEntry = (at: string): string =>
  `a.created_at <= (SELECT b.created_at FROM audit_log b WHERE b.id = ${at})
   AND (a.created_at < (SELECT b.created_at FROM audit_log b WHERE b.id = ${at}) OR a.id < ${at})`;

const allOf = (conditions: readonly string[]): string =>
  conditions.length === 0 ? 'true' : conditions.join(' AND ');

/** A search by part of an identifier: the column it narrows, and the persons it matched if few. */
interface PersonNarrowing {
  readonly column: 'actor_id' | 'member_id';
  readonly part: string;
  readonly few: readonly string[] | null;
}

async function personNarrowing(
  db: Queryable,
  column: PersonNarrowing['column'],
  part: string | undefined,
): Promise<PersonNarrowing[]> {
  if (part === undefined) return [];
  const persons = await db.query<{ id: string }>(
    `SELECT id FROM users WHERE identifier ILIKE $1 LIMIT ${String(FEW_PERSONS + 1)}`,
    [containing(part)],
  );
  return [{ column, part, few: persons.length > FEW_PERSONS ? null : persons.map((p) => p.id) }];
}

/**
 * A page of the admin's journal, newest first, and whether older actions match too: those before
 * the entry `before` in that order. The statement names only the conditions the search uses, so
 * that each combination has a plan of its own, each through an index (days, actions, who acted),
 * not a walk back through the whole log — the log is read in the order of time, as the indexes
 * are, so that a week of last year is found where it is, not after every newer action. An action is
 * written in the statement, not passed: a parameter would get the plan of a common action, and a
 * rare one would walk the log. The actions of a few persons are read person by person through
 * their index: a plan made for any part of an identifier (a prepared statement's, or one that
 * expects a gestionnaire to have acted a few times) would walk or hash the whole log for one.
 */
export async function auditPage(
  db: Queryable,
  filter: AuditFilter,
): Promise<{ entries: AuditEntry[]; more: boolean }> {
  const params: unknown[] = [AUDIT_PAGE + 1];
  const param = (value: unknown): string => `$${String(params.push(value))}`;
  const { before, action, actor, member, from, to } = filter;
  const people = [
    ...(await personNarrowing(db, 'member_id', member)),
    ...(await personNarrowing(db, 'actor_id', actor)),
  ];
  // The first search of few persons leads: each one's newest actions, then the newest of all.
  const lead = people.find((p) => p.few !== null);
  const conditions = [
    before === undefined ? null : beforeEntry(param(before)),
    action === undefined ? null : `a.action = ${actionLiteral(action)}`,
    from === undefined ? null : `a.created_at >= ${param(from)}::date`,
    to === undefined ? null : `a.created_at < ${param(to)}::date + 1`,
    ...people
      .filter((p) => p !== lead)
      .map(({ column, part, few }) =>
        few === null
          ? `a.${column} IN (SELECT id FROM users WHERE identifier ILIKE ${param(containing(part))})`
          : `a.${column} = ANY(${param(few)}::uuid[])`,
      ),
  ].filter((condition) => condition !== null);
  const sql = lead
    ? selectAudit(
        `unnest(${param(lead.few)}::uuid[]) AS p(id) CROSS JOIN LATERAL (
           SELECT * FROM audit_log a WHERE a.${lead.column} = p.id AND ${allOf(conditions)}
            ORDER BY ${NEWEST_FIRST} LIMIT $1) a`,
      )
    : `${selectAudit()} WHERE ${allOf(conditions)}`;
  const rows = await db.query<AuditRow>(`${sql} ORDER BY ${NEWEST_FIRST} LIMIT $1`, params);
  return { entries: rows.slice(0, AUDIT_PAGE).map(entryOf), more: rows.length > AUDIT_PAGE };
}
