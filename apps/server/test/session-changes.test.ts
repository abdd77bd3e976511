// Staff change what they published (issue 14, point 12): a session cancelled by the committee
// (every family told why, places cancelled without fee and refunded, other choices kept), and the
// automatic selection's day, which staff can read and postpone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appContext } from '../src/app.ts';
import { createMailer } from '../src/modules/notifications/mailer.ts';
import { previewSelection, runDueSelections } from '../src/modules/registrations/selection.ts';
import {
  createUser,
  mailsTo,
  packs,
  PASSWORD,
  testApp,
  type Client,
  type TestApp,
} from './harness.ts';
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

const activityOf = async (sessionId: string): Promise<string> => {
  const [row] = await t.db.query<{ activity_id: string }>(
    'SELECT activity_id FROM activity_sessions WHERE id = $1',
    [sessionId],
  );
  return row?.activity_id ?? '';
};
const emailOf = async (memberId: string): Promise<string> => {
  const [row] = await t.db.query<{ email: string }>('SELECT email FROM users WHERE id = $1', [
    memberId,
  ]);
  return row?.email ?? '';
};
const statusOf = async (requestId: string): Promise<string> => {
  const [row] = await t.db.query<{ status: string }>(
    'SELECT status FROM registration_requests WHERE id = $1',
    [requestId],
  );
  return row?.status ?? '';
};
const on = (today: string) => appContext({ ...t.config, today }, t.db, createMailer(null), packs);

