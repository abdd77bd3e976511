// A holiday booking for several people (issue 13, SPEC §3 and §6): the booking's own parts, a
// line per person by status and age, and the sums, arrhes and fees of the booking.
import { describe, expect, it } from 'vitest';
import { RulesError } from './errors.ts';
import type { HouseholdInput } from './household.ts';
import { quoteBooking, type BookingParticipant, type BookingQuoteInput } from './stay-quote.ts';
import { compilePack } from './pack.ts';
import {
  child,
  cnrs2019,
  household,
  inserm2021,
  inserm2021Without,
  nothingUsed,
  packFile,
} from './test-fixtures.ts';

const N = (text: string | undefined) => text?.replace(/[\u00a0\u202f]/g, ' ');

const person = (
  name: string,
  relation: BookingParticipant['relation'],
  birthDate: string,
  priceCents: number,
): BookingParticipant => ({
  name,
  relation,
  birthDate,
  disabled: false,
  priceCents,
  transportCents: 0,
  used: nothingUsed,
  skiAidRequested: false,
});

const villageWeek = (
  participants: readonly BookingParticipant[],
  home: HouseholdInput,
  options: Partial<BookingQuoteInput> = {},
): BookingQuoteInput => ({
  quotientCents: 0,
  household: { input: home, on: '2020-01-01' },
  annualCeilingCents: null,
  ceilingUsedCents: 0,
  activity: {
    sector: 'vacances',
    kind: 'caesVillage',
    capCategory: null,
    firstDay: '2020-07-04',
    lastDay: '2020-07-11',
    ski: false,
  },
  participants,
  requestDate: '2020-03-16',
  ...options,
});

describe('a CNRS family week in a CAES village', () => {
  const family = household({
    taxIncomeEuros: 40_000,
    spouseTaxIncomeEuros: 20_000,
    couple: true,
    children: [child('2010-05-01'), child('2014-02-01')],
  });
  // Computed in each test: Stryker counts only what a test runs (ignoreStatic).
  const week = () =>
    quoteBooking(
      cnrs2019,
      villageWeek(
        [
          person('Claire', 'member', '1982-04-01', 20_000),
          person('Marc', 'spouse', '1981-09-01', 20_000),
          person('Léa', 'child', '2010-05-01', 15_000),
          person('Hugo', 'child', '2014-02-01', 10_000),
          person('Jeanne', 'directRelative', '1950-01-01', 20_000),
          person('Sam', 'nonEntitled', '1983-01-01', 25_000),
        ],
        family,
      ),
    );

  it('computes the booking’s parts and quotient, then each person’s line', () => {
    const quote = week();
    expect(quote).toMatchObject({ parts: 4, quotientCents: 1_500_000, days: 8, nights: 7 });
    expect(
      quote.participants.map((p) => [p.name, p.age, p.rateBp, p.subsidyCents, p.leftToPayCents]),
    ).toEqual([
      ['Claire', 38, 2662, 5_324, 14_676],
      ['Marc', 38, 2662, 5_324, 14_676],
      ['Léa', 10, 2662, 3_993, 11_007],
      ['Hugo', 6, 2662, 2_662, 7_338],
      ['Jeanne', 70, null, 0, 20_000],
      ['Sam', 37, null, 0, 25_000],
    ]);
    expect(quote.participants[4]?.reasons.map((r) => r.code)).toEqual(['not_entitled']);
  });

  it('sums the lines, asks 20 % arrhes on what is left to pay, and the guest’s yearly membership', () => {
    const quote = week();
    expect(quote).toMatchObject({
      priceCents: 110_000,
      subsidyCents: 17_303,
      leftToPayCents: 92_697,
      depositCents: 18_539,
      depositLabel: 'Arrhes',
      feesCents: 1_500,
      totalToPayCents: 94_197,
    });
    expect(quote.fees).toEqual([
      {
        id: 'membership',
        label: 'Adhésion annuelle (non ayant droit) — Sam',
        cents: 1_500,
        participant: 5,
      },
    ]);
    expect(quote.usage.vacationDays).toBe(32);
  });

  it('explains the parts, each person under their name, then the booking', () => {
    const quote = week();
    const texts = quote.explanation.map((s) => `${s.step} | ${N(s.text)}`);
    expect(texts[0]).toBe('parts | Nombre de parts CAES : 4 (4 personnes du foyer fiscal) = 4');
    expect(texts).toContain(
      'p5 | Jeanne : filiation directe, prix base TD sans subvention, 70 ans',
    );
    expect(texts).toContain(
      'p3.subsidy.stay | Subvention du séjour (séjours de vacances et séjours jeunes dès 18 ans) : 150,00 € × 26,62 % = 39,93 €',
    );
    expect(texts.at(-3)).toBe(
      'total | Reste à payer pour la réservation : 146,76 € + 146,76 € + 110,07 € + 73,38 € + 200,00 € + 250,00 € = 926,97 €',
    );
    expect(texts.at(-2)).toBe('deposit | Arrhes : 20,00 % × 926,97 €, au moins 60,00 € = 185,39 €');
  });

  it('a guest already a member this year pays no second membership; a relative may not come to a partner village', () => {
    const member = {
      ...person('Sam', 'nonEntitled', '1983-01-01', 25_000),
      used: { ...nothingUsed, yearlyFeesPaid: ['membership'] },
    };
    expect(quoteBooking(cnrs2019, villageWeek([member], family)).fees).toEqual([]);
    expect(() =>
      quoteBooking(
        cnrs2019,
        villageWeek([person('Jeanne', 'directRelative', '1950-01-01', 20_000)], family, {
          activity: { ...villageWeek([], family).activity, kind: 'partnerVillage' },
        }),
      ),
    ).toThrow(RulesError);
  });
});

