import { describe, expect, it } from 'vitest';
import { calendarDay } from './text.ts';

const problems = (value: unknown) =>
  calendarDay.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

describe('a calendar day', () => {
  it('accepts every day of the calendar, 29 February of leap years included', () => {
    for (const day of [
      '2021-01-31',
      '2020-02-29',
      '2000-02-29',
      '2021-04-30',
      '1900-01-01',
      '2099-12-31',
    ])
      expect(problems(day), day).toEqual([]);
  });
  it('refuses days no month has, saying to check the day and the month', () => {
    for (const day of [
      '2021-02-29',
      '1900-02-29',
      '2100-02-29',
      '2021-04-31',
      '2021-13-01',
      '2021-00-10',
      '2021-06-00',
    ])
      expect(problems(day), day).toContain(
        'cette date n’existe pas dans le calendrier : vérifiez le jour et le mois',
      );
  });
  it('refuses another shape or a day outside 1900–2099, with an example', () => {
    // One sentence, the first fault: not also « n'existe pas » and « entre 1900 et 2099 ».
    expect(problems('14/07/2021')).toEqual([
      'date au format AAAA-MM-JJ attendue, par exemple 2021-07-14',
    ]);
    expect(problems('1899-02-30')).toEqual([
      'cette date n’existe pas dans le calendrier : vérifiez le jour et le mois',
    ]);
    expect(problems('1899-12-31')).toEqual([
      'date entre 1900 et 2099 attendue, par exemple 2021-07-14',
    ]);
    expect(problems(20210714)).toEqual(['date attendue, par exemple 2021-07-14']);
  });
});
