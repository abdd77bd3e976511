// The barème studio (issue 17, point 1, decision 0024): an admin starts a draft from a pack, edits
// its parameters with a source note each, sees every fault, warning and test case on each save,
// and publishes it under an id and a period; a published pack is final (a trigger says so).
import {
  compilePack,
  gridThresholds,
  packParameters,
  plural,
  RulesError,
  runPackCases,
  type CaseResult,
  type InputIssue,
  type Pack,
  type PackData,
  type PackRegistry,
} from '@entraide/rules';
import type { Database, Queryable } from '../../db/database.ts';
import { HttpError, notFound, refuseIfSavedSince, requireUuid } from '../../http.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { addPublishedPacks } from './published-packs.ts';

export interface DraftCheck {
  /** Every fault the pack schema and the engine find, by path; none: it can be published. */
  readonly faults: readonly InputIssue[];
  /** Thresholds the formulas imply against those the brochure states; changed figures with an old source. */
  readonly warnings: readonly string[];
  /** The pack's test cases, run on the draft. */
  readonly cases: readonly CaseResult[];
}

export interface PackDraft {
  readonly id: string;
  readonly organization: Pack['organization'];
  readonly basedOn: string;
  readonly status: 'draft' | 'published';
  readonly packId: string | null;
  readonly data: Record<string, unknown>;
  readonly updatedAt: string;
  readonly publishedAt: string | null;
  /** How many times it was saved (see `packDraftSave.revision`). */
  readonly revision: number;
}

interface DraftRow {
  id: string;
  organization: Pack['organization'];
  based_on: string;
  status: 'draft' | 'published';
  pack_id: string | null;
  data: Record<string, unknown>;
  updated_at: Date | string;
  published_at: Date | string | null;
  revision: number;
}

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

const toDraft = (row: DraftRow): PackDraft => ({
  id: row.id,
  organization: row.organization,
  basedOn: row.based_on,
  status: row.status,
  packId: row.pack_id,
  data: row.data,
  updatedAt: iso(row.updated_at) ?? '',
  publishedAt: iso(row.published_at),
  revision: row.revision,
});

const COLUMNS =
  'id, organization, based_on, status, pack_id, data, updated_at, published_at, revision';

/** The pack compiled from a draft's data, or every fault it has. */
export function compileDraft(data: unknown): { pack: Pack | null; faults: readonly InputIssue[] } {
  try {
    return { pack: compilePack(data), faults: [] };
  } catch (error) {
    if (error instanceof RulesError && error.code === 'invalid_pack')
      return { pack: null, faults: error.issues };
    throw error;
  }
}

/**
 * A draft checked as a published pack would be: schema and engine faults all at once, the
 * thresholds' warnings, the figures changed since the pack it started from whose source note
 * is still the old one, and its test cases.
 */
export function checkDraft(data: Record<string, unknown>, base: Pack): DraftCheck {
  const { pack, faults } = compileDraft(data);
  if (!pack) return { faults, warnings: [], cases: [] };
  const before = new Map(packParameters(base.data).map((p) => [p.path, p]));
  const stale = packParameters(data)
    .filter((p) => {
      const old = before.get(p.path);
      // Names and texts are the committee's wording; a figure needs its source.
      const figure = p.kind === 'decimal' || p.kind === 'integer';
      return (
        figure &&
        old &&
        JSON.stringify(old.value) !== JSON.stringify(p.value) &&
        p.source === old.source
      );
    })
    .map((p) => `${p.label} a changé depuis ${base.id} : écrivez la source de la nouvelle valeur.`);
  return {
    faults: [],
    warnings: [...gridThresholds(pack).flatMap((grid) => grid.warnings), ...stale],
    cases: runPackCases(pack),
  };
}

/** Next year's draft of a pack: the same parameters, its period one year later. */
function nextYearOf(base: Pack): Record<string, unknown> {
  const shift = (day: string): string => `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;
  const year = Number(base.data.validity.from.slice(0, 4)) + 1;
  return {
    ...structuredClone(base.data),
    id: `${base.organization}-${year}`,
    label: base.label.replace(/\d{4}/, String(year)),
    validity: {
      ...base.data.validity,
      from: shift(base.data.validity.from),
      to: shift(base.data.validity.to),
    },
  };
}

async function draftRow(db: Queryable, id: string, lock = false): Promise<DraftRow> {
  const [row] = await db.query<DraftRow>(
    `SELECT ${COLUMNS} FROM pack_drafts WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [requireUuid(id)],
  );
  if (!row) throw notFound();
  return row;
}

export const getDraft = async (db: Queryable, id: string): Promise<PackDraft> =>
  toDraft(await draftRow(db, id));

export async function listDrafts(db: Queryable): Promise<PackDraft[]> {
  const rows = await db.query<DraftRow>(
    `SELECT ${COLUMNS} FROM pack_drafts ORDER BY status, updated_at DESC`,
  );
  return rows.map(toDraft);
}

/** A draft from a pack in the registry (next year's period), or from an imported JSON file. */
export async function createDraft(
  db: Database,
  packs: PackRegistry,
  admin: CurrentUser,
  from: { basedOn: string; data?: Record<string, unknown> | undefined },
): Promise<PackDraft> {
  const base = packs.get(from.basedOn);
  const data = from.data ?? nextYearOf(base);
  if (data.organization !== base.organization)
    throw new HttpError(
      422,
      'other_organization',
      `Ce barème est celui d’un autre comité : partez d’un barème ${base.organization}.`,
    );
  return db.transaction(async (tx) => {
    const [row] = await tx.query<DraftRow>(
      `INSERT INTO pack_drafts (organization, based_on, data, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $4) RETURNING ${COLUMNS}`,
      [base.organization, base.id, JSON.stringify(data), admin.id],
    );
    if (!row) throw new Error('INSERT … RETURNING returned no row');
    await recordAudit(tx, admin.id, 'pack.draft', 'pack_draft', row.id, { basedOn: base.id });
    return toDraft(row);
  });
}

