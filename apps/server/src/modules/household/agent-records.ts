import {
  checkNotices,
  NOTICE_KINDS,
  type TaxNoticeSummary,
  type AgentRecordInput,
  type DependantInput,
  type NoticeCheck,
  type NoticeCheckStatus,
  type RecordQueueEntry,
  type RecordStatus,
  type BulkAnswer,
} from '@entraide/contract';
import {
  formatIsoDate,
  isComplete,
  RulesError,
  simulateHousehold,
  type HouseholdInput,
  type HouseholdSimulation,
  type Pack,
  type PackRegistry,
} from '@entraide/rules';
import type { Queryable } from '../../db/database.ts';
import { HttpError, invalidField, notFound, requireUuid } from '../../http.ts';
import { oneByOne } from '../../one-by-one.ts';
import type { AppContext } from '../accounts/context.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { templates } from '../notifications/templates.ts';
import { attachedDocuments, listDocuments, type DocumentSummary } from './documents.ts';
import { recordChanges, type RecordChange } from './record-changes.ts';
import { lockMember } from '../accounts/members.ts';

export interface AgentRecord {
  readonly id: string;
  readonly memberId: string;
  readonly year: number;
  readonly version: number;
  /** How many times this version was saved (a draft's saves; see `basedOn`). */
  readonly revision: number;
  readonly status: RecordStatus;
  readonly couple: boolean;
  readonly situationChangedOn: string | null;
  readonly memberDisabled: boolean;
  readonly taxIncomeEuros: number | null;
  readonly spouseTaxIncomeEuros: number | null;
  readonly dependants: readonly DependantInput[];
  readonly documentIds: readonly string[];
  readonly submittedAt: string | null;
  readonly decidedAt: string | null;
  readonly rejectionReason: string | null;
  readonly packId: string | null;
  readonly parts: number | null;
  readonly quotientCents: number | null;
  readonly ratesBp: Record<string, number> | null;
  readonly annualCeilingCents: number | null;
  readonly explanation: unknown;
}

/** The columns of a Fiche but its explanation. */
const RECORD_FIGURES = `id, member_id, year, version, revision, status, couple, situation_changed_on::text AS situation_changed_on, member_disabled, tax_income_euros, spouse_tax_income_euros,
  dependants, document_ids::text[] AS document_ids, submitted_at::text AS submitted_at, decided_at::text AS decided_at,
  rejection_reason, pack_id, parts::float8 AS parts, quotient_cents::int AS quotient_cents, rates_bp,
  annual_ceiling_cents::int AS annual_ceiling_cents`;

export const RECORD_COLUMNS = `${RECORD_FIGURES}, explanation`;

/**
 * SQL: the newest validated Fiche of the member `member` for the year `year` (SQL expressions),
 * as one JSON value (null without one): what a request is quoted and a place invoiced against.
 * Its explanation (about 2 kB of JSON that no quote reads) is left out: null.
 */
export const validatedRecordJson = (member: string, year: string) => `(SELECT row_to_json(f) FROM (
    SELECT ${RECORD_FIGURES}, NULL AS explanation FROM agent_records
     WHERE member_id = ${member} AND year = ${year} AND status = 'validated'
     ORDER BY version DESC LIMIT 1) f)`;

export interface RecordRow {
  id: string;
  member_id: string;
  year: number;
  version: number;
  revision: number;
  status: RecordStatus;
  couple: boolean;
  situation_changed_on: string | null;
  member_disabled: boolean;
  tax_income_euros: number | null;
  spouse_tax_income_euros: number | null;
  dependants: DependantInput[];
  document_ids: string[];
  submitted_at: string | null;
  decided_at: string | null;
  rejection_reason: string | null;
  pack_id: string | null;
  parts: number | null;
  quotient_cents: number | null;
  rates_bp: Record<string, number> | null;
  annual_ceiling_cents: number | null;
  explanation: unknown;
}

