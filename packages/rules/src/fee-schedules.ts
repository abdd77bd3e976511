import { IssueList } from './errors.ts';
import { formatCents, formatRate, step, type ExplanationStep } from './explanation.ts';
import { checkCents, roundDiv } from './money.ts';
import { bpOf, centsOf, need, type Pack } from './pack.ts';
import { arrhesOf } from './stay-quote.ts';

/** Where the booking is: a CAES village, or anything else (partner village, trip, youth stay). */
export type Venue = 'caesVillage' | 'other';

export interface CancellationInput {
  readonly venue: Venue;
  /** Days from the cancellation to the first day of the stay. */
  readonly daysBeforeStart: number;
  /** A justified reason (serious family event, illness, unforeseen professional event). */
  readonly justified: boolean;
  readonly noShow: boolean;
  /**
   * The invoice: what the family owes after subsidy (stay, transport and fees less the subsidy);
   * for the provider's terms (Inserm), the cost before subsidy they apply to.
   */
  readonly invoiceCents: number;
  /** What is left to pay for the stay after subsidy, fees aside: the base of the arrhes. */
  readonly leftToPayCents: number;
  /** The provider's or organism's own cancellation fee. */
  readonly organismFeeCents: number;
}

export interface FeeResult {
  readonly feeCents: number;
  readonly explanation: readonly ExplanationStep[];
}

/** A fee with its one explanation step. */
function feeResult(
  id: 'cancellation' | 'modification',
  what: string,
  formula: string,
  feeCents: number,
): FeeResult {
  return { feeCents, explanation: [step(id, what, formula, feeCents, formatCents(feeCents))] };
}

const shareOf = (pack: Pack, amount: number, bp: number): number =>
  roundDiv(amount * bp, 10_000, pack.rounding.mode);

/** The fee owed when a booking is cancelled (never subsidised, owed entirely by the family). */
export function cancellationFee(pack: Pack, input: CancellationInput): FeeResult {
  const issues = new IssueList();
  checkCents(input.invoiceCents, 'invoiceCents', issues);
  checkCents(input.leftToPayCents, 'leftToPayCents', issues);
  checkCents(input.organismFeeCents, 'organismFeeCents', issues);
  if (!Number.isInteger(input.daysBeforeStart))
    issues.add('daysBeforeStart', 'nombre entier de jours attendu');
  issues.throwIfAny();
  const rules = need(pack, pack.data.cancellation, 'cancellation');
  const what = 'Frais d’annulation';
  switch (rules.method) {
    case 'providerTerms': {
      const fee = input.organismFeeCents;
      return feeResult(
        'cancellation',
        what,
        'conditions du prestataire sur le coût avant subvention, entièrement à la charge de la famille',
        fee,
      );
    }
    case 'cnrs': {
      if (input.venue === 'other') {
        // Stryker disable next-line StringLiteral: a pack's figures are checked when it is loaded; this path names one that cannot be wrong
        const minimum = centsOf(rules.other.minimumEuros, 'cancellation.other.minimumEuros');
        const fee = Math.max(input.organismFeeCents, minimum);
        return feeResult(
          'cancellation',
          what,
          `frais de l’organisme (${formatCents(input.organismFeeCents)}), au moins ${formatCents(minimum)}`,
          fee,
        );
      }
      const village = rules.caesVillage;
      // Stryker disable next-line StringLiteral: a pack's figures are checked when it is loaded; this path names one that cannot be wrong
      const flat = centsOf(village.flatFeeEuros, 'cancellation.caesVillage.flatFeeEuros');
      let fee: number;
      let formula: string;
      if (input.noShow) {
        // Stryker disable next-line StringLiteral: a pack's figures are checked when it is loaded; this path names one that cannot be wrong
        const share = bpOf(village.noShowShare, 'cancellation.caesVillage.noShowShare');
        fee = shareOf(pack, input.invoiceCents, share);
        formula = `non-présentation : ${formatRate(share)} × ${formatCents(input.invoiceCents)}`;
      } else if (input.justified || input.daysBeforeStart > village.flatFeeMoreThanDays) {
        fee = Math.min(flat, input.invoiceCents);
        formula = input.justified
          ? 'désistement justifié : forfait'
          : `plus de ${village.flatFeeMoreThanDays} jours avant le début : forfait`;
      } else if (input.daysBeforeStart >= village.depositFromDays) {
        // The arrhes as their rule gives them, even when everything was paid at booking.
        fee = arrhesOf(pack, input.leftToPayCents).deposit;
        // Stryker disable next-line StringLiteral: the deposit was needed by arrhesOf just above; this path names one that is there
        const deposit = need(pack, pack.deposit, 'deposit');
        formula = `entre ${village.flatFeeMoreThanDays} et ${village.depositFromDays} jours avant le début : totalité des arrhes (${formatRate(deposit.shareBp)} de ${formatCents(input.leftToPayCents)} restant à payer, au moins ${formatCents(deposit.minCents)})`;
      } else {
        // Stryker disable next-line StringLiteral: a pack's figures are checked when it is loaded; this path names one that cannot be wrong
        const share = bpOf(village.lateShare, 'cancellation.caesVillage.lateShare');
        fee = shareOf(pack, input.invoiceCents, share);
        formula = `moins de ${village.depositFromDays} jours avant le début : ${formatRate(share)} × ${formatCents(input.invoiceCents)}`;
      }
      return feeResult('cancellation', what, formula, fee);
    }
  }
}

