import {
  activitySectors,
  agentRecordInput,
  calendarYear,
  birthDateIssues,
  recordBirthDates,
  bankAccountInput,
  recordDecision,
  recordValidations,
  recordStatuses,
  noticeCheckStatuses,
} from '@entraide/contract';
import { bpToPercent, type PackRegistry } from '@entraide/rules';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parse, refuseIssues, sendFile } from '../../http.ts';
import { yearUsage } from '../registrations/registration-requests.ts';
import type { AppContext } from '../accounts/context.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { requireStaff, requireUser } from '../accounts/session-cookies.ts';
import {
  currentEntitlements,
  incomeYearOf,
  recordFile,
  recordNotices,
  recordQueue,
  recordVersions,
  recordYears,
  rejectRecord,
  saveRecordDraft,
  submitRecord,
  validateRecord,
  validateRecords,
  validationFigures,
} from './agent-records.ts';
import {
  addBankAccount,
  listBankAccounts,
  removeBankAccount,
  setDefaultBankAccount,
} from './bank-accounts.ts';
import {
  addDocument,
  DOCUMENT_KINDS,
  DOCUMENT_UPLOAD,
  TAX_NOTICE_KINDS,
  type DocumentStore,
  listDocuments,
  readDocument,
} from './documents.ts';
import { findTaxNotice, noticeDetails, readTaxNotice } from '../tax-notices/tax-notice-reading.ts';
import type { NoticeVerifier } from '../tax-notices/trust-list.ts';

const yearParam = z.object({ year: calendarYear });
const idParam = z.object({ id: z.string() });
/**
 * The name a document is kept and downloaded under: without invisible formatting characters (a
 * right-to-left override shows « avis\u202Efdp.exe » as « avisexe.pdf ») or a folder's path (a
 * phone may send « ../../avis.pdf »: only the name after the last separator), and ending in
 * `.pdf` as its content does.
 */
const documentName = (name: string): string => {
  const shown =
    name
      .replace(/\p{Cf}/gu, '')
      .split(/[/\\]/)
      .at(-1)
      ?.trim() || 'document';
  return /\.pdf$/i.test(shown) ? shown : `${shown}.pdf`;
};
const uploadQuery = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  name: z.string().trim().min(1).max(200).default('document.pdf').transform(documentName),
});
const queueQuery = z.object({
  status: z.enum(recordStatuses).default('submitted'),
  year: calendarYear.optional(),
  sector: z.enum(activitySectors).optional(),
  notices: z.enum(noticeCheckStatuses).optional(),
});

