/**
 * Explanations: every result of the engine carries the ordered steps that produced it, in French,
 * so that a screen, an invoice and the command line show the same reasoning.
 */
export interface ExplanationStep {
  /** Stable identifier of the step, for programs (e.g. "parts", "quotient", "rate.standard"). */
  readonly step: string;
  /** What is computed, in French. */
  readonly what: string;
  /** The formula applied, with its numbers, in French notation. */
  readonly formula: string;
  /** The figures the step starts from, by name (amounts in cents, rates in hundredths of a percent). */
  readonly inputs: Readonly<Record<string, number | string | boolean | null>>;
  /** The step's value as a number (cents for amounts, hundredths of a percent for rates) or null. */
  readonly value: number | null;
  /** The whole sentence a member reads. */
  readonly text: string;
}

/** The steps of a computation made without its explanation (shared: never written to). */
export const NO_STEPS: readonly ExplanationStep[] = Object.freeze([]);

/** A result that carries the steps explaining it. */
export interface Explained {
  readonly explanation: readonly ExplanationStep[];
}

/**
 * A result whose explanation is built when first read, by running the same pure computation
 * with its steps, and then kept: bulk computations (allocation, exports) never pay for French
 * sentences they do not show, while a screen, an invoice or `JSON.stringify` always gets them.
 */
export abstract class ExplainedResult implements Explained {
  #steps: readonly ExplanationStep[] | undefined;

  protected abstract explain(): readonly ExplanationStep[];

  /** Keeps steps computed with the figures, for a result whose explanation is always read. */
  protected keepSteps(steps: readonly ExplanationStep[]): void {
    this.#steps = steps;
  }

  get explanation(): readonly ExplanationStep[] {
    this.#steps ??= this.explain();
    return this.#steps;
  }

  toJSON(): object {
    return Object.assign({}, this, { explanation: this.explanation });
  }
}

export function step(
  id: string,
  what: string,
  formula: string,
  value: number | null,
  shown: string,
  inputs: ExplanationStep['inputs'] = {},
): ExplanationStep {
  return {
    step: id,
    what,
    formula,
    inputs,
    value,
    text: formula === '' ? `${what} : ${shown}` : `${what} : ${formula} = ${shown}`,
  };
}

/** A note without a computed value (a rule applied, a reason). */
export function note(id: string, what: string, text: string): ExplanationStep {
  return { step: id, what, formula: '', inputs: {}, value: null, text: `${what} : ${text}` };
}

/** "000" … "999": the three digits of each thousands group, computed once. */
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const THOUSANDS = '\u202f';

function groupThousands(whole: number): string {
  if (whole < 1000) return String(whole);
  let out = THREE_DIGITS[whole % 1000] ?? '';
  let rest = Math.floor(whole / 1000);
  while (rest >= 1000) {
    out = `${THREE_DIGITS[rest % 1000] ?? ''}${THOUSANDS}${out}`;
    rest = Math.floor(rest / 1000);
  }
  return `${rest}${THOUSANDS}${out}`;
}

/** 123456 → "1 234,56" (cents; narrow no-break space between thousands). */
export function formatCentsNumber(amount: number): string {
  const absolute = Math.abs(amount);
  const euros = Math.floor(absolute / 100);
  return `${amount < 0 ? '−' : ''}${groupThousands(euros)},${TWO_DIGITS[absolute - euros * 100] ?? ''}`;
}

/** 123456 → "1 234,56 €". */
export const formatCents = (amount: number): string => `${formatCentsNumber(amount)}\u00a0€`;

/** 2781 → "27,81 %" (hundredths of a percent). */
export function formatRate(bp: number): string {
  const whole = Math.floor(bp / 100);
  return `${whole},${TWO_DIGITS[bp - whole * 100] ?? ''}\u00a0%`;
}

/** 15 → "3,75" (quarters of a part). */
export function formatParts(quarters: number): string {
  const whole = Math.floor(quarters / 4);
  const rest = quarters % 4;
  return rest === 0 ? String(whole) : `${whole},${['', '25', '5', '75'][rest] ?? ''}`;
}

/** "2021-02-06" → "06/02/2021". */
export const formatIsoDate = (iso: string): string =>
  `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A decimal as written in a pack ("86.2555") in French notation ("86,2555"). */
export const frenchDecimal = (text: string): string => text.replace('.', ',');

export const plural = (count: number, singular: string, pluralForm = `${singular}s`): string =>
  `${count} ${count > 1 ? pluralForm : singular}`;
