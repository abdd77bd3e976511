// The back office's home (issue 14, point 12): each staff member sees the queues they work, with
// what waits in each — counted among their own sectors only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, PASSWORD, testApp, type Client, type TestApp } from './harness.ts';
import { book, family, openPlaces } from './place-fixtures.ts';

let t: TestApp;
const desk = async (identifier: string, sectors: string[], role: 'staff' | 'admin' = 'staff') => {
  await createUser(t.db, { identifier, role, sectors });
  const client = t.client();
  await client.login(identifier, PASSWORD);
  return client;
};
const queues = async (client: Client) =>
  Object.fromEntries(
    (await client.get('/api/staff/home'))
      .json<{ queues: { key: string; count: number; label: string }[] }>()
      .queues.map((q) => [q.key, q]),
  );

beforeAll(async () => {
  t = await testApp(); // calendar: 2021-04-15
});
afterAll(() => t.close());

describe('the back office home', () => {
  it('counts what waits in each queue of the staff member, within their sectors', async () => {
    const jeunesse = await desk('GEST-HOME-JE', ['jeunesse']);
    const fiche = await desk('GEST-HOME-FA', ['fiche-agent']);
    const vacances = await desk('GEST-HOME-VA', ['vacances']);
    await t.db.query(
      `INSERT INTO sign_up_requests (last_name, first_name, birth_date, email, couple, children)
       VALUES ('Lambert', 'Rose', '1985-01-01', 'rose@example.org', false, '[]'),
              ('Lambert', 'Paul', '1986-01-01', 'paul@example.org', false, '[]')`,
    );
    // A confirmed youth place whose first instalment (the deposit) is due today, unpaid.
    const [session] = await openPlaces(t, jeunesse, [
      { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 100_000 },
    ]);
    const { client } = await family(t, 40_000);
    expect((await book(client, session ?? '')).json()).toMatchObject({ status: 'confirmed' });

    const ofFiche = await queues(fiche);
    expect(Object.keys(ofFiche).sort()).toEqual(['records', 'signUps']);
    expect(ofFiche.signUps).toMatchObject({
      count: 2,
      label: 'demandes d’inscription à examiner',
    });
    const ofJeunesse = await queues(jeunesse);
    expect(ofJeunesse.signUps).toBeUndefined();
    expect(ofJeunesse.overdue).toMatchObject({
      count: 1,
      label: 'facture avec une échéance impayée',
    });
    // The same invoice is not the vacances desk's.
    expect((await queues(vacances)).overdue?.count).toBe(0);
    const admin = await desk('ADMIN-HOME', [], 'admin');
    expect(Object.keys(await queues(admin))).toHaveLength(8);
    expect((await client.get('/api/staff/home')).status).toBe(403);
  });
});
