import { describe, expect, it } from 'vitest';
import { expectAccessible, phonePage } from './support/browser.ts';
import { useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser();

describe('public simulator page', () => {
  it('computes the SPEC example and explains it, at 360 px, without an account', async () => {
    const page = await phonePage(env.browser);
    await page.goto(`${env.app.url}/`);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Calculer mon taux de subvention' }).click();
    await page.getByLabel('Revenu fiscal de référence (€)').fill('52 000');
    await page.getByLabel('Date du calcul').fill('2021-06-01');
    await page.getByLabel('Je vis en couple').check();
    await page.getByRole('button', { name: 'Ajouter un enfant' }).click();
    await page.getByLabel('Date de naissance de l’enfant 1').fill('2012-03-04');
    await page.getByRole('button', { name: 'Calculer' }).click();
    const result = page.getByRole('region', { name: 'Votre résultat' });
    await result.waitFor();
    const text = (await result.textContent()) ?? '';
    expect(text.replace(/\s/g, ' ')).toContain('Taux standard27,81 %');
    expect(text).toContain('37,81');
    expect(text).toContain('52,81');
    expect(text.replace(/[\u202f\u00a0]/g, ' ')).toContain('1 198,80 €');
    expect(await page.locator('.explanation li').count()).toBe(7);
    await expectAccessible(page);
  });

  it('shows a field-level French message for a bad income, and nothing else', async () => {
    const page = await phonePage(env.browser);
    await page.goto(`${env.app.url}/simulateur`);
    await page.getByLabel('Revenu fiscal de référence (€)').fill('12,5k');
    await page.getByRole('button', { name: 'Calculer' }).click();
    await expect
      .poll(() => page.getByText('Indiquez un montant en euros entiers').isVisible())
      .toBe(true);
    expect(
      await page.getByLabel('Revenu fiscal de référence (€)').getAttribute('aria-invalid'),
    ).toBe('true');
    expect(await page.getByRole('region', { name: 'Votre résultat' }).count()).toBe(0);
    await expectAccessible(page);
  });

  it('shows the error of a child born after the date, on the child’s field', async () => {
    const page = await phonePage(env.browser);
    await page.goto(`${env.app.url}/simulateur`);
    await page.getByLabel('Revenu fiscal de référence (€)').fill('30000');
    await page.getByLabel('Date du calcul').fill('2021-06-01');
    await page.getByRole('button', { name: 'Ajouter un enfant' }).click();
    await page.getByLabel('Date de naissance de l’enfant 1').fill('2022-01-01');
    await page.getByRole('button', { name: 'Calculer' }).click();
    await expect
      .poll(() =>
        page.getByText('la date de naissance est postérieure à la date de calcul').isVisible(),
      )
      .toBe(true);
  });
});
