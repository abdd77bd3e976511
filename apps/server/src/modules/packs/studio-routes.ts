import { packDraftInput, packDraftSave, packPublication } from '@entraide/contract';
import { isComplete, packParameters } from '@entraide/rules';
import type { FastifyInstance } from 'fastify';
import { HttpError, parse, sendFile } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import { requireAdmin, requireUser } from '../accounts/session-cookies.ts';
import { memberPackChanges } from './pack-changes.ts';
import { draftImpact, impactSpreadsheet } from './pack-impact.ts';
import {
  checkDraft,
  compileDraft,
  createDraft,
  deleteDraft,
  getDraft,
  listDrafts,
  publishDraft,
  saveDraft,
  type PackDraft,
} from './studio.ts';
import { z } from 'zod';

const idParam = z.object({ id: z.string() });

/** The barème studio (admin), and each member's « what changes for you ». */
export function studioRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, packs } = ctx;
  /** A draft with what the studio shows beside it: its check and its parameters as fields. */
  const withCheck = (draft: PackDraft) => ({
    draft,
    check: checkDraft(draft.data, packs.get(draft.basedOn)),
    parameters: packParameters(draft.data),
  });

  app.get('/api/admin/pack-drafts', async (request) => {
    await requireAdmin(db, request);
    return {
      drafts: (await listDrafts(db)).map(({ data, ...draft }) => ({
        ...draft,
        label: typeof data.label === 'string' ? data.label : '',
      })),
      packs: packs
        .all()
        .filter((pack) => pack.organization === ctx.organization.id)
        .map((pack) => ({ id: pack.id, label: pack.label, complete: isComplete(pack) })),
    };
  });

  app.post('/api/admin/pack-drafts', async (request, reply) => {
    const admin = await requireAdmin(db, request);
    const input = parse(packDraftInput, request.body);
    const draft = await createDraft(db, packs, admin, input);
    return reply.status(201).send(withCheck(draft));
  });

  app.get('/api/admin/pack-drafts/:id', async (request) => {
    await requireAdmin(db, request);
    return withCheck(await getDraft(db, parse(idParam, request.params).id));
  });

  app.put('/api/admin/pack-drafts/:id', async (request) => {
    const admin = await requireAdmin(db, request);
    const { id } = parse(idParam, request.params);
    const { data, revision } = parse(packDraftSave, request.body);
    return withCheck(await saveDraft(db, admin, id, data, revision));
  });

  /** The check of what is on the screen, not saved: the studio shows it as the admin types. */
  app.post('/api/admin/pack-drafts/:id/check', async (request) => {
    await requireAdmin(db, request);
    const draft = await getDraft(db, parse(idParam, request.params).id);
    return checkDraft(parse(packDraftSave, request.body).data, packs.get(draft.basedOn));
  });

  app.delete('/api/admin/pack-drafts/:id', async (request, reply) => {
    const admin = await requireAdmin(db, request);
    await deleteDraft(db, admin, parse(idParam, request.params).id);
    return reply.status(204).send();
  });

  app.post('/api/admin/pack-drafts/:id/publish', async (request) => {
    const admin = await requireAdmin(db, request);
    const { id } = parse(idParam, request.params);
    const pack = await publishDraft(db, packs, admin, id, parse(packPublication, request.body));
    return { packId: pack.id, label: pack.label };
  });

  /** The draft compiled, or a 422 that sends the admin back to its faults. */
  const draftPack = async (id: string) => {
    const draft = await getDraft(db, id);
    const { pack, faults } = compileDraft(draft.data);
    if (!pack)
      throw new HttpError(
        422,
        'invalid_pack',
        `Corrigez d’abord ${faults.length > 1 ? `les ${faults.length} erreurs` : 'l’erreur'} du brouillon : son coût se calcule sur un barème complet.`,
      );
    return { base: packs.get(draft.basedOn), pack };
  };

  app.get('/api/admin/pack-drafts/:id/impact', async (request) => {
    await requireAdmin(db, request);
    const { base, pack } = await draftPack(parse(idParam, request.params).id);
    const started = performance.now();
    const { impact } = await draftImpact(db, base, pack);
    return {
      basedOn: base.id,
      // Per household in the spreadsheet only: the screen shows the sums.
      ...impact,
      lines: undefined,
      milliseconds: Math.round(performance.now() - started),
    };
  });

  app.get('/api/admin/pack-drafts/:id/impact.xlsx', async (request, reply) => {
    await requireAdmin(db, request);
    const { base, pack } = await draftPack(parse(idParam, request.params).id);
    const { impact, identifiers } = await draftImpact(db, base, pack);
    return sendFile(
      reply,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      `impact-${pack.id}.xlsx`,
      impactSpreadsheet(impact, identifiers),
    );
  });

  /** Any pack (shipped, published or a draft) as the JSON file the engine reads. */
  app.get('/api/admin/packs/:id/json', async (request, reply) => {
    await requireAdmin(db, request);
    const { id } = parse(idParam, request.params);
    const data = packs.has(id) ? packs.get(id).data : (await getDraft(db, id)).data;
    return sendFile(
      reply,
      'application/json',
      `${String(data.id)}.json`,
      `${JSON.stringify(data, null, 2)}\n`,
    );
  });

  app.get('/api/me/pack-changes', async (request) => {
    const member = await requireUser(db, request);
    return { changes: await memberPackChanges(ctx, member.id) };
  });
}
