// Issue 14, point 4: impossible dates are refused at the field, in the browser, with the reason,
// and every error of a form shows at once — at a desk (1280 px) and on a phone.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../apps/server/test/harness.ts';
import { desktopPage, expectAccessible, phonePage } from './support/browser.ts';
import { login, useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser();
beforeAll(async () => {
  await createUser(env.app.db, {
    identifier: 'GEST-JEUNESSE-DATES',
    role: 'staff',
    sectors: ['jeunesse'],
  });
});

/** The message tied to a field (aria-describedby), as a screen reader reads it. */
async function messageOf(page: Page, label: RegExp): Promise<string> {
  const field = page.getByLabel(label);
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ');
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

describe.each([
  ['at a desk', desktopPage],
  ['on a phone', phonePage],
])('impossible dates, %s', (_, open: (browser: Browser) => Promise<Page>) => {
  it('sign-up: a member born in 2030 and a child born in 2031 are stopped at their step', async () => {
    const page = await open(env.browser);
    await page.goto(`${env.app.url}/inscription`);
    await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Futur');
    await page.getByRole('textbox', { name: 'Prénom', exact: true }).fill('Léo');
    await page.getByLabel(/^Date de naissance/).fill('2030-01-01');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByText(/la date de naissance est après aujourd’hui/).waitFor();
    expect(await messageOf(page, /^Date de naissance/)).toContain('vérifiez l’année');
    await expectAccessible(page);
    await page.getByLabel(/^Date de naissance/).fill('1985-01-01');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByLabel('Adresse électronique').fill('leo.futur@example.org');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('button', { name: 'Ajouter un enfant' }).click();
    await page.getByLabel(/Prénom de l’enfant/).fill('Zoé');
    await page.getByLabel(/Date de naissance de l’enfant/).fill('2031-05-05');
    await page.getByRole('button', { name: 'Suivant' }).click();
    expect(await messageOf(page, /Date de naissance de l’enfant/)).toContain(
      'la date de naissance est après aujourd’hui',
    );
    // Still on the family step: nothing impossible goes further.
    await page.getByRole('heading', { name: /étape 3 sur 4/ }).waitFor();
  });

  it('a session: reversed dates, ages upside down and a passed closing, all shown at once', async () => {
    const staff = await open(env.browser);
    await login(staff, env.app, 'GEST-JEUNESSE-DATES');
    await staff.goto(`${env.app.url}/gestion/activites`);
    const title = `Stage ${_}`;
    await staff.getByRole('textbox', { name: 'Titre', exact: true }).fill(title);
    await staff.getByLabel('Description', { exact: true }).fill('Escalade et canyon.');
    await staff.getByLabel('Prestataire', { exact: true }).fill('Vertical');
    await staff.getByRole('button', { name: 'Créer l’activité (non publiée)' }).click();
    await staff.getByText(`« ${title} » est créée`).waitFor();
    await staff.getByText(`Ajouter une session à « ${title} »`).click();
    const field = (name: string) => staff.getByLabel(`${title} — ${name}`, { exact: true });
    await field('nom de la session').fill('Juillet');
    await field('premier jour').fill('2021-07-12');
    await field('dernier jour').fill('2021-07-10');
    await field('âge minimum').fill('14');
    await field('âge maximum').fill('8');
    const places = _ === 'at a desk' ? '12' : '13';
    await field('places pré-réservées').fill(places);
    await field('prix avant subvention (€)').fill('douze');
    await field('clôture des inscriptions').fill('2021-05-20');
    await staff.getByRole('button', { name: 'Ajouter la session' }).click();
    await staff
      .getByText('le dernier jour est avant le premier : vérifiez les deux dates')
      .waitFor();
    await staff.getByText(/l’âge maximum est inférieur à l’âge minimum \(14 ans\)/).waitFor();
    await staff.getByText(/Indiquez un montant en euros/).waitFor();
    await expectAccessible(staff);
    // Corrected, but closing in the past: refused with the first day it can be.
    await field('dernier jour').fill('2021-07-18');
    await field('âge maximum').fill('17');
    await field('prix avant subvention (€)').fill('600');
    await field('clôture des inscriptions').fill('2021-04-01');
    await staff.getByRole('button', { name: 'Ajouter la session' }).click();
    await staff
      .getByText('cette date de clôture est déjà passée : choisissez le 15/04/2021 ou plus tard')
      .waitFor();
    await field('clôture des inscriptions').fill('2021-05-20');
    await staff.getByRole('button', { name: 'Ajouter la session' }).click();
    await staff.getByText(`0/${places} places attribuées`).waitFor();
  });
});
