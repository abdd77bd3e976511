import { committeeIdentityInput } from '@entraide/contract';
import type { FastifyInstance } from 'fastify';
import { notFound, parse, sendPicture } from '../../http.ts';
import { requireAdmin } from '../accounts/session-cookies.ts';
import { PICTURE_UPLOAD } from '../pictures/images.ts';
import type { AppContext } from '../accounts/context.ts';
import type { CommitteeIdentity } from './identity.ts';
import { logoUrl, type Organization } from './organization.ts';

/** The identity as the admin's page shows it. */
const identityAnswer = (organization: Organization) => ({
  name: organization.name,
  shortName: organization.shortName,
  address: organization.address,
  brandColour: organization.brandColour,
  logoUrl: logoUrl(organization),
});

/** The committee's identity: read by everyone (the logo), changed by its admin. */
export function committeeRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  identity: CommitteeIdentity,
): void {
  const { db } = ctx;
  app.get('/api/committee/logo', async (_request, reply) => {
    const { logo } = ctx.organization;
    if (!logo) throw notFound();
    return sendPicture(reply, 'image/png', logo);
  });

  app.get('/api/admin/committee', async (request) => {
    await requireAdmin(db, request);
    return identityAnswer(ctx.organization);
  });

  app.put('/api/admin/committee', async (request) => {
    const admin = await requireAdmin(db, request);
    return identityAnswer(
      await identity.change(admin, parse(committeeIdentityInput, request.body)),
    );
  });

  app.put('/api/admin/committee/logo', PICTURE_UPLOAD, async (request) => {
    const admin = await requireAdmin(db, request);
    const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    return identityAnswer(await identity.changeLogo(admin, bytes));
  });

  app.delete('/api/admin/committee/logo', async (request) => {
    const admin = await requireAdmin(db, request);
    return identityAnswer(await identity.changeLogo(admin, null));
  });
}
