// The durable jobs on the test's engine (PGlite or PostgreSQL): mail leaves after its
// transaction commits, a failed delivery is recorded and retried, the last failure is shown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, mailDelivery, markMailFailed } from '../src/modules/notifications/mailer.ts';
import { testDatabase, testJobs } from './harness.ts';
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