export interface ModificationInput {
  readonly venue: Venue;
  /** 1 for the booking's first modification, 2 for the second… */
  readonly modificationNumber: number;
  readonly daysBeforeStart: number;
  readonly onArrival: boolean;
  /** The amount of the services removed (0 for an addition, which is simply paid). */
  readonly removedCents: number;
  readonly organismFeeCents: number;
}

/** The fee for a change to a booking: reductions only; additions are simply paid. */
export function modificationFee(pack: Pack, input: ModificationInput): FeeResult {
  const issues = new IssueList();
  checkCents(input.removedCents, 'removedCents', issues);
  checkCents(input.organismFeeCents, 'organismFeeCents', issues);
  if (!Number.isInteger(input.modificationNumber) || input.modificationNumber < 1)
    issues.add('modificationNumber', 'numéro de modification à partir de 1');
  if (!Number.isInteger(input.daysBeforeStart))
    issues.add('daysBeforeStart', 'nombre entier de jours attendu');
  issues.throwIfAny();
  const rules = need(pack, pack.data.modification, 'modification');
  const what = `Frais de modification n° ${input.modificationNumber}`;
  if (input.venue === 'other') {
    const fees = rules.other.fees;
    const index = Math.min(input.modificationNumber, fees.length) - 1;
    // Stryker disable next-line StringLiteral: a pack's figures are checked when it is loaded; this path names one that cannot be wrong
    const own = centsOf(fees[index] ?? '0', `modification.other.fees.${index}`);
    const fee = own + input.organismFeeCents;
    return feeResult(
      'modification',
      what,
      `${formatCents(own)} + frais de l’organisme ${formatCents(input.organismFeeCents)}`,
      fee,
    );
  }
  const village = rules.caesVillage;
  if (input.removedCents === 0) {
    return feeResult('modification', what, 'ajout de prestations : sans frais', 0);
  }
  let fee: number;
  let formula: string;
  if (input.onArrival) {
    // Stryker disable next-line StringLiteral: a pack's figures are checked when it is loaded; this path names one that cannot be wrong
    const share = bpOf(village.onArrivalShare, 'modification.caesVillage.onArrivalShare');
    fee = shareOf(pack, input.removedCents, share);
    formula = `à l’arrivée : ${formatRate(share)} × ${formatCents(input.removedCents)}`;
  } else {
    const early = input.daysBeforeStart > village.earlyMoreThanDays;
    const fixed = early ? village.early : village.late;
    const fixedFee = fixed[input.modificationNumber - 1];
    if (fixedFee !== undefined) {
      // Stryker disable next-line StringLiteral: a pack's figures are checked when it is loaded; this path names one that cannot be wrong
      fee = centsOf(fixedFee, 'modification.caesVillage');
      formula = `${early ? 'plus' : 'moins'} de ${village.earlyMoreThanDays} jours avant le début : forfait`;
    } else {
      // Stryker disable next-line StringLiteral: a pack's figures are checked when it is loaded; this path names one that cannot be wrong
      const share = bpOf(village.afterFreeShare, 'modification.caesVillage.afterFreeShare');
      fee = shareOf(pack, input.removedCents, share);
      formula = `${formatRate(share)} × ${formatCents(input.removedCents)} de prestations supprimées`;
    }
  }
  return feeResult('modification', what, formula, fee);
}
