import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { activitySectors, notificationHandled } from '@entraide/contract';
import { formatCents } from '@entraide/rules';
import { z } from 'zod';
import type { PaymentSettings } from '../../config.ts';
import { HttpError, notFound, parse } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import { sharedSecret } from '../accounts/csrf.ts';
import { requireStaff, requireUser } from '../accounts/session-cookies.ts';
import { localNotification, localProvider } from './local-provider.ts';
import { openRefunds, retryRefund } from './online-refunds.ts';
import { lyraProvider } from './lyra-form.ts';
import {
  handleNotification,
  keptNotifications,
  memberOnlinePayment,
  receiveNotification,
  startOnlinePayment,
} from './online-payments.ts';
import { NotAuthentic, type PaymentProvider } from './provider.ts';
import { stripeProvider } from './stripe-checkout.ts';
import { escapeMarkup } from '../../markup.ts';

const idParam = z.object({ id: z.string() });
const referenceParam = z.object({ reference: z.string().regex(/^PAY-[0-9A-Z]{10}$/) });

/** The provider the configuration names (the local one's key is a secret of the committee). */
export async function paymentProvider(
  ctx: AppContext,
  settings: PaymentSettings,
): Promise<PaymentProvider> {
  if (settings.provider === 'stripe') return stripeProvider(settings);
  if (settings.provider === 'lyra') return lyraProvider(settings);
  return localProvider(ctx.publicUrl, await sharedSecret(ctx.db, 'local-payments'));
}

/** Where a provider sends its notifications: no session, no CSRF token — its signature instead. */
export const notificationPath = (provider: string): string =>
  `/api/payments/notifications/${provider}`;

/** Paying online: the member's « Payer », the result page's status, the provider's notifications. */
export async function paymentRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  provider: PaymentProvider,
): Promise<void> {
  const { db } = ctx;
  app.get('/api/me/online-payments/provider', async () => ({ provider: provider.id }));

  app.post('/api/me/invoices/:id/online-payment', async (request, reply) => {
    const member = await requireUser(db, request);
    const started = await startOnlinePayment(
      db,
      provider,
      member,
      parse(idParam, request.params).id,
      {
        returnUrl: (reference) => `${ctx.publicUrl}/espace/paiements/${reference}`,
        notifyUrl: `${ctx.publicUrl}${notificationPath(provider.id)}`,
      },
    );
    return reply.status(201).send(started);
  });

  app.get('/api/staff/online-payments/notifications', async (request) => {
    const staff = await requireStaff(db, request, ...activitySectors);
    return {
      notifications: await keptNotifications(db, staff),
      refunds: await openRefunds(db, staff),
    };
  });

  app.post('/api/staff/online-payments/refunds/:id/retry', async (request) => {
    const staff = await requireStaff(db, request, ...activitySectors);
    await retryRefund(db, staff, parse(idParam, request.params).id);
    return { retried: true };
  });

  app.post('/api/staff/online-payments/notifications/:id/handled', async (request) => {
    const staff = await requireStaff(db, request, ...activitySectors);
    const { note } = parse(notificationHandled, request.body);
    await handleNotification(db, staff, parse(idParam, request.params).id, note);
    return { handled: true };
  });

  app.get('/api/me/online-payments/:reference', async (request) => {
    const member = await requireUser(db, request);
    return memberOnlinePayment(db, member.id, parse(referenceParam, request.params).reference);
  });

  // The body as it came, for the signature (Stripe signs the bytes of its JSON).
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
      done(null, body);
    });
    scope.post('/api/payments/notifications/:provider', async (request, reply) => {
      // Only the committee's provider notifies (another name is no address of ours).
      if (parse(z.object({ provider: z.string() }), request.params).provider !== provider.id)
        throw notFound();
      try {
        await receiveNotification(
          db,
          provider,
          { headers: request.headers, body: typeof request.body === 'string' ? request.body : '' },
          ctx.today(),
        );
      } catch (error) {
        if (error instanceof NotAuthentic)
          throw new HttpError(400, 'not_authentic', 'Notification refusée : signature invalide.');
        throw error;
      }
      return reply.type('text/plain').send('OK');
    });
  });

  if (provider.id === 'local') await localProviderPage(app, ctx, provider);
}

const DEV_PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

/**
 * Development only: the local provider's page. The member pays, refuses or abandons; the page
 * notifies the app as a provider does (signed), then sends the browser back to the result page.
 */
async function localProviderPage(
  app: FastifyInstance,
  ctx: AppContext,
  provider: PaymentProvider,
): Promise<void> {
  const secret = await sharedSecret(ctx.db, 'local-payments');
  const pending = async (reference: string) => {
    const [row] = await ctx.db.query<{ amount_cents: number; reference: string }>(
      `SELECT p.amount_cents::int AS amount_cents, i.reference FROM online_payments p
         JOIN invoices i ON i.id = p.invoice_id WHERE p.reference = $1 AND p.provider = 'local'`,
      [reference],
    );
    if (!row) throw new HttpError(404, 'not_found', 'Paiement introuvable.');
    return row;
  };
  app.get('/dev/paiement/:reference', async (request, reply) => {
    const { reference } = parse(referenceParam, request.params);
    const payment = await pending(reference);
    const button = (outcome: string, label: string) =>
      `<button name="outcome" value="${outcome}">${label}</button>`;
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', DEV_PAGE_POLICY)
      .send(
        `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Fournisseur de paiement de test</title><style>body{font-family:sans-serif;max-width:32rem;margin:auto;padding:1rem}button{display:block;width:100%;margin:.5rem 0;padding:.75rem;font-size:1rem}</style></head><body><main><h1>Fournisseur de paiement de test</h1><p>Développement seulement : aucune carte n’est débitée. Choisissez ce que le fournisseur répond.</p><p>Facture ${escapeMarkup(payment.reference)} : <strong>${escapeMarkup(formatCents(payment.amount_cents))}</strong></p><form method="post">${button('paid', 'Payer')}${button('refused', 'Refuser le paiement')}${button('abandoned', 'Abandonner')}</form></main></body></html>`,
      );
  });
  // The page's own form: one field, read here (the app has no form parser otherwise).
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))));
      },
    );
    scope.post('/dev/paiement/:reference', answer);
  });
  async function answer(request: FastifyRequest, reply: FastifyReply) {
    const { reference } = parse(referenceParam, request.params);
    const { outcome } = parse(
      z.object({ outcome: z.enum(['paid', 'refused', 'abandoned']) }),
      request.body,
    );
    const payment = await pending(reference);
    await receiveNotification(
      ctx.db,
      provider,
      localNotification(
        { reference, status: outcome, amountCents: payment.amount_cents, currency: 'EUR' },
        secret,
      ),
      ctx.today(),
    );
    return reply.redirect(`/espace/paiements/${reference}`, 303);
  }
}
