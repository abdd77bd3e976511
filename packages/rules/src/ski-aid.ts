import { formatCents, note, step, type ExplanationStep } from './explanation.ts';
import { evaluateLinearFormula } from './linear-formula.ts';
import { need, type Pack } from './pack.ts';
import { formulaText } from './rates.ts';

export interface SkiAid {
  /** The aid in cents, or null when the household is not eligible (with the reason). */
  readonly cents: number | null;
  readonly reason: string | null;
  /** The explanation step, or null when computed without it. */
  readonly step: ExplanationStep | null;
}

/** The ski aid (aide complémentaire à l'activité ski) a household's quotient gives. */
export function skiAid(pack: Pack, quotientCents: number, explain = true): SkiAid {
  const aid = pack.skiAid;
  if (!aid) {
    const reason = 'ce barème ne prévoit pas d’aide au ski';
    return { cents: null, reason, step: explain ? note('skiAid', 'Aide au ski', reason) : null };
  }
  const eligible = aid.qfLimitInclusive
    ? quotientCents <= aid.qfLimitCents
    : quotientCents < aid.qfLimitCents;
  if (!eligible) {
    const reason = aid.ineligibleReason;
    return {
      cents: null,
      reason,
      step: explain ? note('skiAid', 'Aide au ski', `non attribuée (${reason})`) : null,
    };
  }
  const formula = need(pack, aid.formula, 'skiAid.formula');
  const cents = evaluateLinearFormula(
    formula,
    quotientCents,
    pack.rounding.moneyStepCents,
    pack.rounding.mode,
  );
  if (!explain) return { cents, reason: null, step: null };
  return {
    cents,
    reason: null,
    step: step(
      'skiAid',
      'Aide au ski',
      `${formulaText(formula, quotientCents, ' €')} (tous les ${aid.everyYears} ans)`,
      cents,
      formatCents(cents),
      { quotientCents },
    ),
  };
}
