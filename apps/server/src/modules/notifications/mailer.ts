import nodemailer from 'nodemailer';
import type { Queryable } from '../../db/database.ts';
import type { MailContent } from './templates.ts';

/** Sends mail. Every mail is written to the outbox first, so none is lost when SMTP fails. */
export interface Mailer {
  send(db: Queryable, to: string, content: MailContent): Promise<void>;
}

interface Transport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
  }): Promise<unknown>;
}

/** SMTP through nodemailer when `smtpUrl` is set; otherwise the outbox alone (read at /dev/mail). */
export function createMailer(smtpUrl: string | null, from: string): Mailer {
  const transport: Transport | null = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  return {
    async send(db, to, content) {
      const [row] = await db.query<{ id: string }>(
        'INSERT INTO mail_outbox (to_address, subject, text_body, html_body) VALUES ($1, $2, $3, $4) RETURNING id',
        [to, content.subject, content.text, content.html],
      );
      if (!transport || !row) return;
      try {
        await transport.sendMail({
          from,
          to,
          subject: content.subject,
          text: content.text,
          html: content.html,
        });
        await db.query('UPDATE mail_outbox SET sent_at = now() WHERE id = $1', [row.id]);
      } catch (error) {
        await db.query('UPDATE mail_outbox SET error = $2 WHERE id = $1', [row.id, String(error)]);
      }
    },
  };
}
