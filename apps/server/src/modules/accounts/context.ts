import type { Database } from '../../db/database.ts';
import type { Mailer } from '../notifications/mailer.ts';
import type { Organization } from '../organization/organization.ts';

/** What every use case gets: the database, the mailer, the committee and the public address. */
export interface AppContext {
  readonly db: Database;
  readonly mailer: Mailer;
  readonly organization: Organization;
  readonly publicUrl: string;
}
