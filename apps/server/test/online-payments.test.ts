// Paying online (issue 18): the adapters' signatures (Lyra's documented example, Stripe's own
// test helper), and the money path through the local test provider — what is due now, recorded
// only from a verified notification, once, even sent twice at once or during a cancellation.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedSecret } from '../src/modules/accounts/csrf.ts';
import { localNotification, localProvider } from '../src/modules/payments/local-provider.ts';
import { expireOnlinePayments, readProviderFees } from '../src/modules/payments/online-payments.ts';
import { sendPreparedRefunds } from '../src/modules/payments/online-refunds.ts';
import { lyraProvider, lyraSignature } from '../src/modules/payments/lyra-form.ts';
import { NotAuthentic } from '../src/modules/payments/provider.ts';
import { stripeProvider } from '../src/modules/payments/stripe-checkout.ts';
import {
  createUser,
  PASSWORD,
  testApp,
  whileRowHeld,
  type Client,
  type TestApp,
} from './harness.ts';
import { book, family, openPlaces } from './place-fixtures.ts';

describe('the Lyra form protocol (PayZen, Systempay)', () => {
  const settings = {
    siteId: '12345678',
    key: '1122334455667788',
    mode: 'TEST' as const,
    formUrl: 'https://secure.payzen.eu/vads-payment/',
    rest: null,
  };

  it('signs the fields as the documentation’s example does', () => {
    // The documentation's example: shop 12345678, test key 1122334455667788, 51,24 €.
    const fields = {
      vads_action_mode: 'INTERACTIVE',
      vads_amount: '5124',
      vads_ctx_mode: 'TEST',
      vads_currency: '978',
      vads_page_action: 'PAYMENT',
      vads_payment_config: 'SINGLE',
      vads_site_id: '12345678',
      vads_trans_date: '20170129130025',
      vads_trans_id: '123456',
      vads_version: 'V2',
    };
    expect(lyraSignature(fields, settings.key)).toBe(
      'ycA5Do5tNvsnKdc/eP1bj2xa19z9q3iWPy9/rpesfS0=',
    );
  });

  it('posts a signed form for the amount, and reads only a notification signed with the key', async () => {
    const provider = lyraProvider(settings, () => new Date('2021-04-15T08:30:00Z'));
    const checkout = await provider.checkout({
      reference: 'PAY-ABCDEFGHIJ',
      amountCents: 12_345,
      label: 'Facture F-2021-000001',
      email: 'claire@example.org',
      returnUrl: 'https://caes.example.org/espace/paiements/PAY-ABCDEFGHIJ',
      notifyUrl: 'https://caes.example.org/api/payments/notifications/lyra',
      expiresAt: new Date('2021-04-15T09:00:00Z'),
    });
    expect(checkout.url).toBe(settings.formUrl);
    const fields = checkout.fields ?? {};
    expect(fields).toMatchObject({
      vads_amount: '12345',
      vads_currency: '978',
      vads_order_id: 'PAY-ABCDEFGHIJ',
      vads_trans_date: '20210415083000',
      vads_site_id: '12345678',
    });
    expect(fields.vads_trans_id).toMatch(/^[0-9a-z]{6}$/);
    expect(fields.signature).toBe(lyraSignature(fields, settings.key));

    const ipn = {
      vads_amount: '12345',
      vads_currency: '978',
      vads_order_id: 'PAY-ABCDEFGHIJ',
      vads_site_id: '12345678',
      vads_trans_status: 'AUTHORISED',
      vads_trans_uuid: 'b3c7f3a0e4b54f7e9d1f2a3b4c5d6e7f',
    };
    const body = (form: Record<string, string>) =>
      new URLSearchParams({ ...form, signature: lyraSignature(form, settings.key) }).toString();
    expect(provider.read({ headers: {}, body: body(ipn) })).toEqual([
      {
        reference: 'PAY-ABCDEFGHIJ',
        status: 'paid',
        amountCents: 12_345,
        currency: 'EUR',
        providerId: ipn.vads_trans_uuid,
        feesCents: null,
      },
    ]);
    expect(
      provider.read({ headers: {}, body: body({ ...ipn, vads_trans_status: 'REFUSED' }) })[0]
        ?.status,
    ).toBe('refused');
    // The amount changed after signing, or signed with another key: refused.
    const tampered = body(ipn).replace('vads_amount=12345', 'vads_amount=1');
    expect(() => provider.read({ headers: {}, body: tampered })).toThrow(NotAuthentic);
    const forged = new URLSearchParams({
      ...ipn,
      signature: lyraSignature(ipn, 'une autre clé!!'),
    });
    expect(() => provider.read({ headers: {}, body: forged.toString() })).toThrow(NotAuthentic);
  });
});

