import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, PASSWORD } from '../apps/server/test/harness.ts';
import {
  confirmAction,
  expectAccessible,
  linkFromMailCatcher,
  phonePage,
} from './support/browser.ts';
import { login, useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser();
beforeAll(async () => {
  await createUser(env.app.db, {
    identifier: 'GEST-FICHE',
    role: 'staff',
    sectors: ['fiche-agent'],
  });
});

describe('first registration in the browser', () => {
  it('sign-up → staff approval → mail → set password → login', async () => {
    const page = await phonePage(env.browser);
    await page.goto(`${env.app.url}/inscription`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await expect.poll(() => page.getByText('champ obligatoire').count()).toBeGreaterThan(0);
    await expectAccessible(page);

    await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Moreau');
    await page.getByRole('textbox', { name: 'Prénom', exact: true }).fill('Camille');
    await page.getByLabel('Date de naissance').fill('1987-09-12');
    await page.getByLabel('Matricule Inserm (facultatif)').fill('11223344');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByLabel('Adresse électronique').fill('camille.moreau@example.org');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByLabel('Je vis en couple').check();
    await page.getByRole('textbox', { name: 'Nom du conjoint', exact: true }).fill('Moreau');
    await page.getByLabel('Prénom du conjoint').fill('Alex');
    await page.getByLabel('Date de naissance du conjoint').fill('1986-01-20');
    await page.getByRole('button', { name: 'Ajouter un enfant' }).click();
    await page.getByLabel('Prénom de l’enfant 1').fill('Jules');
    await page.getByLabel('Date de naissance de l’enfant 1').fill('2014-06-30');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await expect.poll(() => page.getByText('En couple avec Alex Moreau').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await expect.poll(() => page.getByText('vous devez certifier').isVisible()).toBe(true);
    await page.getByLabel('Je certifie l’exactitude de ces informations.').check();
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await page.getByRole('heading', { name: 'Demande envoyée' }).waitFor();

    const staff = await phonePage(env.browser);
    await login(staff, env.app, 'GEST-FICHE', PASSWORD);
    await staff.getByRole('link', { name: 'Gestion', exact: true }).click();
    // The back office opens on its queues, each with what waits in it.
    await staff.getByRole('link', { name: /^1 demande d’inscription à examiner$/ }).click();
    await staff.getByRole('row', { name: /Camille Moreau/ }).waitFor();
    await expectAccessible(staff);
    await confirmAction(staff, 'Valider l’inscription de Camille Moreau', {
      effect: 'Un compte adhérent est créé',
      confirm: 'Valider et envoyer le courriel',
    });
    const notice = await staff.getByRole('status').filter({ hasText: 'identifiant' }).textContent();
    const identifier = /IN-\d{6}/.exec(notice ?? '')?.[0] ?? '';
    expect(identifier).toMatch(/^IN-\d{6}$/);

    const link = await linkFromMailCatcher(page, env.app.url, 'camille.moreau@example.org');
    expect(link).toContain('/mot-de-passe/definir?jeton=');
    await page.goto(link);
    await page.getByLabel('Nouveau mot de passe').fill('Colonie de vacances 2026');
    await page.getByLabel('Confirmez le mot de passe').fill('Colonie de vacances 2026');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Votre mot de passe est enregistré.').waitFor();

    await login(page, env.app, identifier, 'Colonie de vacances 2026');
    await expect.poll(() => page.getByText('Enfant : Jules Moreau').isVisible()).toBe(true);
    await expectAccessible(page);
  });

  it('forgotten password through the mail catcher', async () => {
    await createUser(env.app.db, {
      identifier: 'IN-000777',
      email: 'oubli.navigateur@example.org',
    });
    const page = await phonePage(env.browser);
    await page.goto(`${env.app.url}/connexion`);
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.getByRole('heading', { name: 'Mot de passe oublié' }).waitFor();
    await page.getByLabel('Identifiant CAES').fill('IN-000777');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Envoyer le lien' }).click();
    await page.getByText('Si ces informations correspondent à un compte').waitFor();

    const link = await linkFromMailCatcher(page, env.app.url, 'oubli.navigateur@example.org');
    await page.goto(link);
    await page.getByLabel('Nouveau mot de passe').fill('court');
    await page.getByLabel('Confirmez le mot de passe').fill('court');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect
      .poll(() => page.getByText('ce mot de passe est trop court').count())
      .toBeGreaterThan(0);
    await page.getByLabel('Nouveau mot de passe').fill('Retrouvé le mot de passe 7');
    await page.getByLabel('Confirmez le mot de passe').fill('Retrouvé le mot de passe 7');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Votre mot de passe est enregistré.').waitFor();
    await login(page, env.app, 'IN-000777', 'Retrouvé le mot de passe 7');
  });

  it('shows a wrong password as a clear message, and works with the keyboard alone', async () => {
    await createUser(env.app.db, { identifier: 'IN-000778' });
    const page = await phonePage(env.browser);
    await page.goto(`${env.app.url}/connexion`);
    // The login form comes with its page's code, after the document's load.
    await page.locator('input[name="identifier"]').waitFor();
    // From the page title (focused on arrival), Tab reaches the identifier field within a few presses.
    for (let presses = 0; presses < 12; presses += 1) {
      if (
        (await page.evaluate(() => document.activeElement?.getAttribute('name'))) === 'identifier'
      )
        break;
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(
      'identifier',
    );
    await page.keyboard.type('IN-000778');
    await page.keyboard.press('Tab');
    await page.keyboard.type('pas le bon mot de passe');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Identifiant ou mot de passe incorrect.');
    await expectAccessible(page);
  });
});

describe('rights in the browser', () => {
  it('gives a member a 403 page on staff pages, and 404 on another member’s data', async () => {
    await createUser(env.app.db, { identifier: 'IN-000781' });
    const otherId = await createUser(env.app.db, { identifier: 'IN-000782' });
    const page = await phonePage(env.browser);
    await login(page, env.app, 'IN-000781', PASSWORD);
    await page.goto(`${env.app.url}/gestion`);
    await page.getByRole('heading', { name: 'Accès refusé' }).waitFor();
    await expectAccessible(page);
    const status = await page.evaluate(
      async (id) => (await fetch(`/api/members/${id}`)).status,
      otherId,
    );
    expect(status).toBe(404);
    const staffApi = await page.evaluate(
      async () => (await fetch('/api/staff/sign-up-requests')).status,
    );
    expect(staffApi).toBe(403);
  });
});
