import { z } from 'zod';

/** A non-negative decimal written as text, so that a pack never holds a binary float. */
const decimal = z
  .string()
  .regex(/^\d+(\.\d+)?$/, 'nombre décimal positif écrit en texte, ex. "86.2555"');
/** An amount of euros, to the cent at most. */
const euros = z
  .string()
  .regex(/^\d+(\.\d{1,2})?$/, 'montant en euros écrit en texte, ex. "115" ou "0.10"');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date AAAA-MM-JJ');
const count = z.number().int().nonnegative();

export const sectors = [
  'jeunesse',
  'vacances',
  'voyages',
  'sports',
  'loisirs-culture',
  'clas',
] as const;
export const activityKinds = [
  'caes',
  'promo',
  'approved',
  'caesVillage',
  'partnerVillage',
  'dayCentre',
  'localCaes',
] as const;
export const relations = [
  'member',
  'spouse',
  'child',
  'disabledAdultDependant',
  'directRelative',
  'widowNonEntitled',
  'nonEntitled',
] as const;

/** Claims priced by a rule of their own rather than like a stay (SPEC §5). */
export const flatClaimKinds = [
  'sportEvent',
  'ancvCoupons',
  'trainTicket',
  'escortTrain',
  'carKm',
] as const;

export type Sector = (typeof sectors)[number];
export type ActivityKind = (typeof activityKinds)[number];
export type Relation = (typeof relations)[number];

const sector = z.enum(sectors);
const kind = z.enum(activityKinds);
const relation = z.enum(relations);

/** value = intercept − slope × QF(€) / per, rounded, then clamped to [min, max]. */
const linearFormula = z.strictObject({
  intercept: decimal,
  slope: decimal,
  per: z.number().int().positive().default(1),
  min: decimal,
  max: decimal,
});

const gridDefinition = z.union([
  z.strictObject({
    label: z.string(),
    formula: linearFormula,
    statedThresholds: z.strictObject({ atMaxEuros: count, atMinEuros: count }).optional(),
  }),
  z.strictObject({ label: z.string(), base: z.string(), plus: decimal }),
]);

const gridRule = z.strictObject({
  grid: z.string(),
  sectors: z.array(sector).optional(),
  kinds: z.array(kind).optional(),
  participantUnderAge: count.optional(),
  participantDisabled: z.boolean().optional(),
});

const partsInserm = z.strictObject({
  method: z.literal('inserm'),
  single: decimal,
  coupleWithoutChild: decimal,
  coupleWithChild: decimal,
  perChild: decimal,
  perSharedCustodyChild: decimal,
  disabilityBonus: decimal,
  perDisabledAdultDependant: decimal,
  childMaxAge: count,
});

const partsCnrs = z.strictObject({
  method: z.literal('cnrs'),
  perPerson: decimal,
  disabilityBonus: decimal,
  livingAloneBonus: decimal,
  childMaxAge: count,
  isolatedParent: z.strictObject({
    alone: decimal,
    member: decimal,
    perChild: decimal,
    childMaxAge: count,
    excludedKinds: z.array(kind),
  }),
});

const ceilingRow = z.array(z.strictObject({ min: euros, max: euros })).min(1);

const annualCeiling = z.strictObject({
  qfForMaximumEuros: count,
  qfForMinimumEuros: count,
  single: ceilingRow,
  couple: ceilingRow,
  exemptSectors: z.array(sector),
  notForHouseholdsWithDisability: z.boolean(),
});

const skiAid = z.strictObject({
  qfLimitEuros: count,
  qfLimitInclusive: z.boolean(),
  /** The range the committee published, shown to members when the formula is not published. */
  publishedRange: z.strictObject({ minEuros: euros, maxEuros: euros }).optional(),
  formula: linearFormula.optional(),
  everyYears: z.number().int().positive(),
  sectors: z.array(sector),
  kinds: z.array(kind),
});

const sectorRules = z.strictObject({
  label: z.string(),
  participantMaxAge: count.optional(),
  daysPerYear: count.optional(),
});

const capCategory = z.strictObject({
  label: z.string(),
  perDay: z.array(z.strictObject({ fromDay: z.number().int().positive(), euros })).optional(),
  perStayEuros: euros.optional(),
  baseShare: decimal.optional(),
  minDays: z.number().int().positive().optional(),
  minNights: z.number().int().positive().optional(),
});

