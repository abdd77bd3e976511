// Starts Entraide: configuration, database and migrations, demo data, HTTP server.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { plural } from '@entraide/rules';
import { loadPackDirectory } from '@entraide/rules/node';
import { appContext, buildApp, committeeIdentity } from './app.ts';
import { sendDueReminders } from './modules/billing/reminders.ts';
import { withdrawUnpaidPlaces } from './modules/billing/withdrawals.ts';
import { runDueSelections } from './modules/registrations/selection.ts';
import { applyRetention } from './modules/privacy/retention.ts';
import { deleteUnusedPhotos } from './modules/pictures/unused-photos.ts';
import { loadConfig } from './config.ts';
import { migrate, openDatabase } from './db/database.ts';
import { DEMO_PASSWORD, loadDemoData } from './demo/demo-data.ts';
import { calendar } from './modules/accounts/context.ts';
import { DocumentStore } from './modules/household/documents.ts';
import { createMailer } from './modules/notifications/mailer.ts';
import { organizationOf } from './modules/organization/organization.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const organization = organizationOf(config.organization, config.committeeSiret);
  const pgliteDir = join(config.dataDir, `pglite-${config.organization}`);
  if (!config.databaseUrl) mkdirSync(pgliteDir, { recursive: true });
  const db = await openDatabase({ url: config.databaseUrl, dataDir: pgliteDir });
  const applied = await migrate(db);
  if (applied.length > 0) console.log(`Migrations appliquées : ${applied.join(', ')}`);
  const packs = loadPackDirectory(config.packsDir ?? undefined);
  const mailer = createMailer(config.smtpUrl, config.mailFrom);
  const store = new DocumentStore(join(config.dataDir, 'files'));
  const demo = config.production
    ? null
    : await loadDemoData(db, organization, {
        packs,
        store,
        mailer,
        publicUrl: config.publicUrl,
        today: calendar(config.today),
      });
  const app = await buildApp({ config, db, packs, mailer, store, logger: config.production });

  // Scheduled jobs, at start then every 10 minutes: the selection of every session whose
  // closing day passed, the reminders a week before each instalment, the places unpaid a month
  // before their start (CNRS), the retention policy.
  const identity = committeeIdentity(config, db);
  const ctx = appContext(config, db, mailer, packs, identity);
  const jobs = async (): Promise<void> => {
    await identity.fresh();
    const sessions = await runDueSelections(ctx);
    if (sessions > 0)
      console.log(
        `Sélection appliquée à ${plural(sessions, 'session clôturée', 'sessions clôturées')}.`,
      );
    const reminders = await sendDueReminders(ctx);
    if (reminders > 0) console.log(`Rappels d’échéance envoyés : ${reminders}.`);
    const unpaid = await withdrawUnpaidPlaces(ctx);
    if (unpaid.warned + unpaid.withdrawn > 0)
      console.log(
        `Soldes impayés un mois avant le départ : ${plural(unpaid.warned, 'famille prévenue', 'familles prévenues')}, ${plural(unpaid.withdrawn, 'désistement', 'désistements')}.`,
      );
    const purged = await applyRetention(db, store, ctx.today(), {
      incomeProofYears: config.retentionIncomeProofYears,
    });
    if (purged > 0)
      console.log(
        `Durée de conservation : ${plural(purged, 'document supprimé', 'documents supprimés')}.`,
      );
    const photos = await deleteUnusedPhotos(db);
    if (photos > 0)
      console.log(
        `Photos jamais enregistrées dans une activité : ${plural(photos, 'supprimée', 'supprimées')}.`,
      );
  };
  let running: Promise<void> = Promise.resolve();
  const runJobs = () => {
    running = jobs().catch(console.error);
    return running;
  };
  const timer = setInterval(() => void runJobs(), 10 * 60_000);
  timer.unref();
  await runJobs();

  // A graceful stop: no new jobs, the run under way finishes, the requests in flight are
  // answered (app.close waits for them) and new ones refused, then the database closes.
  const stop = async (): Promise<void> => {
    clearInterval(timer);
    await running;
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  const address = await app.listen({ port: config.port, host: config.host });
  if (demo) {
    console.log(`\nComptes de démonstration (mot de passe pour tous : ${DEMO_PASSWORD}) :`);
    for (const account of demo) console.log(`  ${account.identifier.padEnd(22)} ${account.label}`);
  }
  if (config.today) console.log(`Calendrier fixé au ${config.today} (variable TODAY).`);
  if (config.devMail) console.log(`Courriels (développement) : ${config.publicUrl}/dev/mail`);
  if (demo)
    console.log(
      `Second facteur du personnel (démonstration) : codes à ${config.publicUrl}/dev/totp`,
    );
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite ${pgliteDir}`;
  console.log(
    `Entraide (${organization.shortName}) prêt sur ${address.replace('127.0.0.1', 'localhost')} — base ${where}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
