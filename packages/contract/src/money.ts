import { z } from 'zod';

/**
 * An amount in euro cents, with messages a parent understands: what to type, with an example
 * (issue 14). Letters typed in an amount reach the API as null (the forms' parser gives NaN).
 */
export function euroCents(options: { min?: 0 | 1; maxCents?: number } = {}) {
  const min = options.min ?? 0;
  const max = options.maxCents ?? 100_000_000;
  return z
    .number({ error: 'Indiquez un montant en euros, en chiffres, par exemple 89,50.' })
    .int('Indiquez au plus deux chiffres après la virgule, par exemple 89,50.')
    .min(
      min,
      min === 1
        ? 'Indiquez un montant supérieur à zéro, par exemple 89,50.'
        : 'Le montant ne peut pas être négatif : indiquez 0 ou plus, par exemple 12,50.',
    )
    .max(
      max,
      `Ce montant est trop élevé : ${new Intl.NumberFormat('fr-FR').format(max / 100)} € au plus.`,
    );
}

/** An amount a desk read on its screen, in cents: sent back with the action it confirms. */
export const shownCents = z.number().int().min(0).max(100_000_000);
