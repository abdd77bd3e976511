import { count, of } from './french.ts';

/** features/staff/staff-nav.tsx */
export const staffNav = {
  gestion: 'Gestion',
  accueil: 'Accueil',
  tableauxBord: 'Tableaux de bord',
  demandesInscription: 'Demandes d’inscription',
  fichesAgentValider: 'Fiches Agent à valider',
  adherents: 'Adhérents',
  activites: 'Activités',
  selection: 'Sélection',
  reglements: 'Règlements',
  subventionsPosteriori: 'Subventions a posteriori',
  solidarite: 'Solidarité',
  offresPartenaires: 'Offres partenaires',
  baremes: 'Barèmes',
  comptesPersonnel: 'Comptes du personnel',
  identiteComite: 'Identité du comité',
  courrielsNonDistribues: 'Courriels non distribués',
  journalActions: 'Journal des actions',
} as const;

/** features/staff/audit-log-page.tsx */
export const auditLogPage = {
  titre: 'Journal des actions',
  explication:
    'Les actions du personnel et des tâches automatiques, les plus récentes d’abord : décisions, règlements, virements, consultations de dossiers, barèmes publiés. Le journal ne se modifie pas.',
  chercher: 'Chercher dans le journal',
  aucune: 'Aucune action ne correspond à cette recherche.',
  quand: 'Quand',
  qui: 'Qui',
  quiAide: 'Tout ou partie de l’identifiant du personnel, par exemple « GEST ».',
  action: 'Action',
  toutes: 'Toutes les actions',
  concerne: 'Personne concernée',
  concerneAide: 'Tout ou partie de son identifiant CAES, par exemple « IN-000123 ».',
  personne: '—',
  detail: 'Détail',
  du: 'Du',
  au: 'Au',
  systeme: 'système (tâche automatique)',
  affichees: (n: number, more: boolean) =>
    `${count(n, 'action affichée', 'actions affichées')}${more ? ', il y en a d’autres plus anciennes' : ''}.`,
  plusAnciennes: 'Afficher les actions plus anciennes',
} as const;

/** features/staff/failed-mails-page.tsx */
export const failedMailsPage = {
  titre: 'Courriels non distribués',
  explication:
    'Les courriels que le serveur de messagerie a refusés à chaque tentative (neuf, de plus en plus espacées, sur deux à quatre heures). Corrigez la cause (adresse du serveur, adresse du destinataire), puis renvoyez-les.',
  aucun: 'Aucun courriel en échec : tous sont partis.',
  destinataire: (to: string) => `Destinataire : ${to}`,
  tentatives: (attempts: number, created: string, failed: string) =>
    `${count(attempts, 'tentative')} depuis le ${created}, abandonné le ${failed}.`,
  erreurServeur: (error: string) => `Réponse du serveur : ${error}`,
  renvoyer: (subject: string) => `Renvoyer « ${subject} »`,
  renvoye: (subject: string, to: string) => `« ${subject} » est renvoyé à ${to}.`,
} as const;

/** features/staff/committee-identity-page.tsx */
export const committeeIdentityPage = {
  logoEnregistreIlParait: 'Logo enregistré : il paraît en haut des pages et des documents.',
  logo: 'Logo',
  logoActuelComite: 'Logo actuel du comité',
  aucunLogoDocumentsPortent:
    'Aucun logo : les documents portent les initiales du comité dans sa couleur.',
  nouveauLogoImageJpeg: 'Nouveau logo (image JPEG, PNG ou WebP)',
  ilReduit480160: 'Il est réduit à 480 × 160 pixels au plus ; un fond transparent convient.',
  retirerLogo: 'Retirer le logo',
  retirerLogoComite: 'Retirer le logo du comité ?',
  pagesDocumentsProduitsEnsuite:
    'Les pages et les documents produits ensuite n’auront plus de logo ; ceux déjà envoyés le gardent. Vous pourrez en déposer un autre.',
  logoRetire: 'Logo retiré.',
  identiteComiteEnregistree: 'Identité du comité enregistrée.',
  identiteComite: 'Identité du comité',
  nomAdresseCouleur: 'Nom, adresse et couleur',
  nomComite: 'Nom du comité',
  teteDocumentsPiedPage:
    'En tête des documents et en pied de page, par exemple « CAES de l’Inserm ».',
  nomCourt: 'Nom court',
  dansBandeauPagesSur:
    'Dans le bandeau des pages et sur la carte adhérent, par exemple « CAES Inserm ».',
  adressePostale: 'Adresse postale',
  sousNomSurChaque: 'Sous le nom, sur chaque document.',
  couleurComite: 'Couleur du comité',
  formatRrvvbbParExemple:
    'Au format #RRVVBB, par exemple #1d4e89 ; assez foncée pour qu’un texte blanc s’y lise.',
  apercuEspaceAdherent: (shortName: string) => `Aperçu : ${shortName} — Espace Adhérent`,
  enregistrerIdentite: 'Enregistrer l’identité',
} as const;

/** features/staff/staff-accounts-page.tsx */
export const staffAccountsPage = {
  reinitialiserSecondFacteur: (identifier: string) =>
    `Réinitialiser le second facteur de ${identifier}`,
  reinitialiser: (identifier: string) => `Réinitialiser ${identifier}`,
  perdraSonApplicationAuthentification: (name: string) =>
    `${name} perdra son application d’authentification, ses clés d’accès et ses codes de secours ; ses sessions seront fermées et il ou elle devra en activer un nouveau à la prochaine connexion. Un courriel l’en informera et le journal gardera votre nom et le motif.`,
  motif: 'Motif',
  parExempleTelephonePerdu: 'Par exemple « téléphone perdu, vérifié par appel le 2 décembre »',
  confirmerReinitialisation: 'Confirmer la réinitialisation',
  secondFacteurActif: 'second facteur actif',
  aucunSecondFacteur: 'aucun second facteur',
  secondFacteurReinitialise: (identifier: string) =>
    `Le second facteur de ${identifier} est réinitialisé.`,
  comptesPersonnel: 'Comptes du personnel',
} as const;

