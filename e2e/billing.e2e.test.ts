import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, householdWithRecord } from '../apps/server/test/harness.ts';
import {
  confirmAction,
  desktopPage,
  expectAccessible,
  phonePage,
  plain,
} from './support/browser.ts';
import { login, transferFromAnotherDesk, useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser();
let activityId = '';
beforeAll(async () => {
  await createUser(env.app.db, { identifier: 'GEST-JEU', role: 'staff', sectors: ['jeunesse'] });
  // Couple with one child, QF 10 000 €: 62,54 % on youth stays, annual ceiling 1 891,09 €.
  await householdWithRecord(env.app.db, env.app.config, {
    identifier: 'IN-000811',
    firstName: 'Hélène',
    lastName: 'Garnier',
    taxIncomeEuros: 30_000,
    dependants: [
      { relation: 'spouse', firstName: 'Marc', birthDate: '1979-02-02' },
      { relation: 'child', firstName: 'Lina', birthDate: '2011-05-05' },
    ],
  });
  // A stay whose registrations closed and were allocated: places go first come, first served.
  const [activity] = await env.app.db.query<{ id: string }>(
    `INSERT INTO activities (title, sector, kind, cap_category, description, provider, published)
     VALUES ('Séjour montagne', 'jeunesse', 'caes', 'holidayCentreFrance', 'Randonnées et refuges.', '{"name":"Alpes Jeunes"}', true)
     RETURNING id`,
  );
  activityId = activity?.id ?? '';
  await env.app.db.query(
    `INSERT INTO activity_sessions (activity_id, label, first_day, last_day, min_age, max_age, places, price_cents, closes_on, answer_by, allocated_at)
     VALUES ($1, 'Juin', '2021-06-01', '2021-06-14', 6, 17, 10, 200000, '2021-04-01', '2021-04-16', now()),
            ($1, 'Juillet', '2021-07-01', '2021-07-14', 6, 17, 10, 200000, '2021-04-01', '2021-04-16', now())`,
    [activityId],
  );
});

async function book(page: Page, session: string): Promise<string> {
  await page.goto(`${env.app.url}/activites/${activityId}`);
  await page.getByRole('link', { name: `Faire une demande pour « ${session} »` }).click();
  await page.getByRole('button', { name: 'Calculer le coût' }).click();
  const preview = page.getByRole('region', { name: 'Ce que coûtera votre demande' });
  await preview.waitFor();
  const text = plain(await preview.textContent());
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await page.getByText(/Votre demande n° \d+ est enregistrée\./).waitFor();
  return text;
}

/** A family with one child, whose parent books June on a phone: the page, the place's invoice. */
async function placeInJune(identifier: string, child: string) {
  await householdWithRecord(env.app.db, env.app.config, {
    identifier,
    taxIncomeEuros: 40_000,
    dependants: [{ relation: 'child', firstName: child, birthDate: '2010-03-03' }],
  });
  const page = await phonePage(env.browser);
  await login(page, env.app, identifier);
  await book(page, 'Juin');
  await page.getByText('Place confirmée').waitFor();
  const [invoice] = await env.app.db.query<{ reference: string; registration_id: string }>(
    `SELECT i.reference, i.registration_id FROM invoices i JOIN users u ON u.id = i.member_id
      WHERE u.identifier = $1 AND i.kind = 'invoice'`,
    [identifier],
  );
  if (!invoice) throw new Error(`no invoice for ${identifier}`);
  return { page, invoice };
}

const euros = (cents: number): string =>
  `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;

describe('billing in the browser', () => {
  it('a confirmed place is invoiced, paid in 3 cheques down to 0; the ceiling limits the next; a cancellation gives a credit note', async () => {
    const page = await phonePage(env.browser);
    await login(page, env.app, 'IN-000811');
    await book(page, 'Juillet');
    await page.getByText('Place confirmée').waitFor();
    // A confirmed place is cancelled by the sector, which applies the provider's fee: no button
    // to withdraw it (it would be refused), but where to write.
    await page.getByRole('link', { name: 'fiche-agent.caes@inserm.fr' }).waitFor();
    expect(await page.getByRole('button', { name: /^Retirer la demande/ }).count()).toBe(0);

    // The home, at a desk and on the phone, tells one story: what to do first (the deposit), the
    // stay among the year's subsidies — the same amount as the ceiling used —, the request's
    // steps, and the mail the committee sent.
    const desk = await desktopPage(env.browser);
    await login(desk, env.app, 'IN-000811');
    for (const home of [desk, page]) {
      await home.goto(`${env.app.url}/espace`);
      const todo = home.getByRole('region', { name: 'À faire' });
      await todo.getByText(/^Échéance de .* \(facture F-2021-\d{6}\)\.$/).waitFor();
      const used = /Utilisé : ([\d ,]+ €)/.exec(
        plain(await home.getByRole('region', { name: /^Plafond/ }).textContent()),
      )?.[1];
      expect(used).toBeDefined();
      // The gauge: the stay is its one part, named in the legend with the rest.
      const gauge = home.getByRole('img', { name: /^Plafond utilisé : / });
      expect(plain(await gauge.getAttribute('aria-label'))).toContain(
        `Plafond utilisé : ${used ?? ''} sur`,
      );
      expect(await gauge.locator('span').count()).toBe(1);
      const legend = plain(await home.locator('.gauge-legend').textContent());
      expect(legend).toContain(`Séjour montagne — Juillet : ${used ?? ''}`);
      expect(legend).toContain('Reste : ');
      const stay = home
        .getByRole('region', { name: /^Mes subventions 2021/ })
        .getByRole('listitem');
      expect(await stay.count()).toBe(1);
      expect(plain(await stay.textContent())).toContain(
        `Séjour montagne — Juillet : ${used ?? ''}`,
      );
      const steps = home.getByRole('list', { name: /^Étapes : Demande n° \d+/ });
      expect(await steps.locator('[aria-current="step"]').textContent()).toMatch(
        /^Place confirmée/,
      );
      await home
        .getByRole('region', { name: 'Messages du comité' })
        .getByText(/place confirmée/i)
        .first()
        .waitFor();
      expect(await home.getByText('Aucune prestation enregistrée').count()).toBe(0);
      await expectAccessible(home);
    }

    await page.goto(`${env.app.url}/espace`);
    await page.getByRole('link', { name: 'Mes dossiers factures' }).click();
    await page.getByRole('heading', { name: /^Facture F-2021-\d{6}/ }).waitFor();
    // Each means says how many instalments it allows before anything is chosen.
    const cheque = page.getByRole('radio', { name: /^Chèque : jusqu’à 3 échéances$/ });
    await cheque.check();
    await page.getByLabel(/^Nombre d’échéances/).fill('3');
    // The schedule is shown (dates and amounts), then confirmed.
    await page.getByRole('button', { name: /^Voir l’échéancier \(F-2021/ }).click();
    const rows = page.getByRole('table', { name: /^Échéancier proposé/ }).locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3);
    expect(await rows.first().textContent()).toMatch(/^30\/04\/2021Chèque/);
    await expectAccessible(page);
    await page.getByRole('button', { name: /^Confirmer cet échéancier/ }).click();
    await page.getByText(/est échelonné en 3 fois/).waitFor();
    await expectAccessible(page);
    const instalments = await env.app.db.query<{ amount_cents: number }>(
      `SELECT amount_cents::int AS amount_cents FROM instalments WHERE NOT cancelled ORDER BY position`,
    );
    expect(instalments).toHaveLength(3);

    // The payments desk records each cheque; the balance reaches zero.
    const staff = await phonePage(env.browser);
    await login(staff, env.app, 'GEST-JEU');
    await staff.goto(`${env.app.url}/gestion/reglements`);
    for (const [i, instalment] of instalments.entries()) {
      const amount = staff.getByLabel(/^Montant en euros/).first();
      // The form stays open after a payment, ready for the next cheque.
      if (!(await amount.isVisible()))
        await staff
          .getByText(/^Saisir un règlement pour F-2021/)
          .first()
          .click();
      await amount.fill(euros(instalment.amount_cents));
      await staff
        .getByLabel(/^N° de chèque/)
        .first()
        .fill(`00012${i}`);
      await staff.getByRole('button', { name: 'Enregistrer le règlement' }).first().click();
      // The payment is recorded (or the page says why not), then the desk confirms it.
      await expect
        .poll(
          async () => {
            const [row] = await env.app.db.query<{ n: number }>(
              'SELECT count(*)::int AS n FROM payments',
            );
            const alerts = await staff.getByRole('alert').allTextContents();
            return alerts.length > 0 ? alerts.join(' ') : (row?.n ?? 0);
          },
          { timeout: 30_000 },
        )
        .toBe(i + 1);
      await staff
        .getByText(`Règlement de ${euros(instalment.amount_cents)} € enregistré`, { exact: false })
        .waitFor();
      if (i === 0) await expectAccessible(staff);
    }
    await staff.getByText('Aucune facture avec un solde à payer.').waitFor();
    await page.reload();
    const paid = plain(
      await page.getByRole('listitem').filter({ hasText: 'reste à payer' }).first().textContent(),
    );
    expect(paid).toContain('reste à payer : 0,00 €');

    // The second stay (June: too close for 3 instalments, but that is the family's business) meets the annual ceiling: the quote and the invoice say so.
    const quote = await book(page, 'Juin');
    expect(quote).toContain('plafond annuel de 1 891,09 €');
    await page.goto(`${env.app.url}/espace/factures`);
    await page
      .getByText(/^Subvention limitée : plafond annuel de 1\s891,09/)
      .first()
      .waitFor();

    // Staff cancel that place with the provider's fee: a credit note, and the fee invoiced.
    await staff.reload();
    await staff
      .getByText(/^Annuler la place de F-2021/)
      .first()
      .click();
    await staff
      .getByLabel(/^Frais du prestataire en euros/)
      .first()
      .fill('50');
    // The confirmation shows the fee and the refund; a transfer arrives from another desk before
    // it is confirmed: nothing is cancelled, and the dialog opened again shows the new refund.
    const opener = staff.getByRole('button', {
      name: /^Annuler la place F-2021-\d{6} et émettre l’avoir$/,
    });
    const placeInvoice = /F-2021-\d{6}/.exec((await opener.textContent()) ?? '')?.[0] ?? '';
    await opener.click();
    const dialog = staff.getByRole('alertdialog');
    await dialog
      .getByText(/^Frais d’annulation : conditions du prestataire.* = 50,00\s€$/)
      .waitFor();
    await dialog.getByText('Rien à rembourser.').waitFor();
    const [due] = await env.app.db.query<{ id: string }>(
      'SELECT id FROM invoices WHERE reference = $1',
      [placeInvoice],
    );
    expect(await transferFromAnotherDesk(staff, env.app, due?.id ?? '', 8_000)).toBe(201);
    await dialog.getByRole('button', { name: 'Annuler la place' }).click();
    await staff.getByText(/^Rien n’a été fait : l’annulation donne maintenant/).waitFor();
    expect(
      await env.app.db.query(`SELECT 1 FROM invoices WHERE kind = 'credit_note'`),
    ).toHaveLength(0);
    await confirmAction(staff, /^Annuler la place F-2021-\d{6} et émettre l’avoir$/, {
      effect: /^À rembourser à la famille : 30,00\s€\.$/,
      confirm: 'Annuler la place',
    });
    await staff.getByText(/Place annulée : avoir AV-2021-\d{6}, frais 50,00/).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: /^Avoir AV-2021-\d{6}/ }).waitFor();
    expect(await page.getByText(/^Frais d’annulation/).count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await staff.getByRole('button', { name: 'Contrôler la cohérence des montants' }).click();
    await staff.getByText(/pièces contrôlées : tout est cohérent/).waitFor();
    await expectAccessible(staff);
  });

  it('staff move a confirmed place to another session of its activity: credit note and a new invoice', async () => {
    const { invoice } = await placeInJune('IN-000812', 'Tom');
    const reference = invoice.reference;

    const staff = await phonePage(env.browser);
    await login(staff, env.app, 'GEST-JEU');
    await staff.goto(`${env.app.url}/gestion/reglements`);
    await staff.getByText(`Changer la session ou le transport de ${reference}`).click();
    const sessionSelect = staff.getByLabel(`Session (${reference})`);
    await sessionSelect.waitFor();
    expect(await sessionSelect.locator('option:checked').textContent()).toMatch(
      /^Juin.*\(actuelle\)$/,
    );
    await sessionSelect.selectOption({ index: 1 });
    expect(await sessionSelect.locator('option:checked').textContent()).toMatch(/^Juillet/);
    await expectAccessible(staff);
    await confirmAction(staff, 'Changer la place et refacturer', {
      effect: /^Nouvelle facture de la place : [\d\s]+,\d\d\s€\.$/,
      confirm: 'Changer la place',
    });
    await staff
      .getByText(/^Place changée : avoir AV-2021-\d{6}, nouvelle facture F-2021-\d{6}, frais 0,00/)
      .waitFor();
    const [placed] = await env.app.db.query<{ label: string }>(
      `SELECT s.label FROM registration_requests r JOIN activity_sessions s ON s.id = r.placed_session_id
        WHERE r.id = $1`,
      [invoice.registration_id],
    );
    expect(placed?.label).toBe('Juillet');
  });

  it('staff reverse a cheque returned unpaid: the balance is due again, and the family reads why', async () => {
    const { page, invoice } = await placeInJune('IN-000813', 'Inès');
    const reference = invoice.reference;

    const staff = await phonePage(env.browser);
    await login(staff, env.app, 'GEST-JEU');
    await staff.goto(`${env.app.url}/gestion/reglements`);
    await staff.getByLabel(/^Référence de facture/).fill(reference);
    await staff.getByRole('button', { name: 'Chercher' }).click();
    await staff.getByText(`Saisir un règlement pour ${reference}`).click();
    await staff.getByLabel(`Montant en euros (${reference})`).fill('20');
    await staff.getByLabel(`N° de chèque (${reference})`).fill('0099001');
    await staff.getByRole('button', { name: 'Enregistrer le règlement' }).click();
    await staff.getByText(`Règlement de 20 € enregistré sur ${reference}.`).waitFor();

    await confirmAction(staff, /^Annuler le règlement chèque n° 0099001 de 20,00\s€ du /, {
      effect:
        /cette somme redevient due, et la famille est prévenue par courriel avec le motif\. Ce chèque ne sera pas remis en banque\./,
      reason: 'chèque revenu impayé',
      confirm: 'Annuler ce règlement',
    });
    await staff
      .getByText(
        /^Règlement chèque n° 0099001 de 20,00\s€ du .* annulé sur F-2021-\d{6} ; la famille est prévenue\.$/,
      )
      .waitFor();
    const lines = staff.getByRole('list', { name: `Règlements de ${reference}` });
    await lines
      .getByText(/Chèque n° 0099001 — annulé : chèque revenu impayé : -20,00\s€/)
      .waitFor();
    expect(await staff.getByRole('button', { name: /^Annuler le règlement/ }).count()).toBe(0);
    await expectAccessible(staff);

    await page.goto(`${env.app.url}/espace/factures`);
    await page
      .getByRole('list', { name: `Règlements de ${reference}` })
      .getByText(/— annulé : chèque revenu impayé/)
      .waitFor();
    await expectAccessible(page);
  });

  it('the cheques in hand go on a numbered slip, confirmed with their count and total; one recorded meanwhile stops it', async () => {
    const { invoice } = await placeInJune('IN-000814', 'Noé');
    const [due] = await env.app.db.query<{ id: string }>(
      'SELECT id FROM invoices WHERE reference = $1',
      [invoice.reference],
    );
    const pending = async () =>
      (
        await env.app.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM payments p
            WHERE p.method = 'cheque' AND p.deposit_slip_id IS NULL AND p.cash_on <= '2021-12-31'
              AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reverses_id = p.id)`,
        )
      )[0]?.n ?? 0;
    const staff = await desktopPage(env.browser);
    await login(staff, env.app, 'GEST-JEU');
    await staff.goto(`${env.app.url}/gestion/reglements`);
    await staff.getByLabel('Chèques à encaisser jusqu’au').fill('2021-12-31');
    const listed = await pending();
    expect(listed).toBeGreaterThan(0);
    const slipButton = staff.getByRole('button', { name: 'Créer la remise du 31/12/2021' });
    await slipButton.click();
    const dialog = staff.getByRole('alertdialog');
    await dialog
      .getByText(new RegExp(`^${String(listed)} chèques? (est|sont) marqués? remis à la banque`))
      .waitFor();
    // Another desk records a cheque before this one confirms: nothing is remitted, and said.
    expect(await transferFromAnotherDesk(staff, env.app, due?.id ?? '', 1_000, '0077001')).toBe(
      201,
    );
    await dialog.getByRole('button', { name: /^Remettre \d+ chèques?$/ }).click();
    await staff
      .getByRole('alert')
      .filter({ hasText: 'Aucune remise n’a été créée : la liste des chèques a changé' })
      .waitFor();
    expect(await env.app.db.query('SELECT 1 FROM deposit_slips')).toHaveLength(0);
    // The list is read again, with that cheque; confirmed now, the slip is made.
    await staff.getByText(/chèque n° 0077001/).waitFor();
    await confirmAction(staff, 'Créer la remise du 31/12/2021', {
      effect: new RegExp(`^${String(listed + 1)} chèques sont marqués remis à la banque`),
      confirm: `Remettre ${String(listed + 1)} chèques`,
    });
    await staff.getByRole('link', { name: /^Bordereau .+ \(PDF\)$/ }).waitFor();
    expect(await pending()).toBe(0);
    await expectAccessible(staff);
  });
});
