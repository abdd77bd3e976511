// Paying online (issue 18): a member pays the deposit due now on a phone, through the local test
// provider; the account, the accounting export and the consistency report agree.
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, createUser, PASSWORD } from '../apps/server/test/harness.ts';
import {
  confirmAction,
  desktopPage,
  expectAccessible,
  phonePage,
  plain,
} from './support/browser.ts';
import { sharedSecret } from '../apps/server/src/modules/accounts/csrf.ts';
import { localNotification } from '../apps/server/src/modules/payments/local-provider.ts';
import { childWithPlace, login, useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser();

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
  it('a payment page whose reference is unknown says so and leads to the invoices', async () => {
    const page = await phonePage(env.browser);
    await login(page, env.app, 'IN-000921');
    for (const reference of ['PAY-0000000000', 'PAY-INCONNU']) {
      await page.goto(`${env.app.url}/espace/paiements/${reference}`);
      await page.getByRole('alert').filter({ hasText: 'Ce paiement est introuvable' }).waitFor();
      await page.getByRole('link', { name: 'Revenir à mes factures' }).waitFor();
    }
    await expectAccessible(page);
  });

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
    // The phone's connection drops once as it comes back: the page asks again.
    let dropped = false;
    await page.route('**/api/me/online-payments/*', async (route) => {
      if (dropped) return route.continue();
      dropped = true;
      return route.abort('internetdisconnected');
    });
    await page.getByRole('button', { name: 'Payer', exact: true }).click();

    // Back on the committee's site: paid, from the provider's notification.
    await page.getByRole('heading', { level: 1, name: 'Paiement en ligne' }).waitFor();
    const status = page.getByRole('status').filter({ hasText: 'Paiement reçu' });
    await status.waitFor();
    expect(dropped).toBe(true);
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

  it('a payment the provider notifies for another amount waits for the staff, who note what they did', async () => {
    const member = new Client(env.app.url, env.app.db);
    await member.login('IN-000921', PASSWORD);
    const [invoice] = (await member.get('/api/me/invoices')).json<{
      invoices: { invoice: { id: string } }[];
    }>().invoices;
    const { payment } = (
      await member.post(`/api/me/invoices/${invoice?.invoice.id ?? ''}/online-payment`, {})
    ).json<{ payment: { reference: string } }>();
    const { headers, body } = localNotification(
      { reference: payment.reference, status: 'paid', amountCents: 100, currency: 'EUR' },
      await sharedSecret(env.app.db, 'local-payments'),
    );
    const sent = await fetch(`${env.app.url}/api/payments/notifications/local`, {
      method: 'POST',
      headers: { ...(headers as Record<string, string>), 'content-type': 'application/json' },
      body,
    });
    expect(sent.status).toBe(200);

    const page = await desktopPage(env.browser);
    await login(page, env.app, 'GEST-CB');
    await page.goto(`${env.app.url}/gestion/reglements`);
    const kept = page.getByRole('region', { name: 'Paiements en ligne à traiter' }).first();
    await kept.getByText(/Autre montant que celui demandé/).waitFor();
    await expectAccessible(page);
    await confirmAction(page, `Noter comme traité (${payment.reference})`, {
      effect: /Cela ne rembourse rien/,
      confirm: 'Noter comme traité',
      reason: 'remboursé par virement le 16 avril',
    });
    await page.getByText(`Le paiement ${payment.reference} est noté comme traité.`).waitFor();
    // The list is read again after the message: the section goes once it is empty.
    await page
      .getByRole('heading', { name: 'Paiements en ligne à traiter' })
      .waitFor({ state: 'detached' });
  });
});