const fee = z.strictObject({
  id: z.string(),
  label: z.string(),
  euros,
  yearly: z.boolean().default(false),
  when: z
    .array(
      z.strictObject({
        sectors: z.array(sector).optional(),
        kinds: z.array(kind).optional(),
        relations: z.array(relation).optional(),
        /** false: stays in France only (the CNRS's dossier fee on national trips). */
        abroad: z.boolean().optional(),
      }),
    )
    .min(1),
});

const deposit = z.strictObject({
  /** What the committee calls it: "Acompte" (default), "Arrhes". */
  label: z.string().min(1).optional(),
  share: decimal,
  minEuros: euros.optional(),
  fullPaymentWithinDays: count.optional(),
});

const instalmentOption = z.strictObject({
  method: z.enum(['cheque', 'card', 'monthly']),
  label: z.string(),
  maxCount: z.number().int().positive(),
  fromEuros: euros.optional(),
});

const cnrsCancellation = z.strictObject({
  method: z.literal('cnrs'),
  caesVillage: z.strictObject({
    flatFeeEuros: euros,
    flatFeeMoreThanDays: count,
    depositFromDays: count,
    lateShare: decimal,
    noShowShare: decimal,
  }),
  other: z.strictObject({ minimumEuros: euros }),
});

const cancellation = z.union([
  z.strictObject({ method: z.literal('providerTerms') }),
  cnrsCancellation,
]);

const modification = z.strictObject({
  caesVillage: z.strictObject({
    earlyMoreThanDays: count,
    early: z.array(euros),
    late: z.array(euros),
    afterFreeShare: decimal,
    onArrivalShare: decimal,
  }),
  other: z.strictObject({ fees: z.array(euros).min(1) }),
});

/** Who may book only some kinds of activity (kinds absent: any), with or without subsidy. */
const restrictedRelation = z.strictObject({
  kinds: z.array(kind).optional(),
  subsidised: z.boolean(),
});

/**
 * A test case the pack carries, the OpenFisca way: a household from a real situation (« la
 * famille du guide p. 4 ») and the figures it must get on a day. Run by `entraide-rules test`.
 */
const packCase = z
  .strictObject({
    name: z.string().min(1),
    /** Where the situation and its figures come from (brochure, page, board decision). */
    source: z.string().min(1),
    date: isoDate,
    household: z.strictObject({
      taxIncomeEuros: z.number().int().min(0),
      spouseTaxIncomeEuros: z.number().int().min(0).optional(),
      couple: z.boolean().default(false),
      memberDisabled: z.boolean().default(false),
      spouseDisabled: z.boolean().default(false),
      children: z
        .array(
          z.strictObject({
            birthDate: isoDate,
            sharedCustody: z.boolean().default(false),
            disabled: z.boolean().default(false),
            fiscallyDependent: z.boolean().default(true),
          }),
        )
        .default([]),
      disabledAdultDependants: z.number().int().min(0).default(0),
    }),
    /** A stay (or a claim priced like one) of a member of the household, quoted on its request day. */
    stay: z
      .strictObject({
        participant: z.strictObject({
          relation: relation.default('child'),
          birthDate: isoDate,
          disabled: z.boolean().default(false),
        }),
        activity: z.strictObject({
          sector,
          kind,
          capCategory: z.string().nullable().default(null),
          firstDay: isoDate,
          lastDay: isoDate,
          priceCents: z.number().int().min(0),
          transportCents: z.number().int().min(0).default(0),
          ski: z.boolean().default(false),
          abroad: z.boolean().optional(),
        }),
        /** The day the request is sent; the case's date when absent. */
        requestDate: isoDate.optional(),
      })
      .optional(),
    /** A claim priced by a rule of its own (sport event, ANCV coupons, train, car). */
    claim: z
      .strictObject({
        kind: z.enum(flatClaimKinds),
        paidCents: z.number().int().min(0),
        km: z.number().int().min(0).default(0),
        roundTrips: z.number().int().min(0).default(0),
      })
      .optional(),
    expect: z.strictObject({
      parts: z.number().optional(),
      quotientCents: z.number().int().optional(),
      /** Hundredths of a percent, by grid; only the grids named are checked. */
      ratesBp: z.record(z.string(), z.number().int()).optional(),
      annualCeilingCents: z.number().int().nullable().optional(),
      /** The stay's or the claim's subsidy, after every cap and the ceiling. */
      subsidyCents: z.number().int().optional(),
      /** The stay's figures for the family: what is left to pay, the deposit, the fees. */
      leftToPayCents: z.number().int().optional(),
      depositCents: z.number().int().optional(),
      feesCents: z.number().int().optional(),
    }),
  })
  .superRefine((testCase, context) => {
    if (testCase.stay && testCase.claim)
      context.addIssue({
        code: 'custom',
        path: ['claim'],
        message: 'un cas a un séjour ou une demande, pas les deux',
      });
    const { expect } = testCase;
    if (!testCase.stay && !testCase.claim && expect.subsidyCents !== undefined)
      context.addIssue({
        code: 'custom',
        path: ['expect', 'subsidyCents'],
        message: 'une subvention attendue demande un séjour ou une demande',
      });
    for (const field of ['leftToPayCents', 'depositCents', 'feesCents'] as const)
      if (!testCase.stay && expect[field] !== undefined)
        context.addIssue({
          code: 'custom',
          path: ['expect', field],
          message: 'ce montant attendu demande un séjour',
        });
  });
