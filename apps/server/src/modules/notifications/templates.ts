import { SECTOR_NAMES, type StaffSector } from '@entraide/contract';
import { formatCents, formatIsoDate } from '@entraide/rules';
import type { Organization } from '../organization/organization.ts';
import { escapeMarkup } from '../../markup.ts';

/** A French e-mail, as text and as HTML. */
export interface MailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/**
 * Builds both forms from paragraphs; a paragraph `[label](url)` becomes a button-like link. A
 * mail about a sector's file is signed by that sector, above the committee's name.
 */
function mail(
  organization: Organization,
  subject: string,
  greeting: string,
  paragraphs: readonly string[],
  sector: StaffSector | null = null,
): MailContent {
  const signature = [
    ...(sector ? [`Le secteur ${SECTOR_NAMES[sector]}`] : []),
    organization.name,
    organization.contactEmail,
  ];
  const link = /^\[(.+)\]\((https?:\/\/\S+)\)$/;
  const text = [
    greeting,
    '',
    ...paragraphs.flatMap((p) => {
      const m = link.exec(p);
      return [m ? `${m[1] ?? ''} : ${m[2] ?? ''}` : p, ''];
    }),
    ...signature,
  ].join('\n');
  const body = paragraphs
    .map((p) => {
      const m = link.exec(p);
      return m
        ? `<p><a href="${escapeMarkup(m[2] ?? '')}" style="display:inline-block;padding:12px 20px;background:#1d4e89;color:#fff;text-decoration:none;border-radius:6px">${escapeMarkup(m[1] ?? '')}</a></p>`
        : `<p>${escapeMarkup(p)}</p>`;
    })
    .join('\n');
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeMarkup(subject)}</title></head><body style="font-family:sans-serif;line-height:1.5;color:#1a1a1a"><p>${escapeMarkup(greeting)}</p>\n${body}\n<p>${signature.map(escapeMarkup).join('<br>')}</p></body></html>`;
  return { subject: `${organization.shortName} — ${subject}`, text, html };
}

export const templates = {
  packPublished: (
    o: Organization,
    firstName: string,
    pack: { label: string; rates: readonly string[]; link: string },
  ): MailContent =>
    mail(o, `Nouveau barème : ${pack.label}`, `Bonjour ${firstName},`, [
      `Le comité a publié le ${pack.label}. Avec le foyer de votre Fiche Agent, vos taux de subvention deviennent :`,
      ...pack.rates,
      'Votre espace montre vos chiffres avec l’ancien et le nouveau barème, côte à côte, avec le détail de chaque calcul.',
      `[Voir ce qui change pour moi](${pack.link})`,
    ]),
  secondFactorReset: (o: Organization, firstName: string, publicUrl: string): MailContent =>
    mail(o, 'Second facteur réinitialisé', `Bonjour ${firstName},`, [
      'Un administrateur a réinitialisé le second facteur de votre compte (application d’authentification, clés d’accès et codes de secours) ; vos sessions ouvertes ont été fermées.',
      'À votre prochaine connexion, activez un nouveau second facteur. Si vous n’en avez pas fait la demande, prévenez aussitôt le comité.',
      `[Se connecter](${publicUrl}/connexion)`,
    ]),
  signUpReceived: (o: Organization, firstName: string): MailContent =>
    mail(
      o,
      'Demande d’inscription reçue',
      `Bonjour ${firstName},`,
      [
        'Nous avons bien reçu votre demande d’inscription à l’Espace Adhérent.',
        'Un gestionnaire va l’étudier ; vous recevrez un courriel avec votre identifiant CAES dès qu’elle sera validée.',
      ],
      'fiche-agent',
    ),
  signUpApproved: (
    o: Organization,
    firstName: string,
    identifier: string,
    link: string,
  ): MailContent =>
    mail(
      o,
      'Votre identifiant CAES',
      `Bonjour ${firstName},`,
      [
        'Votre inscription à l’Espace Adhérent est validée.',
        `Votre identifiant CAES : ${identifier}`,
        'Choisissez votre mot de passe avec le lien ci-dessous. Il ne sert qu’une fois et expire dans 72 heures.',
        `[Choisir mon mot de passe](${link})`,
      ],
      'fiche-agent',
    ),
  signUpRejected: (o: Organization, firstName: string, reason: string): MailContent =>
    mail(
      o,
      'Votre demande d’inscription',
      `Bonjour ${firstName},`,
      [
        'Votre demande d’inscription à l’Espace Adhérent n’a pas pu être acceptée.',
        `Motif : ${reason}`,
        'Pour en savoir plus, répondez à ce courriel.',
      ],
      'fiche-agent',
    ),
  resetPassword: (o: Organization, firstName: string, link: string): MailContent =>
    mail(o, 'Réinitialiser votre mot de passe', `Bonjour ${firstName},`, [
      'Vous avez demandé à réinitialiser le mot de passe de votre Espace Adhérent.',
      'Le lien ci-dessous ne sert qu’une fois et expire dans une heure. Si vous n’êtes pas à l’origine de cette demande, ignorez ce courriel : votre mot de passe reste inchangé.',
      `[Choisir un nouveau mot de passe](${link})`,
    ]),
  forgottenIdentifier: (o: Organization, firstName: string, identifier: string): MailContent =>
    mail(o, 'Votre identifiant CAES', `Bonjour ${firstName},`, [
      `Votre identifiant CAES : ${identifier}`,
      'Vous pouvez vous connecter à l’Espace Adhérent avec cet identifiant et votre mot de passe.',
    ]),
  passwordChanged: (o: Organization, firstName: string): MailContent =>
    mail(o, 'Mot de passe modifié', `Bonjour ${firstName},`, [
      'Le mot de passe de votre Espace Adhérent vient d’être modifié.',
      `Si vous n’êtes pas à l’origine de ce changement, écrivez-nous sans attendre à ${o.contactEmail}.`,
    ]),
  emailChanged: (o: Organization, firstName: string, newEmail: string): MailContent =>
    mail(o, 'Adresse électronique modifiée', `Bonjour ${firstName},`, [
      `L’adresse électronique de votre Espace Adhérent est désormais ${newEmail}. Nos courriels y seront envoyés.`,
      `Si vous n’êtes pas à l’origine de ce changement, écrivez-nous sans attendre à ${o.contactEmail}.`,
    ]),
  registrationDecision: (
    o: Organization,
    sector: StaffSector,
    firstName: string,
    decision: {
      outcome: 'confirmed' | 'waiting' | 'refused';
      participant: string;
      number: number;
      place: string | null;
      reasons: readonly string[];
    },
  ): MailContent =>
    mail(
      o,
      {
        confirmed: `Demande n° ${decision.number} : place confirmée`,
        waiting: `Demande n° ${decision.number} : liste d’attente`,
        refused: `Demande n° ${decision.number} : pas de place`,
      }[decision.outcome],
      `Bonjour ${firstName},`,
      [
        {
          confirmed: `Bonne nouvelle : ${decision.participant} a une place — ${decision.place ?? ''}.`,
          waiting: `${decision.participant} est sur la liste d’attente — ${decision.place ?? ''}. Nous vous écrirons dès qu’une place se libère.`,
          refused: `Nous n’avons pas pu proposer de place à ${decision.participant} pour cette demande.`,
        }[decision.outcome],
        ...decision.reasons,
        decision.outcome === 'confirmed'
          ? 'La facture et l’échéancier suivront ; le détail de la subvention est dans votre Espace Adhérent.'
          : 'Les arrhes versées vous seront rendues si aucune place ne vous est attribuée.',
      ],
      sector,
    ),
  instalmentDue: (
    o: Organization,
    sector: StaffSector,
    firstName: string,
    due: { reference: string; dueOn: string; amount: string },
  ): MailContent =>
    mail(
      o,
      `Échéance du ${due.dueOn} — facture ${due.reference}`,
      `Bonjour ${firstName},`,
      [
        `Une échéance de ${due.amount} de la facture ${due.reference} arrive le ${due.dueOn}.`,
        'Le détail et les moyens de paiement sont dans Mes dossiers factures de votre Espace Adhérent. Si vous avez déjà payé, ne tenez pas compte de ce message.',
      ],
      sector,
    ),
  unpaidWarning: (
    o: Organization,
    sector: StaffSector,
    firstName: string,
    place: { reference: string; stay: string; balance: string; payBy: string },
  ): MailContent =>
    mail(
      o,
      `Solde à régler avant le ${place.payBy} — facture ${place.reference}`,
      `Bonjour ${firstName},`,
      [
        `Il reste ${place.balance} à payer sur la facture ${place.reference} (${place.stay}).`,
        `Sans paiement complet le ${place.payBy}, un mois avant le départ, votre réservation sera considérée comme un désistement et les frais d’annulation s’appliqueront.`,
        'Vous pouvez payer dans Mes dossiers factures de votre Espace Adhérent. En cas de difficulté, écrivez au secteur de votre séjour : il peut vous accorder un échelonnement.',
      ],
      sector,
    ),
  paymentReversed: (
    o: Organization,
    sector: StaffSector,
    firstName: string,
    reversed: { reference: string; payment: string; reason: string; balance: string },
  ): MailContent =>
    mail(
      o,
      `Règlement annulé — facture ${reversed.reference}`,
      `Bonjour ${firstName},`,
      [
        `Votre règlement (${reversed.payment}) sur la facture ${reversed.reference} est annulé : ${reversed.reason}.`,
        `Il reste ${reversed.balance} à payer sur cette facture. Vous pouvez payer dans Mes dossiers factures de votre Espace Adhérent ; pour toute question, écrivez-nous.`,
      ],
      sector,
    ),
  placeWithdrawn: (
    o: Organization,
    sector: StaffSector,
    firstName: string,
    place: { reference: string; stay: string; fee: string; refund: string },
  ): MailContent =>
    mail(
      o,
      `Réservation annulée faute de paiement — facture ${place.reference}`,
      `Bonjour ${firstName},`,
      [
        `La facture ${place.reference} (${place.stay}) n’était pas payée un mois avant le départ : votre réservation est considérée comme un désistement et l’hébergement est libéré.`,
        `Frais d’annulation : ${place.fee}. À vous rembourser : ${place.refund}.`,
        'Le détail est dans Mes dossiers factures de votre Espace Adhérent.',
      ],
      sector,
    ),
  claimDecided: (
    o: Organization,
    sector: StaffSector,
    firstName: string,
    claim: { number: number; label: string; approvedCents: number | null; reason: string | null },
  ): MailContent =>
    mail(
      o,
      `Demande de subvention n° ${claim.number}`,
      `Bonjour ${firstName},`,
      [
        claim.approvedCents === null
          ? `Votre demande n° ${claim.number} (${claim.label}) n’a pas pu être acceptée.`
          : `Votre demande n° ${claim.number} (${claim.label}) est acceptée : ${formatCents(claim.approvedCents)} vous seront versés par virement sur votre RIB par défaut.`,
        ...(claim.reason ? [`Motif : ${claim.reason}`] : []),
      ],
      sector,
    ),
  sessionCancelled: (
    o: Organization,
    sector: StaffSector,
    firstName: string,
    request: {
      number: number;
      participant: string;
      stay: string;
      reason: string;
      consequence: string;
    },
  ): MailContent =>
    mail(
      o,
      `Demande n° ${request.number} : session annulée`,
      `Bonjour ${firstName},`,
      [
        `Nous sommes au regret d’annuler la session ${request.stay}, que vous aviez demandée pour ${request.participant}.`,
        `Motif : ${request.reason}`,
        request.consequence,
        'Le détail est dans Mes inscriptions de votre Espace Adhérent.',
      ],
      sector,
    ),
  claimPaid: (
    o: Organization,
    firstName: string,
    claim: { number: number; label: string; amountCents: number; sentOn: string },
  ): MailContent =>
    mail(
      o,
      `Demande de subvention n° ${claim.number} versée`,
      `Bonjour ${firstName},`,
      [
        `La subvention de votre demande n° ${claim.number} (${claim.label}), ${formatCents(claim.amountCents)}, a été transmise à notre banque le ${formatIsoDate(claim.sentOn)} : le virement arrive sur votre RIB par défaut sous quelques jours ouvrés.`,
      ],
      'comptabilite',
    ),
  solidarityDecided: (
    o: Organization,
    firstName: string,
    request: {
      number: number;
      grantedCents: number | null;
      months: number | null;
      reason: string | null;
    },
  ): MailContent =>
    mail(
      o,
      `Solidarité — demande n° ${request.number}`,
      `Bonjour ${firstName},`,
      [
        request.grantedCents === null
          ? `Votre demande n° ${request.number} n’a pas pu être acceptée.`
          : request.months
            ? `Un prêt sans intérêt de ${formatCents(request.grantedCents)} vous est accordé, remboursable en ${request.months} mensualités : l’échéancier est dans votre Espace Adhérent.`
            : `Une aide exceptionnelle de ${formatCents(request.grantedCents)} vous est accordée.`,
        ...(request.reason ? [`Motif : ${request.reason}`] : []),
      ],
      'solidarite',
    ),
  recordValidated: (o: Organization, firstName: string, year: number): MailContent =>
    mail(
      o,
      `Fiche Agent ${year} validée`,
      `Bonjour ${firstName},`,
      [
        `Votre Fiche Agent ${year} est validée. Vos taux de subvention et votre plafond annuel sont à jour dans votre Espace Adhérent.`,
      ],
      'fiche-agent',
    ),
  recordRejected: (o: Organization, firstName: string, year: number, reason: string): MailContent =>
    mail(
      o,
      `Fiche Agent ${year} à compléter`,
      `Bonjour ${firstName},`,
      [
        `Votre Fiche Agent ${year} n’a pas pu être validée.`,
        `Motif : ${reason}`,
        'Vous pouvez la corriger dans votre Espace Adhérent puis l’envoyer à nouveau.',
      ],
      'fiche-agent',
    ),
};
