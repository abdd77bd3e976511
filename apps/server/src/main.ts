// Starts Entraide: configuration, database and migrations, demo data, HTTP server.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadPackDirectory } from '@entraide/rules/node';
import { appContext, buildApp, committeeIdentity } from './app.ts';
import { loadConfig } from './config.ts';
import { JobQueue } from './jobs/job-queue.ts';
import { startNodeJobs } from './jobs/node-jobs.ts';
import { noticeVerifier } from './modules/tax-notices/trust-list.ts';
import { migrate, openDatabase } from './db/database.ts';
import { DEMO_PASSWORD, loadDemoData } from './demo/demo-data.ts';
import { calendar } from './modules/accounts/context.ts';
import { DatabaseDocumentStore, importDiskDocuments } from './modules/household/documents.ts';
import { createMailer } from './modules/notifications/mailer.ts';
import { organizationOf } from './modules/organization/organization.ts';
import { nodeLog } from './node-log.ts';
import { WarmUp } from './warm-up.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  // In production every line of the output is JSON, the node's own as its requests'.
  const log = nodeLog(config.production);
  const organization = organizationOf(config.organization, config.committeeSiret);
  const pgliteDir = join(config.dataDir, `pglite-${config.organization}`);
  if (!config.databaseUrl) mkdirSync(pgliteDir, { recursive: true });
  const db = await openDatabase({
    url: config.databaseUrl,
    dataDir: pgliteDir,
    log,
    ...(config.databasePoolSize ? { poolSize: config.databasePoolSize } : {}),
  });
  const applied = await migrate(db);
  if (applied.length > 0) log.info(`Migrations appliquées : ${applied.join(', ')}`);
  const packs = loadPackDirectory(config.packsDir ?? undefined);
  const jobs = new JobQueue(db, { log });
  await jobs.start();
  const mailer = createMailer(config.smtpUrl ? jobs : null);
  const store = new DatabaseDocumentStore(db);
  const imported = await importDiskDocuments(store, join(config.dataDir, 'files'));
  if (imported > 0) log.info(`Documents copiés du disque dans la base : ${imported}.`);
  const demo = config.production
    ? null
    : await loadDemoData(db, organization, {
        packs,
        store,
        mailer,
        publicUrl: config.publicUrl,
        today: calendar(config.today),
      });
  const verifier = noticeVerifier(config.trustListDir, (line) => {
    log.warn(line);
  });
  const warmUp = new WarmUp();
  const app = await buildApp({
    config,
    db,
    packs,
    mailer,
    store,
    verifier,
    logger: config.production,
    warmUp,
  });
  const identity = committeeIdentity(config, db);

  // This node is one of the workers of the durable jobs (docs/operations.md).
  await startNodeJobs(jobs, {
    config,
    db,
    ctx: appContext(config, db, mailer, packs, identity),
    identity,
    store,
    verifier,
    log: (line) => {
      log.info(line);
    },
  });

  // A graceful stop: the jobs under way finish and no new one is taken, the requests in flight
  // are answered (app.close waits for them) and new ones refused, then the database closes.
  let stopping: Promise<void> | null = null;
  const stop = async (): Promise<void> => {
    await jobs.stop();
    await app.close();
    await db.close();
    process.exit(0);
  };
  // Once, however many signals come (`npm start` passes its own on, and a Ctrl-C reaches both).
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      stopping ??= stop();
    });

  // On PostgreSQL, where nodes serve openings; the embedded database's start stays short.
  if (db.engine === 'postgres') {
    const warm = await warmUp.run(app, packs);
    log.info(
      `Préchauffage : ${Object.entries(warm.statuses)
        .map(([status, count]) => `${String(count)} réponses ${status}`)
        .join(', ')} en ${String(warm.milliseconds)} ms.`,
    );
  }
  const address = await app.listen({ port: config.port, host: config.host });
  if (demo) {
    console.log(`\nComptes de démonstration (mot de passe pour tous : ${DEMO_PASSWORD}) :`);
    for (const account of demo) console.log(`  ${account.identifier.padEnd(22)} ${account.label}`);
  }
  if (config.today) log.info(`Calendrier fixé au ${config.today} (variable TODAY).`);
  if (config.devMail) console.log(`Courriels (développement) : ${config.publicUrl}/dev/mail`);
  if (demo)
    console.log(
      `Second facteur du personnel (démonstration) : codes à ${config.publicUrl}/dev/totp`,
    );
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite ${pgliteDir}`;
  log.info(
    `Entraide (${organization.shortName}) prêt sur ${address.replace('127.0.0.1', 'localhost')} — base ${where}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
