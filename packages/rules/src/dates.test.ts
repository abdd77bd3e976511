import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, dayNumber, parseIsoDate } from './dates.ts';
import { IssueList } from './errors.ts';

const parse = (text: string) => {
  const issues = new IssueList();
  return { day: parseIsoDate(text, 'd', issues), issues: issues.issues };
};

describe('calendar days', () => {
  it('accept real days only, leap years included', () => {
    expect(parse('2020-02-29').day).toBe(20_200_229);
    expect(parse('2021-02-29').issues[0]?.message).toContain('pas une date du calendrier');
    expect(parse('1900-02-29').day).toBeNull();
    expect(parse('2000-02-29').day).not.toBeNull();
    for (const bad of [
      '2021-1-01',
      '2021/01/01',
      '20210101',
      '2021-01-0a',
      '2021-13-01',
      '2021-00-10',
      ' 2021-01-01',
    ]) {
      expect(parse(bad).day).toBeNull();
    }
  });
  it('count days like the calendar does', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 11, 31) }), (ms) => {
        const date = new Date(ms);
        const day =
          date.getUTCFullYear() * 10_000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
        return dayNumber(day) === Math.floor(ms / 86_400_000);
      }),
    );
  });
  it('give a child born on 29 February a birthday on 1 March in other years', () => {
    expect(ageOn(20_080_229, 20_260_228)).toBe(17);
    expect(ageOn(20_080_229, 20_260_301)).toBe(18);
    expect(ageOn(20_080_229, 20_280_229)).toBe(20);
  });
  it('turn a year older on the birthday, not the day before', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 99 }),
        (year, month, day, years) => {
          const birth = year * 10_000 + month * 100 + day;
          const birthday = birth + years * 10_000;
          return (
            ageOn(birth, birthday) === years &&
            (years === 0 || ageOn(birth, birthday - 1) === years - 1 || day === 1)
          );
        },
      ),
    );
  });
});
