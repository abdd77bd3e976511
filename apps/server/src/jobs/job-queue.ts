import PgBoss from 'pg-boss';
import {
  errorCode,
  executorOf,
  isRetryable,
  TRANSACTION_ATTEMPTS,
  type Database,
  type Queryable,
} from '../db/database.ts';
import { consoleLog, type NodeLog } from '../node-log.ts';

/**
 * The durable jobs, in PostgreSQL through pg-boss (or in PGlite, the same SQL): a job is a row,
 * taken by one node only (`FOR UPDATE SKIP LOCKED`), retried with back-off, and, when it keeps
 * failing, moved to its dead-letter queue where staff see it. Scheduled jobs are sent once per
 * tick whatever the number of nodes (pg-boss's cron takes a lock and a singleton per minute).
 */
export const QUEUES = {
  /** A mail that failed every attempt: marked failed in the outbox for staff (created first). */
  mailFailed: { name: 'mail-failed' },
  /** One mail of the outbox to deliver over SMTP: 8 more attempts, from 30 s apart to hours. */
  mail: {
    name: 'mail',
    retryLimit: 8,
    retryDelay: 30,
    retryBackoff: true,
    deadLetter: 'mail-failed',
  },
  /** The selection of every session whose closing time passed. */
  selection: { name: 'selection', cron: '* * * * *' },
  /** Instalment reminders and the places unpaid a month before their start. */
  reminders: { name: 'reminders', cron: '7 * * * *' },
  /** Members told once of a barème published for the coming year (500 a run). */
  announcements: { name: 'announcements', cron: '*/10 * * * *' },
  /**
   * Online payments: pages past their time expired, refunds prepared by cancellations sent,
   * Stripe's fees read.
   */
  onlinePayments: { name: 'online-payments', cron: '* * * * *' },
  /** Tax notices read while their authority's certificate store could not answer, checked again. */
  noticeChecks: { name: 'notice-checks', cron: '23 * * * *' },
  /** The retention policy, the photos never saved in an activity, the attempts past every limit. */
  retention: { name: 'retention', cron: '17 3 * * *' },
} as const;

type QueueName = (typeof QUEUES)[keyof typeof QUEUES]['name'];

/** What a job carries: JSON, read by its handler as it would read a request's body. */
export type JobData = Readonly<Record<string, unknown>>;

export interface JobQueueOptions {
  /** The PostgreSQL schema of the queue's tables (tests give each database its own). */
  readonly schema?: string;
  /** How often an idle worker looks for work, in seconds (pg-boss's minimum is 0.5). */
  readonly pollingSeconds?: number;
  /**
   * How often a node checks whether a scheduled job is due, in seconds; also how often an idle
   * worker of a scheduled queue looks for work, as such a job is sent no more often.
   */
  readonly cronSeconds?: number;
  /** Where the queue's own failures are told; the console by default. */
  readonly log?: NodeLog;
}

/** A unique violation: what PostgreSQL says when two nodes create the same thing at once. */
const madeMeanwhile = (error: unknown): boolean => errorCode(error) === '23505';

/**
 * Runs `work` again, after a short random pause, while what it throws is `expected` of another
 * node doing the same at the same moment — a bounded number of times.
 */
async function againWhile(
  expected: (error: unknown) => boolean,
  work: (attempt: number) => Promise<void>,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await work(attempt);
      return;
    } catch (error) {
      if (!expected(error) || attempt >= TRANSACTION_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 100 * attempt));
    }
  }
}

/**
 * How often an idle worker of the queue `name` looks for work: a scheduled queue as often as its
 * jobs may be sent (`cronSeconds`), the others (mail) every `pollingSeconds`. All at 2 s, an idle
 * node made 4,5 transactions a second, 1,25 % of a PostgreSQL core; 2,2 now.
 */
export function pollingSecondsOf(
  name: string,
  pollingSeconds: number,
  cronSeconds: number,
): number {
  const scheduled = Object.values(QUEUES).some((q) => q.name === name && 'cron' in q);
  return scheduled ? Math.max(pollingSeconds, cronSeconds) : pollingSeconds;
}

export class JobQueue {
  private boss: PgBoss;
  private readonly pollingSeconds: number;
  private readonly cronSeconds: number;
  private readonly client: () => PgBoss;

  constructor(db: Database, options: JobQueueOptions = {}) {
    this.pollingSeconds = options.pollingSeconds ?? 2;
    this.cronSeconds = options.cronSeconds ?? 30;
    this.client = () => {
      const boss = new PgBoss({
        db: db.executor(),
        schema: options.schema ?? 'pgboss',
        cronMonitorIntervalSeconds: this.cronSeconds,
        // Completed jobs are kept a week for the record, failed ones in their dead-letter queue.
        deleteAfterDays: 7,
      });
      boss.on('error', (error) => {
        (options.log ?? consoleLog).error('File de tâches : erreur', error);
      });
      return boss;
    };
    this.boss = this.client();
  }

  /** Creates the queue's tables and queues when missing (any node may do it, once). */
  async start(): Promise<void> {
    // Two nodes installing pg-boss's tables at once: the second is refused by the catalog (pg-boss
    // checks before its lock); a failed client stays « starting », so a new one is started, and
    // finds them installed.
    await againWhile(madeMeanwhile, async (attempt) => {
      if (attempt > 1) this.boss = this.client();
      await this.boss.start();
    });
    // Nodes creating the same queues at once: PostgreSQL may pick one of them as a deadlock's
    // victim, or refuse the second creation of a queue's table; that node tries again, and finds
    // the queue made (creating a queue twice does nothing).
    await againWhile(
      (error) => isRetryable(error) || madeMeanwhile(error),
      async () => {
        for (const queue of Object.values(QUEUES)) await this.boss.createQueue(queue.name, queue);
      },
    );
  }

  /**
   * Adds a job for each of `data`, by one statement inside the caller's transaction: they exist,
   * and a worker may take them, only once that transaction has committed — never for a change
   * rolled back. Each takes its queue's retries and dead letter.
   */
  async enqueue(tx: Queryable, name: QueueName, data: readonly object[]): Promise<void> {
    await this.boss.insert(
      data.map((d) => ({ name, data: d })),
      { db: executorOf(tx) },
    );
  }

  /** Runs `handler` for each job of the queue on this node; a throw retries it later. */
  async work(name: string, handler: (data: JobData) => Promise<void>): Promise<void> {
    await this.boss.work<JobData>(
      name,
      {
        pollingIntervalSeconds: pollingSecondsOf(name, this.pollingSeconds, this.cronSeconds),
        batchSize: 1,
      },
      async ([job]) => {
        if (job) await handler(job.data);
      },
    );
  }

  /** Sends the job at every tick of `cron` (UTC), once whatever the number of nodes. */
  async schedule(name: string, cron: string): Promise<void> {
    await this.boss.schedule(name, cron);
  }

  /** Jobs waiting in each queue (for the metrics). */
  async depth(): Promise<Record<string, number>> {
    const sizes: Record<string, number> = {};
    for (const queue of Object.values(QUEUES))
      sizes[queue.name] = await this.boss.getQueueSize(queue.name);
    return sizes;
  }

  /** Lets the jobs under way finish (up to 30 s), then stops taking new ones. */
  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: 30_000 });
  }

  /** For tests: a queue of their own. */
  async createQueue(name: string): Promise<void> {
    await this.boss.createQueue(name);
  }

  /** For tests: sends a job outside any transaction. */
  async send(name: string, data: object): Promise<void> {
    await this.boss.send(name, data);
  }
}