/** features/staff/session-cancellation.tsx */
export const sessionCancellation = {
  calculCeAnnulationChangerait: 'Calcul de ce que l’annulation changerait…',
  dejaVersesSerontRembourses: (refund: string) => `, ${refund} déjà versés seront remboursés`,
  placeConfirmeeAnnuleePlaces: (placesCancelled: number, value: string) =>
    `${count(placesCancelled, 'place confirmée annulée', 'places confirmées annulées')} sans frais : chaque facture est annulée par un avoir${value}.`,
  demandeListeAttenteAnnulee: (waitingCancelled: number) =>
    `${count(waitingCancelled, 'demande en liste d’attente annulée', 'demandes en liste d’attente annulées')}.`,
  demandeSansAutreChoix: (requestsCancelled: number) =>
    `${count(requestsCancelled, 'demande sans autre choix annulée', 'demandes sans autre choix annulées')}.`,
  demandeGardeDemandesGardent: (choicesRemoved: number) =>
    `${count(choicesRemoved, 'demande garde', 'demandes gardent')} ses autres choix pour la sélection.`,
  aucuneDemandeEteFaite: 'Aucune demande n’a été faite pour cette session.',
  chaqueFamilleRecoitCourriel:
    'Chaque famille reçoit un courriel avec le motif. La session quitte le catalogue ; l’annulation ne peut pas être défaite.',
  annulerSession: (label: string) => `Annuler la session « ${label} »`,
  annulerSession2: (label: string) => `Annuler la session « ${label} » ?`,
  motifAnnulationReprisDans: 'Motif de l’annulation (repris dans le courriel aux familles)',
  prestataireAnnuleSejourFaute: 'le prestataire a annulé le séjour faute de participants',
  annulerSessionPrevenirFamilles: 'Annuler la session et prévenir les familles',
} as const;

/** features/staff/activity-photo.tsx */
export const activityPhoto = {
  decrivezPhotoPhrasePar:
    'Décrivez la photo en une phrase, par exemple « Des enfants en canoë sur le lac ».',
  photoEnregistree: (title: string) => `La photo de « ${title} » est enregistrée.`,
  photo: (title: string) => `Photo de « ${title} »`,
  nouvellePhotoPasEncore: (title: string) =>
    `Nouvelle photo de « ${title} », pas encore enregistrée`,
  changerPhoto: 'Changer la photo',
  ajouterPhoto: 'Ajouter une photo',
  jpegPngOuWebp: (value: string, title: string) => `${value} de « ${title} » (JPEG, PNG ou WebP)`,
  elleReduite1200:
    'Elle est réduite à 1 200 × 800 pixels au plus ; le lieu et l’appareil enregistrés dans le fichier sont retirés.',
  descriptionPhoto: (title: string) => `Description de la photo de « ${title} »`,
  ceMontrePhotoPour:
    'Ce que montre la photo, pour les personnes qui ne la voient pas, par exemple « Des enfants en canoë sur le lac ».',
  enregistrerPhoto: 'Enregistrer la photo',
  retirerPhoto: (title: string) => `Retirer la photo de « ${title} »`,
  retirerPhoto2: (title: string) => `Retirer la photo de « ${title} » ?`,
  catalogueMontreraActiviteSans: 'Le catalogue montrera l’activité sans photo.',
  retirerPhoto3: 'Retirer la photo',
  photoRetiree: (title: string) => `La photo de « ${title} » est retirée.`,
} as const;

