import type { Page, Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, samplePdf } from '../apps/server/test/harness.ts';
import {
  confirmAction,
  desktopPage,
  expectAccessible,
  phonePage,
  plain,
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

async function attach(
  page: Page,
  kind: string,
  file: { name: string; buffer: Buffer },
): Promise<void> {
  await page.getByLabel('Type de justificatif').selectOption({ label: kind });
  await page
    .getByLabel('Fichier PDF à joindre')
    .setInputFiles({ name: file.name, mimeType: 'application/pdf', buffer: file.buffer });
}

describe('Fiche Agent in the browser', () => {
  it('at a desk, the steps open in any order; a wrong field sends the member back to its step', async () => {
    await createUser(env.app.db, { identifier: 'IN-000603', firstName: 'Marc', lastName: 'Roy' });
    const page = await desktopPage(env.browser);
    await login(page, env.app, 'IN-000603');
    await page.goto(`${env.app.url}/espace/fiche`);
    await page.getByRole('button', { name: 'Ajouter un ayant droit' }).click();
    await page.getByRole('textbox', { name: 'Nom de l’ayant droit 1', exact: true }).fill('Roy');
    await page.getByLabel('Prénom de l’ayant droit 1').fill('Lou');
    await page.getByLabel('Date de naissance de l’ayant droit 1').fill('2031-05-05');
    // Straight to the last step by the steps' list; sending brings back the family step.
    await page.getByRole('button', { name: '4. Vérification et envoi' }).click();
    await page.getByRole('heading', { name: 'Étape 4 sur 4 : Vérification et envoi' }).waitFor();
    await page.getByRole('button', { name: 'Envoyer pour validation' }).click();
    await page.getByRole('heading', { name: 'Étape 1 sur 4 : Famille' }).waitFor();
    const birth = page.getByLabel('Date de naissance de l’ayant droit 1');
    expect(await birth.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    // Corrected, then a draft saved at the income step: nothing is sent.
    await birth.fill('2015-05-05');
    await page.getByRole('button', { name: '2. Revenus' }).click();
    await page.getByLabel('Revenu fiscal de référence 2019 (€)').fill('28 000');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.getByText('Brouillon enregistré.').waitFor();
    await page.getByText('Brouillon : pas encore envoyé.').waitFor();
    await page.getByRole('heading', { name: 'Étape 2 sur 4 : Revenus' }).waitFor();

    // The Fiche open on the phone too; the desk saves again: the phone's save is refused, not
    // written over the desk's, and says what to do.
    const phone = await phonePage(env.browser);
    await login(phone, env.app, 'IN-000603');
    await phone.goto(`${env.app.url}/espace/fiche`);
    await phone.getByRole('button', { name: '2. Revenus' }).click();
    const phoneIncome = phone.getByLabel('Revenu fiscal de référence 2019 (€)');
    expect(await phoneIncome.inputValue()).toBe('28000');
    await page.getByLabel('Revenu fiscal de référence 2019 (€)').fill('29 000');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.getByText('Brouillon enregistré.').waitFor();
    await phoneIncome.fill('30 000');
    await phone.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await phone
      .getByRole('alert')
      .getByText(/^Votre fiche a été enregistrée depuis un autre onglet ou un autre appareil/)
      .waitFor();
    await expectAccessible(phone);
    await phone.reload();
    await phone.getByRole('button', { name: '2. Revenus' }).click();
    expect(await phoneIncome.inputValue()).toBe('29000');

    // Sent without its documents, it is saved, then refused: saved again at once, the draft is
    // not taken for another device's.
    await page.getByRole('button', { name: '4. Vérification et envoi' }).click();
    await page.getByRole('button', { name: 'Envoyer pour validation' }).click();
    await page
      .getByRole('alert')
      .getByText(/^Il manque/)
      .waitFor();
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.getByText('Brouillon enregistré.').waitFor();
  });

  it('a member fills the record with real PDFs, staff validate it, the rates and the ceiling appear', async () => {
    await createUser(env.app.db, {
      identifier: 'IN-000601',
      firstName: 'Nadia',
      lastName: 'Simon',
    });
    const page = await phonePage(env.browser);
    await login(page, env.app, 'IN-000601');
    await expect
      .poll(() =>
        page.getByText('apparaîtront ici une fois votre Fiche Agent 2021 validée').isVisible(),
      )
      .toBe(true);
    await page.getByRole('link', { name: 'Remplir ma Fiche Agent' }).click();
    await page.getByRole('heading', { name: 'Ma Fiche Agent' }).waitFor();
    // Four steps, with a bar that says where she is; the family comes first.
    await page.getByRole('heading', { name: 'Étape 1 sur 4 : Famille' }).waitFor();
    const bar = page.getByRole('progressbar', { name: /étape 1 sur 4/ });
    expect(await bar.evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([1, 4]);
    await page.getByRole('button', { name: 'Ajouter un ayant droit' }).click();
    await page.getByLabel('Lien').selectOption('spouse');
    await page.getByRole('textbox', { name: 'Nom de l’ayant droit 1', exact: true }).fill('Simon');
    await page.getByLabel('Prénom de l’ayant droit 1').fill('Tom');
    await page.getByLabel('Date de naissance de l’ayant droit 1').fill('1981-02-02');
    await page.getByRole('button', { name: 'Ajouter un ayant droit' }).click();
    await page.getByRole('textbox', { name: 'Nom de l’ayant droit 2', exact: true }).fill('Simon');
    await page.getByLabel('Prénom de l’ayant droit 2').fill('Léo');
    await page.getByLabel('Date de naissance de l’ayant droit 2').fill('2012-03-04');
    await page.getByRole('button', { name: 'Suivant' }).click();
    // The next step's heading takes the focus.
    const income = page.getByRole('heading', { name: 'Étape 2 sur 4 : Revenus' });
    await expect.poll(() => income.evaluate((h) => h === document.activeElement)).toBe(true);
    await page.getByLabel('Revenu fiscal de référence 2019 (€)').fill('52 000');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('heading', { name: 'Étape 3 sur 4 : Justificatifs' }).waitFor();

    await attach(page, 'Avis d’imposition', {
      name: 'avis.pdf',
      buffer: Buffer.from('Ceci est un texte renommé en .pdf'),
    });
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'n’est pas un PDF' }).isVisible())
      .toBe(true);
    // A scan over 10 MB is refused on the phone, before it is uploaded, saying what to send.
    const uploads: string[] = [];
    const upload = (request: Request) => {
      if (request.method() === 'POST' && request.url().includes('/api/me/documents'))
        uploads.push(request.url());
    };
    page.on('request', upload);
    await attach(page, 'Avis d’imposition', {
      name: 'scan.pdf',
      buffer: Buffer.concat([await samplePdf('Scan'), Buffer.alloc(11 * 1024 * 1024)]),
    });
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'en noir et blanc' }).isVisible())
      .toBe(true);
    page.off('request', upload);
    expect(uploads).toEqual([]);
    await attach(page, 'Avis d’imposition', {
      name: 'avis-2020.pdf',
      buffer: await samplePdf('Avis 2020'),
    });
    await page.getByRole('link', { name: 'avis-2020.pdf' }).waitFor();
    await attach(page, 'Bulletin de salaire', {
      name: 'bulletin.pdf',
      buffer: await samplePdf('Bulletin'),
    });
    await page.getByRole('link', { name: 'bulletin.pdf' }).waitFor();
    await attach(page, 'Livret de famille', {
      name: 'livret.pdf',
      buffer: await samplePdf('Livret de famille'),
    });
    await page.getByRole('link', { name: 'livret.pdf' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Suivant' }).click();
    // The last step reads the Fiche back before sending it.
    await page.getByRole('heading', { name: 'Étape 4 sur 4 : Vérification et envoi' }).waitFor();
    const recap = plain(await page.locator('form').textContent());
    expect(recap).toContain('2 ayants droit');
    expect(recap).toContain('Léo Simon — Enfant, naissance le 04/03/2012');
    expect(recap).toContain('Revenu fiscal de référence : 52 000 €');
    expect(recap).toContain('Livret de famille : livret.pdf');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Envoyer pour validation' }).click();
    await page.getByText('Votre fiche est envoyée.').waitFor();
    await page.getByText('en attente de validation').waitFor();

    const staff = await phonePage(env.browser);
    await login(staff, env.app, 'GEST-FICHE');
    await staff.goto(`${env.app.url}/gestion/fiches`);
    await staff.getByRole('button', { name: 'Nadia Simon' }).click();
    const pdfLink = staff.getByRole('link', { name: 'avis-2020.pdf' });
    await pdfLink.waitFor();
    const href = (await pdfLink.getAttribute('href')) ?? '';
    const served = await staff.evaluate(async (url) => {
      const response = await fetch(url);
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        head: (await response.text()).slice(0, 5),
      };
    }, href);
    expect(served).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
    await expectAccessible(staff);
    await confirmAction(staff, 'Valider la fiche', {
      effect:
        /^Le barème lui donnera 3 parts, un quotient familial de [\d\s\u202f]+,\d\d\s€ et un plafond annuel de [\d\s\u202f]+,\d\d\s€\.$/,
      confirm: 'Valider la fiche',
    });
    await staff.getByText('validée : 3 parts').waitFor();
    await staff.getByRole('link', { name: 'Adhérents' }).click();
    await staff.getByLabel('Nom, identifiant CAES ou matricule').fill('simon');
    await staff.getByRole('button', { name: 'Rechercher' }).click();
    await staff.getByRole('button', { name: 'Simon Nadia' }).click();
    await staff.getByRole('heading', { name: 'Dossier de Nadia Simon (IN-000601)' }).waitFor();
    await staff.getByText('Fiche 2021, version 1 : validée (inserm-2021)').waitFor();
    await expectAccessible(staff);
    await staff.getByRole('link', { name: 'Barèmes' }).click();
    await staff
      .getByRole('heading', { name: 'CAES du CNRS — conditions générales 2019-2020' })
      .waitFor();
    expect(await staff.getByText('ne correspond pas à la formule').count()).toBe(4);
    await expectAccessible(staff);

    await page.goto(`${env.app.url}/espace`);
    await page.getByRole('link', { name: 'Mes coordonnées' }).click();
    await page.getByLabel('Téléphone').fill('06 12');
    await page.getByRole('button', { name: 'Enregistrer mes coordonnées' }).click();
    await page
      .getByText('tapez un numéro de téléphone en chiffres, par exemple 06 12 34 56 78')
      .waitFor();
    await page.getByLabel('Téléphone').fill('06 12 34 56 78');
    await page.getByRole('button', { name: 'Enregistrer mes coordonnées' }).click();
    await page.getByText('Vos coordonnées sont enregistrées.').waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Retour à mon espace' }).click();
    await page.getByRole('heading', { name: 'Taux de subvention 2021' }).waitFor();
    const rates =
      (await page.getByRole('region', { name: 'Taux de subvention 2021' }).textContent()) ?? '';
    expect(rates).toContain('27,81');
    expect(rates).toContain('37,81');
    const ceiling = plain(await page.getByRole('region', { name: 'Plafond 2021' }).textContent());
    expect(ceiling).toContain('sur 1 198,80 €');
    await expectAccessible(page);

    // Ma carte adhérent: a PDF whose QR code opens a public page with the name and validity only.
    const cardHref =
      (await page
        .getByRole('link', { name: 'Ma carte adhérent (PDF à imprimer)' })
        .getAttribute('href')) ?? '';
    const card = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return {
        type: response.headers.get('content-type'),
        head: (await response.text()).slice(0, 5),
      };
    }, cardHref);
    expect(card).toEqual({ type: 'application/pdf', head: '%PDF-' });
    const [token] = await env.app.db.query<{ card_token: string }>(
      `SELECT card_token FROM users WHERE identifier = 'IN-000601'`,
    );
    const partner = await phonePage(env.browser);
    await partner.goto(`${env.app.url}/carte/${token?.card_token ?? ''}`);
    await partner.getByText('Nadia Simon').waitFor();
    // Valid for the record's year: the committee's calendar (2021 here) decides, not the server's clock.
    expect(await partner.getByRole('status').textContent()).toContain('Carte valable pour 2021.');
    await expectAccessible(partner);

    const intruder = await phonePage(env.browser);
    await createUser(env.app.db, { identifier: 'IN-000602' });
    await login(intruder, env.app, 'IN-000602');
    const stolen = await intruder.evaluate(async (url) => (await fetch(url)).status, href);
    expect(stolen).toBe(404);
  });
});

