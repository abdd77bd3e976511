// Rounds of the money paths at random, each round's steps sent at once over real HTTP: families
// ask for places, withdraw, choose their payment plan and pay online (the provider's notice
// sometimes sent twice) while staff record payments (some sent twice, as a double click would),
// cancel places with a fee, move places to another session or transport, and cancel a whole
// session (another then opens in its place); families claim a subsidy after the fact, the admin
// approves or rejects claims and pays the approved ones by a batch sent to the bank; families
// renew their Fiche Agent and it is validated (the household's lock, taken by all). After each
// round the money must balance, whatever the order the requests met in:
// - no answer is a 5xx, every refusal says why, and no transaction ended in a deadlock;
// - the billing consistency report is empty (totals, credit notes, no overpayment left
//   unrefunded, the plan in force adds up to what is owed, invoice numbers without gaps);
// - every payment accepted is stored once, and none other is;
// - no session gives more places than it has, and its counts are its requests';
// - no household's subsidies, its places' and its claims' together, go beyond its annual
//   ceiling, and each payout batch pays exactly its claims, each claim once; a cancelled batch
//   holds none.
// Races show on PostgreSQL; on PGlite (one connection) the same rounds run one request after the
// other and must keep the same guarantees. `npm test` runs a fixed seed and a few rounds;
// `npm run money-rounds` runs many more (MONEY_ROUNDS, MONEY_SEED).
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDefaultRib,
  createUser,
  festivalClaim,
  PASSWORD,
  poll,
  samplePdf,
  servedWithStaff,
  type Answer,
  type Client,
  type TestApp,
  uploadReceipt,
} from './harness.ts';
import { sharedSecret } from '../src/modules/accounts/csrf.ts';
import { localNotification } from '../src/modules/payments/local-provider.ts';
import {
  book,
  cancelSessionAsShown,
  family,
  openPlaces,
  sessionCountsOff,
} from './place-fixtures.ts';

const ROUNDS = Number(
  process.env.MONEY_ROUNDS ?? (process.env.npm_lifecycle_event === 'money-rounds' ? 200 : 12),
);
const SEED = Number(process.env.MONEY_SEED ?? 20_261_206);
/** A round takes about a tenth of a second: a long run is given a second each, and a minute more. */
const TIMEOUT = 60_000 + ROUNDS * 1_000;
const FAMILIES = 6;

/** One step of a round; `pick` chooses among the family's requests or invoices of the moment. */
type Step =
  | { kind: 'book'; family: number; session: number; transport: boolean }
  | { kind: 'withdraw'; family: number; pick: number }
  | { kind: 'plan'; family: number; pick: number; count: number }
  | { kind: 'pay'; family: number; pick: number; share: number; twice: boolean }
  | { kind: 'reverse'; family: number; pick: number; twice: boolean }
  | { kind: 'cancel'; family: number; pick: number; feeCents: number }
  | { kind: 'move'; family: number; pick: number; session: number | null; transport: boolean }
  | { kind: 'payOnline'; family: number; pick: number; twice: boolean }
  | { kind: 'cancelSession'; session: number }
  | { kind: 'claim'; family: number }
  | { kind: 'decide'; family: number; pick: number; approve: boolean }
  | { kind: 'payout'; cancel: boolean }
  | { kind: 'renew'; family: number };

const familyIndex = fc.nat({ max: FAMILIES - 1 });
const pick = fc.nat({ max: 9 });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('book' as const),
      family: familyIndex,
      session: fc.nat({ max: 2 }),
      transport: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('withdraw' as const), family: familyIndex, pick }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('plan' as const),
      family: familyIndex,
      pick,
      count: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      family: familyIndex,
      pick,
      // Up to 120 % of what is left to pay: an overpayment is refused, not kept.
      share: fc.integer({ min: 1, max: 120 }),
      twice: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('reverse' as const),
      family: familyIndex,
      pick,
      twice: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('cancel' as const),
      family: familyIndex,
      pick,
      feeCents: fc.constantFrom(0, 0, 1_500, 10_000),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      family: familyIndex,
      pick,
      // To another session of the activity, or only another transport.
      session: fc.option(fc.nat({ max: 2 }), { nil: null }),
      transport: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('payOnline' as const),
      family: familyIndex,
      pick,
      twice: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('claim' as const), family: familyIndex }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('decide' as const),
      family: familyIndex,
      pick,
      approve: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('payout' as const), cancel: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('renew' as const), family: familyIndex }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('cancelSession' as const),
      session: fc.nat({ max: 2 }),
    }),
  },
);

