// A pack written out for everyone (issue 17, point 5, begun): the page a committee links from its
// brochure — each rate's formula, the annual ceiling's table, the worked examples — generated
// from the pack itself, so that it never says something else than the engine computes.
import { parseEurosToCents } from './money.ts';
import type { Pack } from './pack.ts';
import { packParameters, type PackParameter } from './pack-parameters.ts';
import { gridLabel, gridRule } from './rates.ts';

export interface PackPage {
  readonly id: string;
  readonly organization: Pack['organization'];
  readonly label: string;
  readonly validity: { readonly from: string; readonly to: string };
  /** The income the quotient starts from, as the committee words it. */
  readonly income: string;
  readonly grids: readonly { grid: string; label: string; rule: string }[];
  readonly annualCeiling: {
    readonly qfForMaximumEuros: number;
    readonly qfForMinimumEuros: number;
    /** One row per household: « Célibataire », « Couple avec 2 enfants »… */
    readonly rows: readonly { household: string; minCents: number; maxCents: number }[];
    /** Sectors whose subsidies do not count (codes: voyages, clas…). */
    readonly exemptSectors: readonly string[];
    readonly notForHouseholdsWithDisability: boolean;
  } | null;
  /** Every parameter, by section, with its source note. */
  readonly parameters: readonly PackParameter[];
  /** The situations the pack's figures were checked on, and where they come from. */
  readonly examples: readonly { name: string; source: string }[];
}

const children = (count: number, last: boolean): string =>
  count === 0
    ? ''
    : last
      ? ` avec ${count} enfants ou plus`
      : ` avec ${count} enfant${count > 1 ? 's' : ''}`;

/** The page of a pack, from its data. */
export function packPage(pack: Pack): PackPage {
  const { data } = pack;
  const ceiling = data.annualCeiling;
  return {
    id: pack.id,
    organization: pack.organization,
    label: pack.label,
    validity: { from: data.validity.from, to: data.validity.to },
    income: data.income.description,
    grids: [...(pack.grids?.keys() ?? [])].map((grid) => ({
      grid,
      label: gridLabel(pack, grid),
      rule: gridRule(pack, grid),
    })),
    annualCeiling: ceiling
      ? {
          qfForMaximumEuros: ceiling.qfForMaximumEuros,
          qfForMinimumEuros: ceiling.qfForMinimumEuros,
          rows: (['single', 'couple'] as const).flatMap((kind) =>
            ceiling[kind].map((row, count, all) => ({
              household: `${kind === 'single' ? 'Célibataire' : 'Couple'}${children(count, count === all.length - 1 && count > 0)}`,
              minCents: parseEurosToCents(row.min, `annualCeiling.${kind}.${count}.min`),
              maxCents: parseEurosToCents(row.max, `annualCeiling.${kind}.${count}.max`),
            })),
          ),
          exemptSectors: ceiling.exemptSectors,
          notForHouseholdsWithDisability: ceiling.notForHouseholdsWithDisability,
        }
      : null,
    parameters: packParameters(data),
    examples: (data.cases ?? []).map(({ name, source }) => ({ name, source })),
  };
}
