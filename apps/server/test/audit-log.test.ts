// The audit log: each action names the person it concerns, the member's file lists every action
// about them, and the admin's journal reads the whole log a page at a time, narrowed by action,
// by who acted, by the person concerned and by dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detailOf, recordAudit } from '../src/modules/audit/audit-log.ts';
import {
  createUser,
  familyWithRecord,
  festivalClaim,
  PASSWORD,
  testApp,
  uploadReceipt,
  type Client,
  type TestApp,
} from './harness.ts';

interface Journal {
  entries: {
    id: number;
    actor: string | null;
    action: string;
    member: string | null;
    detail: string;
  }[];
  more: boolean;
  actions: { action: string; label: string }[];
}

let t: TestApp;
let admin: Client;
let desk: Client;
beforeAll(async () => {
  t = await testApp(); // calendar: 2021-04-15
  await createUser(t.db, { identifier: 'ADMIN-J', role: 'admin' });
  await createUser(t.db, {
    identifier: 'GEST_FA',
    role: 'staff',
    sectors: ['fiche-agent', 'loisirs-culture'],
  });
  admin = t.client();
  await admin.login('ADMIN-J', PASSWORD);
  desk = t.client();
  await desk.login('GEST_FA', PASSWORD);
});
afterAll(() => t.close());