export const toRecord = (r: RecordRow): AgentRecord => ({
  id: r.id,
  memberId: r.member_id,
  year: r.year,
  version: r.version,
  revision: r.revision,
  status: r.status,
  couple: r.couple,
  situationChangedOn: r.situation_changed_on,
  memberDisabled: r.member_disabled,
  taxIncomeEuros: r.tax_income_euros,
  spouseTaxIncomeEuros: r.spouse_tax_income_euros,
  dependants: r.dependants,
  documentIds: r.document_ids,
  submittedAt: r.submitted_at,
  decidedAt: r.decided_at,
  rejectionReason: r.rejection_reason,
  packId: r.pack_id,
  parts: r.parts,
  quotientCents: r.quotient_cents,
  ratesBp: r.rates_bp,
  annualCeilingCents: r.annual_ceiling_cents,
  explanation: r.explanation,
});

/** Every version of a member's record for a year, newest first. */
export async function recordVersions(
  db: Queryable,
  memberId: string,
  year: number,
): Promise<AgentRecord[]> {
  const rows = await db.query<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM agent_records WHERE member_id = $1 AND year = $2 ORDER BY version DESC`,
    [memberId, year],
  );
  return rows.map(toRecord);
}

/** The household of a Fiche Agent as the rules read it (direct relatives count in no part). */
export function householdOf(
  record: Pick<
    AgentRecord,
    'taxIncomeEuros' | 'spouseTaxIncomeEuros' | 'couple' | 'memberDisabled' | 'dependants'
  >,
): HouseholdInput {
  return {
    taxIncomeEuros: record.taxIncomeEuros ?? 0,
    spouseTaxIncomeEuros: record.spouseTaxIncomeEuros ?? 0,
    couple: record.couple,
    memberDisabled: record.memberDisabled,
    spouseDisabled: record.dependants.some((d) => d.relation === 'spouse' && d.disabled),
    children: record.dependants
      .filter((d) => d.relation === 'child')
      .map((d) => ({
        birthDate: d.birthDate,
        sharedCustody: d.sharedCustody,
        disabled: d.disabled,
        fiscallyDependent: d.fiscallyDependent,
      })),
    disabledAdultDependants: record.dependants.filter((d) => d.relation === 'disabledAdult').length,
  };
}

/** The pack in force for a record year: the latest of the organization whose validity meets the year. */
function packCovering(
  packs: PackRegistry,
  organization: Pack['organization'],
  year: number,
): Pack | null {
  const candidates = packs
    .all()
    .filter(
      (pack) =>
        pack.organization === organization &&
        pack.data.validity.from <= `${year}-12-31` &&
        pack.data.validity.to >= `${year}-01-01`,
    )
    .sort((a, b) => b.data.validity.from.localeCompare(a.data.validity.from));
  return candidates[0] ?? null;
}

/** The same, for a use case that cannot go on without it. */
export function packForYear(
  packs: PackRegistry,
  organization: Pack['organization'],
  year: number,
): Pack {
  const pack = packCovering(packs, organization, year);
  if (!pack)
    throw new HttpError(
      422,
      'unknown_pack',
      `Aucun barème ${organization} ne couvre l’année ${year}.`,
    );
  return pack;
}

/**
 * The income year a record's tax notice must be of: the pack's stated year (Inserm 2021: the
 * RFR of 2019; CNRS 2019-2020: the notice of 2019, incomes of 2018), for every year it covers;
 * null for a year no pack covers (its notices are then judged on their incomes alone).
 */
export function incomeYearOf(
  packs: PackRegistry,
  organization: Pack['organization'],
  year: number,
): number | null {
  const pack = packCovering(packs, organization, year);
  return pack && Number(pack.data.validity.from.slice(0, 4)) + pack.data.income.taxYearOffset;
}

/** A record's typed incomes against its attached tax notices (member's and staff's views). */
export async function recordNotices(
  db: Queryable,
  record: AgentRecord,
  incomeYear: number | null,
): Promise<NoticeCheck> {
  return checkNotices(record, await listDocuments(db, record.memberId), incomeYear);
}

/** The years a record can be validated for: those a complete pack (with parts and grids) covers. */
export function recordYears(packs: PackRegistry, organization: Pack['organization']): number[] {
  const years = new Set<number>();
  for (const pack of packs.all()) {
    if (pack.organization !== organization || !isComplete(pack)) continue;
    for (
      let year = Number(pack.data.validity.from.slice(0, 4));
      year <= Number(pack.data.validity.to.slice(0, 4));
      year += 1
    )
      years.add(year);
  }
  return [...years].sort((a, b) => b - a);
}

async function checkOwnDocuments(
  tx: Queryable,
  memberId: string,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  const owned = await attachedDocuments(tx, memberId, ids);
  if (owned.length !== new Set(ids).size)
    throw new HttpError(
      400,
      'invalid_input',
      'Un document joint est introuvable dans vos documents.',
    );
}

/**
 * The day a Fiche's household is judged on (ages, who counts): 1 January of its year, or the day
 * its family situation changed during the year, from which the new version applies — a child
 * born during the year then counts (SPEC §7: the Fiche changes when the family situation does).
 */
export const householdDay = (record: {
  readonly year: number;
  readonly situationChangedOn: string | null;
}): string => record.situationChangedOn ?? `${record.year}-01-01`;

/** Whether the version and revision a page opened (null: no Fiche yet) are still the latest. */
const isLatest = (latest: AgentRecord | undefined, seen: AgentRecordInput['basedOn']): boolean =>
  seen ? latest?.version === seen.version && latest.revision === seen.revision : !latest;

/**
 * Saves the member's working version of a year: the draft is updated; after a decision a new
 * version starts (validated versions are never edited); a submitted one waits for staff.
 */
export async function saveRecordDraft(
  ctx: AppContext,
  member: CurrentUser,
  year: number,
  input: AgentRecordInput,
): Promise<AgentRecord> {
  if (input.couple !== input.dependants.some((d) => d.relation === 'spouse')) {
    throw new HttpError(
      400,
      'invalid_input',
      input.couple
        ? 'Ajoutez votre conjoint parmi vos ayants droit.'
        : 'Un conjoint est déclaré alors que vous n’êtes pas en couple.',
    );
  }
  if (input.situationChangedOn !== null && !input.situationChangedOn.startsWith(`${year}-`))
    throw invalidField(
      'situationChangedOn',
      `indiquez une date de l’année ${year}, par exemple le ${formatIsoDate(`${year}-01-01`)}`,
    );
  if (input.situationChangedOn !== null && input.situationChangedOn > ctx.today())
    throw invalidField(
      'situationChangedOn',
      `indiquez le jour où votre situation a changé : une date passée, par exemple ${formatIsoDate(ctx.today())}`,
    );
  const day = householdDay({ year, situationChangedOn: input.situationChangedOn });
  input.dependants.forEach((d, index) => {
    if (d.birthDate > day)
      throw invalidField(
        `dependants.${index}.birthDate`,
        `la naissance de ${d.firstName} est après le ${input.situationChangedOn ? formatIsoDate(day) : `1er janvier ${year}`} : indiquez comme date du changement de situation familiale le jour de la naissance, par exemple ${formatIsoDate(d.birthDate)}`,
      );
    if (d.disabilityProofId !== null && !input.documentIds.includes(d.disabilityProofId))
      throw invalidField(
        `dependants.${index}.disabilityProofId`,
        'joignez ce justificatif à la fiche',
      );
  });
  return ctx.db.transaction(async (tx) => {
    await lockMember(tx, member.id);
    await checkOwnDocuments(tx, member.id, input.documentIds);
    const [latest] = await recordVersions(tx, member.id, year);
    if (latest?.status === 'submitted')
      throw new HttpError(
        409,
        'record_submitted',
        'Votre fiche est en cours de validation : attendez la réponse avant de la modifier.',
      );
    if (input.basedOn !== undefined && !isLatest(latest, input.basedOn))
      throw new HttpError(
        409,
        'record_changed',
        'Votre fiche a été enregistrée depuis un autre onglet ou un autre appareil pendant que vous la remplissiez : pour ne pas effacer ce qui y a été enregistré, rien n’a été enregistré ici. Rechargez la page pour voir la dernière version, puis refaites vos changements.',
      );
    const values = [
      input.couple,
      input.situationChangedOn,
      input.memberDisabled,
      input.taxIncomeEuros,
      input.spouseTaxIncomeEuros,
      JSON.stringify(input.dependants),
      input.documentIds,
    ];
    const rows =
      latest?.status === 'draft'
        ? await tx.query<RecordRow>(
            `UPDATE agent_records SET revision = revision + 1, couple = $2, situation_changed_on = $3, member_disabled = $4, tax_income_euros = $5, spouse_tax_income_euros = $6, dependants = $7, document_ids = $8
              WHERE id = $1 RETURNING ${RECORD_COLUMNS}`,
            [latest.id, ...values],
          )
        : await tx.query<RecordRow>(
            `INSERT INTO agent_records (member_id, year, version, couple, situation_changed_on, member_disabled, tax_income_euros, spouse_tax_income_euros, dependants, document_ids)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${RECORD_COLUMNS}`,
            [member.id, year, (latest?.version ?? 0) + 1, ...values],
          );
    const [row] = rows;
    if (!row) throw new Error('no record written');
    return toRecord(row);
  });
}

/**
 * What a record lacks before staff can judge it (SPEC §7, seeds): the income, the tax notice, a
 * payslip or pension slip, the family book for a first request with dependants or after a change
 * of family situation, and a disability proof for the member and for each disabled dependant.
 */
export function missingForSubmission(
  record: AgentRecord,
  attached: readonly { id: string; kind: string }[],
  firstRequest: boolean,
): string[] {
  const kinds = new Set(attached.map((d) => d.kind));
  const proofs = new Set(attached.filter((d) => d.kind === 'disabilityCard').map((d) => d.id));
  const missing: string[] = [];
  if (record.taxIncomeEuros === null) missing.push('votre revenu fiscal de référence');
  if (!kinds.has('taxNotice')) missing.push('l’avis d’imposition');
  if (!kinds.has('payslip') && !kinds.has('pensionSlip'))
    missing.push('un bulletin de salaire ou un titre de pension');
  const familyChanged =
    record.situationChangedOn !== null || (firstRequest && record.dependants.length > 0);
  if (familyChanged && !kinds.has('familyBook')) missing.push('le livret de famille');
  const ownProofs = [...proofs].filter(
    (id) => !record.dependants.some((d) => d.disabilityProofId === id),
  );
  if (record.memberDisabled && ownProofs.length === 0)
    missing.push('votre carte d’invalidité ou attestation de handicap');
  for (const d of record.dependants)
    if (d.disabled && !(d.disabilityProofId && proofs.has(d.disabilityProofId)))
      missing.push(`le justificatif du handicap de ${d.firstName}`);
  return missing;
}

/** Sends the draft to staff, once it has the income and the documents SPEC asks for. */
export async function submitRecord(
  ctx: AppContext,
  member: CurrentUser,
  year: number,
): Promise<AgentRecord> {
  return ctx.db.transaction(async (tx) => {
    // Read under the member's lock, as a save is: of two sendings at once, the second finds the
    // Fiche sent (it sent it again, and could put back to « sent » one validated meanwhile).
    await lockMember(tx, member.id);
    const [latest] = await recordVersions(tx, member.id, year);
    if (latest?.status !== 'draft')
      throw new HttpError(409, 'no_draft', 'Aucune fiche en cours de saisie pour cette année.');
    const attached = await attachedDocuments(tx, member.id, latest.documentIds);
    const [validated] = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM agent_records WHERE member_id = $1 AND status = 'validated'`,
      [member.id],
    );
    const missing = missingForSubmission(latest, attached, (validated?.n ?? 0) === 0);
    if (missing.length > 0)
      throw new HttpError(400, 'incomplete_record', `Il manque : ${missing.join(', ')}.`);
    const [row] = await tx.query<RecordRow>(
      `UPDATE agent_records SET status = 'submitted', submitted_at = now() WHERE id = $1 RETURNING ${RECORD_COLUMNS}`,
      [latest.id],
    );
    if (!row) throw new Error('no record written');
    const submitted = toRecord(row);
    if (ctx.autoValidateVerifiedNotices && (await onlyVerifiedIncomes(ctx, tx, submitted)))
      return decide(ctx, tx, null, {
        ...submitted,
        email: member.email,
        firstName: member.firstName,
      });
    return submitted;
  });
}

