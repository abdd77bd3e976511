// Issue 17, « done when »: an admin makes next year's Inserm draft from 2021 by changing two
// coefficients, sees its cost and its deciles on the committee's households, writes a test case,
// publishes; the member then sees their old and new rates side by side.
import { describe, expect, it } from 'vitest';
import { createUser, householdWithRecord } from '../apps/server/test/harness.ts';
import {
  confirmAction,
  desktopPage,
  expectAccessible,
  phonePage,
  plain,
} from './support/browser.ts';
import { login, useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser();

describe('the barème studio', () => {
  it('drafts 2022 from 2021, costs it, tests it, publishes it, and the member sees what changes', async () => {
    for (const [identifier, income] of [
      ['IN-770001', 30_000],
      ['IN-770002', 60_000],
    ] as const)
      await householdWithRecord(env.app.db, env.app.config, {
        identifier,
        taxIncomeEuros: income,
        dependants: [{ relation: 'child', firstName: 'Noé', birthDate: '2012-05-05' }],
      });
    await createUser(env.app.db, { identifier: 'ADMIN-STUDIO', role: 'admin' });
    const page = await desktopPage(env.browser);
    await login(page, env.app, 'ADMIN-STUDIO');
    await page.goto(`${env.app.url}/gestion/baremes`);
    await page.getByLabel('Barème de départ').selectOption('inserm-2021');
    await page.getByRole('button', { name: 'Créer le brouillon de l’année suivante' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Studio : CAES Inserm — barème 2022' })
      .waitFor();

    // Two coefficients, each with its source; the brochure's 2021 example no longer holds.
    await page.getByText('Taux de subvention', { exact: true }).click();
    await page.getByLabel('Constante de la formule du taux (standard) (%)').fill('90');
    await page
      .getByLabel('Source : Constante de la formule du taux (standard)')
      .fill('CA du 10 décembre 2021');
    await page.getByLabel('Baisse du taux par tranche de QF (standard) (points)').fill('3,5');
    await page
      .getByLabel('Source : Baisse du taux par tranche de QF (standard)')
      .fill('CA du 10 décembre 2021');
    // Checked as it is typed, before it is saved: a figure that is not one is named at once.
    await page
      .getByText(/6 cas de test, 3 en échec\. Des changements ne sont pas enregistrés\./)
      .waitFor();
    const slope = page.getByLabel('Baisse du taux par tranche de QF (standard) (points)');
    await slope.fill('trois');
    await page.getByText(/^1 erreur/).waitFor();
    await slope.fill('3,5');
    await page.getByRole('button', { name: 'Enregistrer et vérifier' }).click();
    await page.getByText(/Aucune erreur\. 6 cas de test, 3 en échec\.$/).waitFor();
    await expectAccessible(page);

    // The cost on the committee's households, and its deciles.
    await page.getByRole('button', { name: 'Calculer le coût' }).click();
    const totals = page.getByRole('table', { name: 'Subventions par secteur' });
    await totals.waitFor();
    expect(
      plain(await page.getByRole('status').filter({ hasText: 'foyers' }).textContent()),
    ).toContain('2 foyers, 0 séjour et 0 demande de l’année de inserm-2021');
    await page
      .getByText('Subventions par dixième des foyers, du quotient le plus bas au plus haut')
      .first()
      .waitFor();
    expect(plain(await page.getByText(/y gagnent|y gagne/).textContent())).toMatch(
      /^2 foyers y gagnent$/,
    );
    // Its detail per household, and the draft as the engine reads it, are files of their names.
    for (const [button, name] of [
      ['Télécharger le détail par foyer (XLSX)', /^impact-.+\.xlsx$/],
      ['Exporter en JSON', /^.+\.json$/],
    ] as const) {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: button }).click(),
      ]);
      expect(file.suggestedFilename()).toMatch(name);
    }

    // The 2021 examples the new rates change go; the board's own example of 2022 comes.
    for (const [name, left] of [
      ['L’exemple du barème', '5 cas de test, 2 en échec'],
      ['Le calcul du guide', '4 cas de test, 1 en échec'],
      ['Un séjour linguistique', '3 cas de test, tous réussis'],
    ]) {
      await page.getByRole('button', { name: new RegExp(`^Retirer le cas « ${name}`) }).click();
      await page.getByText(`Aucune erreur. ${left ?? ''}.`).waitFor();
    }
    const form = page.getByRole('group', { name: 'Nouveau cas de test' });
    // Her week at a committee's stay: 55 % of 600 €, written as the board's example says.
    const writeCase = async (subsidy: string) => {
      await form.getByLabel('Nom du cas').fill('Personne seule au quotient de 10 000 €');
      await form
        .getByLabel('Source des chiffres')
        .fill('CA du 10 décembre 2021 : 90 − 3,5 × 10 = 55 %');
      await form.getByLabel('Jour du calcul (âge des enfants)').fill('2022-03-01');
      await form.getByLabel('Revenu fiscal de référence (€)').fill('17500');
      await form.getByLabel('Taux standard attendu (%)').fill('55');
      await form.getByLabel('Le cas chiffre aussi').selectOption('stay');
      await form.getByLabel('Secteur').selectOption('vacances');
      await form.getByLabel('Organisateur').selectOption('caes');
      await form.getByLabel('Premier jour du séjour').fill('2022-07-10');
      await form.getByLabel('Dernier jour du séjour').fill('2022-07-16');
      await form.getByLabel('Prix du séjour (€)').fill('600');
      await form.getByLabel('Subvention attendue (€)').fill(subsidy);
      await expectAccessible(page);
      await form.getByRole('button', { name: 'Ajouter le cas et vérifier' }).click();
    };
    // A wrong figure is said beside the case, and the case goes.
    await writeCase('300');
    await page.getByText(/Aucune erreur\. 4 cas de test, 1 en échec\./).waitFor();
    await page.getByText('subvention : attendu 300,00 €, obtenu 330,00 €').waitFor();
    await page.getByRole('button', { name: /^Retirer le cas « Personne seule/ }).click();
    await page.getByText(/Aucune erreur\. 3 cas de test, tous réussis\./).waitFor();
    await writeCase('330');
    await page.getByText(/Aucune erreur\. 4 cas de test, tous réussis\./).waitFor();
    // A flat claim: half of a 300 € race entry, on at most 200 €.
    await form.getByLabel('Nom du cas').fill('Un trail à 300 €');
    await form.getByLabel('Source des chiffres').fill('CA du 10 décembre 2021');
    await form.getByLabel('Jour du calcul (âge des enfants)').fill('2022-03-01');
    await form.getByLabel('Revenu fiscal de référence (€)').fill('17500');
    await form.getByLabel('Le cas chiffre aussi').selectOption('claim');
    await form.getByLabel('Type de demande').selectOption('sportEvent');
    await form.getByLabel('Montant payé (€)').fill('300');
    await form.getByLabel('Subvention attendue (€)').fill('100');
    await form.getByRole('button', { name: 'Ajouter le cas et vérifier' }).click();
    await page.getByText(/Aucune erreur\. 5 cas de test, tous réussis\./).waitFor();
    await page
      .getByText(
        'Personne seule au quotient de 10 000 € (source : CA du 10 décembre 2021 : 90 − 3,5 × 10 = 55 %)',
      )
      .waitFor();

    await confirmAction(page, 'Publier', {
      effect: /ne pourra plus être modifié ni supprimé/,
      confirm: 'Publier définitivement',
    });
    // Exactly: the studio's own heading (« Studio : CAES Inserm — barème 2022 ») contains it.
    await page
      .getByRole('heading', { level: 1, name: 'CAES Inserm — barème 2022', exact: true })
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/baremes/inserm-2022');
    expect(
      plain(await page.getByRole('region', { name: 'Tous les paramètres' }).first().textContent()),
    ).toBeTruthy();
    await page.getByRole('cell', { name: 'CA du 10 décembre 2021' }).first().waitFor();

    // The member: their 2021 rates and the 2022 ones, side by side, each explained.
    const member = await phonePage(env.browser);
    await login(member, env.app, 'IN-770002');
    const changes = member.getByRole('region', {
      name: 'Ce qui change pour vous avec le CAES Inserm — barème 2022',
    });
    await changes.waitFor();
    const rows = (await changes.locator('tbody tr').allTextContents()).map(plain);
    // 60 000 € for 2,75 parts: a quotient of 21 818,18 €; 86,2555 − 3,3716 × 21,818 = 12,69 %
    // under 2021, 90 − 3,5 × 21,818 = 13,64 % under 2022.
    expect(rows).toEqual([
      'Parts2,752,75',
      'Quotient familial21 818,18 €21 818,18 €',
      'Taux standard12,69 %13,64 %',
      'Taux majoré22,69 %23,64 %',
      'Taux promotionnel37,69 %38,64 %',
      'Plafond annuel720,02 €720,02 €',
    ]);
    await expectAccessible(member);
  });
});
