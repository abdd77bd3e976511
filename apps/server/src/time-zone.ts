// The committee's time zone: metropolitan France for the CAES (decision 0038).

/**
 * Where the committee's calendar day turns (registrations closing, the selection, the dates of
 * invoices and payouts) and the zone the database writes times in (each connection's TimeZone):
 * a request sent at 00:30 on 1 January, Paris time, belongs to the new year, not to 31 December
 * as the UTC day would have it.
 */
export const TIME_ZONE = 'Europe/Paris';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The committee's calendar day at an instant, YYYY-MM-DD. */
export function committeeDay(instant: Date): string {
  const found = Object.fromEntries(parts.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${found.year ?? ''}-${found.month ?? ''}-${found.day ?? ''}`;
}
