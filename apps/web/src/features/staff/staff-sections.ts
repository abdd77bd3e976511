// The back office's sections and who works in each: the sectors the server requires of the staff
// who open them (the admin works in every one). The nav shows a staff member only their own, and a
// section opened by its address says whose it is instead of a list of refusals.
import {
  activitySectors,
  type ActivitySector,
  type SessionAnswer,
  type StaffSector,
} from '@entraide/contract';
import { SECTOR_LABELS } from '../../messages/labels.ts';

type User = NonNullable<SessionAnswer['user']>;

/** Who works in a section: the staff of any of these sectors, or the admin alone. */
export type SectionStaff = readonly StaffSector[] | 'admin';

export const SECTIONS = {
  dashboards: activitySectors,
  signUps: ['fiche-agent'],
  records: ['fiche-agent'],
  activities: activitySectors,
  selection: activitySectors,
  payments: activitySectors,
  /** The sectors' claims, and the accounting desk's payout batches. */
  claims: [...activitySectors, 'comptabilite'],
  solidarity: ['solidarite'],
  admin: 'admin',
} as const satisfies Record<string, SectionStaff>;

/** Whether `user` works in a section of staff `staff` (none said: any staff member). */
export const worksIn = (user: User, staff?: SectionStaff): boolean =>
  user.role === 'admin' ||
  (user.role === 'staff' &&
    (staff === undefined ||
      (staff !== 'admin' && staff.some((sector) => user.sectors.includes(sector)))));

/** The activity sectors `user` works in (the admin: all), by label: a sector to choose among. */
export const ownSectorLabels = (user: User | null | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(SECTOR_LABELS).filter(
      ([sector]) => user != null && worksIn(user, [sector as ActivitySector]),
    ),
  );
