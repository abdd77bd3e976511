// The stay rules as the committees write them, each with the sentence a member reads (issue 12).
import { describe, expect, it } from 'vitest';
import { RulesError } from './errors.ts';
import { compilePack } from './pack.ts';
import { quoteStay, type StayQuote, type StayQuoteInput } from './stay-quote.ts';
import {
  cnrs2019,
  inserm2021,
  inserm2021InWholeEuros,
  inserm2021Without,
  packFile,
  stay,
} from './test-fixtures.ts';

/** The explanation as a member reads it, no-break spaces written as plain ones. */
const sentences = (quote: StayQuote) =>
  quote.explanation.map((s) => `${s.step} | ${s.text.replace(/[\u00a0\u202f]/g, ' ')}`);
const codes = (quote: StayQuote) => quote.reasons.map((r) => r.code);
const member = { relation: 'member', birthDate: '1980-01-01', disabled: false } as const;
/** A week in a CNRS holiday village in July 2020. */
const villageWeek = {
  sector: 'vacances',
  kind: 'caesVillage',
  capCategory: null,
  firstDay: '2020-07-04',
  lastDay: '2020-07-11',
} as const;

describe('Inserm: a 20-day ski stay, capped, with transport, ski aid and the ceiling reached', () => {
  const quote = quoteStay(
    inserm2021,
    stay({
      quotientCents: 700_000,
      annualCeilingCents: 150_000,
      used: { ceilingCents: 100_000 },
      skiAidRequested: true,
      requestDate: '2021-01-25',
      activity: {
        kind: 'caes',
        capCategory: 'skiLanguageAbroad',
        firstDay: '2021-02-01',
        lastDay: '2021-02-20',
        priceCents: 300_000,
        transportCents: 10_000,
        ski: true,
      },
    }),
  );
  it('gives every figure', () => {
    expect(quote).toMatchObject({
      days: 20,
      nights: 19,
      grid: 'majore',
      rateBp: 7000,
      baseCents: 243_500,
      subsidyBeforeCeilingCents: 170_450,
      subsidyCents: 50_000,
      leftToPayCents: 260_000,
      depositCents: 78_000,
      totalToPayCents: 260_000,
      skiAidCents: 9_500,
      usage: { youthDays: 20, promoDays: 0, vacationDays: 0, ceilingCents: 50_000 },
    });
    expect(quote.lines).toEqual([
      {
        item: 'stay',
        grid: 'majore',
        rateBp: 7000,
        days: 20,
        baseCents: 233_500,
        subsidyCents: 163_450,
      },
      {
        item: 'transport',
        grid: 'majore',
        rateBp: 7000,
        days: null,
        baseCents: 10_000,
        subsidyCents: 7_000,
      },
    ]);
  });
  it('explains each step in French', () => {
    expect(sentences(quote)).toEqual([
      'days | Durée : du 01/02/2021 au 20/02/2021 = 20 jours',
      'base.cap | Base plafonnée : min(3 000,00 € ; 15 × 125,00 € + 5 × 92,00 €) = 2 335,00 €',
      'rate.majore | Taux majoré : taux standard + 10 = 70,00 %',
      'subsidy.stay | Subvention du séjour (taux majoré) : 2 335,00 € × 70,00 % = 1 634,50 €',
      'subsidy.transport | Subvention du transport : 100,00 € × 70,00 % = 70,00 €',
      'annualCeiling | Plafond annuel : min(1 704,50 € ; 1 500,00 € − 1 000,00 €) = 500,00 €',
      'leftToPay | Reste à payer : 3 100,00 € − 500,00 € = 2 600,00 €',
      'deposit | Acompte : 30,00 % × 2 600,00 € = 780,00 €',
      'skiAid | Aide au ski : 154,7530 − 7,76734 × 7 000,00 / 1000, borné entre 42 € et 95 € (tous les 2 ans) = 95,00 €',
    ]);
    expect(quote.reasons.map((r) => r.text.replace(/[\u00a0\u202f]/g, ' '))).toEqual([
      "Séjour ski, séjour linguistique, classe de neige ou à l'étranger, centre de vacances à l'étranger : base plafonnée à 2 335,00 € (15 × 125,00 € + 5 × 92,00 €)",
      'plafond annuel de 1 500,00 €, 1 000,00 € déjà utilisés : subvention limitée à 500,00 €',
    ]);
  });
});

