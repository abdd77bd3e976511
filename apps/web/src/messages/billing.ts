import { count, of } from './french.ts';

/** features/billing/invoice-card.tsx */
export const invoiceCard = {
  avoir: 'Avoir',
  facture: 'Facture',
  du: (value: string, reference: string, issuedOn: string, value2: string) =>
    `${value} ${reference} du ${issuedOn}${value2}`,
  detail: (reference: string) => `Détail de ${reference}`,
  total: 'Total',
  limitesAppliquees: (value: string) => `Limites appliquées : ${value}`,
  calculSubvention: 'Le calcul de la subvention',
  payeRestePayer: (paid: string, value: string) => `Payé : ${paid}${value} — reste à payer :`,
  reglements: (reference: string) => `Règlements de ${reference}`,
  annule: (reason: string) => ` — annulé : ${reason}`,
  echeances: (reference: string) => `Échéances de ${reference}`,
  pdf: (value: string, reference: string) => `${value} ${reference} (PDF)`,
  avoirs: (credited: string) => `, avoirs : ${credited}`,
} as const;

/** features/billing/my-invoices-page.tsx */
export const myInvoicesPage = {
  restePayerEchelonneFois: (reference: string, count: string) =>
    `Le reste à payer de ${reference} est échelonné en ${count} fois.`,
  echelonner: (reference: string) => `Échelonner ${reference}`,
  moyenPaiement: (reference: string) => `Moyen de paiement (${reference})`,
  jusquEcheances: (label: string, maxCount: number) => `${label} : jusqu’à ${maxCount} échéances`,
  nombreEcheances: (reference: string) => `Nombre d’échéances (${reference})`,
  n1: (value: number) => `De 1 à ${value}.`,
  voirEcheancier: (reference: string) => `Voir l’échéancier (${reference})`,
  echeancierProposePour: (reference: string) => `Échéancier proposé pour ${reference}`,
  echeance: 'Échéance',
  moyen: 'Moyen',
  montant: 'Montant',
  confirmerCetEcheancier: (reference: string) => `Confirmer cet échéancier (${reference})`,
  mesDossiersFactures: 'Mes dossiers factures',
  chequesSontEncaissesDernier:
    'Les chèques sont encaissés le dernier jour ouvré de chaque mois d’échéance.',
  aucuneFactureEllesApparaissent:
    'Aucune facture : elles apparaissent ici quand une place est confirmée.',
} as const;

/** features/billing/place-change-form.tsx */
export const placeChangeForm = {
  placeChangeeAvoirNouvelle: (reference: string, reference2: string, fee: string) =>
    `Place changée : avoir ${reference}, nouvelle facture ${reference2}, frais ${fee}.`,
  changerSessionOuTransport: (reference: string) =>
    `Changer la session ou le transport de ${reference}`,
  placeLibrePlacesLibres: (placesLeft: number) =>
    ` (${count(placesLeft, 'place libre', 'places libres')})`,
  duAu: (label: string, firstDay: string, lastDay: string, price: string, value: string) =>
    `${label}, du ${firstDay} au ${lastDay}, ${price}${value}`,
  parSesPropresMoyens: 'Par ses propres moyens',
  depart: (city: string, price: string) => `Au départ ${of(city)}, ${price}`,
  fraisOrganismeEuros: (reference: string) => `Frais de l’organisme en euros (${reference})`,
  changerPlaceRefacturer: 'Changer la place et refacturer',
  changerPlaceFactureePar: (reference: string) => `Changer la place facturée par ${reference} ?`,
  avoirReprendFacture: (reference: string) =>
    `Un avoir reprend la facture ${reference} et la place est facturée de nouveau ; ce qui a été réglé passe sur la nouvelle facture, les frais sont facturés à part. Cela ne s’annule pas.`,
  changerPlace: 'Changer la place',
  session: (reference: string) => `Session (${reference})`,
  transport: (reference: string) => `Transport (${reference})`,
} as const;

/** features/billing/place-change-preview.tsx */
export const placeChangePreview = {
  calculMontants: 'Calcul des montants…',
  nouvelleFacture: (amount: string) => `Nouvelle facture de la place : ${amount}.`,
  aucunFrais: 'Pas de frais.',
  aRembourser: (amount: string) => `À rembourser à la famille : ${amount}.`,
  rienARembourser: 'Rien à rembourser.',
} as const;

