import {
  activitySectors,
  cancellationRequest,
  instalmentsAgreement,
  depositSlipRequest,
  exportQuery,
  modificationRequest,
  paymentInput,
  planChoice,
  calendarDay,
  paymentReversal,
} from '@entraide/contract';
import { instalmentOptions } from '@entraide/rules';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError, notFound, parse, requireDayWithin, requireUuid, sendFile } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import {
  requireSectorStaff,
  requireStaff,
  requireUser,
  sectorRow,
  worksIn,
} from '../accounts/session-cookies.ts';
import { exportCsv, exportKinds, exportXlsx } from './accounting-exports.ts';
import { currentEntitlements } from '../household/agent-records.ts';
import {
  cancelPlace,
  modifyPlace,
  placeChangeOptions,
  previewCancellation,
  previewModification,
} from './place-changes.ts';
import { agreeInstalments } from './withdrawals.ts';
import { consistencyReport } from './consistency.ts';
import { invoicePdf } from './invoice-pdf.ts';
import { findInvoice, memberInvoices, type Invoice } from './invoices.ts';
import { reversePayment } from './payment-reversals.ts';
import {
  allowedCount,
  choosePlan,
  dueNowOf,
  invoiceAccount,
  previewPlan,
} from './payment-plans.ts';
import {
  createDepositSlip,
  depositSlipPdf,
  invoicePayments,
  pendingCheques,
  recordPayment,
} from './payments.ts';

const idParam = z.object({ id: z.string() });
/** Money is recorded the day it comes or within the year after; a slip within a year either way. */
const PAYMENT_DAYS = { pastDays: 366, futureDays: 0 };
const DEPOSIT_DAYS = { pastDays: 366, futureDays: 366 };
const untilQuery = z.object({ until: calendarDay });
const exportParams = z.object({ kind: z.enum(exportKinds), format: z.enum(['csv', 'xlsx']) });
const followUpQuery = z.object({ reference: z.string().trim().max(30).optional() });
/** Said when the key is missing, too short, too long or not plain: what to send, with an example. */
const IDEMPOTENCY_KEY =
  'envoyez l’en-tête Idempotency-Key : une clé de 8 à 100 lettres, chiffres, tirets ou soulignés, neuve pour chaque paiement, par exemple un UUID comme 3f1c2a9e-5b7d-4c1e-9a2f-8d6b0e4f7a21';
/** Letters, digits, `-` and `_`: the app's own transfers' keys (`tag:invoice:side`) stay its own. */
const idempotencyKey = z
  .string(IDEMPOTENCY_KEY)
  .min(8, IDEMPOTENCY_KEY)
  .max(100, IDEMPOTENCY_KEY)
  .regex(/^[\w-]+$/, IDEMPOTENCY_KEY);

