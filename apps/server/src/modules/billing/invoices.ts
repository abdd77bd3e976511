import { formatCents, formatRate, gridLabel, type StayQuote } from '@entraide/rules';
import type { Queryable } from '../../db/database.ts';
import { notFound, requireUuid } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import { activityFields, sessionsById } from '../activities/catalogue.ts';
import { currentEntitlements } from '../household/agent-records.ts';
import {
  participantKey,
  quoteFor,
  yearUsage,
  type Participant,
  type QuoteFigures,
} from '../registrations/registration-requests.ts';
import { nextNumber } from './numbering.ts';
import { startPlan } from './payment-plans.ts';

/** One line of an invoice, in cents: charges positive, subsidies and credits negative. */
export interface InvoiceLine {
  readonly kind:
    'stay' | 'transport' | 'subsidy' | 'fee' | 'friend' | 'cancellation' | 'modification';
  readonly label: string;
  readonly amountCents: number;
  /** For a subsidy: grid, rate, base, days, the caps applied and the engine's explanation. */
  readonly subsidy?: {
    grid: string;
    rateBp: number;
    baseCents: number;
    days: number | null;
    reasons: readonly string[];
    explanation: unknown;
  };
}

export interface Invoice {
  readonly id: string;
  readonly kind: 'invoice' | 'credit_note';
  readonly reference: string;
  readonly year: number;
  readonly number: number;
  readonly memberId: string;
  readonly registrationId: string | null;
  readonly correctsId: string | null;
  readonly sector: string;
  readonly issuedOn: string;
  readonly lines: readonly InvoiceLine[];
  readonly totalCents: number;
  readonly subsidyCents: number;
  readonly ceilingCents: number;
}

const COLUMNS = `id, kind, reference, year, number, member_id, registration_id, corrects_id, sector,
  issued_on::text AS issued_on, lines, total_cents::int AS total_cents, subsidy_cents::int AS subsidy_cents,
  ceiling_cents::int AS ceiling_cents`;

interface Row {
  id: string;
  kind: Invoice['kind'];
  reference: string;
  year: number;
  number: number;
  member_id: string;
  registration_id: string | null;
  corrects_id: string | null;
  sector: string;
  issued_on: string;
  lines: InvoiceLine[];
  total_cents: number;
  subsidy_cents: number;
  ceiling_cents: number;
}

const toInvoice = (r: Row): Invoice => ({
  id: r.id,
  kind: r.kind,
  reference: r.reference,
  year: r.year,
  number: r.number,
  memberId: r.member_id,
  registrationId: r.registration_id,
  correctsId: r.corrects_id,
  sector: r.sector,
  issuedOn: r.issued_on,
  lines: r.lines,
  totalCents: r.total_cents,
  subsidyCents: r.subsidy_cents,
  ceilingCents: r.ceiling_cents,
});

export async function findInvoice(db: Queryable, id: string): Promise<Invoice> {
  const [row] = await db.query<Row>(`SELECT ${COLUMNS} FROM invoices WHERE id = $1`, [
    requireUuid(id),
  ]);
  if (!row) throw notFound();
  return toInvoice(row);
}