describe('parent isolé, per booking (SPEC §3)', () => {
  // A single member whose child is on the other parent's tax notice.
  const single = household({
    taxIncomeEuros: 30_000,
    children: [child('2012-06-01', { fiscallyDependent: false })],
  });
  const goingAlone = () =>
    quoteBooking(cnrs2019, villageWeek([person('Paul', 'member', '1980-01-01', 30_000)], single));
  const goingWithChild = () =>
    quoteBooking(
      cnrs2019,
      villageWeek(
        [
          person('Paul', 'member', '1980-01-01', 30_000),
          person('Zoé', 'child', '2012-06-01', 20_000),
        ],
        single,
      ),
    );

  it('1.5 parts going alone, 1 + 1 per registered child under 25 going with them', () => {
    const [alone, withChild] = [goingAlone(), goingWithChild()];
    expect([alone.parts, alone.quotientCents, alone.participants[0]?.rateBp]).toEqual([
      1.5, 2_000_000, 1300,
    ]);
    expect([withChild.parts, withChild.quotientCents, withChild.participants[0]?.rateBp]).toEqual([
      2, 1_500_000, 2662,
    ]);
    expect(N(alone.explanation[0]?.text)).toBe(
      'Nombre de parts CAES : 1,5 (parent isolé participant seul) = 1,5',
    );
    expect(N(withChild.explanation[0]?.text)).toBe(
      'Nombre de parts CAES : 1 (parent isolé) + 1 (1 enfant inscrit) = 2',
    );
  });

  it('only the member’s children registered on the booking count, not a young guest', () => {
    const withGuest = quoteBooking(
      cnrs2019,
      villageWeek(
        [
          person('Paul', 'member', '1980-01-01', 30_000),
          person('Tom', 'nonEntitled', '2001-01-01', 20_000),
        ],
        single,
      ),
    );
    expect(withGuest.parts).toBe(1.5);
  });

  it('the child counts in no part of the household itself, and a couple is never a parent isolé', () => {
    const couple = { ...single, couple: true };
    const both = quoteBooking(
      cnrs2019,
      villageWeek(
        [
          person('Paul', 'member', '1980-01-01', 30_000),
          person('Zoé', 'child', '2012-06-01', 20_000),
        ],
        couple,
      ),
    );
    expect(both.parts).toBe(2);
    expect(N(both.explanation[0]?.text)).toBe(
      'Nombre de parts CAES : 2 (2 personnes du foyer fiscal) = 2',
    );
  });
});

describe('Inserm holidays: the annual ceiling is used person by person', () => {
  it('the second child gets what the first left of the ceiling, and the reason', () => {
    const quote = quoteBooking(inserm2021, {
      ...villageWeek(
        [
          person('Léa', 'child', '2010-05-01', 20_000),
          person('Hugo', 'child', '2012-05-01', 20_000),
        ],
        household(),
      ),
      household: null,
      quotientCents: 1_371_900,
      annualCeilingCents: 10_000,
      activity: {
        sector: 'vacances',
        kind: 'caes',
        capCategory: null,
        firstDay: '2021-07-10',
        lastDay: '2021-07-16',
        ski: false,
      },
      requestDate: '2021-03-01',
    });
    expect(quote.parts).toBeNull();
    expect(quote.participants.map((p) => [p.subsidyBeforeCeilingCents, p.subsidyCents])).toEqual([
      [8_000, 8_000],
      [8_000, 2_000],
    ]);
    expect(quote.participants[1]?.reasons.map((r) => r.code)).toEqual(['annual_ceiling']);
    expect(quote.usage.ceilingCents).toBe(10_000);
    expect(quote.depositLabel).toBe('Acompte');
  });

  it('names the faulty person', () => {
    try {
      quoteBooking(cnrs2019, villageWeek([person('X', 'member', '2021-01-01', -5)], household()));
      expect.unreachable();
    } catch (error) {
      expect((error as RulesError).issues.map((i) => i.path)).toEqual([
        'participants.0.priceCents',
        'participants.0.birthDate',
      ]);
    }
    expect(() => quoteBooking(cnrs2019, villageWeek([], household()))).toThrow(RulesError);
  });
});

