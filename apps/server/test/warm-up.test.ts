// Issue 15 (decision 0031): a node warms its code up before it listens — public simulations and
// registration requests under no session — writing nothing, and neither logging nor counting them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WarmUp } from '../src/warm-up.ts';
import { packs, logLines, testApp, type TestApp } from './harness.ts';

const { stream: logs, lines } = logLines();
const warmUp = new WarmUp({ simulations: 60, registrations: 30 });
let t: TestApp;
beforeAll(async () => {
  t = await testApp({ METRICS_TOKEN: 'jeton-de-mesure-2026' }, undefined, { logs, warmUp });
});
afterAll(() => t.close());

/** The transaction id the database would give next: any write in between takes one. */
const nextTransaction = async (): Promise<number> =>
  Number((await t.db.query<{ id: string }>('SELECT txid_current()::text AS id'))[0]?.id);

const metrics = async (): Promise<string> =>
  String(
    (
      await t.client().request('GET', '/metrics', undefined, {
        authorization: 'Bearer jeton-de-mesure-2026',
      })
    ).body,
  );

describe('the warm-up of a node', () => {
  it('answers simulations and registration requests (401, no such session) and writes nothing', async () => {
    const before = await nextTransaction();
    const report = await warmUp.run(t.app, packs);
    expect(report.statuses).toEqual({ 200: 60, 401: 30 });
    expect(warmUp.running).toBe(false);
    // Only the reading of the transaction id itself took one.
    expect((await nextTransaction()) - before).toBe(1);
    const [requests] = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM registration_requests',
    );
    expect(requests?.n).toBe(0);
  });

  it('neither logs its requests nor counts them in the metrics; the next request is', async () => {
    const requestLines = () => lines.filter((line) => line.includes('"reqId"'));
    expect(requestLines()).toEqual([]);
    expect(await metrics()).not.toContain('route="/api/v1/simulations"');
    const answer = await t.client().post('/api/v1/simulations', {
      pack: 'inserm-2021',
      household: { rfrEuros: 30_000, couple: false, children: [] },
    });
    expect(answer.status).toBe(200);
    expect(await metrics()).toMatch(
      /http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/simulations",status_code="200"\} 1/,
    );
    const urls = requestLines().map(
      (line) => (JSON.parse(line) as { req?: { url?: string } }).req?.url,
    );
    expect(urls).toContain('/api/v1/simulations');
  });
});
