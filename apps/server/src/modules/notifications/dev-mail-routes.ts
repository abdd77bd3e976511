import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import type { Database } from '../../db/database.ts';
import { escapeMarkup } from '../../markup.ts';

interface OutboxRow {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  created_at: string;
}

const linkify = (text: string): string =>
  escapeMarkup(text).replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>');

/** The development pages' own small stylesheet is inline: the only pages allowed one. */
const DEV_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

/** Development only: the mails the app would have sent, newest first, so a newcomer can follow every flow. */
export function devMailRoutes(app: FastifyInstance, db: Database): void {
  const latest = () =>
    db.query<OutboxRow>(
      'SELECT id, to_address, subject, text_body, html_body, created_at::text AS created_at FROM mail_outbox ORDER BY id DESC LIMIT 100',
    );
  app.get('/dev/mail.json', async () => ({
    mails: (await latest()).map((m) => ({
      id: Number(m.id),
      to: m.to_address,
      subject: m.subject,
      text: m.text_body,
      html: m.html_body,
      createdAt: m.created_at,
    })),
  }));
  app.get('/dev/mail', async (_request, reply) => {
    const mails = await latest();
    const items = mails
      .map(
        (m) =>
          `<article><h2>${escapeMarkup(m.subject)}</h2><p>À : ${escapeMarkup(m.to_address)} — ${escapeMarkup(m.created_at)}</p><pre>${linkify(m.text_body)}</pre></article>`,
      )
      .join('\n');
    return reply
      .type('text/html; charset=utf-8')
      .header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      )
      .send(
        `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Courriels envoyés (développement)</title><style>body{font-family:sans-serif;max-width:60rem;margin:auto;padding:1rem}pre{white-space:pre-wrap;background:#f4f4f4;padding:1rem}article{border-bottom:1px solid #ccc}</style></head><body><main><h1>Courriels envoyés (développement)</h1>${items || '<p>Aucun courriel pour l’instant.</p>'}</main></body></html>`,
      );
  });
}

/**
 * Development only: the current code of each staff account's authenticator app, so that the demo
 * back office opens without a phone (never registered in production).
 */
export function devTotpRoutes(app: FastifyInstance, db: Database): void {
  app.get('/dev/totp', async (_request, reply) => {
    const accounts = await db.query<{ identifier: string; secret: string }>(
      `SELECT identifier, totp_secret AS secret FROM users WHERE totp_secret IS NOT NULL AND role <> 'member' ORDER BY identifier`,
    );
    const rows = await Promise.all(
      accounts.map(
        async (a) =>
          `<tr><th scope="row">${escapeMarkup(a.identifier)}</th><td><code>${await generate({ secret: a.secret })}</code></td></tr>`,
      ),
    );
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', DEV_PAGE_POLICY)
      .send(
        `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Codes du second facteur (développement)</title><style>body{font-family:sans-serif;max-width:40rem;margin:auto;padding:1rem}code{font-size:1.4rem}</style></head><body><main><h1>Codes du second facteur (développement)</h1><p>Le code de chaque compte du personnel, valable 30 secondes : rechargez la page pour le suivant.</p><table>${rows.join('')}</table></main></body></html>`,
      );
  });
}
