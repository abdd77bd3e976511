import type { Queryable } from '../../db/database.ts';
import { decimalComma, frenchCsv } from '../../csv.ts';
import { xlsx } from './xlsx.ts';

export const exportKinds = ['invoices', 'payments', 'subsidies'] as const;
export type ExportKind = (typeof exportKinds)[number];

export interface ExportFilter {
  readonly sector: string | null;
  readonly from: string;
  readonly to: string;
}

/** A table of text and amounts in cents (amount columns are named in `money`). */
interface Table {
  readonly headers: readonly string[];
  readonly money: ReadonlySet<number>;
  readonly rows: readonly (readonly (string | number)[])[];
}

async function table(db: Queryable, kind: ExportKind, f: ExportFilter): Promise<Table> {
  const params = [f.sector, f.from, f.to];
  if (kind === 'invoices') {
    const rows = await db.query<Record<string, string | number>>(
      `SELECT i.reference, CASE i.kind WHEN 'invoice' THEN 'facture' ELSE 'avoir' END AS kind, i.issued_on::text AS issued_on,
              i.sector, u.identifier, u.last_name || ' ' || u.first_name AS member,
              i.total_cents::int AS total, i.subsidy_cents::int AS subsidy
         FROM invoices i JOIN users u ON u.id = i.member_id
        WHERE ($1::text IS NULL OR i.sector = $1) AND i.issued_on BETWEEN $2 AND $3
        ORDER BY i.issued_on, i.reference`,
      params,
    );
    return {
      headers: [
        'Référence',
        'Type',
        'Date',
        'Secteur',
        'Identifiant',
        'Adhérent',
        'Total',
        'Subvention',
      ],
      money: new Set([6, 7]),
      rows: rows.map(
        (r) =>
          [
            r.reference,
            r.kind,
            r.issued_on,
            r.sector,
            r.identifier,
            r.member,
            r.total,
            r.subsidy,
          ] as (string | number)[],
      ),
    };
  }
  if (kind === 'payments') {
    const rows = await db.query<Record<string, string | number>>(
      `SELECT p.received_on::text AS received_on, i.reference, i.sector, u.identifier, u.last_name || ' ' || u.first_name AS member,
              p.method, COALESCE(p.cheque_number, '') AS cheque, COALESCE(s.reference, '') AS slip, p.amount_cents::int AS amount,
              COALESCE(o.reference || ' (' || o.provider || COALESCE(' ' || o.provider_id, '') || ')', '') AS online,
              COALESCE(o.fees_cents::int, 0) AS fees, COALESCE(p.reversal_reason, '') AS reversal
         FROM payments p JOIN invoices i ON i.id = p.invoice_id JOIN users u ON u.id = p.member_id
         LEFT JOIN deposit_slips s ON s.id = p.deposit_slip_id
         LEFT JOIN online_payments o ON o.payment_id = p.id
        WHERE ($1::text IS NULL OR i.sector = $1) AND p.received_on BETWEEN $2 AND $3
        ORDER BY p.received_on, i.reference`,
      params,
    );
    return {
      headers: [
        'Date',
        'Facture',
        'Secteur',
        'Identifiant',
        'Adhérent',
        'Moyen',
        'N° de chèque',
        'Remise',
        'Montant',
        'Paiement en ligne (prestataire)',
        'Frais du prestataire',
        'Annulation du règlement (motif)',
      ],
      money: new Set([8, 10]),
      rows: rows.map(
        (r) =>
          [
            r.received_on,
            r.reference,
            r.sector,
            r.identifier,
            r.member,
            r.method,
            r.cheque,
            r.slip,
            r.amount,
            r.online,
            r.fees,
            r.reversal,
          ] as (string | number)[],
      ),
    };
  }
  const rows = await db.query<Record<string, string | number>>(
    `SELECT i.sector, to_char(i.issued_on, 'YYYY-MM') AS month, count(*)::int AS invoices,
            sum(i.subsidy_cents)::int AS subsidy, sum(i.ceiling_cents)::int AS ceiling
       FROM invoices i
      WHERE ($1::text IS NULL OR i.sector = $1) AND i.issued_on BETWEEN $2 AND $3
      GROUP BY i.sector, month ORDER BY i.sector, month`,
    params,
  );
  return {
    headers: ['Secteur', 'Mois', 'Factures et avoirs', 'Subventions', 'Dont plafond annuel'],
    money: new Set([3, 4]),
    rows: rows.map(
      (r) => [r.sector, r.month, String(r.invoices), r.subsidy, r.ceiling] as (string | number)[],
    ),
  };
}

/** CSV: semicolons, UTF-8 with BOM, amounts with a decimal comma. */
export async function exportCsv(db: Queryable, kind: ExportKind, f: ExportFilter): Promise<string> {
  const t = await table(db, kind, f);
  return frenchCsv([
    t.headers,
    ...t.rows.map((row) =>
      row.map((cell, i) => (t.money.has(i) ? decimalComma(Number(cell)) : String(cell))),
    ),
  ]);
}

/** XLSX: the same table, amounts as numbers in euros. */
export async function exportXlsx(
  db: Queryable,
  kind: ExportKind,
  f: ExportFilter,
): Promise<Buffer> {
  const t = await table(db, kind, f);
  return xlsx(kind, [
    t.headers,
    ...t.rows.map((row) =>
      row.map((cell, i) => (t.money.has(i) ? Number(cell) / 100 : String(cell))),
    ),
  ]);
}
