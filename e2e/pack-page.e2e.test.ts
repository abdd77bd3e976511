// Issue 17, point 5 (begun): a barème written out for everyone, from the pack itself — each
// rate's formula and chart, the annual ceiling's table, the examples it was checked on — reached
// from the calculator's result, at a desk and on a phone, without an account.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktopPage, expectAccessible, phonePage, plain } from './support/browser.ts';
import { useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser();

const text = async (page: Page, name: string) =>
  plain(await page.getByRole('region', { name }).textContent());

describe.each([
  ['at a desk', desktopPage],
  ['on a phone', phonePage],
])('the barème’s public page, %s', (_, open: (browser: Browser) => Promise<Page>) => {
  it('is reached from the calculator and shows the formulas, the ceiling’s table and the examples', async () => {
    const page = await open(env.browser);
    await page.goto(`${env.app.url}/simulateur`);
    await page.getByLabel('Revenu fiscal de référence (€)').fill('52 000');
    await page.getByLabel('Date du calcul').fill('2021-06-01');
    await page.getByRole('button', { name: 'Calculer' }).click();
    await page.getByRole('link', { name: /^Lire tout le barème/ }).click();
    await page.getByRole('heading', { level: 1, name: /Inserm/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/baremes/inserm-2021');

    const rates = await text(page, 'Les taux de subvention');
    expect(rates).toContain(
      'Formule : 86,2555 − 3,3716 × QF / 1000, borné entre 10 % et 60 %, où QF est le quotient familial en euros.',
    );
    expect(rates).toContain('Calcul : taux standard + 10 points.');
    await page.getByText('Le taux de chaque grille selon le quotient familial.').waitFor();

    const ceiling = page.getByRole('table', {
      name: 'Plafond annuel selon le foyer et le quotient familial',
    });
    const rows = (await ceiling.locator('tbody tr').allTextContents()).map((r) => plain(r));
    expect(rows[0]).toBe('Célibataire1 050,00 €350,00 €');
    expect(rows).toContain('Couple avec 2 enfants3 000,00 €1 000,00 €');
    expect(await text(page, 'Le plafond annuel de subvention')).toContain(
      'Ne comptent pas dans le plafond : Voyages, CLAS.',
    );
    expect(await text(page, 'Exemples vérifiés')).toContain(
      'L’exemple du barème : taux standard 58 %, majoré 68 %, promotionnel 83 %',
    );
    await expectAccessible(page);
  });
});

it('says in words when a barème does not exist, with a way to the calculator', async () => {
  const page = await phonePage(env.browser);
  await page.goto(`${env.app.url}/baremes/inserm-1999`);
  await page
    .getByRole('alert')
    .getByText(/^Ce barème n’existe pas/)
    .waitFor();
  await page.getByRole('link', { name: 'Ouvrir le calculateur de taux' }).waitFor();
  await expectAccessible(page);
});
