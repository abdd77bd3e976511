import { RulesError } from './errors.ts';
import {
  formatCents,
  formatRate,
  frenchDecimal,
  NO_STEPS,
  step,
  type ExplanationStep,
} from './explanation.ts';
import { evaluateLinearFormula, type LinearFormula } from './linear-formula.ts';
import { need, type CompiledGrid, type GridId, type Pack } from './pack.ts';

/**
 * A formula written out: for a household's quotient (cents), or for any (`null`: « QF », the way
 * the brochure writes it).
 */
export function formulaText(
  formula: LinearFormula,
  quotientCents: number | null,
  unit: string,
): string {
  const { intercept, slope, per, min, max } = formula.source;
  const perText = per === 1 ? '' : ` / ${per}`;
  const quotient =
    quotientCents === null ? 'QF' : formatCents(quotientCents).replace('\u00a0€', '');
  return `${frenchDecimal(intercept)} − ${frenchDecimal(slope)} × ${quotient}${perText}, borné entre ${frenchDecimal(min)}${unit} et ${frenchDecimal(max)}${unit}`;
}

/** How a grid's rate is found, for any quotient: its formula, or the grid it adds points to. */
export function gridRule(pack: Pack, id: GridId): string {
  const definition = grid(pack, id);
  return definition.kind === 'formula'
    ? formulaText(definition.formula, null, ' %')
    : offsetText(pack, definition);
}

const offsetText = (pack: Pack, definition: Extract<CompiledGrid, { kind: 'offset' }>) =>
  `${grid(pack, definition.base).label.toLowerCase()} + ${formatRate(definition.plusBp).replace(',00\u00a0%', '')}`;

function grid(pack: Pack, id: GridId): CompiledGrid {
  const grids = need(pack, pack.grids, 'grids');
  const found = grids.get(id);
  if (!found) {
    throw new RulesError(
      'missing_parameter',
      `Le barème ${pack.id} ne définit pas la grille « ${id} ».`,
      [{ path: `grids.${id}`, message: `grille absente du barème ${pack.id}` }],
    );
  }
  return found;
}

/** The rate of one grid for a quotient, in hundredths of a percent. */
export function gridRate(pack: Pack, id: GridId, quotientCents: number): number {
  const definition = grid(pack, id);
  switch (definition.kind) {
    case 'formula':
      return evaluateLinearFormula(
        definition.formula,
        quotientCents,
        pack.rounding.rateStepBp,
        pack.rounding.mode,
      );
    case 'offset':
      return gridRate(pack, definition.base, quotientCents) + definition.plusBp;
  }
}

export function gridLabel(pack: Pack, id: GridId): string {
  return grid(pack, id).label;
}

/** The rate of a grid and the step explaining it. */
export function explainedGridRate(
  pack: Pack,
  id: GridId,
  quotientCents: number,
): { rateBp: number; step: ExplanationStep } {
  const definition = grid(pack, id);
  const rateBp = gridRate(pack, id, quotientCents);
  const formula =
    definition.kind === 'formula'
      ? formulaText(definition.formula, quotientCents, ' %')
      : offsetText(pack, definition);
  return {
    rateBp,
    step: step(`rate.${id}`, definition.label, formula, rateBp, formatRate(rateBp), {
      quotientCents,
    }),
  };
}

/** Every grid's rate for a quotient, in the pack's order (with their steps when `explain`). */
export function allRates(
  pack: Pack,
  quotientCents: number,
  explain = true,
): { ratesBp: Record<GridId, number>; steps: readonly ExplanationStep[] } {
  const grids = need(pack, pack.grids, 'grids');
  const ratesBp: Record<GridId, number> = { ...pack.ratesTemplate };
  if (!explain) {
    for (const id of grids.keys()) ratesBp[id] = gridRate(pack, id, quotientCents);
    return { ratesBp, steps: NO_STEPS };
  }
  const steps: ExplanationStep[] = [];
  for (const id of grids.keys()) {
    const explained = explainedGridRate(pack, id, quotientCents);
    ratesBp[id] = explained.rateBp;
    steps.push(explained.step);
  }
  return { ratesBp, steps };
}
