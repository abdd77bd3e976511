import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/modules/accounts/secrets.ts';
import { createUser, mailsTo, testApp, type TestApp } from './harness.ts';

/** A real SMTP server on loopback: what the app sends is what a mail server receives. */
function startSmtp(): Promise<{ port: number; received: string[]; close: () => Promise<void> }> {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.server.address() as AddressInfo;
      resolve({
        port,
        received,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let t: TestApp;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await testApp({
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    MAIL_FROM: 'CAES <caes@example.org>',
  });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('mail over SMTP', () => {
  it('delivers a French mail, text and HTML, and marks it sent in the outbox', async () => {
    await createUser(t.db, { identifier: 'IN-000950', email: 'smtp@example.org' });
    await t.client().post('/api/recovery/password', { identifier: 'IN-000950' });
    await expect.poll(() => smtp.received.length).toBe(1);
    const message = smtp.received[0] ?? '';
    expect(message).toMatch(/^To: smtp@example\.org/m);
    expect(message).toMatch(/^From: CAES <caes@example\.org>/m);
    expect(message).toContain('Content-Type: text/plain; charset=utf-8');
    expect(message).toContain('Content-Type: text/html; charset=utf-8');
    // Delivered by the job after the request's transaction, then recorded as sent.
    await expect
      .poll(
        async () =>
          (
            await t.db.query<{ sent_at: string | null; attempts: number }>(
              'SELECT sent_at::text AS sent_at, attempts FROM mail_outbox',
            )
          )[0],
      )
      .toMatchObject({ sent_at: expect.any(String) as unknown, attempts: 1 });
    expect((await mailsTo(t.db, 'smtp@example.org'))[0]?.subject).toBe(
      'CAES Inserm — Réinitialiser votre mot de passe',
    );
  });
  it('does not offer the development mail catcher when SMTP is configured', async () => {
    expect((await t.client().get('/dev/mail')).status).toBe(404);
  });
});

describe('passwords', () => {
  it('are hashed with argon2id', async () => {
    expect(await hashPassword('un mot de passe 2026')).toMatch(
      /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/,
    );
  });
});
