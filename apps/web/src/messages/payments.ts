// Paying online: the member's button, the result page, and what the staff follow.
import { of } from './french.ts';

/** features/payments/pay-online.tsx */
export const payOnline = {
  payer: (amount: string, reference: string) => `Payer ${amount} en ligne (${reference})`,
  aide: 'Par carte bancaire, sur la page sécurisée du prestataire de paiement du comité. Vous revenez ici ensuite.',
} as const;

/** features/payments/online-payment-page.tsx */
export const onlinePaymentPage = {
  titre: 'Paiement en ligne',
  enAttente:
    'Votre paiement est en cours de confirmation par le prestataire. Cette page se met à jour toute seule.',
  toujoursEnAttente:
    'La confirmation n’est pas encore arrivée. Rien n’est perdu : votre facture se mettra à jour dès qu’elle arrivera.',
  paye: (amount: string, reference: string) =>
    `Paiement reçu : ${amount} sur la facture ${reference}. Merci !`,
  refuse: (reference: string) =>
    `Le paiement de la facture ${reference} a été refusé : rien n’a été débité. Vous pouvez réessayer ou payer autrement.`,
  abandonne: (reference: string) =>
    `Le paiement de la facture ${reference} n’a pas été fait : rien n’a été débité. Vous pouvez réessayer quand vous voulez.`,
  retourFactures: 'Revenir à mes factures',
  inconnu:
    'Ce paiement est introuvable : vos factures et leurs paiements sont dans « Mes factures ».',
} as const;

/** features/payments/kept-notifications.tsx */
export const keptNotifications = {
  titre: 'Paiements en ligne à traiter',
  aide: 'Ces paiements ne sont allés sur aucune facture : remboursez-les ou placez-les, puis notez ce qui a été fait.',
  recue: 'Reçu le',
  paiement: 'Paiement',
  montant: 'Montant',
  quoi: 'Ce qui s’est passé',
  action: 'Action',
  outcomes: {
    unknown: 'Référence inconnue',
    mismatch: 'Autre montant que celui demandé',
    settled: 'Facture déjà payée',
    credited: 'Place annulée avant le paiement',
  },
  noterTraitee: (reference: string) => `Noter comme traité (${reference})`,
  noterTraiteeTitre: (reference: string) => `Le paiement ${reference} est-il traité ?`,
  effet:
    'Il quittera cette liste et ce que vous écrivez sera gardé avec lui. Cela ne rembourse rien : faites d’abord le remboursement.',
  ceQuiAEteFait: 'Ce qui a été fait',
  exemple: 'remboursé par virement le 3 mai',
  confirmer: 'Noter comme traité',
  traitee: (reference: string) => `Le paiement ${reference} est noté comme traité.`,
  remboursements: 'Remboursements en ligne en cours',
  prepare: 'Préparé le',
  etat: 'État',
  etats: {
    prepared: 'Préparé, envoi au prestataire dans la minute',
    sent: 'Envoyé au prestataire, sans réponse : vérifiez dans son espace',
    failed: 'Refusé par le prestataire',
  },
  renvoyer: (reference: string) => `Renvoyer le remboursement (${reference})`,
  renvoyerTitre: (amount: string, reference: string) =>
    `Redemander le remboursement de ${amount} (${reference}) ?`,
  renvoyerEffet: (member: string) =>
    `Le prestataire sera de nouveau sollicité pour rembourser la carte ${of(member)}. Vérifiez d’abord dans son espace que rien n’a été remboursé.`,
  renvoyerConfirmer: 'Renvoyer au prestataire',
  renvoye: (reference: string) => `Le remboursement de ${reference} est renvoyé au prestataire.`,
} as const;
