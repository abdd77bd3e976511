// The message's data identifiers that tax notices use (ANTS specification, "identifiants de
// données"): two characters, then a value of fixed length, or of variable length ended by <GS>
// (or by the end of the message); <RS> ends a value that was cut short.

export interface FieldSpec {
  readonly label: string;
  /** Characters of a fixed-length value; null: variable, up to `max` (null: no limit). */
  readonly fixed: number | null;
  readonly max: number | null;
}

const fixed = (label: string, n: number): FieldSpec => ({ label, fixed: n, max: n });
const variable = (label: string, max: number | null = null): FieldSpec => ({
  label,
  fixed: null,
  max,
});

export const FIELDS: Readonly<Record<string, FieldSpec>> = {
  '40': fixed('Numéro fiscal', 13),
  '41': variable('Revenu fiscal de référence'),
  '42': variable('Situation du foyer'),
  '43': variable('Nombre de parts'),
  '44': fixed('Référence d’avis d’impôt', 13),
  '45': fixed('Année des revenus', 4),
  '46': variable('Déclarant 1', 38),
  '47': fixed('Numéro fiscal du déclarant 1', 13),
  '48': variable('Déclarant 2', 38),
  '49': fixed('Numéro fiscal du déclarant 2', 13),
  '4A': fixed('Date de mise en recouvrement', 8),
  '4B': fixed('Date de la déclaration', 8),
  '4V': variable('Impôt sur le revenu net'),
  '4W': variable('Reste à payer'),
  '4X': variable('Retenue à la source'),
  '4Y': variable('Adresse'),
  '6U': variable('Ligne 4 de l’adresse postale du domicile', 38),
  '6V': variable('Ligne 5 de l’adresse postale du domicile', 38),
  '6W': fixed('Code postal de l’adresse postale du domicile', 5),
  '6X': variable('Commune de l’adresse postale du domicile', 32),
  '6Y': fixed('Code pays de l’adresse postale du domicile', 2),
};

export const GS = '\u001d';
export const RS = '\u001e';
export const US = '\u001f';