const journal = async (query = ''): Promise<Journal> => {
  const answer = await admin.get(`/api/admin/audit-log${query}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.json<Journal>();
};

describe('the person an action concerns', () => {
  it('is worked out from its subject: a claim decided shows in the journal, and in the file for those whose work it is', async () => {
    const { id, client } = await familyWithRecord(t, {
      identifier: 'IN-880001',
      taxIncomeEuros: 30_000,
      dependants: [],
    });
    const claim = await client.post('/api/me/claims', festivalClaim([await uploadReceipt(client)]));
    expect(claim.status, JSON.stringify(claim.body)).toBe(201);
    const claimId = claim.json<{ id: string }>().id;
    const decided = await desk.post(`/api/staff/claims/${claimId}/decision`, {
      decision: 'reject',
      reason: 'Billet illisible',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);

    const fileFor = async (viewer: Client) =>
      (await viewer.get(`/api/staff/members/${id}`))
        .json<{ audit: { action: string; member: string | null }[] }>()
        .audit.map((a) => [a.action, a.member]);
    // The admin reads every action about the member: the file's openings, the claim's refusal,
    // the Fiche's validation — nobody else's.
    expect(await fileFor(admin)).toEqual([
      ['member.view', 'IN-880001'],
      ['claim.reject', 'IN-880001'],
      ['agent_record.validate', 'IN-880001'],
    ]);
    // The Fiche Agent desk, its own work only: a claim's decision is its sector's.
    expect(await fileFor(desk)).toEqual([
      ['member.view', 'IN-880001'],
      ['member.view', 'IN-880001'],
      ['agent_record.validate', 'IN-880001'],
    ]);
    const { entries } = await journal('?member=880001');
    expect(entries[2]?.detail).toBe('motif « Billet illisible »');
    expect(entries.map((e) => [e.action, e.actor, e.member])).toEqual([
      ['member.view', 'GEST_FA', 'IN-880001'],
      ['member.view', 'ADMIN-J', 'IN-880001'],
      ['claim.reject', 'GEST_FA', 'IN-880001'],
      ['agent_record.validate', 'IN-880001', 'IN-880001'], // the fixture's shortcut,
    ]);
  });
});

describe('an action’s detail', () => {
  it('says its amounts, references and reasons in words, and nothing of its ids or counts', () => {
    expect(
      detailOf({
        feeCents: 3_000,
        refundCents: 12_000,
        creditNote: 'AV-2021-0004',
        registrationId: '5f0c…',
        reason: 'Séjour annulé',
      }),
    ).toBe(
      'remboursé 120,00\u00a0€ — frais 30,00\u00a0€ — avoir AV-2021-0004 — motif « Séjour annulé »',
    );
    expect(detailOf({ amountCents: 0, reason: null, claims: 3 })).toBe('montant 0,00\u00a0€');
    for (const nothing of [{}, null, { amountCents: '12', reference: 7, reason: '' }])
      expect(detailOf(nothing)).toBe('');
  });
});

describe('the admin’s journal', () => {
  it('reads the log a page at a time, each action once, newest first', async () => {
    const subject = await createUser(t.db, { identifier: 'IN-880002' });
    for (let n = 0; n < 130; n += 1)
      await recordAudit(t.db, null, 'member.export', 'member', subject, { n });
    const first = await journal('?member=IN-880002');
    expect(first.entries).toHaveLength(100);
    expect(first.more).toBe(true);
    const last = first.entries.at(-1)?.id ?? 0;
    const second = await journal(`?member=IN-880002&before=${String(last)}`);
    expect(second.entries).toHaveLength(30);
    expect(second.more).toBe(false);
    const ids = [...first.entries, ...second.entries].map((e) => e.id);
    expect(new Set(ids).size).toBe(130);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('narrows by action, by who acted (a part of it, any case) and by dates', async () => {
    const subject = await createUser(t.db, { identifier: 'IN-880003' });
    const staffId = await createUser(t.db, { identifier: 'GEST-DATES', role: 'staff' });
    for (const [at, action] of [
      ['2021-03-31 23:30', 'budget.set'],
      ['2021-04-01 00:30', 'budget.set'],
      ['2021-04-02 12:00', 'pack.publish'],
      ['2021-04-03 00:10', 'budget.set'],
      // Written last, at an earlier time (a long transaction's): read in the order of time.
      ['2021-04-01 00:20', 'pack.draft'],
    ] as const)
      await t.db.query(
        `INSERT INTO audit_log (actor_id, action, subject_type, subject_id, member_id, created_at)
         VALUES ($1, $2, 'member', $3::text, $3::uuid, $4::timestamp AT TIME ZONE 'Europe/Paris')`,
        [staffId, action, subject, at],
      );
    const days = await journal('?actor=gest-dates&from=2021-04-01&to=2021-04-02');
    expect(days.entries.map((e) => e.action)).toEqual(['pack.publish', 'budget.set', 'pack.draft']);
    // The next page starts after the entry it names, in that order, whichever search leads.
    const second = days.entries[1]?.id ?? 0;
    for (const query of ['?actor=gest-dates', '?member=880003', '?actor=DATES&member=IN-880003'])
      expect(
        (await journal(`${query}&before=${String(second)}`)).entries.map((e) => e.action),
      ).toEqual(['pack.draft', 'budget.set']);
    const budgets = await journal('?actor=DATES&action=budget.set');
    expect(budgets.entries).toHaveLength(3);
    expect(
      (await journal('?action=pack.draft&from=2021-04-01&to=2021-04-01')).entries,
    ).toHaveLength(1);
    // A `_` typed is a `_`, not « any character »: GEST_FA, not GEST-DATES.
    const underscore = await journal('?actor=T_');
    expect(new Set(underscore.entries.map((e) => e.actor))).toEqual(new Set(['GEST_FA']));
    expect(budgets.actions).toContainEqual({
      action: 'budget.set',
      label: 'budget du secteur fixé',
    });
  });

  it('finds the actions of many persons matched by a part of their identifier', async () => {
    // More persons than are read one by one: the log is walked back instead, with the same answer.
    await t.db.query(
      `INSERT INTO users (identifier, email, last_name, first_name, birth_date, role)
       SELECT 'IN-8804' || lpad(i::text, 2, '0'), 'p' || i || '@example.org', 'Martin', 'Claire', '1980-01-01', 'member'
         FROM generate_series(1, 60) AS i`,
    );
    await t.db.query(
      `INSERT INTO audit_log (action, subject_type, subject_id, member_id)
       SELECT 'member.view', 'member', id::text, id FROM users WHERE identifier LIKE 'IN-8804%'`,
    );
    const many = await journal('?member=IN-8804');
    expect(many.entries).toHaveLength(60);
    expect(new Set(many.entries.map((e) => e.member)).size).toBe(60);
    expect(many.more).toBe(false);
    expect((await journal('?member=IN-880401')).entries.map((e) => e.member)).toEqual([
      'IN-880401',
    ]);
  });

  it('refuses a narrowing it cannot read, field by field, in words', async () => {
    const refused = async (query: string) => {
      const answer = await admin.get(`/api/admin/audit-log${query}`);
      expect(answer.status).toBe(400);
      return answer.json<{ issues: { path: string; message: string }[] }>().issues;
    };
    expect(await refused('?from=2021-04-10&to=2021-04-01')).toEqual([
      {
        path: 'to',
        message: 'cette date est avant celle du début : tapez par exemple le même jour',
      },
    ]);
    expect((await refused('?action=member.erase'))[0]?.path).toBe('action');
    for (const before of ['deux', '0', '1.5', '1e300', '9007199254740993'])
      expect((await refused(`?before=${before}`))[0]?.message).toMatch(/rechargez le journal/);
    expect((await refused('?from=2021-02-30'))[0]?.message).toMatch(/n’existe pas/);
    expect((await desk.get('/api/admin/audit-log')).status).toBe(403);
  });
});
