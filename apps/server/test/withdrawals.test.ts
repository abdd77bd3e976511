// A CNRS place unpaid a month before its start is a withdrawal (issue 13, SPEC §6): warned a
// week before, then cancelled with the schedule's fee and its lodging freed — unless staff agreed
// instalments.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appContext } from '../src/app.ts';
import { sendDueReminders } from '../src/modules/billing/reminders.ts';
import { withdrawUnpaidPlaces } from '../src/modules/billing/withdrawals.ts';
import { createMailer } from '../src/modules/notifications/mailer.ts';
import {
  createUser,
  familyWithRecord,
  lockWaits,
  poll,
  whileRowHeld,
  mailsTo,
  packs,
  PASSWORD,
  testApp,
  type Client,
  type TestApp,
  addSession,
} from './harness.ts';
import { sessionCountsOff } from './place-fixtures.ts';

let t: TestApp;
let staff: Client;
let sessionId = '';
beforeAll(async () => {
  t = await testApp({ ORGANIZATION: 'cnrs' }); // calendar: 2020-03-16, pack cnrs-2019
  await createUser(t.db, { identifier: 'GEST-VAC', role: 'staff', sectors: ['vacances'] });
  staff = t.client();
  await staff.login('GEST-VAC', PASSWORD);
  const { id } = (
    await staff.post('/api/staff/activities', {
      title: 'Village du Vercors',
      sector: 'vacances',
      kind: 'caesVillage',
      description: 'Gîtes en lisière de forêt.',
      provider: { name: 'CAES du CNRS' },
      published: true,
    })
  ).json<{ id: string }>();
  sessionId = (
    await addSession(t.db, staff, id, {
      label: 'Semaine du 20 mai',
      firstDay: '2020-05-20',
      lastDay: '2020-05-27',
      minAge: 0,
      maxAge: 120,
      places: 0,
      priceCents: 0,
      lodgings: [
        { type: 'Gîte 4 personnes', capacity: 4, priceCents: 60_000, per: 'week', count: 5 },
      ],
      closesOn: '2020-03-01',
    })
  ).json<{ id: string }>().id;
  const { token } = (await staff.get('/api/staff/selection/vacances')).json<{ token: string }>();
  await staff.post('/api/staff/selection/vacances', { token });
});
afterAll(() => t.close());

const on = (today: string) => appContext({ ...t.config, today }, t.db, createMailer(null), packs);

async function bookGite(identifier: string, email: string): Promise<string> {
  const { client } = await familyWithRecord(t, {
    identifier,
    email,
    taxIncomeEuros: 30_000,
    year: 2020,
    dependants: [{ relation: 'child', firstName: 'Nina', birthDate: '2012-01-01' }],
  });
  const booked = await client.post('/api/me/registrations', {
    dependantIndex: null,
    companions: [0],
    choices: [{ sessionId, lodgingType: 'Gîte 4 personnes' }],
    depositMethod: 'cheque',
  });
  expect(booked.json()).toMatchObject({ status: 'confirmed' });
  return booked.json<{ id: string }>().id;
}

/**
 * A job run while staff record the transfer of a place's whole invoice: the invoice's row held
 * until the payment waits for it, then the job (PostgreSQL). The payment's answer, the job's.
 */
async function whilePaidInFull<T>(place: string, job: () => Promise<T>) {
  const [invoice] = await t.db.query<{ id: string; total: number }>(
    `SELECT id, total_cents::int AS total FROM invoices WHERE registration_id = $1 AND kind = 'invoice'`,
    [place],
  );
  return whileRowHeld(
    t.db,
    'SELECT 1 FROM invoices WHERE id = $1 FOR UPDATE',
    [invoice?.id],
    async () => {
      const payment = staff.request(
        'POST',
        '/api/staff/payments',
        {
          invoiceId: invoice?.id,
          method: 'transfer',
          amountCents: invoice?.total,
          receivedOn: '2020-03-16',
        },
        { 'idempotency-key': randomUUID() },
      );
      await poll(
        () => lockWaits(t.db),
        (waits) => waits > 0,
      );
      return Promise.all([payment, job()]);
    },
  );
}

const statusOf = async (id: string) =>
  (
    await t.db.query<{ status: string }>('SELECT status FROM registration_requests WHERE id = $1', [
      id,
    ])
  )[0]?.status;

