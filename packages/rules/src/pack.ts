import type { IsoDate } from './dates.ts';
import { RulesError, missingParameter, type InputIssue } from './errors.ts';
import { formatCents } from './explanation.ts';
import { compileLinearFormula, type LinearFormula } from './linear-formula.ts';
import { decimalToScaledInteger, parseDecimal, type RoundingMode } from './money.ts';
import {
  packSchema,
  type ActivityKind,
  type CapCategoryData,
  type FeeData,
  type GridRule,
  type PackData,
  type PartsRules,
  type Relation,
  type Sector,
} from './pack-schema.ts';

export type GridId = string;

export type CompiledGrid =
  | {
      readonly id: GridId;
      readonly label: string;
      readonly kind: 'formula';
      readonly formula: LinearFormula;
    }
  | {
      readonly id: GridId;
      readonly label: string;
      readonly kind: 'offset';
      readonly base: GridId;
      readonly plusBp: number;
    };

export interface CompiledCapCategory {
  readonly id: string;
  readonly label: string;
  readonly perDay: readonly { readonly fromDay: number; readonly cents: number }[] | null;
  readonly perStayCents: number | null;
  readonly baseShareBp: number | null;
  readonly minDays: number | null;
  readonly minNights: number | null;
}

export interface CeilingBounds {
  readonly minCents: number;
  readonly maxCents: number;
}

export interface CompiledCeiling {
  readonly qfForMaximumCents: number;
  readonly qfForMinimumCents: number;
  readonly single: readonly CeilingBounds[];
  readonly couple: readonly CeilingBounds[];
  readonly exemptSectors: readonly Sector[];
  readonly notForHouseholdsWithDisability: boolean;
}

export interface CompiledSkiAid {
  readonly qfLimitCents: number;
  readonly qfLimitInclusive: boolean;
  /** Why a household above the limit gets none, written once. */
  readonly ineligibleReason: string;
  readonly formula: LinearFormula | null;
  readonly everyYears: number;
  readonly sectors: readonly Sector[];
  readonly kinds: readonly ActivityKind[];
}

export interface CompiledFee {
  readonly id: string;
  readonly label: string;
  readonly cents: number;
  readonly yearly: boolean;
  readonly when: FeeData['when'];
}

/** A rule pack, validated and compiled to exact integers. Unset parts stay null. */
export interface Pack {
  readonly id: string;
  readonly organization: PackData['organization'];
  readonly label: string;
  readonly data: PackData;
  readonly rounding: {
    readonly mode: RoundingMode;
    readonly rateStepBp: number;
    readonly moneyStepCents: number;
  };
  /** Parts rules with every number in quarters of a part. */
  readonly parts: PartsInQuarters | null;
  readonly grids: ReadonlyMap<GridId, CompiledGrid> | null;
  /** Every grid at 0, in the pack's order: copied to give each result's rates one stable shape. */
  readonly ratesTemplate: Readonly<Record<GridId, number>>;
  readonly gridRules: readonly GridRule[] | null;
  readonly annualCeiling: CompiledCeiling | null;
  readonly skiAid: CompiledSkiAid | null;
  readonly capCategories: ReadonlyMap<string, CompiledCapCategory> | null;
  readonly deposit: {
    readonly label: string;
    readonly shareBp: number;
    readonly minCents: number;
    readonly fullPaymentWithinDays: number | null;
  } | null;
  readonly fees: readonly CompiledFee[] | null;
  readonly restrictedRelations: Partial<
    Record<Relation, { kinds?: ActivityKind[] | undefined; subsidised: boolean }>
  >;
}

export type PartsInQuarters =
  | {
      readonly method: 'inserm';
      readonly single: number;
      readonly coupleWithoutChild: number;
      readonly coupleWithChild: number;
      readonly perChild: number;
      readonly perSharedCustodyChild: number;
      readonly disabilityBonus: number;
      readonly perDisabledAdultDependant: number;
      readonly childMaxAge: number;
    }
  | {
      readonly method: 'cnrs';
      readonly perPerson: number;
      readonly disabilityBonus: number;
      readonly livingAloneBonus: number;
      readonly childMaxAge: number;
      readonly isolatedParent: {
        readonly alone: number;
        readonly member: number;
        readonly perChild: number;
        readonly childMaxAge: number;
        readonly excludedKinds: readonly ActivityKind[];
      };
    };