let t: TestApp;
let staff: Client;
let desks: Client[];
/** The committee's admin: claims and their payouts. */
let admin: Client;
let families: Client[];
/** Each family's Fiche as it renews it (the same household and income), its documents attached. */
let renewals: Record<string, unknown>[];
let sessions: string[];
/** The one activity of the sessions: a place may move from one to another. */
let activityId: string | undefined;
/** What signs the local test provider's notices. */
let secret: Buffer;
let opened = 0;

/** The `i`th session of the rounds, two places and three on its waiting list: a new one each time. */
async function openSession(i: number): Promise<string> {
  const [firstDay = '', lastDay = ''] =
    [
      ['2021-07-05', '2021-07-11'],
      ['2021-07-19', '2021-07-25'],
      ['2021-08-02', '2021-08-08'],
    ][i] ?? [];
  opened += 1;
  const [id = ''] = await openPlaces(
    t,
    staff,
    [
      {
        label: `Séjour ${String(opened)}`,
        firstDay,
        lastDay,
        priceCents: 40_000 + i * 15_000,
        places: 2,
        waitingPlaces: 3,
      },
    ],
    activityId ? { activityId } : {},
  );
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  activityId ??= (
    await t.db.query<{ activity_id: string }>(
      'SELECT activity_id FROM activity_sessions WHERE id = $1',
      [id],
    )
  )[0]?.activity_id;
  return id;
}
/** Each payment accepted, by its idempotency key: what the payments table must hold. */
const accepted = new Map<string, number>();

beforeAll(async () => {
  const served = await servedWithStaff('GEST-ROUNDS', ['jeunesse']); // calendar: 2021-04-15
  ({ t, staff } = served);
  desks = await Promise.all(
    [0, 1].map(async () => {
      const desk = served.http();
      await desk.login('GEST-ROUNDS', PASSWORD);
      return desk;
    }),
  );
  sessions = [];
  for (const i of [0, 1, 2]) sessions.push(await openSession(i));
  secret = await sharedSecret(t.db, 'local-payments');
  await createUser(t.db, { identifier: 'ADMIN-ROUNDS', role: 'admin' });
  admin = served.http();
  await admin.login('ADMIN-ROUNDS', PASSWORD);
  families = await Promise.all(
    Array.from({ length: FAMILIES }, async (_, i) => {
      const { client } = await family(t, 30_000 + i * 9_000, served.http());
      await addDefaultRib(client);
      return client;
    }),
  );
  renewals = await Promise.all(
    families.map(async (client) => {
      const { versions } = (await client.get('/api/me/agent-records/2021')).json<{
        versions: Record<string, unknown>[];
      }>();
      const documentIds = [];
      for (const kind of ['taxNotice', 'payslip'])
        documentIds.push(
          (
            await client.upload(
              `/api/me/documents?kind=${kind}&name=${kind}.pdf`,
              await samplePdf(kind),
            )
          ).json<{ id: string }>().id,
        );
      const [fiche] = versions;
      return {
        couple: fiche?.couple,
        memberDisabled: false,
        taxIncomeEuros: fiche?.taxIncomeEuros,
        spouseTaxIncomeEuros: null,
        dependants: fiche?.dependants,
        documentIds,
      };
    }),
  );
  // Each family starts with a place and its invoice (two a session), so that the first rounds
  // have money to move whatever order their requests meet in.
  for (const [i, client] of families.entries())
    expect((await book(client, sessions[i % 3] ?? '')).json()).toMatchObject({
      status: 'confirmed',
    });
  await invoicesWritten();
});
afterAll(() => t.close());

