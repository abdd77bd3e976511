import { activitySectors, type StaffSector } from '@entraide/contract';
import type { Queryable } from '../../db/database.ts';
import type { AppContext } from '../accounts/context.ts';
import { worksIn, type CurrentUser } from '../accounts/session-cookies.ts';
import { closedUnallocated } from '../registrations/selection.ts';
import { chequeToDeposit } from '../billing/payments.ts';

/** One queue of the back office: what waits in it for this staff member, and where it is. */
export interface Queue {
  readonly key: string;
  readonly label: string;
  readonly count: number;
  readonly link: string;
}

interface QueueDefinition {
  readonly key: string;
  /** What waits, in the singular (0 and 1, as French counts) and the plural. */
  readonly label: readonly [string, string];
  readonly link: string;
  /** The staff sectors that work this queue. */
  readonly for: readonly StaffSector[];
  /** How many items wait, among those of `sectors` (null: every sector). */
  readonly count: (
    db: Queryable,
    sectors: readonly string[] | null,
    today: string,
  ) => Promise<number>;
}

const countOf = async (db: Queryable, sql: string, params: unknown[]): Promise<number> =>
  (await db.query<{ n: number }>(sql, params))[0]?.n ?? 0;

const QUEUES: readonly QueueDefinition[] = [
  {
    key: 'signUps',
    label: ['demande d’inscription à examiner', 'demandes d’inscription à examiner'],
    link: '/gestion/inscriptions',
    for: ['fiche-agent'],
    count: (db) =>
      countOf(db, `SELECT count(*)::int AS n FROM sign_up_requests WHERE status = 'pending'`, []),
  },
  {
    key: 'records',
    label: ['Fiche Agent à valider', 'Fiches Agent à valider'],
    link: '/gestion/fiches',
    for: ['fiche-agent'],
    count: (db) =>
      countOf(db, `SELECT count(*)::int AS n FROM agent_records WHERE status = 'submitted'`, []),
  },
  {
    key: 'selection',
    label: [
      'session clôturée en attente de sélection',
      'sessions clôturées en attente de sélection',
    ],
    link: '/gestion/selection',
    for: activitySectors,
    count: (db, sectors, today) =>
      countOf(
        db,
        `SELECT count(*)::int AS n FROM activity_sessions s JOIN activities a ON a.id = s.activity_id
          WHERE ${closedUnallocated('$2')} AND ($1::text[] IS NULL OR a.sector = ANY($1))`,
        [sectors, today],
      ),
  },
  {
    key: 'overdue',
    label: ['facture avec une échéance impayée', 'factures avec une échéance impayée'],
    link: '/gestion/reglements',
    for: activitySectors,
    count: (db, sectors, today) =>
      countOf(
        db,
        // What fell due and what was paid, each summed in one pass by invoice (not two lookups
        // for every invoice ever issued: 0,65–0,76 s → 0,15 s on 100 000 invoices).
        `WITH due AS (SELECT invoice_id, sum(amount_cents) AS cents FROM instalments
                       WHERE NOT cancelled AND due_on <= $2 GROUP BY invoice_id),
              paid AS (SELECT invoice_id, sum(amount_cents) AS cents FROM payments GROUP BY invoice_id)
         SELECT count(*)::int AS n FROM due JOIN invoices i ON i.id = due.invoice_id
           LEFT JOIN paid ON paid.invoice_id = i.id
          WHERE i.kind = 'invoice' AND ($1::text[] IS NULL OR i.sector = ANY($1))
            AND due.cents > coalesce(paid.cents, 0)`,
        [sectors, today],
      ),
  },
  {
    key: 'cheques',
    label: ['chèque à remettre en banque', 'chèques à remettre en banque'],
    link: '/gestion/reglements',
    for: activitySectors,
    count: (db, sectors, today) =>
      countOf(
        db,
        `SELECT count(*)::int AS n FROM payments p JOIN invoices i ON i.id = p.invoice_id
          WHERE ${chequeToDeposit('$2')} AND ($1::text[] IS NULL OR i.sector = ANY($1))`,
        [sectors, today],
      ),
  },
  {
    key: 'claims',
    label: [
      'demande de subvention a posteriori à examiner',
      'demandes de subvention a posteriori à examiner',
    ],
    link: '/gestion/subventions',
    for: activitySectors,
    count: (db, sectors) =>
      countOf(
        db,
        `SELECT count(*)::int AS n FROM claims WHERE status = 'submitted' AND ($1::text[] IS NULL OR sector = ANY($1))`,
        [sectors],
      ),
  },
  {
    key: 'payouts',
    label: ['subvention à verser ou lot à confirmer', 'subventions à verser ou lots à confirmer'],
    link: '/gestion/subventions',
    for: [...activitySectors, 'comptabilite'],
    count: async (db, sectors) =>
      (await countOf(
        db,
        `SELECT count(*)::int AS n FROM claims WHERE status = 'approved' AND payout_id IS NULL AND ($1::text[] IS NULL OR sector = ANY($1))`,
        [sectors],
      )) +
      (await countOf(
        db,
        `SELECT count(*)::int AS n FROM payouts WHERE exported_at IS NOT NULL AND sent_on IS NULL AND cancelled_at IS NULL`,
        [],
      )),
  },
  {
    key: 'solidarity',
    label: ['demande Solidarité à examiner', 'demandes Solidarité à examiner'],
    link: '/gestion/solidarite',
    for: ['solidarite'],
    count: (db) =>
      countOf(
        db,
        `SELECT count(*)::int AS n FROM solidarity_requests WHERE status = 'submitted'`,
        [],
      ),
  },
];

/**
 * The back office's home: for each queue this staff member works (every queue for an admin),
 * how many items wait — only those of their sectors, as every query of theirs is scoped.
 */
export async function staffQueues(ctx: AppContext, staff: CurrentUser): Promise<Queue[]> {
  const admin = staff.role === 'admin';
  const accounting = staff.sectors.includes('comptabilite');
  const mine = QUEUES.filter((q) => q.for.some((sector) => worksIn(staff, sector)));
  const today = ctx.today();
  return Promise.all(
    mine.map(async (q) => {
      const everySector = admin || (accounting && q.key === 'payouts');
      const count = await q.count(ctx.db, everySector ? null : staff.sectors, today);
      return { key: q.key, label: q.label[count > 1 ? 1 : 0], link: q.link, count };
    }),
  );
}
