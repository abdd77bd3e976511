import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appContext } from '../src/app.ts';
import { sendDueReminders } from '../src/modules/billing/reminders.ts';
import { createMailer } from '../src/modules/notifications/mailer.ts';
import {
  createUser,
  familyWithRecord,
  mailsTo,
  packs,
  PASSWORD,
  testApp,
  type Client,
  type TestApp,
  addSession,
} from './harness.ts';

let t: TestApp;
let staff: Client;
beforeAll(async () => {
  t = await testApp({ ORGANIZATION: 'cnrs' }); // calendar: 2020-03-16, pack cnrs-2019
  await createUser(t.db, { identifier: 'GEST-JE', role: 'staff', sectors: ['jeunesse'] });
  staff = t.client();
  await staff.login('GEST-JE', PASSWORD);
});
afterAll(() => t.close());

interface InvoiceView {
  invoice: {
    id: string;
    lines: { kind: string; label: string; amountCents: number }[];
    totalCents: number;
  };
  account: { instalments: { dueOn: string; amountCents: number }[] };
  planOptions: { method: string; maxCount: number }[];
}

describe('CNRS billing', () => {
  it('adds the dossier fee, asks 20 % arrhes, offers 3 monthly instalments ending 30 days before the start, and reminds a week before each', async () => {
    const { id } = (
      await staff.post('/api/staff/activities', {
        title: 'Colo CNRS',
        sector: 'jeunesse',
        kind: 'caes',
        description: 'Mer.',
        provider: { name: 'Colo' },
        published: true,
      })
    ).json<{ id: string }>();
    const session = (
      await addSession(t.db, staff, id, {
        label: 'Juillet',
        firstDay: '2020-07-06',
        lastDay: '2020-07-19',
        minAge: 6,
        maxAge: 17,
        places: 5,
        priceCents: 90_000,
        transport: [{ city: 'Paris', priceCents: 5_000 }],
        closesOn: '2020-03-01',
      })
    ).json<{ id: string }>();
    await t.db.query('UPDATE activity_sessions SET allocated_at = now() WHERE id = $1', [
      session.id,
    ]);
    const { client } = await familyWithRecord(t, {
      identifier: 'CN-000501',
      email: 'cnrs.famille@example.org',
      taxIncomeEuros: 40_000,
      year: 2020,
      dependants: [{ relation: 'child', firstName: 'Tom', birthDate: '2010-02-02' }],
    });
    const booked = await client.post('/api/me/registrations', {
      dependantIndex: 0,
      choices: [{ sessionId: session.id, transportCity: 'Paris' }],
      depositMethod: 'card',
    });
    expect(booked.json()).toMatchObject({ status: 'confirmed' });
    const [view] = (await client.get('/api/me/invoices')).json<{ invoices: InvoiceView[] }>()
      .invoices;
    expect(view?.invoice.lines).toContainEqual({
      kind: 'fee',
      label: 'Frais de dossier',
      amountCents: 800,
    });
    const total = view?.invoice.totalCents ?? 0;
    const deposit = view?.account.instalments[0]?.amountCents ?? 0;
    // Arrhes: 20 % of what is left to pay (fees aside), at least 60 €.
    expect(deposit).toBeGreaterThanOrEqual(6_000);
    expect(view?.account.instalments[1]?.dueOn).toBe('2020-06-06');
    expect(view?.planOptions).toEqual([
      expect.objectContaining({ method: 'monthly', maxCount: 3 }),
    ]);
    const plan = await client.put(`/api/me/invoices/${view?.invoice.id ?? ''}/plan`, {
      method: 'monthly',
      count: 3,
    });
    const dues = plan.json<InvoiceView['account']>().instalments;
    expect(dues.map((d) => d.dueOn)).toEqual(['2020-03-31', '2020-04-30', '2020-05-29']);
    expect(dues.reduce((sum, d) => sum + d.amountCents, 0)).toBe(total);
    expect(
      (
        await client.put(`/api/me/invoices/${view?.invoice.id ?? ''}/plan`, {
          method: 'cheque',
          count: 2,
        })
      ).json(),
    ).toMatchObject({ issues: [{ path: 'method' }] });

    // A week before the first instalment, one reminder; never twice.
    const ctx = appContext({ ...t.config, today: '2020-03-25' }, t.db, createMailer(null), packs);
    expect(await sendDueReminders(ctx)).toBe(1);
    expect(await sendDueReminders(ctx)).toBe(0);
    const [mail] = await mailsTo(t.db, 'cnrs.famille@example.org').then((m) =>
      m.filter((x) => x.subject.includes('Échéance')),
    );
    expect(mail?.subject).toBe('CAES CNRS — Échéance du 31/03/2020 — facture F-2020-000001');

    // Modifications (SPEC §6, youth stays): the 1st is free, the 2nd costs 8 €.
    await staff.request(
      'POST',
      '/api/staff/payments',
      {
        invoiceId: view?.invoice.id,
        method: 'card',
        amountCents: dues[0]?.amountCents,
        receivedOn: '2020-03-16',
      },
      { 'idempotency-key': 'cnrs-card-0001' },
    );
    const registration = booked.json<{ id: string }>().id;
    const first = await staff.post(`/api/staff/registrations/${registration}/modify`, {
      transportCity: null,
    });
    expect(first.json()).toMatchObject({
      feeCents: 0,
      feeInvoice: null,
      creditNote: { reference: 'AV-2020-000001' },
    });
    const reissued = first.json<{
      invoice: { id: string; lines: { kind: string }[]; totalCents: number };
    }>().invoice;
    expect(reissued.lines.map((l) => l.kind)).not.toContain('transport');
    const second = await staff.post(`/api/staff/registrations/${registration}/modify`, {
      transportCity: 'Paris',
    });
    expect(second.json()).toMatchObject({ feeCents: 800, feeInvoice: { totalCents: 800 } });
    expect(
      (
        await staff.post(`/api/staff/registrations/${registration}/modify`, {
          transportCity: 'Lyon',
        })
      ).json(),
    ).toMatchObject({ issues: [{ path: 'transportCity' }] });
    // A shorter session of the same activity: the 3rd modification costs 15 €.
    const shorter = (
      await addSession(t.db, staff, id, {
        label: 'Juillet, une semaine',
        firstDay: '2020-07-06',
        lastDay: '2020-07-12',
        minAge: 6,
        maxAge: 17,
        places: 1,
        priceCents: 50_000,
        closesOn: '2020-03-01',
      })
    ).json<{ id: string }>();
    // The change screen offers the place's session and transport now, and where it may go.
    const options = `/api/staff/registrations/${registration}/change-options`;
    expect((await client.get(options)).status).toBe(403);
    const before = (await staff.get(options)).json<{
      sessionId: string;
      transportCity: string | null;
      sessions: { id: string; transport: { city: string }[] }[];
    }>();
    expect(before).toMatchObject({ sessionId: session.id, transportCity: 'Paris' });
    expect(before.sessions.map((s) => s.id).sort()).toEqual([session.id, shorter.id].sort());
    // Its confirmation shows what the change gives, rehearsed: the new invoice, the fee, the
    // refund; made at those figures, it gives them, with the next numbers (none was used up).
    const change = { sessionId: shorter.id, transportCity: null };
    const preview = (
      await staff.post(`/api/staff/registrations/${registration}/modify/preview`, change)
    ).json<{ feeCents: number; refundCents: number; invoiceCents: number | null }>();
    expect(preview).toMatchObject({ feeCents: 1_500, refundCents: 0 });
    expect(preview.invoiceCents).toBeGreaterThan(0);
    const third = await staff.post(`/api/staff/registrations/${registration}/modify`, {
      ...change,
      expected: preview,
    });
    expect(third.json()).toMatchObject({
      feeCents: 1_500,
      refundCents: 0,
      invoice: { totalCents: preview.invoiceCents },
      creditNote: { reference: 'AV-2020-000003' },
    });
    expect((await staff.get(options)).json()).toMatchObject({
      sessionId: shorter.id,
      transportCity: null,
    });
    expect(
      (await client.get('/api/me/registrations')).json<{
        registrations: { placedSessionId: string }[];
      }>().registrations[0]?.placedSessionId,
    ).toBe(shorter.id);
    const full = await staff.post(`/api/staff/registrations/${registration}/modify`, {
      sessionId: session.id,
      transportCity: 'Lyon',
    });
    expect(full.json()).toMatchObject({ issues: [{ path: 'transportCity' }] });
    const invoices = (await client.get('/api/me/invoices')).json<{
      invoices: {
        invoice: { kind: string; totalCents: number };
        account: { paidCents: number; balanceCents: number };
        planOptions: unknown[];
      }[];
    }>().invoices;
    // A fee invoice (8 €, 15 €) is below the 150 € the pack asks for instalments: paid at once.
    for (const fee of invoices.filter((i) => i.invoice.totalCents < 15_000))
      expect(fee.planOptions).toEqual([]);
    // 4 invoices of the place (1 + 3 changes), 2 fee invoices (8 €, 15 €), 3 credit notes.
    expect(invoices.filter((i) => i.invoice.kind === 'invoice')).toHaveLength(6);
    expect(invoices.filter((i) => i.invoice.kind === 'credit_note')).toHaveLength(3);
    // What was paid followed the place: it sits on the invoice in force.
    expect(invoices.reduce((sum, i) => sum + i.account.paidCents, 0)).toBe(dues[0]?.amountCents);
    expect((await staff.get('/api/staff/billing/consistency')).json()).toMatchObject({
      problems: [],
    });
  });
});
