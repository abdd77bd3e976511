// The barème studio (issue 17): an admin's draft from a pack, saved with its faults named, its
// cost on the committee's households, its test cases, publishing under an id and a period, and
// each member's « what changes for you » — through the API, on both databases.
import { compilePack, type PackRegistry } from '@entraide/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appContext } from '../src/app.ts';
import { createMailer } from '../src/modules/notifications/mailer.ts';
import { announceComingPacks } from '../src/modules/packs/pack-changes.ts';
import { PublishedPacks } from '../src/modules/packs/published-packs.ts';
import {
  createUser,
  mailsTo,
  ownPacks,
  PASSWORD,
  testApp,
  type Client,
  type TestApp,
} from './harness.ts';
import { book, family, openPlaces } from './place-fixtures.ts';

/** What the tests change of a draft's data (the rest travels as it is). */
interface DraftData {
  [key: string]: unknown;
  grids: { standard: { formula: Record<string, string>; statedThresholds?: unknown } };
  gridRules: [{ grid: string }];
  promo: Record<string, unknown>;
  sources: Record<string, string>;
  cases: Record<string, unknown>[];
  validity: unknown;
}

interface DraftAnswer {
  draft: { id: string; status: string; data: DraftData; revision: number };
  check: {
    faults: { path: string; message: string }[];
    warnings: string[];
    cases: { name: string; differences: string[] }[];
  };
  parameters: {
    path: string;
    label: string;
    unit: string;
    value: unknown;
    source: string | null;
  }[];
}

let t: TestApp;
let registry: PackRegistry;
let admin: Client;
let draftId: string;
let members: { id: string; client: Client }[];

beforeAll(async () => {
  registry = ownPacks(); // its own: publishing adds to it
  t = await testApp({}, registry); // calendar: 2021-04-15
  await createUser(t.db, { identifier: 'STUDIO-ADMIN', role: 'admin' });
  admin = t.client();
  await admin.login('STUDIO-ADMIN', PASSWORD);
  await createUser(t.db, { identifier: 'STUDIO-STAFF', role: 'staff', sectors: ['jeunesse'] });
  const staff = t.client();
  await staff.login('STUDIO-STAFF', PASSWORD);
  // Last year's population: three families, two of them with a child's confirmed place.
  const [session] = await openPlaces(t, staff, [
    { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 100_000 },
  ]);
  members = [await family(t, 30_000), await family(t, 60_000), await family(t, 120_000)];
  for (const member of members.slice(0, 2))
    expect((await book(member.client, session ?? '')).status).toBe(201);
}, 60_000);
afterAll(() => t.close());

const draft = async (): Promise<DraftAnswer> =>
  (await admin.get(`/api/admin/pack-drafts/${draftId}`)).json<DraftAnswer>();
const save = (data: Record<string, unknown>) =>
  admin.put(`/api/admin/pack-drafts/${draftId}`, { data });

