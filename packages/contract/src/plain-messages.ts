import type { z } from 'zod';

// The message of a check whose schema gives none: a sentence that says what to type, with an
// example where one helps, instead of the validator's « Entrée invalide : objet attendu, booléen
// reçu » or « Trop grand : nombre doit être <=29 ». A schema's own message always wins.

/** A number as French writes it: 20 000, 1,5. */
const french = (value: number | bigint): string => value.toLocaleString('fr-FR');

const GROUP = 'Indiquez les valeurs de ce groupe entre accolades, par exemple {}.';
const WHAT_TO_TYPE: Readonly<Record<string, string>> = {
  number: 'Indiquez un nombre en chiffres, par exemple 12.',
  int: 'Indiquez un nombre entier en chiffres, par exemple 12.',
  string: 'Indiquez du texte, par exemple « Martin ».',
  boolean: 'Répondez par oui ou par non (true ou false).',
  array: 'Indiquez une liste, par exemple [] si elle est vide.',
  object: GROUP,
  record: GROUP,
};

/** What is too small or too large, for its kind of value. */
function bound(
  origin: string,
  limit: number | bigint,
  inclusive: boolean | undefined,
  side: 'min' | 'max',
): string | undefined {
  const n = french(limit);
  const plural = Number(limit) > 1 ? 's' : '';
  if (origin === 'string')
    return side === 'min' ? `au moins ${n} caractère${plural}` : `${n} caractère${plural} au plus`;
  if (origin === 'array' || origin === 'set')
    return side === 'min' ? `au moins ${n} élément${plural}` : `${n} élément${plural} au plus`;
  if (origin === 'number' || origin === 'int' || origin === 'bigint') {
    // A whole number's own bounds (±9 007 199 254 740 991), when its schema gives none.
    if (Math.abs(Number(limit)) === Number.MAX_SAFE_INTEGER)
      return side === 'min'
        ? 'ce nombre est bien trop petit : vérifiez-le, par exemple 12'
        : 'ce nombre est bien trop grand : vérifiez-le, par exemple 12';
    // An example on the right side of the bound: the bound itself, or one step past it.
    const step = origin === 'number' ? 0.1 : 1;
    if (side === 'min')
      return inclusive === false
        ? `plus de ${n} : tapez par exemple ${french(Number(limit) + step)}`
        : `au moins ${n} : tapez par exemple ${n} ou plus`;
    return inclusive === false
      ? `moins de ${n} : tapez par exemple ${french(Number(limit) - step)}`
      : `au plus ${n} : tapez par exemple ${n} ou moins`;
  }
  return undefined;
}

/** The French sentence for an issue no schema named, or undefined to keep zod's French one. */
export function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'champ obligatoire' : WHAT_TO_TYPE[issue.expected];
    case 'too_small':
      return bound(issue.origin, issue.minimum, issue.inclusive, 'min');
    case 'too_big':
      return bound(issue.origin, issue.maximum, issue.inclusive, 'max');
    case 'invalid_value':
      return `choisissez l’une de ces valeurs : ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      if (issue.format === 'uuid') return 'identifiant inconnu : choisissez dans la liste';
      return issue.format === 'regex'
        ? 'ce n’est pas la forme attendue : vérifiez ce que vous avez tapé ou copié'
        : undefined;
    case 'invalid_union':
      return 'cette valeur n’a aucune des formes acceptées : vérifiez ce que vous avez tapé';
    case 'not_multiple_of':
      return `indiquez un multiple de ${french(issue.divisor)}`;
    case 'unrecognized_keys':
      return `champ inconnu ici, à retirer : ${issue.keys.join(', ')}`;
    case 'custom':
    case 'invalid_element':
    case 'invalid_key':
      return undefined;
  }
}
