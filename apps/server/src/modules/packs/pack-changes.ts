// « What changes for you » (issue 17, point 4): when a barème is published for the coming year,
// each member sees their figures under the pack of their Fiche Agent and under the new one, side
// by side with the explanation of each, and is told once by mail (the `announcements` job).
import type { PackChanges, PackFigures } from '@entraide/contract';
import {
  formatRate,
  isComplete,
  simulateHousehold,
  type Pack,
  type PackRegistry,
} from '@entraide/rules';
import type { Queryable } from '../../db/database.ts';
import type { AppContext } from '../accounts/context.ts';
import {
  householdOf,
  RECORD_COLUMNS,
  toRecord,
  type AgentRecord,
  type RecordRow,
} from '../household/agent-records.ts';
import { templates } from '../notifications/templates.ts';

/** The pack published for after `pack`, not begun on `today`: the earliest complete one. */
export function comingPack(packs: PackRegistry, pack: Pack, today: string): Pack | null {
  return (
    packs
      .all()
      .filter(
        (p) =>
          p.organization === pack.organization &&
          isComplete(p) &&
          p.data.validity.from > pack.data.validity.to &&
          p.data.validity.from > today,
      )
      .sort((a, b) => (a.data.validity.from < b.data.validity.from ? -1 : 1))[0] ?? null
  );
}

function figuresUnder(pack: Pack, record: AgentRecord, on: string): PackFigures {
  const result = simulateHousehold(pack, householdOf(record), on);
  return {
    packId: pack.id,
    label: pack.label,
    parts: result.parts,
    quotientCents: result.quotientCents,
    ratesBp: result.ratesBp,
    annualCeilingCents: result.annualCeilingCents,
    explanation: result.explanation,
  };
}

/** The changes for a Fiche's household, or null when no pack comes after its own. */
export function changesFor(
  packs: PackRegistry,
  record: AgentRecord,
  today: string,
): PackChanges | null {
  if (!record.packId || !packs.has(record.packId)) return null;
  const before = packs.get(record.packId);
  const after = comingPack(packs, before, today);
  if (!after) return null;
  const on = after.data.validity.from;
  return {
    recordYear: record.year,
    on,
    before: figuresUnder(before, record, on),
    after: figuresUnder(after, record, on),
    grids: [...(after.grids?.entries() ?? [])].map(([grid, compiled]) => ({
      grid,
      label: compiled.label,
    })),
  };
}

/** A member's latest validated Fiche Agent, whatever its year. */
async function latestValidated(db: Queryable, memberId: string): Promise<AgentRecord | null> {
  const [row] = await db.query<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM agent_records WHERE member_id = $1 AND status = 'validated'
      ORDER BY year DESC, version DESC LIMIT 1`,
    [memberId],
  );
  return row ? toRecord(row) : null;
}

export async function memberPackChanges(
  ctx: AppContext,
  memberId: string,
): Promise<PackChanges | null> {
  const record = await latestValidated(ctx.db, memberId);
  return record ? changesFor(ctx.packs, record, ctx.today()) : null;
}

/** Members told per run of the job: the next run goes on where this one stopped. */
const BATCH = 500;

/**
 * The job: every member with a validated Fiche is told once of the pack that comes after their
 * Fiche's — the mail and the row that says it was sent are written in one transaction, so two
 * nodes or two runs never send it twice.
 */
export async function announceComingPacks(ctx: AppContext): Promise<number> {
  const today = ctx.today();
  const coming = ctx.packs
    .all()
    .filter((p) => isComplete(p) && p.data.validity.from > today)
    .map((p) => p.id);
  if (coming.length === 0) return 0;
  const members = await ctx.db.query<{ id: string; email: string; first_name: string }>(
    `SELECT u.id, u.email, u.first_name FROM users u
      WHERE u.role = 'member'
        AND EXISTS (SELECT 1 FROM agent_records r WHERE r.member_id = u.id AND r.status = 'validated')
        AND NOT EXISTS (SELECT 1 FROM pack_announcements a WHERE a.member_id = u.id AND a.pack_id = ANY($1::text[]))
      ORDER BY u.id LIMIT ${BATCH}`,
    [coming],
  );
  let sent = 0;
  for (const member of members) {
    const changes = await memberPackChanges(ctx, member.id);
    if (!changes) continue;
    await ctx.db.transaction(async (tx) => {
      const [told] = await tx.query<{ member_id: string }>(
        `INSERT INTO pack_announcements (pack_id, member_id) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING member_id`,
        [changes.after.packId, member.id],
      );
      if (!told) return;
      const rates = changes.grids.map(
        ({ grid, label }) =>
          `${label} : ${formatRate(changes.before.ratesBp[grid] ?? 0)} → ${formatRate(changes.after.ratesBp[grid] ?? 0)}`,
      );
      await ctx.mailer.send(
        tx,
        member.email,
        templates.packPublished(ctx.organization, member.first_name, {
          label: changes.after.label,
          rates,
          link: `${ctx.publicUrl}/espace`,
        }),
      );
      sent += 1;
    });
  }
  return sent;
}
