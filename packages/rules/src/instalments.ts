import { IssueList } from './errors.ts';
import { checkCents } from './money.ts';
import { centsOf, need, type Pack } from './pack.ts';

export interface InstalmentOption {
  readonly method: 'cheque' | 'card' | 'monthly';
  readonly label: string;
  /** 1 when the amount is below the option's threshold: paid at once. */
  readonly maxCount: number;
  readonly fromCents: number;
}

/** The ways a balance may be paid in instalments under a pack, for a given amount. */
export function instalmentOptions(pack: Pack, amountCents: number): InstalmentOption[] {
  const issues = new IssueList();
  checkCents(amountCents, 'amountCents', issues);
  issues.throwIfAny();
  return need(pack, pack.data.instalments, 'instalments').map((option, index) => {
    const fromCents =
      option.fromEuros === undefined
        ? 0
        : // Stryker disable next-line StringLiteral: a pack's figures are checked when it is loaded; this path names one that cannot be wrong
          centsOf(option.fromEuros, `instalments.${index}.fromEuros`);
    return {
      method: option.method,
      label: option.label,
      maxCount: amountCents >= fromCents ? option.maxCount : 1,
      fromCents,
    };
  });
}

/** An amount split in `count` instalments of whole cents that add up exactly; the first ones carry the odd cents. */
export function splitInstalments(amountCents: number, count: number): number[] {
  const issues = new IssueList();
  checkCents(amountCents, 'amountCents', issues);
  if (!Number.isInteger(count) || count < 1 || count > 120)
    issues.add('count', 'nombre d’échéances entre 1 et 120');
  issues.throwIfAny();
  const each = Math.floor(amountCents / count);
  const rest = amountCents - each * count;
  return Array.from({ length: count }, (_, index) => each + (index < rest ? 1 : 0));
}
