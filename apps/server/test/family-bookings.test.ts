// Family holidays through the API (issue 13): the booking's participants and parts, lodgings by
// capacity, guests at the tarif extérieur, and no lodging given twice under concurrent requests.
import { packImpact } from '@entraide/rules';
import { loadPackDirectory } from '@entraide/rules/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { impactPopulation } from '../src/modules/packs/pack-impact.ts';
import {
  createUser,
  familyWithRecord,
  PASSWORD,
  testApp,
  type Client,
  type TestApp,
  addSession,
} from './harness.ts';
import { sessionCountsOff } from './place-fixtures.ts';

let t: TestApp;
let staff: Client;
const sessions: Record<string, string> = {};
let villageId = '';

beforeAll(async () => {
  t = await testApp({ ORGANIZATION: 'cnrs' }); // calendar: 2020-03-16, pack cnrs-2019
  await createUser(t.db, { identifier: 'GEST-VAC', role: 'staff', sectors: ['vacances'] });
  staff = t.client();
  await staff.login('GEST-VAC', PASSWORD);
  const activity = async (title: string, kind: string) =>
    (
      await staff.post('/api/staff/activities', {
        title,
        sector: 'vacances',
        kind,
        description: 'Une semaine en famille.',
        provider: { name: 'CAES du CNRS' },
        published: true,
      })
    ).json<{ id: string }>().id;
  const session = async (activityId: string, body: Record<string, unknown>) => {
    const answer = await addSession(t.db, staff, activityId, {
      firstDay: '2020-07-04',
      lastDay: '2020-07-11',
      minAge: 0,
      maxAge: 120,
      places: 10,
      priceCents: 0,
      closesOn: '2020-03-01',
      ...body,
    });
    expect(answer.status).toBe(201);
    return answer.json<{ id: string; places: number }>();
  };
  const village = await activity('Village des Cévennes', 'caesVillage');
  villageId = village;
  const chalets = await session(village, {
    label: 'Chalets',
    externalPriceCents: 5_000,
    lodgings: [
      { type: 'Studio 2 personnes', capacity: 2, priceCents: 6_000, per: 'night', count: 3 },
      {
        type: 'Chalet 6 personnes',
        capacity: 6,
        priceCents: 70_000,
        per: 'week',
        count: 1,
        externalPriceCents: 91_000,
      },
    ],
  });
  // A village's places are its lodgings.
  expect(chalets.places).toBe(4);
  sessions.chalets = chalets.id;
  sessions.partner = (
    await session(await activity('Village partenaire', 'partnerVillage'), {
      label: 'Partenaire',
      priceCents: 40_000,
    })
  ).id;
  // The selection ran (nobody asked in time): lodgings go first come, first served.
  const { token } = (await staff.get('/api/staff/selection/vacances')).json<{ token: string }>();
  expect((await staff.post('/api/staff/selection/vacances', { token })).status).toBe(200);
});
afterAll(() => t.close());

interface Quote {
  choices: {
    parts: number;
    quotientCents: number;
    rateBp: number | null;
    depositCents: number;
    feesCents: number;
    leftToPayCents: number;
    participants: { firstName: string; priceCents: number; subsidyCents: number }[];
    explanation: { step: string; text: string }[];
  }[];
}

const plain = (text: string | undefined) => text?.replace(/[\u202f\u00a0]/g, ' ');

describe('parent isolé, per booking (SPEC §3), through the API', () => {
  it('1.5 parts going alone, 1 + 1 with the child on the other parent’s tax notice', async () => {
    const { client } = await familyWithRecord(t, {
      identifier: 'CN-000701',
      taxIncomeEuros: 30_000,
      year: 2020,
      dependants: [
        { relation: 'child', firstName: 'Zoé', birthDate: '2012-06-01', fiscallyDependent: false },
      ],
    });
    // The Fiche Agent itself: the child counts in no part, the member lives alone.
    const record = (await client.get('/api/me/agent-records/2020')).json<{
      versions: { parts: number }[];
    }>();
    expect(record.versions[0]?.parts).toBe(1.5);
    const booking = (companions: number[]) =>
      client.post('/api/me/registrations/quote', {
        dependantIndex: null,
        companions,
        choices: [{ sessionId: sessions.chalets, lodgingType: 'Studio 2 personnes' }],
        depositMethod: 'cheque',
      });
    const alone = (await booking([])).json<Quote>().choices[0];
    expect([alone?.parts, alone?.quotientCents, alone?.rateBp]).toEqual([1.5, 2_000_000, 1300]);
    expect(plain(alone?.explanation[0]?.text)).toBe(
      'Nombre de parts CAES : 1,5 (parent isolé participant seul) = 1,5',
    );
    const together = (await booking([0])).json<Quote>().choices[0];
    expect([together?.parts, together?.quotientCents, together?.rateBp]).toEqual([
      2, 1_500_000, 2662,
    ]);
    expect(plain(together?.explanation[0]?.text)).toBe(
      'Nombre de parts CAES : 1 (parent isolé) + 1 (1 enfant inscrit) = 2',
    );
    // 7 nights of the 60 € studio, shared: 210 € each.
    expect(together?.participants.map((p) => [p.firstName, p.priceCents, p.subsidyCents])).toEqual([
      ['Claire', 21_000, 5_590],
      ['Zoé', 21_000, 5_590],
    ]);
  });
});

