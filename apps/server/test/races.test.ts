// The money paths under real parallel HTTP requests (issue 11): each race ends with the
// consistency report empty and the counts exact. Races show on PostgreSQL; on PGlite (one
// connection) the same requests run one after the other and must give the same guarantees.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDefaultRib,
  createUser,
  familyWithRecord,
  festivalClaim,
  lockWaits,
  mailsTo,
  PASSWORD,
  poll,
  samplePdf,
  servedWithStaff,
  type Answer,
  type Client,
  type TestApp,
  uploadReceipt,
  whileRowHeld,
} from './harness.ts';
import { book, cancelSessionBy, family, openPlaces, sessionCountsOff } from './place-fixtures.ts';

let t: TestApp;
let http: () => Client;
let staff: Client;
beforeAll(async () => {
  ({ t, http, staff } = await servedWithStaff('GEST-RACE', ['jeunesse'])); // calendar: 2021-04-15
});
afterAll(() => t.close());

/** Several staff desks, each its own logged-in browser (the staff member `identifier`). */
async function desks(count: number, identifier = 'GEST-RACE'): Promise<Client[]> {
  // One after the other, as a person opens them: logins of one identifier at the same instant
  // count together against its limit (decision 0040).
  const opened: Client[] = [];
  for (let i = 0; i < count; i += 1) {
    const desk = http();
    await desk.login(identifier, PASSWORD);
    opened.push(desk);
  }
  return opened;
}

/** Two desks of a staff member made for the test. */
async function twoDesks(identifier: string): Promise<[Client, Client]> {
  const [one, another] = await desks(2, identifier);
  if (!one || !another) throw new Error('no desks');
  return [one, another];
}

/** A member with a validated 2021 Fiche, logged in on a phone and on a computer. */
async function onTwoDevices(identifier: string) {
  const { id, client: phone } = await familyWithRecord(t, {
    identifier,
    taxIncomeEuros: 30_000,
    dependants: [],
  });
  const computer = http();
  await computer.login(identifier, PASSWORD);
  return { id, phone, computer };
}

const consistency = async () =>
  (await staff.get('/api/staff/billing/consistency')).json<{ problems: unknown[] }>().problems;

interface InvoiceView {
  invoice: { id: string; kind: string; reference: string; totalCents: number };
  account: { paidCents: number; balanceCents: number };
}
const invoicesOf = async (client: Client) =>
  (await client.get('/api/me/invoices')).json<{ invoices: InvoiceView[] }>().invoices;

/** A family's confirmed place on `sessionId`, with its invoice and the request's id. */
async function confirmedPlace(sessionId: string) {
  const { client } = await family(t, 45_000, http());
  const booked = (await book(client, sessionId)).json<{ id: string; status: string }>();
  expect(booked.status).toBe('confirmed');
  const [view] = await invoicesOf(client);
  if (!view) throw new Error('no invoice');
  return { client, registrationId: booked.id, invoice: view.invoice };
}

/** A new family's request for a full session: it waits on its list. */
async function waitingRequest(sessionId: string) {
  const { client } = await family(t, 30_000, http());
  const booked = (await book(client, sessionId)).json<{ id: string; status: string }>();
  expect(booked.status).toBe('waiting');
  return { client, id: booked.id };
}

const pay = (desk: Client, invoiceId: string, amountCents: number) =>
  desk.request(
    'POST',
    '/api/staff/payments',
    { invoiceId, method: 'transfer', amountCents, receivedOn: '2021-04-15' },
    { 'idempotency-key': randomUUID() },
  );

/**
 * Two requests in a set order behind a row (PostgreSQL): a registration request's, or a
 * session's. `first` is sent and waits for the row, then `second`, and the row is let go once
 * both wait. On PGlite (one connection) they simply run together.
 */
function inTurnBehind<A, B>(
  row: { request: string } | { session: string },
  first: () => Promise<A>,
  second: () => Promise<B>,
): Promise<[A, B]> {
  if (t.db.engine !== 'postgres') return Promise.all([first(), second()]);
  return whileRowHeld(
    t.db,
    'request' in row
      ? 'SELECT 1 FROM registration_requests WHERE id = $1 FOR UPDATE'
      : 'SELECT 1 FROM activity_sessions WHERE id = $1 FOR NO KEY UPDATE',
    ['request' in row ? row.request : row.session],
    async () => {
      const started = first();
      await poll(
        () => lockWaits(t.db),
        (n) => n >= 1,
        200,
      );
      return Promise.all([started, second()]);
    },
  );
}

/** `whileRowHeld` on the credit notes' counter row. */
async function whileCounterHeld<T>(work: () => Promise<T>): Promise<T> {
  await t.db.query(
    `INSERT INTO billing_counters (kind, year, last_number) VALUES ('credit_note', 2021, 0) ON CONFLICT DO NOTHING`,
  );
  return whileRowHeld(
    t.db,
    `SELECT 1 FROM billing_counters WHERE kind = 'credit_note' AND year = 2021 FOR UPDATE`,
    [],
    work,
  );
}

/** Starts each request `stepMs` after the one before, so that rounds sweep the interleavings. */
const staggered = (stepMs: number, requests: readonly (() => Promise<Answer>)[]) =>
  Promise.all(
    requests.map(async (request, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * stepMs));
      return request();
    }),
  );

const statuses = (answers: readonly Answer[]) => answers.map((a) => a.status).sort();
const accepted = (answers: readonly Answer[]) => answers.filter((a) => a.status === 201).length;

describe('a payment sent twice at once', () => {
  it('with its one key, as a double click or a retry sends it: one payment, both answered with it', async () => {
    const [session = ''] = await openPlaces(t, staff, [
      { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 90_000 },
    ]);
    for (let round = 0; round < 3; round += 1) {
      const place = await confirmedPlace(session);
      const key = randomUUID();
      const body = {
        invoiceId: place.invoice.id,
        method: 'transfer',
        amountCents: 3_000,
        receivedOn: '2021-04-15',
      };
      const answers = await Promise.all(
        (await desks(2)).map((desk) =>
          desk.request('POST', '/api/staff/payments', body, { 'idempotency-key': key }),
        ),
      );
      expect(statuses(answers)).toEqual([200, 201]);
      expect(new Set(answers.map((a) => a.json<{ id: string }>().id)).size).toBe(1);
      const [view] = await invoicesOf(place.client);
      expect(view?.account.paidCents).toBe(3_000);
    }
    expect(await consistency()).toEqual([]);
  });

  it('with one key for two invoices at once: one payment, the other refused as the key’s conflict', async () => {
    const [session = ''] = await openPlaces(t, staff, [
      { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 90_000 },
    ]);
    for (let round = 0; round < 3; round += 1) {
      const places = [await confirmedPlace(session), await confirmedPlace(session)];
      const key = randomUUID();
      const answers = await Promise.all(
        (await desks(2)).map((desk, i) =>
          desk.request(
            'POST',
            '/api/staff/payments',
            {
              invoiceId: places[i]?.invoice.id,
              method: 'transfer',
              amountCents: 3_000,
              receivedOn: '2021-04-15',
            },
            { 'idempotency-key': key },
          ),
        ),
      );
      expect(statuses(answers)).toEqual([201, 409]);
      expect(answers.find((a) => a.status === 409)?.json()).toMatchObject({
        error: 'idempotency_conflict',
      });
      const paid = await Promise.all(places.map(async (p) => (await invoicesOf(p.client))[0]));
      expect(paid.map((v) => v?.account.paidCents).sort()).toEqual([0, 3_000]);
    }
    expect(await consistency()).toEqual([]);
  });
});