describe('drafts', () => {
  it('starts next year’s draft from a pack, checked, every parameter a field with its unit', async () => {
    const created = await admin.post('/api/admin/pack-drafts', { basedOn: 'inserm-2021' });
    expect(created.status).toBe(201);
    const answer = created.json<DraftAnswer>();
    draftId = answer.draft.id;
    expect(answer.draft.data.id).toBe('inserm-2022');
    expect(answer.draft.data.validity).toMatchObject({ from: '2022-01-01', to: '2022-12-31' });
    expect(answer.check.faults).toEqual([]);
    expect(answer.check.cases.length).toBeGreaterThan(0);
    expect(answer.check.cases.every((c) => c.differences.length === 0)).toBe(true);
    expect(answer.parameters).toContainEqual(
      expect.objectContaining({
        path: 'grids.standard.formula.intercept',
        label: 'Constante de la formule du taux (standard)',
        unit: '%',
        value: '86.2555',
      }),
    );
    expect(answer.parameters).toContainEqual(
      expect.objectContaining({ path: 'annualCeiling.couple.2.max', unit: '€', value: '3000' }),
    );
  });

  it('is the admin’s alone', async () => {
    const staff = t.client();
    await staff.login('STUDIO-STAFF', PASSWORD);
    expect((await staff.get('/api/admin/pack-drafts')).status).toBe(403);
    expect((await members[0]?.client.get(`/api/admin/pack-drafts/${draftId}`))?.status).toBe(403);
    expect((await staff.post('/api/admin/pack-drafts', { basedOn: 'inserm-2021' })).status).toBe(
      403,
    );
  });

  it('saves a draft with faults, naming every one of them at once', async () => {
    const { data } = (await draft()).draft;
    const faulty = structuredClone(data);
    faulty.grids.standard.formula.intercept = 'quatre-vingt-dix';
    faulty.gridRules[0].grid = 'inconnue';
    const saved = await save(faulty);
    expect(saved.status).toBe(200);
    const paths = saved.json<DraftAnswer>().check.faults.map((f) => f.path);
    expect(paths).toContain('grids.standard.formula.intercept');
    // The schema's faults come first; once they are fixed, the references are checked, all at once.
    faulty.grids.standard.formula.intercept = '86.2555';
    faulty.promo = { ...faulty.promo, overflowGrid: 'autre' };
    faulty.sources = { 'grids.nulle.formula.min': 'CA du 1er décembre' };
    const references = (await save(faulty)).json<DraftAnswer>().check.faults.map((f) => f.path);
    expect(references).toEqual([
      'gridRules.0.grid',
      'promo.overflowGrid',
      'sources.grids.nulle.formula.min',
    ]);
    // Nothing typed is lost, and the impact waits for a complete barème.
    expect((await draft()).draft.data.gridRules[0].grid).toBe('inconnue');
    expect((await admin.get(`/api/admin/pack-drafts/${draftId}/impact`)).status).toBe(422);
    expect((await save(data)).json<DraftAnswer>().check.faults).toEqual([]);
  });

  it('checks what is on the screen without saving it', async () => {
    const { data } = (await draft()).draft;
    const typed = structuredClone(data);
    typed.grids.standard.formula.slope = 'trois';
    const checked = await admin.post(`/api/admin/pack-drafts/${draftId}/check`, { data: typed });
    expect(checked.status).toBe(200);
    expect(checked.json<DraftAnswer['check']>().faults.map((f) => f.path)).toEqual([
      'grids.standard.formula.slope',
    ]);
    expect((await draft()).draft.data.grids.standard.formula.slope).toBe('3.3716');
    expect(
      (await members[0]?.client.post(`/api/admin/pack-drafts/${draftId}/check`, { data }))?.status,
    ).toBe(403);
  });

  it('runs the cases and warns of a changed figure whose source is still the old one', async () => {
    const { data } = (await draft()).draft;
    data.grids.standard.formula.intercept = '90';
    data.grids.standard.formula.slope = '3.5';
    data.sources = { 'grids.standard.formula.intercept': 'CA du 10 décembre 2021, point 4' };
    const { check, parameters } = (await save(data)).json<DraftAnswer>();
    expect(check.faults).toEqual([]);
    expect(check.warnings).toContain(
      'Baisse du taux par tranche de QF (standard) a changé depuis inserm-2021 : écrivez la source de la nouvelle valeur.',
    );
    expect(check.warnings.join(' ')).not.toContain(
      'Constante de la formule du taux (standard) a changé',
    );
    expect(parameters).toContainEqual(
      expect.objectContaining({
        path: 'grids.standard.formula.intercept',
        source: 'CA du 10 décembre 2021, point 4',
      }),
    );
    // The brochure's 58 % at a quotient of 8 380 € becomes 90 − 3,5 × 8,38 = 60,67, held at 60 %.
    const example = check.cases.find((c) => c.name.startsWith('L’exemple du barème'));
    expect(example?.differences.join('\n')).toMatch(
      /taux standard : attendu 58,00\s%, obtenu 60,00\s%/,
    );
  });
});

