import { NOTHING_USED, quoteStay } from '@entraide/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  familyWithRecord,
  festivalClaim,
  mailsTo,
  packs,
  PASSWORD,
  submittedRecord,
  testApp,
  uploadReceipt,
  type Client,
  type TestApp,
  addSession,
} from './harness.ts';

let t: TestApp;
let jeunesse: Client;
beforeAll(async () => {
  t = await testApp(); // the calendar of tests: 2021-04-15
  await createUser(t.db, { identifier: 'GEST-JE', role: 'staff', sectors: ['jeunesse'] });
  await createUser(t.db, { identifier: 'GEST-VA', role: 'staff', sectors: ['vacances'] });
  await createUser(t.db, { identifier: 'GEST-VO', role: 'staff', sectors: ['voyages'] });
  jeunesse = t.client();
  await jeunesse.login('GEST-JE', PASSWORD);
});
afterAll(() => t.close());

const colony = {
  title: 'Colonie à la mer',
  sector: 'jeunesse',
  kind: 'caes',
  capCategory: 'holidayCentreFrance',
  description: 'Voile et baignade à Quiberon.',
  provider: { name: 'Les Glénans', email: 'contact@glenans.example' },
  published: true,
};
const summer = {
  label: 'Juillet',
  firstDay: '2021-07-10',
  lastDay: '2021-07-23',
  minAge: 6,
  maxAge: 12,
  places: 2,
  priceCents: 70_000,
  transport: [{ city: 'Paris', priceCents: 8_000 }],
  closesOn: '2021-05-15',
};

async function activityWithSessions(
  sessions: Record<string, unknown>[],
  activity: Record<string, unknown> = colony,
): Promise<{ id: string; sessionIds: string[] }> {
  const created = await jeunesse.post('/api/staff/activities', activity);
  expect(created.status).toBe(201);
  const { id } = created.json<{ id: string }>();
  const sessionIds: string[] = [];
  for (const session of sessions) {
    const answer = await addSession(t.db, jeunesse, id, {
      firstDay: '2021-07-01',
      ...session,
    });
    expect(answer.status).toBe(201);
    sessionIds.push(answer.json<{ id: string }>().id);
  }
  return { id, sessionIds };
}

const request = (sessionIds: string[], extra: Record<string, unknown> = {}) => ({
  dependantIndex: 0,
  choices: sessionIds.map((sessionId) => ({ sessionId, transportCity: null })),
  depositMethod: 'cheque',
  ...extra,
});

let families = 0;
/** A family with one child born on the given day, and a validated Fiche Agent 2021. */
async function family(taxIncomeEuros: number, birthDate = '2012-03-04', firstName = 'Lou') {
  families += 1;
  const identifier = `IN-0007${String(families).padStart(2, '0')}`;
  const email = `famille${families}@example.org`;
  const { client } = await familyWithRecord(t, {
    identifier,
    email,
    taxIncomeEuros,
    lastName: `Famille${families}`,
    dependants: [{ relation: 'child', firstName, birthDate }],
  });
  return { client, email, identifier };
}