describe('Inserm PROMO days and yearly allowances', () => {
  const promo = (used: number, kind: 'promo' | 'caes' = 'promo') =>
    quoteStay(
      inserm2021,
      stay({
        used: { promoDays: used },
        participant: member,
        activity: {
          kind,
          sector: 'vacances',
          capCategory: null,
          firstDay: '2021-07-01',
          lastDay: '2021-07-10',
          priceCents: 100_000,
        },
      }),
    );
  it('past 21 PROMO days in the year, the other days go to the majoré grid, and it says so', () => {
    const quote = promo(18);
    expect(quote.lines.map((l) => [l.grid, l.days, l.baseCents, l.subsidyCents])).toEqual([
      ['promotionnel', 3, 30_000, 19_500],
      ['majore', 7, 70_000, 35_000],
    ]);
    expect(quote.usage).toEqual({ youthDays: 0, promoDays: 3, vacationDays: 10, ceilingCents: 0 });
    expect(sentences(quote)).toContain(
      'promo | Jours PROMO : au plus 21 jours PROMO par an : 7 jours au taux majoré',
    );
    expect(quote.reasons).toEqual([
      { code: 'promo_allowance', text: 'au plus 21 jours PROMO par an : 7 jours au taux majoré' },
    ]);
  });
  it('all 21 days used: the whole stay at the majoré grid; none used: one PROMO line', () => {
    expect(promo(21).lines.map((l) => [l.grid, l.days])).toEqual([['majore', 10]]);
    expect(promo(0).lines.map((l) => [l.grid, l.days])).toEqual([['promotionnel', 10]]);
    expect(promo(0).reasons).toEqual([]);
  });
  it('the PROMO allowance never splits a stay that is not PROMO', () => {
    const quote = promo(21, 'caes');
    expect(quote.lines).toHaveLength(1);
    expect(quote.usage.promoDays).toBe(0);
  });
  it('the youth allowance of 45 days: 5 left of a 7-day stay', () => {
    const quote = quoteStay(inserm2021, stay({ used: { youthDays: 40 } }));
    expect(quote).toMatchObject({ baseCents: 35_714, subsidyCents: 14_286 });
    expect(quote.usage.youthDays).toBe(5);
    expect(sentences(quote)[1]).toBe(
      'allowance | Jours subventionnés : 45 jours subventionnés par an, 40 déjà utilisés : 5 jours subventionnés sur 7',
    );
    const oneLeft = quoteStay(inserm2021, stay({ used: { youthDays: 44 } }));
    expect(oneLeft.reasons[0]?.text).toBe(
      '45 jours subventionnés par an, 44 déjà utilisés : 1 jour subventionné sur 7',
    );
    const none = quoteStay(inserm2021, stay({ used: { youthDays: 45 } }));
    expect(none).toMatchObject({ subsidyCents: 0, lines: [], usage: { youthDays: 0 } });
  });
});

