import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, mailsTo, PASSWORD, testApp, type Client, type TestApp } from './harness.ts';
import { book, family, openPlaces } from './place-fixtures.ts';

let t: TestApp;
let staff: Client;
beforeAll(async () => {
  t = await testApp(); // calendar: 2021-04-15
  await createUser(t.db, { identifier: 'GEST-JE', role: 'staff', sectors: ['jeunesse'] });
  staff = t.client();
  await staff.login('GEST-JE', PASSWORD);
});
afterAll(() => t.close());

interface InvoiceView {
  invoice: {
    id: string;
    kind: string;
    reference: string;
    totalCents: number;
    subsidyCents: number;
    lines: {
      kind: string;
      label: string;
      amountCents: number;
      subsidy?: { grid: string; rateBp: number; reasons: string[]; explanation: unknown[] };
    }[];
  };
  account: {
    balanceCents: number;
    paidCents: number;
    instalments: { dueOn: string; amountCents: number; paidCents: number }[];
  };
  planOptions: { method: string; maxCount: number }[];
}
const invoicesOf = async (client: Client) =>
  (await client.get('/api/me/invoices')).json<{ invoices: InvoiceView[] }>().invoices;

describe('invoices, plans and payments', () => {
  it('invoices a confirmed place, splits it in 3 cheques, records each payment once, down to a zero balance', async () => {
    const [session] = await openPlaces(t, staff, [
      { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 200_000 },
    ]);
    const { client } = await family(t, 45_000);
    expect((await book(client, session ?? '', 'Lyon')).json()).toMatchObject({
      status: 'confirmed',
    });
    const [view] = await invoicesOf(client);
    const invoice = view?.invoice;
    expect(invoice?.reference).toMatch(/^F-2021-0000\d\d$/);
    expect(invoice?.lines.map((l) => l.kind)).toEqual(['stay', 'transport', 'subsidy', 'subsidy']);
    expect(invoice?.lines.reduce((sum, l) => sum + l.amountCents, 0)).toBe(invoice?.totalCents);
    const stay = invoice?.lines.find((l) => l.kind === 'subsidy');
    expect(stay?.subsidy).toMatchObject({ grid: 'majore' });
    expect(stay?.subsidy?.reasons.join(' ')).toContain('115');
    expect(stay?.subsidy?.explanation.length).toBeGreaterThan(3);
    // The deposit (30 % of what is left) first, then the balance.
    const total = invoice?.totalCents ?? 0;
    expect(view?.account.instalments.map((i) => i.amountCents)).toEqual([
      Math.round(total * 0.3),
      total - Math.round(total * 0.3),
    ]);
    // The pack allows 10 cheques, but only 3 month-ends come before the stay (5 July): 3 offered.
    expect(view?.planOptions).toEqual([
      expect.objectContaining({ method: 'cheque', maxCount: 3 }),
      expect.objectContaining({ method: 'card', maxCount: 3 }),
    ]);

    const tooMany = await client.put(`/api/me/invoices/${invoice?.id ?? ''}/plan`, {
      method: 'card',
      count: 4,
    });
    expect(tooMany.json()).toMatchObject({
      issues: [{ path: 'count', message: 'de 1 à 3 échéances : choisissez par exemple 3' }],
    });
    // The schedule can be read before it is chosen; reading it writes nothing.
    const preview = (
      await client.post(`/api/me/invoices/${invoice?.id ?? ''}/plan/preview`, {
        method: 'cheque',
        count: 3,
      })
    ).json<{ instalments: { dueOn: string; amountCents: number }[] }>().instalments;
    expect(preview.map((i) => i.dueOn)).toEqual(['2021-04-30', '2021-05-31', '2021-06-30']);
    expect((await invoicesOf(client))[0]?.account.instalments).toHaveLength(2);
    expect(
      (
        await client.post(`/api/me/invoices/${invoice?.id ?? ''}/plan/preview`, {
          method: 'cheque',
          count: 4,
        })
      ).json(),
    ).toMatchObject({ issues: [{ path: 'count' }] });
    const plan = await client.put(`/api/me/invoices/${invoice?.id ?? ''}/plan`, {
      method: 'cheque',
      count: 3,
    });
    expect(
      plan.json<InvoiceView['account']>().instalments.map((i) => [i.dueOn, i.amountCents]),
    ).toEqual(preview.map((i) => [i.dueOn, i.amountCents]));
    const instalments = plan.json<InvoiceView['account']>().instalments;
    expect(instalments.map((i) => i.dueOn)).toEqual(['2021-04-30', '2021-05-31', '2021-06-30']);
    expect(instalments.reduce((sum, i) => sum + i.amountCents, 0)).toBe(total);

    const pay = (amountCents: number, key: string, chequeNumber = `C${key}`) =>
      staff.request(
        'POST',
        '/api/staff/payments',
        {
          invoiceId: invoice?.id,
          method: 'cheque',
          amountCents,
          receivedOn: '2021-04-15',
          chequeNumber,
        },
        { 'idempotency-key': key },
      );
    const first = await pay(instalments[0]?.amountCents ?? 0, 'paiement-0001');
    expect(first.status).toBe(201);
    const again = await pay(instalments[0]?.amountCents ?? 0, 'paiement-0001');
    expect(again.status).toBe(200);
    expect(again.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
    // The same form sent again corrected, its first answer lost: what it recorded, and what to do.
    const corrected = await pay(1, 'paiement-0001');
    expect(corrected.status).toBe(409);
    expect(corrected.json<{ message: string }>().message).toBe(
      `Cette saisie a déjà enregistré un règlement de 432,38\u00a0€ sur la facture ${invoice?.reference ?? ''} : sa réponse s’est sans doute perdue en route. Rechargez la page pour le voir, puis saisissez à nouveau ce qui manque encore.`,
    );
    // A cheque without its number says where to find it, on its field.
    const numberless = await staff.request(
      'POST',
      '/api/staff/payments',
      { invoiceId: invoice?.id, method: 'cheque', amountCents: 1, receivedOn: '2021-04-15' },
      { 'idempotency-key': 'paiement-sans-numero' },
    );
    expect(numberless.json()).toMatchObject({
      issues: [
        {
          path: 'chequeNumber',
          message: 'indiquez le numéro imprimé sur le chèque, par exemple 0123456',
        },
      ],
    });
    // A key too short says what to send, with an example; nothing is recorded.
    const short = await pay(1, 'p-1');
    expect(short.status).toBe(400);
    expect(short.json<{ issues: { message: string }[] }>().issues[0]?.message).toMatch(
      /^envoyez l’en-tête Idempotency-Key : une clé de 8 à 100 lettres, chiffres.*par exemple un UUID/,
    );
    // Nor one shaped as the app's own transfers' keys, which it could otherwise take first.
    const shaped = await pay(1, `refund:${invoice?.id ?? ''}:refund`);
    expect(shaped.status).toBe(400);
    expect((await staff.post('/api/staff/payments', { invoiceId: invoice?.id })).status).toBe(400);
    const over = await pay(total, 'paiement-0002');
    expect(over.json()).toMatchObject({ issues: [{ path: 'amountCents' }] });
    expect((await pay(instalments[1]?.amountCents ?? 0, 'paiement-0003')).status).toBe(201);
    expect((await pay(instalments[2]?.amountCents ?? 0, 'paiement-0004')).status).toBe(201);
    const [paid] = await invoicesOf(client);
    expect(paid?.account).toMatchObject({ balanceCents: 0, paidCents: total });

    // Cheques are cashed on the last working day of each instalment's month.
    const cheques = (await staff.get('/api/staff/cheques?until=2021-06-30')).json<{
      cheques: { id: string; cashOn: string }[];
    }>().cheques;
    expect(cheques.map((c) => c.cashOn)).toEqual(['2021-04-30', '2021-05-31', '2021-06-30']);
    // A slip made for the cheques a screen listed: another list is refused, nothing remitted.
    const stale = await staff.post('/api/staff/deposit-slips', {
      depositedOn: '2021-04-30',
      expectedCheques: cheques.map((c) => c.id),
    });
    expect(stale.status).toBe(409);
    expect(stale.json<{ message: string }>().message).toMatch(
      /^Aucune remise n’a été créée : la liste des chèques a changé depuis votre écran \(1 chèque pour /,
    );
    const slip = await staff.post('/api/staff/deposit-slips', {
      depositedOn: '2021-04-30',
      expectedCheques: [cheques[0]?.id],
    });
    expect(slip.json()).toMatchObject({
      reference: 'RC-2021-000001',
      totalCents: instalments[0]?.amountCents,
    });
    const slipPdf = await staff.get(
      `/api/staff/deposit-slips/${slip.json<{ id: string }>().id}/pdf`,
    );
    expect((slipPdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    const pdf = await client.get(`/api/me/invoices/${invoice?.id ?? ''}/pdf`);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const other = await family(t, 45_000);
    expect((await other.client.get(`/api/me/invoices/${invoice?.id ?? ''}/pdf`)).status).toBe(404);
    expect((await other.client.post('/api/staff/payments', {})).status).toBe(403);

    // An issued invoice cannot be edited, even by a slip of the code.
    await expect(
      t.db.query('UPDATE invoices SET total_cents = 0 WHERE id = $1', [invoice?.id]),
    ).rejects.toThrow(/never edited/);
    expect((await staff.get('/api/staff/billing/consistency')).json()).toMatchObject({
      problems: [],
    });
  });

  it('cancels with the provider’s fee: a credit note, a fee invoice paid by what was paid, the rest refunded', async () => {
    const [session] = await openPlaces(t, staff, [
      { firstDay: '2021-08-02', lastDay: '2021-08-15', priceCents: 80_000 },
    ]);
    const { client } = await family(t, 45_000);
    const registration = (await book(client, session ?? '')).json<{ id: string }>();
    const [view] = await invoicesOf(client);
    const deposit = view?.account.instalments[0]?.amountCents ?? 0;
    await staff.request(
      'POST',
      '/api/staff/payments',
      {
        invoiceId: view?.invoice.id,
        method: 'chequesVacances',
        amountCents: deposit,
        receivedOn: '2021-04-15',
      },
      { 'idempotency-key': 'cv-deposit-1' },
    );
    const entitlementsBefore = (await client.get('/api/me/entitlements/2021')).json<{
      record: { annualCeilingUsedCents: number };
    }>().record.annualCeilingUsedCents;
    expect(entitlementsBefore).toBeGreaterThan(0);
    const fee = 10_000;
    const cancelled = await staff.post(`/api/staff/registrations/${registration.id}/cancel`, {
      organismFeeCents: fee,
    });
    expect(cancelled.json()).toMatchObject({ feeCents: fee, refundCents: deposit - fee });
    const after = await invoicesOf(client);
    const credit = after.find((i) => i.invoice.kind === 'credit_note');
    expect(credit?.invoice.reference).toMatch(/^AV-2021-\d{6}$/);
    expect(credit?.invoice.totalCents).toBe(-(view?.invoice.totalCents ?? 0));
    const original = after.find((i) => i.invoice.id === view?.invoice.id);
    const feeInvoice = after.find((i) => i.invoice.lines[0]?.kind === 'cancellation');
    expect(original?.account.balanceCents).toBe(0);
    expect(feeInvoice?.invoice.totalCents).toBe(fee);
    expect(feeInvoice?.account.balanceCents).toBe(0);
    expect(
      (await client.get('/api/me/entitlements/2021')).json<{
        record: { annualCeilingUsedCents: number };
      }>().record.annualCeilingUsedCents,
    ).toBe(0);
    expect((await staff.get('/api/staff/billing/consistency')).json()).toMatchObject({
      problems: [],
    });
  });

  it('shows a cancellation’s figures before it is made, and makes it only at the figures shown', async () => {
    const [session] = await openPlaces(t, staff, [
      { firstDay: '2021-08-16', lastDay: '2021-08-29', priceCents: 80_000 },
    ]);
    const { client } = await family(t, 45_000);
    const registration = (await book(client, session ?? '')).json<{ id: string }>();
    const [view] = await invoicesOf(client);
    const pay = (amountCents: number, key: string) =>
      staff.request(
        'POST',
        '/api/staff/payments',
        { invoiceId: view?.invoice.id, method: 'transfer', amountCents, receivedOn: '2021-04-15' },
        { 'idempotency-key': key },
      );
    await pay(15_000, 'preview-1');
    const url = `/api/staff/registrations/${registration.id}`;
    // Everything a cancellation writes, counted: a preview leaves all of it as it was.
    const written = async () =>
      (
        await t.db.query<{ n: string }>(
          `SELECT concat_ws(' ', (SELECT count(*) FROM invoices), (SELECT count(*) FROM payments),
                  (SELECT string_agg(kind || last_number, ',' ORDER BY kind) FROM billing_counters),
                  (SELECT count(*) FROM audit_log), (SELECT count(*) FROM mail_outbox),
                  (SELECT status FROM registration_requests WHERE id = $1)) AS n`,
          [registration.id],
        )
      )[0]?.n;
    const before = await written();
    expect((await client.post(`${url}/cancel/preview`, { organismFeeCents: 10_000 })).status).toBe(
      403,
    );
    const preview = await staff.post(`${url}/cancel/preview`, { organismFeeCents: 10_000 });
    expect(preview.status).toBe(200);
    const shown = preview.json<{ feeCents: number; refundCents: number; invoiceCents: null }>();
    expect(shown).toMatchObject({ feeCents: 10_000, refundCents: 5_000, invoiceCents: null });
    expect(await written()).toBe(before);
    expect(
      (await staff.post(`${url}/cancel/preview`, { organismFeeCents: 'dix euros' })).json(),
    ).toMatchObject({ error: 'invalid_input', issues: [{ path: 'organismFeeCents' }] });

    // A transfer arrives before the desk confirms: nothing is cancelled, the new figures are said.
    await pay(2_000, 'preview-2');
    const paid = await written();
    const stale = await staff.post(`${url}/cancel`, { organismFeeCents: 10_000, expected: shown });
    expect(stale.status).toBe(409);
    const refused = stale.json<{ error: string; message: string }>();
    expect(refused.error).toBe('amount_changed');
    expect(refused.message.replace(/\u00a0/g, ' ')).toContain(
      'l’annulation donne maintenant 100,00 € de frais, 70,00 € à rembourser, et non 100,00 € de frais, 50,00 € à rembourser comme à votre écran',
    );
    expect(await written()).toBe(paid);
    const again = (await staff.post(`${url}/cancel/preview`, { organismFeeCents: 10_000 })).json<
      typeof shown
    >();
    expect(again).toMatchObject({ feeCents: 10_000, refundCents: 7_000 });
    const cancelled = await staff.post(`${url}/cancel`, {
      organismFeeCents: 10_000,
      expected: again,
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json()).toMatchObject({ feeCents: 10_000, refundCents: 7_000 });
    expect((await staff.post(`${url}/cancel/preview`, {})).json()).toMatchObject({
      error: 'not_confirmed',
    });
  });

  it('reverses a cheque entered in error: a line of its own, the balance due again, off the slips, the family told', async () => {
    const [session] = await openPlaces(t, staff, [
      { firstDay: '2021-09-06', lastDay: '2021-09-12', priceCents: 60_000 },
    ]);
    const { client, id: memberId } = await family(t, 45_000);
    await book(client, session ?? '');
    const [view] = await invoicesOf(client);
    const invoiceId = view?.invoice.id ?? '';
    const balance = view?.account.balanceCents ?? 0;
    const entered = await staff.request(
      'POST',
      '/api/staff/payments',
      {
        invoiceId,
        method: 'cheque',
        amountCents: 3_000,
        receivedOn: '2021-04-15',
        chequeNumber: '0012345',
      },
      { 'idempotency-key': 'reversal-cheque-1' },
    );
    const cheque = entered.json<{ id: string }>();
    const pending = async () =>
      (await staff.get('/api/staff/cheques?until=2021-12-31'))
        .json<{ cheques: { chequeNumber: string }[] }>()
        .cheques.filter((c) => c.chequeNumber === '0012345');
    expect(await pending()).toHaveLength(1);
    const url = `/api/staff/payments/${cheque.id}/reversal`;
    expect((await client.post(url, { reason: 'erreur' })).status).toBe(403);
    const missing = (await staff.post(url, {})).json<{
      error: string;
      issues: { path: string; message: string }[];
    }>();
    expect(missing.error).toBe('invalid_input');
    expect(missing.issues[0]?.path).toBe('reason');
    expect(missing.issues[0]?.message).toContain('chèque revenu impayé');
    expect(
      (
        await staff.post('/api/staff/payments/6f1c1d3e-0000-4000-8000-000000000000/reversal', {
          reason: 'erreur',
        })
      ).status,
    ).toBe(404);

    const reversed = await staff.post(url, { reason: 'saisi sur la mauvaise facture' });
    expect(reversed.status).toBe(201);
    expect(reversed.json()).toMatchObject({
      reversal: {
        amountCents: -3_000,
        method: 'cheque',
        chequeNumber: '0012345',
        reversesId: cheque.id,
        reversalReason: 'saisi sur la mauvaise facture',
      },
      account: { paidCents: 0, balanceCents: balance },
    });
    const [after] = await invoicesOf(client);
    expect(after?.account.balanceCents).toBe(balance);
    const lines = (
      await staff.get(`/api/staff/invoices?reference=${view?.invoice.reference ?? ''}`)
    ).json<{
      invoices: { payments: { id: string; reversible: boolean; amountCents: number }[] }[];
    }>().invoices[0]?.payments;
    expect(lines?.map((l) => [l.amountCents, l.reversible])).toEqual([
      [3_000, false],
      [-3_000, false],
    ]);
    expect(await pending()).toEqual([]);
    const [member] = await t.db.query<{ email: string }>('SELECT email FROM users WHERE id = $1', [
      memberId,
    ]);
    const [mail] = (await mailsTo(t.db, member?.email ?? '')).filter((m) =>
      m.subject.includes('Règlement annulé'),
    );
    expect(mail?.text.replace(/[\u00a0\u202f]/g, ' ')).toContain(
      'Votre règlement (Chèque n° 0012345 de 30,00 € reçu le 15/04/2021) sur la facture',
    );
    expect(mail?.text).toContain('est annulé : saisi sur la mauvaise facture.');

    // Once only; a reversal is not itself reversed.
    expect((await staff.post(url, { reason: 'encore' })).json()).toMatchObject({
      error: 'already_reversed',
    });
    const reversal = reversed.json<{ reversal: { id: string } }>().reversal;
    expect(
      (await staff.post(`/api/staff/payments/${reversal.id}/reversal`, { reason: 'x' })).json(),
    ).toMatchObject({ error: 'not_reversible' });
    const csv = await staff.get('/api/staff/exports/payments.csv?from=2021-01-01&to=2021-12-31');
    expect(csv.body as string).toContain('saisi sur la mauvaise facture');
    expect((await staff.get('/api/staff/billing/consistency')).json()).toMatchObject({
      problems: [],
    });
  });

  it('does not reverse a payment whose invoice a credit note cancelled: its money went with the credit note', async () => {
    const [session] = await openPlaces(t, staff, [
      { firstDay: '2021-09-13', lastDay: '2021-09-19', priceCents: 60_000 },
    ]);
    const { client } = await family(t, 45_000);
    const place = (await book(client, session ?? '')).json<{ id: string }>();
    const [view] = await invoicesOf(client);
    const payment = (
      await staff.request(
        'POST',
        '/api/staff/payments',
        {
          invoiceId: view?.invoice.id,
          method: 'cheque',
          amountCents: 2_000,
          receivedOn: '2021-04-15',
          chequeNumber: '0054321',
        },
        { 'idempotency-key': 'reversal-credited-1' },
      )
    ).json<{ id: string }>();
    const reversible = async () =>
      (await staff.get(`/api/staff/invoices?reference=${view?.invoice.reference ?? ''}`))
        .json<{ invoices: { payments: { id: string; reversible: boolean }[] }[] }>()
        .invoices[0]?.payments.find((p) => p.id === payment.id)?.reversible;
    expect(await reversible()).toBe(true);
    expect((await staff.post(`/api/staff/registrations/${place.id}/cancel`, {})).status).toBe(200);
    // The desk is not offered to reverse it, and a reversal sent anyway is refused, saying why.
    expect(await reversible()).toBe(false);
    const refused = await staff.post(`/api/staff/payments/${payment.id}/reversal`, {
      reason: 'chèque revenu impayé',
    });
    expect(refused.status).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'invoice_credited' });
    expect(refused.json<{ message: string }>().message).toContain('annulée par un avoir');
  });

  it('limits the subsidy of a household at its ceiling, and says why', async () => {
    const sessions = await openPlaces(t, staff, [
      { firstDay: '2021-06-01', lastDay: '2021-06-14', priceCents: 200_000 },
      { firstDay: '2021-07-01', lastDay: '2021-07-14', priceCents: 200_000 },
      { firstDay: '2021-08-01', lastDay: '2021-08-14', priceCents: 200_000 },
    ]);
    const { client, id: memberId } = await family(t, 30_000); // QF 10 000 €: about 52 %, ceiling about 1 891 €
    for (const id of sessions) await book(client, id);
    const invoices = (await invoicesOf(client)).reverse();
    const [ceiling] = await t.db.query<{ annual_ceiling_cents: number }>(
      `SELECT annual_ceiling_cents::int AS annual_ceiling_cents FROM agent_records r WHERE r.member_id = $1`,
      [memberId],
    );
    // 14 days at 115 €/day × 62.54 % (majoré) = 1 006,89 €; the second gets what is left; the third nothing.
    const subsidies = invoices.map((i) => i.invoice.subsidyCents);
    expect(subsidies[0]).toBe(100_689);
    expect(subsidies[2]).toBe(0);
    expect(subsidies.reduce((a, b) => a + b, 0)).toBe(ceiling?.annual_ceiling_cents);
    const limited = invoices[1]?.invoice.lines.filter((l) => l.kind === 'subsidy') ?? [];
    expect(limited[0]?.subsidy?.reasons.join(' ')).toMatch(/plafond annuel de/);
    expect(limited.at(-1)?.label).toMatch(/^Subvention limitée : plafond annuel de 1\u202f891,09/);
    expect((await client.get('/api/me/entitlements/2021')).json()).toMatchObject({
      record: { annualCeilingUsedCents: ceiling?.annual_ceiling_cents },
    });
  });
});

describe('accounting exports', () => {
  it('give CSV with semicolons, a BOM and decimal commas, and XLSX, by sector and period', async () => {
    const csv = await staff.get(
      '/api/staff/exports/invoices.csv?from=2021-01-01&to=2021-12-31&sector=jeunesse',
    );
    const text = csv.body as string;
    expect(text.startsWith('\uFEFFRéférence;Type;Date;Secteur')).toBe(true);
    expect(text).toMatch(
      /F-2021-\d{6};facture;2021-04-15;jeunesse;IN-\d{6};[^;]+;\d+,\d\d;\d+,\d\d/,
    );
    expect(text).toContain(';avoir;');
    const payments = await staff.get(
      '/api/staff/exports/payments.csv?from=2021-01-01&to=2021-12-31',
    );
    expect(payments.body as string).toContain(';cheque;C');
    const subsidies = await staff.get(
      '/api/staff/exports/subsidies.csv?from=2021-01-01&to=2021-12-31',
    );
    expect((subsidies.body as string).split('\r\n')[1]).toMatch(
      /^jeunesse;2021-04;\d+;\d+,\d\d;\d+,\d\d$/,
    );
    const xlsx = await staff.get('/api/staff/exports/invoices.xlsx?from=2021-01-01&to=2021-12-31');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(
      Buffer.from(xlsx.body as string, 'latin1')
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const bad = await staff.get('/api/staff/exports/invoices.csv?from=2021-12-31&to=2021-01-01');
    expect(bad.json()).toMatchObject({ issues: [{ path: 'to' }] });
    await createUser(t.db, { identifier: 'GEST-VO', role: 'staff', sectors: ['voyages'] });
    const voyages = t.client();
    await voyages.login('GEST-VO', PASSWORD);
    expect(
      (
        await voyages.get(
          '/api/staff/exports/invoices.csv?from=2021-01-01&to=2021-12-31&sector=jeunesse',
        )
      ).status,
    ).toBe(403);
  });
});
