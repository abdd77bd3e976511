import { describe, expect, it } from 'vitest';
import {
  desktopPage,
  expectAccessible,
  expectDocumentedAnswers,
  phonePage,
  plain,
} from './support/browser.ts';
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
    expect(plain(text)).toContain('1 198,80 €');
    expect(await page.locator('.explanation li').count()).toBe(7);
    await expectAccessible(page);
  });

  it('on a slow connection, waits for the barèmes before it calculates', async () => {
    const page = await phonePage(env.browser);
    // The list of barèmes arrives two seconds late, as on a poor mobile connection.
    await page.route('**/api/v1/packs', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await route.continue();
    });
    await page.goto(`${env.app.url}/simulateur`);
    await page.getByLabel('Revenu fiscal de référence (€)').fill('52 000');
    await page.getByLabel('Date du calcul').fill('2021-06-01');
    const calculate = page.getByRole('button', { name: 'Calculer' });
    expect(await calculate.isDisabled()).toBe(true);
    await calculate.click();
    await page.getByRole('region', { name: 'Votre résultat' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
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

  it.each([
    ['at a desk', desktopPage],
    ['on a phone', phonePage],
  ])(
    'guides %s: which rate for which stay, an example, a chart with the household on it, focus on the result',
    async (_, open) => {
      const page = await open(env.browser);
      await page.goto(`${env.app.url}/simulateur`);
      // The committee's own barèmes, and its calendar day.
      await page.getByLabel('Barème').locator('option').first().waitFor({ state: 'attached' });
      const packs = await page.getByLabel('Barème').locator('option').allTextContents();
      expect(packs.length).toBeGreaterThan(0);
      expect(packs.join(' ')).not.toMatch(/CNRS/);
      expect(await page.getByLabel('Date du calcul').inputValue()).toBe('2021-04-15');
      await page.getByLabel('Revenu fiscal de référence (€)').fill('30000');
      await page.getByRole('button', { name: 'Calculer' }).click();
      const heading = page.getByRole('heading', { name: 'Votre résultat' });
      await heading.waitFor();
      expect(await heading.evaluate((h) => document.activeElement === h)).toBe(true);
      const result = page.getByRole('region', { name: 'Votre résultat' });
      await result.getByText(/séjours jeunes du comité, périscolaire/).waitFor();
      expect(plain(await result.locator('.example').textContent())).toMatch(
        /^Par exemple, pour un séjour de 600,00 € au taux standard, le comité prendrait en charge [\d ,]+ € et vous paieriez [\d ,]+ €/,
      );
      await result.getByRole('figure').locator('svg .recharts-reference-dot').first().waitFor();
      await result.getByText('Les chiffres du graphique').click();
      expect(await result.getByRole('table').locator('tbody tr').count()).toBe(17);
      await expectAccessible(page);
      // The result goes as soon as an answer changes.
      await page.getByLabel('Revenu fiscal de référence (€)').fill('31000');
      await heading.waitFor({ state: 'detached' });
    },
  );
});

describe('the answers the pages receive', () => {
  it('are checked against /api/docs after each test: another shape fails it, naming the field', async () => {
    const page = await phonePage(env.browser);
    // A server that would send the barèmes' grids as one text rather than a list.
    await page.route('**/api/v1/packs', (route) =>
      route.fulfill({
        json: {
          packs: [
            { id: 'inserm-2021', organization: 'inserm', label: 'Inserm 2021', grids: 'standard' },
          ],
        },
      }),
    );
    const packs = page.waitForEvent('requestfinished', (r) => r.url().endsWith('/api/v1/packs'));
    await page.goto(`${env.app.url}/simulateur`);
    await packs;
    await expect(expectDocumentedAnswers()).rejects.toThrow(
      /GET \/api\/v1\/packs: the answer is not the one \/api\/docs describes[\s\S]*packs\[0\]\.grids/,
    );
  });
});