describe('who is an ayant droit, and for how long', () => {
  const child = (birthDate: string, disabled = false) =>
    quoteStay(
      inserm2021,
      stay({
        participant: { relation: 'child', birthDate, disabled },
        activity: { sector: 'vacances', kind: 'caes', capCategory: null },
      }),
    );
  it('an Inserm child is an ayant droit until the day before 26, judged on the first day', () => {
    expect(child('1995-07-11').subsidyCents).toBeGreaterThan(0);
    const grown = child('1995-07-10');
    expect(grown.subsidyCents).toBe(0);
    expect(grown.reasons).toEqual([
      { code: 'not_entitled', text: 'enfant de 26 ans ou plus : n’est plus ayant droit' },
    ]);
    expect(child('1990-01-01', true).subsidyCents).toBeGreaterThan(0);
  });
  it('the youth sector stops at the day before 21', () => {
    const quote = quoteStay(
      inserm2021,
      stay({ participant: { relation: 'child', birthDate: '2000-07-10', disabled: false } }),
    );
    expect(quote.reasons).toEqual([
      {
        code: 'youth_age',
        text: 'secteur jeunesse : jusqu’à la veille des 21 ans, jugé au premier jour',
      },
    ]);
    expect(sentences(quote)[1]).toBe(
      'subsidy | Pas de subvention : secteur jeunesse : jusqu’à la veille des 21 ans, jugé au premier jour',
    );
  });
  it('a non-entitled guest pays the price, and the CNRS membership fee once a year; an ayant droit never pays it', () => {
    const village = { sector: 'vacances', kind: 'caesVillage', capCategory: null } as const;
    const guest = (yearlyFeesPaid: string[] = []) =>
      quoteStay(
        cnrs2019,
        stay({
          requestDate: '2020-03-01',
          participant: { relation: 'nonEntitled', birthDate: '1980-01-01', disabled: false },
          activity: { ...village, firstDay: '2020-07-04', lastDay: '2020-07-11' },
          used: { yearlyFeesPaid },
        }),
      );
    expect(guest()).toMatchObject({ subsidyCents: 0, feesCents: 1_500 });
    expect(guest().fees).toEqual([
      { id: 'membership', label: 'Adhésion annuelle (non ayant droit)', cents: 1_500 },
    ]);
    expect(sentences(guest())).toContain(
      'fee.membership | Adhésion annuelle (non ayant droit) : 15,00 €',
    );
    expect(sentences(guest())[1]).toBe(
      'subsidy | Pas de subvention : participant non ayant droit : prix sans subvention',
    );
    expect(guest(['membership']).feesCents).toBe(0);
    const entitled = quoteStay(
      cnrs2019,
      stay({
        requestDate: '2020-03-01',
        participant: member,
        activity: { ...village, firstDay: '2020-07-04', lastDay: '2020-07-11' },
      }),
    );
    expect(entitled.feesCents).toBe(0);
  });
});

describe('minimum durations, at their edges', () => {
  it('CNRS: from 2 nights', () => {
    const nights = (lastDay: string) =>
      quoteStay(
        cnrs2019,
        stay({
          requestDate: '2020-03-01',
          participant: member,
          activity: {
            sector: 'vacances',
            kind: 'caesVillage',
            capCategory: null,
            firstDay: '2020-07-04',
            lastDay,
          },
        }),
      );
    expect(nights('2020-07-06').subsidyCents).toBeGreaterThan(0);
    expect(nights('2020-07-06').nights).toBe(2);
    expect(nights('2020-07-05').reasons).toEqual([
      { code: 'minimum_duration', text: 'subvention à partir de 2 nuitées' },
    ]);
  });
  it('a holiday centre from 5 days, an approved rental from 2 nights', () => {
    const days = (capCategory: string, kind: 'approved' | 'caes', lastDay: string) =>
      quoteStay(
        inserm2021,
        stay({ activity: { capCategory, kind, firstDay: '2021-07-10', lastDay } }),
      );
    expect(days('holidayCentreFrance', 'caes', '2021-07-14').subsidyCents).toBeGreaterThan(0);
    expect(days('holidayCentreFrance', 'caes', '2021-07-13').reasons).toEqual([
      {
        code: 'minimum_duration',
        text: 'Centre de vacances en France : au moins 5 jours consécutifs',
      },
    ]);
    expect(days('approvedRental', 'approved', '2021-07-12').subsidyCents).toBeGreaterThan(0);
    expect(days('approvedRental', 'approved', '2021-07-11').reasons).toEqual([
      {
        code: 'minimum_duration',
        text: "Organisme agréé : location, chambre d'hôtes, camping : au moins 2 nuits consécutives",
      },
    ]);
  });
});

