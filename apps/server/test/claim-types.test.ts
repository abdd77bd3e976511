// Every claim type, end to end through the API: sent by a member, reviewed by staff, paid out in
// one SEPA file valid against the official pain.001.001.03 schema.
import { readFileSync } from 'node:fs';
import { claimTypes, type ClaimType } from '@entraide/contract';
import { compilePack, PackRegistry } from '@entraide/rules';
import { BUILT_IN_PACKS_DIR } from '@entraide/rules/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { painSchemaErrors } from '../src/modules/claims/sepa-schema.ts';
import {
  createUser,
  familyWithRecord,
  festivalClaim,
  packs,
  PASSWORD,
  uploadReceipt,
  addDefaultRib,
  testApp,
  type Client,
  type TestApp,
} from './harness.ts';

/**
 * The committee's own 2021 pack, as staff would drop it in PACKS_DIR: the shipped one plus the car
 * rate per kilometre (the documents give 0,10 € only from 2023, so the shipped 2021 pack lacks it).
 */
function packsWithCarRate(): PackRegistry {
  const inserm2021 = JSON.parse(
    readFileSync(`${BUILT_IN_PACKS_DIR}inserm-2021.json`, 'utf8'),
  ) as Record<string, unknown>;
  const revised = compilePack({
    ...inserm2021,
    ownTransport: { carPerKmEuros: '0.10', carGrid: 'standard' },
  });
  return new PackRegistry(packs.all().map((pack) => (pack.id === revised.id ? revised : pack)));
}

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await testApp({}, packsWithCarRate()); // calendar: 2021-04-15
  await createUser(t.db, { identifier: 'ADMIN-CT', role: 'admin' });
  admin = t.client();
  await admin.login('ADMIN-CT', PASSWORD);
});
afterAll(() => t.close());

const MEMBER = null;
const CHILD = 1;

/** What each type asks for, and no more: the stay, who went, and the type's own figures. */
const CLAIMS: Record<ClaimType, Record<string, unknown>> = {
  festival: { dependantIndex: MEMBER, firstDay: '2021-03-10', lastDay: '2021-03-12' },
  individualHoliday: {
    dependantIndex: MEMBER,
    firstDay: '2021-02-13',
    lastDay: '2021-02-15',
    capCategory: 'approvedBoard',
  },
  mobileHome: { dependantIndex: MEMBER, firstDay: '2021-03-20', lastDay: '2021-03-22' },
  youthStay: {
    dependantIndex: CHILD,
    firstDay: '2021-02-20',
    lastDay: '2021-02-24',
    capCategory: 'dayCentre',
  },
  youthAbroad: {
    dependantIndex: CHILD,
    firstDay: '2021-01-02',
    lastDay: '2021-01-15',
    travelCents: 10_000,
  },
  sportStay: { dependantIndex: MEMBER, firstDay: '2021-04-03', lastDay: '2021-04-04' },
  sportEvent: { dependantIndex: MEMBER, firstDay: '2021-04-04', lastDay: '2021-04-04' },
  ancvCoupons: { dependantIndex: MEMBER, firstDay: '2021-01-05', lastDay: '2021-01-05' },
  trainTicket: { dependantIndex: CHILD, firstDay: '2021-02-20', lastDay: '2021-02-24' },
  escortTrain: {
    dependantIndex: CHILD,
    firstDay: '2021-02-20',
    lastDay: '2021-02-24',
    roundTrips: 2,
  },
  carKm: { dependantIndex: CHILD, firstDay: '2021-02-20', lastDay: '2021-02-24', km: 240 },
};