/** The only changes a Fiche validated automatically may have since the last one: its incomes. */
const INCOME_CHANGES = new Set(['Revenu fiscal de référence', 'Revenu du conjoint']);

/**
 * Whether a Fiche renews the last one validated with nothing new but incomes that verified,
 * concordant tax notices prove (AUTO_VALIDATE_VERIFIED_NOTICES).
 */
async function onlyVerifiedIncomes(
  ctx: AppContext,
  tx: Queryable,
  record: AgentRecord,
): Promise<boolean> {
  if (!recordYears(ctx.packs, ctx.organization.id).includes(record.year)) return false;
  const changes = (await changesSinceValidated(tx, [record])).get(record.id);
  if (!changes?.list.every((c) => INCOME_CHANGES.has(c.label))) return false;
  const notices = await recordNotices(
    tx,
    record,
    incomeYearOf(ctx.packs, ctx.organization.id, record.year),
  );
  return notices.status === 'verifiedConcordant';
}

/**
 * The staff's queue of records, oldest submission first, at most QUEUE_LENGTH; by sector, the
 * records of households with a request of that sector in the year (those a closing is waiting
 * for); by the notices' check, the first QUEUE_LENGTH records that have it.
 */
export async function recordQueue(
  db: Queryable,
  incomeYear: (year: number) => number | null,
  filters: QueueFilters,
): Promise<RecordQueueEntry[]> {
  // The notices' check is worked out here, not in SQL: with that filter, the queue is read page
  // after page until it is full, so that a Fiche beyond the first page is not missed.
  const entries: RecordQueueEntry[] = [];
  for (let offset = 0; ; offset += QUEUE_LENGTH) {
    const page = await queuePage(db, incomeYear, filters, offset);
    entries.push(
      ...page.filter((entry) => filters.notices === null || entry.notices === filters.notices),
    );
    if (filters.notices === null || page.length < QUEUE_LENGTH || entries.length >= QUEUE_LENGTH)
      return entries.slice(0, QUEUE_LENGTH);
  }
}

