// French names of the codes the API uses, in one place for every screen.

/** Rate grids of the packs (SPEC §4). */
export const GRID_LABELS: Readonly<Record<string, string>> = {
  standard: 'Taux standard',
  majore: 'Taux majoré',
  promotionnel: 'Taux promotionnel',
  vacances: 'Séjours de vacances, et séjours jeunes dès 18 ans',
  jeunesMoins18: 'Séjours jeunes de moins de 18 ans',
};

/** How a dependant is related to the member. */
export const RELATION_LABELS: Readonly<Record<'spouse' | 'child' | 'disabledAdult', string>> = {
  spouse: 'Conjoint',
  child: 'Enfant',
  disabledAdult: 'Adulte handicapé rattaché',
};
