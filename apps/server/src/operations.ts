import type { JobQueue } from './jobs/job-queue.ts';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database } from './db/database.ts';
import { pendingMigrations } from './db/database.ts';
import type { SessionTurns } from './modules/registrations/session-turns.ts';
import type { WarmUp } from './warm-up.ts';

/**
 * What an operator watches (issue 15, point 4):
 * - `/healthz`: the process answers;
 * - `/readyz`: the database answers and every migration is applied (a load balancer sends
 *   requests only then);
 * - `/metrics`: Prometheus's text format — request latency per route, the database pool, the
 *   mails not sent, the registration requests waiting for their turn on a session or for a batch. With
 *   `METRICS_TOKEN` set, only a scraper that sends it as a bearer token.
 */
export function operationRoutes(
  app: FastifyInstance,
  db: Database,
  metricsToken: string | null,
  jobs: JobQueue | null,
  turns: SessionTurns,
  batches: { readonly waiting: number },
  warmUp?: WarmUp,
): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Durée des requêtes HTTP, par route',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const failed = new Counter({
    name: 'http_server_errors_total',
    help: 'Réponses 5xx, par route',
    labelNames: ['route'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'entraide_db_pool_connections',
    help: 'Connexions du pool PostgreSQL, par état (absent avec PGlite)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const usage = db.poolUsage();
      if (!usage) return;
      for (const [state, value] of Object.entries(usage)) this.set({ state }, value);
    },
  });
  new Counter({
    name: 'entraide_db_statements_total',
    help: 'Instructions SQL envoyées à la base (BEGIN et COMMIT à part)',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(db.statements);
    },
  });
  new Counter({
    name: 'entraide_db_round_trips_total',
    help: 'Messages envoyés à la base et attendus (un BEGIN ou un COMMIT envoyé avec une instruction compte avec elle)',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(db.roundTrips);
    },
  });
  new Counter({
    name: 'entraide_db_conflicts_total',
    help: 'Transactions arrêtées par PostgreSQL puis rejouées : interblocage (deadlock), échec de sérialisation',
    labelNames: ['kind'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [kind, count] of Object.entries(db.conflicts)) this.inc({ kind }, count);
    },
  });
  new Gauge({
    name: 'entraide_mail_outbox',
    help: 'Courriels non envoyés : en échec définitif, en cours de nouvelles tentatives, en attente',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const [row] = await db.query<{ failed: number; retrying: number; waiting: number }>(
        `SELECT count(*) FILTER (WHERE failed_at IS NOT NULL)::int AS failed,
                count(*) FILTER (WHERE failed_at IS NULL AND error IS NOT NULL)::int AS retrying,
                count(*) FILTER (WHERE failed_at IS NULL AND error IS NULL)::int AS waiting
           FROM mail_outbox WHERE sent_at IS NULL`,
      );
      this.set({ state: 'failed' }, row?.failed ?? 0);
      this.set({ state: 'retrying' }, row?.retrying ?? 0);
      this.set({ state: 'waiting' }, row?.waiting ?? 0);
    },
  });
  new Gauge({
    name: 'entraide_registration_turns_waiting',
    help: 'Demandes d’inscription qui attendent leur tour sur leur session, sur ce nœud',
    registers: [registry],
    collect() {
      this.set(turns.waiting);
    },
  });
  new Gauge({
    name: 'entraide_registration_batch_waiting',
    help: 'Demandes d’inscription qui attendent le prochain lot vers la base, sur ce nœud',
    registers: [registry],
    collect() {
      this.set(batches.waiting);
    },
  });
  if (jobs)
    new Gauge({
      name: 'entraide_job_queue_depth',
      help: 'Tâches en attente, par file (mail-failed : les courriels en échec définitif)',
      labelNames: ['queue'] as const,
      registers: [registry],
      async collect() {
        for (const [queue, depth] of Object.entries(await jobs.depth())) this.set({ queue }, depth);
      },
    });

  // Calls `done` rather than being async: no promise for each request (issue 15, point 6).
  app.addHook('onResponse', (request, reply, done) => {
    if (!warmUp?.running) {
      // The route's pattern (/api/invoices/:id), never the address itself: ids would make a
      // series per invoice.
      const route = request.routeOptions.url ?? 'inconnue';
      latency.observe(
        { method: request.method, route, status_code: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
      if (reply.statusCode >= 500) failed.inc({ route });
    }
    done();
  });

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    const pending = await pendingMigrations(db).catch(() => null);
    if (pending === null)
      return reply.status(503).send({ status: 'not_ready', database: 'unreachable' });
    if (pending.length > 0)
      return reply.status(503).send({ status: 'not_ready', pendingMigrations: pending });
    return { status: 'ready', database: db.engine };
  });

  app.get('/metrics', async (request, reply) => {
    if (metricsToken && request.headers.authorization !== `Bearer ${metricsToken}`)
      return reply.status(401).send({ error: 'unauthorized', message: 'Jeton de mesure attendu.' });
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