interface QueueFilters {
  readonly status: RecordStatus;
  readonly year: number | null;
  readonly sector: string | null;
  readonly notices: NoticeCheckStatus | null;
}

/** The staff's queue shows at most this many Fiches, the longest waiting first. */
const QUEUE_LENGTH = 500;

/** One page of the queue, before the notices' filter. */
async function queuePage(
  db: Queryable,
  incomeYear: (year: number) => number | null,
  { status, year, sector }: QueueFilters,
  offset: number,
): Promise<RecordQueueEntry[]> {
  const rows = await db.query<{
    id: string;
    identifier: string;
    last_name: string;
    first_name: string;
    year: number;
    version: number;
    status: RecordStatus;
    submitted_at: string | null;
  }>(
    `SELECT r.id, u.identifier, u.last_name, u.first_name, r.year, r.version, r.status, r.submitted_at::text AS submitted_at
       FROM agent_records r JOIN users u ON u.id = r.member_id
      WHERE r.status = $1 AND ($2::int IS NULL OR r.year = $2)
        AND ($3::text IS NULL OR EXISTS (
          SELECT 1 FROM registration_requests q
           WHERE q.member_id = r.member_id AND q.year = r.year AND q.sector = $3
             AND q.status IN ('requested', 'waiting', 'confirmed')))
      ORDER BY r.submitted_at NULLS LAST, r.id LIMIT $4 OFFSET $5`,
    [status, year, sector, QUEUE_LENGTH, offset],
  );
  const records = (
    await db.query<RecordRow>(
      `SELECT ${RECORD_COLUMNS} FROM agent_records WHERE id = ANY($1::uuid[])`,
      [rows.map((r) => r.id)],
    )
  ).map(toRecord);
  // What changed in each Fiche waiting, so staff see at once those that only renew last year's.
  const waiting =
    status === 'submitted' && rows.length > 0
      ? await changesSinceValidated(db, records)
      : new Map<string, RecordChanges>();
  const notices = await queueNotices(db, records, incomeYear);
  return rows.map((r) => ({
    changes: waiting.get(r.id)?.list.length ?? null,
    id: r.id,
    identifier: r.identifier,
    lastName: r.last_name,
    firstName: r.first_name,
    year: r.year,
    version: r.version,
    status: r.status,
    submittedAt: r.submitted_at,
    notices: notices.get(r.id) ?? 'none',
  }));
}

