/** features/simulator/rate-chart.tsx */
export const rateChart = {
  votreTauxSelonQuotient: (quotient: string) =>
    `Votre taux selon le quotient familial : votre foyer est au point marqué (quotient ${quotient}).`,
  chiffresGraphique: 'Les chiffres du graphique',
  tauxParQuotientFamilial: 'Taux par quotient familial',
  tauxParQuotientFamilial2: 'Taux par quotient familial, tous les 2 500 €',
  quotient: 'Quotient',
  quotient2: (label: string) => `Quotient ${label}`,
} as const;

/** features/simulator/simulator-page.tsx */
export const simulatorPage = {
  vacancesLoisirsCultureSports:
    'vacances, loisirs, culture, sports, voyages, et séjours jeunes avec un organisme agréé',
  sejoursJeunesComitePeriscolaire:
    'séjours jeunes du comité, périscolaire, vacances des enfants handicapés, activités à l’année',
  sejoursPromoCatalogue: 'séjours « PROMO » du catalogue',
  sejoursVacancesVillagesVoyages:
    'séjours de vacances, villages, voyages, et séjours jeunes dès 18 ans',
  sejoursJeunesMoins18: 'séjours jeunes des moins de 18 ans',
  votreResultat: 'Votre résultat',
  partsCaes: 'Parts CAES',
  quotientFamilial: 'Quotient familial',
  plafondAnnuel: 'Plafond annuel',
  aucun: 'Aucun',
  aideSki: 'Aide au ski',
  non: 'Non',
  quelTauxPourQuel: 'Quel taux pour quel séjour',
  selonBareme: 'selon le barème',
  parExemplePourSejour: (
    EXAMPLE_CENTS: string,
    toLowerCase: string,
    subsidy: string,
    value: string,
  ) =>
    `Par exemple, pour un séjour de ${EXAMPLE_CENTS} au ${toLowerCase}, le comité prendrait en charge ${subsidy} et vous paieriez ${value} — avant les plafonds propres à chaque type de séjour.`,
  chargementGraphique: 'Chargement du graphique…',
  indiquezMontantEurosEntiers: 'Indiquez un montant en euros entiers, par exemple 32 500.',
  indiquezMontantEurosEntiers2: 'Indiquez un montant en euros entiers.',
  indiquezNombreEntier: 'Indiquez un nombre entier.',
  calculerMonTauxSubvention: 'Calculer mon taux de subvention',
  sansCompteIndiquezVotre:
    'Sans compte : indiquez votre revenu fiscal de référence et votre famille. Le calcul suit le barème du comité, étape par étape.',
  bareme: 'Barème',
  revenuFiscalReference: 'Revenu fiscal de référence (€)',
  surVotreAvisImposition: 'Sur votre avis d’imposition, en euros entiers.',
  dateCalcul: 'Date du calcul',
  agesEnfantsSontPris: 'Les âges des enfants sont pris à cette date.',
  jeVisCouple: 'Je vis en couple',
  revenuFiscalReferenceConjoint: 'Revenu fiscal de référence du conjoint (€)',
  jAiHandicapIncapacite: 'J’ai un handicap (incapacité d’au moins 50 %)',
  monConjointHandicapIncapacite: 'Mon conjoint a un handicap (incapacité d’au moins 50 %)',
  gardePartagee: 'En garde partagée',
  situationHandicap: 'En situation de handicap',
  adultesHandicapesRattachesVotre: 'Adultes handicapés rattachés à votre foyer fiscal',
  enfants26AnsPlus: 'Enfants de 26 ans et plus ou ascendants.',
  calculer: 'Calculer',
  enfant: (value: number) => `Enfant ${value}`,
} as const;
