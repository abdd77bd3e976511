// Issue 16, point 3 (begun): in the Fiche Agent's income step, the member sends the tax site's
// PDF; its 2D-DOC fills the revenu fiscal de référence and says what the code is worth, or which
// notice is needed — at a desk (1280 px) and on a phone.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createUser } from '../apps/server/test/harness.ts';
import { dataMatrix, noticeText, pdfWith } from '../apps/server/test/tax-notice-fixtures.ts';
import { desktopPage, expectAccessible, phonePage } from './support/browser.ts';
import { login, useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser();

/** The income step of a new member's 2021 Fiche (incomes of 2019). */
async function incomeStep(open: (browser: Browser) => Promise<Page>, identifier: string) {
  await createUser(env.app.db, { identifier });
  const page = await open(env.browser);
  await login(page, env.app, identifier);
  await page.goto(`${env.app.url}/espace/fiche`);
  await page.getByRole('button', { name: '2. Revenus' }).click();
  await page.getByRole('heading', { name: 'Étape 2 sur 4 : Revenus' }).waitFor();
  return page;
}

const send = async (page: Page, incomeYear: number, income: number) =>
  page.getByLabel('Lire mon avis d’impôt (PDF)').setInputFiles({
    name: 'avis.pdf',
    mimeType: 'application/pdf',
    buffer: await pdfWith(await dataMatrix(noticeText(incomeYear, income)), 'png'),
  });

describe.each([
  ['at a desk', desktopPage, 'IN-000781', 'IN-000783'],
  ['on a phone', phonePage, 'IN-000782', 'IN-000784'],
])('reading the tax notice in the Fiche Agent, %s', (_, open, identifier, another) => {
  it('fills the income from the notice’s code, says it is read but not verified, and attaches it', async () => {
    const page = await incomeStep(open, identifier);
    await send(page, 2019, 32_500);
    await page
      .getByText('Lu sur l’avis : revenu fiscal de référence 32 500 €, 1 part, revenus 2019.')
      .waitFor();
    await page.getByText('Avis lu, pas encore vérifié').waitFor();
    await expect
      .poll(() => page.getByLabel('Revenu fiscal de référence 2019 (€)').inputValue())
      .toBe('32500');
    await expectAccessible(page);
    await page.getByRole('button', { name: '3. Justificatifs' }).click();
    await page.getByRole('link', { name: /avis\.pdf/ }).waitFor();
  });

  it('says which notice is needed when the one sent is of another year, and keeps the field', async () => {
    const page = await incomeStep(open, another);
    await send(page, 2021, 41_000);
    await page
      .getByText(
        'Cet avis porte sur les revenus 2021 : il faut celui des revenus 2019, reçu en 2020.',
      )
      .waitFor();
    expect(await page.getByLabel('Revenu fiscal de référence 2019 (€)').inputValue()).toBe('');
    await expectAccessible(page);
  });
});