/** A pack that prices a household: it has its parts and its grids (inserm-2023 has neither yet). */
export const isComplete = (pack: Pack): boolean => pack.parts !== null && pack.grids !== null;

/** The value at a dotted path of a pack's data (`grids.standard.formula.min`), or undefined. */
export function parameterAt(data: unknown, path: string): unknown {
  let value: unknown = data;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function invalid(path: string, message: string): RulesError {
  return new RulesError('invalid_pack', `${path} : ${message}`, [{ path, message }]);
}

function quarters(text: string, path: string): number {
  const fourTimes = decimalToScaledInteger(parseDecimal(text, path), 2, path) * 4;
  if (fourTimes % 100 !== 0) throw invalid(path, 'les parts vont par quarts (0,25)');
  return fourTimes / 100;
}

export const centsOf = (euros: string, path: string): number =>
  decimalToScaledInteger(parseDecimal(euros, path), 2, path);
/** A percentage written as text ("30", "27.81") in hundredths of a percent. */
export const bpOf = (percent: string, path: string): number =>
  decimalToScaledInteger(parseDecimal(percent, path), 2, path);

function compileParts(parts: PartsRules): PartsInQuarters {
  const p = 'parts';
  switch (parts.method) {
    case 'inserm':
      return {
        method: 'inserm',
        single: quarters(parts.single, `${p}.single`),
        coupleWithoutChild: quarters(parts.coupleWithoutChild, `${p}.coupleWithoutChild`),
        coupleWithChild: quarters(parts.coupleWithChild, `${p}.coupleWithChild`),
        perChild: quarters(parts.perChild, `${p}.perChild`),
        perSharedCustodyChild: quarters(parts.perSharedCustodyChild, `${p}.perSharedCustodyChild`),
        disabilityBonus: quarters(parts.disabilityBonus, `${p}.disabilityBonus`),
        perDisabledAdultDependant: quarters(
          parts.perDisabledAdultDependant,
          `${p}.perDisabledAdultDependant`,
        ),
        childMaxAge: parts.childMaxAge,
      };
    case 'cnrs':
      return {
        method: 'cnrs',
        perPerson: quarters(parts.perPerson, `${p}.perPerson`),
        disabilityBonus: quarters(parts.disabilityBonus, `${p}.disabilityBonus`),
        livingAloneBonus: quarters(parts.livingAloneBonus, `${p}.livingAloneBonus`),
        childMaxAge: parts.childMaxAge,
        isolatedParent: {
          alone: quarters(parts.isolatedParent.alone, `${p}.isolatedParent.alone`),
          member: quarters(parts.isolatedParent.member, `${p}.isolatedParent.member`),
          perChild: quarters(parts.isolatedParent.perChild, `${p}.isolatedParent.perChild`),
          childMaxAge: parts.isolatedParent.childMaxAge,
          excludedKinds: parts.isolatedParent.excludedKinds,
        },
      };
  }
}

function compileGrids(data: NonNullable<PackData['grids']>): Map<GridId, CompiledGrid> {
  const grids = new Map<GridId, CompiledGrid>();
  for (const [id, grid] of Object.entries(data)) {
    const path = `grids.${id}`;
    if ('formula' in grid) {
      grids.set(id, {
        id,
        label: grid.label,
        kind: 'formula',
        formula: compileLinearFormula(grid.formula, `${path}.formula`),
      });
    } else {
      const base = data[grid.base];
      if (!base || !('formula' in base))
        throw invalid(`${path}.base`, `la grille « ${grid.base} » n'a pas de formule`);
      grids.set(id, {
        id,
        label: grid.label,
        kind: 'offset',
        base: grid.base,
        plusBp: bpOf(grid.plus, `${path}.plus`),
      });
    }
  }
  return grids;
}

function compileCapCategory(id: string, data: CapCategoryData): CompiledCapCategory {
  const path = `capCategories.${id}`;
  const perDay = data.perDay?.map((tier, index) => ({
    fromDay: tier.fromDay,
    cents: centsOf(tier.euros, `${path}.perDay.${index}.euros`),
  }));
  if (
    perDay &&
    (perDay[0]?.fromDay !== 1 ||
      perDay.some((tier, i) => i > 0 && tier.fromDay <= (perDay[i - 1]?.fromDay ?? 0)))
  ) {
    throw invalid(`${path}.perDay`, 'les paliers commencent au jour 1 et sont croissants');
  }
  return {
    id,
    label: data.label,
    perDay: perDay ?? null,
    perStayCents:
      data.perStayEuros === undefined ? null : centsOf(data.perStayEuros, `${path}.perStayEuros`),
    baseShareBp: data.baseShare === undefined ? null : bpOf(data.baseShare, `${path}.baseShare`),
    minDays: data.minDays ?? null,
    minNights: data.minNights ?? null,
  };
}

function compileCeiling(data: NonNullable<PackData['annualCeiling']>): CompiledCeiling {
  const rows = (row: typeof data.single, path: string): CeilingBounds[] =>
    row.map((bounds, index) => {
      const minCents = centsOf(bounds.min, `${path}.${index}.min`);
      const maxCents = centsOf(bounds.max, `${path}.${index}.max`);
      if (minCents > maxCents) throw invalid(`${path}.${index}`, 'le minimum dépasse le maximum');
      return { minCents, maxCents };
    });
  if (data.qfForMaximumEuros >= data.qfForMinimumEuros) {
    throw invalid('annualCeiling.qfForMinimumEuros', 'doit dépasser qfForMaximumEuros');
  }
  return {
    qfForMaximumCents: data.qfForMaximumEuros * 100,
    qfForMinimumCents: data.qfForMinimumEuros * 100,
    single: rows(data.single, 'annualCeiling.single'),
    couple: rows(data.couple, 'annualCeiling.couple'),
    exemptSectors: data.exemptSectors,
    notForHouseholdsWithDisability: data.notForHouseholdsWithDisability,
  };
}

function compileSkiAid(data: NonNullable<PackData['skiAid']>): CompiledSkiAid {
  return {
    qfLimitCents: data.qfLimitEuros * 100,
    qfLimitInclusive: data.qfLimitInclusive,
    ineligibleReason: `quotient familial ${data.qfLimitInclusive ? 'supérieur à' : 'égal ou supérieur à'} ${formatCents(data.qfLimitEuros * 100)}`,
    formula: data.formula ? compileLinearFormula(data.formula, 'skiAid.formula') : null,
    everyYears: data.everyYears,
    sectors: data.sectors,
    kinds: data.kinds,
  };
}

/** Validates a pack's data against the schema and compiles it; throws `invalid_pack` naming each fault. */
export function compilePack(raw: unknown): Pack {
  try {
    return compileValidPack(raw);
  } catch (error) {
    // A figure with too many decimals is found while compiling: it is the pack's fault too.
    if (error instanceof RulesError && error.code === 'invalid_input')
      throw new RulesError('invalid_pack', error.message, error.issues);
    throw error;
  }
}

function compileValidPack(raw: unknown): Pack {
  const parsed = packSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    throw new RulesError(
      'invalid_pack',
      `Barème invalide : ${issues.map((i) => `${i.path} ${i.message}`).join(' ; ')}`,
      issues,
    );
  }
  const data = parsed.data;
  const grids = data.grids ? compileGrids(data.grids) : null;
  // Every fault of the references at once, for the studio to name them all beside their fields.
  const faults: InputIssue[] = [];
  for (const [index, rule] of (data.gridRules ?? []).entries()) {
    if (!grids?.has(rule.grid))
      faults.push({ path: `gridRules.${index}.grid`, message: `grille « ${rule.grid} » inconnue` });
  }
  if (data.promo && !grids?.has(data.promo.overflowGrid))
    faults.push({
      path: 'promo.overflowGrid',
      message: `grille « ${data.promo.overflowGrid} » inconnue`,
    });
  for (const path of Object.keys(data.sources ?? {})) {
    if (parameterAt(data, path) === undefined)
      faults.push({ path: `sources.${path}`, message: 'aucun paramètre à cet endroit du barème' });
  }
  if (faults.length > 0)
    throw new RulesError(
      'invalid_pack',
      `Barème invalide : ${faults.map((i) => `${i.path} ${i.message}`).join(' ; ')}`,
      faults,
    );
  return {
    id: data.id,
    organization: data.organization,
    label: data.label,
    data,
    rounding: {
      mode: data.rounding.mode,
      rateStepBp: 10 ** (2 - data.rounding.rateDecimals),
      moneyStepCents: data.rounding.moneyStepCents,
    },
    parts: data.parts ? compileParts(data.parts) : null,
    grids,
    ratesTemplate: Object.fromEntries([...(grids?.keys() ?? [])].map((id) => [id, 0])),
    gridRules: data.gridRules ?? null,
    annualCeiling: data.annualCeiling ? compileCeiling(data.annualCeiling) : null,
    skiAid: data.skiAid ? compileSkiAid(data.skiAid) : null,
    capCategories: data.capCategories
      ? new Map(
          Object.entries(data.capCategories).map(([id, cap]) => [id, compileCapCategory(id, cap)]),
        )
      : null,
    deposit: data.deposit
      ? {
          label: data.deposit.label ?? 'Acompte',
          shareBp: bpOf(data.deposit.share, 'deposit.share'),
          minCents:
            data.deposit.minEuros === undefined
              ? 0
              : centsOf(data.deposit.minEuros, 'deposit.minEuros'),
          fullPaymentWithinDays: data.deposit.fullPaymentWithinDays ?? null,
        }
      : null,
    fees:
      data.fees?.map((fee, index) => ({
        id: fee.id,
        label: fee.label,
        cents: centsOf(fee.euros, `fees.${index}.euros`),
        yearly: fee.yearly,
        when: fee.when,
      })) ?? null,
    restrictedRelations: data.restrictedRelations ?? {},
  };
}