describe('the cost before the vote', () => {
  it('prices every validated household and last year’s places and claims under both packs', async () => {
    // The first family's ANCV sport coupons of 2021 (200 €), approved: the standard grid's rate
    // on at most 150 €.
    await t.db.query(
      `INSERT INTO claims (member_id, record_id, year, type, sector, participant, participant_key, details, document_ids, quote, status, approved_cents)
       SELECT member_id, id, 2021, 'ancvCoupons', 'sports', '{"relation":"member","birthDate":"1980-01-01","disabled":false}',
              'member', '{"organism":"ANCV","firstDay":"2021-03-01","lastDay":"2021-03-01","paidCents":20000,"capCategory":null,"km":null,"roundTrips":null,"travelCents":null}',
              '{}', '{}', 'approved', 0
         FROM agent_records WHERE member_id = $1 AND status = 'validated'`,
      [members[0]?.id],
    );
    const answer = await admin.get(`/api/admin/pack-drafts/${draftId}/impact`);
    expect(answer.status).toBe(200);
    const impact = answer.json<{
      households: number;
      stays: number;
      claims: number;
      current: { totalCents: number; bySector: Record<string, number> };
      draft: { totalCents: number; bySector: Record<string, number> };
      better: number;
      worse: number;
      unchanged: number;
      deciles: { households: number; currentCents: number; draftCents: number }[];
    }>();
    expect(impact.households).toBe(3);
    expect(impact.stays).toBe(2);
    expect(impact.claims).toBe(1);
    // Both places were quoted at the rates of inserm-2021 when booked: the same sum, recomputed.
    const booked = await t.db.query<{ cents: number }>(
      `SELECT sum((q ->> 'subsidyCents')::int)::int AS cents FROM registration_requests r,
              jsonb_array_elements(r.quotes) q WHERE q ->> 'sessionId' = r.placed_session_id::text`,
    );
    expect(impact.current.bySector.jeunesse).toBe(booked[0]?.cents);
    // The coupons: 150 € at the family's standard rate, higher under the draft.
    const { sports = 0 } = impact.current.bySector;
    expect(sports).toBeGreaterThanOrEqual(1_500);
    expect(sports).toBeLessThanOrEqual(9_000);
    expect(impact.draft.bySector.sports).toBeGreaterThan(sports);
    expect(impact.current.totalCents).toBe((booked[0]?.cents ?? 0) + sports);
    expect(impact.draft.totalCents).toBeGreaterThan(impact.current.totalCents);
    expect(impact.better + impact.worse + impact.unchanged).toBe(3);
    expect(impact.worse).toBe(0);
    const sum = (key: 'currentCents' | 'draftCents') =>
      impact.deciles.reduce((total, d) => total + d[key], 0);
    expect(sum('currentCents')).toBe(impact.current.totalCents);
    expect(sum('draftCents')).toBe(impact.draft.totalCents);
    expect(impact.deciles.reduce((n, d) => n + d.households, 0)).toBe(3);
  });

  it('exports one row per household to a spreadsheet', async () => {
    const answer = await admin.get(`/api/admin/pack-drafts/${draftId}/impact.xlsx`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toContain('spreadsheetml');
    const sheet = answer.body as string; // stored, not compressed: its XML reads as text
    expect(sheet.slice(0, 2)).toBe('PK');
    const identifiers = await t.db.query<{ identifier: string }>(
      'SELECT identifier FROM users WHERE id = ANY($1::uuid[])',
      [members.map((m) => m.id)],
    );
    for (const { identifier } of identifiers) expect(sheet).toContain(`<t>${identifier}</t>`);
    expect(sheet).toContain('Subventions du brouillon (€)');
  });
});

describe('publishing', () => {
  it('refuses a save or a publication on what another admin saved since the page read it', async () => {
    await createUser(t.db, { identifier: 'STUDIO-ADMIN-2', role: 'admin' });
    const other = t.client();
    await other.login('STUDIO-ADMIN-2', PASSWORD);
    const read = await draft();
    const { revision } = read.draft;
    const url = `/api/admin/pack-drafts/${draftId}`;
    // The other admin saves the draft the first one is reading.
    const saved = await other.put(url, { data: read.draft.data, revision });
    expect(saved.json<DraftAnswer>().draft.revision).toBe(revision + 1);
    const stale = await admin.put(url, { data: { ...read.draft.data, label: 'Écrasé' }, revision });
    expect(stale.status).toBe(409);
    expect(stale.json()).toEqual({
      error: 'draft_changed',
      message:
        'Ce brouillon a été enregistré par un autre administrateur depuis que vous l’avez ouvert : rien n’a été enregistré, pour ne pas effacer ses changements. Rechargez la page pour voir sa dernière version, puis refaites les vôtres.',
    });
    // Nor is it published unread: its cost was read on the revision before.
    const publication = { packId: 'inserm-2022', from: '2022-01-01', to: '2022-12-31', revision };
    const unread = await admin.post(`${url}/publish`, publication);
    expect(unread.status).toBe(409);
    expect(unread.json<{ message: string }>().message).toMatch(
      /^Ce brouillon a été modifié par un autre administrateur depuis que vous l’avez relu : rien n’a été publié\./,
    );
    expect(registry.has('inserm-2022')).toBe(false);
    expect((await draft()).draft).toMatchObject({ status: 'draft', revision: revision + 1 });
    expect((await draft()).draft.data.label).toBe(read.draft.data.label);
  });

  it('refuses while a case fails, a name or a period taken, then publishes', async () => {
    const publish = (body: Record<string, unknown>) =>
      admin.post(`/api/admin/pack-drafts/${draftId}/publish`, body);
    const period = { packId: 'inserm-2022', from: '2022-01-01', to: '2022-12-31' };
    const failing = await publish(period);
    expect(failing.status).toBe(422);
    expect(failing.json<{ error: string }>().error).toBe('failing_cases');

    // The cases the new figures replace go; the committee's own example of the new barème comes.
    const answer = await draft();
    const data = answer.draft.data;
    const passing = new Set(
      answer.check.cases.filter((c) => c.differences.length === 0).map((c) => c.name),
    );
    data.cases = data.cases.filter((c) => passing.has(String(c.name)));
    data.cases.push({
      name: 'Personne seule au quotient de 10 000 €',
      source: 'CA du 10 décembre 2021 : 90 − 3,5 × 10 = 55 %',
      date: '2022-03-01',
      household: { taxIncomeEuros: 17_500 },
      expect: { parts: 1.75, quotientCents: 1_000_000, ratesBp: { standard: 5500, majore: 6500 } },
    });
    data.sources['grids.standard.formula.slope'] = 'CA du 10 décembre 2021, point 4';
    // The thresholds the 2021 brochure stated are no longer the formula's: the studio said so.
    expect(answer.check.warnings.filter((w) => w.includes('seuil annoncé'))).toHaveLength(2);
    delete data.grids.standard.statedThresholds;
    const { check } = (await save(data)).json<DraftAnswer>();
    expect(check.cases.every((c) => c.differences.length === 0)).toBe(true);
    expect(check.warnings).toEqual([]);

    expect((await publish({ ...period, packId: 'Inserm 2022' })).status).toBe(400);
    expect((await publish({ ...period, from: '2022-12-31', to: '2022-01-01' })).status).toBe(400);
    expect((await publish({ ...period, packId: 'inserm-2021' })).status).toBe(409);
    const overlap = await publish({ ...period, from: '2021-12-01' });
    expect(overlap.status).toBe(409);
    expect(overlap.json<{ message: string }>().message).toContain('inserm-2021');

    const published = await publish(period);
    expect(published.status).toBe(200);
    expect(registry.get('inserm-2022').data.validity.from).toBe('2022-01-01');
    const simulation = await t.client().post('/api/v1/simulations', {
      pack: 'inserm-2022',
      date: '2022-03-01',
      household: {
        rfrEuros: 17_500,
        couple: false,
        memberDisabled: false,
        spouseDisabled: false,
        children: [],
        disabledAdultDependants: 0,
      },
    });
    expect(simulation.status).toBe(200);
    expect(simulation.json<{ rates: Record<string, number> }>().rates.standard).toBe(55);
  });

  it('is final: neither saved nor deleted again, even in the database', async () => {
    expect((await save((await draft()).draft.data)).status).toBe(409);
    expect((await admin.delete(`/api/admin/pack-drafts/${draftId}`)).status).toBe(409);
    await expect(
      t.db.query("UPDATE pack_drafts SET data = '{}' WHERE id = $1", [draftId]),
    ).rejects.toThrow(/never edited/);
  });

  it('is read by another node, exported as the JSON the engine loads, and shown with its sources', async () => {
    const other = ownPacks();
    await new PublishedPacks(t.db, other).reread();
    expect(other.get('inserm-2022').data).toEqual(registry.get('inserm-2022').data);
    const file = await admin.get('/api/admin/packs/inserm-2022/json');
    expect(compilePack(file.json()).data).toEqual(registry.get('inserm-2022').data);
    const page = await t.client().get('/api/packs/inserm-2022/page');
    expect((await t.client().get('/api/packs/inserm-1999/page')).status).toBe(404);
    expect(
      page.json<{ parameters: { path: string; source: string | null }[] }>().parameters,
    ).toContainEqual(
      expect.objectContaining({
        path: 'grids.standard.formula.slope',
        source: 'CA du 10 décembre 2021, point 4',
      }),
    );
  });

  it('refuses a period or a name another node published a moment ago, before this node read it', async () => {
    // Another node's publication: in the database, not yet in this node's registry.
    const { data } = registry.get('inserm-2022');
    await t.db.query(
      `INSERT INTO pack_drafts (organization, based_on, data, status, pack_id, created_by, updated_by, published_at, published_by)
       SELECT 'inserm', 'inserm-2022', $1, 'published', 'inserm-2025', id, id, now(), id FROM users WHERE identifier = 'STUDIO-ADMIN'`,
      [
        JSON.stringify({
          ...data,
          id: 'inserm-2025',
          validity: { ...data.validity, from: '2025-01-01', to: '2025-12-31' },
        }),
      ],
    );
    expect(registry.has('inserm-2025')).toBe(false);
    const next = await admin.post('/api/admin/pack-drafts', { basedOn: 'inserm-2022' });
    const publish = (body: Record<string, unknown>) =>
      admin.post(`/api/admin/pack-drafts/${next.json<DraftAnswer>().draft.id}/publish`, body);
    const sameName = await publish({ packId: 'inserm-2025', from: '2026-01-01', to: '2026-12-31' });
    expect(sameName.json<{ error: string }>().error).toBe('pack_exists');
    const overlap = await publish({
      packId: 'inserm-2025-bis',
      from: '2025-06-01',
      to: '2026-05-31',
    });
    expect(overlap.status).toBe(409);
    const refusal = overlap.json<{ error: string; message: string }>();
    expect(refusal.error).toBe('period_taken');
    expect(refusal.message).toContain('Le barème inserm-2025 couvre déjà');
  });

  it('imports a pack file as a draft of the same committee only', async () => {
    const file = (await admin.get('/api/admin/packs/cnrs-2019/json')).json();
    const other = await admin.post('/api/admin/pack-drafts', {
      basedOn: 'inserm-2021',
      data: file,
    });
    expect(other.status).toBe(422);
    const own = (await admin.get('/api/admin/packs/inserm-2021/json')).json();
    const imported = await admin.post('/api/admin/pack-drafts', {
      basedOn: 'inserm-2021',
      data: own,
    });
    expect(imported.status).toBe(201);
    const id = imported.json<DraftAnswer>().draft.id;
    expect((await admin.delete(`/api/admin/pack-drafts/${id}`)).status).toBe(204);
    expect((await admin.get(`/api/admin/pack-drafts/${id}`)).status).toBe(404);
  });
});

describe('what changes for you', () => {
  it('shows each member their figures under their Fiche’s pack and the new one', async () => {
    const member = members[1];
    const changes = (await member?.client.get('/api/me/pack-changes'))?.json<{
      changes: {
        recordYear: number;
        before: {
          packId: string;
          quotientCents: number;
          ratesBp: Record<string, number>;
          explanation: unknown[];
        };
        after: {
          packId: string;
          quotientCents: number;
          ratesBp: Record<string, number>;
          explanation: unknown[];
        };
      } | null;
    }>().changes;
    expect(changes?.recordYear).toBe(2021);
    expect(changes?.before.packId).toBe('inserm-2021');
    expect(changes?.after.packId).toBe('inserm-2022');
    // 60 000 € for 3 parts: a quotient of 20 000 €, 86,2555 − 3,3716 × 20 = 18,82 % then 90 − 70 = 20 %.
    expect(changes?.before.quotientCents).toBe(2_000_000);
    expect(changes?.before.ratesBp.standard).toBe(1882);
    expect(changes?.after.ratesBp.standard).toBe(2000);
    expect(changes?.after.explanation.length).toBeGreaterThan(0);
  });

  it('tells each member once by mail, however often the job runs', async () => {
    const ctx = appContext(t.config, t.db, createMailer(null), registry);
    expect(await announceComingPacks(ctx)).toBe(3);
    expect(await announceComingPacks(ctx)).toBe(0);
    const [user] = await t.db.query<{ email: string }>('SELECT email FROM users WHERE id = $1', [
      members[1]?.id,
    ]);
    const mails = await mailsTo(t.db, user?.email ?? '');
    const told = mails.filter((m) => m.subject.includes('Nouveau barème'));
    expect(told).toHaveLength(1);
    expect(told[0]?.text).toMatch(
      /Taux standard : 18,82\s% → 20,00\s%\n\nTaux majoré : 28,82\s% → 30,00\s%/,
    );
  });
});