/** features/staff/activities-editor-page.tsx */
export const activitiesEditorPage = {
  nouvelleActivite: 'Nouvelle activité',
  titre: 'Titre',
  secteur: 'Secteur',
  type: 'Type',
  plafondBaseSubventionnable: 'Plafond de la base subventionnable',
  aucun: 'Aucun',
  description: 'Description',
  prestataire: 'Prestataire',
  courrielPrestataire: 'Courriel du prestataire',
  sejourSkiCaseAide: 'Séjour de ski (case « aide au ski » proposée)',
  voyageScolaireParEnfant: 'Voyage scolaire (un par enfant et par année scolaire)',
  etrangerFraisDossierNe:
    'À l’étranger (les frais de dossier ne concernent que les voyages en France)',
  creerActiviteNonPubliee: 'Créer l’activité (non publiée)',
  semaine: 'la semaine',
  nuit: 'la nuit',
  hebergement: (prefix: string, value: number) => `${prefix}hébergement ${value}`,
  ajouterTypeHebergement: 'Ajouter un type d’hébergement',
  retirerHebergement: (value: number) => `Retirer l’hébergement ${value}`,
  typeHebergement: (value: number) => `Type de l’hébergement ${value}`,
  parExempleChalet6: 'Par exemple « Chalet 6 personnes ».',
  capaciteHebergementPersonnes: (value: number) => `Capacité de l’hébergement ${value} (personnes)`,
  nombreHebergementsDisponibles: (value: number) => `Nombre d’hébergements ${value} disponibles`,
  prixBaseTdHebergement: (value: number) => `Prix base TD de l’hébergement ${value} (€)`,
  prixHebergementPour: (value: number) => `Prix de l’hébergement ${value} pour`,
  tarifExterieurHebergement: (value: number) => `Tarif extérieur de l’hébergement ${value} (€)`,
  ilDifferePrixBase: 'S’il diffère du prix base TD. Laissez vide sinon.',
  ajouterSession: (title: string) => `Ajouter une session à « ${title} »`,
  demandesDejaFaitesGardent:
    'Les demandes déjà faites gardent le prix de leur devis et les factures émises ne changent pas ; les places déjà données restent attribuées.',
  nomSession: (prefix: string) => `${prefix}nom de la session`,
  premierJour: (prefix: string) => `${prefix}premier jour`,
  dernierJour: (prefix: string) => `${prefix}dernier jour`,
  ageMinimum: (prefix: string) => `${prefix}âge minimum`,
  ageMaximum: (prefix: string) => `${prefix}âge maximum`,
  placesPreReservees: (prefix: string) => `${prefix}places pré-réservées`,
  prixAvantSubvention: (prefix: string) => `${prefix}prix avant subvention (€)`,
  villeDepartTransport: (prefix: string) => `${prefix}ville de départ du transport`,
  prixTransport: (prefix: string) => `${prefix}prix du transport (€)`,
  tarifExterieurParPersonne: (prefix: string) => `${prefix}tarif extérieur par personne (€)`,
  pourNonAyantsDroit: 'Pour les non ayants droit, s’il diffère du prix. Laissez vide sinon.',
  clotureInscriptions: (prefix: string) => `${prefix}clôture des inscriptions`,
  reponseFamilles15Jours: 'Réponse aux familles 15 jours après (3 semaines pour l’été).',
  enregistrerChangements: 'Enregistrer les changements',
  ajouterSession2: 'Ajouter la session',
  hebergementsAttribues: (value: string) => `hébergements attribués (${value})`,
  placesAttribuees: 'places attribuées',
  selectionFaite: ' (sélection faite)',
  clotureParticipants: (
    firstDay: string,
    lastDay: string,
    value: number,
    places: number,
    value2: string,
    price: string,
    closesOn: string,
    value3: string,
    value4: string,
  ) =>
    `: du ${firstDay} au ${lastDay}, ${value}/${places} ${value2}, ${price}, clôture le ${closesOn}${value3}${value4} — participants :`,
  csv: 'CSV',
  pdf: 'PDF',
  retiree: 'retirée du',
  publiee: 'publiée au',
  catalogue: (title: string, value: string) => `« ${title} » est ${value} catalogue.`,
  placeAnnuleePlacesAnnulees: (placesCancelled: number, refund: string) =>
    ` : ${count(placesCancelled, 'place annulée', 'places annulées')} sans frais, ${refund} à rembourser`,
  sessionAnnuleeFamillesPrevenues: (label: string, value: string) =>
    `La session « ${label} » est annulée et les familles prévenues${value}.`,
  catalogueActivites: 'Catalogue des activités',
  creeeAjoutezSesSessions: (title: string) =>
    `« ${title} » est créée ; ajoutez ses sessions puis publiez-la.`,
  activites: 'Activités',
  publiee2: 'publiée',
  nonPubliee: 'non publiée',
  retirerCatalogue: (title: string) => `Retirer « ${title} » du catalogue`,
  voirPagePublique: 'Voir la page publique',
  modifier: (label: string) => `Modifier « ${label} »`,
  motif: (cancellationReason: string) => ` — motif : ${cancellationReason}`,
  publier: (title: string) => `Publier « ${title} »`,
} as const;

/** features/staff/dashboard-page.tsx */
export const dashboardPage = {
  fevr: 'févr.',
  aout: 'août',
  dec: 'déc.',
  budgetSecteur: (year: number, name: string) => `Budget ${year} du secteur ${name} (€)`,
  parExemple120000: 'Par exemple 120 000.',
  fixerBudget: 'Fixer le budget',
  budget: (year: number) => `Budget ${year}`,
  subventionsEngageesAucunBudget: (committed: string, year: number) =>
    `Subventions engagées : ${committed}. Aucun budget fixé pour ${year}.`,
  subventionsEngageesSurBudget: (committed: string, budget: string, value: string) =>
    `Subventions engagées : ${committed} sur un budget de ${budget} (${value}).`,
  budgetEngageSur: (name: string, committed: string, budget: string) =>
    `Budget ${name} engagé : ${committed} sur ${budget}`,
  remplissageSessions: 'Remplissage des sessions',
  aucuneSession: (year: number) => `Aucune session en ${year}.`,
  placesDemandesPlacesAttribuees: (year: number) =>
    `Places, demandes et places attribuées de chaque session ${year}.`,
  places: 'Places',
  demandes: 'Demandes',
  attribuees: 'Attribuées',
  chiffresSessions: (name: string) => `Les chiffres des sessions (${name})`,
  sessions: (name: string, year: number) => `Sessions ${name} ${year}`,
  session: 'Session',
  remplissage: 'Remplissage',
  subventionsPosteriori: 'Subventions a posteriori',
  montantsVersesChaqueMois: (year: number) => `Montants versés chaque mois de ${year}, en euros.`,
  verse: 'Versé (€)',
  chiffresParMois: (name: string) => `Les chiffres par mois (${name})`,
  subventionsPosteriori2: (name: string, year: number) =>
    `Subventions a posteriori ${name} ${year}`,
  mois: 'Mois',
  demandesRecues: 'Demandes reçues',
  verse2: 'Versé',
  tableauxBord: 'Tableaux de bord',
  annee: 'Année',
  exporterTousChiffresCsv: (shown: number) => `Exporter tous les chiffres ${shown} (CSV)`,
  sessions2: (name: string, year: number) => `Sessions ${name} ${year}`,
} as const;

