/** features/simulator/rate-chart.tsx */
export const rateChart = {
  votreTauxSelonQuotient: (quotient: string) =>
    `Votre taux selon le quotient familial : votre foyer est au point marqué (quotient ${quotient}).`,
  tauxSelonQuotient: 'Le taux de chaque grille selon le quotient familial.',
  chiffresGraphique: 'Les chiffres du graphique',
  tauxParQuotientFamilial: 'Taux par quotient familial',
  tauxParQuotientFamilial2: 'Taux par quotient familial, tous les 2 500 €',
  quotient: 'Quotient',
  quotient2: (label: string) => `Quotient ${label}`,
  graphiqueIndisponible: (why: string) => `Le graphique des taux n’a pas pu être lu. ${why}`,
} as const;

/** features/simulator/pack-page.tsx */
export const packPage = {
  applicable: (from: string, to: string, income: string) =>
    `Applicable du ${from} au ${to}. Le quotient familial part du revenu suivant : ${income}.`,
  lesTaux: 'Les taux de subvention',
  formule: (rule: string) => `Formule : ${rule}, où QF est le quotient familial en euros.`,
  ajout: (rule: string) => `Calcul : ${rule} points.`,
  plafondAnnuel: 'Le plafond annuel de subvention',
  plafondAide:
    'Le total des subventions d’un foyer dans l’année ne dépasse pas ce plafond. Entre les deux quotients, il va de son montant maximal à son montant minimal, selon le quotient.',
  plafondTableau: 'Plafond annuel selon le foyer et le quotient familial',
  foyer: 'Foyer',
  maximal: (qf: string) => `Maximal (QF jusqu’à ${qf})`,
  minimal: (qf: string) => `Minimal (QF à partir de ${qf})`,
  horsPlafond: (sectors: string) => `Ne comptent pas dans le plafond : ${sectors}.`,
  sansPlafondHandicap:
    'Les foyers comptant une personne en situation de handicap n’ont pas de plafond annuel.',
  pasDePlafond: 'Ce barème n’a pas de plafond annuel de subvention.',
  exemples: 'Exemples vérifiés',
  exemplesAide:
    'Des foyers dont le barème donne les chiffres, vérifiés à chaque changement du barème.',
  exemple: (name: string, source: string) => `${name} (source : ${source})`,
  introuvable:
    'Ce barème n’existe pas : choisissez-en un dans le calculateur, par exemple celui de l’année en cours.',
  ouvrirCalculateur: 'Calculer mon taux avec ce barème',
  allerCalculateur: 'Ouvrir le calculateur de taux',
} as const;

/** features/simulator/simulator-page.tsx */
export const simulatorPage = {
  lireBareme: 'Lire tout le barème : ses formules, son plafond annuel, ses exemples',
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

/** features/simulator/pack-parameters.tsx */
export const packParameters = {
  tousParametres: 'Tous les paramètres',
  tousParametresAide:
    'Chaque chiffre du barème tel que le moteur de calcul le lit, avec d’où il vient quand le comité l’a noté.',
  parametre: 'Paramètre',
  valeur: 'Valeur',
  source: 'Source',
  sansSource: '—',
  oui: 'oui',
  non: 'non',
} as const;
