// « Mes prestations » (SPEC §7): a household reads, year by year, what the committee paid for
// it — at a desk (1280 px) and on a phone.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, it } from 'vitest';
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
  ['at a desk', desktopPage, '880201'],
  ['on a phone', phonePage, '880202'],
])('Mes prestations, %s', (_, open: (browser: Browser) => Promise<Page>, number) => {
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
});
