// What a person used of a year, read from the household's confirmed places (no database).
import { describe, expect, it } from 'vitest';
import {
  usageOf,
  type QuoteFigures,
  type UsageRows,
} from '../src/modules/registrations/registration-requests.ts';

const usage = (vacationDays: number, ceilingCents = 0) => ({
  youthDays: 0,
  promoDays: 0,
  vacationDays,
  ceilingCents,
});
const line = (key: string, skiAidCents: number | null, days: number) => ({
  key,
  firstName: key,
  relation: 'child' as const,
  age: 10,
  priceCents: 30_000,
  transportCents: 0,
  grid: 'standard',
  rateBp: 4000,
  baseCents: 30_000,
  subsidyCents: 12_000,
  leftToPayCents: 18_000,
  skiAidCents,
  usage: usage(days),
  reasons: [],
});

describe('a family ski week in the year’s usage', () => {
  // Léa got the ski aid; Hugo, who had it the year before, did not.
  const quote = {
    sessionId: 's',
    pack: 'inserm-2021',
    days: 8,
    priceCents: 60_000,
    transportCents: 0,
    grid: 'standard',
    rateBp: 4000,
    baseCents: 60_000,
    subsidyCents: 24_000,
    leftToPayCents: 36_000,
    depositCents: 10_800,
    feesCents: 0,
    totalToPayCents: 36_000,
    skiAidCents: 9_500,
    usage: usage(16, 24_000),
    reasons: [],
    participants: [line('child:léa:2010-05-01', 9_500, 8), line('child:hugo:2012-05-01', null, 8)],
  } satisfies QuoteFigures;
  const rows: UsageRows = {
    places: [
      { participant_key: 'child:léa:2010-05-01', quotes: [quote], placed_rank: 1, year: 2021 },
    ],
    claims: [],
  };
  it('gives the last ski aid year only to who got it, and each their own days', () => {
    expect(usageOf(rows, 'child:léa:2010-05-01', 2021)).toMatchObject({
      lastSkiAidYear: 2021,
      vacationDays: 8,
      ceilingCents: 24_000,
    });
    expect(usageOf(rows, 'child:hugo:2012-05-01', 2021)).toMatchObject({
      lastSkiAidYear: null,
      vacationDays: 8,
      ceilingCents: 24_000,
    });
    expect(usageOf(rows, 'member', 2021)).toMatchObject({ lastSkiAidYear: null, vacationDays: 0 });
  });
});
