import type { PlannedInstalment } from '@entraide/contract';
import {
  formatCents,
  formatRate,
  gridLabel,
  type BookingQuote,
  type Relation,
} from '@entraide/rules';
import type { Queryable } from '../../db/database.ts';
import { notFound, requireUuid } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import {
  ACTIVITY_COLUMNS,
  SESSION_COLUMNS,
  toFields,
  toSession,
  type ActivityRow,
  type SessionRow,
} from '../activities/catalogue.ts';
import { toRecord, validatedRecordJson, type RecordRow } from '../household/agent-records.ts';
import {
  bookingFigures,
  householdUsageOf,
  participantPrices,
  quoteBookingFor,
  type Participant,
  type QuoteFigures,
  type UsageRows,
} from '../registrations/registration-requests.ts';
import { usageColumns } from '../registrations/request-facts.ts';
import { NEXT_NUMBER } from './numbering.ts';
import { firstInstalments } from './payment-plans.ts';
import { referenceSql } from './references.ts';

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

/** SQL: `i` is a place's invoice in force — the invoice of its stay that no credit note cancels. */
export const PLACE_INVOICE_IN_FORCE = `i.kind = 'invoice' AND i.lines -> 0 ->> 'kind' = 'stay'
  AND NOT EXISTS (SELECT 1 FROM invoices c WHERE c.corrects_id = i.id)`;

/**
 * The places' invoices in force among all of a member's invoices, read: PLACE_INVOICE_IN_FORCE on
 * rows in memory. A place's fee (a change's, a cancellation's) is an invoice of its own for the
 * same place, not its invoice in force.
 */
