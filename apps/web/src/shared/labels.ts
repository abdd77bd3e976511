import type { ActivitySector, RegistrationStatus } from '@entraide/contract';

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

/** The committee's sectors that publish activities. */
export const SECTOR_LABELS: Readonly<Record<ActivitySector, string>> = {
  jeunesse: 'Jeunesse',
  vacances: 'Vacances',
  voyages: 'Voyages',
  sports: 'Sports',
  'loisirs-culture': 'Loisirs-Culture',
};

/** Kinds of activities (SPEC §4): who runs them decides the grid. */
export const KIND_LABELS: Readonly<Record<string, string>> = {
  caes: 'Séjour du comité',
  promo: 'Séjour PROMO',
  approved: 'Organisme agréé',
  caesVillage: 'Village du comité',
  partnerVillage: 'Village partenaire',
};

/** Where a registration request stands. */
export const REGISTRATION_STATUS_LABELS: Readonly<Record<RegistrationStatus, string>> = {
  requested: 'Envoyée : en attente de la sélection à la clôture',
  confirmed: 'Place confirmée',
  waiting: 'Sur liste d’attente',
  refused: 'Pas de place',
  cancelled: 'Retirée',
};

export const DEPOSIT_METHOD_LABELS: Readonly<Record<string, string>> = {
  cheque: 'Chèque',
  card: 'Carte bancaire',
  chequesVacances: 'Chèques vacances',
  bonsCaf: 'Bons CAF',
};
