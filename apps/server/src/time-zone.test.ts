import { describe, expect, it } from 'vitest';
import { calendar } from './modules/accounts/context.ts';
import { committeeDay } from './time-zone.ts';

describe('the committee’s day', () => {
  it('turns at midnight in Paris, in winter (UTC+1) and in summer (UTC+2), not at midnight UTC', () => {
    expect(committeeDay(new Date('2021-12-31T22:59:59Z'))).toBe('2021-12-31');
    expect(committeeDay(new Date('2021-12-31T23:00:00Z'))).toBe('2022-01-01');
    expect(committeeDay(new Date('2021-06-30T21:59:59Z'))).toBe('2021-06-30');
    expect(committeeDay(new Date('2021-06-30T22:00:00Z'))).toBe('2021-07-01');
  });

  it('is the fixed day of a configuration, else today’s in Paris', () => {
    expect(calendar('2021-04-15')()).toBe('2021-04-15');
    expect(calendar(null)()).toBe(committeeDay(new Date()));
    expect(calendar(null)()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