describe('the CNRS dossier fee', () => {
  const trip = (abroad: boolean, kind: 'caes' | 'partnerVillage' | 'caesVillage' = 'caes') =>
    quoteBooking(
      cnrs2019,
      villageWeek([person('Claire', 'member', '1982-04-01', 50_000)], household(), {
        activity: {
          sector: kind === 'caes' ? 'voyages' : 'vacances',
          kind,
          capCategory: null,
          firstDay: '2020-09-07',
          lastDay: '2020-09-12',
          ski: false,
          abroad,
        },
      }),
    ).fees.map((fee) => [fee.id, fee.cents]);
  it('is 8 € once a booking on national trips and partner villages, never abroad nor in CAES villages', () => {
    expect(trip(false)).toEqual([['dossier', 800]]);
    expect(trip(true)).toEqual([]);
    expect(trip(false, 'partnerVillage')).toEqual([['dossier', 800]]);
    expect(trip(false, 'caesVillage')).toEqual([]);
  });
});

describe('bad bookings and incomplete packs', () => {
  const issues = (input: BookingQuoteInput, pack = cnrs2019) => {
    try {
      quoteBooking(pack, input);
    } catch (error) {
      if (error instanceof RulesError) return [error.code, error.issues];
      throw error;
    }
    throw new Error('expected a RulesError');
  };
  const claire = person('Claire', 'member', '1982-04-01', 20_000);
  it('names an empty or too large booking, and a person’s faulty usage', () => {
    expect(issues(villageWeek([], household()))).toEqual([
      'invalid_input',
      [{ path: 'participants', message: 'au moins un participant' }],
    ]);
    expect(issues(villageWeek(Array<BookingParticipant>(31).fill(claire), household()))).toEqual([
      'invalid_input',
      [{ path: 'participants', message: '30 participants au plus' }],
    ]);
    expect(
      quoteBooking(cnrs2019, villageWeek(Array<BookingParticipant>(30).fill(claire), household()))
        .participants,
    ).toHaveLength(30);
    expect(
      issues(villageWeek([{ ...claire, used: { ...nothingUsed, vacationDays: -1 } }], household())),
    ).toEqual([
      'invalid_input',
      [{ path: 'participants.0.used.vacationDays', message: 'nombre entier positif attendu' }],
    ]);
  });
  it('names what a pack lacks: its deposit, its parts, a grid for the stay', () => {
    const inserm = { household: null, quotientCents: 1_371_900, requestDate: '2021-03-01' };
    const week = {
      ...villageWeek([claire], household()),
      ...inserm,
      activity: {
        sector: 'vacances' as const,
        kind: 'caes' as const,
        capCategory: null,
        firstDay: '2021-07-10',
        lastDay: '2021-07-16',
        ski: false,
      },
    };
    expect(issues(week, inserm2021Without('deposit'))).toEqual([
      'missing_parameter',
      [{ path: 'deposit', message: 'paramètre absent du barème inserm-2021' }],
    ]);
    const child = { ...week, participants: [person('Léa', 'child', '2010-05-01', 20_000)] };
    expect(issues(child, inserm2021Without('parts'))).toEqual([
      'missing_parameter',
      [{ path: 'parts', message: 'paramètre absent du barème inserm-2021' }],
    ]);
    const youthOnly = packFile();
    youthOnly.gridRules = [{ grid: 'standard', sectors: ['jeunesse'] }];
    expect(issues(week, compilePack(youthOnly))).toEqual([
      'missing_parameter',
      [{ path: 'gridRules', message: 'aucune règle ne s’applique' }],
    ]);
  });
  it('says where a direct relative may go', () => {
    try {
      quoteBooking(
        cnrs2019,
        villageWeek([person('Jeanne', 'directRelative', '1950-01-01', 1)], household(), {
          activity: { ...villageWeek([], household()).activity, kind: 'partnerVillage' },
        }),
      );
      expect.unreachable();
    } catch (error) {
      expect((error as RulesError).message).toBe(
        'Ce participant ne peut réserver que : caesVillage.',
      );
    }
  });
  it('a yearly fee of the booking is asked once a year, whoever already paid it', () => {
    const data = packFile('cnrs-2019');
    data.fees = [
      {
        id: 'carte',
        label: 'Carte de séjour',
        euros: '5',
        yearly: true,
        when: [{ kinds: ['caesVillage'] }],
      },
    ];
    const pack = compilePack(data);
    const marc = person('Marc', 'spouse', '1981-09-01', 20_000);
    const paid = { ...marc, used: { ...nothingUsed, yearlyFeesPaid: ['carte'] } };
    expect(quoteBooking(pack, villageWeek([claire, marc], household())).fees).toEqual([
      { id: 'carte', label: 'Carte de séjour', cents: 500, participant: null },
    ]);
    expect(quoteBooking(pack, villageWeek([claire, paid], household())).fees).toEqual([]);
  });
  it('a trip whose abroad flag is not given is a trip in France', () => {
    const week = villageWeek([claire], household());
    // villageWeek's activity says nothing of abroad.
    expect('abroad' in week.activity).toBe(false);
    const activity = { ...week.activity, sector: 'voyages' as const, kind: 'caes' as const };
    expect(quoteBooking(cnrs2019, { ...week, activity }).fees.map((f) => f.id)).toEqual([
      'dossier',
    ]);
  });
  it('keeps the figures each person’s "left to pay" comes from', () => {
    const quote = quoteBooking(cnrs2019, villageWeek([claire], household()));
    expect(quote.explanation.find((s) => s.step === 'leftToPay')?.inputs).toEqual({
      priceCents: 20_000,
      transportCents: 0,
      subsidyCents: quote.subsidyCents,
    });
  });
  it('a PROMO kind in a pack without PROMO days is a plain stay', () => {
    const quote = quoteBooking(
      cnrs2019,
      villageWeek([claire], household(), {
        activity: { ...villageWeek([], household()).activity, kind: 'promo' },
      }),
    );
    expect(quote.participants[0]?.reasons).toEqual([]);
    expect(quote.usage.promoDays).toBe(0);
  });
});

