// The durable jobs on the test's engine (PGlite or PostgreSQL): mail leaves after its
// transaction commits, a failed delivery is recorded and retried, the last failure is shown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollingSecondsOf, QUEUES } from '../src/jobs/job-queue.ts';
import { createMailer, mailDelivery, markMailFailed } from '../src/modules/notifications/mailer.ts';
import { createUser, PASSWORD, testApp, testDatabase, testJobs } from './harness.ts';
import type { Database } from '../src/db/database.ts';

let db: Database;
let jobs: Awaited<ReturnType<typeof testJobs>>;
beforeAll(async () => {
  db = await testDatabase();
  jobs = await testJobs(db);
});
afterAll(async () => {
  await jobs.close();
  await db.close();
});

const content = { subject: 'Votre place', text: 'Bonjour', html: '<p>Bonjour</p>' };
const outbox = () =>
  db.query<{ id: string; attempts: number; error: string | null; failed: boolean }>(
    'SELECT id::text, attempts, error, failed_at IS NOT NULL AS failed FROM mail_outbox ORDER BY id',
  );

describe('how often an idle node looks for work', () => {
  it('mail every 2 s, a scheduled queue as often as its jobs may be sent (every 30 s)', () => {
    const production = (queue: { name: string }) => pollingSecondsOf(queue.name, 2, 30);
    expect([QUEUES.mail, QUEUES.mailFailed].map(production)).toEqual([2, 2]);
    expect(
      [QUEUES.selection, QUEUES.reminders, QUEUES.retention, QUEUES.onlinePayments].map(production),
    ).toEqual([30, 30, 30, 30]);
    // The tests' queues: mail at 0,5 s, scheduled jobs sent each second.
    expect(pollingSecondsOf(QUEUES.selection.name, 0.5, 1)).toBe(1);
  });
});

describe('mail through the job queue', () => {
  it('enqueues nothing for a change rolled back: no mail in the outbox, no job', async () => {
    const mailer = createMailer(jobs.queue);
    await expect(
      db.transaction(async (tx) => {
        await mailer.send(tx, 'famille@example.org', content);
        throw new Error('the change fails after the mail was written');
      }),
    ).rejects.toThrow('the change fails');
    expect(await outbox()).toEqual([]);
    expect((await jobs.queue.depth()).mail).toBe(0);
  });

  it('enqueues the delivery with the mail when the change commits', async () => {
    const mailer = createMailer(jobs.queue);
    await db.transaction((tx) => mailer.send(tx, 'famille@example.org', content));
    expect(await outbox()).toHaveLength(1);
    expect((await jobs.queue.depth()).mail).toBe(1);
  });

  it('records a failed attempt (to be retried), then the last failure for staff', async () => {
    const [mail] = await outbox();
    // Nothing listens on port 9 of the loopback: the SMTP connection is refused.
    const deliver = mailDelivery(db, 'smtp://127.0.0.1:9', 'CAES <caes@example.org>');
    await expect(deliver({ id: mail!.id })).rejects.toThrow();
    expect((await outbox())[0]).toMatchObject({
      attempts: 1,
      error: expect.stringMatching(/ECONNREFUSED/) as unknown,
      failed: false,
    });
    await markMailFailed(db)({ id: mail!.id });
    expect((await outbox())[0]).toMatchObject({ failed: true });
  });
});

describe('undelivered mails for the admin', () => {
  it('lists the mails that failed every attempt and puts one back in the queue, in the audit log', async () => {
    const t = await testApp();
    try {
      await createUser(t.db, { identifier: 'ADMIN-MAILS', role: 'admin' });
      await createUser(t.db, { identifier: 'GEST-MAILS', role: 'staff', sectors: ['jeunesse'] });
      const [mail] = await t.db.query<{ id: string }>(
        `INSERT INTO mail_outbox (to_address, subject, text_body, html_body, attempts, error, failed_at)
         VALUES ('famille@example.org', 'Votre facture', 'x', 'x', 9, '550 Mailbox unavailable', now())
         RETURNING id::text`,
      );
      const staff = t.client();
      await staff.login('GEST-MAILS', PASSWORD);
      expect((await staff.get('/api/admin/failed-mails')).status).toBe(403);
      const admin = t.client();
      await admin.login('ADMIN-MAILS', PASSWORD);
      const listed = await admin.get('/api/admin/failed-mails');
      expect(listed.json()).toEqual([
        expect.objectContaining({
          id: mail!.id,
          to: 'famille@example.org',
          attempts: 9,
          error: '550 Mailbox unavailable',
        }),
      ]);
      expect((await admin.post('/api/admin/failed-mails/abc/resend', {})).status).toBe(400);
      expect((await admin.post(`/api/admin/failed-mails/${mail!.id}/resend`, {})).status).toBe(200);
      expect((await admin.get('/api/admin/failed-mails')).json()).toEqual([]);
      // Sent again already: nothing more to resend, and said so.
      const again = await admin.post(`/api/admin/failed-mails/${mail!.id}/resend`, {});
      expect(again.status).toBe(404);
      expect(again.json<{ message: string }>().message).toMatch(/^Ce courriel n’est plus en échec/);
      const audit = await t.db.query<{ subject_id: string }>(
        "SELECT subject_id FROM audit_log WHERE action = 'mail.resend'",
      );
      expect(audit).toEqual([{ subject_id: mail!.id }]);
    } finally {
      await t.close();
    }
  });
});
