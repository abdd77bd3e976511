// Several app nodes on one PostgreSQL, as behind a load balancer: the registration burst spread
// across three nodes, and the durable jobs taken exactly once whatever the number of nodes.
// PostgreSQL only: PGlite is one process's database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueue } from '../src/jobs/job-queue.ts';
import { createUser, PASSWORD, testNodes, uploadReceipt } from './harness.ts';
import { book, family, openPlaces } from './place-fixtures.ts';

const postgres = Boolean(process.env.DATABASE_URL);
let cluster: Awaited<ReturnType<typeof testNodes>>;
beforeAll(async () => {
  if (postgres) cluster = await testNodes(3);
});
afterAll(async () => {
  if (postgres) await cluster.close();
});

describe.skipIf(!postgres)('three app nodes on one PostgreSQL', () => {
  it('takes a burst of requests spread across the nodes: none lost or twice, no overbooking, each invoice number once', async () => {
    const t = cluster.first;
    await createUser(t.db, { identifier: 'GEST-NODES', role: 'staff', sectors: ['jeunesse'] });
    const staff = t.client();
    await staff.login('GEST-NODES', PASSWORD);
    const [sessionId] = await openPlaces(t, staff, [
      {
        firstDay: '2021-07-05',
        lastDay: '2021-07-16',
        priceCents: 50_000,
        places: 10,
        waitingPlaces: 50,
      },
    ]);
    const families = [];
    for (let i = 0; i < 60; i += 1) families.push(await family(t, 20_000 + 500 * i));
    // Each family's request goes to the next node, all at once.
    const answers = await Promise.all(
      families.map(({ client }, i) => book(client.through(cluster.nodes[i % 3]!), sessionId!)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(60).fill(201));
    const [stored] = await t.db.query<{
      requests: number;
      members: number;
      confirmed: number;
      waiting: number;
      positions: number;
    }>(
      `SELECT count(*)::int AS requests, count(DISTINCT member_id)::int AS members,
              count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
              count(*) FILTER (WHERE status = 'waiting')::int AS waiting,
              count(DISTINCT priority) FILTER (WHERE status = 'waiting')::int AS positions
         FROM registration_requests`,
    );
    expect(stored).toEqual({
      requests: 60,
      members: 60,
      confirmed: 10,
      waiting: 50,
      positions: 50,
    });
    const [invoices] = await t.db.query<{
      count: number;
      numbers: number;
      first: number;
      last: number;
    }>(
      `SELECT count(*)::int AS count, count(DISTINCT number)::int AS numbers,
              min(number)::int AS first, max(number)::int AS last
         FROM invoices WHERE kind = 'invoice'`,
    );
    expect(invoices).toEqual({ count: 10, numbers: 10, first: 1, last: 10 });
  });

  it('serves a document sent to one node from the others (its bytes are in the database)', async () => {
    const { client } = await family(cluster.first, 31_000);
    const id = await uploadReceipt(client.through(cluster.nodes[1]!));
    for (const node of [cluster.nodes[0]!, cluster.nodes[2]!]) {
      const answer = await client.through(node).get(`/api/documents/${id}`);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('application/pdf');
    }
  });

  it('runs each job once, on one of the nodes, however many nodes take jobs', async () => {
    const [one, two, three] = cluster.databases;
    const schema = `jobs_nodes_${Date.now()}`;
    const queues = [one!, two!, three!].map(
      (db) => new JobQueue(db, { schema, pollingSeconds: 0.5, cronSeconds: 1 }),
    );
    for (const queue of queues) await queue.start();
    // Late in a minute, wait for the next one: the tick must be sent within its minute.
    if (new Date().getUTCSeconds() > 45)
      await new Promise((resolve) => setTimeout(resolve, (61 - new Date().getUTCSeconds()) * 1000));
    const now = new Date();
    const daily = `${String(now.getUTCMinutes())} ${String(now.getUTCHours())} * * *`;
    try {
      const ran: { n: number; node: number }[] = [];
      for (const [node, queue] of queues.entries()) {
        await queue.createQueue('count');
        await queue.work('count', async ({ n }) => {
          ran.push({ n: Number(n), node });
        });
        await queue.createQueue('tick');
        await queue.work('tick', async () => {
          ran.push({ n: -1, node });
        });
        // Every node schedules the same job, as every node does at start: once a day, at the
        // current minute, so that the test sees one tick even if it runs into the next minute.
        await queue.schedule('tick', daily);
      }
      await Promise.all(Array.from({ length: 60 }, (_, n) => queues[n % 3]!.send('count', { n })));
      await expect.poll(() => ran.filter((r) => r.n >= 0).length, { timeout: 30_000 }).toBe(60);
      await expect.poll(() => ran.filter((r) => r.n === -1).length, { timeout: 10_000 }).toBe(1);
      // A few more seconds: no job runs a second time, no tick is sent again this minute.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const numbers = ran.filter((r) => r.n >= 0).map((r) => r.n);
      expect(new Set(numbers).size).toBe(60);
      expect(numbers).toHaveLength(60);
      expect(ran.filter((r) => r.n === -1)).toHaveLength(1);
    } finally {
      for (const queue of queues) await queue.stop();
      await one!.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    }
  });
});
