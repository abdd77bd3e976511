import { compilePack, type PackRegistry } from '@entraide/rules';
import type { Database } from '../../db/database.ts';

/** How long a node trusts its packs: a pack published on another node is used within this time. */
const FRESH_MS = 30_000;

/**
 * The packs published in the studio, added to a node's registry beside the packs shipped as
 * files: read at the start, then again when what the node read is older than FRESH_MS. A file
 * pack of the same id wins (the studio refuses such an id; a file added later keeps it).
 */
export class PublishedPacks {
  private readAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: Database,
    private readonly packs: PackRegistry,
  ) {}

  /** Rereads the packs when what this node read is older than FRESH_MS; null when it is not. */
  fresh(): Promise<void> | null {
    return Date.now() - this.readAt > FRESH_MS ? this.reread() : null;
  }

  async reread(): Promise<void> {
    const rows = await this.db.query<{ data: unknown }>(
      "SELECT data FROM pack_drafts WHERE status = 'published' ORDER BY published_at",
    );
    for (const { data } of rows) {
      const pack = compilePack(data);
      if (!this.packs.has(pack.id)) this.packs.add(pack);
    }
    this.readAt = Date.now();
  }
}
