/** features/card-check-page.tsx */
export const cardCheckPage = {
  verificationCarteAdherent: 'Vérification de carte adhérent',
  carteInconnue: 'Carte inconnue.',
  carteValable: (value: string) => `Carte valable${value}.`,
  carteNonValableCette: 'Carte non valable cette année.',
  pour: (year: number) => ` pour ${year}`,
} as const;

/** features/home-page.tsx */
export const homePage = {
  bienvenueSurEspaceAdherent: 'Bienvenue sur l’Espace Adhérent',
  comite: 'comité',
  espaceAdherent: (value: string) => `L’Espace Adhérent du ${value}.`,
  calculezVotreTauxSubvention:
    'Calculez votre taux de subvention, tenez à jour votre Fiche Agent, réservez et suivez vos factures et subventions.',
  calculerMonTauxSubvention: 'Calculer mon taux de subvention',
  monEspace: 'Mon espace',
  premiereFois: 'Première fois ?',
  inscrivezVous: 'Inscrivez-vous',
  gestionnaireValideVotreDemande:
    ': un gestionnaire valide votre demande et vous envoie votre identifiant CAES par courriel.',
} as const;

/** features/not-found-page.tsx */
export const notFoundPage = {
  pageIntrouvable: 'Page introuvable',
  cettePageExistePas: 'Cette page n’existe pas.',
  retourAccueil: 'Retour à l’accueil',
} as const;