/** features/billing/payments-page.tsx */
export const paymentsPage = {
  /** « chèque n° 0012 de 30,00 € du 15/04/2021 » */
  reglementDecrit: (method: string, cheque: string | null, amount: string, day: string) =>
    `${method}${cheque ? ` n° ${cheque}` : ''} de ${amount} du ${day}`,
  annulerReglement: (what: string) => `Annuler le règlement ${what}`,
  annulerReglement2: (what: string) => `Annuler le règlement ${what} ?`,
  reglementAnnuleEffet: (what: string, reference: string, amount: string) =>
    `Une ligne de ${amount} annule le règlement ${what} sur la facture ${reference} : cette somme redevient due, et la famille est prévenue par courriel avec le motif.`,
  chequeRemisEffet:
    'Ce chèque est déjà sur une remise en banque : annulez-le s’il est revenu impayé.',
  chequeNonRemisEffet: 'Ce chèque ne sera pas remis en banque.',
  celaNeSAnnulePas: 'Cela ne s’annule pas.',
  annulerCeReglement: 'Annuler ce règlement',
  chequeRevenuImpaye: 'chèque revenu impayé',
  motifAnnulationReglement: 'Motif, repris dans le courriel à la famille',
  reglementAnnule: (what: string, reference: string) =>
    `Règlement ${what} annulé sur ${reference} ; la famille est prévenue.`,
  factureCounted: (n: number) => count(n, 'facture'),
  reglementEnregistreSur: (amount: string, reference: string) =>
    `Règlement de ${amount} € enregistré sur ${reference}.`,
  saisirReglementPour: (reference: string) => `Saisir un règlement pour ${reference}`,
  montantEuros: (reference: string) => `Montant en euros (${reference})`,
  recu: (reference: string) => `Reçu le (${reference})`,
  cheque: (reference: string) => `N° de chèque (${reference})`,
  enregistrerReglement: 'Enregistrer le règlement',
  placeAnnuleeAvoirFrais: (reference: string, fee: string, refund: string) =>
    `Place annulée : avoir ${reference}, frais ${fee}, à rembourser ${refund}.`,
  annulerPlace: (reference: string) => `Annuler la place de ${reference}`,
  fraisPrestataireEuros: (reference: string) => `Frais du prestataire en euros (${reference})`,
  surCoutAvantSubvention: 'Sur le coût avant subvention ; entièrement à la charge de la famille.',
  desistementJustifie: (reference: string) => `Désistement justifié (${reference})`,
  annulerPlaceEmettreAvoir: (reference: string) =>
    `Annuler la place ${reference} et émettre l’avoir`,
  annulerPlaceFactureePar: (reference: string) => `Annuler la place facturée par ${reference} ?`,
  avoirReprendTouteFacture: (reference: string) =>
    `Un avoir reprend toute la facture ${reference} ; les frais sont facturés à part et payés d’abord par ce qui a été réglé. La place est rendue à la liste d’attente. Cela ne s’annule pas.`,
  annulerPlace2: 'Annuler la place',
  remiseCheques: 'Remise de chèques',
  chequesEncaisserJusqu: 'Chèques à encaisser jusqu’au',
  aucunChequeRemettreJusqu: (until: string) =>
    `Aucun chèque à remettre jusqu’au ${until} : la remise se crée quand un chèque est à encaisser.`,
  cheque2: (
    cashOn: string,
    chequeNumber: string,
    member: string,
    reference: string,
    amount: string,
  ) => `${cashOn} — chèque n° ${chequeNumber}, ${member}, ${reference} : ${amount}`,
  creerRemise: (until: string) => `Créer la remise du ${until}`,
  remiseEffet: (cheques: number, total: string) =>
    `${count(cheques, 'chèque est marqué remis', 'chèques sont marqués remis')} à la banque, pour ${total}, sur un bordereau numéroté à imprimer et joindre aux chèques. Vérifiez que vous les avez tous en main : une remise ne s’annule pas.`,
  creerRemiseConfirmer: (cheques: number) => `Remettre ${count(cheques, 'chèque')}`,
  bordereauPdf: (reference: string) => `Bordereau ${reference} (PDF)`,
  exportsComptables: 'Exports comptables',
  secteurExport: 'Secteur de l’export',
  mesSecteurs: 'Mes secteurs',
  du: 'Du',
  au: 'Au',
  premierJourExport: 'Indiquez le premier jour de la période, par exemple le 1er janvier 2021.',
  dernierJourExport:
    'Indiquez le dernier jour de la période, le même jour que le premier ou après, par exemple le 31 décembre 2021.',
  corrigezDatesExport: 'Corrigez les dates de la période pour télécharger les exports.',
  facturesAvoirs: 'Factures et avoirs',
  reglements: 'Règlements',
  subventionsParSecteurPar: 'Subventions par secteur et par mois',
  csv: 'CSV',
  xlsx: 'XLSX',
  controlerCoherenceMontants: 'Contrôler la cohérence des montants',
  piecesControleesToutCoherent: (invoices: number) =>
    `${invoices} pièces contrôlées : tout est cohérent.`,
  anomalie: (problems: number) => count(problems, 'anomalie'),
  facture: 'Facture',
  adherent: 'Adhérent',
  secteur: 'Secteur',
  prochaineEcheance: 'Prochaine échéance',
  retard: 'En retard',
  restePayer: 'Reste à payer',
  soldesSuivre: 'Soldes à suivre',
  referenceNomSecteurOu:
    'Une référence, un nom, un secteur ou une date, par exemple « Martin » ou « F-2021 ».',
  reglementsFactures: 'Règlements et factures',
  referenceFactureVideSoldes: 'Référence de facture (vide : soldes impayés)',
  chercher: 'Chercher',
  avecCetteReference: 'avec cette référence',
  avecSoldePayer: 'avec un solde à payer',
  aucuneFacture: (value: string) => `Aucune facture ${value}.`,
  facturesTrouvees: 'Factures trouvées',
  soldesImpayes: 'Soldes impayés',
  moyen: (reference: string) => `Moyen (${reference})`,
} as const;
