import { count, of } from './french.ts';

/** features/registrations/my-registrations-page.tsx */
export const myRegistrationsPage = {
  acompte: 'Acompte',
  demande: (number: number, value: string) => `Demande n° ${number} — ${value}`,
  choixObtenu: (waiting: boolean, rank: number) =>
    ` — ${waiting ? 'en attente pour' : 'place'} : choix ${rank}`,
  moyensPropres: 'moyens propres',
  transport: (
    activityTitle: string,
    sessionLabel: string,
    firstDay: string,
    lastDay: string,
    value: string,
  ) => `${activityTitle}, ${sessionLabel} (du ${firstDay} au ${lastDay}) — transport : ${value}`,
  subventionRestePayer: (
    subsidy: string,
    leftToPay: string,
    toLowerCase: string,
    deposit: string,
  ) => `Subvention ${subsidy}, reste à payer ${leftToPay}, ${toLowerCase} ${deposit}.`,
  pourquoiCetteReponse: 'Pourquoi cette réponse',
  formulaireImprimerPdf: 'Formulaire à imprimer (PDF)',
  modifier: 'Modifier',
  retirerDemande: (number: number) => `Retirer la demande n° ${number}`,
  retirerDemande2: (number: number) => `Retirer la demande n° ${number} ?`,
  pourAnnulerPlace: 'Pour annuler cette place, écrivez au CAES :',
  fraisAnnulationPrestataire:
    '. Les frais d’annulation du prestataire s’appliquent selon la date ; un avoir reprend la facture, et ce que vous avez payé en plus vous est remboursé.',
  vousQuittezListeAttente:
    'Vous quittez la liste d’attente ; si une place se libère, elle ira à la famille suivante.',
  votreDemandeEntreraPas:
    'Votre demande n’entrera pas dans la sélection. Vous pourrez en faire une nouvelle tant que les inscriptions sont ouvertes.',
  retirerDemande3: 'Retirer la demande',
  votreDemandeEnregistree: (sent: string) => `Votre demande n° ${sent} est enregistrée.`,
  demandeRetiree: (number: number) => `La demande n° ${number} est retirée.`,
  mesDemandesInscription: 'Mes demandes d’inscription',
  voirSejoursActivites: 'Voir les séjours et activités',
  aucuneDemandePourInstant: 'Aucune demande pour l’instant.',
} as const;

/** features/registrations/registration-form-page.tsx */
export const registrationFormPage = {
  ceCouteraVotreDemande: 'Ce que coûtera votre demande',
  inscriptionsSontClosesPlace:
    'Les inscriptions sont closes : une place restante vous sera attribuée dès l’envoi, ou la liste d’attente.',
  choixPrixSubventionReste: (value: number, sessionId: string, value2: string, subsidy: string) =>
    `Choix ${value} — ${sessionId} : prix ${value2}, subvention ${subsidy}, reste à payer`,
  aideSkiVerseeApres: (skiAid: string) => `, aide au ski ${skiAid} versée après le séjour`,
  pourCetteReservationPart: (parts: string, value: string, value2: string, value3: string) =>
    `Pour cette réservation : ${parts} part${value}, quotient familial ${value2}${value3}.`,
  choix1PersonnePar: 'Choix 1, personne par personne',
  participant: 'Participant',
  prix: 'Prix',
  taux: 'Taux',
  subvention: 'Subvention',
  restePayer: 'Reste à payer',
  ans: (firstName: string, age: number) => `${firstName} (${age} ans)`,
  sansSubvention: 'sans subvention',
  arrhes: 'Arrhes',
  verserAvecDemandeChoix: (value: string) => `${value} à verser avec la demande (choix 1) :`,
  amiOuAmieQui: (friend: string) =>
    `Ami ou amie qui accompagne : ${friend} à votre charge, sans subvention.`,
  detailCalculChoix1: 'Le détail du calcul du choix 1',
  prenom: (who: string) => `Prénom ${who}`,
  dateNaissance: (who: string) => `Date de naissance ${who}`,
  personneVotreFoyerNe:
    'Personne de votre foyer ne peut s’inscrire à cette activité avec une Fiche Agent validée de l’année.',
  aucun: 'Aucun',
  quiFaitReservationParticipant: 'Qui fait la réservation (participant principal)',
  quiPartAvecLui: 'Qui part avec lui ou elle ?',
  choix: (value: number) => `Choix ${value}`,
  sessionChoix: (value: number) => `Session du choix ${value}`,
  hebergementChoix: (value: number) => `Hébergement du choix ${value}`,
  choisissezHebergement: 'Choisissez un hébergement',
  semaine: 'la semaine',
  nuit: 'la nuit',
  personnes: (type: string, capacity: number, price: string, value: string, value2: string) =>
    `${type} — ${capacity} personnes, ${price} ${value} (${value2})`,
  transportChoix: (value: number) => `Transport du choix ${value}`,
  parNosPropresMoyens: 'Par nos propres moyens',
  depart: (city: string, price: string) => `Départ ${of(city)} (${price})`,
  jeDemandeAideComplementaire: 'Je demande l’aide complémentaire au ski (versée après le séjour)',
  jeSouscrisAssuranceAnnulation:
    'Je souscris l’assurance annulation du prestataire (ni prise ni subventionnée par le comité)',
  inviteNonAyantDroit: (value: number) =>
    `Invité non ayant droit ${value} (tarif extérieur, adhésion annuelle)`,
  ajouterPersonneNonAyant: 'Ajouter une personne non ayant droit',
  retirerInvite: (value: number) => `Retirer l’invité ${value}`,
  invite: (value: number) => `de l’invité ${value}`,
  amiOuAmieNon: 'Un ami ou une amie non ayant droit part aussi (plein tarif, à ma charge)',
  amiOuAmieQui2: 'Ami ou amie qui accompagne',
  amiOuAmie: 'de l’ami ou de l’amie',
  calculerCout: 'Calculer le coût',
  enregistrerDemandeModifiee: 'Enregistrer la demande modifiée',
  calculezCoutAvantEnvoyer: (the: string) =>
    `Calculez le coût avant d’envoyer : vous verrez la subvention, le reste à payer et ${the}.`,
  modifierMaDemande: 'Modifier ma demande',
  demandeInscription: 'Demande d’inscription',
  jusqu3ChoixPrefere:
    'Jusqu’à 3 choix, du préféré au moins souhaité. Les places sont attribuées à la clôture des inscriptions ; vous recevrez la réponse par courriel.',
  mesDemandes: 'Mes demandes',
  cetteDemandeIntrouvableElle: 'Cette demande est introuvable : elle a peut-être été retirée.',
  choisissezAbordSejourDans:
    'Choisissez d’abord un séjour dans le catalogue, puis « Faire une demande ».',
  voirSejours: 'Voir les séjours',
  frais: (fees: string) => `, frais ${fees}`,
  taux2: (rateBp: string) => `, taux ${rateBp}`,
  nom: (who: string) => `Nom ${who}`,
  duAu: (title: string, label: string, firstDay: string, lastDay: string) =>
    `${title}, ${label} (du ${firstDay} au ${lastDay})`,
  libre: (left: number) => count(left, 'libre'),
  complet: 'complet',
  paiement: (of: string) => `Paiement ${of}`,
} as const;