describe('bases, caps and ceilings', () => {
  it('a mobile home: half the price, then capped per day', () => {
    const quote = quoteStay(
      inserm2021,
      stay({
        participant: member,
        activity: {
          capCategory: 'mobileHome',
          kind: 'approved',
          sector: 'vacances',
          firstDay: '2021-07-01',
          lastDay: '2021-07-08',
          priceCents: 80_000,
        },
      }),
    );
    expect(sentences(quote).slice(1, 3)).toEqual([
      'base.share | Part du prix subventionnable : 50,00 % × 800,00 € = 400,00 €',
      'base.cap | Base plafonnée : min(400,00 € ; 8 × 43,00 €) = 344,00 €',
    ]);
    expect(codes(quote)).toEqual(['base_share', 'base_cap']);
    expect(quote.reasons[0]?.text).toBe(
      'Mobil home hors organisme agréé : base de 50,00\u00a0% du prix',
    );
  });

  it('a cap with both a daily amount and an amount per stay takes the lower', () => {
    const data = packFile();
    data.capCategories.both = {
      label: 'Les deux',
      perDay: [{ fromDay: 1, euros: '50' }],
      perStayEuros: '300',
    };
    const pack = compilePack(data);
    const quote = (lastDay: string) =>
      quoteStay(
        pack,
        stay({ activity: { capCategory: 'both', kind: 'caes', priceCents: 100_000, lastDay } }),
      );
    expect(quote('2021-07-16').baseCents).toBe(30_000);
    expect(quote('2021-07-16').reasons[0]?.text.replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'Les deux : base plafonnée à 300,00 € (7 × 50,00 € + 300,00 € par séjour)',
    );
    expect(quote('2021-07-13').baseCents).toBe(20_000);
  });

  it('a price under its cap says what the cap was', () => {
    const quote = quoteStay(
      inserm2021,
      stay({ activity: { capCategory: 'holidayCentreFrance', kind: 'caes', priceCents: 50_000 } }),
    );
    expect(sentences(quote)[1]).toBe(
      'base | Base subventionnable : min(500,00 € ; plafond 805,00 €) = 500,00 €',
    );
  });

  it('a household without a ceiling records no ceiling usage, even in a sector the ceiling covers', () => {
    const quote = quoteStay(inserm2021, stay({ annualCeilingCents: null }));
    expect(quote.subsidyCents).toBe(20_000);
    expect(quote.usage.ceilingCents).toBe(0);
    const counted = quoteStay(inserm2021, stay({ annualCeilingCents: 100_000 }));
    expect(counted.usage.ceilingCents).toBe(20_000);
    const travel = quoteStay(
      inserm2021,
      stay({
        annualCeilingCents: 100_000,
        participant: member,
        activity: { sector: 'voyages', kind: 'caes' },
      }),
    );
    expect(travel.usage.ceilingCents).toBe(0);
  });
});

describe('deposits', () => {
  it('CNRS: 20 % of what is left to pay, at least 60 €, and everything within 30 days', () => {
    const village = (requestDate: string, priceCents = 120_000) =>
      quoteStay(
        cnrs2019,
        stay({
          quotientCents: 900_000,
          requestDate,
          participant: member,
          activity: {
            ...villageWeek,
            priceCents,
          },
        }),
      );
    expect(sentences(village('2020-03-01')).slice(-1)).toEqual([
      'deposit | Arrhes : 20,00 % × 569,16 €, au moins 60,00 € = 113,83 €',
    ]);
    const small = village('2020-03-01', 20_000);
    expect(small.depositCents).toBe(6_000);
    expect(small.reasons).toContainEqual({
      code: 'deposit_minimum',
      text: 'arrhes : minimum de 60,00\u00a0€',
    });
    const late = village('2020-06-10');
    expect(late.depositCents).toBe(late.leftToPayCents);
    expect(late.reasons).toContainEqual({
      code: 'full_payment',
      text: 'demande moins de 30 jours avant le début : tout est réglé à la demande',
    });
    expect(village('2020-06-04').depositCents).toBe(11_383);
  });
});

describe('the ski aid', () => {
  const ski = (options: {
    lastSkiAidYear?: number | null;
    kind?: 'caes' | 'approved';
    ski?: boolean;
  }) =>
    quoteStay(
      inserm2021,
      stay({
        quotientCents: 700_000,
        skiAidRequested: true,
        used: { lastSkiAidYear: options.lastSkiAidYear ?? null },
        activity: { kind: options.kind ?? 'caes', ski: options.ski ?? true, capCategory: null },
      }),
    );
  it('is granted again two years after the last one, not one year after', () => {
    expect(ski({ lastSkiAidYear: 2019 }).skiAidCents).toBe(9_500);
    expect(ski({ lastSkiAidYear: 2019 }).reasons).toEqual([]);
    const again = ski({ lastSkiAidYear: 2020 });
    expect(again.skiAidCents).toBeNull();
    expect(again.reasons).toEqual([
      {
        code: 'ski_aid',
        text: 'aide au ski non attribuée : attribuée une fois tous les 2 ans (dernière en 2020)',
      },
    ]);
  });
  it('is refused on a stay that is not the CAES’s, or without ski, and says why', () => {
    expect(ski({ kind: 'approved' }).reasons[0]?.text).toBe(
      'aide au ski non attribuée : réservée aux séjours du CAES',
    );
    const noSki = ski({ ski: false });
    expect(noSki.reasons[0]?.text).toBe('aide au ski non attribuée : séjour sans ski');
    expect(sentences(noSki).at(-1)).toBe('skiAid | Aide au ski : non attribuée (séjour sans ski)');
  });
});

