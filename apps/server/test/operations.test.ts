// Issue 15, point 4: what an operator watches — the process, its readiness, Prometheus metrics
// — and JSON request logs with a request id that never hold a secret.
import { setTimeout } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, PASSWORD, logLines, testApp, type TestApp } from './harness.ts';
import { rawConnection, statusAndBody } from './raw-http.ts';

const { stream: logs, lines } = logLines();
let t: TestApp;
beforeAll(async () => {
  t = await testApp({ METRICS_TOKEN: 'jeton-de-mesure-2026' }, undefined, { logs });
  await createUser(t.db, { identifier: 'IN-000960' });
});
afterAll(() => t.close());

describe('operations', () => {
  it('says the process is up and, once migrated, ready', async () => {
    const health = await t.client().get('/healthz');
    expect([health.status, health.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await t.client().get('/readyz');
    expect([ready.status, ready.json()]).toEqual([200, { status: 'ready', database: t.db.engine }]);
    // A migration not applied yet: the node is not ready.
    await t.db.query(
      `DELETE FROM schema_migrations WHERE id = '0016_committee_identity_and_photos.sql'`,
    );
    const behind = await t.client().get('/readyz');
    expect([behind.status, behind.json()]).toEqual([
      503,
      { status: 'not_ready', pendingMigrations: ['0016_committee_identity_and_photos.sql'] },
    ]);
    await t.db.query(
      `INSERT INTO schema_migrations (id) VALUES ('0016_committee_identity_and_photos.sql')`,
    );
  });

  it('serves Prometheus metrics to the scraper with the token only, by route pattern', async () => {
    await t.client().get('/api/activities/8c1f0e1e-1111-4111-8111-111111111111');
    expect((await t.client().get('/metrics')).status).toBe(401);
    const scraper = await t.client().request('GET', '/metrics', undefined, {
      authorization: 'Bearer jeton-de-mesure-2026',
    });
    expect(scraper.status).toBe(200);
    const text = String(scraper.body);
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="[\d.]+",method="GET",route="\/api\/activities\/:id",status_code="404"\} 1/,
    );
    expect(text).not.toContain('8c1f0e1e');
    expect(text).toMatch(/entraide_mail_outbox\{state="failed"\} 0/);
    expect(text).toMatch(/^entraide_registration_turns_waiting 0$/m);
    expect(text).toMatch(/^entraide_registration_batch_waiting 0$/m);
    // The statements the database was sent, as the database counts them itself.
    const statements = Number(/entraide_db_statements_total (\d+)/.exec(text)?.[1]);
    expect(statements).toBeGreaterThan(0);
    expect(statements).toBeLessThanOrEqual(t.db.statements);
    // Deadlocks and serialization failures, each retried: none here, but the series exist.
    expect(text).toMatch(/^entraide_db_conflicts_total\{kind="deadlock"\} 0$/m);
    expect(text).toMatch(/^entraide_db_conflicts_total\{kind="serialization"\} 0$/m);
    expect(text).toMatch(/^entraide_db_conflicts_total\{kind="busy"\} 0$/m);
    expect(text).toContain('process_resident_memory_bytes');
    if (t.db.engine === 'postgres')
      expect(text).toMatch(/entraide_db_pool_connections\{state="total"\}/);
  });

  it('logs each request as JSON with its id, and never a password, a cookie or a token', async () => {
    const member = t.client();
    await member.login('IN-000960', PASSWORD);
    await member.post('/api/me/bank-accounts', {
      holder: 'Claire Martin',
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP882',
    });
    await member.request('GET', '/api/session', undefined, { 'x-request-id': 'rq-operateur-42' });
    // A client's id that is no id (spaces, quotes, 8 kB) is replaced by a new one.
    const forged = await member.request('GET', '/api/session', undefined, {
      'x-request-id': `"faux" ${'x'.repeat(8_000)}`,
    });
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    await member.get('/api/cards/un-jeton-de-carte-secret');
    await t.client().get('/mot-de-passe/definir?jeton=un-jeton-secret');
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.some((e) => e.reqId === 'rq-operateur-42')).toBe(true);
    expect(entries.filter((e) => e.msg === 'request completed').length).toBeGreaterThan(3);
    const urls = entries.map((e) => (e.req as { url?: string } | undefined)?.url);
    expect(urls).toContain('/api/cards/[masqué]');
    expect(urls).toContain('/mot-de-passe/definir?jeton=[masqué]');
    const all = lines.join('\n');
    for (const secret of [
      PASSWORD,
      'FR7630006000011234567890189',
      'un-jeton-secret',
      'un-jeton-de-carte-secret',
      'entraide_session=',
      '"faux"',
    ])
      expect(all).not.toContain(secret);
  });
});

describe('a graceful stop', () => {
  it('answers a request still coming on an open connection « réessayez », in French, and closes it', async () => {
    const stopping = await testApp();
    const connection = rawConnection(await stopping.app.listen({ host: '127.0.0.1', port: 0 }));
    // A request under way (its body not all sent) when the node is told to stop…
    connection.send(
      'POST /api/v1/simulations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{',
    );
    await setTimeout(100);
    const closed = stopping.close();
    await setTimeout(100);
    // … is answered; the next one on the same connection is sent elsewhere.
    connection.send('}GET /api/v1/packs HTTP/1.1\r\nHost: x\r\n\r\n');
    const [first = '', second = ''] = (await connection.answers).split(/(?=HTTP\/1\.1 )/);
    await closed;
    expect(statusAndBody(first).status).toBe('HTTP/1.1 400 Bad Request');
    expect(statusAndBody(second)).toEqual({
      status: 'HTTP/1.1 503 Service Unavailable',
      body: { error: 'unavailable', message: expect.stringContaining('réessayez') as string },
    });
    expect(second).toMatch(/\r\nConnection: close\r\n/);
    expect(second).toMatch(/\r\nretry-after: 2\r\n/);
  });
});
