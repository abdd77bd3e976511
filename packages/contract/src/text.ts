import { z } from 'zod';

/**
 * Control characters other than tab and line breaks, and UTF-16 halves without their pair: a
 * person never types them, PostgreSQL refuses to store them, and a screen cannot show them.
 */
const UNREADABLE =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what it finds
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNREADABLE_TEXT_MESSAGE =
  'ce texte contient un caractère invisible ou invalide (souvent venu d’un copier-coller) : retapez-le au clavier';

/** Whether a string is text a person could have typed (see UNREADABLE). */
export const isReadableText = (value: string): boolean => !UNREADABLE.test(value);

/** A text field: readable characters only, trimmed, with its length in the message. */
export const text = (max: number, { required = true }: { required?: boolean } = {}) => {
  const base = z
    .string()
    .trim()
    .max(max, `${max} caractères au plus`)
    .refine(isReadableText, UNREADABLE_TEXT_MESSAGE);
  return required ? base.refine((v) => v.length > 0, 'champ obligatoire') : base;
};

/** An amount in whole euros (an income, a declared amount), as a person types it. */
export const wholeEuros = z
  .number('tapez un montant en euros, par exemple 32500')
  .int('tapez un montant en euros entiers, sans centimes, par exemple 32500')
  .min(0, 'tapez un montant positif, par exemple 32500 (0 s’il n’y en a pas)')
  .max(1_000_000_000, 'ce montant est trop élevé : vérifiez-le, en euros, par exemple 32500');

/** An e-mail address: the example says what a complete one looks like. */
export const EMAIL_MESSAGE =
  'tapez une adresse électronique complète, par exemple claire.martin@inserm.fr';

/** The days a date may take at all; each use case narrows them to what makes sense for it. */
/**
 * A refusal's or a cancellation's reason: required, and quoted in the mail the person receives
 * (or kept where `kept` says).
 */
export const reasonText = (example: string, kept = 'il est repris dans le courriel') =>
  text(500, { required: false })
    .optional()
    .transform((r) => r ?? '')
    .refine((r) => r.length > 0, `indiquez le motif, ${kept} (par exemple « ${example} »)`);

/** The rows a person ticked in a staff queue for one action on all of them (at most 100). */
export const tickedIds = (unknown: string, { none, tooMany }: { none: string; tooMany: string }) =>
  z.array(z.uuid(unknown)).min(1, none).max(100, tooMany);

/**
 * What an action on ticked rows answers: the rows done, and those left with the reason (decided
 * meanwhile by a colleague, outside the caller's rights).
 */
export const bulkAnswer = <Done extends z.ZodType>(done: Done) =>
  z.object({
    done: z.array(done).readonly(),
    skipped: z.array(z.object({ id: z.string(), message: z.string() })).readonly(),
  });
export type BulkAnswer<Done> = z.infer<ReturnType<typeof bulkAnswer<z.ZodType<Done>>>>;

export const FIRST_DAY = '1900-01-01';
export const LAST_DAY = '2099-12-31';

/** How many days the month `month` (1–12) of `year` has: day 0 of the next is its last. */
export const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Whether AAAA-MM-JJ names a day of the calendar: its month has that day (29 February too). */
const isCalendarDay = (value: string): boolean => {
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  // Computed, not parsed from a string and printed back.
  return (
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(value.slice(0, 4)), month)
  );
};

/** A real calendar day, written AAAA-MM-JJ, between 1900 and 2099: one sentence, its first fault. */
export const calendarDay = z
  .string('date attendue, par exemple 2021-07-14')
  .regex(/^\d{4}-\d{2}-\d{2}$/, {
    message: 'date au format AAAA-MM-JJ attendue, par exemple 2021-07-14',
    abort: true,
  })
  .refine(isCalendarDay, {
    message: 'cette date n’existe pas dans le calendrier : vérifiez le jour et le mois',
    abort: true,
  })
  .refine(
    (value) => value >= FIRST_DAY && value <= LAST_DAY,
    'date entre 1900 et 2099 attendue, par exemple 2021-07-14',
  );

const YEAR = 'année entre 2000 et 2100, par exemple 2021';
/** A year of the committee's work (a Fiche's, a dashboard's, a form's), in an address or a body. */
export const calendarYear = z.coerce
  .number('année attendue, par exemple 2021')
  .int('année attendue, par exemple 2021')
  .min(2000, YEAR)
  .max(2100, YEAR);

/**
 * For a form's checks across fields (last day after first day…): run them even when another
 * field is wrong, so that every error of the form shows at once. The check must then look at
 * its fields' types itself (`isDay`, `typeof … === 'number'`).
 */
export const everyError = {
  when: (payload: { value: unknown }): boolean =>
    typeof payload.value === 'object' && payload.value !== null,
};

/** A value that is a calendar day as the API writes it (for cross-field checks). */
export const isDay = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