/** features/staff/selection-page.tsx */
export const selectionPage = {
  applicationAutomatique: 'Application automatique',
  sansActionVotrePart:
    'Sans action de votre part, cette sélection est appliquée automatiquement le',
  famillesPrevenuesReponsesSont: (latestOn: string) =>
    `et les familles prévenues. Les réponses sont promises au plus tard le ${latestOn}.`,
  reporterApplicationAutomatique: 'Reporter l’application automatique au',
  plusTard: (latestOn: string) => `Au plus tard le ${latestOn}.`,
  reporter: 'Reporter',
  place: 'Place',
  listeAttente: 'Liste d’attente',
  refus: 'Refus',
  selectionCloture: 'Sélection à la clôture',
  sessionsDontCloturePassee:
    'Les sessions dont la clôture est passée sont attribuées ensemble : d’abord les enfants jamais partis avec le secteur, puis le quotient familial le plus bas, puis la demande complète la plus ancienne ; chaque demande essaie ses choix dans l’ordre. Elle est appliquée automatiquement le troisième jour après la clôture (vous pouvez la reporter), ou ici dès que vous avez lu l’aperçu.',
  secteur: 'Secteur',
  selectionAppliqueePlaceAttribuee: (applied: number, applied2: number, applied3: number) =>
    `Sélection appliquée : ${count(applied, 'place attribuée', 'places attribuées')}, ${applied2} en attente, ${count(applied3, 'refus')}. Les familles sont prévenues par courriel ; les listes des prestataires sont dans le catalogue.`,
  aucuneSessionClotureeAttend: 'Aucune session clôturée n’attend de sélection dans ce secteur.',
  sessionsCloturees: 'Sessions clôturées',
  placeListeAttenteCloture: (
    label: string,
    places: number,
    waitingPlaces: number,
    closesOn: string,
  ) =>
    `${label} : ${count(places, 'place')}, liste d’attente de ${waitingPlaces}, clôture le ${closesOn}`,
  apercuDemande: (decisions: number) => `Aperçu (${count(decisions, 'demande')})`,
  decisionCounted: (n: number) => count(n, 'décision'),
  nomNumeroSessionReponse:
    'Un nom, un numéro de demande, une session ou une réponse, par exemple « Moreau », « 1024 » ou « Liste d’attente ».',
  decisionsDansOrdrePriorite: 'Décisions, dans l’ordre de priorité',
  rang: 'Rang',
  demande: 'Demande',
  participant: 'Participant',
  reponse: 'Réponse',
  pourquoi: 'Pourquoi',
  n: (number: number, member: string) => `n° ${number} (${member})`,
  aucuneDemandePourCes: 'Aucune demande pour ces sessions : il n’y a rien à appliquer.',
  appliquerSelectionPrevenirFamilles: 'Appliquer la sélection et prévenir les familles',
  appliquerSelection: 'Appliquer la sélection ?',
  placeAttribueePlacesAttribuees: (preview: number, preview2: number, preview3: number) =>
    `${count(preview, 'place attribuée', 'places attribuées')}, ${count(preview2, 'demande', 'demandes')} en liste d’attente, ${count(preview3, 'refus')} : chaque famille reçoit un courriel et les places attribuées sont facturées. Cela ne s’annule pas.`,
  appliquerPrevenirFamilles: 'Appliquer et prévenir les familles',
  position: (waitingPosition: number) => ` (position ${waitingPosition})`,
} as const;

/** features/staff/document-links.tsx */
export const documentLinks = {
  aucun: 'Aucun.',
} as const;

/** features/staff/member-search-page.tsx */
export const memberSearchPage = {
  envoyee: 'envoyée',
  validee: 'validée',
  refusee: 'refusée',
  dossier: (firstName: string, lastName: string, identifier: string) =>
    `Dossier ${of(firstName)} ${lastName} (${identifier})`,
  courriel: (email: string) => `Courriel : ${email}`,
  ayantsDroit: 'Ayants droit',
  aucun: 'Aucun.',
  naissance: (firstName: string, lastName: string, relation: string, birthDate: string) =>
    `${firstName} ${lastName} (${relation}), naissance le ${birthDate}`,
  fichesAgentVersions: 'Fiches Agent et versions',
  aucune: 'Aucune.',
  ficheVersion: (year: number, version: number, value: string, value2: string) =>
    `Fiche ${year}, version ${version} : ${value}${value2}`,
  documents: 'Documents',
  rib: 'RIB',
  parDefaut: ' (par défaut)',
  journal: 'Journal',
  journalComplet: (identifier: string) =>
    `Toutes les actions sur ${identifier}, dans le journal des actions`,
  systeme: 'système',
  adherents: 'Adhérents',
  nomIdentifiantCaesOu: 'Nom, identifiant CAES ou matricule',
  rechercher: 'Rechercher',
  aucunAdherentTrouve: 'Aucun adhérent trouvé.',
  resultats: 'Résultats',
  matricule: (matricule: string) => ` — matricule ${matricule}`,
} as const;

