import { of } from './french.ts';

/** features/member/require-user.tsx */
export const requireUser = {
  connexionNecessaire: 'Connexion nécessaire',
  cettePageReserveePersonnes: 'Cette page est réservée aux personnes connectées.',
  connexionTerminer: 'Connexion à terminer',
  votreCompteProtegePar: 'Votre compte est protégé par un second facteur.',
  saisirCodeOuUtiliser: 'Saisir le code ou utiliser la clé d’accès',
  secondFacteurActiver: 'Second facteur à activer',
  personnelLitAvisImpot:
    'Le personnel lit des avis d’impôt et prépare des virements : un mot de passe seul ne suffit pas. Activez une application d’authentification ou une clé d’accès pour ouvrir la gestion.',
  activerMonSecondFacteur: 'Activer mon second facteur',
  accesRefuse: 'Accès refusé',
  cettePageReserveePersonnel: 'Cette page est réservée au personnel du comité (erreur 403).',
  reserveeSecteurs: (sectors: string) =>
    `Cette page est celle du personnel des secteurs ${sectors} ; votre compte n’y travaille pas. Un administrateur peut vous y ajouter dans « Comptes du personnel ».`,
  reserveeAdministration: 'Cette page est réservée aux administrateurs du comité.',
  retourGestion: 'Retour à l’accueil de la gestion',
} as const;

/** features/member/my-data-page.tsx */
export const myDataPage = {
  fermerMonCompte: 'Fermer mon compte…',
  fermerMonCompte2: 'Fermer mon compte',
  fermerVotreCompteSupprime:
    'Fermer votre compte supprime vos documents, vos RIB, votre famille et vos coordonnées, et vous ne pourrez plus vous connecter. Les factures, paiements et justificatifs des subventions versées restent conservés 10 ans (obligation comptable), sans votre nom. Téléchargez vos données avant, si vous souhaitez les garder.',
  votreMotPassePour: 'Votre mot de passe, pour confirmer',
  fermerDefinitivementMonCompte: 'Fermer définitivement mon compte',
  mesDonnees: 'Mes données',
  telechargerMesDonnees: 'Télécharger mes données',
  toutCeComiteDetient:
    'Tout ce que le comité détient sur votre foyer : compte, famille, Fiches Agent, demandes, factures, paiements, subventions, courriels et vos documents PDF d’origine, dans un fichier ZIP.',
  telechargerMesDonneesZip: 'Télécharger mes données (ZIP)',
  dureesConservation: 'Durées de conservation',
  avisImpositionBulletinsSalaire:
    'Les avis d’imposition et bulletins de salaire sont supprimés automatiquement quelques années après l’année de la Fiche Agent qu’ils justifient ; les factures et paiements sont gardés 10 ans, comme la loi l’impose aux pièces comptables.',
} as const;

/** features/member/benefits-page.tsx */
export const benefitsPage = {
  titre: 'Mes prestations',
  raccourci: 'Mes prestations, année par année',
  explication:
    'Ce que le comité a pris en charge pour votre foyer, année par année : les séjours, les subventions a posteriori et les aides Solidarité.',
  aucune:
    'Aucune prestation pour l’instant : vos séjours et vos subventions accordées apparaîtront ici, année par année.',
  total: (cents: string, year: number) => `Le comité a pris en charge ${cents} en ${year}.`,
  plafond: (used: string, ceiling: string) => `Plafond annuel : ${used} utilisés sur ${ceiling}.`,
  le: (day: string) => `Le ${day}`,
  duAu: (from: string, to: string) => `Du ${from} au ${to}`,
  partComite: (cents: string) => `Part du comité : ${cents}`,
  aVotreCharge: (cents: string) => `À votre charge : ${cents}`,
} as const;

/** features/member/history-page.tsx */
export const historyPage = {
  titre: 'Historique de mes subventions',
  raccourci: 'Historique de mes subventions',
  explication:
    'Vos droits année par année, tels que votre Fiche Agent validée les a donnés, et ce que le comité a pris en charge pour votre foyer. Le détail de chaque année est dans « Mes prestations ».',
  aucune:
    'Rien pour l’instant : chaque année apparaîtra ici dès que votre Fiche Agent de l’année sera validée.',
  tableau: 'Vos chiffres année par année',
  chiffre: 'Chiffre',
  bareme: 'Barème',
  parts: 'Parts',
  quotient: 'Quotient familial',
  plafond: 'Plafond annuel',
  aucun: 'aucun',
  utilise: 'Plafond utilisé',
  priseEnCharge: 'Pris en charge par le comité',
  sansFiche: 'pas de Fiche validée',
  detail: (year: number) => `Le détail de ${year}`,
} as const;