describe('payments against changes of the same place', () => {
  it('six payments while a seventh desk moves the place: each is kept on the invoice in force or refused with the new one named', async () => {
    const [july, august] = await openPlaces(t, staff, [
      { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 150_000 },
      { firstDay: '2021-08-02', lastDay: '2021-08-15', priceCents: 150_000 },
    ]);
    for (let round = 0; round < 6; round += 1) {
      const place = await confirmedPlace(round % 2 === 0 ? (july ?? '') : (august ?? ''));
      const target = round % 2 === 0 ? august : july;
      const [mover, ...payers] = await desks(7);
      // The change first, then a payment every few milliseconds: some land while it runs.
      const answers = await staggered(round * 3, [
        () =>
          mover?.post(`/api/staff/registrations/${place.registrationId}/modify`, {
            sessionId: target,
            transportCity: null,
          }) ?? Promise.reject(new Error('no desk')),
        ...payers.map((desk) => () => pay(desk, place.invoice.id, 1_000)),
      ]);
      answers.push(...answers.splice(0, 1));
      const [change] = answers.splice(6, 1);
      expect(change?.status).toBe(200);
      for (const refused of answers.filter((a) => a.status !== 201)) {
        expect(refused.status).toBe(409);
        expect(refused.json<{ message: string }>().message).toMatch(/nouvelle facture F-2021-/);
      }
      // What was accepted is on the new invoice, to the cent; nothing is stranded on the old one.
      const views = await invoicesOf(place.client);
      const inForce = views.find(
        (v) => v.invoice.kind === 'invoice' && v.invoice.id !== place.invoice.id,
      );
      expect(inForce?.account.paidCents).toBe(accepted(answers) * 1_000);
      expect(views.find((v) => v.invoice.id === place.invoice.id)?.account.balanceCents).toBe(0);
      expect(await consistency()).toEqual([]);
    }
  });

  it('payments while the place is cancelled: what was accepted goes to the fee and the refund, nothing else', async () => {
    const [session] = await openPlaces(t, staff, [
      { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 150_000 },
    ]);
    const place = await confirmedPlace(session ?? '');
    const [canceller, ...payers] = await desks(6);
    const answers = await staggered(4, [
      () =>
        canceller?.post(`/api/staff/registrations/${place.registrationId}/cancel`, {
          organismFeeCents: 3_000,
        }) ?? Promise.reject(new Error('no desk')),
      ...payers.map((desk) => () => pay(desk, place.invoice.id, 2_000)),
    ]);
    answers.push(...answers.splice(0, 1));
    const [cancel] = answers.splice(5, 1);
    expect(cancel?.status).toBe(200);
    const outcome = cancel?.json<{ feeCents: number; refundCents: number }>();
    for (const refused of answers.filter((a) => a.status !== 201)) {
      expect(refused.status).toBe(409);
      expect(refused.json<{ message: string }>().message).toContain('la place est annulée');
    }
    const paid = accepted(answers) * 2_000;
    expect(outcome?.refundCents).toBe(Math.max(0, paid - (outcome?.feeCents ?? 0)));
    expect(await consistency()).toEqual([]);
  });
});

/**
 * A cancellation sent at the figures its desk read (`shown`, nothing paid yet) among payments a
 * few milliseconds apart, at `round` (the payments before it, then the others): made as shown when
 * none came first, and then every payment after it refused; else refused (409 `error`) with
 * nothing cancelled and every payment accepted kept on the invoice.
 */
async function cancelledAsShownAmongPayments(
  place: { registrationId: string; invoice: { id: string } },
  round: number,
  cancel: (desk: Client) => Promise<Answer>,
  error: string,
) {
  const [canceller, ...payers] = await desks(5);
  const answers = await staggered(3, [
    ...payers.slice(0, round).map((desk) => () => pay(desk, place.invoice.id, 2_000)),
    () => (canceller ? cancel(canceller) : Promise.reject(new Error('no desk'))),
    ...payers.slice(round).map((desk) => () => pay(desk, place.invoice.id, 2_000)),
  ]);
  const [cancelled] = answers.splice(round, 1);
  const [request] = await t.db.query<{ status: string }>(
    'SELECT status FROM registration_requests WHERE id = $1',
    [place.registrationId],
  );
  const [paid] = await t.db.query<{ cents: number }>(
    'SELECT coalesce(sum(amount_cents), 0)::int AS cents FROM payments WHERE invoice_id = $1',
    [place.invoice.id],
  );
  if (cancelled?.status === 200) {
    // Made as shown: nothing had been paid, and every payment after it was refused.
    expect(cancelled.json()).toMatchObject({ refundCents: 0 });
    expect(request?.status).toBe('cancelled');
    expect(accepted(answers)).toBe(0);
    expect(paid?.cents).toBe(0);
  } else {
    // A payment came first: nothing was cancelled, every payment accepted is on the invoice.
    expect(cancelled?.status).toBe(409);
    expect(cancelled?.json()).toMatchObject({ error });
    expect(request?.status).toBe('confirmed');
    expect(accepted(answers)).toBeGreaterThan(0);
    expect(paid?.cents).toBe(accepted(answers) * 2_000);
  }
}

describe('a cancellation confirmed at the figures its desk read', () => {
  it('while payments come in: made at those figures when none came first, else refused and nothing changed', async () => {
    const [session = ''] = await openPlaces(t, staff, [
      { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 150_000 },
    ]);
    for (let round = 0; round < 4; round += 1) {
      const place = await confirmedPlace(session);
      const url = `/api/staff/registrations/${place.registrationId}/cancel`;
      const shown = (await staff.post(`${url}/preview`, {})).json();
      expect(shown).toMatchObject({ feeCents: 0, refundCents: 0, invoiceCents: null });
      await cancelledAsShownAmongPayments(
        place,
        round,
        (desk) => desk.post(url, { expected: shown }),
        'amount_changed',
      );
    }
    expect(await consistency()).toEqual([]);
  });
});

describe('a session cancelled at the figures its desk read', () => {
  it('while payments come in on one of its places: made when none came first, else refused and nothing changed', async () => {
    for (let round = 0; round < 4; round += 1) {
      const [session = ''] = await openPlaces(t, staff, [
        { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 150_000 },
      ]);
      const place = await confirmedPlace(session);
      const [row] = await t.db.query<{ activity_id: string }>(
        'SELECT activity_id FROM activity_sessions WHERE id = $1',
        [session],
      );
      const url = `/api/staff/activities/${row?.activity_id ?? ''}/sessions/${session}/cancellation`;
      // The answer read, sent back whole: the session it names is not part of the figures.
      const shown = (await staff.get(url)).json<object>();
      expect(shown).toMatchObject({ placesCancelled: 1, refundCents: 0 });
      await cancelledAsShownAmongPayments(
        place,
        round,
        (desk) => desk.post(url, { reason: 'le centre ferme', expected: shown }),
        'effect_changed',
      );
    }
    expect(await consistency()).toEqual([]);
  });
});

