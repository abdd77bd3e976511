import type { Database } from '../../db/database.ts';
import type { Mailer } from '../notifications/mailer.ts';
import type { Organization } from '../organization/organization.ts';

/** What every use case gets: the database, the mailer, the committee and the public address. */
export interface AppContext {
  readonly db: Database;
  readonly mailer: Mailer;
  readonly organization: Organization;
  readonly publicUrl: string;
  /** The committee's calendar day, YYYY-MM-DD. */
  readonly today: () => string;
}

/** The calendar day of a configuration: fixed, or the real date. */
export const calendar =
  (fixed: string | null): (() => string) =>
  () =>
    fixed ?? new Date().toISOString().slice(0, 10);
