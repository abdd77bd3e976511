import { z } from 'zod';
import { text } from './text.ts';

/** The relative luminance of a #rrggbb colour (WCAG 2). */
const luminance = (hex: string): number => {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/** The contrast of white text on a #rrggbb colour (1 to 21). */
export const contrastWithWhite = (hex: string): number => 1.05 / (luminance(hex) + 0.05);

/** WCAG AA for normal text: white on the committee's colour must read at least this well. */
export const MIN_CONTRAST = 4.5;

/** The committee's identity as its admin sets it; the logo is sent apart, as an image. */
export const committeeIdentityInput = z.object({
  name: text(120),
  shortName: text(40),
  address: text(200),
  brandColour: z
    .string('couleur attendue, par exemple #1d4e89')
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, 'couleur au format #RRVVBB attendue, par exemple #1d4e89')
    .transform((colour) => colour.toLowerCase())
    .refine(
      (colour) => contrastWithWhite(colour) >= MIN_CONTRAST,
      'cette couleur est trop claire : un texte blanc posé dessus se lirait mal. Choisissez-en une plus foncée, par exemple #1d4e89',
    ),
});
export type CommitteeIdentityInput = z.infer<typeof committeeIdentityInput>;

/** The committee's identity as the admin's page reads it, after each change too. */
export const committeeIdentityAnswer = z.object({
  name: z.string(),
  shortName: z.string(),
  address: z.string(),
  brandColour: z.string(),
  /** Where the logo is served (its address changes with it), or null without one. */
  logoUrl: z.string().nullable(),
});
export type CommitteeIdentity = z.infer<typeof committeeIdentityAnswer>;
