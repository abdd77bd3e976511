import { count } from './french.ts';

/** features/agent-record/documents-field.tsx */
export const documentsField = {
  avisImposition: 'Avis d’imposition',
  avisImpositionConjoint: 'Avis d’imposition du conjoint',
  bulletinSalaire: 'Bulletin de salaire',
  titrePension: 'Titre de pension',
  contratTravail: 'Contrat de travail',
  livretFamille: 'Livret de famille',
  carteInvaliditeOuAttestation: 'Carte d’invalidité ou attestation de handicap',
  autreJustificatif: 'Autre justificatif',
  documentPasPuEtre: 'Le document n’a pas pu être envoyé.',
  justificatifsPdfUniquement10: 'Justificatifs (PDF uniquement, 10 Mo au plus)',
  aucunJustificatifJoint: 'Aucun justificatif joint.',
  typeJustificatif: 'Type de justificatif',
  fichierPdfJoindre: 'Fichier PDF à joindre',
} as const;

/** features/agent-record/notice-lines.tsx */
export const noticeLines = {
  saisiEtLu: 'Revenus saisis et lus sur les avis d’impôt',
  revenu: 'Revenu',
  saisi: 'Saisi',
  surAvis: 'Sur l’avis',
  etat: 'État',
  votreRevenu: 'Votre revenu fiscal de référence',
  revenuConjoint: 'Revenu fiscal de référence du conjoint',
  nonSaisi: 'non saisi',
  aucunCode: 'aucun code lu',
  identiques: 'identiques',
  differents: 'différents',
  autreAnnee: (found: number, needed: number) => `avis des revenus ${found}, pas ${needed}`,
  avisVerifie: 'vérifié',
  avisLu: 'lu, pas vérifié',
  avisInvalide: 'signature invalide',
  ecartMembre:
    'Le revenu saisi diffère de celui de l’avis : corrigez-le, ou gardez-le si l’avis lu n’est pas le bon. Le gestionnaire verra les deux.',
} as const;

/** features/agent-record/record-recap.tsx */
export const recordRecap = {
  modifier: (what: string) => `Modifier ${what}`,
  nonRenseigne: 'non renseigné',
  relisezVotreFicheAvant: 'Relisez votre fiche avant de l’envoyer : un gestionnaire la validera.',
  famille: 'Famille',
  changementSituationCetteAnnee: (on: string | null) =>
    `Changement de situation cette année : ${on ? `le ${on}` : 'aucun'}`,
  handicap: (disabled: boolean) => `Handicap : ${disabled ? 'oui' : 'non'}`,
  aucunAyantDroit: 'Aucun ayant droit.',
  ayantDroitAyantsDroit: (dependants: number) =>
    `${count(dependants, 'ayant droit', 'ayants droit')} :`,
  naissance: (birthDate: string) => `, naissance le ${birthDate}`,
  situationHandicap: ', en situation de handicap',
  famille2: 'la famille',
  revenus: 'Revenus',
  revenuFiscalReference: (income: string) => `Revenu fiscal de référence : ${income}`,
  revenuConjoint: (spouseIncome: string) => `Revenu du conjoint : ${spouseIncome}`,
  revenus2: 'les revenus',
  justificatifs: 'Justificatifs',
  aucunJustificatifJoint: 'Aucun justificatif joint.',
  justificatifs2: 'les justificatifs',
} as const;