export function placeInvoicesInForce(invoices: readonly Invoice[]): Invoice[] {
  const corrected = new Set(invoices.map((i) => i.correctsId));
  return invoices.filter(
    (i) => i.kind === 'invoice' && i.lines[0]?.kind === 'stay' && !corrected.has(i.id),
  );
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

/**
 * Writes an invoice or a credit note with the next number of its year, and the instalments of
 * its plan (what `plan` gives for its total), in one statement: the number's counter, held until
 * the commit (lock order, step 5), is taken last in the caller's transaction and kept for one
 * round trip — none when the statement is the transaction's last (`lastStatement`), sent with
 * its COMMIT. The total is its lines'.
 */
export async function writeInvoice(
  tx: Queryable,
  invoice: Pick<
    Invoice,
    'kind' | 'memberId' | 'registrationId' | 'correctsId' | 'sector' | 'issuedOn' | 'lines'
  > & { ceilingCents: number },
  plan: (totalCents: number) => readonly PlannedInstalment[] = () => [],
): Promise<Invoice> {
  const total = invoice.lines.reduce((sum, line) => sum + line.amountCents, 0);
  const subsidy = -invoice.lines
    .filter((line) => line.kind === 'subsidy')
    .reduce((sum, line) => sum + line.amountCents, 0);
  const instalments = plan(total);
  const [row] = await tx.query<Row>(
    `WITH counter AS (${NEXT_NUMBER}),
     invoice AS (
       INSERT INTO invoices (kind, year, number, reference, member_id, registration_id, corrects_id, sector, issued_on,
         lines, total_cents, subsidy_cents, ceiling_cents)
       SELECT $1, $2, c.last_number, ${referenceSql(invoice.kind, '$2::int', 'c.last_number')}, $3, $4, $5, $6, $7,
              $8, $9, $10, $11 FROM counter c
       RETURNING ${COLUMNS}),
     plan AS (
       INSERT INTO instalments (invoice_id, position, method, due_on, amount_cents)
       SELECT i.id, p.position, p.method, p.due_on, p.amount_cents
         FROM invoice i, unnest($12::text[], $13::date[], $14::bigint[]) WITH ORDINALITY AS p(method, due_on, amount_cents, position))
     SELECT * FROM invoice`,
    [
      invoice.kind,
      Number(invoice.issuedOn.slice(0, 4)),
      invoice.memberId,
      invoice.registrationId,
      invoice.correctsId,
      invoice.sector,
      invoice.issuedOn,
      JSON.stringify(invoice.lines),
      total,
      subsidy,
      invoice.ceilingCents,
      instalments.map((i) => i.method),
      instalments.map((i) => i.dueOn),
      instalments.map((i) => i.amountCents),
    ],
  );
  if (!row) throw new Error('no invoice written');
  return toInvoice(row);
}

/** The lines of a confirmed place: per person, the stay and transport, each subsidy; then the fees. */
function placeLines(
  quote: BookingQuote,
  gridName: (grid: string) => string,
  what: {
    title: string;
    participants: readonly Participant[];
    city: string | null;
    lodging: string | null;
    friendCents: number;
  },
): InvoiceLine[] {
  const lines: InvoiceLine[] = [];
  const several = quote.participants.length > 1;
  quote.participants.forEach((person, index) => {
    const who = what.participants[index];
    const name = `${who?.firstName ?? person.name} ${who?.lastName ?? ''}`.trim();
    const status = several ? ` — ${RELATION_WORDS[person.relation]}, ${person.age} ans` : '';
    lines.push({
      kind: 'stay',
      label: `${what.title} — ${name}${status} (${quote.days} jours${index === 0 && what.lodging ? `, ${what.lodging}` : ''})`,
      amountCents: person.priceCents,
    });
    if (person.transportCents > 0)
      lines.push({
        kind: 'transport',
        label: `Transport organisé depuis ${what.city ?? '—'}${several ? ` — ${name}` : ''}`,
        amountCents: person.transportCents,
      });
    const reasons = person.reasons.map((r) => r.text);
    for (const line of person.lines)
      if (line.subsidyCents > 0)
        lines.push({
          kind: 'subsidy',
          label: `Subvention ${line.item === 'stay' ? 'du séjour' : 'du transport'}${several ? ` de ${name}` : ''} : ${gridName(line.grid)} ${formatRate(line.rateBp)} sur ${formatCents(line.baseCents)}`,
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
    if (person.subsidyBeforeCeilingCents > person.subsidyCents)
      lines.push({
        kind: 'subsidy',
        label: `Subvention limitée : ${person.reasons.find((r) => r.code === 'annual_ceiling')?.text ?? 'plafond annuel'}`,
        amountCents: person.subsidyBeforeCeilingCents - person.subsidyCents,
      });
  });
  for (const fee of quote.fees)
    lines.push({ kind: 'fee', label: fee.label, amountCents: fee.cents });
  if (what.friendCents > 0)
    lines.push({
      kind: 'friend',
      label: 'Ami ou amie non ayant droit (plein tarif, sans subvention)',
      amountCents: what.friendCents,
    });
  return lines;
}

/** How an invoice line names a person's status on a family booking. */
const RELATION_WORDS: Record<Relation, string> = {
  member: 'ouvrant droit',
  spouse: 'conjoint',
  child: 'enfant',
  disabledAdultDependant: 'adulte à charge',
  directRelative: 'filiation directe (prix base TD)',
  widowNonEntitled: 'veuf ou veuve (prix base TD)',
  nonEntitled: 'non ayant droit (tarif extérieur)',
};

/** What the invoice of a confirmed place is computed from (`placeFacts`). */
interface PlaceFactsRow extends UsageRows {
  member_id: string;
  participant: Participant;
  participants: Participant[];
  choices: { sessionId: string; transportCity: string | null; lodgingType?: string | null }[];
  placed_rank: number;
  quotes: QuoteFigures[];
  friend: unknown;
  ski_aid: boolean;
  year: number;
  deposit_method: string;
  session: SessionRow | null;
  activity: ActivityRow | null;
  record: RecordRow | null;
}

/**
 * The request of a confirmed place, its session and activity, the household's validated Fiche
 * of the request's year and what the household used without it, read in one statement: the
 * follow-up of each place given at closing or first come, first served (issue 15, point 5).
 */
async function placeFacts(tx: Queryable, requestId: string) {
  const [row] = await tx.query<PlaceFactsRow>(
    `WITH r AS (
       SELECT id, member_id, participant, participants, choices, placed_session_id, placed_rank, quotes, friend,
              ski_aid, year, deposit_method
         FROM registration_requests WHERE id = $1),
          placed AS (SELECT ${SESSION_COLUMNS} FROM activity_sessions s WHERE s.id = (SELECT placed_session_id FROM r))
     SELECT r.member_id, r.participant, r.participants, r.choices, r.placed_rank, r.quotes, r.friend, r.ski_aid,
            r.year, r.deposit_method,
       (SELECT row_to_json(p) FROM placed p) AS session,
       (SELECT row_to_json(a) FROM (
          SELECT ${ACTIVITY_COLUMNS} FROM activities WHERE id = (SELECT activity_id FROM placed)) a) AS activity,
       ${validatedRecordJson('r.member_id', 'r.year')} AS record,
       ${usageColumns('r.member_id', 'r.year', 'r.id')}
       FROM r`,
    [requestId],
  );
  if (!row?.session || !row.activity || !row.record?.pack_id) throw notFound();
  return {
    request: row,
    session: toSession(row.session),
    activity: toFields(row.activity),
    record: toRecord(row.record),
    packId: row.record.pack_id,
    usage: householdUsageOf(row, row.year),
  };
}

/**
 * The invoice of a place just confirmed. The choice is quoted again with what the household
 * used until now (another child may have been placed since the request), so no invoice grants
 * more than is left of the ceiling and the allowances; the request keeps this final quote, and
 * its quotes as they now stand are returned with the invoice. The invoice's statement goes
 * through `written` (by default `tx`; the transaction's last statement when nothing follows it).
 */
export async function issuePlaceInvoice(
  ctx: AppContext,
  tx: Queryable,
  requestId: string,
  written: Queryable = tx,
): Promise<{ invoice: Invoice; quotes: QuoteFigures[] }> {
  const { request, session, activity, record, packId, usage } = await placeFacts(tx, requestId);
  const pack = ctx.packs.get(packId);
  const choice = request.choices[request.placed_rank - 1];
  const city = choice?.transportCity ?? null;
  const lodging = choice?.lodgingType ?? null;
  const transportCents = session.transport.find((t) => t.city === city)?.priceCents ?? 0;
  const participants =
    request.participants.length > 0 ? request.participants : [request.participant];
  const quote = quoteBookingFor(pack, record, participants, activity, session, {
    prices: participantPrices(session, participants, lodging, request.placed_rank - 1),
    transportCents,
    today: ctx.today(),
    usage,
    skiAid: request.ski_aid,
    choice: request.placed_rank - 1,
  });
  const quotes = [...request.quotes];
  if (quotes[request.placed_rank - 1])
    quotes[request.placed_rank - 1] = bookingFigures(session.id, quote, participants, lodging);
  await tx.query('UPDATE registration_requests SET quotes = $2 WHERE id = $1', [
    requestId,
    JSON.stringify(quotes),
  ]);
  const issuedOn = ctx.today();
  const invoice = await writeInvoice(
    written,
    {
      kind: 'invoice',
      memberId: request.member_id,
      registrationId: requestId,
      correctsId: null,
      sector: activity.sector,
      issuedOn,
      lines: placeLines(quote, (grid) => gridLabel(pack, grid), {
        title: `${activity.title}, ${session.label}`,
        participants,
        city,
        lodging,
        friendCents: request.friend ? session.priceCents + transportCents : 0,
      }),
      ceilingCents: quote.usage.ceilingCents,
    },
    (totalCents) =>
      firstInstalments(totalCents, issuedOn, {
        depositCents: Math.min(quote.depositCents, totalCents),
        depositMethod: request.deposit_method,
        firstDay: session.firstDay,
        organization: ctx.organization.id,
      }),
  );
  return { invoice, quotes };
}
