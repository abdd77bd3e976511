// Paying online (issue 18): a member pays the deposit due now on a phone, through the local test
// provider; the account, the accounting export and the consistency report agree.
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, createUser, PASSWORD } from '../apps/server/test/harness.ts';
import { expectAccessible, phonePage } from './support/browser.ts';
import { childWithPlace, login, useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser();
const plain = (text: string | null) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');

beforeAll(async () => {
  await createUser(env.app.db, { identifier: 'GEST-CB', role: 'staff', sectors: ['jeunesse'] });
  const [activity] = await env.app.db.query<{ id: string }>(
    `INSERT INTO activities (title, sector, kind, cap_category, description, provider, published)
     VALUES ('Séjour océan', 'jeunesse', 'caes', 'holidayCentreFrance', 'Surf et voile.', '{"name":"Océan Jeunes"}', true)
     RETURNING id`,
  );
  const [session] = await env.app.db.query<{ id: string }>(
    `INSERT INTO activity_sessions (activity_id, label, first_day, last_day, min_age, max_age, places, price_cents, closes_on, answer_by, allocated_at)
     VALUES ($1, 'Juillet', '2021-07-01', '2021-07-14', 6, 17, 10, 180000, '2021-04-01', '2021-04-16', now())
     RETURNING id`,
    [activity?.id],
  );
  await childWithPlace(
    env.app,
    {
      identifier: 'IN-000921',
      firstName: 'Nadia',
      lastName: 'Benali',
      taxIncomeEuros: 30_000,
      dependants: [{ relation: 'child', firstName: 'Sami', birthDate: '2011-05-05' }],
    },
    session?.id ?? '',
  );
});

describe('paying online', () => {
  it('a member pays the deposit on a phone through the test provider; the account, the export and the report agree', async () => {
    const page = await phonePage(env.browser);
    await login(page, env.app, 'IN-000921');
    await page.goto(`${env.app.url}/espace/factures`);
    const pay = page.getByRole('button', { name: /^Payer [\d ,]+ € en ligne \(F-2021-\d{6}\)$/ });
    await pay.waitFor();
    await expectAccessible(page);
    const amount = /^Payer ([\d ,]+ €)/.exec(plain(await pay.textContent()))?.[1] ?? '';
    expect(amount).not.toBe('');
    await pay.click();

    // The provider's page (here the local test one): the amount, and what it may answer.
    await page.getByRole('heading', { name: 'Fournisseur de paiement de test' }).waitFor();
    expect(plain(await page.locator('main').textContent())).toContain(amount);
    await page.getByRole('button', { name: 'Payer', exact: true }).click();

    // Back on the committee's site: paid, from the provider's notification.
    await page.getByRole('heading', { level: 1, name: 'Paiement en ligne' }).waitFor();
    const status = page.getByRole('status').filter({ hasText: 'Paiement reçu' });
    await status.waitFor();
    expect(plain(await status.textContent())).toMatch(
      new RegExp(`^Paiement reçu : ${amount} sur la facture F-2021-\\d{6}\\. Merci !$`),
    );
    await expectAccessible(page);

    // The invoice: the card payment, and the next step is the balance.
    await page.getByRole('link', { name: 'Revenir à mes factures' }).click();
    const payments = page.getByRole('list', { name: /^Règlements de F-2021-/ });
    await payments.waitFor();
    expect(plain(await payments.textContent())).toContain(`Carte bancaire : ${amount}`);
    const next = page.getByRole('button', { name: /^Payer [\d ,]+ € en ligne/ });
    await next.waitFor();
    expect(plain(await next.textContent())).not.toContain(`Payer ${amount} `);

    // The staff's side: the export names the online payment, the report finds nothing wrong.
    const staff = new Client(env.app.url, env.app.db);
    await staff.login('GEST-CB', PASSWORD);
    const csv = await staff.get('/api/staff/exports/payments.csv?from=2021-01-01&to=2021-12-31');
    const line = String(csv.body)
      .split('\n')
      .find((row) => row.includes('IN-000921'));
    expect(line).toMatch(/;card;;;[\d,]+;PAY-[0-9A-Z]{10} \(local\);0,00/);
    expect(line).toContain(`;${amount.replace(' €', '').replace(/\s/g, '')};`);
    expect(
      (await staff.get('/api/staff/billing/consistency')).json<{ problems: unknown[] }>().problems,
    ).toEqual([]);
  });
});
