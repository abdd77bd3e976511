import { count } from './french.ts';

/** features/claims/my-claims-page.tsx */
export const myClaimsPage = {
  moi: 'Moi',
  justificatifPasPuEtre: 'Le justificatif n’a pas pu être envoyé.',
  nouvelleDemande: 'Nouvelle demande',
  typeDemande: 'Type de demande',
  typeSejour: 'Type de séjour',
  pourQui: 'Pour qui',
  organismeOuOrganisateur: 'Organisme ou organisateur',
  premierJour: 'Premier jour',
  dernierJour: 'Dernier jour',
  montantPaye: 'Montant payé (€)',
  justificatifPdfFactureBillet: 'Justificatif PDF (facture, billet)',
  necessairePourEnvoyerDemande:
    'Nécessaire pour envoyer la demande, pas pour calculer la subvention : vous pouvez l’estimer d’abord.',
  justificatifsJoints: 'Justificatifs joints',
  subventionAttendue: (subsidy: string) => `Subvention attendue : ${subsidy}`,
  calculerSubvention: 'Calculer la subvention',
  calculezAbordSubventionEnvoi: 'Calculez d’abord la subvention : l’envoi vient ensuite.',
  joignezJustificatifPdfPour: 'Joignez le justificatif PDF pour pouvoir envoyer la demande.',
  toutPretVousPouvez: 'Tout est prêt : vous pouvez envoyer la demande.',
  mesDossiersSubventions: 'Mes dossiers subventions',
  subventionsVerseesApresCoup:
    'Les subventions versées après coup, par virement sur votre RIB par défaut.',
  gererMesRib: 'Gérer mes RIB',
  votreDemandeEnvoyee: (number: number) => `Votre demande n° ${number} est envoyée.`,
  aucuneDemandePourInstant: 'Aucune demande pour l’instant.',
  mesDemandesSubvention: 'Mes demandes de subvention',
  demande: (number: number, value: string) => `Demande n° ${number} — ${value}`,
  payeSubventionAttendue: (
    firstName: string,
    organism: string,
    firstDay: string,
    lastDay: string,
    paid: string,
    subsidy: string,
  ) =>
    `${firstName}, ${organism}, du ${firstDay} au ${lastDay} : payé ${paid}, subvention attendue ${subsidy}.`,
  motif: (reason: string) => ` — motif : ${reason}`,
} as const;

