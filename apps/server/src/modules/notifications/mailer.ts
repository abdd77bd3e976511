import nodemailer from 'nodemailer';
import type { Database, Queryable } from '../../db/database.ts';
import type { JobData, JobQueue } from '../../jobs/job-queue.ts';
import type { MailContent } from './templates.ts';

/** A mail to send: its address and its content. */
export interface OutgoingMail {
  readonly to: string;
  readonly content: MailContent;
}

/**
 * Sends mail. Every mail is written to the outbox inside the caller's transaction, with, when
 * SMTP is configured, a job to deliver it: the mail leaves after the change commits (never for a
 * change rolled back), from whichever node takes the job, and is retried when SMTP fails.
 */
export interface Mailer {
  send(db: Queryable, to: string, content: MailContent): Promise<void>;
  /** Sends several mails by one statement (and one for their jobs). */
  sendAll(db: Queryable, mails: readonly OutgoingMail[]): Promise<void>;
  /** Delivers again a mail of the outbox (one that failed every attempt), after `db` commits. */
  resend(db: Queryable, id: string): Promise<void>;
}

/** The outbox alone (read at /dev/mail) without a queue; the outbox and a delivery job with one. */
export function createMailer(queue: JobQueue | null): Mailer {
  const sendAll = async (db: Queryable, mails: readonly OutgoingMail[]): Promise<void> => {
    if (mails.length === 0) return;
    const rows = await db.query<{ id: string }>(
      `INSERT INTO mail_outbox (to_address, subject, text_body, html_body)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) RETURNING id`,
      [
        mails.map((m) => m.to),
        mails.map((m) => m.content.subject),
        mails.map((m) => m.content.text),
        mails.map((m) => m.content.html),
      ],
    );
    if (queue)
      await queue.enqueue(
        db,
        'mail',
        rows.map((row) => ({ id: row.id })),
      );
  };
  return {
    send: (db, to, content) => sendAll(db, [{ to, content }]),
    sendAll,
    async resend(db, id) {
      if (queue) await queue.enqueue(db, 'mail', [{ id }]);
    },
  };
}

interface OutboxMail {
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  sent_at: string | null;
}

/**
 * The delivery of one outbox mail over SMTP (the `mail` job). A mail already sent is not sent
 * again (a job may run twice if a node dies between sending and recording it: at least once).
 */
export function mailDelivery(db: Database, smtpUrl: string, from: string) {
  const transport = nodemailer.createTransport(smtpUrl);
  return async ({ id }: JobData): Promise<void> => {
    const [mail] = await db.query<OutboxMail>(
      'UPDATE mail_outbox SET attempts = attempts + 1 WHERE id = $1 RETURNING to_address, subject, text_body, html_body, sent_at::text',
      [id],
    );
    if (!mail || mail.sent_at) return;
    try {
      await transport.sendMail({
        from,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
        html: mail.html_body,
      });
    } catch (error) {
      await db.query('UPDATE mail_outbox SET error = $2 WHERE id = $1', [id, String(error)]);
      throw error;
    }
    await db.query('UPDATE mail_outbox SET sent_at = now(), error = NULL WHERE id = $1', [id]);
  };
}

/** A mail whose every attempt failed (the `mail-failed` dead letter): shown to staff. */
export const markMailFailed =
  (db: Database) =>
  async ({ id }: JobData): Promise<void> => {
    await db.query('UPDATE mail_outbox SET failed_at = now() WHERE id = $1 AND sent_at IS NULL', [
      id,
    ]);
  };