describe('a cheque reversed while the deposit slip is made', () => {
  it('by two desks at once: reversed once, and on the slip only if the slip came first', async () => {
    const [session = ''] = await openPlaces(t, staff, [
      { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 150_000 },
    ]);
    for (let round = 0; round < 3; round += 1) {
      const place = await confirmedPlace(session);
      const number = `R${String(round)}-0001`;
      const cheque = (
        await staff.request(
          'POST',
          '/api/staff/payments',
          {
            invoiceId: place.invoice.id,
            method: 'cheque',
            amountCents: 2_000,
            receivedOn: '2021-04-15',
            chequeNumber: number,
          },
          { 'idempotency-key': `reverse-race-${String(round)}` },
        )
      ).json<{ id: string }>();
      const [first, second, slipper] = await desks(3);
      const reverse = (desk: Client | undefined) => () =>
        desk?.post(`/api/staff/payments/${cheque.id}/reversal`, { reason: 'erreur de saisie' }) ??
        Promise.reject(new Error('no desk'));
      const [a, b, slip] = await staggered(round, [
        reverse(first),
        reverse(second),
        () =>
          slipper?.post('/api/staff/deposit-slips', { depositedOn: '2021-12-31' }) ??
          Promise.reject(new Error('no desk')),
      ]);
      const both = [a, b].filter((x): x is Answer => x !== undefined);
      expect(statuses(both)).toEqual([201, 409]);
      expect(both.find((x) => x.status === 409)?.json()).toMatchObject({
        error: 'already_reversed',
      });
      const [line] = await t.db.query<{ slip: string | null; reversals: number }>(
        `SELECT p.deposit_slip_id AS slip,
                (SELECT count(*)::int FROM payments r WHERE r.reverses_id = p.id) AS reversals
           FROM payments p WHERE p.id = $1`,
        [cheque.id],
      );
      expect(line?.reversals).toBe(1);
      // On the slip, it was deposited before the reversal (a cheque returned); off it, never.
      const slipped = slip?.status === 201 && slip.json<{ cheques: { chequeNumber: string }[] }>();
      expect(line?.slip !== null).toBe(
        slipped ? slipped.cheques.some((c) => c.chequeNumber === number) : false,
      );
      const pending = (await staff.get('/api/staff/cheques?until=2021-12-31')).json<{
        cheques: { chequeNumber: string }[];
      }>().cheques;
      expect(pending.map((c) => c.chequeNumber)).not.toContain(number);
    }
    expect(await consistency()).toEqual([]);
  });
});

describe('a session cancelled while families ask for it and pay', () => {
  it('leaves no request on it and refunds every payment accepted, to the cent', async () => {
    const [session = ''] = await openPlaces(t, staff, [
      { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 150_000 },
    ]);
    const places = [await confirmedPlace(session), await confirmedPlace(session)];
    const newcomers = await Promise.all([1, 2, 3].map(() => family(t, 45_000, http())));
    const [canceller = staff, ...payers] = await desks(5);
    const answers = await staggered(3, [
      () => cancelSessionBy(t, canceller, session),
      ...payers.map((desk, i) => () => pay(desk, places[i % 2]?.invoice.id ?? '', 2_000 + i * 100)),
      ...newcomers.map(
        ({ client }) =>
          () =>
            book(client, session),
      ),
    ]);
    const [first, ...rest] = answers;
    // On a busy machine a newcomer's place may be given just before the cancellation reads the
    // session: while its invoice is written the cancellation is refused « réessayez dans une
    // minute », and the desk tries again once it is (every other answer has come by then).
    let cancel = first;
    if (cancel?.status === 409) {
      expect(cancel.json<{ error: string }>().error).toBe('invoice_pending');
      await poll(
        () =>
          t.db.query(
            `SELECT 1 FROM registration_requests WHERE placed_session_id = $1 AND follow_up_due`,
            [session],
          ),
        (due) => due.length === 0,
      );
      cancel = await cancelSessionBy(t, canceller, session);
    }
    expect(cancel?.status).toBe(200);
    for (const answer of rest) expect([200, 201, 400, 409]).toContain(answer.status);
    // Nobody is left on the session, and every payment accepted came back.
    const live = await t.db.query(
      `SELECT 1 FROM registration_requests
        WHERE status <> 'cancelled' AND ($1 = ANY(session_ids) OR placed_session_id = $1)`,
      [session],
    );
    expect(live).toEqual([]);
    const payments = rest.slice(0, 4).filter((a) => a.status === 201);
    const accepted = payments.reduce(
      (sum, a) => sum + a.json<{ amountCents: number }>().amountCents,
      0,
    );
    expect(cancel?.json<{ refundCents: number }>().refundCents).toBe(accepted);
    const [net] = await t.db.query<{ cents: number }>(
      `SELECT coalesce(sum(p.amount_cents), 0)::int AS cents FROM payments p
         JOIN invoices i ON i.id = p.invoice_id JOIN registration_requests r ON r.id = i.registration_id
        WHERE r.placed_session_id = $1 OR $1 = ANY(r.session_ids)`,
      [session],
    );
    expect(net?.cents).toBe(0);
    expect(await consistency()).toEqual([]);
  });
});

describe('a place given just before its session is cancelled', () => {
  it('is invoiced, then cancelled and refunded with the session: the invoice and the cancellation never deadlock', async () => {
    for (let round = 0; round < 3; round += 1) {
      const [session = ''] = await openPlaces(t, staff, [
        { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 150_000 },
      ]);
      const { client } = await family(t, 45_000, http());
      const cancel = () => cancelSessionBy(t, staff, session);
      const deadlocks = t.db.conflicts.deadlock;
      // On PostgreSQL the request waits for the session first, then the cancellation (which has
      // locked the session's requests of the moment: none). The place is given, and its invoice
      // written while the cancellation holds the session and waits for the new request: the
      // invoice's rewrite of its request checks its session's key, which must not wait.
      const [booked, answered] = await inTurnBehind(
        { session },
        () => book(client, session),
        cancel,
      );
      let cancelled = answered;
      if (cancelled.status === 409) {
        // The place's invoice was not yet written when the cancellation read it: once it is.
        expect(cancelled.json<{ error: string }>().error).toBe('invoice_pending');
        cancelled = await cancel();
      }
      expect([booked.status, cancelled.status]).toEqual([201, 200]);
      expect(t.db.conflicts.deadlock - deadlocks).toBe(0);
      const [place] = await t.db.query<{ status: string; invoices: string[] }>(
        `SELECT r.status, array(SELECT kind FROM invoices i WHERE i.registration_id = r.id ORDER BY kind) AS invoices
           FROM registration_requests r WHERE r.id = $1`,
        [booked.json<{ id: string }>().id],
      );
      expect(place).toEqual({ status: 'cancelled', invoices: ['credit_note', 'invoice'] });
      expect(await consistency()).toEqual([]);
      expect(await sessionCountsOff(t)).toEqual([]);
    }
  });
});

