// « Mes prestations » and « Historique » (SPEC §7): a household reads, year by year, what the
// committee paid for it, and its rights over the years — at a desk (1280 px) and on a phone.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../apps/server/test/harness.ts';
import { desktopPage, expectAccessible, phonePage } from './support/browser.ts';
import { grantedFestival, login, useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser();
beforeAll(async () => {
  await createUser(env.app.db, {
    identifier: 'GEST-PRESTATIONS',
    role: 'staff',
    sectors: ['loisirs-culture'],
  });
});

const euros = (cents: number): string => `${(cents / 100).toFixed(2).replace('.', ',')} €`;

describe.each([
  ['at a desk', desktopPage, '880201', '880203'],
  ['on a phone', phonePage, '880202', '880204'],
])('Mes prestations, %s', (_, open: (browser: Browser) => Promise<Page>, number, other) => {
  it('says what the committee paid in the year, each benefit with its part, from the home page', async () => {
    const identifier = `IN-${number}`;
    const granted = (await grantedFestival(env.app, identifier, 'GEST-PRESTATIONS')).approvedCents;
    const page = await open(env.browser);
    await login(page, env.app, identifier);
    await page.getByRole('link', { name: 'Mes prestations, année par année' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes prestations' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '2021' }).waitFor();
    await page.getByText(`Le comité a pris en charge ${euros(granted)} en 2021.`).waitFor();
    const card = page.getByRole('listitem').filter({ hasText: /Demande n° \d+ — / });
    await card.getByText(`Part du comité : ${euros(granted)}`).waitFor();
    await card.getByText(`À votre charge : ${euros(5_000 - granted)}`).waitFor();
    await card.getByText('accordée, versement à venir').waitFor();
    await card.getByText('Le 10/03/2021').waitFor();
    await expectAccessible(page);
    await card.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Mes dossiers subventions' }).waitFor();
  });

  it('sets the year’s rights beside what the committee paid, with a way to its detail', async () => {
    const identifier = `IN-${other}`;
    const granted = (await grantedFestival(env.app, identifier, 'GEST-PRESTATIONS')).approvedCents;
    const page = await open(env.browser);
    await login(page, env.app, identifier);
    await page.getByRole('link', { name: 'Historique de mes subventions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Historique de mes subventions' }).waitFor();
    const table = page.getByRole('region', { name: 'Vos chiffres année par année' });
    await table.getByRole('columnheader', { name: '2021' }).waitFor();
    const row = (name: string) =>
      table.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    await row('Barème').getByRole('link', { name: /2021/ }).waitFor();
    await row('Taux standard')
      .getByText(/^\d+,\d+\s%$/)
      .waitFor();
    await row('Plafond utilisé').getByText(euros(granted)).waitFor();
    const paid = row('Pris en charge par le comité');
    await paid.getByText(euros(granted)).waitFor();
    await expectAccessible(page);
    await paid.getByRole('link', { name: 'Le détail de 2021' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes prestations' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '2021' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#annee-2021');
  });
});