interface RequestView {
  id: string;
  status: string;
}
interface InvoiceView {
  invoice: { id: string; kind: string };
  account: { balanceCents: number };
  payments: { id: string; reversible: boolean }[];
}

/** The family's requests, or its invoices, as its pages show them now: the `pick`th, if any. */
async function chosen<T>(
  client: Client,
  url: string,
  list: string,
  n: number,
  keep: (x: T) => boolean,
) {
  const items = (await client.get(url)).json<Record<string, T[]>>()[list]?.filter(keep) ?? [];
  return items.length > 0 ? items[n % items.length] : undefined;
}
const request = (client: Client, n: number) =>
  chosen<RequestView>(client, '/api/me/registrations', 'registrations', n, (r) =>
    ['confirmed', 'waiting'].includes(r.status),
  );
const invoice = (client: Client, n: number) =>
  chosen<InvoiceView>(
    client,
    '/api/me/invoices',
    'invoices',
    n,
    (i) => i.invoice.kind === 'invoice',
  );

/**
 * A place's cancellation or change as the desk makes it: its figures read first (the preview),
 * then confirmed with them; money moved meanwhile makes it a 409 that says the new ones.
 */
async function asShown(url: string, body: object): Promise<Answer[]> {
  const preview = await staff.post(`${url}/preview`, body);
  if (preview.status !== 200) return [preview];
  const { feeCents, refundCents, invoiceCents } = preview.json();
  return [
    preview,
    await staff.post(url, { ...body, expected: { feeCents, refundCents, invoiceCents } }),
  ];
}

async function payment(invoiceId: string, amountCents: number, twice: boolean): Promise<Answer[]> {
  const key = randomUUID();
  const body = { invoiceId, method: 'transfer', amountCents, receivedOn: '2021-04-15' };
  const send = (desk: Client) =>
    desk.request('POST', '/api/staff/payments', body, { 'idempotency-key': key });
  const answers = await Promise.all(twice ? desks.map(send) : [send(desks[0] ?? staff)]);
  if (answers.some((a) => a.status === 201 || a.status === 200)) accepted.set(key, amountCents);
  return answers;
}