describe('refunds through Lyra’s REST API', () => {
  it('asks CancelOrRefund with the shop’s credentials, and says the provider’s refusal', async () => {
    const asked: { auth: string | undefined; body: unknown }[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const parsed = JSON.parse(body) as { amount: number };
        asked.push({ auth: request.headers.authorization, body: parsed });
        response.setHeader('content-type', 'application/json');
        response.end(
          JSON.stringify(
            parsed.amount > 10_000
              ? {
                  status: 'ERROR',
                  answer: { errorCode: 'PSP_099', errorMessage: 'montant trop élevé' },
                }
              : { status: 'SUCCESS', answer: { uuid: 'refund-uuid-1' } },
          ),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const provider = lyraProvider({
      siteId: '12345678',
      key: '1122334455667788',
      mode: 'TEST',
      formUrl: 'https://secure.payzen.eu/vads-payment/',
      rest: { password: 'testpassword_1122334455667788', url: `http://127.0.0.1:${String(port)}` },
    });
    const refund = (amountCents: number) =>
      provider.refund({ key: 'k', reference: 'PAY-ABCDEFGHIJ', providerId: 'uuid-1', amountCents });
    expect(await refund(5_000)).toEqual({ state: 'confirmed', providerRefundId: 'refund-uuid-1' });
    await expect(refund(20_000)).rejects.toThrow('Lyra : PSP_099 montant trop élevé');
    server.close();
    expect(asked[0]).toEqual({
      auth: `Basic ${Buffer.from('12345678:testpassword_1122334455667788').toString('base64')}`,
      body: {
        uuid: 'uuid-1',
        amount: 5_000,
        currency: 'EUR',
        resolutionMode: 'AUTO',
        comment: 'PAY-ABCDEFGHIJ',
      },
    });
  });
});

describe('Stripe Checkout', () => {
  const settings = { secretKey: 'sk_test_entraide', webhookSecret: 'whsec_entraide' };
  const event = (type: string, session: Record<string, unknown>) =>
    JSON.stringify({
      id: `evt_${randomUUID()}`,
      object: 'event',
      type,
      data: { object: { object: 'checkout.session', id: 'cs_test_1', ...session } },
    });
  const signed = (payload: string, secret = settings.webhookSecret) => ({
    headers: {
      'stripe-signature': new Stripe(settings.secretKey).webhooks.generateTestHeaderString({
        payload,
        secret,
      }),
    },
    body: payload,
  });

  it('reads a completed session signed by the webhook’s secret, and nothing else', async () => {
    const provider = stripeProvider(settings);
    const completed = event('checkout.session.completed', {
      client_reference_id: 'PAY-ABCDEFGHIJ',
      amount_total: 12_345,
      currency: 'eur',
      payment_status: 'paid',
    });
    expect(provider.read(signed(completed))).toEqual([
      {
        reference: 'PAY-ABCDEFGHIJ',
        status: 'paid',
        amountCents: 12_345,
        currency: 'EUR',
        providerId: 'cs_test_1',
        feesCents: null,
      },
    ]);
    const expired = event('checkout.session.expired', {
      client_reference_id: 'PAY-ABCDEFGHIJ',
      amount_total: 12_345,
      currency: 'eur',
    });
    expect(provider.read(signed(expired))[0]?.status).toBe('abandoned');
    // An event about something else concerns no payment.
    expect(provider.read(signed(event('customer.created', {})))).toEqual([]);
    expect(() => provider.read(signed(completed, 'whsec_autre'))).toThrow(NotAuthentic);
    expect(() =>
      provider.read({ headers: signed(completed).headers, body: completed.replace('12345', '1') }),
    ).toThrow(NotAuthentic);
  });
});

describe('paying an invoice online through the local test provider', () => {
  let t: TestApp;
  let http: () => Client;
  let staff: Client;
  let secret: Buffer;
  beforeAll(async () => {
    t = await testApp(); // calendar: 2021-04-15; no provider configured: the local one
    http = await t.serve();
    secret = await sharedSecret(t.db, 'local-payments');
    await createUser(t.db, { identifier: 'GEST-PAY', role: 'staff', sectors: ['jeunesse'] });
    staff = http();
    await staff.login('GEST-PAY', PASSWORD);
  });
  afterAll(() => t.close());

  interface InvoiceView {
    invoice: { id: string; totalCents: number };
    account: { paidCents: number; balanceCents: number; instalments: { amountCents: number }[] };
  }
  const invoiceOf = async (client: Client) =>
    (await client.get('/api/me/invoices')).json<{ invoices: InvoiceView[] }>().invoices[0];
  const placeWithInvoice = async () => {
    const [session = ''] = await openPlaces(t, staff, [
      { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 150_000 },
    ]);
    const { client } = await family(t, 45_000, http());
    const booked = (await book(client, session)).json<{ id: string }>();
    const view = await invoiceOf(client);
    if (!view) throw new Error('no invoice');
    return { client, registrationId: booked.id, view };
  };
  const start = (client: Client, invoiceId: string) =>
    client.post(`/api/me/invoices/${invoiceId}/online-payment`, {});
  const notify = (notice: {
    reference: string;
    status: 'paid' | 'refused' | 'abandoned';
    amountCents: number;
  }) => {
    const { headers, body } = localNotification({ ...notice, currency: 'EUR' }, secret);
    return http().request('POST', '/api/payments/notifications/local', Buffer.from(body), {
      ...(headers as Record<string, string>),
      'content-type': 'application/json',
    });
  };
  const outcomes = async (reference: string) =>
    (
      await t.db.query<{ outcome: string }>(
        'SELECT outcome FROM payment_notifications WHERE reference = $1 ORDER BY outcome',
        [reference],
      )
    ).map((row) => row.outcome);

  it('asks for what is due now, and records it from the notification alone, once', async () => {
    const { client, view } = await placeWithInvoice();
    const deposit = view.account.instalments[0]?.amountCents ?? 0;
    expect(deposit).toBeGreaterThan(0);
    expect(deposit).toBeLessThan(view.account.balanceCents);
    const started = await start(client, view.invoice.id);
    expect(started.status).toBe(201);
    const { payment, checkout } = started.json<{
      payment: { reference: string; amountCents: number; status: string };
      checkout: { url: string; fields: null };
    }>();
    // The deposit due now, not the whole invoice.
    expect(payment).toMatchObject({ amountCents: deposit, status: 'pending' });
    expect(checkout.url).toMatch(new RegExp(`/dev/paiement/${payment.reference}$`));
    // Coming back from the provider's page records nothing: only its notification does.
    expect((await invoiceOf(client))?.account.paidCents).toBe(0);

    // The same notification sent twice at the same moment: one payment.
    const notice = { reference: payment.reference, status: 'paid' as const, amountCents: deposit };
    const answers = await Promise.all([notify(notice), notify(notice)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect((await invoiceOf(client))?.account.paidCents).toBe(deposit);
    expect(await outcomes(payment.reference)).toEqual(['duplicate', 'recorded']);
    const [line] = await t.db.query<{ method: string; n: number }>(
      `SELECT method, count(*) OVER ()::int AS n FROM payments WHERE invoice_id = $1`,
      [view.invoice.id],
    );
    expect(line).toEqual({ method: 'card', n: 1 });
    expect((await client.get(`/api/me/online-payments/${payment.reference}`)).json()).toMatchObject(
      { status: 'paid', amountCents: deposit },
    );
    const report = await staff.get('/api/staff/billing/consistency');
    expect(report.json<{ problems: unknown[] }>().problems).toEqual([]);
    // The accounting export names it: card, the online payment's reference and its provider.
    const csv = await staff.get('/api/staff/exports/payments.csv?from=2021-01-01&to=2021-12-31');
    expect(String(csv.body)).toContain(
      `;card;;;${(deposit / 100).toFixed(2).replace('.', ',')};${payment.reference} (local);0,00`,
    );
  });

  it('records nothing from a forged notification, and keeps one it cannot place for the staff', async () => {
    const { client, view } = await placeWithInvoice();
    const { payment } = (await start(client, view.invoice.id)).json<{
      payment: { reference: string; amountCents: number };
    }>();
    const { body } = localNotification(
      {
        reference: payment.reference,
        status: 'paid',
        amountCents: payment.amountCents,
        currency: 'EUR',
      },
      Buffer.from('not the committee’s secret'),
    );
    const forged = await http().request(
      'POST',
      '/api/payments/notifications/local',
      Buffer.from(body),
      { 'content-type': 'application/json', 'x-entraide-local-signature': 'deadbeef' },
    );
    expect(forged.status).toBe(400);
    expect(await outcomes(payment.reference)).toEqual([]);
    // Another amount than asked, and a reference nobody started: kept, nothing recorded.
    await notify({ reference: payment.reference, status: 'paid', amountCents: 1 });
    await notify({ reference: 'PAY-0000000000', status: 'paid', amountCents: 1_000 });
    expect(await outcomes(payment.reference)).toEqual(['mismatch']);
    expect(await outcomes('PAY-0000000000')).toEqual(['unknown']);
    expect((await invoiceOf(client))?.account.paidCents).toBe(0);
    // The sector's staff see the one about their invoice (not the unknown one: the admin's),
    // and say how they handled it.
    const kept = async () =>
      (await staff.get('/api/staff/online-payments/notifications')).json<{
        notifications: { id: string; reference: string; outcome: string }[];
      }>().notifications;
    const [mismatch, ...others] = await kept();
    expect(mismatch).toMatchObject({ reference: payment.reference, outcome: 'mismatch' });
    expect(others.map((n) => n.reference)).not.toContain('PAY-0000000000');
    const handled = `/api/staff/online-payments/notifications/${mismatch?.id ?? ''}/handled`;
    expect((await staff.post(handled, { note: ' ' })).json()).toMatchObject({
      issues: [{ path: 'note' }],
    });
    expect((await staff.post(handled, { note: 'montant faux : rien à faire' })).status).toBe(200);
    expect((await kept()).map((n) => n.id)).not.toContain(mismatch?.id);
    // Another member cannot read it.
    const other = await family(t, 30_000, http());
    expect((await other.client.get(`/api/me/online-payments/${payment.reference}`)).status).toBe(
      404,
    );
    expect((await start(other.client, view.invoice.id)).status).toBe(404);
  });

  it(`a payment notified while the place is cancelled lands before the credit note or is kept to refund (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
    for (let round = 0; round < 3; round += 1) {
      const { client, registrationId, view } = await placeWithInvoice();
      const { payment } = (await start(client, view.invoice.id)).json<{
        payment: { reference: string; amountCents: number };
      }>();
      const [cancelled, notified] = await Promise.all([
        staff.post(`/api/staff/registrations/${registrationId}/cancel`, {
          organismFeeCents: 3_000,
        }),
        notify({ reference: payment.reference, status: 'paid', amountCents: payment.amountCents }),
      ]);
      expect(cancelled.status).toBe(200);
      expect(notified.status).toBe(200);
      const outcome = await outcomes(payment.reference);
      const { feeCents, refundCents } = cancelled.json<{ feeCents: number; refundCents: number }>();
      if (outcome[0] === 'recorded')
        // Paid first: the cancellation refunds it, less the fee.
        expect(refundCents).toBe(Math.max(0, payment.amountCents - feeCents));
      else {
        // Cancelled first: the money is not put on a cancelled invoice; the staff refund it.
        expect(outcome).toEqual(['credited']);
        expect(refundCents).toBe(0);
      }
      const report = await staff.get('/api/staff/billing/consistency');
      expect(report.json<{ problems: unknown[] }>().problems).toEqual([]);
    }
  });

  it('a place paid online and cancelled is refunded through the provider: prepared, sent, confirmed', async () => {
    const provider = localProvider(t.config.publicUrl, secret);
    // The refunds the cancellations before prepared (the race above, when the money came first).
    await sendPreparedRefunds(t.db, provider);
    const { client, registrationId, view } = await placeWithInvoice();
    const { payment } = (await start(client, view.invoice.id)).json<{
      payment: { reference: string; amountCents: number };
    }>();
    await notify({
      reference: payment.reference,
      status: 'paid',
      amountCents: payment.amountCents,
    });
    const cancelled = await staff.post(`/api/staff/registrations/${registrationId}/cancel`, {
      organismFeeCents: 3_000,
    });
    const { refundCents } = cancelled.json<{ refundCents: number }>();
    expect(refundCents).toBe(payment.amountCents - 3_000);
    const refunds = () =>
      t.db.query<{ status: string; amount: number }>(
        `SELECT r.status, r.amount_cents::int AS amount FROM online_refunds r
           JOIN online_payments o ON o.id = r.online_payment_id WHERE o.reference = $1`,
        [payment.reference],
      );
    expect(await refunds()).toEqual([{ status: 'prepared', amount: refundCents }]);
    // The staff follow it; one the provider refused is asked again on their word alone.
    const open = async () =>
      (await staff.get('/api/staff/online-payments/notifications')).json<{
        refunds: { id: string; reference: string; status: string }[];
      }>().refunds;
    const [followed] = (await open()).filter((r) => r.reference === payment.reference);
    expect(followed).toMatchObject({ status: 'prepared' });
    const retry = `/api/staff/online-payments/refunds/${followed?.id ?? ''}/retry`;
    expect((await staff.post(retry)).status).toBe(409);
    await t.db.query(
      `UPDATE online_refunds SET status = 'failed', error = 'PSP_099' WHERE id = $1`,
      [followed?.id],
    );
    expect((await client.post(retry)).status).toBe(403);
    // Two desks ask at once, both having read it failed (PostgreSQL: both wait for its row).
    const desk = t.client();
    await desk.login('GEST-PAY', PASSWORD);
    const both = () => Promise.all([staff.post(retry), desk.post(retry)]);
    const retries = await whileRowHeld(
      t.db,
      'SELECT 1 FROM online_refunds WHERE id = $1 FOR UPDATE',
      [followed?.id],
      both,
    );
    expect(retries.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(
      await t.db.query(
        `SELECT 1 FROM audit_log WHERE action = 'payment.refund_retry' AND subject_id = $1`,
        [followed?.id],
      ),
    ).toHaveLength(1);
    expect(await sendPreparedRefunds(t.db, provider)).toMatchObject({ confirmed: 1, failed: 0 });
    expect(await refunds()).toEqual([{ status: 'confirmed', amount: refundCents }]);
    // Sent once: the job again finds nothing to send.
    expect(await sendPreparedRefunds(t.db, provider)).toEqual({ confirmed: 0, failed: 0 });
    const report = await staff.get('/api/staff/billing/consistency');
    expect(report.json<{ problems: unknown[] }>().problems).toEqual([]);
  });

  it('the provider’s page pays, refuses or abandons, and sends the member back to the result', async () => {
    const { client, view } = await placeWithInvoice();
    const { payment } = (await start(client, view.invoice.id)).json<{
      payment: { reference: string };
    }>();
    // In process: the redirection is read, not followed.
    const browser = t.client();
    const page = await browser.get(`/dev/paiement/${payment.reference}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Payer');
    const refused = await browser.request(
      'POST',
      `/dev/paiement/${payment.reference}`,
      Buffer.from('outcome=refused'),
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(refused.status).toBe(303);
    expect(refused.headers.location).toBe(`/espace/paiements/${payment.reference}`);
    expect((await client.get(`/api/me/online-payments/${payment.reference}`)).json()).toMatchObject(
      { status: 'refused' },
    );
    expect((await invoiceOf(client))?.account.paidCents).toBe(0);
  });

  it('a page left past its time expires; money that still comes for it is recorded', async () => {
    const { client, view } = await placeWithInvoice();
    const { payment } = (await start(client, view.invoice.id)).json<{
      payment: { reference: string; amountCents: number };
    }>();
    await t.db.query(
      `UPDATE online_payments SET expires_at = now() - interval '1 minute' WHERE reference = $1`,
      [payment.reference],
    );
    expect(await expireOnlinePayments(t.db)).toBe(1);
    const status = async () =>
      (await client.get(`/api/me/online-payments/${payment.reference}`)).json<{ status: string }>()
        .status;
    expect(await status()).toBe('expired');
    await notify({
      reference: payment.reference,
      status: 'paid',
      amountCents: payment.amountCents,
    });
    expect(await status()).toBe('paid');
    expect((await invoiceOf(client))?.account.paidCents).toBe(payment.amountCents);
  });
});

/** An app whose committee takes payments with `provider`, a family with an invoice, a staff desk. */
async function committeeWith(overrides: Record<string, string>) {
  const t = await testApp(overrides);
  const http = await t.serve();
  await createUser(t.db, { identifier: 'GEST-PSP', role: 'staff', sectors: ['jeunesse'] });
  const staff = http();
  await staff.login('GEST-PSP', PASSWORD);
  const [session = ''] = await openPlaces(t, staff, [
    { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 150_000 },
  ]);
  const { client, id: memberId } = await family(t, 45_000, http());
  await book(client, session);
  const [invoice] = await t.db.query<{ id: string }>(
    'SELECT id FROM invoices WHERE member_id = $1',
    [memberId],
  );
  const paid = async () =>
    (
      await t.db.query<{ n: number; cents: number }>(
        `SELECT count(*)::int AS n, COALESCE(sum(amount_cents), 0)::int AS cents FROM payments WHERE invoice_id = $1`,
        [invoice?.id],
      )
    )[0];
  return { t, http, staff, client, memberId, invoiceId: invoice?.id ?? '', paid };
}

describe('each adapter through the app: a notification sent twice at once records one payment', () => {
  it('Lyra: the signed form to post, then its IPN twice', async () => {
    const key = '1122334455667788';
    const { t, http, client, invoiceId, paid } = await committeeWith({
      PAYMENT_PROVIDER: 'lyra',
      LYRA_SITE_ID: '12345678',
      LYRA_KEY: key,
    });
    try {
      const started = await client.post(`/api/me/invoices/${invoiceId}/online-payment`, {});
      expect(started.status).toBe(201);
      const { payment, checkout } = started.json<{
        payment: { reference: string; amountCents: number };
        checkout: { url: string; fields: Record<string, string> };
      }>();
      expect(checkout.url).toBe('https://secure.lyra.com/vads-payment/');
      // The browser may post the form there: the page's policy allows it, and only it.
      const policy = String((await client.get('/api/health')).headers['content-security-policy']);
      expect(policy).toContain("form-action 'self' https://secure.lyra.com;");
      expect(checkout.fields.vads_url_check).toBe(
        `${t.config.publicUrl}/api/payments/notifications/lyra`,
      );
      const ipn = {
        vads_amount: String(payment.amountCents),
        vads_currency: '978',
        vads_order_id: payment.reference,
        vads_site_id: '12345678',
        vads_trans_status: 'CAPTURED',
        vads_trans_uuid: 'c0ffee00c0ffee00c0ffee00c0ffee00',
      };
      const body = new URLSearchParams({ ...ipn, signature: lyraSignature(ipn, key) }).toString();
      const send = () =>
        http().request('POST', '/api/payments/notifications/lyra', Buffer.from(body), {
          'content-type': 'application/x-www-form-urlencoded',
        });
      expect((await Promise.all([send(), send()])).map((a) => a.status)).toEqual([200, 200]);
      expect(await paid()).toEqual({ n: 1, cents: payment.amountCents });
    } finally {
      await t.close();
    }
  });

  it('Stripe: a completed session’s webhook twice (the session made by Stripe, not reachable here)', async () => {
    const settings = { secretKey: 'sk_test_entraide', webhookSecret: 'whsec_entraide' };
    const { t, http, memberId, invoiceId, paid } = await committeeWith({
      PAYMENT_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: settings.secretKey,
      STRIPE_WEBHOOK_SECRET: settings.webhookSecret,
    });
    try {
      // What startOnlinePayment writes before it asks Stripe for the session.
      await t.db.query(
        `INSERT INTO online_payments (reference, invoice_id, member_id, provider, amount_cents, provider_id, expires_at)
         VALUES ('PAY-STRIPE0001', $1, $2, 'stripe', 12000, 'cs_test_1', now() + interval '30 minutes')`,
        [invoiceId, memberId],
      );
      const payload = JSON.stringify({
        id: 'evt_1',
        object: 'event',
        type: 'checkout.session.completed',
        data: {
          object: {
            object: 'checkout.session',
            id: 'cs_test_1',
            client_reference_id: 'PAY-STRIPE0001',
            amount_total: 12_000,
            currency: 'eur',
            payment_status: 'paid',
          },
        },
      });
      const signature = new Stripe(settings.secretKey).webhooks.generateTestHeaderString({
        payload,
        secret: settings.webhookSecret,
      });
      const send = () =>
        http().request('POST', '/api/payments/notifications/stripe', Buffer.from(payload), {
          'content-type': 'application/json',
          'stripe-signature': signature,
        });
      expect((await Promise.all([send(), send()])).map((a) => a.status)).toEqual([200, 200]);
      expect(await paid()).toEqual({ n: 1, cents: 12_000 });

      // Its fees, read afterwards from the session's balance transaction (Stripe's API played by
      // a local server: what the package asks, and Stripe's answer's shape).
      const asked: string[] = [];
      const api = createServer((request, response) => {
        asked.push(`${request.method ?? ''} ${request.url ?? ''}`);
        response.setHeader('content-type', 'application/json');
        response.end(
          JSON.stringify({
            id: 'cs_test_1',
            object: 'checkout.session',
            payment_intent: {
              id: 'pi_1',
              object: 'payment_intent',
              latest_charge: {
                id: 'ch_1',
                object: 'charge',
                balance_transaction: { id: 'txn_1', object: 'balance_transaction', fee: 193 },
              },
            },
          }),
        );
      });
      await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
      const { port } = api.address() as AddressInfo;
      const stripe = stripeProvider({
        ...settings,
        api: { host: '127.0.0.1', port, protocol: 'http' },
      });
      expect(await readProviderFees(t.db, stripe)).toBe(1);
      expect(await readProviderFees(t.db, stripe)).toBe(0);
      api.close();
      expect(decodeURIComponent(asked[0] ?? '')).toBe(
        'GET /v1/checkout/sessions/cs_test_1?expand[0]=payment_intent.latest_charge.balance_transaction',
      );
      const staff = http();
      await staff.login('GEST-PSP', PASSWORD);
      const csv = await staff.get('/api/staff/exports/payments.csv?from=2021-01-01&to=2021-12-31');
      expect(String(csv.body)).toContain(';120,00;PAY-STRIPE0001 (stripe cs_test_1);1,93');
    } finally {
      await t.close();
    }
  });
});