describe('a stay given wrong, as an API or the command line could', () => {
  const faults = (input: Partial<Record<keyof StayQuoteInput, unknown>>) => {
    try {
      quoteStay(inserm2021, { ...stay(), ...input } as StayQuoteInput);
      return {};
    } catch (error) {
      expect(error).toBeInstanceOf(RulesError);
      return Object.fromEntries((error as RulesError).issues.map((i) => [i.path, i.message]));
    }
  };
  it('names each faulty field, all at once', () => {
    expect(
      faults({
        quotientCents: -1,
        annualCeilingCents: 1.5,
        participant: { relation: 'cousin', birthDate: '2021-02-30', disabled: false },
        activity: {
          ...stay().activity,
          sector: 'plage',
          kind: 'bateau',
          capCategory: 'inconnue',
          priceCents: '500',
          transportCents: -5,
          firstDay: '2021-07-10',
          lastDay: '2021-07-01',
        },
        used: {
          ...stay().used,
          youthDays: 1.5,
          promoDays: -1,
          vacationDays: 100_001,
          ceilingCents: -1,
        },
        requestDate: 'hier',
      }),
    ).toEqual({
      quotientCents: 'le montant ne peut pas être négatif',
      annualCeilingCents: 'montant entier en centimes attendu',
      'participant.relation': 'lien inconnu : cousin',
      'activity.sector': 'secteur inconnu : plage',
      'activity.kind': 'type d’activité inconnu : bateau',
      'activity.capCategory': 'catégorie de plafond inconnue : inconnue',
      'activity.priceCents': 'montant entier en centimes attendu',
      'activity.transportCents': 'le montant ne peut pas être négatif',
      'used.youthDays': 'nombre entier positif attendu',
      'used.promoDays': 'nombre entier positif attendu',
      'used.vacationDays': 'nombre entier positif attendu',
      'used.ceilingCents': 'le montant ne peut pas être négatif',
      'participant.birthDate': "« 2021-02-30 » n'est pas une date du calendrier",
      'activity.lastDay': 'le dernier jour précède le premier jour',
      requestDate: "« hier » n'est pas une date au format AAAA-MM-JJ",
    });
  });
  it('a stay of more than a year, a participant born after it, 100 000 days used at most', () => {
    expect(
      faults({ activity: { ...stay().activity, firstDay: '2021-01-01', lastDay: '2022-01-02' } }),
    ).toEqual({
      'activity.lastDay': 'un séjour dure au plus un an',
    });
    expect(
      faults({ activity: { ...stay().activity, firstDay: '2021-01-01', lastDay: '2022-01-01' } }),
    ).toEqual({});
    expect(
      faults({ participant: { relation: 'child', birthDate: '2021-07-11', disabled: false } }),
    ).toEqual({
      'participant.birthDate': 'la date de naissance est postérieure au début du séjour',
    });
    expect(faults({ used: { ...stay().used, youthDays: 100_000 } })).toEqual({});
    expect(faults({ annualCeilingCents: null })).toEqual({});
  });
});