describe('who may come', () => {
  let client: Client;
  beforeAll(async () => {
    ({ client } = await familyWithRecord(t, {
      identifier: 'CN-000702',
      taxIncomeEuros: 40_000,
      spouseTaxIncomeEuros: 20_000,
      year: 2020,
      dependants: [
        { relation: 'spouse', firstName: 'Marc', birthDate: '1981-09-01' },
        { relation: 'directRelative', firstName: 'Jeanne', birthDate: '1950-01-01' },
      ],
    }));
  });
  const ask = (body: Record<string, unknown>) =>
    client.post('/api/me/registrations/quote', {
      dependantIndex: null,
      depositMethod: 'cheque',
      ...body,
    });

  it('a guest pays the tarif extérieur and the yearly membership; a grandparent the prix base TD', async () => {
    const quote = (
      await ask({
        companions: [1],
        guests: [{ lastName: 'Durand', firstName: 'Sam', birthDate: '1983-01-01' }],
        choices: [{ sessionId: sessions.chalets, lodgingType: 'Chalet 6 personnes' }],
      })
    ).json<Quote>().choices[0];
    // The chalet: 700 € (910 € at the tarif extérieur) shared by three, 50 € more a person
    // extérieur; a couple without children at QF 30 000 €: the 13 % floor.
    expect(quote?.participants.map((p) => [p.firstName, p.priceCents, p.subsidyCents])).toEqual([
      ['Claire', 23_334, 3_033],
      ['Jeanne', 23_333, 0],
      ['Sam', 35_333, 0],
    ]);
    expect(quote?.feesCents).toBe(1_500);
  });

  it('refuses, on their field: a relative in a partner village, a lodging too small, a person twice', async () => {
    const partner = await ask({
      companions: [1],
      choices: [{ sessionId: sessions.partner }],
    });
    expect(partner.status).toBe(400);
    expect(partner.json()).toMatchObject({
      issues: [
        {
          path: 'companions',
          message:
            'la filiation directe et les non ayants droit ne sont accueillis que dans les villages de vacances du CAES',
        },
      ],
    });
    const small = await ask({
      companions: [0, 1],
      choices: [{ sessionId: sessions.chalets, lodgingType: 'Studio 2 personnes' }],
    });
    expect(small.json()).toMatchObject({
      issues: [
        {
          path: 'choices.0.lodgingType',
          message:
            'Studio 2 personnes : 2 personnes au plus, votre réservation en compte 3 — choisissez un hébergement plus grand',
        },
      ],
    });
    const none = await ask({ choices: [{ sessionId: sessions.chalets }] });
    expect(none.json()).toMatchObject({ issues: [{ path: 'choices.0.lodgingType' }] });
    const twice = await ask({
      companions: [0, 0],
      choices: [{ sessionId: sessions.chalets, lodgingType: 'Chalet 6 personnes' }],
    });
    expect(twice.json()).toMatchObject({ issues: [{ path: 'companions' }] });
  });
});

