import { existsSync } from 'node:fs';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { PackRegistry } from '@entraide/rules';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { refuseUnreadableText, registerErrorHandler, UNAVAILABLE } from './http.ts';
import { registerRefusalPages } from './refusal-page.ts';
import { malformedRequests } from './malformed-requests.ts';
import { accountRoutes } from './modules/accounts/routes.ts';
import { activityRoutes } from './modules/activities/routes.ts';
import { billingRoutes } from './modules/billing/routes.ts';
import { claimRoutes } from './modules/claims/routes.ts';
import { solidarityRoutes } from './modules/solidarity/routes.ts';
import { backOfficeRoutes } from './modules/back-office/routes.ts';
import { RegistrationBatches } from './modules/registrations/registration-batches.ts';
import { registrationRoutes } from './modules/registrations/routes.ts';
import { DatabaseDocumentStore, type DocumentStore } from './modules/household/documents.ts';
import { householdRoutes } from './modules/household/routes.ts';
import { privacyRoutes } from './modules/privacy/routes.ts';
import { calendar, type AppContext } from './modules/accounts/context.ts';
import { CsrfTokens } from './modules/accounts/csrf.ts';
import { KnownDevices } from './modules/accounts/known-devices.ts';
import { secondFactorRoutes } from './modules/accounts/second-factor-routes.ts';
import { createMailer, type Mailer } from './modules/notifications/mailer.ts';
import { failedMailRoutes } from './modules/notifications/failed-mail-routes.ts';
import { noticeVerifier, type NoticeVerifier } from './modules/tax-notices/trust-list.ts';
import type { JobQueue } from './jobs/job-queue.ts';
import { devMailRoutes, devTotpRoutes } from './modules/notifications/dev-mail-routes.ts';
import { paymentProvider, paymentRoutes } from './modules/payments/routes.ts';
import { CommitteeIdentity } from './modules/organization/identity.ts';
import { organizationOf } from './modules/organization/organization.ts';
import { committeeRoutes } from './modules/organization/routes.ts';
import { pictureRoutes } from './modules/pictures/routes.ts';
import { memberCardRoutes } from './modules/member-card/routes.ts';
import { memberFileRoutes } from './modules/members/routes.ts';
import { formRoutes } from './modules/forms/routes.ts';
import { partnerRoutes } from './modules/partners/routes.ts';
import { packRoutes } from './modules/packs/routes.ts';
import { simulationRoutes } from './modules/simulation/routes.ts';
import { PublishedPacks } from './modules/packs/published-packs.ts';
import { studioRoutes } from './modules/packs/studio-routes.ts';
import { openApiDocument } from './openapi.ts';
import { operationRoutes } from './operations.ts';
import { requestId, requestLogs } from './request-logs.ts';
import { SessionTurns } from './modules/registrations/session-turns.ts';
import type { WarmUp } from './warm-up.ts';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface AppDependencies {
  readonly config: Config;
  readonly db: Database;
  readonly packs: PackRegistry;
  readonly mailer?: Mailer;
  /** The durable jobs: mail is delivered through them when SMTP is configured. */
  readonly jobs?: JobQueue;
  /** Where documents' bytes are kept; by default the database. */
  readonly store?: DocumentStore;
  /** JSON request logs: to standard output (true), to a stream, or none. */
  readonly logger?: boolean | Writable;
  /** Tax notices' codes checked against ANTS's trust list; by default `TRUST_LIST_DIR`'s, or the shipped one. */
  readonly verifier?: NoticeVerifier;
  /** The node's warm-up before it listens: its requests are neither logged nor counted. */
  readonly warmUp?: WarmUp;
}

/** With SMTP, mail leaves through the job queue: a node that sends mail must be given one. */
const requireJobs = (jobs: JobQueue | undefined): JobQueue => {
  if (!jobs) throw new Error('SMTP_URL est configuré : le courriel part par la file de tâches.');
  return jobs;
};

/** What every use case gets, from the configuration. */
export const appContext = (
  config: Config,
  db: Database,
  mailer: Mailer,
  packs: PackRegistry,
  identity = committeeIdentity(config, db),
): AppContext => ({
  db,
  mailer,
  get organization() {
    return identity.current;
  },
  publicUrl: config.publicUrl,
  packs,
  committeeAccount: config.committeeAccount,
  today: calendar(config.today),
  autoValidateVerifiedNotices: config.autoValidateVerifiedNotices,
  sessionTurns: new SessionTurns(),
});

/** The committee's identity: its organisation's, as its admin changed it. */
export const committeeIdentity = (config: Config, db: Database): CommitteeIdentity =>
  new CommitteeIdentity(db, organizationOf(config.organization, config.committeeSiret));

/**
 * Security headers (helmet): a strict Content-Security-Policy — scripts and styles from the app
 * itself only, no inline script, no eval, never framed — HSTS in production, no referrer outside.
 */
const helmetOptions = (config: Config): HelmetOptions => ({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      // Activities' pictures are https addresses (decision 0008); QR codes are data: images.
      imgSrc: ["'self'", 'data:', 'https:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      // The Lyra form is posted to the brand's payment page (decision 0025).
      formAction: [
        "'self'",
        ...(config.payments?.provider === 'lyra' ? [new URL(config.payments.formUrl).origin] : []),
      ],
      frameAncestors: ["'none'"],
      ...(config.production ? { upgradeInsecureRequests: [] } : {}),
    },
  },
  hsts: config.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  referrerPolicy: { policy: 'same-origin' },
  crossOriginEmbedderPolicy: false,
});

