import { z } from 'zod';

// Every message the API and the forms show is French; a number typed with letters says what to
// type rather than the validator's "nombre attendu, null reçu" (amounts have their own, euroCents).
z.config(z.locales.fr());
z.config({
  customError: (issue) =>
    issue.code === 'invalid_type' && issue.expected === 'number'
      ? 'Indiquez un nombre en chiffres, par exemple 12.'
      : undefined,
});

export * from './errors.ts';
export * from './text.ts';
export * from './money.ts';
export * from './simulation.ts';
export * from './accounts.ts';
export * from './household.ts';
export * from './iban.ts';
export * from './activities.ts';
export * from './billing.ts';
export * from './birth-dates.ts';
export * from './committee.ts';
export * from './mail.ts';
export * from './notice-check.ts';
export * from './packs.ts';
