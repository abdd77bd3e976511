import type { IssueList } from './errors.ts';

/** A calendar day written YYYY-MM-DD. */
export type IsoDate = string;

/**
 * A calendar day held as one integer, YYYYMMDD (2021-06-01 is 20210601): parsing allocates
 * nothing, days compare as numbers, and whole years of age are a division.
 */
export type CalendarDay = number;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The digit at `index` of `text`, or −1 (read by char code: this runs for every date of every request). */
function digit(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/** Why a text is not a calendar day: not YYYY-MM-DD, or a day the calendar does not have. */
export const NOT_A_DATE = -1;
export const NOT_IN_CALENDAR = -2;

/** A YYYY-MM-DD day that exists in the calendar, or a negative fault code; allocates nothing. */
export function parseDay(value: unknown): CalendarDay {
  if (typeof value !== 'string' || value.length !== 10 || value[4] !== '-' || value[7] !== '-')
    return NOT_A_DATE;
  const y0 = digit(value, 0);
  const y1 = digit(value, 1);
  const y2 = digit(value, 2);
  const y3 = digit(value, 3);
  const m0 = digit(value, 5);
  const m1 = digit(value, 6);
  const d0 = digit(value, 8);
  const d1 = digit(value, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return NOT_A_DATE;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  const monthLength = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (year < 1900 || year > 2200 || day < 1 || day > monthLength) return NOT_IN_CALENDAR;
  return year * 10_000 + month * 100 + day;
}

/** The French message for a fault of `parseDay`. */
export function dateFault(value: unknown, fault: CalendarDay): string {
  if (typeof value !== 'string') return 'date attendue au format AAAA-MM-JJ';
  return fault === NOT_IN_CALENDAR
    ? `« ${value} » n'est pas une date du calendrier`
    : `« ${value} » n'est pas une date au format AAAA-MM-JJ`;
}

/** Parses a YYYY-MM-DD day that exists in the calendar, or records an issue and returns null. */
export function parseIsoDate(value: unknown, path: string, issues: IssueList): CalendarDay | null {
  const day = parseDay(value);
  if (day >= 0) return day;
  issues.add(path, dateFault(value, day));
  return null;
}

export const yearOf = (day: CalendarDay): number => Math.floor(day / 10_000);

/**
 * Whole years of age on a day: (on − birth) / 10 000, rounded down, since a birthday is
 * reached when MMDD reaches the birth's MMDD. Someone born on 29 February has a birthday on
 * 1 March in other years.
 */
export const ageOn = (birth: CalendarDay, on: CalendarDay): number =>
  Math.floor((on - birth) / 10_000);

/** Days since 1970-01-01 of a calendar day (the "days from civil" algorithm; no Date object). */
export function dayNumber(day: CalendarDay): number {
  const month = Math.floor(day / 100) % 100;
  const year = yearOf(day) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + (day % 100) - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Days from `from` to `to`: 0 for the same day. */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return dayNumber(to) - dayNumber(from);
}