describe('bank accounts in the browser', () => {
  it('refuses a mistyped IBAN on its field, then keeps the right one as default', async () => {
    await createUser(env.app.db, { identifier: 'IN-000610' });
    const page = await phonePage(env.browser);
    await login(page, env.app, 'IN-000610');
    await page.getByRole('link', { name: 'Gérer mes RIB' }).click();
    await page.getByLabel('Titulaire du compte').fill('Marie Curie');
    await page
      .getByRole('textbox', { name: 'IBAN', exact: true })
      .fill('FR76 3000 6000 0112 3456 7890 188');
    await page.getByRole('textbox', { name: 'BIC', exact: true }).fill('AGRIFRPP');
    await page.getByRole('button', { name: 'Ajouter le RIB' }).click();
    await expect.poll(() => page.getByText('clé de contrôle fausse').isVisible()).toBe(true);
    expect(
      await page.getByRole('textbox', { name: 'IBAN', exact: true }).getAttribute('aria-invalid'),
    ).toBe('true');
    await expectAccessible(page);
    await page
      .getByRole('textbox', { name: 'IBAN', exact: true })
      .fill('FR76 3000 6000 0112 3456 7890 189');
    await page.getByRole('button', { name: 'Ajouter le RIB' }).click();
    await page.getByText('FR76 •••• 0189', { exact: true }).waitFor();
    expect(await page.getByText('RIB par défaut', { exact: false }).count()).toBeGreaterThan(0);
  });
});