/** Each queued Fiche's tax notice check, from its attached notices: one query for them all. */
async function queueNotices(
  db: Queryable,
  records: readonly AgentRecord[],
  incomeYear: (year: number) => number | null,
): Promise<Map<string, NoticeCheckStatus>> {
  const documents = await db.query<{
    id: string;
    kind: string;
    created_at: string;
    tax_notice: TaxNoticeSummary | null;
  }>(
    `SELECT id, kind, created_at::text AS created_at, tax_notice FROM documents
      WHERE id = ANY($1::uuid[]) AND kind = ANY($2)`,
    [records.flatMap((r) => r.documentIds), Object.values(NOTICE_KINDS)],
  );
  const summaries = documents.map((d) => ({
    id: d.id,
    kind: d.kind,
    createdAt: d.created_at,
    taxNotice: d.tax_notice,
  }));
  return new Map(records.map((r) => [r.id, checkNotices(r, summaries, incomeYear(r.year)).status]));
}

async function submittedRecord(
  tx: Queryable,
  id: string,
): Promise<AgentRecord & { email: string; firstName: string }> {
  requireUuid(id);
  // The household first (the lock order's first step), as the member's own saves take it, then
  // the record: a decision writes the household's dependants, and an account closed meanwhile
  // has none to write.
  const [member] = await tx.query<{ email: string; first_name: string; closed: boolean }>(
    `SELECT u.email, u.first_name, u.closed_at IS NOT NULL AS closed
       FROM users u JOIN agent_records r ON r.member_id = u.id WHERE r.id = $1 FOR NO KEY UPDATE OF u`,
    [id],
  );
  const [row] = await tx.query<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM agent_records WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (!member || !row) throw notFound();
  if (member.closed)
    throw new HttpError(
      409,
      'account_closed',
      'L’agent a fermé son compte : sa fiche n’est plus à valider ni à refuser.',
    );
  if (row.status !== 'submitted')
    throw new HttpError(409, 'already_decided', 'Cette fiche n’est pas en attente de validation.');
  return { ...toRecord(row), email: member.email, firstName: member.first_name };
}

