// Issue 14, points 2 and 5: each session shows its state with a badge, and a request offers
// only what can be asked for — never a session begun, never the same session twice, never an
// open session beside a closed one — at a desk (1280 px) and on a phone.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { householdWithRecord } from '../apps/server/test/harness.ts';
import { desktopPage, expectAccessible, phonePage } from './support/browser.ts';
import { login, useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser(); // calendar: 2021-04-15
let activityId = '';
beforeAll(async () => {
  await householdWithRecord(env.app.db, env.app.config, {
    identifier: 'IN-000851',
    taxIncomeEuros: 30_000,
    dependants: [{ relation: 'child', firstName: 'Lila', birthDate: '2011-06-06' }],
  });
  const [activity] = await env.app.db.query<{ id: string }>(
    `INSERT INTO activities (title, sector, kind, cap_category, description, provider, published)
     VALUES ('Séjour à la mer', 'jeunesse', 'caes', 'holidayCentreFrance', 'Voile et plage.', '{"name":"Mer Bleue"}', true)
     RETURNING id`,
  );
  activityId = activity?.id ?? '';
  const session = (label: string, first: string, closes: string, allocated: boolean, places = 10) =>
    env.app.db.query(
      `INSERT INTO activity_sessions (activity_id, label, first_day, last_day, min_age, max_age, places, price_cents, closes_on, answer_by, allocated_at)
       VALUES ($1, $2, $3, $3::date + 7, 6, 17, $4, 60000, $5, $5::date + 15, CASE WHEN $6 THEN now() END)`,
      [activityId, label, first, places, closes, allocated],
    );
  await session('Juillet', '2021-07-05', '2021-05-15', false);
  await session('Août', '2021-08-02', '2021-05-15', false);
  await session('Printemps', '2021-05-03', '2021-04-01', true);
  await session('Pâques', '2021-04-19', '2021-04-01', true, 0);
  await session('Mars', '2021-03-29', '2021-03-01', true);
  await session('Fin avril', '2021-04-26', '2021-04-10', false);
});

describe.each([
  ['at a desk', desktopPage],
  ['on a phone', phonePage],
])('sessions offered, %s', (_, open: (browser: Browser) => Promise<Page>) => {
  it('the activity page shows each session’s state; only what can be asked for is offered', async () => {
    const page = await open(env.browser);
    await login(page, env.app, 'IN-000851');
    // The catalogue searched by words (any case, no accents needed), with the family's price on
    // the card (point 16).
    await page.goto(`${env.app.url}/activites`);
    await page.getByLabel('Mots-clés').fill('PLAGE');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    const card = page.getByRole('listitem').filter({ hasText: 'Séjour à la mer' }).first();
    await card
      .getByText(/^À partir de [\d\s\u202f\u00a0,]+€ pour Lila, après subvention$/)
      .waitFor();
    await expectAccessible(page);
    // The same sessions as a calendar, month by month, the search kept (point 16).
    await page.getByRole('button', { name: 'Calendrier' }).click();
    const july = page.getByRole('region', { name: 'Juillet 2021' });
    await july.waitFor();
    expect(page.url()).toMatch(/q=PLAGE.*vue=calendrier|vue=calendrier.*q=PLAGE/);
    expect(await july.getByRole('listitem').textContent()).toBe(
      'Séjour à la mer — Juillet, du 5 juillet au 12 juillet Ouverte',
    );
    // A session across two months shows in both.
    for (const month of ['Mars 2021', 'Avril 2021'])
      await page
        .getByRole('region', { name: month })
        .getByText('Séjour à la mer — Mars, du 29 mars au 5 avril')
        .waitFor();
    expect(
      await page.getByRole('button', { name: 'Calendrier' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Liste' }).click();
    await card.waitFor();
    await page.getByLabel('Mots-clés').fill('montagne');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByText('Aucune activité ne correspond à ces critères.').waitFor();
    await page.goto(`${env.app.url}/activites/${activityId}`);
    const line = (label: string) => page.getByRole('listitem').filter({ hasText: `${label} : du` });
    expect(await line('Juillet').textContent()).toMatch(/^Ouverte Juillet/);
    expect(await line('Printemps').textContent()).toMatch(
      /^Places en premier arrivé.*10 places restantes/,
    );
    expect(await line('Pâques').textContent()).toMatch(/^Complète — liste d’attente/);
    expect(await line('Fin avril').textContent()).toMatch(/^Clôturée — liste d’attente/);
    expect(await line('Mars').textContent()).toMatch(/^Commencée/);
    // No request for a session begun.
    expect(await line('Mars').getByRole('link').count()).toBe(0);
    await expectAccessible(page);

    await line('Juillet').getByRole('link', { name: 'Faire une demande pour « Juillet »' }).click();
    const second = page.getByLabel('Session du choix 2');
    await second.waitFor();
    const offered = async (select: typeof second) =>
      (await select.locator('option').allTextContents()).map((t) => t.split(',')[1]?.trim() ?? t);
    // Choice 2: the other open session only — not Juillet again, nothing closed or begun.
    expect(await offered(second)).toEqual([
      'Aucun',
      'Août (du 02/08/2021 au 09/08/2021) — Ouverte',
    ]);
    // A first choice past its closing: the others are of that round.
    await page.getByLabel('Session du choix 1').selectOption({
      label: 'Séjour à la mer, Printemps (du 03/05/2021 au 10/05/2021) — Places en premier arrivé',
    });
    // The choice in full under its list, however narrow the screen (point 13).
    const chosen = page.locator('.field:has(label:text-is("Session du choix 1")) .chosen');
    expect(await chosen.textContent()).toBe(
      'Séjour à la mer, Printemps (du 03/05/2021 au 10/05/2021) — Places en premier arrivé',
    );
    expect(await chosen.isVisible()).toBe(true);
    expect((await offered(second)).map((o) => o.split(' (')[0])).toEqual([
      'Aucun',
      'Pâques',
      'Fin avril',
    ]);
    await expectAccessible(page);
  });
});
