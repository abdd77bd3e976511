import type { CommitteeIdentityInput } from '@entraide/contract';
import type { Database } from '../../db/database.ts';
import { KeptRead } from '../../kept-read.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { webImage } from '../pictures/images.ts';
import type { Organization } from './organization.ts';

/** A logo is shown at most this big (the web's header, the documents' letterhead). */
const LOGO_BOX = { width: 480, height: 160 } as const;

interface IdentityRow {
  name: string;
  short_name: string;
  address: string;
  brand_colour: string;
  logo: Uint8Array | null;
  updated_at: Date | string;
}

/**
 * The committee as its admin set it (name, address, colour, logo) over its organisation's
 * defaults: read from the database, kept by each node for FRESH_MS (a change made on another node
 * shows within that time), reread after a change made on this one.
 */
export class CommitteeIdentity {
  /** The committee as documents and screens show it now, merged once per read. */
  current: Organization;
  private readonly kept = new KeptRead(() => this.read());

  constructor(
    private readonly db: Database,
    private readonly base: Organization,
  ) {
    this.current = base;
  }

  /**
   * Rereads the identity when what this node holds is older than FRESH_MS; null when it is not:
   * nothing to wait for (every request asks, issue 15 point 6).
   */
  fresh(): Promise<void> | null {
    return this.kept.fresh();
  }

  private async read(): Promise<void> {
    const [own] = await this.db.query<IdentityRow>(
      'SELECT name, short_name, address, brand_colour, logo, updated_at FROM committee_identity',
    );
    this.current = own
      ? {
          ...this.base,
          name: own.name,
          shortName: own.short_name,
          address: own.address,
          brandColour: own.brand_colour,
          logo: own.logo ? new Uint8Array(own.logo) : null,
          identityVersion: new Date(own.updated_at).getTime().toString(36),
        }
      : this.base;
  }

  /** The admin's change of the name, address or colour; the logo stays. */
  async change(admin: CurrentUser, input: CommitteeIdentityInput): Promise<Organization> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO committee_identity (id, name, short_name, address, brand_colour, updated_by)
         VALUES (true, $1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET name = $1, short_name = $2, address = $3,
           brand_colour = $4, updated_by = $5, updated_at = now()`,
        [input.name, input.shortName, input.address, input.brandColour, admin.id],
      );
      await recordAudit(tx, admin.id, 'committee.identity', 'committee', null, { ...input });
    });
    await this.kept.again();
    return this.current;
  }

  /**
   * A new logo (a JPEG, PNG or WebP), kept as a PNG that fits LOGO_BOX, or none; the name and
   * colour stay (the organisation's defaults when the admin never changed them).
   */
  async changeLogo(admin: CurrentUser, bytes: Buffer | null): Promise<Organization> {
    const logo = bytes ? (await webImage(bytes, LOGO_BOX, 'png')).bytes : null;
    const { name, shortName, address, brandColour } = this.base;
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO committee_identity (id, name, short_name, address, brand_colour, logo, updated_by)
         VALUES (true, $1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET logo = $5, updated_by = $6, updated_at = now()`,
        [name, shortName, address, brandColour, logo, admin.id],
      );
      const action = logo ? 'committee.logo' : 'committee.logo_removed';
      await recordAudit(tx, admin.id, action, 'committee', null);
    });
    await this.kept.again();
    return this.current;
  }
}
