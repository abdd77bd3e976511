// « Mes prestations » (SPEC §7): year by year, the places, the subsidies after the fact and the
// Solidarité grants a household received, the committee's part of each, and the ceiling used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDefaultRib,
  createUser,
  festivalClaim,
  ownPacks,
  PASSWORD,
  testApp,
  uploadReceipt,
  validatedRecord,
  withInserm2022,
  type Client,
  type TestApp,
} from './harness.ts';
import { book, family, openPlaces } from './place-fixtures.ts';
import { memberHistory } from '../src/modules/members/history.ts';

interface Benefits {
  years: {
    year: number;
    subsidyCents: number;
    ceiling: { cents: number; usedCents: number } | null;
    benefits: {
      label: string;
      link: string;
      firstDay: string | null;
      subsidyCents: number;
      ownCents: number | null;
      state: string;
    }[];
  }[];
}

let t: TestApp;
const registry = withInserm2022();
const desks: Record<string, Client> = {};
beforeAll(async () => {
  t = await testApp({}, registry); // calendar: 2021-04-15
  for (const [identifier, sector] of [
    ['GEST-JE', 'jeunesse'],
    ['GEST-LC', 'loisirs-culture'],
    ['GEST-SOL', 'solidarite'],
  ] as const) {
    await createUser(t.db, { identifier, role: 'staff', sectors: [sector] });
    desks[identifier] = t.client();
    await desks[identifier].login(identifier, PASSWORD);
  }
});
afterAll(() => t.close());

const desk = (identifier: string): Client => desks[identifier] ?? t.client();

