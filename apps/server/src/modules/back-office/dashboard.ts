import type { ActivitySector, SectorDashboard } from '@entraide/contract';
import type { Queryable } from '../../db/database.ts';
import { decimalComma, frenchCsv } from '../../csv.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { recordAudit } from '../audit/audit-log.ts';

/** The dashboards of the given activity sectors for a year. */
export async function sectorDashboards(
  db: Queryable,
  sectors: readonly ActivitySector[],
  year: number,
): Promise<SectorDashboard[]> {
  return Promise.all(
    sectors.map(async (sector): Promise<SectorDashboard> => {
      const [money] = await db.query<{ budget: number | null; invoiced: number; granted: number }>(
        `SELECT (SELECT budget_cents::int FROM sector_budgets WHERE sector = $1 AND year = $2) AS budget,
                (SELECT coalesce(sum(subsidy_cents), 0)::int FROM invoices WHERE sector = $1 AND year = $2) AS invoiced,
                (SELECT coalesce(sum(approved_cents), 0)::int FROM claims
                  WHERE sector = $1 AND year = $2 AND status IN ('approved', 'paid')) AS granted`,
        [sector, year],
      );
      const sessions = await db.query<{
        label: string;
        places: number;
        requests: number;
        confirmed: number;
      }>(
        // The sector's requests read once, their choices counted by session: tested session by
        // session against every request's choices, 100 000 requests took 12–14 s (docs/benchmarks.md).
        `WITH listed AS (
           SELECT choice.id, count(*)::int AS requests
             FROM registration_requests r, unnest(r.session_ids) AS choice(id)
            WHERE r.sector = $1 AND r.status <> 'cancelled'
            GROUP BY choice.id)
         SELECT a.title || ' — ' || s.label AS label, s.places, coalesce(listed.requests, 0) AS requests,
                s.confirmed_count AS confirmed
           FROM activity_sessions s JOIN activities a ON a.id = s.activity_id
           LEFT JOIN listed ON listed.id = s.id
          WHERE a.sector = $1 AND extract(year FROM s.first_day) = $2 AND s.cancelled_at IS NULL
          ORDER BY s.first_day, a.title, s.label`,
        [sector, year],
      );
      // The sector's claims read twice in all, grouped by month (not twice for each month).
      const months = await db.query<{ month: number; sent: number; paid: number }>(
        `WITH sent AS (
           SELECT extract(month FROM c.created_at)::int AS month, count(*)::int AS claims
             FROM claims c WHERE c.sector = $1 AND extract(year FROM c.created_at) = $2
            GROUP BY 1),
         paid AS (
           SELECT extract(month FROM p.sent_on)::int AS month, sum(c.approved_cents)::int AS cents
             FROM claims c JOIN payouts p ON p.id = c.payout_id
            WHERE c.sector = $1 AND extract(year FROM p.sent_on) = $2
            GROUP BY 1)
         SELECT m AS month, coalesce(sent.claims, 0) AS sent, coalesce(paid.cents, 0) AS paid
           FROM generate_series(1, 12) AS m
           LEFT JOIN sent ON sent.month = m LEFT JOIN paid ON paid.month = m
          ORDER BY m`,
        [sector, year],
      );
      return {
        sector,
        year,
        budgetCents: money?.budget ?? null,
        committedCents: (money?.invoiced ?? 0) + (money?.granted ?? 0),
        sessions,
        claims: months.map((m) => ({ month: m.month, sent: m.sent, paidCents: m.paid })),
      };
    }),
  );
}

/** The admin sets a sector's budget for a year; audited. */
export async function setSectorBudget(
  db: Queryable,
  admin: CurrentUser,
  sector: ActivitySector,
  year: number,
  budgetCents: number,
): Promise<void> {
  await db.query(
    `INSERT INTO sector_budgets (sector, year, budget_cents, set_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (sector, year) DO UPDATE SET budget_cents = $3, set_by = $4, set_at = now()`,
    [sector, year, budgetCents, admin.id],
  );
  await recordAudit(db, admin.id, 'budget.set', 'sector', sector, { year, budgetCents });
}

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** Every figure of the dashboards as one French CSV, for a spreadsheet. */
export function dashboardCsv(dashboards: readonly SectorDashboard[]): string {
  return frenchCsv([
    ['Secteur', 'Année', 'Indicateur', 'Détail', 'Valeur'],
    ...dashboards.flatMap((d) => {
      const row = (what: string, detail: string, value: string) => [
        d.sector,
        String(d.year),
        what,
        detail,
        value,
      ];
      return [
        row('Budget (€)', '', d.budgetCents === null ? '' : decimalComma(d.budgetCents)),
        row('Subventions engagées (€)', '', decimalComma(d.committedCents)),
        ...d.sessions.flatMap((s) => [
          row('Places', s.label, String(s.places)),
          row('Demandes', s.label, String(s.requests)),
          row('Places attribuées', s.label, String(s.confirmed)),
        ]),
        ...d.claims.flatMap((c) => [
          row('Demandes de subvention reçues', MONTHS[c.month - 1] ?? '', String(c.sent)),
          row('Subventions versées (€)', MONTHS[c.month - 1] ?? '', decimalComma(c.paidCents)),
        ]),
      ];
    }),
  ]);
}