describe('staff changing a session at once', () => {
  it('two desks save the same session from forms of the same revision: one change kept, the other refused', async () => {
    const [session = ''] = await openPlaces(t, staff, [
      { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 120_000, places: 2 },
    ]);
    const [row] = await t.db.query<{ activity_id: string }>(
      'SELECT activity_id FROM activity_sessions WHERE id = $1',
      [session],
    );
    const url = `/api/staff/activities/${row?.activity_id ?? ''}/sessions/${session}`;
    const change = (places: number) => ({
      label: 'Session 1',
      firstDay: '2021-07-05',
      lastDay: '2021-07-18',
      minAge: 6,
      maxAge: 17,
      places,
      priceCents: 120_000,
      closesOn: '2021-04-01',
      transport: [{ city: 'Lyon', priceCents: 6_000 }],
      basedOn: 1,
    });
    const [x, y] = await desks(2);
    const both = () => Promise.all([x?.put(url, change(5)), y?.put(url, change(8))]);
    // On PostgreSQL the session's row is held until both changes wait on it.
    const answers = await whileRowHeld(
      t.db,
      'SELECT 1 FROM activity_sessions WHERE id = $1 FOR UPDATE',
      [session],
      both,
    );
    expect(answers.map((answer) => answer?.status).sort()).toEqual([200, 409]);
    const kept = answers.find((answer) => answer?.status === 200)?.json<{ places: number }>();
    expect(
      await t.db.query('SELECT places, revision FROM activity_sessions WHERE id = $1', [session]),
    ).toEqual([{ places: kept?.places, revision: 2 }]);
  });
});

describe('a member saving the Fiche from two devices at once', () => {
  it('keeps one save and refuses the other, both made on the version they read', async () => {
    const { id, phone, computer } = await onTwoDevices('IN-977001');
    const save = (device: Client, taxIncomeEuros: number) =>
      device.put('/api/me/agent-records/2021', {
        couple: false,
        taxIncomeEuros,
        dependants: [],
        basedOn: { version: 1, revision: 1 },
      });
    const both = () => Promise.all([save(phone, 31_000), save(computer, 32_000)]);
    // On PostgreSQL the member's row is held until both saves wait on it.
    const answers = await whileRowHeld(
      t.db,
      'SELECT 1 FROM users WHERE id = $1 FOR UPDATE',
      [id],
      both,
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const kept = answers
      .find((answer) => answer.status === 200)
      ?.json<{ taxIncomeEuros: number }>();
    expect(
      await t.db.query(
        'SELECT version, revision, tax_income_euros FROM agent_records WHERE member_id = $1 ORDER BY version',
        [id],
      ),
    ).toEqual([
      { version: 1, revision: 1, tax_income_euros: 30_000 },
      { version: 2, revision: 1, tax_income_euros: kept?.taxIncomeEuros },
    ]);
  });
});

describe('a member sending the Fiche from two devices at once', () => {
  it('sends it once; the other sending is told there is no draft left to send', async () => {
    const { id, phone, computer } = await onTwoDevices('IN-977002');
    const documentIds = [];
    for (const kind of ['taxNotice', 'payslip', 'familyBook'])
      documentIds.push(
        (
          await phone.upload(
            `/api/me/documents?kind=${kind}&name=${kind}.pdf`,
            await samplePdf(kind),
          )
        ).json<{ id: string }>().id,
      );
    const draft = await phone.put('/api/me/agent-records/2021', {
      couple: false,
      taxIncomeEuros: 31_000,
      dependants: [],
      documentIds,
      basedOn: { version: 1, revision: 1 },
    });
    expect(draft.json<{ status: string }>().status).toBe('draft');
    // On PostgreSQL the draft's row is held until both sendings wait: both read it as a draft.
    const answers = await whileRowHeld(
      t.db,
      'SELECT 1 FROM agent_records WHERE member_id = $1 AND version = 2 FOR UPDATE',
      [id],
      () =>
        Promise.all(
          [phone, computer].map((device) => device.post('/api/me/agent-records/2021/submit')),
        ),
    );
    expect(statuses(answers)).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)?.json<{ message: string }>().message).toBe(
      'Aucune fiche en cours de saisie pour cette année.',
    );
  });
});

describe('staff changing places at once', () => {
  it('two desks swap two places between two sessions at the same moment: both done, no 500', async () => {
    for (let round = 0; round < 3; round += 1) {
      const [one, two] = await openPlaces(t, staff, [
        { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 120_000, places: 2 },
        { firstDay: '2021-08-02', lastDay: '2021-08-15', priceCents: 120_000, places: 2 },
      ]);
      const a = await confirmedPlace(one ?? '');
      const b = await confirmedPlace(two ?? '');
      const [x, y] = await desks(2);
      const swap = () =>
        Promise.all([
          x?.post(`/api/staff/registrations/${a.registrationId}/modify`, {
            sessionId: two,
            transportCity: null,
          }),
          y?.post(`/api/staff/registrations/${b.registrationId}/modify`, {
            sessionId: one,
            transportCity: null,
          }),
        ]);
      // On PostgreSQL the credit notes' counter is held until both changes wait on it: the
      // worst interleaving, every round (PGlite has one connection: the changes simply queue).
      const answers = await whileCounterHeld(swap);
      expect(answers.map((answer) => answer?.status)).toEqual([200, 200]);
      expect(await consistency()).toEqual([]);
    }
  });

  it('a change to the place’s own session and transport is refused and issues nothing', async () => {
    const [session] = await openPlaces(t, staff, [
      { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 120_000 },
    ]);
    const place = await confirmedPlace(session ?? '');
    const same = await staff.post(`/api/staff/registrations/${place.registrationId}/modify`, {
      sessionId: session,
      transportCity: null,
    });
    expect(same.status).toBe(409);
    expect(same.json<{ message: string }>().message).toContain('déjà sur cette session');
    expect((await invoicesOf(place.client)).map((v) => v.invoice.kind)).toEqual(['invoice']);
  });
});

/** Staff's preview of the youth sector's selection: its token. */
const selectionToken = async () =>
  (await staff.get('/api/staff/selection/jeunesse')).json<{ token: string }>().token;

/** The sessions' registrations closed (their closing day passed): the token of the preview. */
async function closedForSelection(sessions: readonly (string | undefined)[]): Promise<string> {
  await t.db.query(
    `UPDATE activity_sessions SET closes_on = '2021-04-10' WHERE id = ANY($1::uuid[])`,
    [sessions],
  );
  return selectionToken();
}

/** A desk applies the selection previewed by `token`. */
const applyAt = (desk: Client, token: string) =>
  desk.post('/api/staff/selection/jeunesse', { token });

