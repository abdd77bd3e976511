import { describe, expect, it } from 'vitest';
import { z } from 'zod';
// The contract's entry point sets the messages for every schema (z.config).
import './index.ts';

const schema = z.object({
  name: z.string().max(5),
  sector: z.enum(['jeunesse', 'vacances']),
  children: z.number().int().min(0).max(29),
  share: z.number().gt(0).lt(1),
  choices: z.array(z.string()).min(1).max(3),
  couple: z.boolean(),
  household: z.object({ income: z.number() }),
  id: z.uuid(),
  named: z.string().min(2, 'son propre message'),
  count: z.int().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  either: z.union([z.string(), z.number()]).optional(),
  reference: z
    .string()
    .regex(/^PAY-\d+$/)
    .optional(),
  step: z.number().multipleOf(5).optional(),
  strict: z.strictObject({ a: z.string().optional() }).optional(),
});

const messages = (value: unknown) =>
  Object.fromEntries(
    (schema.safeParse(value).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]),
  );

describe('the messages of checks no schema words', () => {
  it('say what to type, with an example, for a value of the wrong kind or a missing one', () => {
    expect(
      messages({
        name: 12,
        sector: 'jeunesse',
        children: 'deux',
        share: 0.5,
        choices: 'a',
        couple: 'oui',
        household: [],
        id: '6a1c3b9e-5b7d-4c1e-9a2f-8d6b0e4f7a21',
      }),
    ).toEqual({
      name: 'Indiquez du texte, par exemple « Martin ».',
      children: 'Indiquez un nombre en chiffres, par exemple 12.',
      choices: 'Indiquez une liste, par exemple [] si elle est vide.',
      couple: 'Répondez par oui ou par non (true ou false).',
      household: 'Indiquez les valeurs de ce groupe entre accolades, par exemple {}.',
      named: 'champ obligatoire',
    });
  });
  it('give the bound in French, for numbers, texts and lists, and the choices of a list', () => {
    expect(
      messages({
        name: 'Alexandra',
        sector: 'ski',
        children: 30_000,
        share: 1,
        choices: [],
        couple: true,
        household: { income: 1 },
        id: 'pas-un-id',
        named: 'a',
      }),
    ).toEqual({
      name: '5 caractères au plus',
      sector: 'choisissez l’une de ces valeurs : jeunesse, vacances',
      children: 'au plus 29 : tapez par exemple 29 ou moins',
      share: 'moins de 1 : tapez par exemple 0,9',
      choices: 'au moins 1 élément',
      id: 'identifiant inconnu : choisissez dans la liste',
      named: 'son propre message',
    });
    expect(
      messages({
        choices: ['a', 'b', 'c', 'd'],
        children: -1,
        share: 0,
        count: 1.5,
        labels: 3,
        either: true,
        reference: 'PAY-X',
        step: 7,
        strict: { b: 1 },
      }),
    ).toMatchObject({
      choices: '3 éléments au plus',
      children: 'au moins 0 : tapez par exemple 0 ou plus',
      share: 'plus de 0 : tapez par exemple 0,1',
      count: 'Indiquez un nombre entier en chiffres, par exemple 12.',
      labels: 'Indiquez les valeurs de ce groupe entre accolades, par exemple {}.',
      either: 'cette valeur n’a aucune des formes acceptées : vérifiez ce que vous avez tapé',
      reference: 'ce n’est pas la forme attendue : vérifiez ce que vous avez tapé ou copié',
      step: 'indiquez un multiple de 5',
      strict: 'champ inconnu ici, à retirer : b',
    });
    // A whole number with no bound of its own: not « au plus 9 007 199 254 740 991 ».
    expect(messages({ count: 1e16 })).toMatchObject({
      count: 'ce nombre est bien trop grand : vérifiez-le, par exemple 12',
    });
    expect(messages({ count: -1e16 })).toMatchObject({
      count: 'ce nombre est bien trop petit : vérifiez-le, par exemple 12',
    });
  });
});