/** features/staff/partner-offers-editor-page.tsx */
export const partnerOffersEditorPage = {
  offreModifiee: 'Offre modifiée.',
  offreAjoutee: 'Offre ajoutée.',
  offreSupprimee: (partner: string) => `Offre ${of(partner)} supprimée.`,
  offresPartenaires: 'Offres partenaires',
  modifierOffre: (partner: string) => `Modifier l’offre ${of(partner)}`,
  supprimerOffre: (partner: string) => `Supprimer l’offre ${of(partner)}`,
  supprimerOffreTitre: (partner: string) => `Supprimer l’offre ${of(partner)} ?`,
  supprimerOffreEffet:
    'Les adhérents ne la verront plus dans Infos partenariat. Elle ne peut pas être rétablie : il faudrait la saisir à nouveau.',
  supprimerOffreConfirmer: 'Supprimer l’offre',
  modifierOffre2: 'Modifier l’offre',
  ajouterOffre: 'Ajouter une offre',
  partenaire: 'Partenaire',
  secteur: 'Secteur',
  offre: 'Offre',
  codePromotionnelFacultatif: 'Code promotionnel (facultatif)',
  siteWebFacultatif: 'Site web (facultatif)',
  enregistrerOffre: 'Enregistrer l’offre',
  ajouterOffre2: 'Ajouter l’offre',
  code: (code: string) => ` — code ${code}`,
} as const;

/** features/staff/packs-page.tsx */
export const packsPage = {
  baremes: 'Barèmes',
  activitesCommencant: 'activités commençant',
  demandesEnvoyees: 'demandes envoyées',
  baremeIncompletCalculsQui:
    ' — barème incomplet : les calculs qui demandent un paramètre absent sont refusés en le nommant.',
  revenu: (
    id: string,
    value: string,
    from: string,
    to: string,
    description: string,
    value2: string,
  ) => `${id} — ${value} du ${from} au ${to} — revenu : ${description}${value2}`,
  quotientFamilialOuTaux: 'Quotient familial où le taux atteint ses bornes',
  seuil: 'Seuil',
  selonFormule: 'Selon la formule',
  annonce: 'Annoncé',
  tauxMaximumJusqu: 'Taux maximum jusqu’à',
  tauxMinimumPartir: 'Taux minimum à partir de',
  tousParametres: (id: string) => `Tous les paramètres de ${id}`,
} as const;

/** features/staff/record-validation-page.tsx */
export const recordValidationPage = {
  ficheCounted: (n: number) => count(n, 'fiche'),
  aucunChangement: 'aucun',
  premiereFicheCetAgent: 'Première Fiche de cet agent : rien de validé avant elle à comparer.',
  ficheValideeVersion: (year: number, version: number) =>
    `la Fiche ${year} validée (version ${version})`,
  rienChangeDepuis: (since: string) => `Rien n’a changé depuis ${since}.`,
  changements: 'Changements',
  changementsDepuis: (since: string) => `Changements depuis ${since}`,
  element: 'Élément',
  avant: 'Avant',
  maintenant: 'Maintenant',
  ficheValideePartsQf: (
    year: number,
    firstName: string,
    lastName: string,
    parts: string,
    value: string,
  ) => `Fiche ${year} ${of(firstName)} ${lastName} validée : ${parts} parts, QF ${value}.`,
  ficheRefusee: (year: number, firstName: string, lastName: string) =>
    `Fiche ${year} ${of(firstName)} ${lastName} refusée.`,
  erreur: 'La décision n’a pas pu être enregistrée : réessayez dans un instant.',
  ficheVersion: (
    firstName: string,
    lastName: string,
    identifier: string,
    year: number,
    version: number,
  ) => `${firstName} ${lastName} (${identifier}) — Fiche ${year}, version ${version}`,
  ceQuiChange: 'Ce qui a changé',
  ficheEnvoyee: 'La Fiche envoyée',
  nonRenseigne: 'non renseigné',
  couple: ' — en couple',
  sansConjoint: ' — sans conjoint',
  agentHandicape: ' — agent handicapé',
  situationFamilialeChangee: (situationChangedOn: string) =>
    ` — situation familiale changée le ${situationChangedOn}`,
  revenuFiscalReference: (value: string, value2: string, value3: string, value4: string) =>
    `Revenu fiscal de référence : ${value}${value2}${value3}${value4}`,
  gardePartagee: ', garde partagée',
  chargeFiscaleAutreParent: ', à la charge fiscale de l’autre parent',
  naissance: (
    relation: string,
    firstName: string,
    lastName: string,
    birthDate: string,
    value: string,
    value2: string,
    value3: string,
  ) =>
    `${relation} : ${firstName} ${lastName}, naissance le ${birthDate}${value}${value2}${value3}`,
  justificatifs: 'Justificatifs',
  versions: (value: string) => `Versions : ${value}`,
  validerFiche: 'Valider la fiche',
  validerFiche2: (year: number, value: string) => `Valider la Fiche ${year} ${of(value)} ?`,
  chiffresValidation: (parts: string, quotient: string, ceiling: string) =>
    `Le barème lui donnera ${parts} parts, un quotient familial de ${quotient} et ${ceiling}.`,
  plafondDe: (ceiling: string) => `un plafond annuel de ${ceiling}`,
  sansPlafond: 'aucun plafond annuel',
  sesPartsSonQuotient: (year: number, firstName: string) =>
    `Ses parts, son quotient familial, ses taux et son plafond ${year} s’appliquent aussitôt à ses demandes et devis ; ${firstName} reçoit un courriel. Une modification ultérieure passera par une nouvelle version.`,
  refuser: 'Refuser',
  refuserFiche: (year: number, value: string) => `Refuser la Fiche ${year} ${of(value)} ?`,
  recoitCourrielQuiCite: (firstName: string) =>
    `${firstName} reçoit un courriel qui cite le motif, puis corrige sa fiche et l’envoie à nouveau.`,
  refuserFiche2: 'Refuser la fiche',
  premiereFiche: 'première fiche',
  changement: (changes: number) => count(changes, 'changement'),
  ficheValideeFichesValidees: (done: number) =>
    `${count(done, 'fiche validée', 'fiches validées')}.`,
  validationGroupee: 'Validation groupée',
  cochezFichesConcordantesPar:
    'Cochez les fiches concordantes (par exemple celles où rien n’a changé) pour les valider ensemble.',
  ficheCocheeFichesCochees: (ticked: number) =>
    `${count(ticked, 'fiche cochée', 'fiches cochées')}.`,
  validerFichesCochees: (ticked: number) => `Valider les fiches cochées (${ticked})`,
  ficheFiches: (ticked: number) => count(ticked, 'fiche', 'fiches'),
  fiche: (firstName: string, lastName: string, year: number, changes: string) =>
    `${firstName} ${lastName} — Fiche ${year} : ${changes}`,
  partsQuotientsTauxPlafonds:
    'Les parts, quotients, taux et plafonds s’appliquent aussitôt ; chaque agent reçoit un courriel. Une fiche décidée entre-temps par un collègue est laissée.',
  validerCesFiches: 'Valider ces fiches',
  valider: 'À valider',
  validees: 'Validées',
  refusees: 'Refusées',
  brouillons: 'Brouillons',
  fichesAgentValider: 'Fiches Agent à valider',
  filtres: 'Filtres',
  statut: 'Statut',
  annee: 'Année',
  toutes: 'Toutes',
  secteurDemandesCours: 'Secteur des demandes en cours',
  tous: 'Tous',
  aucuneFicheAvecCes: 'Aucune fiche avec ces critères.',
  fichesPlusAnciennesAbord: 'Fiches, les plus anciennes d’abord',
  nomIdentifiantOuAnnee:
    'Un nom, un identifiant ou une année, par exemple « Martin » ou « IN-000512 ».',
  cocherFiche: (firstName: string, lastName: string) =>
    `Cocher la Fiche ${of(firstName)} ${lastName}`,
  agent: 'Agent',
  fiche2: 'Fiche',
  envoyee: 'Envoyée le',
  handicapJustificatif: (value: string) => `, handicap (justificatif : ${value})`,
  valider2: (ticked: string) => `Valider ${ticked} ?`,
  avisImpot: 'Avis d’impôt',
  avisImpotLus: 'Avis d’impôt lus',
  declarants: (reference: string) => `Avis n° ${reference} — déclarants :`,
  numeroFiscal: (name: string, taxNumber: string) => `${name}, numéro fiscal ${taxNumber}`,
  sansNumeroFiscal: (name: string) => `${name}, numéro fiscal non lu`,
  tousAvis: 'Tous',
} as const;