export async function memberInvoices(db: Queryable, memberId: string): Promise<Invoice[]> {
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM invoices WHERE member_id = $1 ORDER BY issued_on DESC, reference DESC`,
    [memberId],
  );
  return rows.map(toInvoice);
}

/** Writes an invoice or a credit note with the next number of its year; the total is its lines'. */
export async function writeInvoice(
  tx: Queryable,
  invoice: Pick<
    Invoice,
    'kind' | 'memberId' | 'registrationId' | 'correctsId' | 'sector' | 'issuedOn' | 'lines'
  > & { ceilingCents: number },
): Promise<Invoice> {
  const year = Number(invoice.issuedOn.slice(0, 4));
  const { number, reference } = await nextNumber(tx, invoice.kind, year);
  const total = invoice.lines.reduce((sum, line) => sum + line.amountCents, 0);
  const subsidy = -invoice.lines
    .filter((line) => line.kind === 'subsidy')
    .reduce((sum, line) => sum + line.amountCents, 0);
  const [row] = await tx.query<Row>(
    `INSERT INTO invoices (kind, year, number, reference, member_id, registration_id, corrects_id, sector, issued_on,
       lines, total_cents, subsidy_cents, ceiling_cents)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${COLUMNS}`,
    [
      invoice.kind,
      year,
      number,
      reference,
      invoice.memberId,
      invoice.registrationId,
      invoice.correctsId,
      invoice.sector,
      invoice.issuedOn,
      JSON.stringify(invoice.lines),
      total,
      subsidy,
      invoice.ceilingCents,
    ],
  );
  if (!row) throw new Error('no invoice written');
  return toInvoice(row);
}

/** The lines of a confirmed place: stay and transport before subsidy, each subsidy, the fees. */
function placeLines(
  quote: StayQuote,
  gridName: (grid: string) => string,
  what: { title: string; participant: Participant; city: string | null; friendCents: number },
): InvoiceLine[] {
  const reasons = quote.reasons.map((r) => r.text);
  const lines: InvoiceLine[] = [
    {
      kind: 'stay',
      label: `${what.title} — ${what.participant.firstName} ${what.participant.lastName} (${quote.days} jours)`,
      amountCents: quote.priceCents,
    },
  ];
  if (quote.transportCents > 0)
    lines.push({
      kind: 'transport',
      label: `Transport organisé depuis ${what.city ?? '—'}`,
      amountCents: quote.transportCents,
    });
  for (const line of quote.lines)
    if (line.subsidyCents > 0)
      lines.push({
        kind: 'subsidy',
        label: `Subvention ${line.item === 'stay' ? 'du séjour' : 'du transport'} : ${gridName(line.grid)} ${formatRate(line.rateBp)} sur ${formatCents(line.baseCents)}`,
        amountCents: -line.subsidyCents,
        subsidy: {
          grid: line.grid,
          rateBp: line.rateBp,
          baseCents: line.baseCents,
          days: line.days,
          reasons,
          explanation: quote.explanation,
        },
      });
  const beforeCeiling = quote.lines.reduce((sum, line) => sum + line.subsidyCents, 0);
  if (beforeCeiling > quote.subsidyCents)
    lines.push({
      kind: 'subsidy',
      label: `Subvention limitée : ${quote.reasons.find((r) => r.code === 'annual_ceiling')?.text ?? 'plafond annuel'}`,
      amountCents: beforeCeiling - quote.subsidyCents,
    });
  for (const fee of quote.fees)
    lines.push({ kind: 'fee', label: fee.label, amountCents: fee.cents });
  if (what.friendCents > 0)
    lines.push({
      kind: 'friend',
      label: 'Ami(e) non ayant droit (plein tarif, sans subvention)',
      amountCents: what.friendCents,
    });
  return lines;
}

/**
 * The invoice of a place just confirmed. The choice is quoted again with what the household
 * used until now (another child may have been placed since the request), so no invoice grants
 * more than is left of the ceiling and the allowances; the request keeps this final quote.
 */
export async function issuePlaceInvoice(
  ctx: AppContext,
  tx: Queryable,
  requestId: string,
): Promise<Invoice> {
  const [request] = await tx.query<{
    member_id: string;
    participant: Participant;
    choices: { sessionId: string; transportCity: string | null }[];
    placed_session_id: string;
    placed_rank: number;
    quotes: QuoteFigures[];
    friend: unknown;
    ski_aid: boolean;
    year: number;
    deposit_method: string;
  }>(
    `SELECT member_id, participant, choices, placed_session_id, placed_rank, quotes, friend, ski_aid, year, deposit_method
       FROM registration_requests WHERE id = $1`,
    [requestId],
  );
  if (!request) throw notFound();
  const [session] = await sessionsById(tx, [request.placed_session_id]);
  const record = await currentEntitlements(tx, request.member_id, request.year);
  if (!session || !record?.packId) throw notFound();
  const activity = await activityFields(tx, session.activityId, true);
  const pack = ctx.packs.get(record.packId);
  const city = request.choices[request.placed_rank - 1]?.transportCity ?? null;
  const transportCents = session.transport.find((t) => t.city === city)?.priceCents ?? 0;
  const used = await yearUsage(
    tx,
    request.member_id,
    participantKey(request.participant),
    request.year,
    requestId,
  );
  const quote = quoteFor(pack, record, request.participant, activity, session, {
    transportCents,
    today: ctx.today(),
    used,
    skiAid: request.ski_aid,
  });
  const quotes = [...request.quotes];
  const kept = quotes[request.placed_rank - 1];
  if (kept)
    quotes[request.placed_rank - 1] = {
      ...kept,
      subsidyCents: quote.subsidyCents,
      leftToPayCents: quote.leftToPayCents,
      depositCents: quote.depositCents,
      usage: quote.usage,
      reasons: quote.reasons,
    };
  await tx.query('UPDATE registration_requests SET quotes = $2 WHERE id = $1', [
    requestId,
    JSON.stringify(quotes),
  ]);
  const invoice = await writeInvoice(tx, {
    kind: 'invoice',
    memberId: request.member_id,
    registrationId: requestId,
    correctsId: null,
    sector: activity.sector,
    issuedOn: ctx.today(),
    lines: placeLines(quote, (grid) => gridLabel(pack, grid), {
      title: `${activity.title}, ${session.label}`,
      participant: request.participant,
      city,
      friendCents: request.friend ? session.priceCents + transportCents : 0,
    }),
    ceilingCents: quote.usage.ceilingCents,
  });
  await startPlan(tx, invoice, {
    depositCents: Math.min(quote.depositCents, invoice.totalCents),
    depositMethod: request.deposit_method,
    firstDay: session.firstDay,
    organization: ctx.organization.id,
  });
  return invoice;
}