describe('edges the brochures leave to the rule', () => {
  const N = (text: string | undefined) => text?.replace(/[\u00a0\u202f]/g, ' ');

  it('a disabled child on an approved youth stay gets the majoré grid; another child the standard', () => {
    const youth = (disabled: boolean) =>
      quoteStay(
        inserm2021,
        stay({ participant: { relation: 'child', birthDate: '2009-03-01', disabled } }),
      );
    expect(youth(true).grid).toBe('majore');
    expect(youth(false).grid).toBe('standard');
  });

  it('a stay without a cap category says its base is the price; one at exactly its cap is not “capped”', () => {
    expect(sentences(quoteStay(inserm2021, stay()))[1]).toBe(
      'base | Base subventionnable : prix du séjour = 500,00 €',
    );
    const atCap = quoteStay(
      inserm2021,
      stay({ activity: { capCategory: 'holidayCentreFrance', kind: 'caes', priceCents: 80_500 } }),
    );
    expect(codes(atCap)).toEqual([]);
    expect(atCap.baseCents).toBe(80_500);
  });

  it('a short ski stay shows only the tier it reaches', () => {
    const quote = quoteStay(
      inserm2021,
      stay({ activity: { kind: 'caes', capCategory: 'skiLanguageAbroad', priceCents: 200_000 } }),
    );
    expect(N(quote.reasons[0]?.text)).toBe(
      "Séjour ski, séjour linguistique, classe de neige ou à l'étranger, centre de vacances à l'étranger : base plafonnée à 875,00 € (7 × 125,00 €)",
    );
    const capStep = quote.explanation.find((s) => s.step === 'base.cap');
    expect(capStep?.inputs).toEqual({ baseCents: 200_000, days: 7 });
  });

  it('the ceiling: exactly reached is not “limited”; a travel stay is never limited; a pack without ceiling ignores one', () => {
    const exact = quoteStay(
      inserm2021,
      stay({ annualCeilingCents: 120_000, used: { ceilingCents: 100_000 } }),
    );
    expect(exact.subsidyCents).toBe(20_000);
    expect(codes(exact)).toEqual([]);
    const over = quoteStay(
      inserm2021,
      stay({ annualCeilingCents: 110_000, used: { ceilingCents: 100_000 } }),
    );
    expect(over.explanation.find((s) => s.step === 'annualCeiling')?.inputs).toEqual({
      subsidyCents: 20_000,
      annualCeilingCents: 110_000,
      usedCents: 100_000,
    });
    const travel = quoteStay(
      inserm2021,
      stay({
        annualCeilingCents: 100_000,
        used: { ceilingCents: 100_000 },
        participant: member,
        activity: { sector: 'voyages', kind: 'caes' },
      }),
    );
    expect(travel.subsidyCents).toBeGreaterThan(0);
    const cnrs = quoteStay(
      cnrs2019,
      stay({
        annualCeilingCents: 1_000,
        requestDate: '2020-03-01',
        participant: member,
        activity: {
          ...villageWeek,
        },
      }),
    );
    expect(cnrs.subsidyCents).toBeGreaterThan(1_000);
    expect(cnrs.usage.ceilingCents).toBe(0);
  });

  it('the deposit: its minimum reached exactly or nothing to pay says nothing more; booked late, everything at once', () => {
    const village = (priceCents: number, requestDate = '2020-03-01', quotientCents = 3_000_000) =>
      quoteStay(
        cnrs2019,
        stay({
          quotientCents,
          requestDate,
          participant: { relation: 'nonEntitled', birthDate: '1980-01-01', disabled: false },
          activity: {
            ...villageWeek,
            priceCents,
          },
          used: { yearlyFeesPaid: ['membership'] },
        }),
      );
    expect(village(30_000)).toMatchObject({
      depositCents: 6_000,
      reasons: [expect.objectContaining({ code: 'not_entitled' })],
    });
    expect(village(0).reasons.map((r) => r.code)).toEqual(['not_entitled']);
    const late = village(30_000, '2020-06-10');
    const deposit = late.explanation.find((s) => s.step === 'deposit');
    expect(N(deposit?.text)).toBe(
      'Arrhes : demande moins de 30 jours avant le début : tout est réglé à la demande = 300,00 €',
    );
    expect(deposit?.inputs).toEqual({ leftToPayCents: 30_000, daysBeforeStart: 24 });
    const early = village(30_000).explanation.find((s) => s.step === 'deposit');
    expect(early?.inputs).toEqual({ leftToPayCents: 30_000, shareBp: 2000, minimumCents: 6_000 });
  });

  it('the ski aid above the quotient limit, or for a participant without subsidy, says why', () => {
    const rich = quoteStay(
      inserm2021,
      stay({
        quotientCents: 2_000_000,
        skiAidRequested: true,
        activity: { kind: 'caes', ski: true, capCategory: null },
      }),
    );
    expect(rich.skiAidCents).toBeNull();
    expect(rich.reasons.map((r) => N(r.text))).toEqual([
      'aide au ski non attribuée : quotient familial supérieur à 14 694,00 €',
    ]);
    const grown = quoteStay(
      inserm2021,
      stay({
        skiAidRequested: true,
        participant: { relation: 'child', birthDate: '1990-01-01', disabled: false },
        activity: { sector: 'vacances', kind: 'caes', ski: true, capCategory: null },
      }),
    );
    expect(grown.reasons.map((r) => r.text)).toContain(
      'aide au ski non attribuée : participant non subventionné',
    );
  });

  it('a direct relative outside a CAES village is refused with the field named', () => {
    try {
      quoteStay(
        cnrs2019,
        stay({
          requestDate: '2020-03-01',
          participant: { relation: 'directRelative', birthDate: '1950-01-01', disabled: false },
          activity: {
            sector: 'vacances',
            kind: 'partnerVillage',
            capCategory: null,
            firstDay: '2020-07-04',
            lastDay: '2020-07-11',
          },
        }),
      );
      expect.unreachable();
    } catch (error) {
      expect((error as RulesError).code).toBe('not_allowed');
      expect((error as RulesError).message).toBe(
        'Ce participant ne peut réserver que : caesVillage.',
      );
      expect((error as RulesError).issues).toEqual([
        { path: 'activity.kind', message: 'type d’activité non ouvert à ce participant' },
      ]);
    }
  });

  it('PROMO lines are stay lines; a PROMO stay without PROMO days left is not split', () => {
    const quote = quoteStay(
      inserm2021,
      stay({
        used: { promoDays: 18 },
        participant: member,
        activity: {
          kind: 'promo',
          sector: 'vacances',
          capCategory: null,
          firstDay: '2021-07-01',
          lastDay: '2021-07-10',
          priceCents: 100_000,
        },
      }),
    );
    expect(quote.lines.map((l) => l.item)).toEqual(['stay', 'stay']);
    const caes = quoteStay(
      inserm2021,
      stay({
        used: { promoDays: 18 },
        participant: member,
        activity: {
          kind: 'caes',
          sector: 'vacances',
          capCategory: null,
          firstDay: '2021-07-01',
          lastDay: '2021-07-10',
        },
      }),
    );
    expect(caes.lines.map((l) => l.grid)).toEqual(['standard']);
  });

  it('a pack that rounds subsidies to whole euros', () => {
    const pack = inserm2021InWholeEuros();
    const quote = quoteStay(pack, stay({ activity: { priceCents: 50_050 } }));
    // 500,50 € × 40 % = 200,20 € → 200 €; the deposit 30 % of 300,50 € = 90,15 € → 90 €.
    expect(quote.subsidyCents).toBe(20_000);
    expect(quote.depositCents).toBe(9_000);
  });

  it('a pack without fees charges none', () => {
    const pack = inserm2021Without('fees');
    expect(quoteStay(pack, stay())).toMatchObject({
      fees: [],
      feesCents: 0,
      totalToPayCents: 30_000,
    });
  });

  it('wrong dates are named on their own field', () => {
    try {
      quoteStay(inserm2021, stay({ activity: { firstDay: '2021-02-30', lastDay: '2021-13-01' } }));
      expect.unreachable();
    } catch (error) {
      expect((error as RulesError).issues.map((i) => i.path)).toEqual([
        'activity.firstDay',
        'activity.lastDay',
      ]);
    }
  });

  it('an incomplete pack names the parameter it lacks', () => {
    for (const [parameter, input] of [
      ['gridRules', stay()],
      ['deposit', stay()],
      ['capCategories', stay({ activity: { capCategory: 'dayCentre' } })],
      ['skiAid', stay({ skiAidRequested: true, activity: { ski: true, kind: 'caes' } })],
    ] as const) {
      const pack = inserm2021Without(parameter);
      expect(() => quoteStay(pack, input), parameter).toThrow(
        expect.objectContaining({
          code: 'missing_parameter',
          issues: [expect.objectContaining({ path: parameter })],
        }) as Error,
      );
    }
  });
});
