// Issue 14, point 15: the committee's name, colour and logo set by its admin show in the header
// of every page; staff add an activity's photo with its description, shown in the catalogue;
// file fields speak French (point 10) — at a desk (1280 px) and on a phone.
import type { Browser, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { deleteUnusedPhotos } from '../apps/server/src/modules/pictures/unused-photos.ts';
import { createUser } from '../apps/server/test/harness.ts';
import { confirmAction, desktopPage, expectAccessible, phonePage } from './support/browser.ts';
import { login, useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser();
beforeAll(async () => {
  await createUser(env.app.db, { identifier: 'ADMIN-IDENTITE', role: 'admin' });
  await createUser(env.app.db, { identifier: 'GEST-PHOTO', role: 'staff', sectors: ['jeunesse'] });
});

const image = (width: number, height: number, format: 'png' | 'jpeg') => {
  const picture = sharp({ create: { width, height, channels: 3, background: '#0b5d3b' } });
  return (format === 'png' ? picture.png() : picture.jpeg()).toBuffer();
};

/**
 * The width of the picture an image shows, once the browser has it: an image on the page may
 * still be loading (a lazy one, until it is scrolled to), and its width is 0 until then.
 */
async function loadedWidth(img: Locator): Promise<number> {
  await img.scrollIntoViewIfNeeded();
  return img.evaluate((element: HTMLImageElement) =>
    element.decode().then(() => element.naturalWidth),
  );
}

describe.each([
  ['at a desk', desktopPage, 'CAES Bureau', '#0b5d3b', 'rgb(11, 93, 59)'],
  ['on a phone', phonePage, 'CAES Mobile', '#5b2a86', 'rgb(91, 42, 134)'],
])(
  'the committee’s identity, %s',
  (_, open: (browser: Browser) => Promise<Page>, shortName, colour, painted) => {
    it('the admin sets the short name, a readable colour and a logo; the header shows them', async () => {
      const page = await open(env.browser);
      await login(page, env.app, 'ADMIN-IDENTITE');
      await page.goto(`${env.app.url}/gestion/comite`);
      await page.getByLabel('Nom court').fill(shortName);
      // A pale colour is refused on its field: white text would not read on it.
      await page.getByLabel('Couleur du comité').fill('#f5d76e');
      await page.getByRole('button', { name: 'Enregistrer l’identité' }).click();
      await expect
        .poll(() => page.getByLabel('Couleur du comité').getAttribute('aria-invalid'))
        .toBe('true');
      await page.getByText(/cette couleur est trop claire/).waitFor();
      await page.getByLabel('Couleur du comité').fill(colour);
      await page.getByRole('button', { name: 'Enregistrer l’identité' }).click();
      await page.getByText('Identité du comité enregistrée.').waitFor();
      const header = page.locator('.site-header');
      await expect.poll(() => header.locator('.brand').textContent()).toContain(shortName);
      expect(await header.evaluate((h) => getComputedStyle(h).backgroundColor)).toBe(painted);

      // The file field's button is French, whatever the browser's language.
      await page.getByText('Choisir un fichier…').waitFor();
      await page.getByLabel('Nouveau logo (image JPEG, PNG ou WebP)').setInputFiles({
        name: 'logo.png',
        mimeType: 'image/png',
        buffer: await image(900, 300, 'png'),
      });
      await page.getByText('Logo enregistré').waitFor();
      await page.getByText('Dernier fichier choisi : logo.png').waitFor();
      const logo = header.locator('img.brand-logo');
      await logo.waitFor();
      expect(await loadedWidth(logo)).toBe(480);
      await expectAccessible(page);
      await confirmAction(page, 'Retirer le logo', {
        effect: 'Les pages et les documents produits ensuite n’auront plus de logo',
        confirm: 'Retirer le logo',
      });
      await page.getByText('Logo retiré.').waitFor();
      await logo.waitFor({ state: 'detached' });
    });
  },
);

describe.each([
  ['at a desk', desktopPage, 'Forêt'],
  ['on a phone', phonePage, 'Rivière'],
])('activities’ photos, %s', (_, open: (browser: Browser) => Promise<Page>, place) => {
  it('staff add a photo with its description; the catalogue shows it to everyone', async () => {
    const title = `Séjour ${place}`;
    const [activity] = await env.app.db.query<{ id: string }>(
      `INSERT INTO activities (title, sector, kind, description, provider, published)
       VALUES ($1, 'jeunesse', 'caes', 'Cabanes.', '{"name":"Nature"}', true) RETURNING id`,
      [title],
    );
    await env.app.db.query(
      `INSERT INTO activity_sessions (activity_id, label, first_day, last_day, min_age, max_age, places, price_cents, closes_on, answer_by)
       VALUES ($1, 'Juillet', '2021-07-05', '2021-07-18', 6, 17, 20, 60000, '2021-05-01', '2021-05-15')`,
      [activity?.id],
    );
    const page = await open(env.browser);
    await login(page, env.app, 'GEST-PHOTO');
    await page.goto(`${env.app.url}/gestion/activites`);
    const form = page.getByRole('form', { name: `Photo de « ${title} »` });
    const picker = page.getByLabel(`Ajouter une photo de « ${title} » (JPEG, PNG ou WebP)`);
    const choosePhoto = async () => {
      await picker.setInputFiles({
        name: 'photo.jpg',
        mimeType: 'image/jpeg',
        buffer: await image(3000, 2000, 'jpeg'),
      });
      await form.getByRole('img', { name: /Nouvelle photo .*pas encore enregistrée/ }).waitFor();
    };
    await choosePhoto();
    // No description: refused on its field, with an example.
    await form.getByRole('button', { name: 'Enregistrer la photo' }).click();
    await form.getByText('Décrivez la photo en une phrase').waitFor();
    await form
      .getByLabel(`Description de la photo de « ${title} »`)
      .fill(`Une cabane près de la ${place.toLowerCase()}`);
    // The page left open over a day: the nightly job deleted the photo never saved. Saving says
    // so under the picker; chosen again, it is saved with the description typed.
    await env.app.db.query(`UPDATE activity_photos SET created_at = now() - interval '2 days'`);
    await deleteUnusedPhotos(env.app.db);
    await form.getByRole('button', { name: 'Enregistrer la photo' }).click();
    await form.getByText('Choisissez-la de nouveau, puis enregistrez.').waitFor();
    expect(await picker.getAttribute('aria-invalid')).toBe('true');
    await choosePhoto();
    await form.getByRole('button', { name: 'Enregistrer la photo' }).click();
    await page.getByText(`La photo de « ${title} » est enregistrée.`).waitFor();
    await expectAccessible(page);

    const visitor = await open(env.browser);
    await visitor.goto(`${env.app.url}/activites`);
    const photo = visitor.getByRole('img', {
      name: `Une cabane près de la ${place.toLowerCase()}`,
    });
    await photo.waitFor();
    expect(await loadedWidth(photo)).toBe(1200);
    await expectAccessible(visitor);
  });
});
