import { plural } from '@entraide/rules';
import type { AppContext } from '../modules/accounts/context.ts';
import { sendDueReminders } from '../modules/billing/reminders.ts';
import { withdrawUnpaidPlaces } from '../modules/billing/withdrawals.ts';
import type { DocumentStore } from '../modules/household/documents.ts';
import { mailDelivery, markMailFailed } from '../modules/notifications/mailer.ts';
import type { CommitteeIdentity } from '../modules/organization/identity.ts';
import { deleteUnusedPhotos } from '../modules/pictures/unused-photos.ts';
import { forgetOldAttempts } from '../modules/accounts/attempts.ts';
import { PublishedPacks } from '../modules/packs/published-packs.ts';
import { announceComingPacks } from '../modules/packs/pack-changes.ts';
import { expireOnlinePayments, readProviderFees } from '../modules/payments/online-payments.ts';
import { sendPreparedRefunds } from '../modules/payments/online-refunds.ts';
import { paymentProvider } from '../modules/payments/routes.ts';
import { applyRetention } from '../modules/privacy/retention.ts';
import { recheckNotices } from '../modules/tax-notices/tax-notice-reading.ts';
import type { NoticeVerifier } from '../modules/tax-notices/trust-list.ts';
import { followUpDueDecisions } from '../modules/registrations/places.ts';
import { runDueSelections } from '../modules/registrations/selection.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { QUEUES, type JobQueue } from './job-queue.ts';

/** What a node's workers need. */
export interface NodeJobs {
  readonly config: Config;
  readonly db: Database;
  readonly ctx: AppContext;
  readonly identity: CommitteeIdentity;
  readonly store: DocumentStore;
  readonly verifier: NoticeVerifier;
  /** Where the jobs say what they did (the console in production). */
  readonly log: (line: string) => void;
}

/**
 * Makes this node one of the workers: every node takes jobs, each job runs on one of them.
 * Mail delivery (with SMTP), the selection at its day (and the follow-ups of decisions a stopped
 * node left due), the instalment reminders and the unpaid places, the retention policy, the
 * photos never saved and the old login attempts, the online refunds, the tax notices left
 * unchecked.
 */
export async function startNodeJobs(jobs: JobQueue, node: NodeJobs): Promise<void> {
  const { config, db, ctx, identity, store, verifier, log } = node;
  if (config.smtpUrl) {
    await jobs.work(QUEUES.mail.name, mailDelivery(db, config.smtpUrl, config.mailFrom));
    await jobs.work(QUEUES.mailFailed.name, markMailFailed(db));
  }
  await jobs.work(QUEUES.selection.name, async () => {
    await identity.fresh();
    const sessions = await runDueSelections(ctx);
    if (sessions > 0)
      log(`Sélection appliquée à ${plural(sessions, 'session clôturée', 'sessions clôturées')}.`);
    const followed = await followUpDueDecisions(ctx);
    if (followed > 0) log(`Suites de décision reprises (facture, courriel) : ${followed}.`);
  });
  await jobs.work(QUEUES.reminders.name, async () => {
    await identity.fresh();
    const reminders = await sendDueReminders(ctx);
    if (reminders > 0) log(`Rappels d’échéance envoyés : ${reminders}.`);
    const unpaid = await withdrawUnpaidPlaces(ctx);
    if (unpaid.warned + unpaid.withdrawn > 0)
      log(
        `Soldes impayés un mois avant le départ : ${plural(unpaid.warned, 'famille prévenue', 'familles prévenues')}, ${plural(unpaid.withdrawn, 'désistement', 'désistements')}.`,
      );
  });
  await jobs.work(QUEUES.retention.name, async () => {
    const purged = await applyRetention(db, store, ctx.today(), {
      incomeProofYears: config.retentionIncomeProofYears,
    });
    if (purged > 0)
      log(`Durée de conservation : ${plural(purged, 'document supprimé', 'documents supprimés')}.`);
    const photos = await deleteUnusedPhotos(db);
    if (photos > 0)
      log(
        `Photos jamais enregistrées dans une activité : ${plural(photos, 'supprimée', 'supprimées')}.`,
      );
    await forgetOldAttempts(db);
  });
  await jobs.work(QUEUES.noticeChecks.name, async () => {
    const checked = await recheckNotices(db, store, verifier);
    if (checked > 0) log(`Avis d’impôt vérifiés après coup : ${plural(checked, 'avis', 'avis')}.`);
  });
  const published = new PublishedPacks(db, ctx.packs);
  await jobs.work(QUEUES.announcements.name, async () => {
    await identity.fresh();
    await published.fresh();
    const told = await announceComingPacks(ctx);
    if (told > 0)
      log(`Nouveau barème annoncé : ${plural(told, 'adhérent prévenu', 'adhérents prévenus')}.`);
  });
  const scheduled: { name: string; cron: string }[] = [
    QUEUES.selection,
    QUEUES.reminders,
    QUEUES.announcements,
    QUEUES.noticeChecks,
    QUEUES.retention,
  ];
  if (config.payments) {
    const provider = await paymentProvider(ctx, config.payments);
    await jobs.work(QUEUES.onlinePayments.name, async () => {
      await expireOnlinePayments(db);
      await readProviderFees(db, provider);
      const sent = await sendPreparedRefunds(db, provider);
      if (sent.confirmed + sent.failed > 0)
        log(
          `Remboursements en ligne : ${plural(sent.confirmed, 'confirmé', 'confirmés')}, ${plural(sent.failed, 'en échec', 'en échec')}.`,
        );
    });
    scheduled.push(QUEUES.onlinePayments);
  }
  for (const queue of scheduled) await jobs.schedule(queue.name, queue.cron);
}
