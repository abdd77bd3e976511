import type { ActivitySector, NoticeCheckStatus, RegistrationStatus } from '@entraide/contract';

// French names of the codes the API uses, in one place for every screen.

/** Rate grids of the packs (SPEC §4). */
export const GRID_LABELS: Readonly<Record<string, string>> = {
  standard: 'Taux standard',
  majore: 'Taux majoré',
  promotionnel: 'Taux promotionnel',
  vacances: 'Séjours de vacances, et séjours jeunes dès 18 ans',
  jeunesMoins18: 'Séjours jeunes de moins de 18 ans',
};

/** How a sentence names the deposit: "l’acompte" (Inserm), "les arrhes" (CNRS). */
export function depositWords(label: string | undefined): { the: string; of: string } {
  if (label === 'Arrhes') return { the: 'les arrhes', of: 'des arrhes' };
  const word = (label ?? 'Acompte').toLowerCase();
  return { the: `l’${word}`, of: `de l’${word}` };
}

/** How a dependant is related to the member. */
export const RELATION_LABELS: Readonly<
  Record<'spouse' | 'child' | 'disabledAdult' | 'directRelative', string>
> = {
  spouse: 'Conjoint',
  child: 'Enfant',
  disabledAdult: 'Adulte handicapé rattaché',
  directRelative:
    'Parent, grand-parent, petit-enfant ou enfant de 25 ans et plus (filiation directe)',
};

/** The committee's sectors that publish activities. */
export const SECTOR_LABELS: Readonly<Record<ActivitySector, string>> = {
  jeunesse: 'Jeunesse',
  vacances: 'Vacances',
  voyages: 'Voyages',
  sports: 'Sports',
  'loisirs-culture': 'Loisirs-Culture',
};

/** The sectors a barème names, the CLAS (accompagnement à la scolarité) among them. */
export const PACK_SECTOR_LABELS: Readonly<Record<string, string>> = {
  ...SECTOR_LABELS,
  clas: 'CLAS',
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

/** Subsidies asked after the fact (Mes dossiers subventions). */
export const CLAIM_TYPE_LABELS: Readonly<Record<string, string>> = {
  festival: 'Billet de festival (une fois par an)',
  individualHoliday: 'Séjour individuel avec un organisme agréé (2 nuits au moins)',
  mobileHome: 'Mobil home hors organisme agréé',
  youthStay: 'Activité jeunesse avec un autre organisme',
  youthAbroad: 'Séjour individuel à l’étranger d’un jeune (14 jours au moins)',
  sportStay: 'Séjour lié à une manifestation sportive',
  sportEvent: 'Inscription à une manifestation sportive (50 % sur 200 € au plus)',
  ancvCoupons: 'Coupons sport ANCV (150 € au plus par personne)',
  trainTicket: 'Billet de train de l’enfant pour un séjour jeunesse (remboursé en totalité)',
  escortTrain: 'Trains de l’accompagnateur d’un séjour jeunesse (2 allers-retours au plus)',
  carKm: 'Trajet en voiture pour un séjour jeunesse (au kilomètre)',
};

/** The claim types in groups a family recognises, each with what it pays back, in plain words. */
export const CLAIM_TYPE_GROUPS: readonly {
  readonly label: string;
  readonly types: readonly { readonly type: string; readonly help: string }[];
}[] = [
  {
    label: 'Vacances en famille',
    types: [
      {
        type: 'individualHoliday',
        help: 'Vos vacances réservées auprès d’un organisme de tourisme agréé (au moins 2 nuits) : le comité rembourse une part du séjour selon votre quotient.',
      },
      {
        type: 'mobileHome',
        help: 'La location d’un mobil home réservée directement, hors organisme agréé.',
      },
    ],
  },
  {
    label: 'Séjours et activités des enfants',
    types: [
      {
        type: 'youthStay',
        help: 'Colonie, centre de loisirs, stage ou activité à l’année de votre enfant avec un autre organisme que le comité.',
      },
      {
        type: 'youthAbroad',
        help: 'Un séjour de votre jeune à l’étranger, seul, d’au moins 14 jours (le voyage compte à part).',
      },
      {
        type: 'trainTicket',
        help: 'Le billet de train de votre enfant pour rejoindre un séjour jeunesse : remboursé en totalité.',
      },
      {
        type: 'escortTrain',
        help: 'Vos trains pour accompagner votre enfant à un séjour jeunesse : 2 allers-retours au plus.',
      },
      {
        type: 'carKm',
        help: 'Vous avez conduit votre enfant à un séjour jeunesse : remboursé au kilomètre.',
      },
    ],
  },
  {
    label: 'Sport et culture',
    types: [
      {
        type: 'festival',
        help: 'Un billet de festival, une fois par an et par personne.',
      },
      {
        type: 'sportEvent',
        help: 'L’inscription à une course ou une compétition : la moitié, sur 200 € au plus.',
      },
      {
        type: 'sportStay',
        help: 'Le séjour (hébergement) pour participer à une manifestation sportive.',
      },
      {
        type: 'ancvCoupons',
        help: 'Des coupons sport ANCV achetés pour l’année : 150 € au plus par personne.',
      },
    ],
  },
];

/** The kinds of stay a claim type may use (its cap on the subsidised base). */
export const CLAIM_CAPS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  individualHoliday: {
    approvedRental: 'Location, chambre d’hôtes, camping',
    approvedBoard: 'Pension complète ou demi-pension',
  },
  youthStay: {
    holidayCentreFrance: 'Centre de vacances en France',
    skiLanguageAbroad: 'Ski, séjour linguistique, à l’étranger',
    campingHostelClass: 'Camping, auberge de jeunesse, classe transplantée',
    dayCentre: 'Centre de loisirs, mini-camp',
    courseWithoutAccommodation: 'Stage sans hébergement',
    annualActivity: 'Activité à l’année',
  },
};

