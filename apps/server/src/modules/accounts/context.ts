import type { PackRegistry } from '@entraide/rules';
import { committeeDay } from '../../time-zone.ts';
import type { Database } from '../../db/database.ts';
import type { Mailer } from '../notifications/mailer.ts';
import type { Organization } from '../organization/organization.ts';
import type { SessionTurns } from '../registrations/session-turns.ts';

/** What every use case gets: the database, the mailer, the committee, the public address, the packs, the day. */
export interface AppContext {
  readonly db: Database;
  readonly mailer: Mailer;
  readonly organization: Organization;
  readonly publicUrl: string;
  /** The rule packs the barème engine reads. */
  readonly packs: PackRegistry;
  /** The committee's account for payouts, when configured. */
  readonly committeeAccount: { iban: string; bic: string } | null;
  /** The committee's calendar day, YYYY-MM-DD. */
  readonly today: () => string;
  /**
   * A Fiche that renews the last one with nothing new but incomes proven by verified, concordant
   * tax notices is validated as it is sent (AUTO_VALIDATE_VERIFIED_NOTICES, off by default).
   */
  readonly autoValidateVerifiedNotices: boolean;
  /** This node's turns of registration requests on a session (`SessionTurns`). */
  readonly sessionTurns: SessionTurns;
}

/** The calendar day of a configuration: fixed, or the committee's day now (not the UTC one). */
export const calendar =
  (fixed: string | null): (() => string) =>
  () =>
    fixed ?? committeeDay(new Date());