/**
 * Validation: the record becomes the household's parts and quotient for its year, computed by
 * the rules engine (on the household's day: 1 January, or the day the situation changed), stored
 * with the pack's id and the explanation.
 */
export async function validateRecord(
  ctx: AppContext,
  staff: CurrentUser,
  id: string,
): Promise<AgentRecord> {
  return ctx.db.transaction(async (tx) => decide(ctx, tx, staff, await submittedRecord(tx, id)));
}

/**
 * What validating `record` stores: the engine's figures for its household on the household's
 * day, by the pack covering its year (422 when none does).
 */
function householdFigures(ctx: AppContext, record: AgentRecord) {
  const pack = packForYear(ctx.packs, ctx.organization.id, record.year);
  return { pack, result: simulateHousehold(pack, householdOf(record), householdDay(record)) };
}

/**
 * What a submitted record's validation would give, for its confirmation: its parts, quotient,
 * rates and ceiling, or why it would be refused (no barème covers its year, a date the engine
 * cannot judge) — said before the click, not after; null for a record not waiting for a decision.
 */
export function validationFigures(
  ctx: AppContext,
  record: AgentRecord,
):
  | Pick<HouseholdSimulation, 'parts' | 'quotientCents' | 'ratesBp' | 'annualCeilingCents'>
  | { refusal: string }
  | null {
  if (record.status !== 'submitted') return null;
  try {
    const { result } = householdFigures(ctx, record);
    return {
      parts: result.parts,
      quotientCents: result.quotientCents,
      ratesBp: result.ratesBp,
      annualCeilingCents: result.annualCeilingCents,
    };
  } catch (error) {
    if (error instanceof RulesError) return { refusal: error.issues[0]?.message ?? error.message };
    if (error instanceof HttpError) return { refusal: error.message };
    throw error;
  }
}