describe('an Inserm family ski week: the booking’s sums', () => {
  const skier = (name: string, relation: BookingParticipant['relation'], birthDate: string) => ({
    ...person(name, relation, birthDate, 30_000),
    transportCents: 5_000,
    skiAidRequested: true,
  });
  const skiWeek = () =>
    quoteBooking(inserm2021, {
      quotientCents: 700_000,
      household: null,
      annualCeilingCents: null,
      ceilingUsedCents: 0,
      activity: {
        sector: 'vacances',
        kind: 'caes',
        capCategory: null,
        firstDay: '2021-02-13',
        lastDay: '2021-02-20',
        ski: true,
      },
      participants: [
        skier('Léa', 'child', '2010-05-01'),
        { ...skier('Hugo', 'child', '2012-05-01'), used: { ...nothingUsed, lastSkiAidYear: 2020 } },
        { ...skier('Sam', 'nonEntitled', '1983-01-01'), skiAidRequested: false },
      ],
      requestDate: '2020-12-01',
    });
  it('adds up prices, transport, subsidies before the ceiling, days and the ski aid of those who get it', () => {
    const quote = skiWeek();
    expect(quote.priceCents).toBe(90_000);
    expect(quote.transportCents).toBe(15_000);
    expect(quote.subsidyBeforeCeilingCents).toBe(
      quote.participants.reduce((sum, p) => sum + p.subsidyBeforeCeilingCents, 0),
    );
    expect(quote.subsidyBeforeCeilingCents).toBeGreaterThan(0);
    // Léa gets the aid; Hugo had it last year; Sam asked for none.
    expect(quote.participants.map((p) => p.skiAidCents)).toEqual([9_500, null, null]);
    expect(quote.skiAidCents).toBe(9_500);
    expect(quote.usage).toEqual({ youthDays: 0, promoDays: 0, vacationDays: 16, ceilingCents: 0 });
    // Each person is explained under their name, their ski aid with them.
    expect(quote.explanation.map((s) => s.step)).toContain('p1.skiAid');
    expect(quote.explanation.find((s) => s.step === 'p2.skiAid')?.text).toContain('tous les 2 ans');
  });
  it('no ski aid at all is null, not zero', () => {
    const none = quoteBooking(inserm2021, {
      ...villageWeek([person('Léa', 'child', '2010-05-01', 30_000)], household()),
      household: null,
      quotientCents: 700_000,
    });
    expect(none.skiAidCents).toBeNull();
  });
});