/** features/staff/staff-home-page.tsx */
export const staffHomePage = {
  rienAttendDansVos: 'Rien n’attend dans vos files : tout est à jour.',
  ceQuiVousAttend: 'Ce qui vous attend, file par file ; chaque carte mène à sa file.',
  vosFiles: 'Vos files',
  accueilGestion: 'Accueil de la gestion',
} as const;

/** features/staff/sign-up-queue-page.tsx */
export const signUpQueuePage = {
  demandeCounted: (n: number) => count(n, 'demande'),
  refusalEffect:
    'La demande est close et la personne reçoit un courriel qui cite le motif ci-dessous. Pour revenir sur un refus, elle devra refaire une demande.',
  demandeRefuseeDemandesRefusees: (done: number) =>
    `${count(done, 'demande refusée', 'demandes refusées')}.`,
  refusGroupe: 'Refus groupé',
  cochezDemandesRefuserPour:
    'Cochez les demandes à refuser pour un même motif (des doublons, par exemple).',
  demandeCocheeDemandesCochees: (ticked: number) =>
    `${count(ticked, 'demande cochée', 'demandes cochées')}.`,
  refuserDemandesCochees: (ticked: number) => `Refuser les demandes cochées (${ticked})`,
  demandeDemandes: (ticked: number) => count(ticked, 'demande', 'demandes'),
  demandeDecideeEntreTemps: 'Une demande décidée entre-temps par un collègue est laissée.',
  motifRefusReprisDans: 'Motif du refus (repris dans chaque courriel)',
  vousAvezDejaCompte: 'vous avez déjà un compte : utilisez « Identifiant oublié »',
  refuserEnvoyerCourriels: 'Refuser et envoyer les courriels',
  validerInscription: (request: string) => `Valider l’inscription ${of(request)}`,
  validerInscription2: (request: string) => `Valider l’inscription ${of(request)} ?`,
  compteAdherentCreeRecoit: (firstName: string, email: string) =>
    `Un compte adhérent est créé et ${firstName} reçoit par courriel son identifiant et le lien pour choisir son mot de passe, à l’adresse ${email}.`,
  validerEnvoyerCourriel: 'Valider et envoyer le courriel',
  refuserDemande: (request: string) => `Refuser la demande ${of(request)}`,
  refuserDemande2: (request: string) => `Refuser la demande ${of(request)} ?`,
  nousNeTrouvonsPas: 'nous ne trouvons pas votre nom parmi les agents',
  refuserEnvoyerCourriel: 'Refuser et envoyer le courriel',
  inscriptionValideeIdentifiantCourrie: (request: string, identifier: string) =>
    `Inscription ${of(request)} validée : identifiant ${identifier}. Un courriel lui a été envoyé.`,
  demandeRefuseeCourrielLui: (request: string) =>
    `La demande ${of(request)} est refusée. Un courriel lui a été envoyé.`,
  decisionPasPuEtre: 'La décision n’a pas pu être enregistrée.',
  aucuneDemandeAttente: 'Aucune demande en attente.',
  demandesAttentePlusAnciennes: 'Demandes en attente, les plus anciennes d’abord',
  nomAdresseOuMatricule:
    'Un nom, une adresse ou un matricule, par exemple « Martin » ou « 123456 ».',
  cocherDemande: (r: string) => `Cocher la demande ${of(r)}`,
  demandeur: 'Demandeur',
  naissance: (birthDate: string) => `naissance le ${birthDate}`,
  matricule: (matricule: string) => `matricule ${matricule}`,
  doublonProbableVerifiezAvant: (value: string) =>
    `Doublon probable : ${value}. Vérifiez avant de valider.`,
  famille: 'Famille',
  couple: 'en couple',
  sansConjoint: 'sans conjoint',
  enfant: (children: number) => count(children, 'enfant'),
  enfantsDeclaresPar: (r: string) => `Enfants déclarés par ${r}`,
  naissance2: (firstName: string, birthDate: string) => `${firstName}, naissance le ${birthDate}`,
  recue: 'Reçue le',
  decision: 'Décision',
  demandesInscription: 'Demandes d’inscription',
  refuser: (ticked: string) => `Refuser ${ticked} ?`,
} as const;