describe('partner offers in the browser', () => {
  it('staff add an offer with its code; a member reads it in Infos partenariat', async () => {
    const staff = await phonePage(env.browser);
    await login(staff, env.app, 'GEST-FICHE');
    await staff.goto(`${env.app.url}/gestion/partenaires`);
    await staff.getByRole('textbox', { name: 'Partenaire', exact: true }).fill('Cinéma du Parc');
    await staff.getByLabel('Secteur').selectOption('loisirs-culture');
    await staff
      .getByRole('textbox', { name: 'Offre', exact: true })
      .fill('Place à 6 € sur présentation de la carte');
    await staff.getByLabel('Code promotionnel (facultatif)').fill('PARC6');
    await staff.getByRole('button', { name: 'Ajouter l’offre' }).click();
    await staff.getByText('Offre ajoutée.').waitFor();
    await expectAccessible(staff);

    await createUser(env.app.db, { identifier: 'IN-000620' });
    const page = await phonePage(env.browser);
    await login(page, env.app, 'IN-000620');
    await page.getByRole('link', { name: 'Infos partenariat' }).click();
    await page.getByRole('heading', { name: 'Cinéma du Parc' }).waitFor();
    await page.getByText('PARC6').waitFor();
    await expectAccessible(page);

    // Deleting it asks first, and says what the members lose.
    await confirmAction(staff, 'Supprimer l’offre de Cinéma du Parc', {
      effect: 'Les adhérents ne la verront plus',
      confirm: 'Supprimer l’offre',
    });
    await staff.getByText('Offre de Cinéma du Parc supprimée.').waitFor();
    await page.reload();
    await page.getByText('Aucune offre partenaire pour l’instant.').waitFor();
  });
});
