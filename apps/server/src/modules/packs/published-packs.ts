import { compilePack, type PackRegistry } from '@entraide/rules';
import type { Database, Queryable } from '../../db/database.ts';
import { KeptRead } from '../../kept-read.ts';

/**
 * The packs published in the studio, added to a node's registry beside the packs shipped as
 * files: read at the start, then again when what the node read is older than FRESH_MS (a pack
 * published on another node is used within that time). A file pack of the same id wins (the
 * studio refuses such an id; a file added later keeps it).
 */
export class PublishedPacks {
  private readonly kept = new KeptRead(() => this.read());

  constructor(
    private readonly db: Database,
    private readonly packs: PackRegistry,
  ) {}

  /** Rereads the packs when what this node read is older than FRESH_MS; null when it is not. */
  fresh(): Promise<void> | null {
    return this.kept.fresh();
  }

  /** Reads the packs now (at the start). */
  reread(): Promise<void> {
    return this.kept.again();
  }

  private read(): Promise<void> {
    return addPublishedPacks(this.db, this.packs);
  }
}

/** Adds to `packs` those published in the studio it lacks (by this node or another). */
export async function addPublishedPacks(db: Queryable, packs: PackRegistry): Promise<void> {
  const rows = await db.query<{ pack_id: string; data: unknown }>(
    "SELECT pack_id, data FROM pack_drafts WHERE status = 'published' ORDER BY published_at",
  );
  // Only the new ones are compiled: the others were at an earlier read.
  for (const { pack_id, data } of rows) if (!packs.has(pack_id)) packs.add(compilePack(data));
}