export const CLAIM_STATUS_LABELS: Readonly<Record<string, string>> = {
  submitted: 'Envoyée : en cours d’examen',
  approved: 'Accordée : virement à venir',
  rejected: 'Refusée',
  paid: 'Versée',
};

/** Where a Fiche Agent version stands, in a word (staff review). */
/** What a Fiche's tax notices say of its typed incomes (the staff's queue), worst first. */
export const NOTICE_CHECK_LABELS: Readonly<Record<NoticeCheckStatus, string>> = {
  invalid: 'code présent, signature invalide',
  verifiedDifferent: 'vérifié, mais différent',
  noCode: 'aucun code trouvé',
  unverified: 'lu, pas vérifié',
  verifiedConcordant: 'vérifié et concordant',
  none: 'pas d’avis joint',
};

export const RECORD_STATUS_LABELS: Readonly<
  Record<'draft' | 'submitted' | 'validated' | 'rejected', string>
> = {
  draft: 'brouillon',
  submitted: 'envoyée',
  validated: 'validée',
  rejected: 'refusée',
};

/** How a payment was made. */
export const PAYMENT_METHOD_LABELS: Readonly<Record<string, string>> = {
  cheque: 'Chèque',
  card: 'Carte bancaire',
  chequesVacances: 'Chèques vacances',
  bonsCaf: 'Bons CAF',
  transfer: 'Virement ou report',
  refund: 'Remboursement',
  monthly: 'Échelonnement mensuel',
};

/** What a Solidarité request asks for. */
export const SOLIDARITY_KINDS: Readonly<Record<string, string>> = {
  aid: 'Aide exceptionnelle',
  loan: 'Prêt sans intérêt',
};

/** Where a Solidarité request stands. */
export const SOLIDARITY_STATUS: Readonly<Record<string, string>> = {
  submitted: 'Envoyée : en cours d’examen',
  granted: 'Accordée',
  refused: 'Refusée',
};