export type PackCase = z.infer<typeof packCase>;

export const packSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  organization: z.enum(['inserm', 'cnrs']),
  label: z.string(),
  validity: z.strictObject({
    appliesTo: z.enum(['activityStart', 'requestSent']),
    from: isoDate,
    to: isoDate,
  }),
  income: z.strictObject({ description: z.string(), taxYearOffset: z.number().int() }),
  rounding: z
    .strictObject({
      mode: z.enum(['half-up', 'half-even', 'down', 'up']).default('half-up'),
      rateDecimals: z.number().int().min(0).max(2).default(2),
      moneyStepCents: z.union([z.literal(1), z.literal(100)]).default(1),
    })
    .default({ mode: 'half-up', rateDecimals: 2, moneyStepCents: 1 }),
  parts: z.discriminatedUnion('method', [partsInserm, partsCnrs]).optional(),
  grids: z.record(z.string(), gridDefinition).optional(),
  gridRules: z.array(gridRule).optional(),
  annualCeiling: annualCeiling.optional(),
  skiAid: skiAid.optional(),
  sectors: z.partialRecord(sector, sectorRules).optional(),
  promo: z.strictObject({ daysPerYear: count, overflowGrid: z.string() }).optional(),
  minimumNights: count.optional(),
  capCategories: z.record(z.string(), capCategory).optional(),
  restrictedRelations: z.partialRecord(relation, restrictedRelation).optional(),
  deposit: deposit.optional(),
  /**
   * A place not paid in full this many days before its start is a withdrawal (CNRS), after a
   * warning `warnDaysEarlier` days before that, unless staff agreed instalments.
   */
  /** Claims after the fact are sent until the same day this many months after the return. */
  claimsWithinMonths: count.optional(),
  unpaidWithdrawal: z.strictObject({ daysBeforeStart: count, warnDaysEarlier: count }).optional(),
  fees: z.array(fee).optional(),
  instalments: z.array(instalmentOption).optional(),
  cancellation: cancellation.optional(),
  modification: modification.optional(),
  ownTransport: z.strictObject({ carPerKmEuros: euros, carGrid: z.string() }).optional(),
  /** A youth's individual stay abroad: its minimum length and the yearly cap on its travel. */
  abroadStay: z.strictObject({ minDays: count, travelMaxEurosPerYear: euros }).optional(),
  /** Subsidies after the fact that are not priced like a stay. */
  flatClaims: z
    .strictObject({
      /** Sport event registration: a flat share of the fee, on a capped base. */
      sportEvent: z.strictObject({ percent: decimal, maxBaseEuros: euros }).optional(),
      /** ANCV sport coupons: a grid's rate on a capped base per person. */
      ancvCoupons: z.strictObject({ maxBaseEuros: euros, grid: z.string() }).optional(),
      /** An escort's train trips for a youth stay: at the stay's grid, a few round trips at most. */
      escortTrain: z.strictObject({ grid: z.string(), maxRoundTrips: count }).optional(),
    })
    .optional(),
  cases: z.array(packCase).optional(),
  /**
   * Where each parameter comes from (board decision, date, page of the brochure), by its path:
   * `"grids.standard.formula.intercept": "CA du 12 décembre 2020, brochure p. 3"`.
   */
  sources: z
    .record(z.string(), z.string().trim().min(1, 'écrivez d’où vient ce paramètre'))
    .optional(),
});

export type PackData = z.infer<typeof packSchema>;
export type LinearFormulaData = z.infer<typeof linearFormula>;
export type PartsRules = NonNullable<PackData['parts']>;
export type CapCategoryData = z.infer<typeof capCategory>;
export type FeeData = z.infer<typeof fee>;
export type GridRule = z.infer<typeof gridRule>;