/** features/staff/packs-page.tsx — the studio's list (admin) */
export const packDrafts = {
  studio: 'Studio des barèmes',
  studioAide:
    'Préparez le barème de l’année suivante : partez d’un barème, changez ses paramètres en notant leur source, voyez son coût sur les foyers du comité, puis publiez-le.',
  partirDe: 'Barème de départ',
  nouveauBrouillon: 'Créer le brouillon de l’année suivante',
  importer: 'Ou importer un fichier de barème (JSON)',
  importerAide: 'Le fichier doit être un barème du même comité, par exemple inserm-2021.json.',
  fichierIllisible:
    'Ce fichier n’est pas un barème lisible : choisissez un fichier JSON exporté du studio ou un barème livré avec Entraide.',
  brouillons: 'Brouillons et barèmes publiés',
  aucunBrouillon: 'Aucun brouillon pour l’instant.',
  ligne: (label: string, basedOn: string, status: string) =>
    `${label} — depuis ${basedOn} — ${status}`,
  brouillon: 'brouillon',
  publie: (id: string) => `publié sous le nom ${id}`,
  ouvrir: (label: string) => `Ouvrir ${label}`,
  supprimer: 'Supprimer',
  supprimerTitre: (label: string) => `Supprimer le brouillon « ${label} » ?`,
  supprimerEffet:
    'Le brouillon, ses paramètres, leurs sources et ses cas de test seront effacés. Les barèmes publiés ne changent pas.',
  supprimerConfirmer: 'Supprimer le brouillon',
} as const;

/** features/staff/pack-studio-page.tsx */
export const packStudio = {
  titre: (label: string) => `Studio : ${label}`,
  brouillonDe: (basedOn: string) => `Brouillon préparé à partir de ${basedOn}.`,
  publie: (id: string) => `Publié sous le nom ${id} : il ne change plus.`,
  retour: 'Retour aux barèmes',
  exporterJson: 'Exporter en JSON',
  verification: 'Vérification',
  aucuneErreur: (cases: number, failing: number) =>
    `Aucune erreur. ${count(cases, 'cas de test', 'cas de test')}, ${failing === 0 ? 'tous réussis' : `${failing} en échec`}.`,
  erreurs: (n: number) =>
    `${count(n, 'erreur')} à corriger avant de publier ou de calculer le coût (chaque champ en faute le dit).`,
  nonEnregistre: 'Des changements ne sont pas enregistrés.',
  faute: (path: string, message: string) => `${path} : ${message}`,
  avertissements: 'Avertissements',
  parametres: 'Paramètres',
  parametresAide:
    'Chaque chiffre s’écrit avec un point ou une virgule (86,2555). Notez sa source : décision du conseil, date, page de la brochure.',
  source: (label: string) => `Source : ${label}`,
  sourceExemple: 'CA du 10 décembre 2021, point 4',
  enregistrer: 'Enregistrer et vérifier',
  cas: 'Cas de test',
  casAide:
    'Des foyers dont la source donne les chiffres : ils sont recalculés à chaque enregistrement, et un cas en échec empêche de publier.',
  casOk: 'Réussi :',
  casEchec: 'En échec :',
  casLigne: (name: string, source: string) => `${name} (source : ${source})`,
  retirerCas: (name: string) => `Retirer le cas « ${name} »`,
  publier: 'Publier',
  publierAide:
    'Publier donne au barème son nom et sa période. Il ne change plus ensuite : l’année suivante sera un nouveau brouillon.',
  nomBareme: 'Nom du barème',
  nomBaremeAide: 'En minuscules, chiffres et tirets, par exemple inserm-2022.',
  du: 'Applicable du',
  au: 'Au',
  publierTitre: (id: string) => `Publier le barème ${id} ?`,
  publierEffet: (id: string, from: string, to: string) =>
    `Le barème ${id} s’appliquera du ${from} au ${to}. Il ne pourra plus être modifié ni supprimé ; chaque adhérent verra ce qui change pour lui et en sera prévenu une fois par courriel.`,
  publierConfirmer: 'Publier définitivement',
  casBloquent: (n: number) =>
    `${count(n, 'cas de test échoue', 'cas de test échouent')} : corrigez le barème ou retirez le cas pour publier.`,
  enregistrezAvant: 'Enregistrez d’abord vos changements.',
} as const;

