// Staff enrol a second factor before the back office opens: an authenticator app (TOTP) and a
// passkey (Chrome's virtual authenticator, the real WebAuthn ceremony), then log in with each.
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { createUser, freshTotpCode, PASSWORD } from '../apps/server/test/harness.ts';
import { expectAccessible, phonePage } from './support/browser.ts';
import { login, useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser({ hostname: 'localhost' });

/** A gestionnaire's account as the admin creates it: a password, no second factor yet. */
async function newGestionnaire(identifier: string): Promise<void> {
  await createUser(env.app.db, { identifier, role: 'staff', sectors: ['fiche-agent'] });
  await env.app.db.query('UPDATE users SET totp_secret = NULL WHERE identifier = $1', [identifier]);
}

async function typePassword(page: Awaited<ReturnType<typeof phonePage>>, identifier: string) {
  await page.goto(`${env.app.url}/connexion`);
  await page.getByLabel('Identifiant CAES').fill(identifier);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

describe('second factor in the browser', () => {
  it('a new gestionnaire enrols an authenticator app, keeps the recovery codes, then logs in with a code', async () => {
    await newGestionnaire('GEST-TOTP');
    const page = await phonePage(env.browser);
    await typePassword(page, 'GEST-TOTP');
    await page.getByRole('heading', { level: 1, name: 'Sécurité du compte' }).waitFor();
    await page.getByText('doit avoir un second facteur').waitFor();
    await page.goto(`${env.app.url}/gestion`);
    await page.getByRole('heading', { name: 'Second facteur à activer' }).waitFor();
    await page.getByRole('link', { name: 'Activer mon second facteur' }).click();
    await page
      .getByRole('button', { name: 'Configurer une application d’authentification' })
      .click();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    await expectAccessible(page);
    const secret = (await page.locator('p code').first().textContent()) ?? '';
    await page.getByLabel('2. Code affiché par l’application').fill('12');
    await page.getByRole('button', { name: 'Activer l’application' }).click();
    await page.getByText('saisissez les 6 chiffres').first().waitFor();
    await page.getByLabel('2. Code affiché par l’application').fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Activer l’application' }).click();
    await page.getByRole('heading', { name: 'Vos codes de secours' }).waitFor();
    expect(await page.locator('ul.codes li').count()).toBe(10);
    await expectAccessible(page);
    await page.goto(`${env.app.url}/gestion`);
    await page.getByRole('heading', { level: 1, name: 'Accueil de la gestion' }).waitFor();

    const later = await phonePage(env.browser);
    await typePassword(later, 'GEST-TOTP');
    await later.getByLabel('Code de vérification').fill('000000');
    await later.getByRole('button', { name: 'Valider le code' }).click();
    await later.getByRole('alert').filter({ hasText: 'ne convient pas' }).waitFor();
    await expectAccessible(later);
    await later
      .getByLabel('Code de vérification')
      .fill(await freshTotpCode(env.app.db, 'GEST-TOTP'));
    await later.getByRole('button', { name: 'Valider le code' }).click();
    await later.getByRole('heading', { level: 1, name: /Bonjour/ }).waitFor();
  });

  it('a gestionnaire adds a passkey, then logs in with it', async () => {
    await newGestionnaire('GEST-CLE');
    const page = await phonePage(env.browser);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await typePassword(page, 'GEST-CLE');
    await page.getByRole('heading', { level: 1, name: 'Sécurité du compte' }).waitFor();
    await page.getByLabel('Nom de la clé d’accès').fill('Ordinateur du bureau');
    await page.getByRole('button', { name: 'Ajouter une clé d’accès' }).click();
    await page.getByRole('heading', { name: 'Vos codes de secours' }).waitFor();
    await page.getByText('Ordinateur du bureau —').waitFor();
    // A real plural, never "code(s)".
    await page.getByText('Il vous reste 10 codes de secours non utilisés.').waitFor();

    await page.context().clearCookies();
    await typePassword(page, 'GEST-CLE');
    await page.getByRole('button', { name: 'Utiliser ma clé d’accès' }).click();
    await page.getByRole('heading', { level: 1, name: /Bonjour/ }).waitFor();
    await page.goto(`${env.app.url}/gestion/fiches`);
    await page.getByRole('heading', { level: 1, name: 'Fiches Agent à valider' }).waitFor();
  });
});

describe('the admin resets a second factor', () => {
  it('from the staff accounts, with a reason; the list is read again and says so', async () => {
    await createUser(env.app.db, { identifier: 'ADMIN-RESET', role: 'admin' });
    await createUser(env.app.db, {
      identifier: 'GEST-PERDU',
      role: 'staff',
      sectors: ['fiche-agent'],
    });
    const page = await phonePage(env.browser);
    await login(page, env.app, 'ADMIN-RESET');
    await page.goto(`${env.app.url}/gestion/comptes`);
    const item = page.getByRole('listitem').filter({ hasText: 'GEST-PERDU' });
    await item.getByText('second facteur actif').waitFor();
    await item
      .getByRole('button', { name: 'Réinitialiser le second facteur de GEST-PERDU' })
      .click();
    await item.getByLabel('Motif').fill('téléphone perdu, vérifié par appel');
    await item.getByRole('button', { name: 'Confirmer la réinitialisation' }).click();
    await page.getByText('Le second facteur de GEST-PERDU est réinitialisé.').waitFor();
    await item.getByText('aucun second facteur').waitFor();
    await expectAccessible(page);
  });
});