/**
 * The headers helmet sets with these options, worked out once: they are the same for every answer,
 * and helmet's middleware cost 4 % of a public simulation's time (issue 15, point 6).
 */
function securityHeaders(config: Config): Record<string, string> {
  // Helmet's middleware is synchronous and only sets or removes headers (helmet 8): run once on a
  // response that is never sent, its headers are the ones every answer gets.
  const response = new ServerResponse(new IncomingMessage(new Socket()));
  helmet(helmetOptions(config))(response.req, response, () => undefined);
  return Object.fromEntries(
    Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]),
  );
}

const COMPRESSED_BODY = {
  error: 'unsupported_encoding',
  message:
    'Les données compressées (Content-Encoding) ne sont pas acceptées : envoyez-les telles quelles, par exemple du JSON non compressé.',
};

/** The whole HTTP application, ready to listen (or to be called with `inject` in tests). */
export async function buildApp({
  config,
  db,
  packs,
  mailer,
  jobs,
  store,
  logger = false,
  verifier,
  warmUp,
}: AppDependencies): Promise<FastifyInstance> {
  const { trustProxy } = config;
  const security = securityHeaders(config);
  const app = Fastify({
    ...malformedRequests(security),
    // A request that reaches a stopping node is answered by the hook below, in French.
    return503OnClosing: false,
    logger: logger === false ? false : requestLogs(logger === true ? undefined : logger),
    logController: new LogController({ disableRequestLogging: () => warmUp?.running === true }),
    requestIdHeader: false,
    genReqId: requestId,
    bodyLimit: 1_048_576,
    // A number of hops: the addresses that many steps from the socket are proxies.
    trustProxy: typeof trustProxy === 'number' ? (_address, hop) => hop < trustProxy : trustProxy,
  });
  await app.register(fastifyCookie);
  registerErrorHandler(app);
  registerRefusalPages(app);
  refuseUnreadableText(app);
  const csrf = await CsrfTokens.load(db);
  const identity = committeeIdentity(config, db);
  const published = new PublishedPacks(db, packs);
  await published.reread();
  // Once the node stops (app.close), a request still coming on an open connection goes to
  // another node: Fastify closes the connection after the answer, the proxy retries elsewhere.
  let stopping = false;
  app.addHook('preClose', (done) => {
    stopping = true;
    done();
  });
  // A hook that calls `done` rather than an async one: most requests have nothing to wait for,
  // and then go on without a promise (issue 15, point 6).
  app.addHook('onRequest', (request, reply, done) => {
    // Set first, so that a route may replace one (an uploaded document's own policy).
    reply.headers(security);
    reply.header('x-request-id', request.id);
    if (stopping) {
      void reply.status(503).header('retry-after', '2').send(UNAVAILABLE);
      return;
    }
    // A compressed body would be read as if it were not (Fastify inflates nothing): refused.
    const encoding = request.headers['content-encoding'];
    if (encoding !== undefined && encoding !== 'identity') {
      void reply.status(415).send(COMPRESSED_BODY);
      return;
    }
    // Every API answer may carry personal data: never kept by a browser or a proxy — but the
    // public pictures, whose address changes with their content, and say so themselves.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    csrf.check(request);
    // What another node may have changed, reread when due.
    const identityRead = identity.fresh();
    const packsRead = published.fresh();
    if (identityRead === null && packsRead === null) done();
    else Promise.all([identityRead, packsRead]).then(() => done(), done);
  });

  const ctx = appContext(
    config,
    db,
    mailer ?? createMailer(config.smtpUrl ? requireJobs(jobs) : null),
    packs,
    identity,
  );
  simulationRoutes(app, packs, ctx.today);
  packRoutes(app, db, packs);
  studioRoutes(app, ctx);
  accountRoutes(app, ctx, csrf, await KnownDevices.load(db));
  secondFactorRoutes(app, ctx);
  memberCardRoutes(app, ctx);
  memberFileRoutes(app, ctx);
  formRoutes(app, ctx);
  partnerRoutes(app, db);
  activityRoutes(app, ctx);
  const batches = new RegistrationBatches(ctx);
  registrationRoutes(app, ctx, batches);
  billingRoutes(app, ctx);
  claimRoutes(app, ctx);
  solidarityRoutes(app, ctx);
  backOfficeRoutes(app, ctx);
  committeeRoutes(app, ctx, identity);
  failedMailRoutes(app, ctx);
  pictureRoutes(app, ctx);
  const documents = store ?? new DatabaseDocumentStore(db);
  householdRoutes(
    app,
    ctx,
    packs,
    documents,
    verifier ?? noticeVerifier(config.trustListDir, (line) => app.log.warn(line)),
  );
  privacyRoutes(app, ctx, documents);
  app.get('/api/docs', async () => openApiDocument());
  app.get('/api/health', async () => ({ ok: true, database: db.engine }));
  operationRoutes(app, db, config.metricsToken, jobs ?? null, ctx.sessionTurns, batches, warmUp);
  if (config.payments) await paymentRoutes(app, ctx, await paymentProvider(ctx, config.payments));
  if (config.devMail) devMailRoutes(app, db);
  if (!config.production) devTotpRoutes(app, db);

  if (existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
    // The web app routes itself: every page that is not a file or an API path gets index.html.
    app.get('/*', async (request, reply) => {
      if (request.url.startsWith('/api/') || request.url.startsWith('/dev/')) {
        return reply.status(404).send({ error: 'not_found', message: 'Introuvable.' });
      }
      return reply.sendFile('index.html');
    });
  }
  return app;
}