describe('Mes prestations', () => {
  it('lists a year’s place, subsidies and Solidarité grants, with the committee’s part and the ceiling used', async () => {
    const { client } = await family(t, 45_000);
    expect((await client.get('/api/me/benefits')).json()).toEqual({ years: [] });

    const [session] = await openPlaces(t, desk('GEST-JE'), [
      { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 200_000 },
    ]);
    const booked = await book(client, session ?? '', 'Lyon');
    expect(booked.json()).toMatchObject({ status: 'confirmed' });
    // Changed by the desk with a fee: a credit note, the stay invoiced again, and the fee's own
    // invoice for the same place — the benefit is the stay's invoice in force, not the fee's.
    const changed = await desk('GEST-JE').post(
      `/api/staff/registrations/${booked.json<{ id: string }>().id}/modify`,
      { transportCity: null, organismFeeCents: 2_000 },
    );
    expect(changed.json()).toMatchObject({ feeInvoice: { totalCents: 2_000 } });
    const { invoice, feeInvoice } = changed.json<{
      invoice: { reference: string; totalCents: number; subsidyCents: number };
      feeInvoice: { id: string };
    }>();
    // The fee paid, the stay not: the home does not call the place settled.
    const feePaid = await desk('GEST-JE').request(
      'POST',
      '/api/staff/payments',
      {
        invoiceId: feeInvoice.id,
        method: 'cheque',
        amountCents: 2_000,
        receivedOn: '2021-04-15',
        chequeNumber: '0123456',
      },
      { 'idempotency-key': 'frais-de-modification' },
    );
    expect(feePaid.status, JSON.stringify(feePaid.body)).toBe(201);
    const home = (await client.get('/api/me/home')).json<{
      files: { title: string; steps: { label: string; reached: boolean }[] }[];
    }>();
    expect(home.files.find((f) => f.title.includes('Centre de vacances'))?.steps.at(-1)).toEqual({
      label: 'Réglée',
      reached: false,
    });

    await addDefaultRib(client);
    const claim = async (body: Record<string, unknown>, name: string) => {
      const sent = await client.post('/api/me/claims', {
        ...festivalClaim([await uploadReceipt(client, name)]),
        ...body,
      });
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
      return sent.json<{ id: string }>().id;
    };
    const festival = await claim({}, 'Billet de festival');
    const train = await claim(
      { type: 'trainTicket', dependantIndex: 1, organism: 'SNCF' },
      'Billet de train',
    );
    expect(
      (
        await desk('GEST-LC').post(`/api/staff/claims/${festival}/decision`, {
          decision: 'approve',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await desk('GEST-JE').post(`/api/staff/claims/${train}/decision`, {
          decision: 'reject',
          reason: 'Billet illisible',
        })
      ).status,
    ).toBe(200);

    const aid = await client.post('/api/me/solidarity', {
      kind: 'aid',
      purpose: 'Facture d’énergie',
      amountCents: 30_000,
    });
    const loan = await client.post('/api/me/solidarity', {
      kind: 'loan',
      purpose: 'Réparation de la voiture',
      amountCents: 120_000,
      months: 12,
    });
    for (const asked of [aid, loan])
      expect(
        (
          await desk('GEST-SOL').post(
            `/api/staff/solidarity/${asked.json<{ id: string }>().id}/decision`,
            { decision: 'grant' },
          )
        ).status,
      ).toBe(200);

    const { years } = (await client.get('/api/me/benefits')).json<Benefits>();
    expect(years.map((y) => y.year)).toEqual([2021]);
    const [year] = years;
    const granted =
      (await client.get('/api/me/claims'))
        .json<{ claims: { id: string; approvedCents: number }[] }>()
        .claims.find((c) => c.id === festival)?.approvedCents ?? 0;
    expect(granted).toBeGreaterThan(0);
    // The refused claim is not a benefit; the loan is one, but not the committee's money.
    expect(year?.benefits.map((b) => [b.label, b.subsidyCents, b.ownCents, b.state])).toEqual([
      [
        expect.stringMatching(/^Demande n° \d+ — .+ \(Claire\)$/),
        granted,
        5_000 - granted,
        'accordée, versement à venir',
      ],
      [
        expect.stringMatching(/^Centre de vacances — .+ \(Zoé\)$/),
        invoice.subsidyCents,
        invoice.totalCents,
        `facture ${invoice.reference}`,
      ],
      [
        expect.stringMatching(/^Solidarité n° \d+ — aide : Facture d’énergie$/),
        30_000,
        null,
        'aide accordée',
      ],
      [
        expect.stringMatching(/^Solidarité n° \d+ — prêt : Réparation de la voiture$/),
        0,
        null,
        'prêt de 1\u202f200,00\u00a0€ à rembourser en 12 mois',
      ],
    ]);
    expect(year?.subsidyCents).toBe(granted + invoice.subsidyCents + 30_000);
    // The ceiling, as the home's gauge says it: what the place and the claim used of it.
    const entitlements = (await client.get('/api/me/entitlements/2021')).json<{
      record: { annualCeilingCents: number; annualCeilingUsedCents: number };
    }>().record;
    expect(year?.ceiling).toEqual({
      cents: entitlements.annualCeilingCents,
      usedCents: entitlements.annualCeilingUsedCents,
    });
    expect(entitlements.annualCeilingUsedCents).toBeGreaterThan(0);

    // The actions on each of these files name this household in the audit log (migration 0034):
    // a place, its invoice, a claim, a Solidarité request and the Fiche resolve to the member.
    const { id: memberId } = (await client.get('/api/session')).json<{ user: { id: string } }>()
      .user;
    const subjects = await t.db.query<{ kind: string; member: string | null }>(
      `SELECT s.kind, audit_member(s.kind, s.id) AS member FROM (
         SELECT 'registration' AS kind, id::text AS id FROM registration_requests WHERE member_id = $1
         UNION ALL SELECT 'invoice', id::text FROM invoices WHERE member_id = $1
         UNION ALL SELECT 'claim', id::text FROM claims WHERE member_id = $1
         UNION ALL SELECT 'solidarity', id::text FROM solidarity_requests WHERE member_id = $1
         UNION ALL SELECT 'agent_record', id::text FROM agent_records WHERE member_id = $1) s`,
      [memberId],
    );
    expect(new Set(subjects.map((s) => s.kind))).toEqual(
      new Set(['registration', 'invoice', 'claim', 'solidarity', 'agent_record']),
    );
    expect(subjects.filter((s) => s.member !== memberId)).toEqual([]);
    const [actions] = await t.db.query<{ actions: string[] }>(
      'SELECT array_agg(DISTINCT action ORDER BY action) AS actions FROM audit_log WHERE member_id = $1',
      [memberId],
    );
    expect(actions?.actions).toEqual(
      expect.arrayContaining(['claim.approve', 'claim.reject', 'solidarity.grant']),
    );

    // Paid: said so. Another household's benefits are not theirs to read.
    await t.db.query(`UPDATE claims SET status = 'paid' WHERE id = $1`, [festival]);
    const paid = (await client.get('/api/me/benefits')).json<Benefits>();
    expect(paid.years[0]?.benefits[0]?.state).toBe('versée');
    const other = await family(t, 20_000);
    expect((await other.client.get('/api/me/benefits')).json()).toEqual({ years: [] });
    expect((await t.client().get('/api/me/benefits')).status).toBe(401);
  });
});

interface History {
  years: {
    year: number;
    rights: {
      packId: string;
      packLabel: string;
      parts: number;
      quotientCents: number;
      rates: { grid: string; rateBp: number }[];
      annualCeilingCents: number | null;
    } | null;
    ceilingUsedCents: number;
    subsidyCents: number;
  }[];
}

describe('Historique', () => {
  it('sets each year’s rights side by side, newest first, with the ceiling used and what the committee paid', async () => {
    const { id, client } = await family(t, 45_000);
    await addDefaultRib(client);
    const sent = await client.post('/api/me/claims', {
      ...festivalClaim([await uploadReceipt(client)]),
    });
    const festival = sent.json<{ id: string }>().id;
    await desk('GEST-LC').post(`/api/staff/claims/${festival}/decision`, { decision: 'approve' });
    // The next Fiche, under the 2022 barème: lower incomes, no subsidy yet.
    await validatedRecord(
      t.db,
      t.config,
      id,
      {
        taxIncomeEuros: 30_000,
        year: 2022,
        dependants: [
          { relation: 'spouse', firstName: 'Alex', birthDate: '1980-01-01' },
          { relation: 'child', firstName: 'Zoé', birthDate: '2011-05-05' },
        ],
      },
      registry,
    );

    const { years } = (await client.get('/api/me/history')).json<History>();
    expect(years.map((y) => [y.year, y.rights?.packId])).toEqual([
      [2022, 'inserm-2022'],
      [2021, 'inserm-2021'],
    ]);
    // 2021 as the home said it that year, the rates in the barème's order, and Mes prestations' total.
    const rights2021 = (await client.get('/api/me/entitlements/2021')).json<{
      record: {
        parts: number;
        quotientCents: number;
        rates: Record<string, number>;
        annualCeilingCents: number;
        annualCeilingUsedCents: number;
      };
    }>().record;
    const benefits = (await client.get('/api/me/benefits')).json<Benefits>().years;
    expect(years[1]).toEqual({
      year: 2021,
      rights: {
        packId: 'inserm-2021',
        packLabel: 'CAES Inserm — barème 2021',
        parts: rights2021.parts,
        quotientCents: rights2021.quotientCents,
        rates: Object.entries(rights2021.rates).map(([grid, percent]) => ({
          grid,
          rateBp: Math.round(percent * 100),
        })),
        annualCeilingCents: rights2021.annualCeilingCents,
      },
      ceilingUsedCents: rights2021.annualCeilingUsedCents,
      subsidyCents: benefits[0]?.subsidyCents,
    });
    expect(years[1]?.rights?.rates.map((r) => r.grid)).toEqual([
      'standard',
      'majore',
      'promotionnel',
    ]);
    expect(years[1]?.subsidyCents).toBeGreaterThan(0);
    expect(years[1]?.ceilingUsedCents).toBe(years[1]?.subsidyCents);
    // Lower incomes, a lower quotient and higher rates; nothing used or paid in 2022 yet.
    expect(years[0]?.rights?.quotientCents).toBeLessThan(rights2021.quotientCents);
    expect(years[0]?.rights?.rates[0]?.rateBp).toBeGreaterThan(
      years[1]?.rights?.rates[0]?.rateBp ?? 0,
    );
    expect([years[0]?.ceilingUsedCents, years[0]?.subsidyCents]).toEqual([0, 0]);

    // A node without the 2022 barème still says what the Fiche gave, the barème named by its id.
    const without2022 = (await memberHistory(t.db, ownPacks(), id))[0]?.rights;
    const byGrid = (rates: readonly { grid: string }[] = []) =>
      [...rates].sort((a, b) => a.grid.localeCompare(b.grid));
    expect({ ...without2022, rates: byGrid(without2022?.rates) }).toEqual({
      ...years[0]?.rights,
      packLabel: 'inserm-2022',
      rates: byGrid(years[0]?.rights?.rates),
    });

    // Another household's history is not theirs to read; nobody's without a session.
    const other = await family(t, 20_000);
    expect(
      (await other.client.get('/api/me/history')).json<History>().years.map((y) => y.year),
    ).toEqual([2021]);
    expect((await t.client().get('/api/me/history')).status).toBe(401);
  });
});
