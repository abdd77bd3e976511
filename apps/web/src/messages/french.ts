// French grammar the screens need: plurals, elision. Sentences are built with these, never with
// "(s)" or "(e)", nor "de Amélie".

const plurals = new Intl.PluralRules('fr-FR');

/** "1 enfant", "0 enfant", "3 enfants" (French: 0 and 1 are singular). */
export const count = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('fr-FR')} ${plurals.select(n) === 'one' ? one : many}`;

const ELIDES = /^[aeiouyàâäéèêëîïôöùûüœæ]/i;

/** "de Camille", "d’Amélie", "d’Élodie". */
export const of = (word: string): string => (ELIDES.test(word) ? `d’${word}` : `de ${word}`);