/** features/claims/claims-review-page.tsx */
export const claimsReviewPage = {
  demandeLaissee: (number: number | string) => `N° ${number} laissée`,
  demandeRefusee: (number: number) => `Demande n° ${number} refusée.`,
  demandeAccordee: (number: number, approved: string) =>
    `Demande n° ${number} accordée : ${approved}.`,
  recoitCourrielDecisionNe: (member: string) =>
    `${member} reçoit un courriel. Une décision ne se modifie plus.`,
  accorderDemande: (n: number) => `Accorder la demande n° ${n} ?`,
  serontVersesParVirement: (subsidy: string, member: string, told: string) =>
    `${subsidy} seront versés à ${member} par virement, dans le prochain lot. ${told}`,
  rienNeSeraVerse: 'Rien ne sera versé pour cette demande.',
  montantAccordePartieEuros: (n: number) => `Montant accordé en partie, en euros (n° ${n})`,
  moinsParExemple50: (subsidy: string) => `Moins que ${subsidy}, par exemple 50 ou 49,90.`,
  accorderPartie: (n: number) => `Accorder en partie (n° ${n})`,
  accorderPartieDemande: (n: number) => `Accorder en partie la demande n° ${n} ?`,
  lieuSerontVersesDans: (trim: string, subsidy: string, member: string, told: string) =>
    `${trim} € au lieu de ${subsidy} seront versés à ${member}, dans le prochain lot. ${told}`,
  motifAccordPartielRepris: 'Motif de l’accord partiel (repris dans le courriel)',
  accorderCeMontant: 'Accorder ce montant',
  prepare: 'préparé',
  fichierExporteConfirmer: 'fichier exporté, à confirmer',
  envoyeBanque: 'envoyé à la banque',
  annule: 'annulé',
  annulerLot: (reference: string) => `Annuler le lot ${reference}`,
  annulerLot2: (reference: string) => `Annuler le lot ${reference} ?`,
  lotAnnuleEffet: (what: string, exported: boolean) =>
    `${exported ? 'Ne l’annulez que si la banque n’a pas reçu ce fichier, ou l’a rejeté : s’il était exécuté, ces subventions seraient versées deux fois. ' : ''}Ses subventions (${what}) reviennent parmi celles à verser et iront dans le prochain lot ; le lot reste listé, annulé, avec votre motif. Aucun agent n’est prévenu.`,
  motifAnnulationLot: 'Motif de l’annulation (gardé au journal des actions)',
  gardeJournal: 'il est gardé au journal des actions',
  fichierRejeteBanque: 'fichier rejeté par la banque',
  annulerLot3: 'Annuler le lot',
  lotAnnule: (reference: string) =>
    `Lot ${reference} annulé : ses subventions attendent le prochain lot.`,
  virement: (claims: number) => count(claims, 'virement'),
  exporterFichierSepa: (reference: string) => `Exporter le fichier SEPA ${reference}`,
  exporterFichierSepa2: (reference: string) => `Exporter le fichier SEPA ${reference} ?`,
  fichierVerifiePuisTelecharge: (what: string) =>
    `Le fichier (${what}) est vérifié puis téléchargé, et le lot est figé : il ne changera plus. Remettez-le à la banque, puis confirmez ici l’envoi ; les subventions ne seront versées qu’à ce moment-là.`,
  exporterFigerLot: 'Exporter et figer le lot',
  fichierXmlExporteConforme: (reference: string) =>
    `Fichier ${reference}.xml exporté, conforme au schéma pain.001.001.03 : remettez-le à la banque, puis confirmez l’envoi.`,
  copieFichierSepa: (reference: string) => `Copie du fichier SEPA ${reference}`,
  jourReceptionParBanque: (reference: string) => `Jour de réception par la banque (${reference})`,
  confirmerEnvoiBanque: (reference: string) => `Confirmer l’envoi à la banque (${reference})`,
  banqueRecuLot: (reference: string) => `La banque a reçu le lot ${reference} ?`,
  lotNoteEnvoyeSes: (sentOn: string, claims: number, total: string) =>
    `Le lot est noté envoyé le ${sentOn} : ${claims === 1 ? `sa subvention (${total}) passe` : `ses ${count(claims, 'subvention')} (${total}) passent`} à « versée » et chaque agent reçoit un courriel. Cela ne s’annule pas.`,
  confirmerEnvoi: 'Confirmer l’envoi',
  lotEnvoyeBanqueAgent: (reference: string, sentOn: string, claims: number) =>
    `Lot ${reference} envoyé à la banque le ${sentOn} : ${count(claims, 'agent prévenu', 'agents prévenus')}.`,
  subventionAccordeeAttendSubventions: (waitingForAccount: number) =>
    ` ${count(waitingForAccount, 'subvention accordée attend', 'subventions accordées attendent')} que l’agent enregistre un RIB valide.`,
  lotPrepareVirement: (reference: string, claims: number, total: string, value: string) =>
    `Lot ${reference} préparé : ${count(claims, 'virement')}, ${total}.${value}`,
  virements: 'Virements',
  lotPasseParTrois:
    'Un lot passe par trois étapes : préparé, fichier exporté, puis envoyé à la banque — seule la dernière, confirmée par vous, rend les subventions versées et prévient les agents. Avant elle, un lot peut être annulé (préparé par erreur, fichier rejeté par la banque) : ses subventions vont au lot suivant.',
  dateExecutionLot: 'Date d’exécution du lot',
  lotsVirements: 'Lots de virements',
  lot: 'Lot',
  execution: 'Exécution',
  etat: 'État',
  etapeSuivante: 'Étape suivante',
  demandeAccordeeDemandesAccordees: (done: number, paid: string) =>
    `${count(done, 'demande accordée', 'demandes accordées')} : ${paid} au total.`,
  accordGroupe: 'Accord groupé',
  cochezDemandesConcordantesAccorder:
    'Cochez les demandes concordantes à accorder ensemble, chacune au montant calculé.',
  demandeCocheeDemandesCochees: (ticked: number, total: string) =>
    `${count(ticked, 'demande cochée', 'demandes cochées')}, ${total} au total.`,
  cocherDemandeListe: (claims: number) => `Cocher les ${count(claims, 'demande')} de la liste`,
  accorderDemandesCochees: (ticked: number) => `Accorder les demandes cochées (${ticked})`,
  demandeDemandes: (ticked: number) => count(ticked, 'demande', 'demandes'),
  n: (number: number, member: string, subsidy: string) => `N° ${number} — ${member} : ${subsidy}`,
  totalVersesParVirement: (total: string) =>
    `${total} au total, versés par virement dans le prochain lot ; chaque agent reçoit un courriel. Une décision ne se modifie plus ; une demande décidée entre-temps par un collègue est laissée.`,
  subventionsPosteriori: 'Subventions a posteriori',
  aucuneDemandeExaminer: 'Aucune demande à examiner.',
  plusAnciennes: (shown: string, waiting: string) =>
    `Voici les ${shown} demandes qui attendent depuis le plus longtemps, sur ${waiting} à examiner : les suivantes apparaissent à mesure que celles-ci sont décidées.`,
  demandesExaminer: 'Demandes à examiner',
  n2: (number: number, member: string, value: string) => `N° ${number} — ${member} — ${value}`,
  payeBaseSubventionCalculee: (
    firstName: string,
    organism: string,
    firstDay: string,
    lastDay: string,
    paid: string,
    base: string,
    subsidy: string,
    value: string,
  ) =>
    `${firstName}, ${organism}, du ${firstDay} au ${lastDay} : payé ${paid}, base ${base}, subvention calculée ${subsidy}${value}.`,
  justificatifsDemande: (number: number) => `Justificatifs de la demande n° ${number}`,
  justificatifDemande: (value: number, number: number) =>
    `Justificatif ${value} de la demande n° ${number}`,
  cocherDemandePourAccord: (number: number) =>
    `Cocher la demande n° ${number} pour l’accord groupé`,
  accorder: (subsidy: string, n: number) => `Accorder ${subsidy} (n° ${n})`,
  accorder2: (subsidy: string) => `Accorder ${subsidy}`,
  le: (sentOn: string) => ` le ${sentOn}`,
  accorder3: (ticked: string) => `Accorder ${ticked} ?`,
  accorder4: (total: string) => `Accorder ${total}`,
} as const;

/** features/claims/prepare-payout.tsx */
export const prepareBatch = {
  preparer: 'Préparer le lot des subventions accordées',
  titre: (date: string) => `Préparer le lot de virements du ${date}`,
  calcul: 'Calcul de ce que contiendra le lot…',
  effet: (claims: number, total: string, date: string) =>
    `Le lot contiendra ${count(claims, 'subvention accordée', 'subventions accordées')}, pour ${total}, versées par virement le ${date}.`,
  enAttenteRib: (waiting: number) =>
    ` ${count(waiting, 'autre attend', 'autres attendent')} que l’agent enregistre un RIB valide.`,
  rienAVerser: 'Aucune subvention accordée à verser (avec un RIB par défaut valide).',
  etapes:
    'Le lot est numéroté : il sera ensuite exporté pour la banque, puis confirmé envoyé par vous. Tant que la banque ne l’a pas reçu, il peut être annulé, son numéro gardé.',
  confirmer: 'Préparer le lot',
} as const;