/** features/member/file-reads-page.tsx */
export const fileReadsPage = {
  personneComiteEncoreConsulte:
    'Personne du comité n’a encore consulté votre dossier ni vos documents.',
  consulte: (by: string, role: string, what: string) => `— ${by} (${role}) a consulté ${what}.`,
  quiConsulteMonDossier: 'Qui a consulté mon dossier',
  gestionnairesNeVoientVos:
    'Les gestionnaires ne voient vos documents que lorsque leur travail l’exige (validation de la Fiche Agent, traitement d’une demande de subvention) ; chaque consultation est enregistrée ici.',
} as const;

/** features/member/contact-page.tsx */
export const contactPage = {
  vosCoordonneesSontEnregistrees: 'Vos coordonnées sont enregistrées.',
  adresseElectronique: 'Adresse électronique',
  nosCourrielsYSont:
    'Nos courriels y sont envoyés ; l’ancienne adresse est prévenue d’un changement.',
  telephone: 'Téléphone',
  adressePostale: 'Adresse postale',
  enregistrerMesCoordonnees: 'Enregistrer mes coordonnées',
  mesCoordonnees: 'Mes coordonnées',
} as const;

/** features/member/bank-accounts-page.tsx */
export const bankAccountsPage = {
  ribAjoute: 'RIB ajouté.',
  mesRib: 'Mes RIB',
  subventionsVerseesApresCoup:
    'Les subventions versées après coup le sont sur votre RIB par défaut.',
  aucunRibEnregistre: 'Aucun RIB enregistré.',
  ribParDefaut: ' — RIB par défaut',
  ribParDefautModifie: 'RIB par défaut modifié.',
  utiliserParDefautRib: (ibanMasked: string) => `Utiliser par défaut le RIB ${ibanMasked}`,
  supprimerRib: (ibanMasked: string) => `Supprimer le RIB ${ibanMasked}`,
  supprimerRib2: (ibanMasked: string) => `Supprimer le RIB ${ibanMasked} ?`,
  cEtaitVotreRib: 'C’était votre RIB par défaut : votre plus ancien autre RIB le devient.',
  cEtaitVotreSeul:
    'C’était votre seul RIB : vos subventions accordées attendront que vous en ajoutiez un pour être versées.',
  subventionsDejaCoursVersement:
    'Les subventions déjà en cours de versement arrivent sur le compte choisi à ce moment-là.',
  ribDisparaitVotreEspace: (holder: string, value: string) =>
    `Le RIB ${of(holder)} disparaît de votre espace. ${value} Pour le retrouver, il faudra le saisir à nouveau.`,
  supprimerCeRib: 'Supprimer ce RIB',
  ribSupprime: 'RIB supprimé.',
  ajouterRib: 'Ajouter un RIB',
  titulaireCompte: 'Titulaire du compte',
  n27CaracteresPourCompte:
    '27 caractères pour un compte en France, par exemple FR76 3000 6000 0112 3456 7890 189.',
  n8Ou11Caracteres: '8 ou 11 caractères, sur votre RIB.',
  ajouterRib2: 'Ajouter le RIB',
} as const;