/** The household's dependants become those of a validated record (two statements, any number). */
async function replaceDependants(tx: Queryable, record: AgentRecord): Promise<void> {
  await tx.query('DELETE FROM dependants WHERE member_id = $1', [record.memberId]);
  await tx.query(
    `INSERT INTO dependants (member_id, relation, last_name, first_name, birth_date, shared_custody, disabled, fiscally_dependent)
     SELECT $1, d.relation, d."lastName", d."firstName", d."birthDate"::date, d."sharedCustody", d.disabled, d."fiscallyDependent"
       FROM jsonb_to_recordset($2::jsonb) AS d(relation text, "lastName" text, "firstName" text, "birthDate" text,
                                               "sharedCustody" boolean, disabled boolean, "fiscallyDependent" boolean)`,
    [record.memberId, JSON.stringify(record.dependants)],
  );
}

/**
 * Validates a submitted record in the caller's transaction, by a person, or by the committee's
 * rule for verified notices (`staff` null: the audit says so).
 */
async function decide(
  ctx: AppContext,
  tx: Queryable,
  staff: CurrentUser | null,
  record: AgentRecord & { email: string; firstName: string },
): Promise<AgentRecord> {
  const { pack, result } = householdFigures(ctx, record);
  const [row] = await tx.query<RecordRow>(
    `UPDATE agent_records SET status = 'validated', decided_at = now(), decided_by = $2, pack_id = $3, parts = $4, quotient_cents = $5,
            rates_bp = $6, annual_ceiling_cents = $7, explanation = $8
      WHERE id = $1 RETURNING ${RECORD_COLUMNS}`,
    [
      record.id,
      staff?.id ?? null,
      pack.id,
      result.parts,
      result.quotientCents,
      JSON.stringify(result.ratesBp),
      result.annualCeilingCents,
      JSON.stringify(result.explanation),
    ],
  );
  if (!row) throw new Error('no record written');
  // The validated record is the household from now on, unless a later year's is: its dependants
  // replace the previous ones.
  const [later] = await tx.query(
    `SELECT 1 FROM agent_records WHERE member_id = $1 AND status = 'validated' AND year > $2 LIMIT 1`,
    [record.memberId, record.year],
  );
  if (!later) await replaceDependants(tx, record);
  await ctx.mailer.send(
    tx,
    record.email,
    templates.recordValidated(ctx.organization, record.firstName, record.year),
  );
  await recordAudit(
    tx,
    staff?.id ?? null,
    staff ? 'agent_record.validate' : 'agent_record.auto_validate',
    'agent_record',
    record.id,
    {
      year: record.year,
      version: record.version,
      pack: pack.id,
      ...(staff
        ? {}
        : { because: 'avis d’impôt vérifié et concordant, seuls les revenus changent' }),
    },
  );
  return toRecord(row);
}

