import { count } from './french.ts';

/** features/catalogue/session-state.tsx */
export const sessionState = {
  ouverte: 'Ouverte',
  clotureeListeAttente: 'Clôturée — liste d’attente',
  placesPremierArrive: 'Places en premier arrivé',
  completeListeAttente: 'Complète — liste d’attente',
  commencee: 'Commencée',
  annulee: 'Annulée',
  placeDemandesJusquReponse: (places: number, closesOn: string, answerBy: string) =>
    `${count(places, 'place')}, demandes jusqu’au ${closesOn}, réponse avant le ${answerBy}`,
  selectionCoursDemandePasse:
    'la sélection est en cours : une demande passe après celles reçues à temps',
  placeRestantePlacesRestantes: (placesLeft: number) =>
    `${count(placesLeft, 'place restante', 'places restantes')}, attribuées dans l’ordre des demandes`,
  demandeVaSurListe: 'une demande va sur la liste d’attente',
  plusAucuneDemandePossible: 'plus aucune demande possible',
  annuleeParComite: (value: string) => `annulée par le comité${value}`,
} as const;

/** features/catalogue/catalogue-calendar.tsx */
export const catalogueCalendar = {
  aucuneSessionCesDates: 'Aucune session à ces dates.',
  duAu: (label: string, firstDay: string, lastDay: string) =>
    `— ${label}, du ${firstDay} au ${lastDay}`,
} as const;

/** features/catalogue/catalogue-page.tsx */
export const cataloguePage = {
  ansAvantSubvention: (
    label: string,
    firstDay: string,
    lastDay: string,
    minAge: number,
    maxAge: number,
    price: string,
    s: string,
  ) =>
    `${label} : du ${firstDay} au ${lastDay}, ${minAge}–${maxAge} ans, ${price} avant subvention — ${s}.`,
  sejoursActivites: 'Séjours et activités',
  filtrerCatalogue: 'Filtrer le catalogue',
  motsCles: 'Mots-clés',
  lieuActivitePrestatairePar:
    'Un lieu, une activité, un prestataire : par exemple « voile » ou « Bretagne ».',
  secteur: 'Secteur',
  tousSecteurs: 'Tous les secteurs',
  ageParticipant: 'Âge du participant',
  partir: 'À partir du',
  jusqu: 'Jusqu’au',
  seulementSessionsAvecPlaces: 'Seulement les sessions avec des places',
  filtrer: 'Filtrer',
  affichageCatalogue: 'Affichage du catalogue',
  liste: 'Liste',
  calendrier: 'Calendrier',
  aucuneActiviteNeCorrespond: 'Aucune activité ne correspond à ces critères.',
  activites: 'Activités',
  partir2: 'À partir de',
  pour: 'pour',
  apresSubvention: ', après subvention',
} as const;

/** features/catalogue/activity-page.tsx */
export const activityPage = {
  acompte: 'Acompte',
  personneVotreFoyerNe:
    'Personne de votre foyer ne peut s’inscrire à ces sessions avec une Fiche Agent validée de l’année (âge au premier jour, ayant droit).',
  ceIlVousResterait: 'Ce qu’il vous resterait à payer',
  subventionRestePayer: (subsidy: string) => `: subvention ${subsidy}, reste à payer`,
  horsTransport: (toLowerCase: string, deposit: string) =>
    `(${toLowerCase} ${deposit}), hors transport.`,
  organisePar: (sector: string, value: string, name: string, value2: string) =>
    `${sector} — ${value} — organisé par ${name}${value2}`,
  sessions: 'Sessions',
  transportDepuis: (value: string) => `Transport depuis ${value}. `,
  faireDemandePour: (label: string) => `Faire une demande pour « ${label} »`,
  connectezVous: 'Connectez-vous',
  pourVoirCeIl: 'pour voir ce qu’il vous resterait à payer et faire une demande.',
  retourCatalogue: 'Retour au catalogue',
} as const;
