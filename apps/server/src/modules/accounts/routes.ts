import {
  birthDateIssues,
  calendarDay,
  text,
  signUpBirthDates,
  changePasswordRequest,
  contactDetails,
  forgotIdentifierRequest,
  forgotPasswordRequest,
  loginRequest,
  setPasswordRequest,
  signUpDecisionRequest,
  signUpRefusals,
  signUpRequest,
  type LoginAnswer,
  type SessionAnswer,
} from '@entraide/contract';
import { logoUrl, organizationTexts } from '../organization/organization.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parse, refuseIssues } from '../../http.ts';
import { AUDIT_ACTIONS, auditPage, type AuditAction } from '../audit/audit-log.ts';
import type { AppContext } from './context.ts';
import type { CsrfTokens } from './csrf.ts';
import { memberProfile, updateContact } from './members.ts';
import { requestIdentifier, requestPasswordReset } from './recovery.ts';
import { setPasswordWithLink } from './one-time-links.ts';
import { tokenHash } from './secrets.ts';
import {
  closeSession,
  currentUser,
  openSession,
  requireAdmin,
  requireStaff,
  requireUser,
  SESSION_COOKIE,
} from './session-cookies.ts';
import { nextLoginStep } from './second-factor-routes.ts';
import type { KnownDevices } from './known-devices.ts';
import { changePassword, checkCredentials } from './sign-in.ts';
import {
  approveSignUp,
  listSignUpRequests,
  refuseSignUps,
  rejectSignUp,
  submitSignUp,
} from './sign-up.ts';

const idParam = z.object({ id: z.string() });
const statusQuery = z.object({
  status: z.enum(['pending', 'approved', 'rejected']).default('pending'),
});

const PAGE_MESSAGE = 'cette page du journal n’existe pas : rechargez le journal';
/** The admin's journal narrowed: each field left out matches every action. */
const auditQuery = z
  .object({
    before: z.coerce.number(PAGE_MESSAGE).int(PAGE_MESSAGE).positive(PAGE_MESSAGE).optional(),
    action: z
      .enum(
        Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]],
        'choisissez une action de la liste, par exemple « Fiche Agent validée »',
      )
      .optional(),
    actor: text(40).optional(),
    member: text(40).optional(),
    from: calendarDay.optional(),
    to: calendarDay.optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    path: ['to'],
    message: 'cette date est avant celle du début : tapez par exemple le même jour',
  });

/** The actions the journal can be narrowed to, in words, alphabetically. */
const AUDIT_CHOICES = Object.entries(AUDIT_ACTIONS)
  .map(([action, label]) => ({ action, label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'fr'));

export function accountRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  csrf: CsrfTokens,
  devices: KnownDevices,
): void {
  const { db } = ctx;
  const address = (request: FastifyRequest): string => request.ip;

  app.get('/api/session', async (request, reply): Promise<SessionAnswer> => {
    csrf.issue(request, reply);
    const user = await currentUser(db, request);
    const { id, name, shortName, contactEmail, brandColour } = ctx.organization;
    return {
      user: user && {
        id: user.id,
        identifier: user.identifier,
        firstName: user.firstName,
        lastName: user.lastName,
        role: user.role,
        sectors: [...user.sectors],
        secondFactor: { ...user.secondFactor, methods: [...user.secondFactor.methods] },
      },
      organization: {
        id,
        name,
        shortName,
        contactEmail,
        brandColour,
        logoUrl: logoUrl(ctx.organization),
        texts: organizationTexts(ctx.organization, ctx.packs),
      },
      today: ctx.today(),
    };
  });

  app.post('/api/session', async (request, reply) => {
    const body = parse(loginRequest, request.body);
    const { userId } = await checkCredentials(
      ctx,
      body.identifier,
      body.password,
      address(request),
      devices.of(request, body.identifier),
    );
    devices.remember(request, reply, body.identifier);
    const token = await openSession(db, request, reply, userId);
    csrf.issue(request, reply, token);
    return { secondFactor: await nextLoginStep(db, userId) } satisfies LoginAnswer;
  });

  app.delete('/api/session', async (request, reply) => {
    await closeSession(db, request, reply);
    csrf.issue(request, reply, null);
    return reply.status(204).send();
  });

  app.post('/api/sign-up-requests', async (request, reply) => {
    const body = parse(signUpRequest, request.body);
    refuseIssues(birthDateIssues(signUpBirthDates(body), ctx.today()));
    const created = await submitSignUp(ctx, body, address(request));
    return reply.status(201).send(created);
  });

  app.post('/api/recovery/password', async (request) => {
    const body = parse(forgotPasswordRequest, request.body);
    return { message: await requestPasswordReset(ctx, body.identifier, address(request)) };
  });

  app.post('/api/recovery/identifier', async (request) => ({
    message: await requestIdentifier(
      ctx,
      parse(forgotIdentifierRequest, request.body),
      address(request),
    ),
  }));

  app.post('/api/password', async (request, reply) => {
    const body = parse(setPasswordRequest, request.body);
    await setPasswordWithLink(ctx, body.token, body.password);
    return reply.status(204).send();
  });

  app.put('/api/me/password', async (request, reply) => {
    const user = await requireUser(db, request);
    const body = parse(changePasswordRequest, request.body);
    const session = request.cookies[SESSION_COOKIE];
    await changePassword(
      ctx,
      user,
      body.currentPassword,
      body.newPassword,
      session ? tokenHash(session) : null,
    );
    return reply.status(204).send();
  });

  app.put('/api/me/contact', async (request, reply) => {
    const user = await requireUser(db, request);
    await updateContact(ctx, user, parse(contactDetails, request.body));
    return reply.status(204).send();
  });

  app.get('/api/members/:id', async (request) => {
    const viewer = await requireUser(db, request);
    return memberProfile(ctx, viewer, parse(idParam, request.params).id);
  });

  app.get('/api/staff/sign-up-requests', async (request) => {
    await requireStaff(db, request, 'fiche-agent');
    return { requests: await listSignUpRequests(ctx, parse(statusQuery, request.query).status) };
  });

  app.post('/api/staff/sign-up-requests/:id/approve', async (request) => {
    const staff = await requireStaff(db, request, 'fiche-agent');
    return approveSignUp(ctx, staff, parse(idParam, request.params).id);
  });

  app.post('/api/staff/sign-up-requests/:id/reject', async (request, reply) => {
    const staff = await requireStaff(db, request, 'fiche-agent');
    const body = parse(signUpDecisionRequest, request.body ?? {});
    await rejectSignUp(ctx, staff, parse(idParam, request.params).id, body.reason);
    return reply.status(204).send();
  });

  /** Several requests refused for one reason; those decided meanwhile are left, with why. */
  app.post('/api/staff/sign-up-requests/refusals', async (request) => {
    const staff = await requireStaff(db, request, 'fiche-agent');
    const { requestIds, reason } = parse(signUpRefusals, request.body ?? {});
    return refuseSignUps(ctx, staff, requestIds, reason);
  });

  app.get('/api/admin/audit-log', async (request) => {
    await requireAdmin(db, request);
    return {
      ...(await auditPage(db, parse(auditQuery, request.query))),
      actions: AUDIT_CHOICES,
    };
  });
}