/** The requests a step sends (their reads of the moment first), and their answers. */
async function run(s: Step): Promise<Answer[]> {
  const client = ('family' in s ? families[s.family] : undefined) ?? staff;
  switch (s.kind) {
    case 'book':
      return [await book(client, sessions[s.session] ?? '', s.transport ? 'Lyon' : null)];
    case 'withdraw': {
      const r = await request(client, s.pick);
      return r ? [await client.delete(`/api/me/registrations/${r.id}`)] : [];
    }
    case 'plan': {
      const i = await invoice(client, s.pick);
      return i
        ? [
            await client.put(`/api/me/invoices/${i.invoice.id}/plan`, {
              method: 'cheque',
              count: s.count,
            }),
          ]
        : [];
    }
    case 'pay': {
      const i = await invoice(client, s.pick);
      const amount = Math.floor(((i?.account.balanceCents ?? 0) * s.share) / 100);
      return i && amount > 0 ? payment(i.invoice.id, amount, s.twice) : [];
    }
    case 'reverse': {
      // A payment entered in error, or a cheque returned unpaid: reversed, by two desks at once.
      const lines = (await client.get('/api/me/invoices'))
        .json<{ invoices: InvoiceView[] }>()
        .invoices.flatMap((i) => i.payments.filter((p) => p.reversible));
      const line = lines[s.pick % Math.max(1, lines.length)];
      const send = (desk: Client) =>
        desk.post(`/api/staff/payments/${line?.id ?? ''}/reversal`, {
          reason: 'chèque revenu impayé',
        });
      return line ? Promise.all(s.twice ? desks.map(send) : [send(desks[0] ?? staff)]) : [];
    }
    case 'cancel': {
      const r = await request(client, s.pick);
      return r
        ? asShown(
            `/api/staff/registrations/${r.id}/cancel`,
            s.feeCents ? { organismFeeCents: s.feeCents } : {},
          )
        : [];
    }
    case 'payOnline': {
      const i = await invoice(client, s.pick);
      const started =
        i && (await client.post(`/api/me/invoices/${i.invoice.id}/online-payment`, {}));
      if (started?.status !== 201) return started ? [started] : [];
      const { reference, amountCents } = started.json<{
        payment: { reference: string; amountCents: number };
      }>().payment;
      const { headers, body } = localNotification(
        { reference, status: 'paid', amountCents, currency: 'EUR' },
        secret,
      );
      const notify = () =>
        client.request('POST', '/api/payments/notifications/local', Buffer.from(body), {
          ...(headers as Record<string, string>),
          'content-type': 'application/json',
        });
      return [started, ...(await Promise.all(s.twice ? [notify(), notify()] : [notify()]))];
    }
    case 'cancelSession': {
      // At the figures read a moment ago: a payment or a request landing meanwhile may change them.
      const answers = await cancelSessionAsShown(t, staff, sessions[s.session] ?? '');
      if (answers.at(-1)?.status === 200) sessions[s.session] = await openSession(s.session);
      return answers;
    }
    case 'claim':
      return [await client.post('/api/me/claims', festivalClaim([await uploadReceipt(client)]))];
    case 'decide': {
      const claim = await chosen<{ id: string; status: string; quote: { subsidyCents: number } }>(
        client,
        '/api/me/claims',
        'claims',
        s.pick,
        (c) => c.status === 'submitted',
      );
      // At the amount read a moment ago: a place or a claim decided meanwhile may change it.
      const decision = s.approve
        ? { decision: 'approve', expectedCents: claim?.quote.subsidyCents }
        : { decision: 'reject', reason: 'le justificatif ne convient pas' };
      return claim ? [await admin.post(`/api/staff/claims/${claim.id}/decision`, decision)] : [];
    }
    case 'payout': {
      const prepared = await admin.post('/api/staff/payouts', { executionDate: '2021-04-20' });
      if (prepared.status !== 201) return [prepared];
      const { id } = prepared.json<{ payout: { id: string } }>().payout;
      const exported = await admin.post(`/api/staff/payouts/${id}/export`);
      // Or the bank rejects the file: cancelled, its claims wait for the next batch.
      const last = s.cancel
        ? admin.post(`/api/staff/payouts/${id}/cancellation`, {
            reason: 'fichier rejeté par la banque',
            expectedState: 'exported',
          })
        : admin.post(`/api/staff/payouts/${id}/sent`, { sentOn: '2021-04-15' });
      return [prepared, exported, await last];
    }
    case 'renew': {
      // The family renews its Fiche and the Fiche Agent desk validates it, while money moves.
      const saved = await client.put('/api/me/agent-records/2021', renewals[s.family]);
      if (saved.status !== 200) return [saved];
      const sent = await client.post('/api/me/agent-records/2021/submit');
      if (sent.status !== 200) return [saved, sent];
      const { id } = sent.json<{ id: string }>();
      return [saved, sent, await admin.post(`/api/staff/agent-records/${id}/validate`)];
    }
    case 'move': {
      const r = await request(client, s.pick);
      return r?.status === 'confirmed'
        ? asShown(`/api/staff/registrations/${r.id}/modify`, {
            sessionId: s.session === null ? null : (sessions[s.session] ?? null),
            transportCity: s.transport ? 'Lyon' : null,
          })
        : [];
    }
  }
}

/** A place's invoice is written just after its answer: until every one is. */
const invoicesWritten = () =>
  poll(
    () => t.db.query('SELECT 1 FROM registration_requests WHERE follow_up_due'),
    (due) => due.length === 0,
  );

