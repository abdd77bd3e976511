import { z } from 'zod';

/** One service a household received: a place, a subsidy after the fact, a Solidarité grant. */
export const benefit = z.object({
  label: z.string(),
  /** Where its file is: the invoices, the claims or the Solidarité page. */
  link: z.string(),
  /** Its days, when it has days (a stay, a ticket's date). */
  firstDay: z.string().nullable(),
  lastDay: z.string().nullable(),
  /** The committee's part: a place's subsidies, a claim's amount granted, an aid (a loan: 0). */
  subsidyCents: z.number().int(),
  /** What was the household's to pay: a place's invoice, a receipt less its subsidy. */
  ownCents: z.number().int().nullable(),
  /** Where it stands, in words (« versée », « facture F-2021-000004 »). */
  state: z.string(),
});
export type Benefit = z.infer<typeof benefit>;

/** A year of « Mes prestations »: its benefits, their total, and the annual ceiling it used. */
export const benefitYear = z.object({
  year: z.number().int(),
  benefits: z.array(benefit),
  subsidyCents: z.number().int(),
  /** The year's annual ceiling and what its places and claims used, when the Fiche set one. */
  ceiling: z.object({ cents: z.number().int(), usedCents: z.number().int() }).nullable(),
});
export type BenefitYear = z.infer<typeof benefitYear>;

/** « Mes prestations » (SPEC §7): every year the household received something, newest first. */
export const benefitsAnswer = z.object({ years: z.array(benefitYear) });

/**
 * A year of « Historique » (SPEC §7): the rights the year's validated Fiche Agent gave the
 * household, the ceiling it used and what the committee paid for it.
 */
export const historyYear = z.object({
  year: z.number().int(),
  /** The year's Fiche Agent as validated, under its barème; null: no Fiche validated that year. */
  rights: z
    .object({
      packId: z.string(),
      packLabel: z.string(),
      parts: z.number(),
      quotientCents: z.number().int(),
      /** Each grid of the barème, in its order, with the rate in basis points. */
      rates: z.array(z.object({ grid: z.string(), rateBp: z.number().int() })),
      annualCeilingCents: z.number().int().nullable(),
    })
    .nullable(),
  /** What the year's places and claims used of the annual ceiling. */
  ceilingUsedCents: z.number().int(),
  /** What the committee paid in the year: « Mes prestations »' total. */
  subsidyCents: z.number().int(),
});
export type HistoryYear = z.infer<typeof historyYear>;

/** « Historique » (SPEC §7): every year of a validated Fiche or a benefit, newest first. */
export const historyAnswer = z.object({ years: z.array(historyYear) });