/** The Fiche Agent: the member's yearly record, documents, and the staff's validation. */
export function householdRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  packs: PackRegistry,
  store: DocumentStore,
  verifier: NoticeVerifier,
): void {
  const { db } = ctx;
  const incomeYear = (year: number) => incomeYearOf(packs, ctx.organization.id, year);
  const gridOrder = (packId: string | null): string[] =>
    packId && packs.ids().includes(packId) ? Object.keys(packs.get(packId).ratesTemplate) : [];
  // A document is sent as the raw bytes of the file; its content decides whether it is a PDF.
  app.addContentTypeParser(
    ['application/pdf', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: DOCUMENT_UPLOAD.bodyLimit },
    (_request, body, done) => {
      done(null, body);
    },
  );

  app.post('/api/me/documents', DOCUMENT_UPLOAD, async (request, reply) => {
    const member = await requireUser(db, request);
    const query = parse(uploadQuery, request.query);
    const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    // A tax notice's 2D-DOC is read as it arrives: its figures are kept with it, never retyped.
    const found = TAX_NOTICE_KINDS.has(query.kind) ? await findTaxNotice(bytes, verifier) : null;
    const notice = found && !('failure' in found) ? noticeDetails(found) : null;
    return reply
      .status(201)
      .send(await addDocument(db, store, member, query.kind, query.name, bytes, notice));
  });

  // A tax notice read from its 2D-DOC before it is kept: its figures, and whether it is genuine.
  app.post('/api/me/tax-notice-readings', DOCUMENT_UPLOAD, async (request) => {
    await requireUser(db, request);
    return readTaxNotice(Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0), verifier);
  });

  app.get('/api/me/documents', async (request) => ({
    documents: await listDocuments(db, (await requireUser(db, request)).id),
  }));

  app.get('/api/documents/:id', async (request, reply) => {
    const viewer = await requireUser(db, request);
    const document = await readDocument(db, store, viewer, parse(idParam, request.params).id);
    return sendFile(reply, 'application/pdf', document.fileName, document.bytes, 'uploaded');
  });

  app.get('/api/me/bank-accounts', async (request) => ({
    accounts: await listBankAccounts(db, (await requireUser(db, request)).id),
  }));

  app.post('/api/me/bank-accounts', async (request, reply) => {
    const member = await requireUser(db, request);
    return reply
      .status(201)
      .send({ accounts: await addBankAccount(db, member, parse(bankAccountInput, request.body)) });
  });

  app.post('/api/me/bank-accounts/:id/default', async (request) => {
    const member = await requireUser(db, request);
    return { accounts: await setDefaultBankAccount(db, member, parse(idParam, request.params).id) };
  });

  app.delete('/api/me/bank-accounts/:id', async (request) => {
    const member = await requireUser(db, request);
    return { accounts: await removeBankAccount(db, member, parse(idParam, request.params).id) };
  });

  app.get('/api/record-years', async () => ({ years: recordYears(packs, ctx.organization.id) }));

  app.get('/api/me/agent-records/:year', async (request) => {
    const member = await requireUser(db, request);
    const { year } = parse(yearParam, request.params);
    const versions = await recordVersions(db, member.id, year);
    const asked = incomeYear(year);
    return {
      versions,
      incomeYear: asked,
      notices: versions[0] && (await recordNotices(db, versions[0], asked)),
    };
  });

  app.put('/api/me/agent-records/:year', async (request) => {
    const member = await requireUser(db, request);
    const input = parse(agentRecordInput, request.body);
    refuseIssues(birthDateIssues(recordBirthDates(input), ctx.today()));
    return saveRecordDraft(ctx, member, parse(yearParam, request.params).year, input);
  });

  app.post('/api/me/agent-records/:year/submit', async (request) => {
    const member = await requireUser(db, request);
    return submitRecord(ctx, member, parse(yearParam, request.params).year);
  });

  app.get('/api/me/entitlements/:year', async (request) => {
    const member = await requireUser(db, request);
    const { year } = parse(yearParam, request.params);
    const record = await currentEntitlements(db, member.id, year);
    return {
      record: record && {
        year: record.year,
        version: record.version,
        packId: record.packId,
        parts: record.parts,
        quotientCents: record.quotientCents,
        // In the pack's grid order (JSONB keeps its keys in an order of its own).
        rates: Object.fromEntries(
          gridOrder(record.packId)
            .filter((grid) => record.ratesBp?.[grid] !== undefined)
            .map((grid) => [grid, bpToPercent(record.ratesBp?.[grid] ?? 0)]),
        ),
        annualCeilingCents: record.annualCeilingCents,
        annualCeilingUsedCents: (await yearUsage(db, member.id, 'member', year)).ceilingCents,
        explanation: record.explanation,
      },
    };
  });

  app.get('/api/staff/agent-records', async (request) => {
    await requireStaff(db, request, 'fiche-agent');
    const query = parse(queueQuery, request.query);
    return {
      records: await recordQueue(db, incomeYear, {
        status: query.status,
        year: query.year ?? null,
        sector: query.sector ?? null,
        notices: query.notices ?? null,
      }),
    };
  });

  app.get('/api/staff/agent-records/:id', async (request) => {
    const staff = await requireStaff(db, request, 'fiche-agent');
    const file = await recordFile(db, incomeYear, parse(idParam, request.params).id);
    await recordAudit(db, staff.id, 'record.view', 'member', file.record.memberId, {
      recordId: file.record.id,
      year: file.record.year,
    });
    return { ...file, validation: validationFigures(ctx, file.record) };
  });

  app.post('/api/staff/agent-records/validations', async (request) => {
    const staff = await requireStaff(db, request, 'fiche-agent');
    const { recordIds } = parse(recordValidations, request.body ?? {});
    return validateRecords(ctx, staff, recordIds);
  });

  app.post('/api/staff/agent-records/:id/validate', async (request) => {
    const staff = await requireStaff(db, request, 'fiche-agent');
    return validateRecord(ctx, staff, parse(idParam, request.params).id);
  });

  app.post('/api/staff/agent-records/:id/reject', async (request, reply) => {
    const staff = await requireStaff(db, request, 'fiche-agent');
    await rejectRecord(
      ctx,
      staff,
      parse(idParam, request.params).id,
      parse(recordDecision, request.body).reason,
    );
    return reply.status(204).send();
  });
}