describe('selection and waiting lists', () => {
  it('a family withdrawing while staff apply the selection withdraws before it (no place, no invoice) or meets its place confirmed', async () => {
    const [session] = await openPlaces(
      t,
      staff,
      [{ firstDay: '2021-07-19', lastDay: '2021-07-30', priceCents: 80_000, places: 3 }],
      { allocated: false },
    );
    const { client } = await family(t, 30_000, http());
    const request = (await book(client, session ?? '')).json<{ id: string }>();
    const token = await closedForSelection([session]);
    const race = () =>
      Promise.all([client.delete(`/api/me/registrations/${request.id}`), applyAt(staff, token)]);
    // On PostgreSQL the request's row is held until both wait for it: the withdrawal first.
    const [withdrawal, applied] = await whileRowHeld(
      t.db,
      'SELECT 1 FROM registration_requests WHERE id = $1 FOR UPDATE',
      [request.id],
      race,
    );
    const [row] = await t.db.query<{ status: string; invoices: number }>(
      `SELECT status, (SELECT count(*)::int FROM invoices WHERE registration_id = r.id) AS invoices
         FROM registration_requests r WHERE id = $1`,
      [request.id],
    );
    // Withdrawn first, the preview the staff saw is no longer what would be applied.
    expect({ applied: applied.status, ...row }).toEqual(
      withdrawal.status === 204
        ? { applied: 409, status: 'cancelled', invoices: 0 }
        : { applied: 200, status: 'confirmed', invoices: 1 },
    );
    expect([204, 409]).toContain(withdrawal.status);
    if (applied.status === 409) {
      expect((await applyAt(staff, await selectionToken())).status).toBe(200);
    }
    expect(await consistency()).toEqual([]);
    expect(await sessionCountsOff(t)).toEqual([]);
  });

  it('the selection applied twice at once decides each request once', async () => {
    const [session] = await openPlaces(
      t,
      staff,
      [{ firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 90_000, places: 2 }],
      { allocated: false },
    );
    const families = await Promise.all([1, 2, 3].map(() => family(t, 30_000, http())));
    for (const f of families) expect((await book(f.client, session ?? '')).status).toBe(201);
    const token = await closedForSelection([session]);
    const answers = await Promise.all((await desks(2)).map((desk) => applyAt(desk, token)));
    expect(answers.map((a) => a.status).filter((s) => s !== 200 && s !== 409)).toEqual([]);
    const decided = await t.db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM registration_requests WHERE placed_session_id = $1 GROUP BY status ORDER BY status`,
      [session],
    );
    expect(decided).toEqual([
      { status: 'confirmed', n: 2 },
      { status: 'waiting', n: 1 },
    ]);
    const [mails] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM mail_outbox WHERE subject LIKE '%place confirmée%' OR subject LIKE '%liste d’attente%'`,
    );
    const [invoices] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM invoices i JOIN registration_requests r ON r.id = i.registration_id WHERE r.placed_session_id = $1`,
      [session],
    );
    expect(invoices?.n).toBe(2);
    expect(mails?.n).toBeGreaterThanOrEqual(3);
    expect(await consistency()).toEqual([]);
    expect(await sessionCountsOff(t)).toEqual([]);
  });

  it('a session cancelled while staff apply the selection: the cancellation first, the selection on what is left, no deadlock', async () => {
    const [cancelledSession = '', kept = ''] = await openPlaces(
      t,
      staff,
      [
        { firstDay: '2021-08-02', lastDay: '2021-08-13', priceCents: 70_000, places: 3 },
        { firstDay: '2021-08-16', lastDay: '2021-08-27', priceCents: 70_000, places: 3 },
      ],
      { allocated: false },
    );
    const requests: string[] = [];
    for (const session of [cancelledSession, cancelledSession, cancelledSession, kept]) {
      const { client } = await family(t, 30_000, http());
      requests.push((await book(client, session)).json<{ id: string }>().id);
    }
    const token = await closedForSelection([cancelledSession, kept]);
    const [canceller = staff, applier] = await desks(2);
    const cancel = () => cancelSessionBy(t, canceller, cancelledSession);
    const apply = () => (applier ? applyAt(applier, token) : Promise.reject(new Error('no desk')));
    const deadlocks = t.db.conflicts.deadlock;
    // On PostgreSQL the cancellation waits first, holding the session's other requests, then the
    // selection waits too: each takes the requests before their sessions, so neither holds what
    // the other waits for.
    const [cancelled, applied] = await inTurnBehind(
      { request: requests.slice(0, 3).sort().at(-1) ?? '' },
      cancel,
      apply,
    );
    expect(cancelled.status).toBe(200);
    expect(t.db.conflicts.deadlock - deadlocks).toBe(0);
    // The cancellation came first on PostgreSQL: the preview the staff read is no longer the
    // selection; read again, it is applied to the session left.
    if (t.db.engine === 'postgres') expect(applied.status).toBe(409);
    if (applied.status === 409) {
      expect((await applyAt(staff, await selectionToken())).status).toBe(200);
    }
    const rows = await t.db.query<{ status: string; invoices: number }>(
      `SELECT status, (SELECT count(*)::int FROM invoices i
                        WHERE i.registration_id = r.id AND i.kind = 'invoice') AS invoices
         FROM registration_requests r WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)`,
      [requests],
    );
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled', 'confirmed']);
    expect(rows[3]?.invoices).toBe(1);
    expect(await consistency()).toEqual([]);
    expect(await sessionCountsOff(t)).toEqual([]);
  });

  it('a freed place offered while the first on the waiting list withdraws goes to exactly one family', async () => {
    for (let round = 0; round < 3; round += 1) {
      const [session] = await openPlaces(t, staff, [
        {
          firstDay: '2021-07-05',
          lastDay: '2021-07-18',
          priceCents: 90_000,
          places: 1,
          waitingPlaces: 3,
        },
      ]);
      const holder = await confirmedPlace(session ?? '');
      const first = await waitingRequest(session ?? '');
      await waitingRequest(session ?? '');
      const deadlocks = t.db.conflicts.deadlock;
      const [cancel, withdraw] = await Promise.all([
        staff.post(`/api/staff/registrations/${holder.registrationId}/cancel`, {}),
        first.client.delete(`/api/me/registrations/${first.id}`),
      ]);
      expect(cancel.status).toBe(200);
      expect([200, 204, 409]).toContain(withdraw.status);
      expect(t.db.conflicts.deadlock - deadlocks).toBe(0);
      const rows = await t.db.query<{ status: string }>(
        `SELECT status FROM registration_requests WHERE placed_session_id = $1 AND status IN ('confirmed', 'waiting') ORDER BY status`,
        [session],
      );
      // One place, held by exactly one of them; the other still waits (or withdrew).
      expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(1);
      expect(await consistency()).toEqual([]);
      expect(await sessionCountsOff(t)).toEqual([]);
    }
  });

  it('two desks cancel the two places of a session at once: each freed place goes to one family of the list, in its order', async () => {
    const [session = ''] = await openPlaces(t, staff, [
      { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 90_000, places: 2 },
    ]);
    const holders = [await confirmedPlace(session), await confirmedPlace(session)];
    const listed = [
      await waitingRequest(session),
      await waitingRequest(session),
      await waitingRequest(session),
    ];
    const deadlocks = t.db.conflicts.deadlock;
    const answers = await Promise.all(
      (await desks(2)).map((desk, i) =>
        desk.post(`/api/staff/registrations/${holders[i]?.registrationId ?? ''}/cancel`, {}),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(t.db.conflicts.deadlock - deadlocks).toBe(0);
    const rows = await t.db.query<{ status: string; invoices: number }>(
      `SELECT status, (SELECT count(*)::int FROM invoices i
                        WHERE i.registration_id = r.id AND i.kind = 'invoice') AS invoices
         FROM registration_requests r WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)`,
      [listed.map((r) => r.id)],
    );
    // The first two of the list get the places, once each; the third still waits.
    expect(rows.map((r) => [r.status, r.invoices])).toEqual([
      ['confirmed', 1],
      ['confirmed', 1],
      ['waiting', 0],
    ]);
    expect(await consistency()).toEqual([]);
    expect(await sessionCountsOff(t)).toEqual([]);
  });

  it('the first on the waiting list withdraws just before a freed place is offered: the place goes to the second, no deadlock', async () => {
    const [session = ''] = await openPlaces(t, staff, [
      { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 90_000, places: 1 },
    ]);
    const holder = await confirmedPlace(session);
    const first = await waitingRequest(session);
    const second = await waitingRequest(session);
    const withdraw = () => first.client.delete(`/api/me/registrations/${first.id}`);
    const cancel = () => staff.post(`/api/staff/registrations/${holder.registrationId}/cancel`, {});
    const deadlocks = t.db.conflicts.deadlock;
    // On PostgreSQL the first's row is held while the withdrawal waits for it, then the
    // cancellation: the withdrawal gets it first and then needs the session's row. The
    // cancellation must not hold that row while it waits for the first's request.
    const [withdrawn, cancelled] = await inTurnBehind({ request: first.id }, withdraw, cancel);
    expect([withdrawn.status, cancelled.status]).toEqual([204, 200]);
    expect(t.db.conflicts.deadlock - deadlocks).toBe(0);
    const rows = await t.db.query<{ id: string; status: string; invoices: number }>(
      `SELECT id, status, (SELECT count(*)::int FROM invoices i
                            WHERE i.registration_id = r.id AND i.kind = 'invoice') AS invoices
         FROM registration_requests r WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)`,
      [[first.id, second.id]],
    );
    expect(rows.map((r) => [r.status, r.invoices])).toEqual([
      ['cancelled', 0],
      ['confirmed', 1],
    ]);
    expect(await consistency()).toEqual([]);
    expect(await sessionCountsOff(t)).toEqual([]);
  });
});

/**
 * A row the test holds in a transaction of its own until `release` (PostgreSQL: the interleaving
 * of the use cases that wait for it is set by the test).
 */
async function holdRow(lock: string, params: readonly unknown[]) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let taken = () => {};
  const held = new Promise<void>((resolve) => (taken = resolve));
  const done = t.db.transaction(async (tx) => {
    await tx.query(lock, params);
    taken();
    await released;
  });
  await held;
  return async () => {
    release();
    await done;
  };
}

/** Until a statement that names `table` waits for a lock. */
const waitingOn = (table: string) =>
  poll(
    () => lockWaits(t.db, table),
    (waiting) => waiting > 0,
  );

describe('the same file, sent by two members', () => {
  it.skipIf(!process.env.DATABASE_URL)(
    'one member’s copy deleted (an account closed) while the other’s is being listed: the other keeps its bytes (PostgreSQL)',
    async () => {
      const pdf = await samplePdf('Attestation de l’école — modèle commun');
      const leaving = await onTwoDevices('IN-977200');
      const staying = await onTwoDevices('IN-977201');
      expect(
        (await leaving.phone.upload('/api/me/documents?kind=other&name=attestation.pdf', pdf))
          .status,
      ).toBe(201);
      // The other member's upload has stored the bytes (they were there) and waits for its
      // member's row, held here, to list them; meanwhile the first account closes.
      const release = await holdRow('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [staying.id]);
      const upload = staying.phone.upload('/api/me/documents?kind=other&name=attestation.pdf', pdf);
      await waitingOn('FROM users');
      expect(
        (await leaving.phone.post('/api/me/account/close', { password: PASSWORD })).status,
      ).toBe(204);
      await release();
      const uploaded = await upload;
      expect(uploaded.status).toBe(201);
      const { id } = uploaded.json<{ id: string }>();
      const [kept] = await t.db.query<{ bytes: number }>(
        `SELECT octet_length(c.bytes)::int AS bytes FROM documents d JOIN document_contents c ON c.sha256 = d.sha256
          WHERE d.id = $1`,
        [id],
      );
      expect(kept?.bytes).toBe(pdf.length);
    },
  );
});

describe('a freed place offered to a request that joined the list meanwhile', () => {
  it.skipIf(!process.env.DATABASE_URL)(
    'a place moved away as a family joins the list and a desk cancels the other place: offered without a deadlock (PostgreSQL)',
    async () => {
      const [target = '', full = ''] = (
        await openPlaces(t, staff, [
          { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 90_000, places: 2 },
          { firstDay: '2021-08-02', lastDay: '2021-08-15', priceCents: 90_000, places: 2 },
        ])
      ).sort();
      const moved = await confirmedPlace(full);
      const cancelled = await confirmedPlace(full);
      await t.db.query(
        `INSERT INTO billing_counters (kind, year, last_number) VALUES ('credit_note', 2021, 0) ON CONFLICT DO NOTHING`,
      );
      const deadlocks = t.db.conflicts.deadlock;
      // 1. The change reads the full session's waiting list (nobody), then waits for the target
      //    session, the first of the two in id order.
      const releaseTarget = await holdRow(
        'SELECT 1 FROM activity_sessions WHERE id = $1 FOR NO KEY UPDATE',
        [target],
      );
      const change = staff.post(`/api/staff/registrations/${moved.registrationId}/modify`, {
        sessionId: target,
        transportCity: null,
      });
      await waitingOn('activity_sessions');
      // 2. Meanwhile a family joins the list of the full session.
      const joined = await waitingRequest(full);
      // 3. The change takes both sessions, then waits for the credit notes' counter.
      const releaseCounter = await holdRow(
        `SELECT 1 FROM billing_counters WHERE kind = 'credit_note' AND year = 2021 FOR UPDATE`,
        [],
      );
      await releaseTarget();
      await waitingOn('billing_counters');
      // 4. A desk cancels the other place: it holds the list (the family's request), then
      //    waits for the session the change holds.
      const cancel = staff.post(`/api/staff/registrations/${cancelled.registrationId}/cancel`, {});
      await waitingOn('activity_sessions');
      // 5. The change goes on and offers the place it frees: the family's request is held.
      await releaseCounter();
      const answers = await Promise.all([change, cancel]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
      expect(t.db.conflicts.deadlock - deadlocks).toBe(0);
      const [request] = await t.db.query<{ status: string; invoices: number }>(
        `SELECT status, (SELECT count(*)::int FROM invoices i
                          WHERE i.registration_id = r.id AND i.kind = 'invoice') AS invoices
           FROM registration_requests r WHERE id = $1`,
        [joined.id],
      );
      expect(request).toEqual({ status: 'confirmed', invoices: 1 });
      expect(await consistency()).toEqual([]);
      expect(await sessionCountsOff(t)).toEqual([]);
    },
  );
});

describe('payment plans', () => {
  it('the family changes its plan while staff record an instalment: the plan in force adds up to what is owed', async () => {
    const [session] = await openPlaces(t, staff, [
      { firstDay: '2021-09-06', lastDay: '2021-09-19', priceCents: 200_000 },
    ]);
    for (let round = 0; round < 3; round += 1) {
      const place = await confirmedPlace(session ?? '');
      const answers = await Promise.all([
        place.client.put(`/api/me/invoices/${place.invoice.id}/plan`, {
          method: 'cheque',
          count: 3,
        }),
        pay(staff, place.invoice.id, 5_000),
        pay(staff, place.invoice.id, 5_000),
      ]);
      expect(statuses(answers)).toEqual([200, 201, 201]);
      const [view] = await invoicesOf(place.client);
      expect(view?.account.paidCents).toBe(10_000);
      expect(await consistency()).toEqual([]);
    }
  });
});

describe('claims', () => {
  it('two desks approve the same claims at once, one by one and in bulk: each decided once, one mail each', async () => {
    await createUser(t.db, { identifier: 'ADMIN-CLAIMS', role: 'admin' });
    const [one, bulk] = await twoDesks('ADMIN-CLAIMS');
    const claims = await Promise.all(
      [0, 1, 2, 3].map(async (i) => {
        const identifier = `IN-00098${i}`;
        const { client } = await familyWithRecord(
          t,
          { identifier, taxIncomeEuros: 30_000, dependants: [] },
          http(),
        );
        const claim = await client.post(
          '/api/me/claims',
          festivalClaim([await uploadReceipt(client)]),
        );
        return {
          id: claim.json<{ id: string }>().id,
          email: `${identifier.toLowerCase()}@example.org`,
        };
      }),
    );
    const [approvals, ...single] = await Promise.all([
      bulk.post('/api/staff/claims/approvals', { claimIds: claims.map((c) => c.id) }),
      ...claims.map((c) => one.post(`/api/staff/claims/${c.id}/decision`, { decision: 'approve' })),
    ]);
    const batch = approvals.json<{
      done: { id: string }[];
      skipped: { id: string; message: string }[];
    }>();
    const singly = claims.filter((_, i) => single[i]?.status === 200).map((c) => c.id);
    for (const answer of single) expect([200, 409]).toContain(answer.status);
    // Each claim decided by exactly one desk, and said so to the other.
    expect([...batch.done.map((a) => a.id), ...singly].sort()).toEqual(
      claims.map((c) => c.id).sort(),
    );
    expect(batch.skipped.map((s) => s.id).sort()).toEqual([...singly].sort());
    for (const skipped of batch.skipped)
      expect(skipped.message).toBe('Cette demande a déjà reçu une réponse.');
    for (const claim of claims) {
      const mails = await mailsTo(t.db, claim.email);
      expect(mails.filter((m) => m.text.includes('est acceptée'))).toHaveLength(1);
    }
  });
});

describe('payouts', () => {
  it('two desks prepare batches and confirm the same batch at once: each claim in one batch, paid once, one mail', async () => {
    await createUser(t.db, { identifier: 'ADMIN-RACE', role: 'admin' });
    const [first, second] = await twoDesks('ADMIN-RACE');
    const members = await Promise.all(
      [0, 1, 2].map(async (i) => {
        const identifier = `IN-00097${i}`;
        const { client } = await familyWithRecord(
          t,
          { identifier, taxIncomeEuros: 30_000, dependants: [] },
          http(),
        );
        await addDefaultRib(client);
        const claim = await client.post(
          '/api/me/claims',
          festivalClaim([await uploadReceipt(client)]),
        );
        await first.post(`/api/staff/claims/${claim.json<{ id: string }>().id}/decision`, {
          decision: 'approve',
        });
        return `${identifier.toLowerCase()}@example.org`;
      }),
    );
    const batches = await Promise.all(
      [first, second].map((desk) =>
        desk.post('/api/staff/payouts', { executionDate: '2021-04-20' }),
      ),
    );
    expect(statuses(batches)).toEqual([201, 409]);
    const payout = batches
      .find((b) => b.status === 201)
      ?.json<{ payout: { id: string; claims: number } }>().payout;
    expect(payout?.claims).toBe(3);
    await first.post(`/api/staff/payouts/${payout?.id ?? ''}/export`);
    const confirmations = await Promise.all(
      [first, second].map((desk) =>
        desk.post(`/api/staff/payouts/${payout?.id ?? ''}/sent`, { sentOn: '2021-04-15' }),
      ),
    );
    expect(statuses(confirmations)).toEqual([200, 409]);
    for (const email of members) {
      const mails = await mailsTo(t.db, email);
      expect(mails.filter((m) => m.subject.includes('versée'))).toHaveLength(1);
    }
  });
  it('a batch cancelled while another desk confirms it sent: one of the two, and its claims paid once or back in the next batch', async () => {
    const [first, second] = await twoDesks('ADMIN-RACE');
    const claims = await Promise.all(
      [0, 1].map(async (i) => {
        const { client } = await familyWithRecord(
          t,
          { identifier: `IN-00096${i}`, taxIncomeEuros: 30_000, dependants: [] },
          http(),
        );
        await addDefaultRib(client);
        const claim = await client.post(
          '/api/me/claims',
          festivalClaim([await uploadReceipt(client)]),
        );
        const { id } = claim.json<{ id: string }>();
        await first.post(`/api/staff/claims/${id}/decision`, { decision: 'approve' });
        return id;
      }),
    );
    const batch = await first.post('/api/staff/payouts', { executionDate: '2021-04-20' });
    const { id } = batch.json<{ payout: { id: string } }>().payout;
    await first.post(`/api/staff/payouts/${id}/export`);
    const [cancelled, sent] = await whileRowHeld(
      t.db,
      'SELECT 1 FROM payouts WHERE id = $1 FOR UPDATE',
      [id],
      () =>
        Promise.all([
          first.post(`/api/staff/payouts/${id}/cancellation`, {
            reason: 'Fichier rejeté par la banque',
            expectedState: 'exported',
          }),
          second.post(`/api/staff/payouts/${id}/sent`, { sentOn: '2021-04-15' }),
        ]),
    );
    expect(statuses([cancelled, sent])).toEqual([200, 409]);
    const next = await first.post('/api/staff/payouts', { executionDate: '2021-04-21' });
    const rows = await t.db.query<{ status: string; batches: number; cancelled: boolean }>(
      `SELECT c.status, count(p.id)::int AS batches, bool_or(p.cancelled_at IS NOT NULL) AS cancelled
         FROM claims c LEFT JOIN payouts p ON p.id = c.payout_id
        WHERE c.id = ANY($1) GROUP BY c.id, c.status`,
      [claims],
    );
    if (cancelled.status === 200) {
      expect(sent.json()).toMatchObject({ error: 'payout_cancelled' });
      // Back among those waiting, then in the next batch, not yet paid.
      expect(next.status).toBe(201);
      expect(rows).toEqual(
        claims.map(() => ({ status: 'approved', batches: 1, cancelled: false })),
      );
    } else {
      expect(cancelled.json()).toMatchObject({ error: 'already_sent' });
      expect(next.status).toBe(409);
      expect(rows).toEqual(claims.map(() => ({ status: 'paid', batches: 1, cancelled: false })));
    }
  });
});

describe('Solidarité', () => {
  it('two desks decide the same request at once, a grant and a refusal: one decision, one mail, the other told it was made', async () => {
    await createUser(t.db, { identifier: 'GEST-SO-RACE', role: 'staff', sectors: ['solidarite'] });
    const [granting, refusing] = await twoDesks('GEST-SO-RACE');
    await createUser(t.db, { identifier: 'IN-000990' });
    const member = http();
    await member.login('IN-000990', PASSWORD);
    const asked = await member.post('/api/me/solidarity', {
      kind: 'loan',
      purpose: 'Réparation de la chaudière',
      amountCents: 240_000,
      months: 24,
    });
    const { id } = asked.json<{ id: string }>();
    // Both desks read the request before either decides (PostgreSQL: both wait for its row).
    const decide = () =>
      Promise.all([
        granting.post(`/api/staff/solidarity/${id}/decision`, { decision: 'grant' }),
        refusing.post(`/api/staff/solidarity/${id}/decision`, {
          decision: 'refuse',
          reason: 'Ressources suffisantes',
        }),
      ]);
    const answers = await whileRowHeld(
      t.db,
      'SELECT 1 FROM solidarity_requests WHERE id = $1 FOR UPDATE',
      [id],
      decide,
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const kept = answers.find((a) => a.status === 200)?.json<{ status: string }>().status;
    const [stored] = await t.db.query<{ status: string }>(
      'SELECT status FROM solidarity_requests WHERE id = $1',
      [id],
    );
    expect(stored?.status).toBe(kept);
    expect(answers.find((a) => a.status === 409)?.json<{ message: string }>().message).toBe(
      'Cette demande a déjà reçu une réponse.',
    );
    expect(await mailsTo(t.db, 'in-000990@example.org')).toHaveLength(1);
    const [{ decisions } = { decisions: 0 }] = await t.db.query<{ decisions: number }>(
      `SELECT count(*)::int AS decisions FROM audit_log WHERE subject_id = $1`,
      [id],
    );
    expect(decisions).toBe(1);
  });
});

describe('a member’s bank accounts from two devices at once', () => {
  it('two accounts made the default at once, then the default removed while another is chosen: always exactly one default', async () => {
    const { phone, computer } = await onTwoDevices('IN-000991');
    let accounts: { id: string; isDefault: boolean }[] = [];
    for (const [iban, bic] of [
      ['FR76 3000 6000 0112 3456 7890 189', 'AGRIFRPP882'],
      ['DE89 3704 0044 0532 0130 00', 'COBADEFFXXX'],
      ['GB29 NWBK 6016 1331 9268 19', 'NWBKGB2L'],
    ] as const)
      accounts = (
        await phone.post('/api/me/bank-accounts', { holder: 'Claire Martin', iban, bic })
      ).json<{ accounts: typeof accounts }>().accounts;
    const [first, second, third] = accounts.map((a) => a.id);
    const defaults = async () =>
      (
        await t.db.query<{ id: string }>(
          `SELECT b.id FROM bank_accounts b JOIN users u ON u.id = b.member_id
            WHERE u.identifier = 'IN-000991' AND b.is_default`,
        )
      ).map((r) => r.id);
    expect(await defaults()).toEqual([first]);
    // Both wait behind the default's row (PostgreSQL), each having read the accounts before.
    const atOnce = (...requests: (() => Promise<Answer>)[]) =>
      whileRowHeld(t.db, 'SELECT 1 FROM bank_accounts WHERE id = $1 FOR UPDATE', [first], () =>
        Promise.all(requests.map((r) => r())),
      );
    const chosen = await atOnce(
      () => phone.post(`/api/me/bank-accounts/${second ?? ''}/default`),
      () => computer.post(`/api/me/bank-accounts/${third ?? ''}/default`),
    );
    expect(statuses(chosen)).toEqual([200, 200]);
    const [kept] = await defaults();
    expect([second, third]).toContain(kept);
    expect(await defaults()).toHaveLength(1);
    const other = kept === second ? third : second;
    const changed = await atOnce(
      () => phone.delete(`/api/me/bank-accounts/${kept ?? ''}`),
      () => computer.post(`/api/me/bank-accounts/${other ?? ''}/default`),
    );
    expect(statuses(changed)).toEqual([200, 200]);
    expect(await defaults()).toHaveLength(1);
  });
});

describe('sign-ups', () => {
  it('two requests of one person (one matricule) approved at once by two desks: one account, the other told', async () => {
    await createUser(t.db, { identifier: 'GEST-FA-RACE', role: 'staff', sectors: ['fiche-agent'] });
    const [one, another] = await twoDesks('GEST-FA-RACE');
    // Sent twice: the form again the next day, the first having had no answer yet.
    const ids: string[] = [];
    for (const email of ['double.envoi@example.org', 'double.envoi@example.net'])
      ids.push(
        (
          await http().post('/api/sign-up-requests', {
            identity: {
              lastName: 'Envoi',
              firstName: 'Double',
              birthDate: '1984-09-21',
              matricule: '87654321',
            },
            contact: { email },
            family: { couple: false, children: [] },
            confirmation: { accurate: true },
          })
        ).json<{ id: string }>().id,
      );
    const approve = () =>
      Promise.all(
        [one, another].map((desk, i) =>
          desk.post(`/api/staff/sign-up-requests/${ids[i] ?? ''}/approve`),
        ),
      );
    // Both desks wait for their request's row, then check the matricule at the same moment.
    const answers = await whileRowHeld(
      t.db,
      'SELECT 1 FROM sign_up_requests WHERE id = ANY($1::uuid[]) FOR UPDATE',
      [ids],
      approve,
    );
    expect(statuses(answers)).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)?.json<{ message: string }>().message).toBe(
      'Un compte existe déjà avec ce matricule Inserm.',
    );
    expect(await t.db.query(`SELECT 1 FROM users WHERE matricule = '87654321'`)).toHaveLength(1);
  });
});

describe('an account closed on one device while the other sends something', () => {
  const sent = [
    {
      what: 'a Solidarité request',
      send: (device: Client) =>
        device.post('/api/me/solidarity', {
          kind: 'loan',
          purpose: 'Réparation de la chaudière',
          amountCents: 240_000,
          months: 24,
        }),
      kept: 'SELECT 1 FROM solidarity_requests WHERE member_id = $1',
    },
    {
      what: 'a document',
      send: async (device: Client) =>
        device.upload('/api/me/documents?kind=payslip&name=bulletin.pdf', await samplePdf()),
      kept: `SELECT 1 FROM documents WHERE member_id = $1 AND file_name = 'bulletin.pdf'`,
    },
    {
      what: 'new contact details',
      send: (device: Client) =>
        device.put('/api/me/contact', {
          email: 'claire.martin@example.org',
          phone: '06 12 34 56 78',
        }),
      kept: `SELECT 1 FROM users WHERE id = $1 AND (email LIKE 'claire%' OR phone IS NOT NULL)`,
    },
  ];
  for (const [index, { what, send, kept }] of sent.entries())
    it(`${what} sent as the account closes: refused, nothing kept for the closed account`, async () => {
      const { id, phone, computer } = await onTwoDevices(`IN-97710${String(index)}`);
      await addDefaultRib(phone);
      // On PostgreSQL the closing waits for the bank account it deletes (held here), past its
      // check that nothing is pending; then the other device sends.
      const [closing, sending] = await whileRowHeld(
        t.db,
        'SELECT 1 FROM bank_accounts WHERE member_id = $1 FOR UPDATE',
        [id],
        async () => {
          const closed = phone.post('/api/me/account/close', { password: PASSWORD });
          if (t.db.engine === 'postgres')
            await poll(
              () => lockWaits(t.db),
              (waits) => waits > 0,
            );
          return Promise.all([closed, send(computer)]);
        },
      );
      if (t.db.engine === 'postgres')
        expect([
          closing.status,
          sending.status,
          sending.json<{ message: string }>().message,
        ]).toEqual([204, 401, 'Ce compte a été fermé : rien n’a été enregistré.']);
      // On PGlite either may come first: the closing refused for a pending request, or deleting
      // the document sent; never an account closed that keeps what was sent.
      if (closing.status === 204) expect(await t.db.query(kept, [id])).toEqual([]);
      else expect([closing.status, sending.status]).toEqual([409, 201]);
    });
});
