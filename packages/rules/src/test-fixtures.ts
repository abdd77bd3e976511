// Test fixtures: the shipped packs and one-line households.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildInput, HouseholdInput } from './household.ts';
import { BUILT_IN_PACKS_DIR, loadPackDirectory } from './node.ts';
import { compilePack, type Pack } from './pack.ts';

export const packs = loadPackDirectory();
export const inserm2021 = packs.get('inserm-2021');
export const cnrs2019 = packs.get('cnrs-2019');
export const inserm2023 = packs.get('inserm-2023');

/** A shipped pack's file as data, to change the way a committee's staff could. */
export interface PackFile {
  rounding: { moneyStepCents: number };
  capCategories: Record<string, unknown>;
  [key: string]: unknown;
}
export const packFile = (name = 'inserm-2021'): PackFile =>
  JSON.parse(readFileSync(join(BUILT_IN_PACKS_DIR, `${name}.json`), 'utf8')) as PackFile;

/** Inserm 2021 without some of its parameters (a pack in the making). */
export const inserm2021Without = (...parameters: string[]): Pack =>
  compilePack(
    Object.fromEntries(Object.entries(packFile()).filter(([key]) => !parameters.includes(key))),
  );

/** Inserm 2021 rounding every amount to whole euros. */
export function inserm2021InWholeEuros(): Pack {
  const data = packFile();
  data.rounding.moneyStepCents = 100;
  return compilePack(data);
}

export const child = (
  birthDate: string,
  options: Partial<Omit<ChildInput, 'birthDate'>> = {},
): ChildInput => ({
  birthDate,
  sharedCustody: options.sharedCustody ?? false,
  disabled: options.disabled ?? false,
  ...(options.fiscallyDependent === undefined
    ? {}
    : { fiscallyDependent: options.fiscallyDependent }),
});

export const household = (options: Partial<HouseholdInput> = {}): HouseholdInput => ({
  taxIncomeEuros: 30_000,
  couple: false,
  memberDisabled: false,
  spouseDisabled: false,
  children: [],
  disabledAdultDependants: 0,
  ...options,
});

import {
  NOTHING_USED,
  type StayActivity,
  type StayQuoteInput,
  type YearUsage,
} from './stay-quote.ts';

export const nothingUsed: YearUsage = NOTHING_USED;

/** A stay quote input: a 12-year-old child on a 7-day 500 € stay with an approved organism, booked early. */
export const stay = (
  options: Partial<Omit<StayQuoteInput, 'activity' | 'used'>> & {
    activity?: Partial<StayActivity>;
    used?: Partial<YearUsage>;
  } = {},
): StayQuoteInput => ({
  quotientCents: options.quotientCents ?? 1_371_900,
  annualCeilingCents: options.annualCeilingCents === undefined ? null : options.annualCeilingCents,
  participant: options.participant ?? {
    relation: 'child',
    birthDate: '2009-03-01',
    disabled: false,
  },
  requestDate: options.requestDate ?? '2021-03-01',
  skiAidRequested: options.skiAidRequested ?? false,
  activity: {
    sector: 'jeunesse',
    kind: 'approved',
    capCategory: null,
    firstDay: '2021-07-10',
    lastDay: '2021-07-16',
    priceCents: 50_000,
    transportCents: 0,
    ski: false,
    ...options.activity,
  },
  used: { ...nothingUsed, ...options.used },
});
