import { text } from 'node:stream/consumers';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createUser,
  festivalClaim,
  householdWithRecord,
  PASSWORD,
  samplePdf,
  uploadReceipt,
  validatedRecord,
} from '../apps/server/test/harness.ts';
import {
  confirmAction,
  confirmDownload,
  expectAccessible,
  phonePage,
  plain,
} from './support/browser.ts';
import { grantedFestival, login, useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser();
beforeAll(async () => {
  await createUser(env.app.db, {
    identifier: 'GEST-LOI',
    role: 'staff',
    sectors: ['loisirs-culture'],
  });
  await createUser(env.app.db, { identifier: 'GEST-SOL', role: 'staff', sectors: ['solidarite'] });
  await householdWithRecord(env.app.db, env.app.config, {
    identifier: 'IN-000821',
    firstName: 'Yasmine',
    lastName: 'Haddad',
    taxIncomeEuros: 45_000,
    dependants: [{ relation: 'spouse', firstName: 'Omar', birthDate: '1981-03-03' }],
  });
});

const ceilingText = async (page: import('playwright-core').Page): Promise<string> =>
  plain(await page.getByRole('region', { name: 'Plafond 2021' }).textContent());

describe('claims in the browser', () => {
  it('a member claims a festival ticket with a PDF; staff approve; the SEPA file pays the right amount to the right IBAN; the ceiling went down', async () => {
    const page = await phonePage(env.browser);
    await login(page, env.app, 'IN-000821');
    await page.getByRole('heading', { name: 'Plafond 2021' }).waitFor();
    expect(await ceilingText(page)).toContain('Utilisé : 0,00 €');
    await page.getByRole('link', { name: 'Gérer mes RIB' }).click();
    await page
      .getByRole('textbox', { name: 'Titulaire du compte', exact: true })
      .fill('Yasmine Haddad');
    await page
      .getByRole('textbox', { name: 'IBAN', exact: true })
      .fill('FR76 3000 6000 0112 3456 7890 189');
    await page.getByRole('textbox', { name: 'BIC', exact: true }).fill('AGRIFRPP882');
    await page.getByRole('button', { name: 'Ajouter le RIB' }).click();
    await page.getByText(/FR76/).first().waitFor();

    await page.goto(`${env.app.url}/espace`);
    await page.getByRole('link', { name: 'Mes dossiers subventions' }).click();
    await page.getByLabel('Organisme ou organisateur').fill('Festival d’Avignon');
    await page.getByLabel('Premier jour').fill('2021-03-10');
    await page.getByLabel('Dernier jour').fill('2021-03-11');
    await page.getByLabel('Montant payé (€)').fill('150');
    // The types come in groups, each explained in plain words.
    const type = page.getByLabel('Type de demande');
    expect(
      await type.locator('optgroup').evaluateAll((g) => g.map((e) => e.getAttribute('label'))),
    ).toEqual(['Vacances en famille', 'Séjours et activités des enfants', 'Sport et culture']);
    await page.getByText('Un billet de festival, une fois par an et par personne.').waitFor();
    // The subsidy is estimated before any receipt; sending waits for it, and says so.
    await page.getByRole('button', { name: 'Calculer la subvention' }).click();
    const expected = page.getByRole('heading', { name: /^Subvention attendue : / });
    await expected.waitFor();
    const send = page.getByRole('button', { name: 'Envoyer la demande' });
    expect(await send.isDisabled()).toBe(true);
    await page.getByText('Joignez le justificatif PDF pour pouvoir envoyer la demande.').waitFor();
    await page.getByLabel('Justificatif PDF (facture, billet)').setInputFiles({
      name: 'billet.pdf',
      mimeType: 'application/pdf',
      buffer: await samplePdf('Billet Festival d’Avignon 150 €'),
    });
    await page.getByRole('link', { name: 'billet.pdf' }).waitFor();
    await page.getByText('Tout est prêt : vous pouvez envoyer la demande.').waitFor();
    const amount = plain(await expected.textContent()).replace('Subvention attendue : ', '');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Envoyer la demande' }).click();
    await page.getByText(/Votre demande n° \d+ est envoyée\./).waitFor();

    const staff = await phonePage(env.browser);
    await login(staff, env.app, 'GEST-LOI');
    await staff.goto(`${env.app.url}/gestion/subventions`);
    const receipt = staff.getByRole('link', { name: /^Justificatif 1 de la demande/ });
    const served = await staff.evaluate(
      async (url) => {
        const response = await fetch(url);
        return {
          type: response.headers.get('content-type'),
          head: (await response.text()).slice(0, 5),
        };
      },
      (await receipt.getAttribute('href')) ?? '',
    );
    expect(served).toEqual({ type: 'application/pdf', head: '%PDF-' });
    await expectAccessible(staff);
    await confirmAction(staff, /^Accorder \d.* \(n° \d+\)$/, {
      effect: /seront versés à .*Yasmine.* par virement, dans le prochain lot/,
      confirm: `Accorder ${amount}`,
    });
    await staff.getByText(/^Demande n° \d+ accordée/).waitFor();
    // Prepared after a confirmation that says what the batch will hold, read from the server.
    await confirmAction(staff, 'Préparer le lot des subventions accordées', {
      effect: /^Le lot contiendra 1 subvention accordée, pour .* versées par virement le /,
      confirm: 'Préparer le lot',
    });
    await staff.getByText(/^Lot VIR-2021-\d{6} préparé : 1 virement,/).waitFor();
    // Exporting validates the file against its schema, freezes the batch and downloads the file,
    // after a confirmation that says the subsidies are paid only when the bank got it.
    const file = await confirmDownload(staff, /^Exporter le fichier SEPA VIR-2021-\d{6}$/, {
      effect: /les subventions ne seront versées qu’à ce moment-là/,
      confirm: 'Exporter et figer le lot',
    });
    expect(file.suggestedFilename()).toMatch(/^VIR-2021-\d{6}\.xml$/);
    const xml = await text(await file.createReadStream());
    await staff.getByText(/^Fichier VIR-2021-\d{6}\.xml exporté, conforme au schéma/).waitFor();
    // Its copy is the same file, fetched by the page.
    const [copy] = await Promise.all([
      staff.waitForEvent('download'),
      staff.getByRole('button', { name: /^Copie du fichier SEPA VIR-2021-\d{6}$/ }).click(),
    ]);
    expect(await text(await copy.createReadStream())).toBe(xml);
    await staff.getByText('fichier exporté, à confirmer').waitFor();
    // Exported is not paid: the member still reads "accordée".
    await page.goto(`${env.app.url}/espace/subventions`);
    await page.getByText('Accordée : virement à venir').waitFor();
    // The last step, with the day the bank received it: now paid, and the member is told.
    await staff.getByLabel(/^Jour de réception par la banque/).fill('2021-04-14');
    await confirmAction(staff, /^Confirmer l’envoi à la banque/, {
      effect: /noté envoyé le 14\/04\/2021 : sa subvention \(/,
      confirm: 'Confirmer l’envoi',
    });
    await staff.getByText(/envoyé à la banque le 14\/04\/2021 : 1 agent prévenu\./).waitFor();
    await page.reload();
    await page.getByText('Versée', { exact: true }).waitFor();
    const [euros, centimes] = amount.replace(' €', '').replace(/\s/g, '').split(',');
    expect(xml).toContain(`<InstdAmt Ccy="EUR">${euros ?? ''}.${centimes ?? ''}</InstdAmt>`);
    expect(xml).toContain('<IBAN>FR7630006000011234567890189</IBAN>');
    expect(xml).toContain('<Nm>Yasmine Haddad</Nm>');
    await expectAccessible(staff);

    await page.goto(`${env.app.url}/espace`);
    await page.getByRole('heading', { name: 'Plafond 2021' }).waitFor();
    expect(await ceilingText(page)).toContain(`Utilisé : ${amount}`);
  });

  it('a member asks Solidarité for a loan; the Solidarité staff grant it with its schedule', async () => {
    const page = await phonePage(env.browser);
    await login(page, env.app, 'IN-000821');
    await page.getByRole('link', { name: 'Solidarité : aide ou prêt' }).click();
    await page.getByLabel('Votre situation et votre besoin').fill('Chaudière en panne cet hiver');
    await page.getByLabel('Montant demandé (€)').fill('5000');
    await page.getByLabel('Remboursement en (mois)').fill('50');
    await page.getByRole('button', { name: 'Envoyer la demande' }).click();
    await page.getByText('un prêt sans intérêt va jusqu’à 4200 €').waitFor();
    await page.getByLabel('Montant demandé (€)').fill('3000');
    await page.getByRole('button', { name: 'Envoyer la demande' }).click();
    await page.getByText(/Votre demande n° \d+ est envoyée au secteur Solidarité\./).waitFor();
    await expectAccessible(page);

    const staff = await phonePage(env.browser);
    await login(staff, env.app, 'GEST-SOL');
    await staff.goto(`${env.app.url}/gestion/solidarite`);
    // The queue is a table; the request opens above it.
    await staff
      .getByRole('button', { name: /^Examiner la demande n° \d+$/ })
      .last()
      .click();
    // Less than asked, typed as a parent would: the confirmation says it as it will be recorded.
    await staff.getByLabel(/^Montant accordé, si moins que demandé/).fill('2500');
    await confirmAction(staff, /^Accorder \(n° \d+\)$/, {
      effect: /Un prêt de 2\s500,00\s€, remboursable en 50 mensualités/,
      confirm: /^Accorder 2\s500,00\s€$/,
    });
    await staff.getByText(/Demande n° \d+ accordée\./).waitFor();
    await expectAccessible(staff);
    await page.reload();
    await page.getByText('Échéancier de remboursement (50 mensualités)').waitFor();
  });
});

describe('an approval whose amount changed since the desk read it', () => {
  it('decides nothing, says why, and shows the new amount to approve', async () => {
    const household = { taxIncomeEuros: 30_000, dependants: [] };
    const memberId = await householdWithRecord(env.app.db, env.app.config, {
      identifier: 'IN-000822',
      ...household,
    });
    const member = new Client(env.app.url, env.app.db);
    await member.login('IN-000822', PASSWORD);
    const { number } = (
      await member.post('/api/me/claims', festivalClaim([await uploadReceipt(member)]))
    ).json<{ number: number }>();
    const staff = await phonePage(env.browser);
    await login(staff, env.app, 'GEST-LOI');
    await staff.goto(`${env.app.url}/gestion/subventions`);
    const approve = staff.getByRole('button', {
      name: new RegExp(`^Accorder \\d.* \\(n° ${String(number)}\\)$`),
    });
    const approval = async () => {
      const label = plain(await approve.textContent());
      await confirmAction(staff, label, {
        effect: /seront versés à .* par virement, dans le prochain lot/,
        confirm: label.replace(/ \(n° \d+\)$/, ''),
      });
      return label;
    };
    await approve.waitFor();
    // Meanwhile the household's Fiche is validated again with a higher income.
    await validatedRecord(env.app.db, env.app.config, memberId, {
      ...household,
      taxIncomeEuros: 90_000,
    });
    const shown = await approval();
    await staff.getByText(`Rien n’a été accordé : la demande n° ${String(number)}`).waitFor();
    await expectAccessible(staff);
    expect(plain(await approve.textContent())).not.toBe(shown);
    await approval();
    await staff.getByText(new RegExp(`^Demande n° ${String(number)} accordée`)).waitFor();
  });
});

describe('a payout batch cancelled before the bank received it', () => {
  /** A member with a RIB whose festival claim the sector approved; the sector's desk (API). */

  it('asks why, says its claims go to the next batch, and shows it cancelled with the reason', async () => {
    await grantedFestival(env.app, 'IN-000823', 'GEST-LOI');

    const staff = await phonePage(env.browser);
    await login(staff, env.app, 'GEST-LOI');
    await staff.goto(`${env.app.url}/gestion/subventions`);
    await confirmAction(staff, 'Préparer le lot des subventions accordées', {
      effect: /^Le lot contiendra 1 subvention accordée/,
      confirm: 'Préparer le lot',
    });
    const prepared = staff.getByText(/^Lot (VIR-2021-\d{6}) préparé : 1 virement,/);
    const reference = /VIR-2021-\d{6}/.exec(plain(await prepared.textContent()))?.[0] ?? '';
    await confirmAction(staff, `Annuler le lot ${reference}`, {
      effect:
        /^Ses subventions \(1 virement, .*\) reviennent parmi celles à verser et iront dans le prochain lot/,
      reason: 'Préparé avant la fin des accords du jour',
      confirm: 'Annuler le lot',
    });
    await staff
      .getByText(`Lot ${reference} annulé : ses subventions attendent le prochain lot.`)
      .waitFor();
    // The list, read again after the notice, shows it cancelled with its reason, and no action.
    const row = staff.getByRole('row', {
      name: new RegExp(`^${reference}.*annulé : Préparé avant la fin des accords du jour`),
    });
    await row.waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    await expectAccessible(staff);
    // Its claim waits again: the next batch's confirmation counts it.
    await confirmAction(staff, 'Préparer le lot des subventions accordées', {
      effect: /^Le lot contiendra 1 subvention accordée/,
      confirm: 'Préparer le lot',
    });
    await staff.getByText(/^Lot VIR-2021-\d{6} préparé : 1 virement,/).waitFor();
  });

  it('its copy asked after another desk cancelled it: the page says so, no file is saved', async () => {
    const { desk } = await grantedFestival(env.app, 'IN-000824', 'GEST-LOI');
    const { payout } = (
      await desk.post('/api/staff/payouts', { executionDate: '2021-04-20' })
    ).json<{ payout: { id: string; reference: string } }>();
    await desk.post(`/api/staff/payouts/${payout.id}/export`);

    const staff = await phonePage(env.browser);
    await login(staff, env.app, 'GEST-LOI');
    await staff.goto(`${env.app.url}/gestion/subventions`);
    const copy = staff.getByRole('button', { name: `Copie du fichier SEPA ${payout.reference}` });
    await copy.waitFor();
    await desk.post(`/api/staff/payouts/${payout.id}/cancellation`, {
      reason: 'Fichier rejeté par la banque',
    });
    let saved = false;
    staff.on('download', () => {
      saved = true;
    });
    await copy.click();
    await staff
      .getByRole('alert')
      .getByText(
        `Le lot ${payout.reference} est annulé : ses subventions attendent un prochain lot.`,
      )
      .waitFor();
    expect(saved).toBe(false);
  });
});