export async function rejectRecord(
  ctx: AppContext,
  staff: CurrentUser,
  id: string,
  reason: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const record = await submittedRecord(tx, id);
    await tx.query(
      `UPDATE agent_records SET status = 'rejected', decided_at = now(), decided_by = $2, rejection_reason = $3 WHERE id = $1`,
      [id, staff.id, reason],
    );
    await ctx.mailer.send(
      tx,
      record.email,
      templates.recordRejected(ctx.organization, record.firstName, record.year, reason),
    );
    await recordAudit(tx, staff.id, 'agent_record.reject', 'agent_record', id, {
      year: record.year,
      version: record.version,
      reason,
    });
  });
}

/**
 * A record with every version of its member's year, for staff, and what changed since the
 * member's Fiche last validated before it (an earlier version, or an earlier year; null if none).
 */
export async function recordFile(
  db: Queryable,
  incomeYear: (year: number) => number | null,
  id: string,
): Promise<{
  record: AgentRecord;
  versions: AgentRecord[];
  documents: DocumentSummary[];
  changes: RecordChanges | null;
  notices: NoticeCheck;
}> {
  requireUuid(id);
  const [row] = await db.query<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM agent_records WHERE id = $1`,
    [id],
  );
  if (!row) throw notFound();
  const record = toRecord(row);
  // The Fiche Agent staff's view: the notices' declarants and tax numbers included.
  const documents = (await listDocuments(db, record.memberId, true)).filter((d) =>
    record.documentIds.includes(d.id),
  );
  return {
    record,
    versions: await recordVersions(db, record.memberId, record.year),
    documents,
    changes: (await changesSinceValidated(db, [record])).get(record.id) ?? null,
    notices: checkNotices(record, documents, incomeYear(record.year)),
  };
}

/** What changed in a Fiche since the one validated before it. */
interface RecordChanges {
  readonly since: { year: number; version: number };
  readonly list: RecordChange[];
}

/**
 * What changed in each Fiche since the member's Fiche last validated before it (an earlier
 * version, or an earlier year), by Fiche id; absent when none was. One query for them all.
 */
async function changesSinceValidated(
  db: Queryable,
  records: readonly AgentRecord[],
): Promise<Map<string, RecordChanges>> {
  const previous = await db.query<RecordRow & { of_id: string }>(
    `SELECT c.id AS of_id, p.* FROM agent_records c
       JOIN LATERAL (
         SELECT ${RECORD_COLUMNS} FROM agent_records
          WHERE member_id = c.member_id AND status = 'validated' AND (year, version) < (c.year, c.version)
          ORDER BY year DESC, version DESC LIMIT 1) p ON true
      WHERE c.id = ANY($1::uuid[])`,
    [records.map((r) => r.id)],
  );
  const before = new Map(previous.map((row) => [row.of_id, row]));
  const changes = new Map<string, RecordChanges>();
  for (const record of records) {
    const row = before.get(record.id);
    if (row)
      changes.set(record.id, {
        since: { year: row.year, version: row.version },
        list: recordChanges(toRecord(row), record),
      });
  }
  return changes;
}

/**
 * Validates several Fiches staff read as concordant, each in its own transaction; one decided
 * meanwhile is left with the reason.
 */
export async function validateRecords(
  ctx: AppContext,
  staff: CurrentUser,
  ids: readonly string[],
): Promise<BulkAnswer<{ id: string; year: number; parts: number | null }>> {
  return oneByOne(ids, async (id) => {
    const record = await validateRecord(ctx, staff, id);
    return { id, year: record.year, parts: record.parts };
  });
}

/** The figures in force for a member's year: those of the newest validated version, or null. */
export async function currentEntitlements(
  db: Queryable,
  memberId: string,
  year: number,
): Promise<AgentRecord | null> {
  return (await recordVersions(db, memberId, year)).find((r) => r.status === 'validated') ?? null;
}