describe('catalogue', () => {
  it('is written by the sector’s staff, checked field by field, and shown to the public once published', async () => {
    const bad = await jeunesse.post('/api/staff/activities', { ...colony, title: '', kind: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toEqual([
      'title',
      'kind',
    ]);
    const { id, sessionIds } = await activityWithSessions([summer]);
    const wrong = await jeunesse.post(`/api/staff/activities/${id}/sessions`, {
      ...summer,
      lastDay: '2021-07-01',
      closesOn: '2021-08-01',
    });
    expect(wrong.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toEqual([
      'lastDay',
      'closesOn',
    ]);
    const vacances = t.client();
    await vacances.login('GEST-VA', PASSWORD);
    expect((await vacances.put(`/api/staff/activities/${id}`, colony)).status).toBe(403);
    expect((await t.client().post('/api/staff/activities', colony)).status).toBe(401);

    const [session] = (await t.client().get(`/api/activities/${id}`)).json<{
      activity: { sessions: { id: string; answerBy: string; placesLeft: number }[] };
    }>().activity.sessions;
    // Summer: the answer comes 3 weeks after closing.
    expect(session).toMatchObject({ id: sessionIds[0], answerBy: '2021-06-05', placesLeft: 2 });
    const list = async (query: string) =>
      (await t.client().get(`/api/activities?${query}`))
        .json<{ activities: { id: string }[] }>()
        .activities.map((a) => a.id);
    expect(await list('sector=jeunesse&age=9')).toContain(id);
    expect(await list('age=15')).not.toContain(id);
    expect(await list('sector=vacances')).not.toContain(id);
    expect(await list('from=2021-08-01')).not.toContain(id);
    expect((await t.client().get('/api/activities?age=douze')).status).toBe(400);
    // Words, in any case and without accents, each found in the title, description or provider.
    expect(await list('q=VOILE%20quiberon')).toContain(id);
    expect(await list('q=glenans')).toContain(id);
    expect(await list('q=colonie%20ski')).not.toContain(id);
    expect((await t.client().get(`/api/activities?q=${'a'.repeat(101)}`)).json()).toMatchObject({
      issues: [{ path: 'q' }],
    });

    const hidden = await activityWithSessions([summer], { ...colony, published: false });
    expect(await list('sector=jeunesse')).not.toContain(hidden.id);
    expect((await t.client().get(`/api/activities/${hidden.id}`)).status).toBe(404);
  });

  it('shows a logged-in member what each child would pay', async () => {
    const { sessionIds } = await activityWithSessions([summer]);
    const { client } = await family(30_000);
    const answer = await client.get(
      `/api/activities/${await jeunesseActivityOf(sessionIds[0] ?? '')}`,
    );
    const { costs } = answer.json<{
      costs: { firstName: string; sessions: { subsidyCents: number; leftToPayCents: number }[] }[];
    }>();
    expect(costs).toHaveLength(1);
    const [cost] = costs;
    expect(cost?.firstName).toBe('Lou');
    expect((cost?.sessions[0]?.subsidyCents ?? 0) + (cost?.sessions[0]?.leftToPayCents ?? 0)).toBe(
      70_000,
    );
    expect(cost?.sessions[0]?.subsidyCents).toBeGreaterThan(0);
    // The catalogue's card says the same: from this price, for Lou; nothing for a visitor.
    const catalogue = (await client.get('/api/activities?q=quiberon')).json<{
      pricesFrom: Record<string, { firstName: string; leftToPayCents: number }>;
    }>();
    expect(catalogue.pricesFrom[await jeunesseActivityOf(sessionIds[0] ?? '')]).toEqual({
      firstName: 'Lou',
      leftToPayCents: cost?.sessions[0]?.leftToPayCents,
    });
    expect(
      (await t.client().get('/api/activities')).json<{ pricesFrom: object }>().pricesFrom,
    ).toEqual({});
  });
});

async function jeunesseActivityOf(sessionId: string): Promise<string> {
  const [row] = await t.db.query<{ activity_id: string }>(
    'SELECT activity_id FROM activity_sessions WHERE id = $1',
    [sessionId],
  );
  return row?.activity_id ?? '';
}

describe('a session changed by two gestionnaires', () => {
  it('refuses a change from a form opened before the other saved, rather than write over it', async () => {
    const { id, sessionIds } = await activityWithSessions([summer]);
    const url = `/api/staff/activities/${id}/sessions/${sessionIds[0] ?? ''}`;
    const other = t.client();
    await other.login('GEST-JE', PASSWORD);
    // Both open the session at its first revision; one adds places and saves.
    const opened = (await t.client().get(`/api/activities/${id}`)).json<{
      activity: { sessions: { revision: number }[] };
    }>().activity.sessions[0];
    expect(opened?.revision).toBe(1);
    const added = await other.put(url, { ...summer, places: 5, basedOn: 1 });
    expect(added.json()).toMatchObject({ places: 5, revision: 2 });
    // The other's form, still at revision 1, would put back 2 places with its new price.
    const stale = await jeunesse.put(url, { ...summer, priceCents: 72_000, basedOn: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json()).toEqual({
      error: 'session_changed',
      message:
        'Cette session a été modifiée par quelqu’un d’autre depuis que vous avez ouvert ce formulaire : rien n’a été enregistré, pour ne pas effacer ses changements. Rechargez la page pour voir ses valeurs actuelles, puis refaites les vôtres.',
    });
    const [kept] = (await t.client().get(`/api/activities/${id}`)).json<{
      activity: { sessions: { places: number; priceCents: number; revision: number }[] };
    }>().activity.sessions;
    expect(kept).toMatchObject({ places: 5, priceCents: 70_000, revision: 2 });
    // Reloaded, the change goes through; without `basedOn` (older callers) as before.
    expect(
      (await jeunesse.put(url, { ...summer, places: 5, priceCents: 72_000, basedOn: 2 })).json(),
    ).toMatchObject({ places: 5, priceCents: 72_000, revision: 3 });
    expect((await jeunesse.put(url, { ...summer, places: 6 })).json()).toMatchObject({
      revision: 4,
    });
  });
});

describe('an activity changed by two gestionnaires', () => {
  it('refuses a change from a page read before the other saved, rather than write over it', async () => {
    const { id } = await activityWithSessions([]);
    const url = `/api/staff/activities/${id}`;
    const photo = { url: 'https://example.org/lac.jpg', alt: 'Le lac au matin' };
    // One adds a photo; the other's page, read before, would take it away as it unpublishes.
    expect(
      (await jeunesse.put(url, { ...colony, pictures: [photo], basedOn: 1 })).json(),
    ).toMatchObject({ revision: 2 });
    const stale = await jeunesse.put(url, { ...colony, published: false, basedOn: 1 });
    expect(stale.status).toBe(409);
    const refusal = stale.json<{ error: string; message: string }>();
    expect(refusal.error).toBe('activity_changed');
    expect(refusal.message).toMatch(/^Cette activité a été modifiée par quelqu’un d’autre/);
    expect((await t.client().get(url.replace('/staff', ''))).json()).toMatchObject({
      activity: { published: true, pictures: [photo], revision: 2 },
    });
    expect(
      (
        await jeunesse.put(url, { ...colony, pictures: [photo], published: false, basedOn: 2 })
      ).json(),
    ).toMatchObject({ published: false, revision: 3 });
    // An activity that does not exist is still not found.
    expect(
      (await jeunesse.put('/api/staff/activities/00000000-0000-0000-0000-000000000000', colony))
        .status,
    ).toBe(404);
  });
});

describe('registration requests', () => {
  it('quote choice 1 with the rules engine before sending, then keep the request', async () => {
    const { sessionIds } = await activityWithSessions([
      summer,
      { ...summer, label: 'Août', firstDay: '2021-08-02', lastDay: '2021-08-15' },
    ]);
    const { client } = await family(40_000);
    const body = request(sessionIds, {
      choices: [
        { sessionId: sessionIds[0], transportCity: 'Paris' },
        { sessionId: sessionIds[1], transportCity: null },
      ],
    });
    const preview = (await client.post('/api/me/registrations/quote', body)).json<{
      choices: {
        subsidyCents: number;
        leftToPayCents: number;
        depositCents: number;
        explanation?: unknown[];
      }[];
    }>();
    const [record] = await t.db.query<{
      quotient_cents: number;
      annual_ceiling_cents: number | null;
    }>(
      `SELECT quotient_cents::int AS quotient_cents, annual_ceiling_cents::int AS annual_ceiling_cents FROM agent_records r
         JOIN users u ON u.id = r.member_id WHERE u.email = 'famille2@example.org'`,
    );
    const engine = quoteStay(packs.get('inserm-2021'), {
      quotientCents: record?.quotient_cents ?? 0,
      annualCeilingCents: record?.annual_ceiling_cents ?? null,
      participant: { relation: 'child', birthDate: '2012-03-04', disabled: false },
      activity: {
        sector: 'jeunesse',
        kind: 'caes',
        capCategory: 'holidayCentreFrance',
        firstDay: '2021-07-10',
        lastDay: '2021-07-23',
        priceCents: 70_000,
        transportCents: 8_000,
        ski: false,
      },
      requestDate: '2021-04-15',
      used: NOTHING_USED,
      skiAidRequested: false,
    });
    expect(preview.choices[0]).toMatchObject({
      subsidyCents: engine.subsidyCents,
      leftToPayCents: engine.leftToPayCents,
      depositCents: engine.depositCents,
    });
    expect(preview.choices[0]?.explanation?.length).toBeGreaterThan(3);
    expect(preview.choices[1]?.explanation).toBeUndefined();

    const created = await client.post('/api/me/registrations', body);
    expect(created.status).toBe(201);
    const registration = created.json<{ id: string; status: string; number: number }>();
    expect(registration.status).toBe('requested');
    expect((await client.post('/api/me/registrations', body)).status).toBe(409);

    // The Fiche Agent queue by sector: households with a request of that sector this year.
    await createUser(t.db, { identifier: 'GEST-FA', role: 'staff', sectors: ['fiche-agent'] });
    const records = t.client();
    await records.login('GEST-FA', PASSWORD);
    const queue = async (sector: string) =>
      (await records.get(`/api/staff/agent-records?status=validated&year=2021&sector=${sector}`))
        .json<{ records: { lastName: string }[] }>()
        .records.map((r) => r.lastName);
    expect(await queue('jeunesse')).toContain('Famille2');
    expect(await queue('vacances')).not.toContain('Famille2');
    expect((await records.get('/api/staff/agent-records?sector=cuisine')).status).toBe(400);

    // Changed until closing: choice 2 dropped.
    const changed = await client.put(
      `/api/me/registrations/${registration.id}`,
      request([sessionIds[0] ?? '']),
    );
    expect(changed.json<{ choices: unknown[] }>().choices).toHaveLength(1);

    const pdf = await client.get(`/api/me/registrations/${registration.id}/form.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const stranger = await family(40_000);
    expect(
      (await stranger.client.get(`/api/me/registrations/${registration.id}/form.pdf`)).status,
    ).toBe(404);
    expect((await stranger.client.delete(`/api/me/registrations/${registration.id}`)).status).toBe(
      404,
    );
  });

  it('refuses with a field-level message: age on the first day, no ayant droit, no validated record, too many choices', async () => {
    const { sessionIds } = await activityWithSessions([summer]);
    const teen = await family(30_000, '2005-01-01', 'Max');
    const old = await teen.client.post('/api/me/registrations', request(sessionIds));
    expect(old.status).toBe(400);
    expect(old.json()).toMatchObject({
      issues: [
        {
          path: 'choices.0.sessionId',
          message: 'session réservée aux 6–12 ans : Max aura 16 ans le premier jour',
        },
      ],
    });
    const self = await teen.client.post(
      '/api/me/registrations',
      request(sessionIds, { dependantIndex: null }),
    );
    expect(self.json()).toMatchObject({
      issues: [
        {
          path: 'dependantIndex',
          message: 'le secteur Jeunesse est réservé aux enfants ayants droit',
        },
      ],
    });
    const unknown = await teen.client.post(
      '/api/me/registrations',
      request(sessionIds, { dependantIndex: 4 }),
    );
    expect(unknown.json()).toMatchObject({ issues: [{ path: 'dependantIndex' }] });
    const four = await teen.client.post(
      '/api/me/registrations',
      request([...sessionIds, ...sessionIds, ...sessionIds, ...sessionIds]),
    );
    expect(four.status).toBe(400);
    await createUser(t.db, { identifier: 'IN-000799' });
    const noRecord = t.client();
    await noRecord.login('IN-000799', PASSWORD);
    const answer = await noRecord.post('/api/me/registrations', request(sessionIds));
    expect(answer.status).toBe(422);
    expect(answer.json()).toMatchObject({
      message: 'Votre Fiche Agent 2021 doit être validée avant toute demande.',
    });
    const ski = await teen.client.post(
      '/api/me/registrations/quote',
      request(sessionIds, { skiAid: true }),
    );
    expect(ski.json()).toMatchObject({ issues: [{ path: 'skiAid' }] });
  });

  it('allows one school trip per child and school year, and one trip every 3 years', async () => {
    const school = await activityWithSessions(
      [
        { ...summer, label: 'Classe de mer', firstDay: '2021-06-01', lastDay: '2021-06-05' },
        { ...summer, label: 'Classe verte', firstDay: '2021-06-14', lastDay: '2021-06-18' },
      ],
      {
        ...colony,
        title: 'Classe transplantée',
        schoolTrip: true,
        capCategory: 'campingHostelClass',
      },
    );
    const { client } = await family(30_000);
    expect(
      (await client.post('/api/me/registrations', request([school.sessionIds[0] ?? '']))).status,
    ).toBe(201);
    const second = await client.post(
      '/api/me/registrations',
      request([school.sessionIds[1] ?? '']),
    );
    expect(second.json()).toMatchObject({
      issues: [
        {
          message:
            'un seul voyage scolaire par enfant et par année scolaire : Lou en a déjà un en 2020-2021',
        },
      ],
    });

    // Voyages: once every 3 years per agent (a trip of 2019 still counts in 2021).
    const voyages = t.client();
    await voyages.login('GEST-VO', PASSWORD);
    const trip = (
      await voyages.post('/api/staff/activities', {
        ...colony,
        title: 'Istanbul',
        sector: 'voyages',
        capCategory: 'flight',
      })
    ).json<{ id: string }>();
    const departure = (
      await voyages.post(`/api/staff/activities/${trip.id}/sessions`, {
        ...summer,
        label: 'Octobre',
        minAge: 0,
        maxAge: 120,
        firstDay: '2021-10-20',
        lastDay: '2021-10-27',
      })
    ).json<{ id: string }>();
    await t.db.query(
      `INSERT INTO registration_requests (member_id, record_id, participant, participant_key, choices, session_ids, sector, year, deposit_method, quotes, status)
       SELECT member_id, record_id, participant, 'member', '[]', '{}', 'voyages', 2019, 'cheque', '[]', 'confirmed'
         FROM registration_requests WHERE session_ids && $1::uuid[]`,
      [school.sessionIds],
    );
    const again = await client.post(
      '/api/me/registrations',
      request([departure.id], { dependantIndex: null }),
    );
    expect(again.json()).toMatchObject({
      issues: [
        { message: 'un voyage tous les 3 ans : le vôtre de 2019 ouvre droit au suivant en 2022' },
      ],
    });
  });
});

describe('allowances used', () => {
  it('counts the confirmed days and subsidy of the year: beyond 45 youth days the quote says why, and the ceiling goes down', async () => {
    const { sessionIds } = await activityWithSessions([
      // Closed and already allocated: requests take places first come, first served.
      {
        ...summer,
        label: 'Long séjour',
        firstDay: '2021-06-01',
        lastDay: '2021-07-10',
        maxAge: 17,
        closesOn: '2021-04-01',
      },
      { ...summer, label: 'Août', firstDay: '2021-08-02', lastDay: '2021-08-15', maxAge: 17 },
    ]);
    const [long, august] = sessionIds as [string, string];
    await t.db.query('UPDATE activity_sessions SET allocated_at = now() WHERE id = $1', [long]);
    const { client } = await family(30_000);
    const confirmed = (await client.post('/api/me/registrations', request([long]))).json<{
      status: string;
      quotes: { subsidyCents: number; usage: { youthDays: number; ceilingCents: number } }[];
    }>();
    expect(confirmed.status).toBe('confirmed');
    expect(confirmed.quotes[0]?.usage.youthDays).toBe(40);
    const preview = (await client.post('/api/me/registrations/quote', request([august]))).json<{
      choices: { reasons: { code: string; text: string }[] }[];
    }>();
    expect(preview.choices[0]?.reasons).toContainEqual({
      code: 'day_allowance',
      text: '45 jours subventionnés par an, 40 déjà utilisés : 5 jours subventionnés sur 14',
    });
    const entitlements = (await client.get('/api/me/entitlements/2021')).json<{
      record: { annualCeilingUsedCents: number };
    }>();
    expect(entitlements.record.annualCeilingUsedCents).toBe(
      confirmed.quotes[0]?.usage.ceilingCents,
    );
    expect(entitlements.record.annualCeilingUsedCents).toBeGreaterThan(0);
  });
});

describe('selection at closing', () => {
  it('places by priority and ranked choices, the same way every time, explains each decision and tells every family', async () => {
    const { sessionIds } = await activityWithSessions([
      summer,
      { ...summer, label: 'Août', places: 1, firstDay: '2021-08-02', lastDay: '2021-08-15' },
    ]);
    const [july, august] = sessionIds as [string, string];
    const rich = await family(90_000); // never went, high QF: July full → August
    const poor = await family(12_000); // never went, lowest QF among those
    const middle = await family(40_000);
    const veteran = await family(8_000); // lowest QF, but went with the youth sector before
    await rich.client.post('/api/me/registrations', request([july, august]));
    await poor.client.post('/api/me/registrations', request([july]));
    await middle.client.post('/api/me/registrations', request([july, august]));
    await veteran.client.post('/api/me/registrations', request([july]));
    // A stay of 2020 with the youth sector (history).
    await t.db.query(
      `INSERT INTO registration_requests (member_id, record_id, participant, participant_key, choices, session_ids, sector, year, deposit_method, quotes, status)
       SELECT member_id, record_id, participant, participant_key, '[]', '{}', 'jeunesse', 2020, 'cheque', '[]', 'confirmed'
         FROM registration_requests r JOIN users u ON u.id = r.member_id WHERE u.email = $1`,
      [veteran.email],
    );
    expect(
      (await jeunesse.get('/api/staff/selection/jeunesse')).json<{ decisions: unknown[] }>()
        .decisions,
    ).toEqual([]);

    // Staff close the registrations (closing day moved before today).
    for (const id of sessionIds)
      await jeunesse.put(`/api/staff/activities/${await jeunesseActivityOf(id)}/sessions/${id}`, {
        ...summer,
        ...(id === august
          ? { label: 'Août', places: 1, firstDay: '2021-08-02', lastDay: '2021-08-15' }
          : {}),
        closesOn: '2021-04-14',
      });
    const preview = (await jeunesse.get('/api/staff/selection/jeunesse')).json<{
      token: string;
      decisions: {
        member: string;
        outcome: string;
        rank: number | null;
        sessionId: string;
        reasons: string[];
      }[];
    }>();
    const again = (await jeunesse.get('/api/staff/selection/jeunesse')).json<{ token: string }>();
    expect(again.token).toBe(preview.token);
    const outcomes = preview.decisions.map((d) => [d.member.split(' ')[0], d.outcome, d.rank]);
    const name = (f: { email: string }) => `Famille${f.email.replace(/\D/g, '')}`;
    expect(outcomes).toEqual([
      [name(poor), 'confirmed', 1],
      [name(middle), 'confirmed', 1],
      [name(rich), 'confirmed', 2],
      [name(veteran), 'waiting', 1],
    ]);
    expect(preview.decisions[2]?.reasons.join(' ')).toContain(
      'Choix 1 (Colonie à la mer — Juillet) : complet',
    );
    expect(preview.decisions[3]?.reasons[0]).toContain('a déjà participé avec le secteur');

    expect((await jeunesse.post('/api/staff/selection/jeunesse', { token: 'autre' })).status).toBe(
      409,
    );
    const applied = await jeunesse.post('/api/staff/selection/jeunesse', { token: preview.token });
    // The answer counts what was done; the decisions are the preview's.
    expect(applied.json()).toEqual({
      sessions: sessionIds.length,
      confirmed: 3,
      waiting: 1,
      refused: 0,
    });
    expect((await mailsTo(t.db, rich.email)).at(-1)?.subject).toMatch(/place confirmée/);
    expect((await mailsTo(t.db, veteran.email)).at(-1)?.subject).toMatch(/liste d’attente/);
    const [audit] = await t.db.query<{ details: { confirmed: number } }>(
      `SELECT details FROM audit_log WHERE action = 'selection.apply'`,
    );
    expect(audit?.details.confirmed).toBe(3);

    const csv = await jeunesse.get(`/api/staff/sessions/${july}/participants.csv`);
    const text = csv.body as string;
    expect(text.startsWith('\uFEFFN° demande;Statut;Participant')).toBe(true);
    expect(text.split('\r\n').filter((line) => line.includes(';confirmé;'))).toHaveLength(2);
    expect(text).toContain(';liste d’attente;');
    const pdf = await jeunesse.get(`/api/staff/sessions/${july}/participants.pdf`);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    // A freed place goes to the next on the waiting list.
    const [poorRequest] = (await poor.client.get('/api/me/registrations')).json<{
      registrations: { id: string }[];
    }>().registrations;
    const withdrawn = await poor.client.delete(`/api/me/registrations/${poorRequest?.id ?? ''}`);
    expect(withdrawn.status).toBe(409);
    expect(withdrawn.json<{ message: string }>().message).toContain('écrivez au secteur');
    // Each confirmed place was invoiced; staff cancel one: a credit note, and the place moves on.
    const invoices = (await poor.client.get('/api/me/invoices')).json<{
      invoices: { invoice: { kind: string; reference: string; totalCents: number } }[];
    }>().invoices;
    expect(invoices.map((i) => i.invoice.kind)).toEqual(['invoice']);
    expect(invoices[0]?.invoice.reference).toMatch(/^F-2021-\d{6}$/);
    const cancelled = await jeunesse.post(
      `/api/staff/registrations/${poorRequest?.id ?? ''}/cancel`,
      { organismFeeCents: 0 },
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.json()).toMatchObject({ feeCents: 0, refundCents: 0, feeInvoice: null });
    const after = (await poor.client.get('/api/me/invoices')).json<{
      invoices: {
        invoice: { kind: string; totalCents: number };
        account: { balanceCents: number };
      }[];
    }>().invoices;
    expect(after.map((i) => i.invoice.kind).sort()).toEqual(['credit_note', 'invoice']);
    expect(after.find((i) => i.invoice.kind === 'invoice')?.account.balanceCents).toBe(0);
    const veteranRequest = (await veteran.client.get('/api/me/registrations'))
      .json<{ registrations: { year: number; status: string; placedSessionId: string }[] }>()
      .registrations.find((r) => r.year === 2021);
    expect(veteranRequest).toMatchObject({ status: 'confirmed', placedSessionId: july });
    expect((await mailsTo(t.db, veteran.email)).at(-1)?.subject).toMatch(/place confirmée/);

    // After the selection, late requests take what is left, first come first served.
    const late = await family(5_000);
    const answer = await late.client.post('/api/me/registrations', request([july, august]));
    expect(answer.json()).toMatchObject({ status: 'waiting', late: true, placedSessionId: july });
  });

  it('puts first, between equal quotients, the request complete first in time — also in October’s repeated hour', async () => {
    const { sessionIds } = await activityWithSessions([{ ...summer, places: 1 }]);
    const [july] = sessionIds as [string];
    const later = await family(30_000);
    const earlier = await family(30_000);
    await later.client.post('/api/me/registrations', request([july]));
    await earlier.client.post('/api/me/registrations', request([july]));
    // 25 October 2020 in Paris: 02:40 summer time, then 02:10 winter time half an hour later.
    for (const [{ email }, at] of [
      [later, '2020-10-25 01:10:00+00'],
      [earlier, '2020-10-25 00:40:00+00'],
    ] as const)
      await t.db.query(
        'UPDATE registration_requests r SET complete_at = $2 FROM users u WHERE u.id = r.member_id AND u.email = $1',
        [email, at],
      );
    await jeunesse.put(`/api/staff/activities/${await jeunesseActivityOf(july)}/sessions/${july}`, {
      ...summer,
      places: 1,
      closesOn: '2021-04-14',
    });
    const { decisions } = (await jeunesse.get('/api/staff/selection/jeunesse')).json<{
      decisions: { member: string; outcome: string; reasons: string[] }[];
    }>();
    const name = (f: { email: string }) => `Famille${f.email.replace(/\D/g, '')}`;
    expect(decisions.map((d) => [d.member.split(' ')[0], d.outcome])).toEqual([
      [name(earlier), 'confirmed'],
      [name(later), 'waiting'],
    ]);
    expect(decisions[0]?.reasons[0]).toMatch(/demande complète le 25\/10\/2020\.$/);
  });
});

describe('a Fiche validated again while a form is open', () => {
  it('finds the person the form listed in the Fiche in force, by who they are, not by rank', async () => {
    await createUser(t.db, { identifier: 'GEST-FA-RE', role: 'staff', sectors: ['fiche-agent'] });
    const fiche = t.client();
    await fiche.login('GEST-FA-RE', PASSWORD);
    const LEA = { relation: 'child', firstName: 'Léa', birthDate: '2012-05-01' } as const;
    const TOM = { relation: 'child', firstName: 'Tom', birthDate: '2014-06-01' } as const;
    const { id: memberId, client } = await familyWithRecord(t, {
      identifier: 'IN-000960',
      taxIncomeEuros: 30_000,
      dependants: [LEA, TOM],
    });
    const { id: activityId, sessionIds } = await activityWithSessions([summer]);
    const { costs } = (await client.get(`/api/activities/${activityId}`)).json<{
      costs: { dependantIndex: number | null; recordId: string; firstName: string }[];
    }>();
    const tom = costs.find((c) => c.firstName === 'Tom');
    expect(tom?.dependantIndex).toBe(1);
    // Léa left the household, a baby came: the Fiche now lists Tom first.
    const renewal = await submittedRecord(t.db, memberId, {
      taxIncomeEuros: 30_000,
      dependants: [TOM, { relation: 'child', firstName: 'Zoé', birthDate: '2020-12-01' }],
    });
    const validated = await fiche.post(`/api/staff/agent-records/${renewal}/validate`);
    expect(validated.json()).toMatchObject({ status: 'validated' });

    const request = (dependantIndex: number, recordId?: string) =>
      client.post('/api/me/registrations', {
        dependantIndex,
        recordId,
        choices: [{ sessionId: sessionIds[0] }],
        depositMethod: 'cheque',
      });
    const gone = await request(0, tom?.recordId);
    expect(gone.status).toBe(400);
    expect(gone.json()).toMatchObject({
      issues: [
        {
          path: 'dependantIndex',
          message:
            'Léa n’est pas sur votre Fiche Agent 2021 validée : vérifiez votre fiche, ou choisissez une autre personne',
        },
      ],
    });
    expect((await request(1, '6f1c2a3b-0000-4000-8000-000000000000')).json()).toMatchObject({
      issues: [{ path: 'recordId', message: 'Fiche Agent inconnue : rechargez la page' }],
    });
    const sent = await request(1, tom?.recordId);
    expect(sent.status).toBe(201);
    expect(sent.json()).toMatchObject({
      participant: { firstName: 'Tom' },
      dependantIndex: 0,
    });
    // The same for a claim, whose form lists the people of a Fiche too.
    const claim = await client.post('/api/me/claims', {
      ...festivalClaim([await uploadReceipt(client)]),
      dependantIndex: 1,
      recordId: tom?.recordId,
    });
    expect(claim.status).toBe(201);
    expect(claim.json()).toMatchObject({ participant: { firstName: 'Tom' } });
  });
});

describe('a household whose Fiche changed during the year', () => {
  it('is quoted on the day its situation changed: a baby born in March is no obstacle to an older child’s request', async () => {
    const { client } = await familyWithRecord(t, {
      identifier: 'IN-000961',
      taxIncomeEuros: 30_000,
      situationChangedOn: '2021-03-10',
      dependants: [
        { relation: 'child', firstName: 'Léa', birthDate: '2012-05-01' },
        { relation: 'child', firstName: 'Noé', birthDate: '2021-03-10' },
      ],
    });
    const { sessionIds } = await activityWithSessions([summer]);
    const sent = await client.post('/api/me/registrations', {
      dependantIndex: 0,
      choices: [{ sessionId: sessionIds[0] }],
      depositMethod: 'cheque',
    });
    expect(sent.status).toBe(201);
    expect(sent.json()).toMatchObject({ participant: { firstName: 'Léa' } });
  });
});