describe('lodgings under concurrent requests', () => {
  it(`give the last chalet to exactly one of six families asking at the same moment (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
    // Real parallel requests over the loopback.
    const http = await t.serve();
    const families = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        familyWithRecord(
          t,
          {
            identifier: `CN-0008${String(i).padStart(2, '0')}`,
            taxIncomeEuros: 30_000 + i,
            year: 2020,
            dependants: [{ relation: 'child', firstName: `Enfant${i}`, birthDate: '2012-05-05' }],
          },
          http(),
        ),
      ),
    );
    const answers = await Promise.all(
      families.map(({ client }) =>
        client.post('/api/me/registrations', {
          dependantIndex: null,
          companions: [0],
          choices: [{ sessionId: sessions.chalets, lodgingType: 'Chalet 6 personnes' }],
          depositMethod: 'card',
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    const statuses = answers.map((a) => a.json<{ status: string }>().status).sort();
    expect(statuses).toEqual(['confirmed', ...Array<string>(5).fill('waiting')]);
    const [taken] = await t.db.query<{ chalets: number; studios: number }>(
      `SELECT count(*) FILTER (WHERE placed_lodging = 'Chalet 6 personnes')::int AS chalets,
              count(*) FILTER (WHERE placed_lodging = 'Studio 2 personnes')::int AS studios
         FROM registration_requests WHERE placed_session_id = $1 AND status = 'confirmed'`,
      [sessions.chalets],
    );
    expect(taken).toEqual({ chalets: 1, studios: 0 });
    // The studios are still free: a couple gets one at once.
    const session = (await staff.get(`/api/activities`)).json<{
      activities: { sessions: { id: string; lodgings: { type: string; left: number }[] }[] }[];
    }>();
    const chalets = session.activities
      .flatMap((a) => a.sessions)
      .find((s) => s.id === sessions.chalets);
    expect(chalets?.lodgings.map((l) => [l.type, l.left])).toEqual([
      ['Studio 2 personnes', 3],
      ['Chalet 6 personnes', 0],
    ]);
    expect(await sessionCountsOff(t)).toEqual([]);
  });
});

describe('the selection at a village’s closing', () => {
  it('names the lodging each family gets or waits for, as staff read it before applying', async () => {
    const { id: autumn } = (
      await addSession(t.db, staff, villageId, {
        label: 'Toussaint',
        firstDay: '2020-10-24',
        lastDay: '2020-10-31',
        minAge: 0,
        maxAge: 120,
        places: 0,
        priceCents: 0,
        closesOn: '2020-04-30',
        lodgings: [
          { type: 'Studio 2 personnes', capacity: 2, priceCents: 6_000, per: 'night', count: 1 },
        ],
      })
    ).json<{ id: string }>();
    for (const [i, taxIncomeEuros] of [20_000, 50_000].entries()) {
      const { client } = await familyWithRecord(t, {
        identifier: `CN-00090${String(i)}`,
        taxIncomeEuros,
        year: 2020,
        dependants: [],
      });
      const asked = await client.post('/api/me/registrations', {
        dependantIndex: null,
        choices: [{ sessionId: autumn, lodgingType: 'Studio 2 personnes' }],
        depositMethod: 'cheque',
      });
      expect(asked.json()).toMatchObject({ status: 'requested' });
    }
    await t.db.query(`UPDATE activity_sessions SET closes_on = '2020-03-01' WHERE id = $1`, [
      autumn,
    ]);
    const preview = (await staff.get('/api/staff/selection/vacances')).json<{
      sessions: { label: string; places: number }[];
      decisions: { outcome: string; sessionId: string; sessionLabel: string | null }[];
    }>();
    const label = 'Village des Cévennes — Toussaint — Studio 2 personnes';
    expect(preview.sessions).toMatchObject([{ label, places: 1 }]);
    expect(preview.decisions.map((d) => [d.outcome, d.sessionId, d.sessionLabel])).toEqual([
      ['confirmed', autumn, label],
      ['waiting', autumn, label],
    ]);
  });
});

describe('the cost of a draft (issue 17)', () => {
  it('re-prices each confirmed family booking with its people and lodging shares, as it was booked', async () => {
    const pack = loadPackDirectory().get('cnrs-2019');
    const population = await impactPopulation(t.db, pack);
    const impact = packImpact(pack, pack, population.households, population.requests, '2020-01-01');
    const [booked] = await t.db.query<{ places: number; bookings: number; cents: number }>(
      `SELECT count(*)::int AS places, count(*) FILTER (WHERE jsonb_array_length(participants) > 1)::int AS bookings,
              sum((SELECT (q ->> 'subsidyCents')::int FROM jsonb_array_elements(r.quotes) q
                    WHERE q ->> 'sessionId' = r.placed_session_id::text))::int AS cents
         FROM registration_requests r WHERE status = 'confirmed'`,
    );
    expect(booked?.bookings).toBeGreaterThan(0);
    expect(impact.stays).toBe(booked?.places);
    expect(impact.unpriced).toBe(0);
    expect(impact.current.totalCents).toBe(booked?.cents);
    expect(impact.draft.totalCents).toBe(booked?.cents);
  });
});

describe('claims after the fact (SPEC §6, CNRS)', () => {
  it('are accepted until the same day of the next calendar month after the return', async () => {
    const { client } = await familyWithRecord(t, {
      identifier: 'CN-000703',
      taxIncomeEuros: 30_000,
      year: 2020,
      dependants: [],
    });
    const claim = (lastDay: string) =>
      client.post('/api/me/claims', {
        type: 'individualHoliday',
        dependantIndex: null,
        organism: 'Gîtes de France',
        firstDay: '2020-02-08',
        lastDay,
        paidCents: 40_000,
        documentIds: ['00000000-0000-4000-8000-000000000000'],
      });
    // Back on 15 February: until 15 March, and the committee's day is 16 March.
    expect((await claim('2020-02-15')).json()).toMatchObject({
      issues: [
        {
          path: 'lastDay',
          message: 'les demandes se font au plus tard le 15/03/2020, un mois après le retour',
        },
      ],
    });
    // Back on 16 February: still in time (what remains to check is the receipt).
    const inTime = (await claim('2020-02-16')).json<{ issues: { path: string }[] }>();
    expect(inTime.issues.map((i) => i.path)).not.toContain('lastDay');
  });
});
