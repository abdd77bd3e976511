import { formatCents } from './explanation.ts';
import { quotientWhereFormulaEquals } from './linear-formula.ts';
import type { Pack } from './pack.ts';

export interface GridThresholds {
  readonly grid: string;
  readonly label: string;
  /** Quotients (cents) where the exact formula reaches its maximum and its minimum. */
  readonly impliedAtMaxCents: number | null;
  readonly impliedAtMinCents: number | null;
  readonly statedAtMaxCents: number | null;
  readonly statedAtMinCents: number | null;
  /** French warnings where the pack's quoted thresholds disagree with its formula by 1 € or more. */
  readonly warnings: readonly string[];
}

/** For the staff's barème screen: each formula grid's thresholds, implied and stated. */
export function gridThresholds(pack: Pack): GridThresholds[] {
  const result: GridThresholds[] = [];
  for (const grid of pack.grids?.values() ?? []) {
    if (grid.kind !== 'formula') continue;
    const impliedAtMaxCents = quotientWhereFormulaEquals(grid.formula, grid.formula.maxGrains);
    const impliedAtMinCents = quotientWhereFormulaEquals(grid.formula, grid.formula.minGrains);
    const stated = pack.data.grids?.[grid.id];
    const thresholds = stated && 'statedThresholds' in stated ? stated.statedThresholds : undefined;
    const statedAtMaxCents = thresholds ? thresholds.atMaxEuros * 100 : null;
    const statedAtMinCents = thresholds ? thresholds.atMinEuros * 100 : null;
    const warnings: string[] = [];
    const compare = (
      which: string,
      statedCents: number | null,
      impliedCents: number | null,
    ): void => {
      if (statedCents === null || impliedCents === null) return;
      if (Math.abs(statedCents - impliedCents) >= 100) {
        warnings.push(
          `${grid.label} : le seuil annoncé pour le taux ${which} (QF ${formatCents(statedCents)}) ne correspond pas à la formule (QF ${formatCents(impliedCents)}). La formule s’applique.`,
        );
      }
    };
    compare('maximum', statedAtMaxCents, impliedAtMaxCents);
    compare('minimum', statedAtMinCents, impliedAtMinCents);
    result.push({
      grid: grid.id,
      label: grid.label,
      impliedAtMaxCents,
      impliedAtMinCents,
      statedAtMaxCents,
      statedAtMinCents,
      warnings,
    });
  }
  return result;
}
