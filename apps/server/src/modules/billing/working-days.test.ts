// The French calendar of working days (no database): when cheques are cashed and instalments due.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  cashingDayInMonths,
  lastWorkingDay,
  nextCashingDay,
  publicHolidays,
} from './working-days.ts';

describe('public holidays of metropolitan France', () => {
  it('the eleven days, Easter’s three computed for each year', () => {
    expect([...publicHolidays(2021)].sort()).toEqual([
      '2021-01-01',
      '2021-04-05', // lundi de Pâques (Easter 4 April)
      '2021-05-01',
      '2021-05-08',
      '2021-05-13', // Ascension
      '2021-05-24', // lundi de Pentecôte
      '2021-07-14',
      '2021-08-15',
      '2021-11-01',
      '2021-11-11',
      '2021-12-25',
    ]);
    // Easter on 31 March 2024, 20 April 2025, 23 April 2000, 25 April 2038 (the latest).
    for (const [year, monday] of [
      [2024, '2024-04-01'],
      [2025, '2025-04-21'],
      [2000, '2000-04-24'],
      [2038, '2038-04-26'],
      [2008, '2008-03-24'],
    ] as const)
      expect(publicHolidays(year).has(monday), `${year}`).toBe(true);
    // Easter Sundays across the centuries, each checked by its Monday.
    for (const easter of [
      '1981-04-19',
      '1995-04-16',
      '2011-04-24',
      '2013-03-31',
      '2016-03-27',
      '2019-04-21',
      '2022-04-17',
      '2023-04-09',
      '2026-04-05',
      '2027-03-28',
      '2029-04-01',
      '2030-04-21',
      '2035-03-25',
      '2049-04-18',
      '2057-04-22',
    ]) {
      const monday = new Date(`${easter}T00:00:00Z`);
      monday.setUTCDate(monday.getUTCDate() + 1);
      expect(
        publicHolidays(Number(easter.slice(0, 4))).has(monday.toISOString().slice(0, 10)),
        easter,
      ).toBe(true);
    }
    expect(publicHolidays(2025).has('2025-05-29')).toBe(true); // Ascension
    expect(publicHolidays(2025).has('2025-06-09')).toBe(true); // Pentecôte
  });
});

describe('the last working day of a month', () => {
  it('steps back over weekends and public holidays', () => {
    expect(lastWorkingDay(2021, 4)).toBe('2021-04-30'); // Friday
    expect(lastWorkingDay(2020, 5)).toBe('2020-05-29'); // 31 is a Sunday
    expect(lastWorkingDay(2021, 7)).toBe('2021-07-30'); // 31 is a Saturday
    expect(lastWorkingDay(2021, 12)).toBe('2021-12-31');
    expect(lastWorkingDay(2022, 12)).toBe('2022-12-30');
    expect(lastWorkingDay(2027, 12)).toBe('2027-12-31'); // a Friday
    expect(lastWorkingDay(2024, 2)).toBe('2024-02-29'); // leap year
    expect(lastWorkingDay(2023, 2)).toBe('2023-02-28');
  });

  it('a month ending on a public holiday ends the working day before', () => {
    // Easter 11 April 2004: Whit Monday falls on 31 May, so May ends on Friday 28.
    expect(publicHolidays(2004).has('2004-05-31')).toBe(true);
    expect(lastWorkingDay(2004, 5)).toBe('2004-05-28');
    // Christmas on a Friday (2020): December still ends on Thursday 31.
    expect(lastWorkingDay(2020, 12)).toBe('2020-12-31');
  });
});

describe('cashing days and due dates', () => {
  it('a cheque is cashed on the last working day of its month, or of the next when it has passed', () => {
    expect(nextCashingDay('2021-04-15')).toBe('2021-04-30');
    expect(nextCashingDay('2021-04-30')).toBe('2021-04-30');
    expect(nextCashingDay('2020-05-30')).toBe('2020-06-30');
    expect(nextCashingDay('2022-12-31')).toBe('2023-01-31');
  });

  it('instalments fall on the last working day of each month from this one', () => {
    expect(cashingDayInMonths('2021-04-15', 0)).toBe('2021-04-30');
    expect(cashingDayInMonths('2021-04-15', 1)).toBe('2021-05-31');
    expect(cashingDayInMonths('2021-11-15', 2)).toBe('2022-01-31');
    expect(cashingDayInMonths('2021-12-01', 12)).toBe('2022-12-30');
  });

  it('days are added across months and years, and taken away', () => {
    expect(addDays('2021-02-27', 2)).toBe('2021-03-01');
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(addDays('2021-03-01', -30)).toBe('2021-01-30');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('months keep the day of the month, or the month’s last day when it has none', () => {
    expect(addMonths('2020-02-16', 1)).toBe('2020-03-16');
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(addMonths('2020-12-15', 1)).toBe('2021-01-15');
    expect(addMonths('2020-03-31', -1)).toBe('2020-02-29');
  });
});