const finalAlready = (): HttpError =>
  new HttpError(
    409,
    'published',
    'Ce barème est publié : il ne change plus. Partez-en pour un nouveau brouillon.',
  );

/** Saves what the admin wrote, even with faults (nothing typed is lost); the check says them. */
export async function saveDraft(
  db: Database,
  admin: CurrentUser,
  id: string,
  data: Record<string, unknown>,
  revision?: number,
): Promise<PackDraft> {
  return db.transaction(async (tx) => {
    const row = await draftRow(tx, id, true);
    if (row.status === 'published') throw finalAlready();
    refuseIfSavedSince(
      revision,
      row.revision,
      'draft_changed',
      'Ce brouillon a été enregistré par un autre administrateur depuis que vous l’avez ouvert : rien n’a été enregistré, pour ne pas effacer ses changements. Rechargez la page pour voir sa dernière version, puis refaites les vôtres.',
    );
    if (data.organization !== row.organization)
      throw new HttpError(422, 'other_organization', 'Le comité d’un brouillon ne change pas.');
    const [saved] = await tx.query<DraftRow>(
      `UPDATE pack_drafts SET data = $2, updated_by = $3, updated_at = now(), revision = revision + 1
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [row.id, JSON.stringify(data), admin.id],
    );
    if (!saved) throw notFound();
    await recordAudit(tx, admin.id, 'pack.draft_save', 'pack_draft', row.id);
    return toDraft(saved);
  });
}

export async function deleteDraft(db: Database, admin: CurrentUser, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await draftRow(tx, id, true);
    if (row.status === 'published') throw finalAlready();
    await tx.query('DELETE FROM pack_drafts WHERE id = $1', [row.id]);
    await recordAudit(tx, admin.id, 'pack.draft_delete', 'pack_draft', row.id, {
      basedOn: row.based_on,
    });
  });
}

/** Two periods of the same committee that share a day. */
const overlaps = (a: PackData['validity'], b: PackData['validity']): boolean =>
  a.from <= b.to && b.from <= a.to;

/**
 * Publishes a draft under its id and period: it must have no fault and no failing case, an id
 * no pack has, and a period no other pack of the committee covers. The pack is added to this
 * node's registry at once; the other nodes read it within a minute (PublishedPacks).
 */
export async function publishDraft(
  db: Database,
  packs: PackRegistry,
  admin: CurrentUser,
  id: string,
  what: { packId: string; from: string; to: string; revision?: number },
): Promise<Pack> {
  const pack = await db.transaction(async (tx) => {
    // One publication at a time: two admins cannot give two packs the same period.
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('pack_publication'))");
    // Every pack published before, by any node: this node may not have read another's yet.
    await addPublishedPacks(tx, packs);
    const row = await draftRow(tx, id, true);
    if (row.status === 'published') throw finalAlready();
    // What is published is what the admin read, its cost with it: never a later save unread.
    refuseIfSavedSince(
      what.revision,
      row.revision,
      'draft_changed',
      'Ce brouillon a été modifié par un autre administrateur depuis que vous l’avez relu : rien n’a été publié. Rechargez la page, relisez-le avec son coût, puis publiez-le.',
    );
    const data = {
      ...row.data,
      id: what.packId,
      validity: { ...(row.data.validity as object), from: what.from, to: what.to },
    };
    const { pack: compiled, faults } = compileDraft(data);
    if (!compiled)
      throw new HttpError(
        422,
        'invalid_pack',
        `Le brouillon a ${plural(faults.length, 'erreur')} : ${faults.map((f) => f.path).join(', ')}.`,
      );
    const failing = runPackCases(compiled).filter((c) => c.differences.length > 0);
    if (failing.length > 0)
      throw new HttpError(
        422,
        'failing_cases',
        `Des cas de test échouent : ${failing.map((c) => `« ${c.name} »`).join(', ')}. Corrigez le barème ou le cas.`,
      );
    if (what.to < what.from)
      throw new HttpError(422, 'invalid_period', 'La fin de la période vient avant son début.');
    if (packs.has(what.packId))
      throw new HttpError(
        409,
        'pack_exists',
        `Un barème « ${what.packId} » existe déjà : choisissez un autre nom.`,
      );
    const other = packs
      .all()
      .find(
        (p) =>
          p.organization === compiled.organization &&
          overlaps(p.data.validity, compiled.data.validity),
      );
    if (other)
      throw new HttpError(
        409,
        'period_taken',
        `Le barème ${other.id} couvre déjà une partie de cette période (du ${other.data.validity.from} au ${other.data.validity.to}).`,
      );
    await tx.query(
      `UPDATE pack_drafts SET data = $2, status = 'published', pack_id = $3, published_at = now(), published_by = $4,
              updated_by = $4, updated_at = now() WHERE id = $1`,
      [row.id, JSON.stringify(compiled.data), compiled.id, admin.id],
    );
    await recordAudit(tx, admin.id, 'pack.publish', 'pack_draft', row.id, {
      packId: compiled.id,
      from: what.from,
      to: what.to,
    });
    return compiled;
  });
  // Unless this node read it from the database meanwhile (another publication, a reread).
  if (!packs.has(pack.id)) packs.add(pack);
  return pack;
}
