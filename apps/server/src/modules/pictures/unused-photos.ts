import type { Database, Queryable } from '../../db/database.ts';
import { JobLock } from '../../db/job-locks.ts';
import { invalidFields } from '../../http.ts';

/** An uploaded photo's address; its id, a UUID, follows. */
const PHOTO_PATH = '/api/activity-photos/';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const activityPhotoUrl = (id: string): string => `${PHOTO_PATH}${id}`;

/**
 * The unused photos' job lock: exclusive for the job, shared by an activity's save that shows
 * uploaded photos (`keepPhotos`) — a photo is never deleted while an activity starts showing it.
 */
const UNUSED_PHOTOS_LOCK = new JobLock('unused_activity_photos');

/**
 * Deletes the photos uploaded more than a day ago that no activity shows: staff picked them and
 * never saved, or replaced them. A day leaves time to finish the activity's form. Returns how
 * many were deleted.
 */
export function deleteUnusedPhotos(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    // After the saves showing photos now, before those to come: what they show is read below.
    await UNUSED_PHOTOS_LOCK.exclusive(tx);
    const deleted = await tx.query<{ id: string }>(
      `DELETE FROM activity_photos p
        WHERE p.created_at < now() - interval '1 day'
          AND NOT EXISTS (
            SELECT 1 FROM activities a
             WHERE a.pictures @> jsonb_build_array(jsonb_build_object('url', $1 || p.id))
          )
        RETURNING p.id`,
      [PHOTO_PATH],
    );
    return deleted.length;
  });
}

/**
 * In an activity's save, before it writes: the uploaded photos among its pictures, kept from the
 * unused photos' job until the save commits. One the job deleted already (uploaded over a day
 * before, the form left open) is refused on its field, to be added again.
 */
export async function keepPhotos(
  tx: Queryable,
  pictures: readonly { readonly url: string }[],
): Promise<void> {
  const uploaded = pictures.flatMap(({ url }, index) =>
    url.startsWith(PHOTO_PATH) ? [{ index, id: url.slice(PHOTO_PATH.length) }] : [],
  );
  if (uploaded.length === 0) return;
  await UNUSED_PHOTOS_LOCK.shared(tx);
  const ids = uploaded.map(({ id }) => id).filter((id) => UUID.test(id));
  const kept = new Set(
    (
      await tx.query<{ id: string }>('SELECT id FROM activity_photos WHERE id = ANY($1::uuid[])', [
        ids,
      ])
    ).map(({ id }) => id),
  );
  const missing = uploaded.filter(({ id }) => !kept.has(id));
  if (missing.length > 0)
    throw invalidFields(
      missing.map(({ index }) => ({
        path: `pictures.${String(index)}.url`,
        message:
          'Cette photo n’est plus sur le serveur : déposée il y a plus d’un jour sans être enregistrée, elle a été effacée. Choisissez-la de nouveau, puis enregistrez.',
      })),
    );
}
