/** shared/api.ts */
export const api = {
  serveurNeRepondPas: 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.',
  erreurSurvenue: 'Une erreur est survenue.',
  serviceIndisponible:
    'Le service est momentanément indisponible. Ce que vous avez saisi reste sur cette page : réessayez dans quelques instants.',
  delaiDepasse: 'Le serveur a mis trop de temps à répondre : réessayez dans quelques instants.',
  delaiDepasseAction:
    'Le serveur a mis trop de temps à répondre, et votre demande a peut-être été enregistrée : ouvrez cette page dans un nouvel onglet pour le vérifier avant de cliquer de nouveau.',
  connexionTerminee:
    'Votre connexion a pris fin (elle dure 12 heures au plus). Ce que vous avez saisi reste sur cette page : reconnectez-vous dans un nouvel onglet, puis revenez ici et cliquez de nouveau sur le même bouton.',
  seReconnecter: 'Se reconnecter dans un nouvel onglet',
} as const;

/** shared/action-progress.tsx */
export const actionProgress = {
  traitementCours: 'Traitement en cours…',
} as const;

/** shared/theme.tsx */
export const theme = {
  commeMonAppareil: 'Comme mon appareil',
  clair: 'Clair',
  sombre: 'Sombre',
  themeAffichage: 'Thème de l’affichage',
} as const;

/** shared/layout.tsx */
export const layout = {
  allerContenu: 'Aller au contenu',
  entraide: 'Entraide',
  espaceAdherent: 'Espace Adhérent',
  navigationPrincipale: 'Navigation principale',
  sejours: 'Séjours',
  calculerMonTaux: 'Calculer mon taux',
  monEspace: 'Mon espace',
  gestion: 'Gestion',
  seDeconnecter: 'Se déconnecter',
  inscrire: 'S’inscrire',
  entraideLogicielLibrePour: (value: string) =>
    `${value} — Entraide, logiciel libre pour les comités d’action sociale.`,
  espaceAdherent2: (children: string) => `${children} — Espace Adhérent`,
} as const;

/** shared/loading.tsx */
export const loading = {
  reessayer: 'Réessayer',
} as const;

/** shared/page-loading.tsx */
export const pageLoading = {
  cettePagePasPu:
    'Cette page n’a pas pu se charger : la connexion a été interrompue, ou le site vient d’être mis à jour.',
  rechargerPage: 'Recharger la page',
} as const;

/** shared/use-submit.ts */
export const useSubmit = {
  certainsChampsSontCorriger: (value: string) => `Certains champs sont à corriger : ${value}.`,
  erreurInattendueSurvenue: 'Une erreur inattendue est survenue.',
} as const;

/** shared/confirm-action.tsx */
export const confirmAction = {
  pieceJustificativeIllisible: 'pièce justificative illisible',
  reprisCourriel: 'il est repris dans le courriel envoyé',
  indiquezMotifIlRepris: (kept: string, reasonExample: string) =>
    `Indiquez le motif : ${kept} (par exemple « ${reasonExample} »).`,
  refuserDemande: (number: number) => `Refuser la demande n° ${number} ?`,
  refuserDemande2: 'Refuser la demande',
  refuser: (number: number) => `Refuser (n° ${number})`,
} as const;

/** shared/file-picker.tsx */
export const filePicker = {
  choisirFichier: 'Choisir un fichier…',
  dernierFichierChoisi: (chosen: string) => `Dernier fichier choisi : ${chosen}`,
  aucunFichierChoisi: 'Aucun fichier choisi.',
} as const;

/** shared/steps.tsx */
export const steps = {
  etapeSur: (label: string, value: number, steps: number) =>
    `${label} : étape ${value} sur ${steps}`,
} as const;

/** shared/data-table.tsx */
export const dataTable = {
  cocher: 'Cocher',
  decroissant: 'décroissant',
  rechercherDans: (caption: string) => `Rechercher dans « ${caption} »`,
  pages: (caption: string) => `Pages de « ${caption} »`,
  pagePrecedente: 'Page précédente',
  pageSuivante: 'Page suivante',
  pageSur: (value: number, pages: number) => ` — page ${value} sur ${pages}`,
  tri: (order: string) => `, tri ${order}`,
  trier: ', trier',
  croissant: 'croissant',
} as const;

/** shared/document-preview.tsx */
export const documentPreview = {
  affichageDocument: 'Affichage du document…',
  ceDocumentNeAffiche:
    'Ce document ne s’affiche pas ici : ouvrez-le avec le lien pour le télécharger.',
  premieresPagesSurLien: (maxPages: number, count: number) =>
    `Les ${maxPages} premières pages sur ${count} : le lien ouvre le document entier.`,
  pageSur: (title: string, n: number, numPages: number) => `${title}, page ${n} sur ${numPages}`,
} as const;

/** shared/document-toggle.tsx */
export const documentToggle = {
  voirIci: (title: string) => `Voir « ${title} » ici`,
  affichageDocument: 'Affichage du document…',
} as const;