describe('unpaid a month before the start', () => {
  it('warns once a week before, then withdraws with the arrhes kept and frees the lodging; agreed instalments are left alone', async () => {
    const unpaid = await bookGite('CN-000601', 'impaye@example.org');
    const agreed = await bookGite('CN-000602', 'echelonne@example.org');
    const answer = await staff.put(`/api/staff/registrations/${agreed}/instalments-agreed`, {
      agreed: true,
    });
    expect(answer.json()).toEqual({ agreed: true });

    expect(await withdrawUnpaidPlaces(on('2020-04-12'))).toEqual({ warned: 0, withdrawn: 0 });
    expect(await withdrawUnpaidPlaces(on('2020-04-13'))).toEqual({ warned: 1, withdrawn: 0 });
    expect(await withdrawUnpaidPlaces(on('2020-04-13'))).toEqual({ warned: 0, withdrawn: 0 });
    const [warning] = (await mailsTo(t.db, 'impaye@example.org')).filter((m) =>
      m.subject.includes('Solde'),
    );
    expect(warning?.subject).toMatch(
      /^CAES CNRS — Solde à régler avant le 20\/04\/2020 — facture F-2020-\d{6}$/,
    );
    expect(await withdrawUnpaidPlaces(on('2020-04-19'))).toEqual({ warned: 0, withdrawn: 0 });
    expect(await statusOf(unpaid)).toBe('confirmed');

    expect(await withdrawUnpaidPlaces(on('2020-04-20'))).toEqual({ warned: 0, withdrawn: 1 });
    expect(await statusOf(unpaid)).toBe('cancelled');
    expect(await statusOf(agreed)).toBe('confirmed');
    // 30 days before: the arrhes (20 % of what is left to pay), invoiced on their own.
    const [fee] = await t.db.query<{ total_cents: number; label: string }>(
      `SELECT i.total_cents::int AS total_cents, i.lines -> 0 ->> 'label' AS label FROM invoices i
         JOIN registration_requests r ON r.id = i.registration_id
        WHERE r.id = $1 AND i.kind = 'invoice' AND i.lines -> 0 ->> 'kind' = 'cancellation'`,
      [unpaid],
    );
    const [quote] = await t.db.query<{ left: number }>(
      `SELECT (quotes -> 0 ->> 'leftToPayCents')::int AS left FROM registration_requests WHERE id = $1`,
      [unpaid],
    );
    expect(fee?.total_cents).toBe(Math.max(6_000, Math.round((quote?.left ?? 0) * 0.2)));
    const [withdrawn] = (await mailsTo(t.db, 'impaye@example.org')).filter((m) =>
      m.subject.includes('annulée'),
    );
    expect(withdrawn?.text).toContain('l’hébergement est libéré');
    const [gite] = (await staff.get('/api/activities?sector=vacances')).json<{
      activities: { sessions: { lodgings: { left: number }[] }[] }[];
    }>().activities[0]!.sessions[0]!.lodgings;
    expect(gite?.left).toBe(4);
    expect(await sessionCountsOff(t)).toEqual([]);
    // Nothing more to do, whatever the day.
    expect(await withdrawUnpaidPlaces(on('2020-05-01'))).toEqual({ warned: 0, withdrawn: 0 });
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'keeps a place whose balance is being paid as the job runs: the job waits for the payment (PostgreSQL)',
    async () => {
      const place = await bookGite('CN-000604', 'paiement-tardif@example.org');
      expect(await withdrawUnpaidPlaces(on('2020-04-13'))).toEqual({ warned: 1, withdrawn: 0 });
      const [paid, job] = await whilePaidInFull(place, () =>
        withdrawUnpaidPlaces(on('2020-04-20')),
      );
      expect([paid.status, job]).toEqual([201, { warned: 0, withdrawn: 0 }]);
      expect(await statusOf(place)).toBe('confirmed');
    },
  );

  it.skipIf(!process.env.DATABASE_URL)(
    'sends no reminder for a balance being paid as the reminders job runs (PostgreSQL)',
    async () => {
      const place = await bookGite('CN-000605', 'paie-a-temps@example.org');
      // The balance is due on 20 April: the job of the 15th reminds it, unless it is paid.
      const [paid] = await whilePaidInFull(place, () => sendDueReminders(on('2020-04-15')));
      expect(paid.status).toBe(201);
      const reminders = (await mailsTo(t.db, 'paie-a-temps@example.org')).filter((m) =>
        m.subject.includes('Échéance'),
      );
      expect(reminders).toEqual([]);
    },
  );

  it('leaves a stay that has begun alone: no warning, no withdrawal of a week being lived', async () => {
    const begun = await bookGite('CN-000603', 'commence@example.org');
    expect(await withdrawUnpaidPlaces(on('2020-05-20'))).toEqual({ warned: 0, withdrawn: 0 });
    expect(await withdrawUnpaidPlaces(on('2020-05-28'))).toEqual({ warned: 0, withdrawn: 0 });
    expect(await statusOf(begun)).toBe('confirmed');
    expect(
      await mailsTo(t.db, 'commence@example.org').then((m) =>
        m.filter((x) => x.subject.includes('Solde')),
      ),
    ).toEqual([]);
  });
});