describe('cancelling a session', () => {
  it('cancels the places without fee and refunds them, cancels the waiting list, tells each family why', async () => {
    const [session = ''] = await openPlaces(t, staff, [
      { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 120_000, places: 1 },
    ]);
    const placed = await family(t, 45_000);
    const place = (await book(placed.client, session)).json<{ id: string; status: string }>();
    expect(place.status).toBe('confirmed');
    const waiting = await family(t, 30_000);
    const queued = (await book(waiting.client, session)).json<{ id: string; status: string }>();
    expect(queued.status).toBe('waiting');
    // The family paid 100 € of its invoice.
    const [invoice] = (await placed.client.get('/api/me/invoices')).json<{
      invoices: { invoice: { id: string } }[];
    }>().invoices;
    const paid = await staff.request(
      'POST',
      '/api/staff/payments',
      {
        invoiceId: invoice?.invoice.id,
        method: 'cheque',
        amountCents: 10_000,
        receivedOn: '2021-04-15',
        chequeNumber: 'C-ANNUL-1',
      },
      { 'idempotency-key': 'session-cancel-payment' },
    );
    expect(paid.status).toBe(201);

    const activity = await activityOf(session);
    const url = `/api/staff/activities/${activity}/sessions/${session}/cancellation`;
    // What it would do, read first; nothing changes.
    expect((await staff.get(url)).json()).toMatchObject({
      requestsCancelled: 0,
      choicesRemoved: 0,
      waitingCancelled: 1,
      placesCancelled: 1,
      refundCents: 10_000,
    });
    expect(await statusOf(place.id)).toBe('confirmed');
    // A reason is required: the families read it.
    const noReason = await staff.post(url, {});
    expect(noReason.status).toBe(400);
    expect(noReason.json()).toMatchObject({ issues: [{ path: 'reason' }] });
    // A family cannot cancel a session.
    expect((await placed.client.post(url, { reason: 'essai' })).status).toBe(403);

    const reason = 'le prestataire a fermé le centre pour travaux';
    const done = await staff.post(url, { reason });
    expect(done.status).toBe(200);
    expect(done.json()).toMatchObject({
      waitingCancelled: 1,
      placesCancelled: 1,
      refundCents: 10_000,
      session: { cancellationReason: reason },
    });
    expect(
      done.json<{ session: { cancelledAt: string | null } }>().session.cancelledAt,
    ).not.toBeNull();
    expect(await statusOf(place.id)).toBe('cancelled');
    expect(await statusOf(queued.id)).toBe('cancelled');
    // A credit note cancels the invoice, no fee is invoiced, the 100 € paid go back.
    const invoices = await t.db.query<{ kind: string; total_cents: number }>(
      `SELECT kind, total_cents::int FROM invoices WHERE registration_id = $1 ORDER BY created_at`,
      [place.id],
    );
    expect(invoices.map((i) => i.kind)).toEqual(['invoice', 'credit_note']);
    expect((invoices[0]?.total_cents ?? 0) + (invoices[1]?.total_cents ?? 0)).toBe(0);
    const [refund] = await t.db.query<{ method: string; amount_cents: number }>(
      `SELECT p.method, p.amount_cents::int FROM payments p JOIN invoices i ON i.id = p.invoice_id
        WHERE i.registration_id = $1 AND p.amount_cents < 0`,
      [place.id],
    );
    expect(refund).toEqual({ method: 'refund', amount_cents: -10_000 });
    // Each family is told, with the reason, by the sector.
    const placedMail = (await mailsTo(t.db, await emailOf(placed.id))).at(-1);
    expect(placedMail?.subject).toContain('session annulée');
    expect(placedMail?.text).toContain(`Motif : ${reason}`);
    expect(placedMail?.text).toMatch(/100,00\s€ versés vous seront remboursés/);
    expect(placedMail?.text).toContain('Le secteur Jeunesse');
    const waitingMail = (await mailsTo(t.db, await emailOf(waiting.id))).at(-1);
    expect(waitingMail?.text).toContain('Votre demande est annulée');

    // The session leaves the catalogue, takes no request, cannot be changed or cancelled again.
    const catalogue = (await placed.client.get('/api/activities')).json<{
      activities: { sessions: { id: string }[] }[];
    }>();
    expect(catalogue.activities.flatMap((a) => a.sessions.map((s) => s.id))).not.toContain(session);
    const again = await book(placed.client, session);
    expect(again.status).toBe(400);
    const [issue] = again.json<{ issues: { path: string; message: string }[] }>().issues;
    expect(issue?.path).toBe('choices.0.sessionId');
    expect(issue?.message).toContain('annulée');
    expect((await staff.post(url, { reason })).status).toBe(409);
    const changed = await staff.put(`/api/staff/activities/${activity}/sessions/${session}`, {
      label: 'Session 1 bis',
      firstDay: '2021-07-05',
      lastDay: '2021-07-18',
      minAge: 6,
      maxAge: 17,
      places: 10,
      priceCents: 120_000,
      closesOn: '2021-04-01',
    });
    expect(changed.status).toBe(409);
    const [audit] = await t.db.query<{ details: { refundCents: number } }>(
      `SELECT details FROM audit_log WHERE action = 'session.cancel' AND subject_id = $1`,
      [session],
    );
    expect(audit?.details.refundCents).toBe(10_000);
  });

  it('keeps the other choices of a request waiting for the selection, which then gets its own choice’s price', async () => {
    const [first = '', second = ''] = await openPlaces(
      t,
      staff,
      [
        { firstDay: '2021-08-02', lastDay: '2021-08-15', priceCents: 150_000 },
        { firstDay: '2021-08-16', lastDay: '2021-08-22', priceCents: 60_000 },
      ],
      { allocated: false },
    );
    const both = await family(t, 45_000);
    const request = (
      await both.client.post('/api/me/registrations', {
        dependantIndex: 1,
        choices: [
          { sessionId: first, transportCity: null },
          { sessionId: second, transportCity: null },
        ],
        depositMethod: 'cheque',
      })
    ).json<{ id: string; status: string }>();
    expect(request.status).toBe('requested');
    const only = await family(t, 45_000);
    const alone = (await book(only.client, first)).json<{ id: string }>();

    const activity = await activityOf(first);
    const url = `/api/staff/activities/${activity}/sessions/${first}/cancellation`;
    expect((await staff.get(url)).json()).toMatchObject({
      requestsCancelled: 1,
      choicesRemoved: 1,
      placesCancelled: 0,
      refundCents: 0,
    });
    await staff.post(url, { reason: 'trop peu d’inscrits' });
    expect(await statusOf(alone.id)).toBe('cancelled');
    expect(await statusOf(request.id)).toBe('requested');
    expect((await mailsTo(t.db, await emailOf(both.id))).at(-1)?.text).toContain(
      'Vos autres choix restent en lice',
    );

    // After closing, the selection gives the request its second choice, priced as that choice.
    await t.db.query(
      `UPDATE activity_sessions SET closes_on = '2021-04-10' WHERE id = ANY($1::uuid[])`,
      [[first, second]],
    );
    const preview = (await staff.get('/api/staff/selection/jeunesse')).json<{
      token: string;
      sessions: { id: string }[];
      decisions: { requestId: string; sessionId: string; rank: number; reasons: string[] }[];
    }>();
    expect(preview.sessions.map((s) => s.id)).not.toContain(first);
    const decision = preview.decisions.find((d) => d.requestId === request.id);
    expect(decision).toMatchObject({ sessionId: second, rank: 2 });
    expect(decision?.reasons.join(' ')).toContain('Choix 2');
    await staff.post('/api/staff/selection/jeunesse', { token: preview.token });
    const [invoice] = (await both.client.get('/api/me/invoices')).json<{
      invoices: { invoice: { lines: { kind: string; amountCents: number }[] } }[];
    }>().invoices;
    expect(invoice?.invoice.lines.find((l) => l.kind === 'stay')?.amountCents).toBe(60_000);
  });

  it('cancels only at the figures its confirmation read: a payment landed since, and nothing is done until they are read again', async () => {
    const [session = ''] = await openPlaces(t, staff, [
      { firstDay: '2021-07-19', lastDay: '2021-07-30', priceCents: 90_000, places: 2 },
    ]);
    const placed = await family(t, 45_000);
    const place = (await book(placed.client, session)).json<{ id: string }>();
    const [invoice] = (await placed.client.get('/api/me/invoices')).json<{
      invoices: { invoice: { id: string } }[];
    }>().invoices;
    const url = `/api/staff/activities/${await activityOf(session)}/sessions/${session}/cancellation`;
    const outbox = async () =>
      (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mail_outbox'))[0]?.n;
    const mailsBefore = await outbox();
    // The confirmation reads what the cancellation would do, rehearsed: nothing is kept of it.
    const read = (await staff.get(url)).json<{ refundCents: number; placesCancelled: number }>();
    expect(read).toMatchObject({ placesCancelled: 1, refundCents: 0 });
    expect(await statusOf(place.id)).toBe('confirmed');
    expect(await outbox()).toBe(mailsBefore);
    const [cancelled] = await t.db.query<{ cancelled_at: string | null }>(
      'SELECT cancelled_at FROM activity_sessions WHERE id = $1',
      [session],
    );
    expect(cancelled?.cancelled_at).toBeNull();
    const figures = {
      requestsCancelled: 0,
      choicesRemoved: 0,
      waitingCancelled: 0,
      placesCancelled: 1,
      refundCents: 0,
    };
    expect(read).toMatchObject(figures);

    // A transfer of 250 € lands while the dialog is open.
    const paid = await staff.request(
      'POST',
      '/api/staff/payments',
      {
        invoiceId: invoice?.invoice.id,
        method: 'transfer',
        amountCents: 25_000,
        receivedOn: '2021-04-15',
      },
      { 'idempotency-key': 'session-cancel-stale' },
    );
    expect(paid.status).toBe(201);
    const stale = await staff.post(url, { reason: 'le centre ferme', expected: figures });
    expect(stale.status).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'effect_changed' });
    expect(stale.json<{ message: string }>().message).toMatch(/250,00\s€ à rembourser/);
    expect(await statusOf(place.id)).toBe('confirmed');
    expect(await outbox()).toBe(mailsBefore);

    // Read again, it says what the cancellation now does, and does it.
    const again = (await staff.get(url)).json();
    expect(again).toMatchObject({ ...figures, refundCents: 25_000 });
    const done = await staff.post(url, {
      reason: 'le centre ferme',
      expected: { ...figures, refundCents: 25_000 },
    });
    expect(done.status).toBe(200);
    expect(done.json()).toMatchObject({ placesCancelled: 1, refundCents: 25_000 });
    expect(await statusOf(place.id)).toBe('cancelled');
    // Figures a desk could not have read are refused on their field.
    const bad = await staff.post(url, {
      reason: 'le centre ferme',
      expected: { ...figures, refundCents: -1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ issues: [{ path: 'expected.refundCents' }] });
  });

  it('refuses to cancel a session that has begun: its places are cancelled one by one, with their fees', async () => {
    const [begun = ''] = await openPlaces(t, staff, [
      { firstDay: '2021-05-10', lastDay: '2021-05-20', priceCents: 50_000 },
    ]);
    await t.db.query(`UPDATE activity_sessions SET first_day = '2021-04-14' WHERE id = $1`, [
      begun,
    ]);
    const activity = await activityOf(begun);
    const answer = await staff.post(
      `/api/staff/activities/${activity}/sessions/${begun}/cancellation`,
      { reason: 'neige' },
    );
    expect(answer.status).toBe(409);
    expect(answer.json<{ message: string }>().message).toContain('a commencé');
  });
});

