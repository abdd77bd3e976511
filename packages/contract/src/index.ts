import { z } from 'zod';

// Every message the API and the forms show is French.
z.config(z.locales.fr());

export * from './errors.ts';
export * from './text.ts';
export * from './simulation.ts';
export * from './accounts.ts';
export * from './household.ts';
export * from './iban.ts';
export * from './activities.ts';
export * from './billing.ts';