/** A parameter the computation needs: the value, or the error naming it. */
export function need<T>(pack: Pack, value: T | null | undefined, parameter: string): T {
  if (value === null || value === undefined) throw missingParameter(pack.id, parameter);
  return value;
}

/** A set of packs by id. */
export class PackRegistry {
  private readonly packs = new Map<string, Pack>();

  constructor(packs: Iterable<Pack>) {
    for (const pack of packs) {
      if (this.packs.has(pack.id)) throw invalid('id', `barème « ${pack.id} » en double`);
      this.packs.set(pack.id, pack);
    }
  }

  get(id: string): Pack {
    const pack = this.packs.get(id);
    if (!pack) {
      // Named back only when it looks like a pack's name: never a page of text or invisible
      // characters sent instead.
      const named = /^[\w.-]{1,40}$/.test(id) ? ` « ${id} »` : '';
      throw new RulesError(
        'unknown_pack',
        `Barème inconnu${named ? ` :${named}` : ''}. Barèmes disponibles : ${this.ids().join(', ')}.`,
        [{ path: 'pack', message: `barème${named} inconnu` }],
      );
    }
    return pack;
  }

  /**
   * The pack of an organization in force on a day (the first day of the activity, or the day the
   * request is sent, as each pack's validity says).
   */
  forDay(organization: Pack['organization'], day: IsoDate): Pack {
    const found = this.all().find(
      (pack) =>
        pack.organization === organization &&
        pack.data.validity.from <= day &&
        day <= pack.data.validity.to,
    );
    if (!found) {
      throw new RulesError(
        'unknown_pack',
        `Aucun barème ${organization} n'est en vigueur le ${day}.`,
        [{ path: 'date', message: `aucun barème ${organization} en vigueur à cette date` }],
      );
    }
    return found;
  }

  /** A pack published after the start (the studio's): its id must be new. */
  add(pack: Pack): void {
    if (this.packs.has(pack.id)) throw invalid('id', `barème « ${pack.id} » en double`);
    this.packs.set(pack.id, pack);
  }

  has(id: string): boolean {
    return this.packs.has(id);
  }

  ids(): string[] {
    return [...this.packs.keys()].sort();
  }

  all(): Pack[] {
    return this.ids().map((id) => this.get(id));
  }
}
