import { z } from 'zod';
import { plainMessage } from './plain-messages.ts';

// Every message the API and the forms show is French, and says what to type rather than the
// validator's "nombre attendu, null reçu" (`plainMessage`; amounts have their own, euroCents).
z.config(z.locales.fr());
z.config({ customError: plainMessage });

export * from './errors.ts';
export * from './files.ts';
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
export * from './benefits.ts';
export * from './audit.ts';
export * from './member-home.ts';
export * from './agent-record-year.ts';
export * from './member-file.ts';