describe('the day of the automatic selection', () => {
  it('runs the third day after closing unless staff postpone it, at the latest to the answer promised', async () => {
    await createUser(t.db, { identifier: 'GEST-SP', role: 'staff', sectors: ['sports'] });
    const sports = t.client();
    await sports.login('GEST-SP', PASSWORD);
    const { id } = (
      await sports.post('/api/staff/activities', {
        title: 'Stage de voile',
        sector: 'sports',
        kind: 'caes',
        capCategory: null,
        description: 'Une semaine sur l’eau.',
        provider: { name: 'Club nautique' },
        published: true,
      })
    ).json<{ id: string }>();
    const created = await sports.post(`/api/staff/activities/${id}/sessions`, {
      label: 'Juin',
      firstDay: '2021-06-07',
      lastDay: '2021-06-11',
      minAge: 8,
      maxAge: 17,
      places: 8,
      priceCents: 40_000,
      closesOn: '2021-04-15',
    });
    expect(created.json()).toMatchObject({ selectionOn: '2021-04-18', answerBy: '2021-04-30' });
    // Closed on the 15th: on the 16th staff read the preview and the day it will run.
    const ctx = on('2021-04-16');
    expect(await previewSelection(t.db, 'sports', '2021-04-16', false)).toMatchObject({
      automaticOn: '2021-04-18',
      latestOn: '2021-04-30',
    });
    expect(await runDueSelections(ctx)).toBe(0);
    expect(await runDueSelections(on('2021-04-17'))).toBe(0);

    // Postponed (within the answer promised), it waits for the new day. (Closed on the 12th, so
    // that the app's own day, the 15th, is after the closing.)
    await t.db.query(
      `UPDATE activity_sessions SET closes_on = '2021-04-12' WHERE activity_id = $1`,
      [id],
    );
    const tooLate = await sports.put('/api/staff/selection/sports/day', {
      selectionOn: '2021-05-03',
    });
    expect(tooLate.json<{ issues: { path: string; message: string }[] }>().issues).toEqual([
      {
        path: 'selectionOn',
        message:
          'les familles attendent la réponse au plus tard le 30/04/2021 : choisissez ce jour ou avant',
      },
    ]);
    const postponed = await sports.put('/api/staff/selection/sports/day', {
      selectionOn: '2021-04-25',
    });
    expect(postponed.status).toBe(200);
    expect(postponed.json()).toMatchObject({ automaticOn: '2021-04-25' });
    expect(
      (await sports.put('/api/staff/selection/sports/day', { selectionOn: '2021-04-15' })).json(),
    ).toMatchObject({ issues: [{ path: 'selectionOn' }] });
    expect(await runDueSelections(on('2021-04-24'))).toBe(0);
    expect(await runDueSelections(on('2021-04-25'))).toBe(1);
    const [allocated] = await t.db.query<{ allocated: boolean }>(
      'SELECT allocated_at IS NOT NULL AS allocated FROM activity_sessions WHERE activity_id = $1',
      [id],
    );
    expect(allocated?.allocated).toBe(true);
  });
});
