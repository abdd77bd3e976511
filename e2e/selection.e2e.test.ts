// The selection at a committee's closing, as staff read it: hundreds of decisions shown a page at
// a time, found by a name, a request's number or an answer, then applied — at a desk (1280 px)
// and on a phone.
import { expect, it } from 'vitest';
import { createUser } from '../apps/server/test/harness.ts';
import { requestsAwaitingSelection } from '../apps/server/test/place-fixtures.ts';
import { confirmAction, desktopPage, expectAccessible, phonePage } from './support/browser.ts';
import { login, useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser(); // calendar: 2021-04-15

it('240 requests for 6 sessions: a page of 50 decisions, a search by number or answer, then the selection applied', async () => {
  await createUser(env.app.db, { identifier: 'GEST-JE-SEL', role: 'staff', sectors: ['jeunesse'] });
  await requestsAwaitingSelection(env.app.db, { requests: 240, sessions: 6, places: 20 });
  const [seventh] = await env.app.db.query<{ number: string }>(
    `SELECT r.number::text AS number FROM registration_requests r JOIN users u ON u.id = r.member_id
      WHERE u.identifier = 'SEL-000007'`,
  );

  const desk = await desktopPage(env.browser);
  await login(desk, env.app, 'GEST-JE-SEL');
  await desk.goto(`${env.app.url}/gestion/selection`);
  await desk.getByText('240 décisions — page 1 sur 5').waitFor();
  const table = desk.getByRole('table', { name: 'Décisions, dans l’ordre de priorité' });
  expect(await table.locator('tbody tr').count()).toBe(50);
  await expectAccessible(desk);

  const search = desk.getByLabel('Rechercher dans « Décisions, dans l’ordre de priorité »');
  // A request's number as the table writes it: a bare number may be in every row (« sur 240 »).
  await search.fill(`n° ${seventh?.number ?? ''} (`);
  await desk.getByText(/^1 décision$/).waitFor();
  await table
    .getByRole('cell', { name: `n° ${seventh?.number ?? ''} (Famille7 Claire)` })
    .waitFor();
  // A name, to the space after it, finds its family alone (not Famille80 to Famille89).
  await search.fill('Famille8 ');
  await table.getByRole('cell', { name: /\(Famille8 Claire\)$/ }).waitFor();
  await desk.getByText(/^1 décision$/).waitFor();
  // Six lists of ten: sixty families wait, on two pages.
  await search.fill('Liste d’attente');
  await desk.getByText('60 décisions — page 1 sur 2').waitFor();

  const phone = await phonePage(env.browser);
  await login(phone, env.app, 'GEST-JE-SEL');
  await phone.goto(`${env.app.url}/gestion/selection`);
  await phone.getByText('240 décisions — page 1 sur 5').waitFor();
  await expectAccessible(phone);

  await confirmAction(desk, 'Appliquer la sélection et prévenir les familles', {
    effect: /120 places attribuées, 60 demandes en liste d’attente, 60 refus/,
    confirm: 'Appliquer et prévenir les familles',
  });
  await desk.getByText(/Sélection appliquée : 120 places attribuées, 60 en attente/).waitFor();
  await desk.getByText('Aucune session clôturée n’attend de sélection dans ce secteur.').waitFor();
});
