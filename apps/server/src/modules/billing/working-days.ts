// The French calendar of working days: cheques are cashed on the last working day of a month.
import { daysInMonth } from '@entraide/contract';

const iso = (date: Date): string => date.toISOString().slice(0, 10);
const utc = (year: number, month: number, day: number): Date =>
  new Date(Date.UTC(year, month - 1, day));

/** Easter Sunday (Meeus/Jones/Butcher, Gregorian calendar). */
function easter(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, day);
}

/** The public holidays of metropolitan France in a year. */
export function publicHolidays(year: number): Set<string> {
  const sunday = easter(year).getTime();
  const fromEaster = (days: number): string => iso(new Date(sunday + days * 86_400_000));
  return new Set([
    `${year}-01-01`,
    fromEaster(1), // lundi de Pâques
    `${year}-05-01`,
    `${year}-05-08`,
    fromEaster(39), // Ascension
    fromEaster(50), // lundi de Pentecôte
    `${year}-07-14`,
    `${year}-08-15`,
    `${year}-11-01`,
    `${year}-11-11`,
    `${year}-12-25`,
  ]);
}

/** The last working day (Monday to Friday, not a public holiday) of a month, YYYY-MM-DD. */
export function lastWorkingDay(year: number, month: number): string {
  const holidays = publicHolidays(year);
  const day = utc(year, month + 1, 0);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6 || holidays.has(iso(day)))
    day.setUTCDate(day.getUTCDate() - 1);
  return iso(day);
}

/** The last working day of the month of `date`, or of the next month when it has passed. */
export function nextCashingDay(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const thisMonth = lastWorkingDay(year, month);
  return thisMonth >= date
    ? thisMonth
    : lastWorkingDay(month === 12 ? year + 1 : year, (month % 12) + 1);
}

/** `date` moved by a number of days (negative: earlier). */
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return iso(day);
}

/**
 * The same day `months` calendar months later, or the month's last day when it has no such day
 * (31 January + 1 month → 29 February 2020).
 */
export function addMonths(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The last working day of the month `months` after the month of `date`. */
export function cashingDayInMonths(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  return lastWorkingDay(Math.floor(index / 12), (index % 12) + 1);
}
