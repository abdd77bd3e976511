import { IssueList } from './errors.ts';
import { formatCents, formatRate, step, type ExplanationStep } from './explanation.ts';
import { checkCents, roundDiv } from './money.ts';
import { bpOf, centsOf, need, type Pack } from './pack.ts';
import type { flatClaimKinds } from './pack-schema.ts';
import { explainedGridRate } from './rates.ts';

export type FlatClaimKind = (typeof flatClaimKinds)[number];

export interface FlatClaimInput {
  readonly kind: FlatClaimKind;
  readonly paidCents: number;
  /** Kilometres driven (carKm only). */
  readonly km: number;
  /** Round trips of an escort (escortTrain only). */
  readonly roundTrips: number;
  readonly quotientCents: number;
  /** The household's annual ceiling (null: none applies) and what was already used of it. */
  readonly annualCeilingCents: number | null;
  readonly usedCeilingCents: number;
}

export interface FlatClaim {
  readonly sector: 'sports' | 'jeunesse';
  readonly baseCents: number;
  readonly rateBp: number;
  readonly subsidyCents: number;
  /** What it uses of the household's annual ceiling (0 in a sector the ceiling leaves out). */
  readonly ceilingCents: number;
  readonly reasons: readonly { code: 'base_cap' | 'annual_ceiling'; text: string }[];
  readonly explanation: readonly ExplanationStep[];
}

/**
 * Sport event registration: a flat share on at most the capped fee. ANCV sport coupons: the
 * grid's rate on at most the capped amount. A child's own train ticket for a youth stay: paid
 * back in full; an escort's round trips (a few at most) at the stay's grid. Car to a youth stay: the kilometres at the pack's rate per km, at the car grid's
 * rate. Each uses the annual ceiling like a stay (SPEC §5 decision on transport).
 */
export function flatClaim(pack: Pack, input: FlatClaimInput): FlatClaim {
  const issues = new IssueList();
  checkCents(input.paidCents, 'paidCents', issues);
  checkCents(input.quotientCents, 'quotientCents', issues);
  if (input.kind === 'carKm' && (!Number.isInteger(input.km) || input.km < 1 || input.km > 20_000))
    issues.add('km', 'nombre de kilomètres entre 1 et 20 000');
  const escort = pack.data.flatClaims?.escortTrain;
  if (
    input.kind === 'escortTrain' &&
    (!Number.isInteger(input.roundTrips) ||
      input.roundTrips < 1 ||
      input.roundTrips > (escort?.maxRoundTrips ?? 0))
  )
    issues.add('roundTrips', `de 1 à ${String(escort?.maxRoundTrips ?? 0)} allers-retours`);
  issues.throwIfAny();
  const steps: ExplanationStep[] = [];
  const reasons: { code: 'base_cap' | 'annual_ceiling'; text: string }[] = [];
  let base = input.paidCents;
  let rateBp = 10_000;
  const sector =
    input.kind === 'sportEvent' || input.kind === 'ancvCoupons' ? 'sports' : 'jeunesse';
  const cap = (maxCents: number, what: string) => {
    if (base > maxCents) {
      reasons.push({
        code: 'base_cap',
        text: `${what} : base plafonnée à ${formatCents(maxCents)}`,
      });
      base = maxCents;
    }
    steps.push(
      step(
        'base',
        'Base subventionnable',
        `min(${formatCents(input.paidCents)} ; ${formatCents(maxCents)})`,
        base,
        formatCents(base),
      ),
    );
  };
  const claims = pack.data.flatClaims;
  switch (input.kind) {
    case 'sportEvent': {
      const rule = need(pack, claims?.sportEvent, 'flatClaims.sportEvent');
      cap(
        // Stryker disable next-line StringLiteral: a pack's figures are checked when it is loaded; this path names one that cannot be wrong
        centsOf(rule.maxBaseEuros, 'flatClaims.sportEvent.maxBaseEuros'),
        'inscription à une manifestation sportive',
      );
      // Stryker disable next-line StringLiteral: a pack's figures are checked when it is loaded; this path names one that cannot be wrong
      rateBp = bpOf(rule.percent, 'flatClaims.sportEvent.percent');
      steps.push(
        step(
          'rate',
          'Taux forfaitaire',
          'quel que soit le quotient familial',
          rateBp,
          formatRate(rateBp),
        ),
      );
      break;
    }
    case 'ancvCoupons': {
      const rule = need(pack, claims?.ancvCoupons, 'flatClaims.ancvCoupons');
      // Stryker disable next-line StringLiteral: a pack's figures are checked when it is loaded; this path names one that cannot be wrong
      cap(centsOf(rule.maxBaseEuros, 'flatClaims.ancvCoupons.maxBaseEuros'), 'coupons sport ANCV');
      const rate = explainedGridRate(pack, rule.grid, input.quotientCents);
      rateBp = rate.rateBp;
      steps.push(rate.step);
      break;
    }
    case 'trainTicket':
      steps.push(
        step(
          'rate',
          'Billet de train de l’enfant (2de classe)',
          'remboursé en totalité',
          rateBp,
          formatRate(rateBp),
        ),
      );
      break;
    case 'escortTrain': {
      const rule = need(pack, escort, 'flatClaims.escortTrain');
      steps.push(
        step(
          'base',
          'Base',
          `${input.roundTrips} aller(s)-retour(s) en 2de classe, dans la limite de la dépense`,
          base,
          formatCents(base),
        ),
      );
      const rate = explainedGridRate(pack, rule.grid, input.quotientCents);
      rateBp = rate.rateBp;
      steps.push(rate.step);
      break;
    }
    case 'carKm': {
      const rule = need(pack, pack.data.ownTransport, 'ownTransport');
      // Stryker disable next-line StringLiteral: a pack's figures are checked when it is loaded; this path names one that cannot be wrong
      const perKm = centsOf(rule.carPerKmEuros, 'ownTransport.carPerKmEuros');
      base = input.km * perKm;
      steps.push(
        step(
          'base',
          'Base kilométrique',
          `${input.km} km × ${formatCents(perKm)}`,
          base,
          formatCents(base),
        ),
      );
      const rate = explainedGridRate(pack, rule.carGrid, input.quotientCents);
      rateBp = rate.rateBp;
      steps.push(rate.step);
      break;
    }
  }
  let subsidy = roundDiv(base * rateBp, 10_000, pack.rounding.mode);
  steps.push(
    step(
      'subsidy',
      'Subvention',
      `${formatCents(base)} × ${formatRate(rateBp)}`,
      subsidy,
      formatCents(subsidy),
    ),
  );
  const counted =
    !(pack.annualCeiling?.exemptSectors.includes(sector) ?? true) &&
    input.annualCeilingCents !== null;
  if (counted) {
    const left = Math.max(0, input.annualCeilingCents - input.usedCeilingCents);
    if (subsidy > left) {
      subsidy = left;
      const text = `plafond annuel de ${formatCents(input.annualCeilingCents)}, ${formatCents(input.usedCeilingCents)} déjà utilisés : subvention limitée à ${formatCents(left)}`;
      reasons.push({ code: 'annual_ceiling', text });
      steps.push(step('annualCeiling', 'Plafond annuel', text, left, formatCents(left)));
    }
  }
  return {
    sector,
    baseCents: base,
    rateBp,
    subsidyCents: subsidy,
    ceilingCents: counted ? subsidy : 0,
    reasons,
    explanation: steps,
  };
}