/** features/agent-record/agent-record-page.tsx */
export const agentRecordPage = {
  brouillonPasEncoreEnvoye: 'Brouillon : pas encore envoyé.',
  envoyeeAttenteValidationPar: 'Envoyée : en attente de validation par un gestionnaire.',
  vosTauxVotrePlafond: 'vos taux et votre plafond en découlent',
  vosTauxDecoulent: 'vos taux en découlent',
  validee: (value: string) => `Validée : ${value}.`,
  refuseeCorrigezPuisEnvoyez: 'Refusée : corrigez-la puis envoyez-la à nouveau.',
  famille: 'Famille',
  revenus: 'Revenus',
  justificatifs: 'Justificatifs',
  verificationEnvoi: 'Vérification et envoi',
  indiquezMontantEurosEntiers: 'Indiquez un montant en euros entiers, par exemple 32 500.',
  certainsChampsSontCorriger:
    'Certains champs sont à corriger : voyez les messages sous chacun d’eux.',
  votreFicheEnvoyeeVous:
    'Votre fiche est envoyée. Vous recevrez un courriel quand elle sera validée.',
  brouillonEnregistre: 'Brouillon enregistré.',
  choisirParmiJustificatifsJoints: 'Choisir parmi les justificatifs joints',
  version: (version: number, status: string, value: string) =>
    `Version ${version} — ${status}${value}`,
  etapesFicheAgent: 'Étapes de la Fiche Agent',
  etapeSur: (step: number, steps: number) => `Étape ${step} sur ${steps} :`,
  dateChangementSituationFamiliale: 'Date du changement de situation familiale',
  seulementSiVotreFamille:
    'Seulement si votre famille a changé cette année (mariage, PACS, naissance, séparation…) : joignez alors le livret de famille à l’étape « Justificatifs ».',
  jAiHandicapIncapacite: 'J’ai un handicap (incapacité d’au moins 50 %)',
  mesAyantsDroit: 'Mes ayants droit',
  ayantDroit: (value: number) => `Ayant droit ${value}`,
  ajouterAyantDroit: 'Ajouter un ayant droit',
  retirerAyantDroit: (value: number) => `Retirer l’ayant droit ${value}`,
  lien: 'Lien',
  nomAyantDroit: (value: number) => `Nom de l’ayant droit ${value}`,
  prenomAyantDroit: (value: number) => `Prénom de l’ayant droit ${value}`,
  dateNaissanceAyantDroit: (value: number) => `Date de naissance de l’ayant droit ${value}`,
  gardePartagee: 'En garde partagée',
  figureSurVotreAvis:
    'Figure sur votre avis d’imposition (décochez s’il est à la charge fiscale de l’autre parent)',
  situationHandicapIncapaciteMoins: 'En situation de handicap (incapacité d’au moins 50 %)',
  revenuFiscalReference: (value: number) => `Revenu fiscal de référence ${value} (€)`,
  surVotreAvisImposition: 'Sur votre avis d’imposition, en euros entiers, par exemple 32 500.',
  revenuFiscalReferenceConjoint: 'Revenu fiscal de référence du conjoint (€)',
  surAvisImpositionVotre:
    'Sur l’avis d’imposition de votre conjoint s’il déclare à part, en euros entiers.',
  pourChaqueAyantDroit:
    'Pour chaque ayant droit en situation de handicap, joignez d’abord sa carte d’invalidité ou son attestation ci-dessus, puis choisissez-la ci-dessous.',
  sansPrenom: 'sans prénom',
  justificatifHandicapAyantDroit: (value: number, value2: string) =>
    `Justificatif du handicap de l’ayant droit ${value} (${value2})`,
  precedent: 'Précédent',
  enregistrerBrouillon: 'Enregistrer le brouillon',
  suivant: 'Suivant',
  envoyerPourValidation: 'Envoyer pour validation',
  envoyee: (value: string) => `Envoyée le ${value}.`,
  mettreJourChaqueAnnee:
    'À mettre à jour chaque année avant toute demande de subvention, et quand votre situation familiale change. Les changements s’appliquent une fois validés par un gestionnaire.',
  annee: 'Année',
  fiche: (y: number) => `Fiche ${y}`,
  motif: (rejectionReason: string) => ` Motif : ${rejectionReason}`,
} as const;

/** features/agent-record/tax-notice-reader.tsx */
export const taxNoticeReader = {
  lireMonAvis: 'Lire mon avis d’impôt (PDF)',
  lireAvisConjoint: 'Lire l’avis d’impôt de mon conjoint (PDF)',
  lireAvisConjointAide:
    'Si vous déclarez vos revenus séparément : le PDF de son avis, téléchargé sur impots.gouv.fr. Son code 2D-DOC donne son revenu fiscal de référence.',
  lireMonAvisAide:
    'Le PDF téléchargé sur impots.gouv.fr : son code 2D-DOC donne votre revenu fiscal de référence, et l’avis est joint à votre fiche.',
  aucunCode:
    'Aucun code 2D-DOC n’a été trouvé dans ce PDF : l’avis est joint à votre fiche, saisissez le revenu fiscal de référence vous-même.',
  pasPuEtreLu: 'L’avis n’a pas pu être envoyé : réessayez dans un instant.',
  lectureEnCours: 'Envoi de l’avis et lecture de son code 2D-DOC…',
  avisVerifie: 'Avis vérifié (code 2D-DOC signé par l’administration fiscale)',
  avisLuNonVerifie: 'Avis lu, pas encore vérifié',
  avisSignatureInvalide: 'Code 2D-DOC invalide : l’avis sera examiné par un gestionnaire',
  chiffresLus: (income: string, parts: number, year: number) =>
    `Lu sur l’avis : revenu fiscal de référence ${income} €, ${count(parts, 'part')}, revenus ${year}.`,
  mauvaiseAnnee: (found: number, needed: number) =>
    `Cet avis porte sur les revenus ${found} : il faut celui des revenus ${needed}, reçu en ${needed + 1}.`,
} as const;