/** features/staff/pack-case-form.tsx */
export const packCaseForm = {
  nouveauCas: 'Nouveau cas de test',
  nom: 'Nom du cas',
  nomAide: 'Par exemple : la famille du guide, page 4.',
  sourceCas: 'Source des chiffres',
  sourceAide: 'Par exemple : brochure 2022, page 4.',
  jour: 'Jour du calcul (âge des enfants)',
  revenu: 'Revenu fiscal de référence (€)',
  couple: 'En couple',
  enfants: 'Dates de naissance des enfants',
  enfantsAide: 'Séparées par des virgules, par exemple 04/03/2012, 21/09/2015.',
  partsAttendues: 'Parts attendues',
  tauxAttendu: (grid: string) => `Taux ${grid} attendu (%)`,
  ajouter: 'Ajouter le cas et vérifier',
  nomManquant: 'Donnez un nom au cas, par exemple « la famille du guide p. 4 ».',
  sourceManquante: 'Écrivez d’où viennent les chiffres, par exemple « brochure 2022, p. 4 ».',
  dateManquante: 'Choisissez le jour du calcul, par exemple le 1er mars 2022.',
  revenuManquant: 'Écrivez le revenu en euros, sans centimes, par exemple 42000.',
  enfantsFormat: 'Écrivez chaque date comme sur une carte d’identité, par exemple 04/03/2012.',
  partsFormat: 'Écrivez le nombre de parts, par exemple 2,5.',
  tauxFormat: 'Écrivez le taux en pourcentage, par exemple 55 ou 58,25.',
  unChiffre: 'Donnez au moins un chiffre attendu : les parts, le taux ou la subvention.',
  avec: 'Le cas chiffre aussi',
  foyerSeul: 'Rien d’autre : le foyer seul',
  unSejour: 'Un séjour',
  uneDemande: 'Une demande à forfait (sport, coupons ANCV, train, voiture)',
  sejourAide:
    'Le séjour du premier enfant, ou de l’agent (adulte) quand le foyer n’a pas d’enfant, demandé le jour du calcul.',
  typeDemande: 'Type de demande',
  demandes: {
    sportEvent: 'Inscription à une manifestation sportive',
    ancvCoupons: 'Coupons sport ANCV',
    trainTicket: 'Billet de train de l’enfant pour un séjour',
    escortTrain: 'Trajets en train de l’accompagnateur d’un séjour jeunesse',
    carKm: 'Trajet en voiture pour un séjour jeunesse',
  },
  montantPaye: 'Montant payé (€)',
  kilometres: 'Kilomètres parcourus',
  allersRetours: 'Allers-retours de l’accompagnateur',
  nombreFormat: 'Écrivez un nombre entier, par exemple 2.',
  secteur: 'Secteur',
  organisateur: 'Organisateur',
  typeSejour: 'Type de séjour (plafond par jour)',
  sansPlafond: 'Sans plafond',
  premierJour: 'Premier jour du séjour',
  dernierJour: 'Dernier jour du séjour',
  prix: 'Prix du séjour (€)',
  subventionAttendue: 'Subvention attendue (€)',
  dateSejour: 'Choisissez le premier jour du séjour, par exemple le 10 juillet 2022.',
  dernierJourFormat:
    'Choisissez le dernier jour du séjour, le premier jour ou après, par exemple le 16 juillet 2022.',
  montantFormat: 'Écrivez un montant en euros, par exemple 500 ou 89,50.',
} as const;

/** features/staff/pack-impact-view.tsx */
export const packImpactView = {
  titre: 'Coût avant le vote',
  aide: 'Les foyers validés, les séjours et les demandes de subvention de l’année du barème en vigueur, recalculés avec le brouillon.',
  calculer: 'Calculer le coût',
  enregistrezAvant:
    'Enregistrez d’abord vos changements : le coût se calcule sur le brouillon enregistré.',
  resume: (households: number, stays: number, claims: number, basedOn: string, ms: number) =>
    `${count(households, 'foyer')}, ${count(stays, 'séjour')} et ${count(claims, 'demande')} de l’année de ${basedOn}, calculés en ${ms} ms.`,
  totaux: 'Subventions par secteur',
  secteur: 'Secteur',
  enVigueur: (id: string) => `En vigueur (${id})`,
  brouillon: 'Brouillon',
  ecart: 'Écart',
  total: 'Total',
  mieux: (n: number) => count(n, 'foyer y gagne', 'foyers y gagnent'),
  moinsBien: (n: number) => count(n, 'foyer y perd', 'foyers y perdent'),
  pareil: (n: number) => count(n, 'foyer inchangé', 'foyers inchangés'),
  plafond: (before: number, after: number) =>
    `Plafond annuel atteint : ${before} ${before > 1 ? 'foyers' : 'foyer'} aujourd’hui, ${after} avec le brouillon.`,
  jours: (before: number, after: number) =>
    `Jours subventionnés épuisés : ${before} ${before > 1 ? 'foyers' : 'foyer'} aujourd’hui, ${after} avec le brouillon.`,
  nonChiffres: (n: number) =>
    `${count(n, 'séjour n’a pas pu être recalculé', 'séjours n’ont pas pu être recalculés')} (paramètre absent), compté à 0 €.`,
  deciles: 'Subventions par dixième des foyers, du quotient le plus bas au plus haut',
  chiffresDeciles: 'Les chiffres par dixième',
  decile: 'Dixième',
  decileCourt: (n: number) => `D${n}`,
  quotients: 'Quotients',
  foyers: 'Foyers',
  tauxMoyen: (grid: string) => `Taux ${grid} : écart moyen`,
  de: (from: string, to: string) => `de ${from} à ${to}`,
  tableur: 'Télécharger le détail par foyer (XLSX)',
} as const;