/** Invoices, plans and payments: the member's files, the staff's entries, exports and checks. */
export function billingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;

  /** The first day of the stay an invoice is for (today when it is for none). */
  const firstDayOf = async (invoice: Invoice): Promise<string> => {
    const [session] = await db.query<{ first_day: string }>(
      `SELECT s.first_day::text AS first_day FROM registration_requests r JOIN activity_sessions s ON s.id = r.placed_session_id WHERE r.id = $1`,
      [invoice.registrationId],
    );
    return session?.first_day ?? ctx.today();
  };

  /** An invoice with where it stands, and for the family the plans it can choose. */
  const details = async (invoice: Invoice) => {
    const account = await invoiceAccount(db, invoice.id);
    const record = await currentEntitlements(db, invoice.memberId, invoice.year);
    /** Only the plans that split this balance: below the pack's minimum, or with no month
     * left before the balance is due, it is paid at once. */
    const planOptions = async () => {
      if (invoice.kind !== 'invoice' || account.balanceCents <= 0 || !record?.packId) return [];
      const firstDay = await firstDayOf(invoice);
      return instalmentOptions(ctx.packs.get(record.packId), account.balanceCents)
        .map((option) => ({
          ...option,
          maxCount: allowedCount(option.maxCount, ctx.today(), firstDay, ctx.organization.id),
        }))
        .filter((option) => option.maxCount > 1);
    };
    return {
      invoice,
      account,
      /** What « Payer en ligne » asks for now (the next instalment, or the balance). */
      dueNowCents: invoice.kind === 'invoice' ? dueNowOf(account) : 0,
      payments: await invoicePayments(db, invoice.id),
      planOptions: await planOptions(),
    };
  };

  app.get('/api/me/invoices', async (request) => {
    const member = await requireUser(db, request);
    const invoices = await memberInvoices(db, member.id);
    return { invoices: await Promise.all(invoices.map(details)) };
  });

  const ownInvoice = async (request: FastifyRequest) => {
    const member = await requireUser(db, request);
    const invoice = await findInvoice(db, parse(idParam, request.params).id);
    if (invoice.memberId !== member.id) throw notFound();
    return { member, invoice };
  };

  app.get('/api/me/invoices/:id/pdf', async (request, reply) => {
    const { invoice } = await ownInvoice(request);
    return sendFile(
      reply,
      'application/pdf',
      `${invoice.reference}.pdf`,
      await invoicePdf(ctx, db, invoice),
    );
  });

  app.put('/api/me/invoices/:id/plan', async (request) => {
    const { member, invoice } = await ownInvoice(request);
    const choice = parse(planChoice, request.body);
    return choosePlan(ctx, member, invoice.id, { ...choice, firstDay: await firstDayOf(invoice) });
  });

  app.post('/api/me/invoices/:id/plan/preview', async (request) => {
    const { member, invoice } = await ownInvoice(request);
    const choice = parse(planChoice, request.body);
    return {
      instalments: await previewPlan(ctx, member, invoice.id, {
        ...choice,
        firstDay: await firstDayOf(invoice),
      }),
    };
  });

  /** Staff of the invoice's sector, with the invoice. */
  const sectorInvoice = async (request: FastifyRequest, id: string) => {
    const { staff, resource } = await requireSectorStaff(db, request, () => findInvoice(db, id));
    return { staff, invoice: resource };
  };

  app.get('/api/staff/invoices', async (request) => {
    const staff = await requireStaff(db, request, ...activitySectors);
    const { reference } = parse(followUpQuery, request.query);
    const rows = await db.query<{ id: string; member: string }>(
      `SELECT i.id, u.last_name || ' ' || u.first_name || ' (' || u.identifier || ')' AS member
         FROM invoices i JOIN users u ON u.id = i.member_id
        WHERE i.kind = 'invoice' AND ($1::text[] IS NULL OR i.sector = ANY($1))
          AND ($2::text IS NULL OR i.reference = upper($2)) ORDER BY i.issued_on, i.reference LIMIT 500`,
      [staff.role === 'admin' ? null : staff.sectors, reference ?? null],
    );
    const all = await Promise.all(
      rows.map(async (r) => ({
        ...(await details(await findInvoice(db, r.id))),
        member: r.member,
      })),
    );
    // Without a reference: the follow-up of what is still owed, oldest first.
    return {
      invoices: reference ? all : all.filter((d) => d.account.balanceCents > 0),
      today: ctx.today(),
    };
  });

  app.get('/api/staff/invoices/:id/pdf', async (request, reply) => {
    const { invoice } = await sectorInvoice(request, parse(idParam, request.params).id);
    return sendFile(
      reply,
      'application/pdf',
      `${invoice.reference}.pdf`,
      await invoicePdf(ctx, db, invoice),
    );
  });

  app.post('/api/staff/payments', async (request, reply) => {
    await requireStaff(db, request, ...activitySectors);
    const key = parse(idempotencyKey, request.headers['idempotency-key']);
    const input = parse(paymentInput, request.body);
    requireDayWithin(
      'receivedOn',
      input.receivedOn,
      ctx.today(),
      PAYMENT_DAYS,
      'date de réception',
    );
    const { staff } = await sectorInvoice(request, input.invoiceId);
    const { payment, replayed } = await recordPayment(ctx, staff, key, input);
    return reply.status(replayed ? 200 : 201).send(payment);
  });

  /** Staff of the sector of the payment's invoice. */
  const sectorPayment = async (request: FastifyRequest) => {
    const { id } = parse(idParam, request.params);
    const { staff } = await requireSectorStaff(db, request, async () => {
      const [row] = await db.query<{ sector: string }>(
        'SELECT i.sector FROM payments p JOIN invoices i ON i.id = p.invoice_id WHERE p.id = $1',
        [requireUuid(id)],
      );
      if (!row) throw notFound();
      return row;
    });
    return { id, staff };
  };

  app.post('/api/staff/payments/:id/reversal', async (request, reply) => {
    const { id, staff } = await sectorPayment(request);
    const { reason } = parse(paymentReversal, request.body ?? {});
    return reply.status(201).send(await reversePayment(ctx, staff, id, reason));
  });

  app.get('/api/staff/cheques', async (request) => {
    await requireStaff(db, request, ...activitySectors);
    return { cheques: await pendingCheques(db, parse(untilQuery, request.query).until) };
  });

  app.post('/api/staff/deposit-slips', async (request, reply) => {
    const staff = await requireStaff(db, request, ...activitySectors);
    const { depositedOn, expectedCheques } = parse(depositSlipRequest, request.body);
    requireDayWithin('depositedOn', depositedOn, ctx.today(), DEPOSIT_DAYS, 'date de remise');
    return reply
      .status(201)
      .send(await createDepositSlip(ctx, staff, depositedOn, expectedCheques));
  });

  app.get('/api/staff/deposit-slips/:id/pdf', async (request, reply) => {
    await requireStaff(db, request, ...activitySectors);
    const slip = await depositSlipPdf(ctx, parse(idParam, request.params).id);
    return sendFile(reply, 'application/pdf', `${slip.reference}.pdf`, slip.pdf);
  });

  /** Staff of the registration's sector. */
  const sectorRegistration = async (request: FastifyRequest) => {
    const { id } = parse(idParam, request.params);
    const { staff } = await requireSectorStaff(db, request, () =>
      sectorRow(db, 'registration_requests', id),
    );
    return { id, staff };
  };

  app.post('/api/staff/registrations/:id/cancel', async (request) => {
    const { id, staff } = await sectorRegistration(request);
    return cancelPlace(ctx, staff, id, parse(cancellationRequest, request.body ?? {}));
  });

  /** What the cancellation would give, for its confirmation: nothing is written. */
  app.post('/api/staff/registrations/:id/cancel/preview', async (request) => {
    const { id, staff } = await sectorRegistration(request);
    return previewCancellation(ctx, staff, id, parse(cancellationRequest, request.body ?? {}));
  });

  /** Instalments agreed with a family in difficulty: no withdrawal for an unpaid balance. */
  app.put('/api/staff/registrations/:id/instalments-agreed', async (request) => {
    const { id, staff } = await sectorRegistration(request);
    const { agreed } = parse(instalmentsAgreement, request.body ?? {});
    return agreeInstalments(db, staff, id, agreed);
  });

  app.get('/api/staff/registrations/:id/change-options', async (request) => {
    const { id } = await sectorRegistration(request);
    return placeChangeOptions(db, id);
  });

  app.post('/api/staff/registrations/:id/modify', async (request) => {
    const { id, staff } = await sectorRegistration(request);
    return modifyPlace(ctx, staff, id, parse(modificationRequest, request.body ?? {}));
  });

  /** What the change would give, for its confirmation: nothing is written. */
  app.post('/api/staff/registrations/:id/modify/preview', async (request) => {
    const { id, staff } = await sectorRegistration(request);
    return previewModification(ctx, staff, id, parse(modificationRequest, request.body ?? {}));
  });

  app.get('/api/staff/exports/:kind.:format', async (request, reply) => {
    const staff = await requireStaff(db, request, ...activitySectors);
    const { kind, format } = parse(exportParams, request.params);
    const query = parse(exportQuery, request.query);
    if (query.sector && !worksIn(staff, query.sector))
      throw new HttpError(403, 'forbidden', 'Vous n’avez pas accès à ce secteur.');
    const filter = {
      sector:
        query.sector ??
        (staff.role === 'admin' || staff.sectors.length !== 1 ? null : (staff.sectors[0] ?? null)),
      from: query.from,
      to: query.to,
    };
    const name = `${kind}-${query.from}-${query.to}.${format}`;
    return format === 'csv'
      ? sendFile(reply, 'text/csv; charset=utf-8', name, await exportCsv(db, kind, filter))
      : sendFile(
          reply,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          name,
          await exportXlsx(db, kind, filter),
        );
  });

  app.get('/api/staff/billing/consistency', async (request) => {
    await requireStaff(db, request, ...activitySectors);
    return consistencyReport(db);
  });
}
