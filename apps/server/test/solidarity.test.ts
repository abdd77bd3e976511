import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, mailsTo, PASSWORD, testApp, type Client, type TestApp } from './harness.ts';

let t: TestApp;
let solidarite: Client;
beforeAll(async () => {
  t = await testApp(); // calendar: 2021-04-15
  await createUser(t.db, { identifier: 'GEST-SO', role: 'staff', sectors: ['solidarite'] });
  solidarite = t.client();
  await solidarite.login('GEST-SO', PASSWORD);
});
afterAll(() => t.close());

describe('Solidarité', () => {
  it('checks the loan limits, schedules the repayments, and is seen only by the Solidarité staff', async () => {
    await createUser(t.db, { identifier: 'IN-000961', email: 'pret@example.org' });
    const member = t.client();
    await member.login('IN-000961', PASSWORD);
    const tooMuch = await member.post('/api/me/solidarity', {
      kind: 'loan',
      purpose: 'Réparation de la voiture',
      amountCents: 450_000,
      months: 60,
    });
    expect(tooMuch.json<{ issues: { path: string; message: string }[] }>().issues).toEqual([
      { path: 'amountCents', message: 'un prêt sans intérêt va jusqu’à 4200 €' },
      { path: 'months', message: 'remboursement sur 50 mois au plus' },
    ]);
    const equipment = await member.post('/api/me/solidarity', {
      kind: 'loan',
      purpose: 'Fauteuil roulant électrique',
      amountCents: 500_000,
      months: 72,
      disabilityEquipment: true,
    });
    expect(equipment.status).toBe(201);
    const { id } = equipment.json<{ id: string }>();

    await createUser(t.db, { identifier: 'GEST-JE', role: 'staff', sectors: ['jeunesse'] });
    const jeunesse = t.client();
    await jeunesse.login('GEST-JE', PASSWORD);
    expect((await jeunesse.get('/api/staff/solidarity')).status).toBe(403);
    expect(
      (await jeunesse.post(`/api/staff/solidarity/${id}/decision`, { decision: 'grant' })).status,
    ).toBe(403);
    const other = t.client();
    await createUser(t.db, { identifier: 'IN-000962' });
    await other.login('IN-000962', PASSWORD);
    expect((await other.get('/api/me/solidarity')).json()).toEqual({ requests: [] });

    expect(
      (await solidarite.get('/api/staff/solidarity'))
        .json<{ requests: { id: string }[] }>()
        .requests.map((r) => r.id),
    ).toEqual([id]);
    expect(
      (
        await solidarite.post(`/api/staff/solidarity/${id}/decision`, {
          decision: 'grant',
          amountCents: 600_000,
        })
      ).json(),
    ).toMatchObject({ issues: [{ path: 'amountCents' }] });
    const granted = (
      await solidarite.post(`/api/staff/solidarity/${id}/decision`, { decision: 'grant' })
    ).json<{
      status: string;
      schedule: { dueOn: string; amountCents: number }[];
    }>();
    expect(granted.status).toBe('granted');
    expect(granted.schedule).toHaveLength(72);
    expect(granted.schedule.reduce((sum, s) => sum + s.amountCents, 0)).toBe(500_000);
    expect(granted.schedule[0]).toEqual({ dueOn: '2021-05-31', amountCents: 6_945 });
    expect(granted.schedule.at(-1)?.dueOn).toBe('2027-04-30');
    expect((await mailsTo(t.db, 'pret@example.org')).at(-1)?.text).toContain(
      'remboursable en 72 mensualités',
    );
    expect(
      (await member.get('/api/me/solidarity')).json<{ requests: { schedule: unknown[] }[] }>()
        .requests[0]?.schedule,
    ).toHaveLength(72);
    expect(
      (
        await solidarite.post(`/api/staff/solidarity/${id}/decision`, {
          decision: 'refuse',
          reason: 'x',
        })
      ).status,
    ).toBe(409);
  });
});
