// The admin's journal: narrowed on the server by the person an action concerns, by action and by
// dates, read a page at a time — at a desk (1280 px) and on a phone.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../apps/server/src/modules/audit/audit-log.ts';
import { createUser } from '../apps/server/test/harness.ts';
import { desktopPage, expectAccessible, phonePage } from './support/browser.ts';
import { login, useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser();
beforeAll(async () => {
  await createUser(env.app.db, { identifier: 'ADMIN-JOURNAL', role: 'admin' });
});

describe.each([
  ['at a desk', desktopPage, '880101'],
  ['on a phone', phonePage, '880102'],
])('the journal, %s', (_, open: (browser: Browser) => Promise<Page>, number) => {
  it('finds a person’s actions, a hundred at a time, and says a date range it cannot read', async () => {
    const identifier = `IN-${number}`;
    const member = await createUser(env.app.db, { identifier });
    await recordAudit(env.app.db, null, 'payment.reverse', 'member', member, {
      amountCents: 4_500,
      reason: 'Chèque retourné impayé',
    });
    for (let n = 0; n < 120; n += 1)
      await recordAudit(env.app.db, null, 'member.export', 'member', member, { n });
    const page = await open(env.browser);
    await login(page, env.app, 'ADMIN-JOURNAL');
    await page.goto(`${env.app.url}/gestion`);
    await page.getByRole('link', { name: 'Journal des actions' }).click();
    await page.getByLabel('Personne concernée').fill(number);
    await page.getByRole('button', { name: 'Chercher dans le journal' }).click();
    await page.getByText('100 actions affichées, il y en a d’autres plus anciennes.').waitFor();
    const rows = page.getByRole('row').filter({ hasText: 'données de l’adhérent exportées' });
    expect(await rows.filter({ hasText: identifier }).count()).toBe(100);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Afficher les actions plus anciennes' }).click();
    await page.getByText('121 actions affichées.').waitFor();
    expect(await rows.count()).toBe(120);
    // The oldest, on the second page, with its amount and its reason in words.
    await page
      .getByRole('row')
      .filter({ hasText: 'règlement annulé' })
      .getByRole('cell', { name: 'montant 45,00 € — motif « Chèque retourné impayé »' })
      .waitFor();
    expect(
      await page.getByRole('button', { name: 'Afficher les actions plus anciennes' }).count(),
    ).toBe(0);

    // The end before the start: said at the field, which takes the focus; the list stays.
    await page.getByLabel('Du', { exact: true }).fill('2021-04-10');
    await page.getByLabel('Au', { exact: true }).fill('2021-04-01');
    await page.getByRole('button', { name: 'Chercher dans le journal' }).click();
    const to = page.getByLabel('Au', { exact: true });
    await page
      .getByText('cette date est avant celle du début : tapez par exemple le même jour')
      .waitFor();
    await expect.poll(() => to.evaluate((field) => field === document.activeElement)).toBe(true);
    expect(await rows.count()).toBe(120);
    await expectAccessible(page);

    // From the member's file, the whole journal about them: the search filled in, read at once.
    await page.goto(`${env.app.url}/gestion/adherents`);
    await page.getByLabel('Nom, identifiant CAES ou matricule').fill(identifier);
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByRole('button', { name: 'Martin Claire' }).click();
    await page
      .getByRole('link', {
        name: `Toutes les actions sur ${identifier}, dans le journal des actions`,
      })
      .click();
    await expect.poll(() => page.getByLabel('Personne concernée').inputValue()).toBe(identifier);
    await page.getByText('100 actions affichées, il y en a d’autres plus anciennes.').waitFor();
  });
});