/** What must hold after every round: the empty list when it does. */
async function broken(): Promise<unknown[]> {
  await invoicesWritten();
  const report = (await staff.get('/api/staff/billing/consistency')).json<{
    problems: unknown[];
  }>();
  const stored = await t.db.query<{ key: string; cents: number }>(
    // Staff's payments: a place's change moves money under keys of its own (`tag:invoice:side`).
    `SELECT idempotency_key AS key, amount_cents::int AS cents FROM payments
      WHERE idempotency_key NOT LIKE '%:%'`,
  );
  const storedByKey = new Map(stored.map((p) => [p.key, p.cents]));
  const payments =
    stored.length === accepted.size &&
    [...accepted].every(([key, cents]) => storedByKey.get(key) === cents)
      ? []
      : [{ accepted: Object.fromEntries(accepted), stored }];
  const overbooked = await t.db.query(
    'SELECT id, places, confirmed_count FROM activity_sessions WHERE confirmed_count > places',
  );
  const ceilings = (
    await Promise.all(
      families.map(async (client) => {
        const { record } = (await client.get('/api/me/entitlements/2021')).json<{
          record: { annualCeilingCents: number | null; annualCeilingUsedCents: number };
        }>();
        return record;
      }),
    )
  ).filter((r) => r.annualCeilingCents !== null && r.annualCeilingUsedCents > r.annualCeilingCents);
  const payouts = await t.db.query(
    `SELECT p.reference, p.total_cents::int, p.claims, count(c.id)::int AS paid, coalesce(sum(c.approved_cents), 0)::int AS cents
       FROM payouts p LEFT JOIN claims c ON c.payout_id = p.id
      GROUP BY p.id HAVING CASE WHEN p.cancelled_at IS NULL
        THEN p.claims <> count(c.id) OR p.total_cents <> coalesce(sum(c.approved_cents), 0)
        ELSE count(c.id) > 0 END
     UNION ALL
     SELECT c.id::text, 0, 0, 0, 0 FROM claims c
      WHERE (c.status = 'paid' AND c.payout_id IS NULL) OR (c.payout_id IS NOT NULL AND c.status NOT IN ('approved', 'paid'))`,
  );
  return [
    ...report.problems,
    ...payments,
    ...overbooked,
    ...(await sessionCountsOff(t)),
    ...ceilings,
    ...payouts,
  ];
}

/** A refusal says why, on the whole request or on its fields. */
const saysWhy = (answer: Answer) => {
  const { message, issues } = answer.json<{ message?: string; issues?: { message: string }[] }>();
  return Boolean(message) || (issues ?? []).some((issue) => issue.message);
};

describe('the money paths in random rounds of requests at once', () => {
  it(
    `keeps the money balanced over ${String(ROUNDS)} rounds (seed ${String(SEED)})`,
    async () => {
      const rounds = fc.sample(fc.array(step, { minLength: 2, maxLength: 8 }), {
        seed: SEED,
        numRuns: ROUNDS,
      });
      const deadlocks = t.db.conflicts.deadlock;
      for (const [index, steps] of rounds.entries()) {
        const answers = (await Promise.all(steps.map(run))).flat();
        const failed = answers.filter((a) => a.status >= 500 || (a.status >= 400 && !saysWhy(a)));
        expect({ round: index, steps, failed: failed.map((a) => a.body) }).toEqual({
          round: index,
          steps,
          failed: [],
        });
        expect({ round: index, steps, broken: await broken() }).toEqual({
          round: index,
          steps,
          broken: [],
        });
      }
      expect(t.db.conflicts.deadlock - deadlocks).toBe(0);
      // The rounds did move money.
      expect(accepted.size).toBeGreaterThan(0);
      const [reversed] = await t.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM payments WHERE reverses_id IS NOT NULL',
      );
      process.stdout.write(
        `money rounds: ${String(accepted.size)} payments, ${String(reversed?.n)} reversed\n`,
      );
    },
    TIMEOUT,
  );
});