/** features/member/entitlements.tsx */
export const entitlements = {
  plafondUtiliseSur: (used: string, ceiling: string) => `Plafond utilisé : ${used} sur ${ceiling}`,
  reste: (value: string) => `Reste : ${value}`,
  chargementVosDroits: 'Chargement de vos droits…',
  tauxSubvention: 'Taux de subvention',
  vosTauxVotrePlafond: 'Vos taux et votre plafond',
  vosTaux: 'Vos taux',
  apparaitrontIciFoisVotre: (value: string, year: number, year2: number) =>
    `${value} ${year} apparaîtront ici une fois votre Fiche Agent ${year2} validée.`,
  remplirMaFicheAgent: 'Remplir ma Fiche Agent',
  tauxSubvention2: (year: number) => `Taux de subvention ${year}`,
  partsCaes: 'Parts CAES',
  quotientFamilial: 'Quotient familial',
  plafond: (year: number) => `Plafond ${year}`,
  aucunPlafondAnnuelNe: 'Aucun plafond annuel ne s’applique à votre foyer.',
  utiliseSurReste: (used: string, ceiling: string, value: string) =>
    `Utilisé : ${used} sur ${ceiling} — reste ${value}`,
  mesSubventions: (year: number) => `Mes subventions ${year}`,
  aucuneSubventionPourInstant: (year: number) =>
    `Aucune subvention en ${year} pour l’instant : vos séjours et demandes accordées apparaîtront ici.`,
  comptesDansPlafond: ' comptés dans le plafond',
} as const;

/** features/member/member-home-page.tsx */
export const memberHomePage = {
  maFamille: 'Ma famille',
  aucunAyantDroitDeclare: 'Aucun ayant droit déclaré.',
  naissance: (value: string, firstName: string, lastName: string, birthDate: string) =>
    `${value} : ${firstName} ${lastName}, naissance le ${birthDate}`,
  courriel: (email: string) => `Courriel : ${email}`,
  faire: 'À faire',
  rienFairePourInstant: 'Rien à faire pour l’instant : tout est à jour.',
  cours: 'En cours',
  mesDossiers: 'Mes dossiers',
  etapes: (title: string) => `Étapes : ${title}`,
  venir: ' (à venir)',
  messagesComite: 'Messages du comité',
  aucunMessagePourInstant: 'Aucun message pour l’instant.',
  chargementVotreEspace: 'Chargement de votre espace…',
  votreIdentifiantCaes: 'Votre identifiant CAES :',
  vousEtesConnecteAvec: 'Vous êtes connecté avec un compte du personnel du comité.',
  raccourcis: 'Raccourcis',
  mesDemandesInscription: 'Mes demandes d’inscription',
  mesDossiersFactures: 'Mes dossiers factures',
  mesDossiersSubventions: 'Mes dossiers subventions',
  solidariteAideOuPret: 'Solidarité : aide ou prêt',
  mesCoordonnees: 'Mes coordonnées',
  gererMesRib: 'Gérer mes RIB',
  infosPartenariat: 'Infos partenariat',
  maCarteAdherentPdf: 'Ma carte adhérent (PDF à imprimer)',
  formulairesPreRemplisImprimer: 'Formulaires pré-remplis à imprimer :',
  subventionAdministrative: 'subvention administrative',
  attestationNonSubventionEmployeur: 'attestation de non-subvention (employeur du conjoint)',
  calculerTauxSubvention: 'Calculer un taux de subvention',
  changerMonMotPasse: 'Changer mon mot de passe',
  securiteCompteSecondFacteur: 'Sécurité du compte (second facteur)',
  quiConsulteMonDossier: 'Qui a consulté mon dossier',
  mesDonneesTelechargerFermer: 'Mes données (télécharger, fermer mon compte)',
  gestionDemandesInscription: 'Gestion : demandes d’inscription',
  bonjour: (value: string) => `Bonjour ${value}`,
} as const;

/** features/member/partner-offers-page.tsx */
export const partnerOffersPage = {
  infosPartenariat: 'Infos partenariat',
  aucuneOffrePartenairePour: 'Aucune offre partenaire pour l’instant.',
  code: 'Code :',
  site: (partner: string) => `Site ${of(partner)}`,
} as const;

/** features/member/pack-changes.tsx */
export const packChanges = {
  titre: (label: string) => `Ce qui change pour vous avec le ${label}`,
  aide: (year: number, on: string) =>
    `Calculé avec le foyer et les revenus de votre Fiche Agent ${year}, au ${on}. Votre prochaine Fiche peut changer ces chiffres.`,
  tableau: 'Vos chiffres avec l’ancien et le nouveau barème',
  chiffre: 'Chiffre',
  parts: 'Parts',
  quotient: 'Quotient familial',
  plafond: 'Plafond annuel',
  aucun: 'aucun',
  detail: (label: string) => `Le détail du calcul avec le ${label}`,
  lireBareme: (label: string) => `Lire le ${label}`,
} as const;
