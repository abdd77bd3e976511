import { activitySectors } from '@entraide/contract';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { notFound, parse, sendPicture } from '../../http.ts';
import type { AppContext } from '../accounts/context.ts';
import { requireStaff } from '../accounts/session-cookies.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { PICTURE_UPLOAD, webImage } from './images.ts';
import { activityPhotoUrl } from './unused-photos.ts';

/** An activity's photo is shown at most this big (the activity's page; the cards scale it down). */
const PHOTO_BOX = { width: 1200, height: 800 } as const;

const idParam = z.object({ id: z.uuid('photo inconnue') });

/** Staff upload activities' photos (resized, kept in the database); anyone sees them. */
export function pictureRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  // A picture is sent as the raw bytes of the file; its content decides what it is.
  app.addContentTypeParser(
    ['image/jpeg', 'image/png', 'image/webp'],
    { parseAs: 'buffer', bodyLimit: PICTURE_UPLOAD.bodyLimit },
    (_request, body, done) => {
      done(null, body);
    },
  );

  app.post('/api/staff/activity-photos', PICTURE_UPLOAD, async (request, reply) => {
    const staff = await requireStaff(db, request, ...activitySectors);
    const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const photo = await webImage(bytes, PHOTO_BOX, 'jpeg');
    const id = await db.transaction(async (tx) => {
      const [row] = await tx.query<{ id: string }>(
        'INSERT INTO activity_photos (image, width, height, uploaded_by) VALUES ($1, $2, $3, $4) RETURNING id',
        [photo.bytes, photo.width, photo.height, staff.id],
      );
      const inserted = row?.id ?? '';
      await recordAudit(tx, staff.id, 'activity_photo.upload', 'activity_photo', inserted);
      return inserted;
    });
    return reply
      .status(201)
      .send({ id, url: activityPhotoUrl(id), width: photo.width, height: photo.height });
  });

  app.get('/api/activity-photos/:id', async (request, reply) => {
    const { id } = parse(idParam, request.params);
    const [photo] = await db.query<{ image: Uint8Array }>(
      'SELECT image FROM activity_photos WHERE id = $1',
      [id],
    );
    if (!photo) throw notFound();
    return sendPicture(reply, 'image/jpeg', photo.image);
  });
}