describe('every claim type', () => {
  it('is sent with a PDF receipt, approved by staff and paid out by one valid SEPA file', async () => {
    const { client } = await familyWithRecord(t, {
      identifier: 'IN-000961',
      taxIncomeEuros: 18_000,
      dependants: [
        { relation: 'spouse', firstName: 'Sam', birthDate: '1980-01-01' },
        { relation: 'child', firstName: 'Léa', birthDate: '2008-05-01' },
      ],
    });
    await addDefaultRib(client);
    const documentIds = [await uploadReceipt(client)];

    const approved = new Map<ClaimType, number>();
    for (const type of claimTypes) {
      const claim = {
        type,
        organism: 'Organisme',
        paidCents: 12_000,
        documentIds,
        ...CLAIMS[type],
      };
      const quote = await client.post('/api/me/claims/quote', claim);
      expect(quote.status, `${type}: ${JSON.stringify(quote.body)}`).toBe(200);
      const { subsidyCents } = quote.json<{ subsidyCents: number }>();
      expect(subsidyCents, type).toBeGreaterThan(0);
      const sent = await client.post('/api/me/claims', claim);
      expect(sent.status, type).toBe(201);
      const decided = await admin.post(
        `/api/staff/claims/${sent.json<{ id: string }>().id}/decision`,
        { decision: 'approve' },
      );
      expect(decided.json(), type).toMatchObject({ status: 'approved', type });
      approved.set(type, decided.json<{ approvedCents: number }>().approvedCents);
    }
    // The car: 240 km at 0,10 € on the standard rate, whatever was spent on fuel.
    expect(
      (await client.get('/api/me/claims'))
        .json<{ claims: { type: string; quote: { baseCents: number } }[] }>()
        .claims.find((c) => c.type === 'carKm')?.quote.baseCents,
    ).toBe(2_400);

    const batch = await admin.post('/api/staff/payouts', { executionDate: '2021-04-20' });
    expect(batch.json()).toMatchObject({ waitingForAccount: 0 });
    const payout = batch.json<{ payout: { id: string; totalCents: number; claims: number } }>()
      .payout;
    const total = [...approved.values()].reduce((sum, cents) => sum + cents, 0);
    expect(payout).toMatchObject({ claims: claimTypes.length, totalCents: total });
    const xml = (await admin.post(`/api/staff/payouts/${payout.id}/export`)).body as string;
    expect(await painSchemaErrors(xml)).toEqual([]);
    expect(xml.match(/<CdtTrfTxInf>/g)).toHaveLength(claimTypes.length);
    const amounts = [...xml.matchAll(/<InstdAmt Ccy="EUR">(\d+)\.(\d\d)<\/InstdAmt>/g)].map(
      ([, euros, cents]) => Number(euros) * 100 + Number(cents),
    );
    expect(amounts.sort((a, b) => a - b)).toEqual([...approved.values()].sort((a, b) => a - b));
    await admin.post(`/api/staff/payouts/${payout.id}/sent`, { sentOn: '2021-04-15' });
    expect(
      (await client.get('/api/me/claims'))
        .json<{ claims: { status: string }[] }>()
        .claims.every((c) => c.status === 'paid'),
    ).toBe(true);
  });

  it('leaves out a RIB a transfer cannot carry, and never freezes a batch whose file the bank would reject', async () => {
    const { id, client } = await familyWithRecord(t, {
      identifier: 'IN-000962',
      taxIncomeEuros: 30_000,
      dependants: [],
    });
    await addDefaultRib(client);
    const documentIds = [await uploadReceipt(client)];
    const sent = await client.post('/api/me/claims', festivalClaim(documentIds));
    await admin.post(`/api/staff/claims/${sent.json<{ id: string }>().id}/decision`, {
      decision: 'approve',
    });
    // A RIB kept from before BICs were checked as ISO 20022 does (a test BIC: place code 0…)
    // waits for the member to correct it, rather than stop the whole batch.
    await t.db.query(`UPDATE bank_accounts SET bic = 'AGRIFR0P' WHERE member_id = $1`, [id]);
    expect(
      (await admin.post('/api/staff/payouts', { executionDate: '2021-04-21' })).json(),
    ).toMatchObject({
      error: 'nothing_to_pay',
      message: 'Aucune subvention accordée à verser (avec un RIB par défaut valide).',
    });
    await t.db.query(`UPDATE bank_accounts SET bic = 'AGRIFRPP882' WHERE member_id = $1`, [id]);
    const payout = (await admin.post('/api/staff/payouts', { executionDate: '2021-04-21' })).json<{
      payout: { id: string };
    }>().payout;
    // Whatever slipped through, the schema stops it before the batch is frozen.
    await t.db.query(`UPDATE claims SET bic = 'AGRIFR0P' WHERE payout_id = $1`, [payout.id]);
    const refused = await admin.post(`/api/staff/payouts/${payout.id}/export`);
    expect(refused.status).toBe(422);
    expect(refused.json<{ message: string }>().message).toContain("Element 'BIC'");
    const exportedAt = async () =>
      (await admin.get('/api/staff/payouts'))
        .json<{ payouts: { id: string; exportedAt: string | null }[] }>()
        .payouts.find((p) => p.id === payout.id)?.exportedAt;
    expect(await exportedAt()).toBeNull();
    await t.db.query(`UPDATE claims SET bic = 'AGRIFRPP882' WHERE payout_id = $1`, [payout.id]);
    expect((await admin.post(`/api/staff/payouts/${payout.id}/export`)).status).toBe(200);
    expect(await exportedAt()).not.toBeNull();
  });
});
