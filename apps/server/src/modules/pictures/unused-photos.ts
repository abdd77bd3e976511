import type { Queryable } from '../../db/database.ts';

/**
 * Deletes the photos uploaded more than a day ago that no activity shows: staff picked them and
 * never saved, or replaced them. A day leaves time to finish the activity's form. Returns how
 * many were deleted.
 */
export async function deleteUnusedPhotos(db: Queryable): Promise<number> {
  const deleted = await db.query<{ id: string }>(
    `DELETE FROM activity_photos p
      WHERE p.created_at < now() - interval '1 day'
        AND NOT EXISTS (
          SELECT 1 FROM activities a
           WHERE a.pictures @> jsonb_build_array(jsonb_build_object('url', '/api/activity-photos/' || p.id))
        )
      RETURNING p.id`,
  );
  return deleted.length;
}
