// Issue 15, point 2: the mails SMTP refused at every attempt are shown to the admin, who sends
// them again — at a desk (1280 px) and on a phone.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../apps/server/test/harness.ts';
import { desktopPage, expectAccessible, phonePage } from './support/browser.ts';
import { login, useAppAndBrowser } from './support/fixture.ts';

const env = useAppAndBrowser();
beforeAll(async () => {
  await createUser(env.app.db, { identifier: 'ADMIN-COURRIELS', role: 'admin' });
});

/** A mail SMTP refused at every attempt: its id. */
async function failedMail(to: string, subject: string): Promise<string> {
  const [mail] = await env.app.db.query<{ id: string }>(
    `INSERT INTO mail_outbox (to_address, subject, text_body, html_body, attempts, error, failed_at)
     VALUES ($1, $2, 'Bonjour', '<p>Bonjour</p>', 9, '550 Mailbox unavailable', now()) RETURNING id::text`,
    [to, subject],
  );
  return mail?.id ?? '';
}

describe.each([
  ['at a desk', desktopPage, 'bureau'],
  ['on a phone', phonePage, 'mobile'],
])('undelivered mails, %s', (_, open: (browser: Browser) => Promise<Page>, where) => {
  it('shows each mail that failed every attempt, with the server’s answer, and sends it again', async () => {
    const subject = `Votre place est confirmée (${where})`;
    const mail = await failedMail(`famille-${where}@example.org`, subject);
    const page = await open(env.browser);
    await login(page, env.app, 'ADMIN-COURRIELS');
    await page.goto(`${env.app.url}/gestion`);
    await page.getByRole('link', { name: 'Courriels non distribués' }).click();
    await page.getByRole('heading', { name: subject }).waitFor();
    await page.getByText(`Destinataire : famille-${where}@example.org`).waitFor();
    await page.getByText('Réponse du serveur : 550 Mailbox unavailable').waitFor();
    await page
      .getByText(/^9 tentatives depuis le /)
      .first()
      .waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: `Renvoyer « ${subject} »` }).click();
    await page.getByText(`« ${subject} » est renvoyé à famille-${where}@example.org.`).waitFor();
    await expect.poll(() => page.getByRole('heading', { name: subject }).count()).toBe(0);
    const [row] = await env.app.db.query<{ failed: boolean; attempts: number }>(
      'SELECT failed_at IS NOT NULL AS failed, attempts FROM mail_outbox WHERE id = $1',
      [mail],
    );
    expect(row).toEqual({ failed: false, attempts: 0 });
    // The admin's journal says it, in words, with who did it.
    await page.getByRole('link', { name: 'Journal des actions' }).click();
    await page.getByLabel('Action', { exact: true }).selectOption({ label: 'courriel renvoyé' });
    await page.getByRole('button', { name: 'Chercher dans le journal' }).click();
    await page
      .getByRole('row')
      .filter({ hasText: 'ADMIN-COURRIELS' })
      .filter({ hasText: 'courriel renvoyé' })
      .first()
      .waitFor();
    expect(await page.getByRole('cell', { name: 'mail.resend' }).count()).toBe(0);
    await expectAccessible(page);
  });

  it('says a mail a colleague sent again meanwhile, and reads the list again', async () => {
    const subject = `Rappel d’échéance (${where})`;
    const mail = await failedMail(`rappel-${where}@example.org`, subject);
    const page = await open(env.browser);
    await login(page, env.app, 'ADMIN-COURRIELS');
    await page.goto(`${env.app.url}/gestion/courriels`);
    await page.getByRole('heading', { name: subject }).waitFor();
    // Another admin sends it again, from another desk.
    await env.app.db.query(
      'UPDATE mail_outbox SET failed_at = NULL, error = NULL, attempts = 0 WHERE id = $1',
      [mail],
    );
    await page.getByRole('button', { name: `Renvoyer « ${subject} »` }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Ce courriel n’est plus en échec : il a déjà été renvoyé' })
      .waitFor();
    await expect.poll(() => page.getByRole('heading', { name: subject }).count()).toBe(0);
    await expectAccessible(page);
  });
});
