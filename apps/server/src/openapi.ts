import {
  auditPageAnswer,
  agentRecordAnswer,
  agentRecordYearAnswer,
  bankAccountsAnswer,
  benefitsAnswer,
  memberFileAnswer,
  memberSearchAnswer,
  recordQueueAnswer,
  selectionApplied,
  selectionPreview,
  onlinePayment,
  startedOnlinePayment,
  onlinePaymentsFollowUpAnswer,
  payout,
  payoutPreviewAnswer,
  payoutsAnswer,
  preparedPayoutAnswer,
  staffPacksAnswer,
  dashboardsAnswer,
  committeeIdentityAnswer,
  staffAccountsAnswer,
  staffQueuesAnswer,
  secondFactorSummary,
  memberProfileAnswer,
  invoiceFollowUpAnswer,
  memberInvoicesAnswer,
  memberRegistrationsAnswer,
  registrationView,
  claimQueueAnswer,
  claimView,
  memberClaimsAnswer,
  entitlementsAnswer,
  fileReadsAnswer,
  memberHomeAnswer,
  packChangesAnswer,
  historyAnswer,
  failedMail,
  activityInput,
  cancellationRequest,
  paymentReversal,
  instalmentsAgreement,
  claimDecision,
  claimEstimate,
  claimInput,
  payoutRequest,
  payoutSent,
  payoutCancellation,
  depositSlipRequest,
  modificationRequest,
  paymentInput,
  notificationHandled,
  planChoice,
  agentRecordInput,
  bankAccountInput,
  changePasswordRequest,
  contactDetails,
  errorAnswer,
  forgotIdentifierRequest,
  forgotPasswordRequest,
  invalidInputAnswer,
  loginAnswer,
  loginRequest,
  newPasskey,
  passkeyResponse,
  secondFactorCode,
  secondFactorReset,
  partnerOfferInput,
  packListAnswer,
  packDraftInput,
  packDraftSave,
  packPublication,
  recordDecision,
  registrationInput,
  recoveryAnswer,
  sessionAnswer,
  sessionInput,
  solidarityDecision,
  solidarityRequest,
  solidarityRequestsAnswer,
  solidarityInput,
  setPasswordRequest,
  signUpDecisionRequest,
  signUpRefusals,
  committeeIdentityInput,
  signUpRequest,
  signUpRequestSummary,
  simulationAnswer,
  simulationRequest,
  sessionCancellationRequest,
  selectionPostponement,
  claimApprovals,
  sectorBudgetInput,
  recordValidations,
  rateCurveAnswer,
  packPageAnswer,
  packDraftsAnswer,
  packDraftAnswer,
  draftCheck,
  publishedPack,
  packImpactAnswer,
  secondFactorPassed,
  passkeyOptions,
  totpEnrolment,
  secondFactorAdded,
  renewedRecoveryCodes,
  signUpRefusalsAnswer,
  documentSummary,
  documentsAnswer,
  taxNoticeReading,
  uploadedPhoto,
  recordYearsAnswer,
  recordFileAnswer,
  recordValidationsAnswer,
  cardCheck,
  partnerOffersAnswer,
  partnerOffer,
  catalogueAnswer,
  activityPageAnswer,
  staffActivitiesAnswer,
  activityAnswer,
  activitySessionAnswer,
  sessionCancellation,
  registrationPreview,
  invoiceAccount,
  onlinePaymentProvider,
  refundRetried,
  notificationMarked,
  planPreviewAnswer,
  payment,
  chequesAnswer,
  depositSlip,
  paymentReversed,
  placeChangeResult,
  consistencyReport,
  changeOptions,
  claimPreview,
  claimApprovalsAnswer,
  placeChangePreview,
} from '@entraide/contract';
import { z } from 'zod';

/**
 * What a route sends on success: a JSON answer of a contract schema, a file of one of some media
 * types (`image/*` for any picture), or nothing (204).
 */
export type Success =
  { readonly answer: z.ZodType } | { readonly files: readonly string[] } | { readonly empty: true };

type Operation = Success & {
  readonly method: 'get' | 'post' | 'put' | 'delete';
  readonly path: string;
  readonly summary: string;
  readonly body?: z.ZodType;
  readonly auth?: 'member' | 'staff' | 'admin';
};

const PDF = 'application/pdf';
const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every route of the API, with the contract schemas it reads and answers. */
const OPERATIONS: readonly Operation[] = [
  {
    method: 'post',
    path: '/api/v1/simulations',
    summary: 'Simulation publique : parts, QF, taux, plafond, aide au ski (SPEC §8)',
    body: simulationRequest,
    answer: simulationAnswer,
  },
  {
    method: 'get',
    path: '/api/packs/{id}/rate-curve',
    summary: 'Le taux de chaque grille d’un barème selon le quotient familial (tous les 250 €)',
    answer: rateCurveAnswer,
  },
  {
    method: 'get',
    path: '/api/packs/{id}/page',
    summary:
      'Un barème écrit pour tous : la formule de chaque taux, le tableau du plafond annuel, les exemples vérifiés',
    answer: packPageAnswer,
  },
  { method: 'get', path: '/api/v1/packs', summary: 'Barèmes disponibles', answer: packListAnswer },
  {
    method: 'get',
    path: '/api/admin/pack-drafts',
    summary: 'Studio des barèmes : les brouillons et les barèmes publiés, les barèmes de départ',
    auth: 'admin',
    answer: packDraftsAnswer,
  },
  {
    method: 'post',
    path: '/api/admin/pack-drafts',
    summary: 'Nouveau brouillon : l’année suivante d’un barème, ou un fichier JSON importé',
    body: packDraftInput,
    auth: 'admin',
    answer: packDraftAnswer,
  },
  {
    method: 'get',
    path: '/api/admin/pack-drafts/{id}',
    summary: 'Un brouillon, ses erreurs, ses avertissements, ses cas de test et ses paramètres',
    auth: 'admin',
    answer: packDraftAnswer,
  },
  {
    method: 'put',
    path: '/api/admin/pack-drafts/{id}',
    summary: 'Enregistrer un brouillon (même avec des erreurs) ; la réponse le vérifie',
    body: packDraftSave,
    auth: 'admin',
    answer: packDraftAnswer,
  },
  {
    method: 'post',
    path: '/api/admin/pack-drafts/{id}/check',
    summary:
      'Vérifier ce qui est à l’écran sans l’enregistrer : erreurs, avertissements, cas de test',
    body: packDraftSave,
    auth: 'admin',
    answer: draftCheck,
  },
  {
    method: 'delete',
    path: '/api/admin/pack-drafts/{id}',
    summary: 'Supprimer un brouillon (jamais un barème publié)',
    auth: 'admin',
    empty: true,
  },
  {
    method: 'post',
    path: '/api/admin/pack-drafts/{id}/publish',
    summary: 'Publier un brouillon sous un nom et une période : il ne change plus',
    body: packPublication,
    auth: 'admin',
    answer: publishedPack,
  },
  {
    method: 'get',
    path: '/api/admin/pack-drafts/{id}/impact',
    summary:
      'Le coût d’un brouillon sur les foyers validés et les séjours de l’année, face au barème en vigueur',
    auth: 'admin',
    answer: packImpactAnswer,
  },
  {
    method: 'get',
    path: '/api/admin/pack-drafts/{id}/impact.xlsx',
    summary: 'Le coût d’un brouillon, foyer par foyer, en tableur',
    auth: 'admin',
    files: [XLSX],
  },
  {
    method: 'get',
    path: '/api/admin/packs/{id}/json',
    summary: 'Un barème (ou un brouillon) en fichier JSON, tel que le moteur le lit',
    auth: 'admin',
    files: ['application/json'],
  },
  {
    method: 'get',
    path: '/api/me/benefits',
    summary:
      'Mes prestations : par année, les séjours, les subventions a posteriori et les aides Solidarité reçues, la part du comité et le plafond utilisé',
    answer: benefitsAnswer,
    auth: 'member',
  },
  {
    method: 'get',
    path: '/api/me/history',
    summary:
      'Historique : par année, les droits de la Fiche Agent validée (parts, quotient, taux, plafond), le plafond utilisé et ce que le comité a pris en charge',
    answer: historyAnswer,
    auth: 'member',
  },
  {
    method: 'get',
    path: '/api/me/pack-changes',
    summary: 'Ce qui change pour moi : mes chiffres avec le barème de ma Fiche et le prochain',
    answer: packChangesAnswer,
    auth: 'member',
  },
  {
    method: 'get',
    path: '/api/session',
    summary: 'Session en cours (et jeton CSRF en cookie)',
    answer: sessionAnswer,
  },
  {
    method: 'post',
    path: '/api/session',
    summary: 'Connexion (identifiant CAES + mot de passe) ; dit si un second facteur suit',
    body: loginRequest,
    answer: loginAnswer,
  },
  {
    method: 'post',
    path: '/api/session/second-factor',
    summary: 'Second facteur de la connexion : code de l’application (TOTP) ou code de secours',
    body: secondFactorCode,
    answer: secondFactorPassed,
  },
  {
    method: 'post',
    path: '/api/session/second-factor/passkey/options',
    summary: 'Second facteur par clé d’accès : le défi WebAuthn',
    answer: passkeyOptions,
  },
  {
    method: 'post',
    path: '/api/session/second-factor/passkey',
    summary: 'Second facteur par clé d’accès : la signature du navigateur',
    body: passkeyResponse,
    empty: true,
  },
  {
    method: 'get',
    path: '/api/me/second-factor',
    summary: 'Mes seconds facteurs (application, clés d’accès, codes de secours restants)',
    answer: secondFactorSummary,
    auth: 'member',
  },
  {
    method: 'post',
    path: '/api/me/second-factor/totp',
    summary: 'Nouvelle application d’authentification : secret et QR code',
    auth: 'member',
    answer: totpEnrolment,
  },
  {
    method: 'post',
    path: '/api/me/second-factor/totp/confirm',
    summary: 'Confirmer l’application par un code (donne les codes de secours)',
    body: secondFactorCode,
    auth: 'member',
    answer: secondFactorAdded,
  },
  {
    method: 'post',
    path: '/api/me/second-factor/passkeys/options',
    summary: 'Nouvelle clé d’accès : les options WebAuthn',
    auth: 'member',
    answer: passkeyOptions,
  },
  {
    method: 'post',
    path: '/api/me/second-factor/passkeys',
    summary: 'Enregistrer la clé d’accès créée par le navigateur',
    body: newPasskey,
    auth: 'member',
    answer: secondFactorAdded,
  },
  {
    method: 'post',
    path: '/api/me/second-factor/recovery-codes',
    summary: 'Nouveaux codes de secours (les anciens ne valent plus)',
    auth: 'member',
    answer: renewedRecoveryCodes,
  },
  {
    method: 'get',
    path: '/api/me/home',
    summary:
      'Mon espace : à faire, subventions de l’année face au plafond, dossiers et leurs étapes, courriels reçus',
    answer: memberHomeAnswer,
    auth: 'member',
  },
  {
    method: 'get',
    path: '/api/me/file-reads',
    summary: 'Qui a consulté mon dossier (lectures du personnel, journalisées)',
    answer: fileReadsAnswer,
    auth: 'member',
  },
  {
    method: 'get',
    path: '/api/me/data.zip',
    summary: 'Télécharger mes données (JSON et PDF d’origine, ZIP)',
    auth: 'member',
    files: ['application/zip'],
  },
  {
    method: 'post',
    path: '/api/me/account/close',
    summary: 'Fermer mon compte (mot de passe ; anonymise ce qui ne doit pas être gardé)',
    body: z.object({ password: z.string() }),
    auth: 'member',
    empty: true,
  },
  {
    method: 'get',
    path: '/api/admin/staff-accounts',
    summary: 'Comptes du personnel et leur second facteur',
    answer: staffAccountsAnswer,
    auth: 'admin',
  },
  {
    method: 'post',
    path: '/api/admin/users/{id}/second-factor/reset',
    summary: 'Réinitialiser le second facteur d’un compte (motif journalisé, courriel envoyé)',
    body: secondFactorReset,
    auth: 'admin',
    empty: true,
  },
  { method: 'delete', path: '/api/session', summary: 'Déconnexion', empty: true },
  {
    method: 'post',
    path: '/api/sign-up-requests',
    summary: 'Demande d’inscription (4 étapes)',
    body: signUpRequest,
    answer: z.object({ id: z.string() }),
  },
  {
    method: 'post',
    path: '/api/recovery/password',
    summary: 'Mot de passe oublié',
    body: forgotPasswordRequest,
    answer: recoveryAnswer,
  },
  {
    method: 'post',
    path: '/api/recovery/identifier',
    summary: 'Identifiant oublié',
    body: forgotIdentifierRequest,
    answer: recoveryAnswer,
  },
  {
    method: 'post',
    path: '/api/password',
    summary: 'Choisir son mot de passe avec un lien reçu par courriel',
    body: setPasswordRequest,
    empty: true,
  },
  {
    method: 'put',
    path: '/api/me/password',
    summary: 'Changer mon mot de passe',
    body: changePasswordRequest,
    auth: 'member',
    empty: true,
  },
  {
    method: 'put',
    path: '/api/me/contact',
    summary: 'Modifier mes coordonnées (courriel, téléphone, adresse)',
    body: contactDetails,
    auth: 'member',
    empty: true,
  },
  {
    method: 'get',
    path: '/api/members/{id}',
    summary: 'Fiche d’un adhérent (lui-même ou le personnel)',
    answer: memberProfileAnswer,
    auth: 'member',
  },
  {
    method: 'get',
    path: '/api/staff/sign-up-requests',
    summary: 'Demandes d’inscription à traiter',
    answer: z.object({ requests: z.array(signUpRequestSummary) }),
    auth: 'staff',
  },
  {
    method: 'post',
    path: '/api/staff/sign-up-requests/{id}/approve',
    summary: 'Valider une inscription',
    answer: z.object({ identifier: z.string() }),
    auth: 'staff',
  },
  {
    method: 'post',
    path: '/api/staff/sign-up-requests/{id}/reject',
    summary: 'Refuser une inscription',
    body: signUpDecisionRequest,
    auth: 'staff',
    empty: true,
  },
  {
    method: 'post',
    path: '/api/staff/sign-up-requests/refusals',
    summary:
      'Refuser plusieurs inscriptions pour un même motif ; celles décidées entre-temps sont laissées, avec la raison',
    body: signUpRefusals,
    auth: 'staff',
    answer: signUpRefusalsAnswer,
  },
  {
    method: 'get',
    path: '/api/admin/audit-log',
    summary:
      'Journal des actions du personnel, 100 par page, cherché par action, auteur, personne concernée et dates (?action&actor&member&from&to&before)',
    answer: auditPageAnswer,
    auth: 'admin',
  },
  {
    method: 'post',
    path: '/api/me/documents',
    summary:
      'Déposer un document PDF (corps : le fichier ; ?kind=taxNotice|spouseTaxNotice|payslip|…&name=…)',
    auth: 'member',
    answer: documentSummary,
  },
  {
    method: 'get',
    path: '/api/me/documents',
    summary: 'Mes documents',
    auth: 'member',
    answer: documentsAnswer,
  },
  {
    method: 'get',
    path: '/api/committee/logo',
    summary: 'Le logo du comité (PNG), s’il en a un',
    files: ['image/png'],
  },
  {
    method: 'get',
    path: '/api/admin/committee',
    summary: 'Identité du comité : nom, nom court, adresse, couleur, logo',
    answer: committeeIdentityAnswer,
    auth: 'admin',
  },
  {
    method: 'put',
    path: '/api/admin/committee',
    summary: 'Changer le nom, l’adresse ou la couleur du comité (un texte blanc doit s’y lire)',
    body: committeeIdentityInput,
    answer: committeeIdentityAnswer,
    auth: 'admin',
  },
  {
    method: 'put',
    path: '/api/admin/committee/logo',
    summary:
      'Déposer le logo du comité (corps : l’image JPEG, PNG ou WebP), réduit à 480 × 160 pixels au plus',
    answer: committeeIdentityAnswer,
    auth: 'admin',
  },
  {
    method: 'delete',
    path: '/api/admin/committee/logo',
    summary: 'Retirer le logo',
    answer: committeeIdentityAnswer,
    auth: 'admin',
  },
  {
    method: 'get',
    path: '/api/admin/failed-mails',
    summary: 'Courriels refusés à chaque tentative par le serveur de messagerie',
    answer: z.array(failedMail),
    auth: 'admin',
  },
  {
    method: 'post',
    path: '/api/admin/failed-mails/{id}/resend',
    summary: 'Renvoyer un courriel non distribué (il repart par la file)',
    answer: z.object({ id: z.string() }),
    auth: 'admin',
  },
  {
    method: 'post',
    path: '/api/me/tax-notice-readings',
    summary:
      'Lire un avis d’impôt (corps : le PDF, ou une photo JPEG ou PNG) : ses chiffres, lus dans son code 2D-DOC, et s’il est authentique',
    auth: 'member',
    answer: taxNoticeReading,
  },
  {
    method: 'post',
    path: '/api/staff/activity-photos',
    summary:
      'Déposer la photo d’une activité (corps : l’image JPEG, PNG ou WebP), réduite à 1 200 × 800 pixels, sans ses métadonnées',
    auth: 'staff',
    answer: uploadedPhoto,
  },
  {
    method: 'get',
    path: '/api/activity-photos/{id}',
    summary: 'La photo d’une activité (JPEG)',
    files: ['image/jpeg'],
  },
  {
    method: 'get',
    path: '/api/me/bank-accounts',
    summary: 'Mes RIB (IBAN masqué)',
    answer: bankAccountsAnswer,
    auth: 'member',
  },
  {
    method: 'post',
    path: '/api/me/bank-accounts',
    summary: 'Ajouter un RIB (IBAN et BIC vérifiés)',
    body: bankAccountInput,
    answer: bankAccountsAnswer,
    auth: 'member',
  },
  {
    method: 'post',
    path: '/api/me/bank-accounts/{id}/default',
    summary: 'Choisir le RIB par défaut',
    answer: bankAccountsAnswer,
    auth: 'member',
  },
  {
    method: 'delete',
    path: '/api/me/bank-accounts/{id}',
    summary: 'Supprimer un RIB',
    answer: bankAccountsAnswer,
    auth: 'member',
  },
  {
    method: 'get',
    path: '/api/staff/packs',
    summary: 'Barèmes : paramètres et seuils annoncés comparés aux formules',
    answer: staffPacksAnswer,
    auth: 'staff',
  },
  {
    method: 'get',
    path: '/api/record-years',
    summary: 'Années pour lesquelles une Fiche Agent peut être validée',
    answer: recordYearsAnswer,
  },
  {
    method: 'get',
    path: '/api/documents/{id}',
    summary: 'Lire un document (son titulaire ou le personnel)',
    auth: 'member',
    files: [PDF],
  },
  {
    method: 'get',
    path: '/api/me/agent-records/{year}',
    summary:
      'Ma Fiche Agent de l’année, toutes versions, l’année des revenus demandée et ce que disent ses avis d’impôt',
    answer: agentRecordYearAnswer,
    auth: 'member',
  },
  {
    method: 'put',
    path: '/api/me/agent-records/{year}',
    summary: 'Enregistrer ma Fiche Agent (brouillon, nouvelle version après une décision)',
    body: agentRecordInput,
    answer: agentRecordAnswer,
    auth: 'member',
  },
  {
    method: 'post',
    path: '/api/me/agent-records/{year}/submit',
    summary: 'Envoyer ma Fiche Agent au personnel',
    answer: agentRecordAnswer,
    auth: 'member',
  },
  {
    method: 'get',
    path: '/api/me/entitlements/{year}',
    summary: 'Mes taux, mon plafond et leur explication (fiche validée)',
    answer: entitlementsAnswer,
    auth: 'member',
  },
  {
    method: 'get',
    path: '/api/staff/agent-records',
    summary:
      'Fiches Agent à valider (les plus anciennes d’abord ; ?status=&year=&sector=&notices=), avec ce que disent leurs avis d’impôt',
    answer: recordQueueAnswer,
    auth: 'staff',
  },
  {
    method: 'get',
    path: '/api/staff/agent-records/{id}',
    summary:
      'Une Fiche Agent, toutes ses versions, ses avis d’impôt lus côte à côte avec les revenus saisis (numéros fiscaux compris)',
    auth: 'staff',
    answer: recordFileAnswer,
  },
  {
    method: 'post',
    path: '/api/staff/agent-records/validations',
    summary:
      'Valider plusieurs Fiches Agent lues comme concordantes, chacune dans sa transaction ; celles décidées entre-temps sont laissées, avec la raison',
    body: recordValidations,
    auth: 'staff',
    answer: recordValidationsAnswer,
  },
  {
    method: 'post',
    path: '/api/staff/agent-records/{id}/validate',
    summary: 'Valider une Fiche Agent (calcul des parts, du QF, des taux, du plafond)',
    auth: 'staff',
    answer: agentRecordAnswer,
  },
  {
    method: 'post',
    path: '/api/staff/agent-records/{id}/reject',
    summary: 'Refuser une Fiche Agent avec un motif',
    body: recordDecision,
    auth: 'staff',
    empty: true,
  },
  {
    method: 'get',
    path: '/api/me/card.pdf',
    summary: 'Ma carte adhérent (PDF avec code QR)',
    auth: 'member',
    files: [PDF],
  },
  {
    method: 'get',
    path: '/api/cards/{token}',
    summary: 'Vérification publique d’une carte : nom et validité seulement',
    answer: cardCheck,
  },
  {
    method: 'get',
    path: '/api/staff/members',
    summary: 'Rechercher un adhérent (nom, identifiant, matricule ; ?q=)',
    answer: memberSearchAnswer,
    auth: 'staff',
  },
  {
    method: 'get',
    path: '/api/staff/members/{id}',
    summary: 'Dossier d’un adhérent : fiches et versions, documents, RIB, journal',
    answer: memberFileAnswer,
    auth: 'staff',
  },
  {
    method: 'get',
    path: '/api/me/forms/subvention-administrative.pdf',
    summary: 'Mandat « subvention administrative » pré-rempli (PDF)',
    auth: 'member',
    files: [PDF],
  },
  {
    method: 'get',
    path: '/api/me/forms/attestation-non-subvention.pdf',
    summary:
      'Attestation de non-subvention pour l’employeur du conjoint, pré-remplie (PDF ; ?year=)',
    auth: 'member',
    files: [PDF],
  },
  {
    method: 'get',
    path: '/api/partner-offers',
    summary: 'Infos partenariat : offres et codes des partenaires',
    auth: 'member',
    answer: partnerOffersAnswer,
  },
  {
    method: 'post',
    path: '/api/staff/partner-offers',
    summary: 'Ajouter une offre partenaire',
    body: partnerOfferInput,
    auth: 'staff',
    answer: partnerOffer,
  },
  {
    method: 'put',
    path: '/api/staff/partner-offers/{id}',
    summary: 'Modifier une offre partenaire',
    body: partnerOfferInput,
    auth: 'staff',
    answer: partnerOffer,
  },
  {
    method: 'delete',
    path: '/api/staff/partner-offers/{id}',
    summary: 'Supprimer une offre partenaire',
    auth: 'staff',
    empty: true,
  },
  {
    method: 'get',
    path: '/api/activities',
    summary: 'Catalogue public (filtres : secteur, âge, dates, places restantes)',
    answer: catalogueAnswer,
  },
  {
    method: 'get',
    path: '/api/activities/{id}',
    summary: 'Activité et ses sessions ; pour un adhérent connecté, le reste à payer de chacun',
    answer: activityPageAnswer,
  },
  {
    method: 'get',
    path: '/api/staff/activities',
    summary: 'Activités des secteurs du gestionnaire (publiées ou non)',
    auth: 'staff',
    answer: staffActivitiesAnswer,
  },
  {
    method: 'post',
    path: '/api/staff/activities',
    summary: 'Créer une activité',
    body: activityInput,
    auth: 'staff',
    answer: activityAnswer,
  },
  {
    method: 'put',
    path: '/api/staff/activities/{id}',
    summary: 'Modifier une activité',
    body: activityInput,
    auth: 'staff',
    answer: activityAnswer,
  },
  {
    method: 'post',
    path: '/api/staff/activities/{id}/sessions',
    summary: 'Ajouter une session (dates, âges, places, prix, transport, clôture)',
    body: sessionInput,
    auth: 'staff',
    answer: activitySessionAnswer,
  },
  {
    method: 'put',
    path: '/api/staff/activities/{id}/sessions/{sessionId}',
    summary:
      'Modifier une session (les demandes déjà faites gardent le prix de leur devis, les places données restent)',
    body: sessionInput,
    auth: 'staff',
    answer: activitySessionAnswer,
  },
  {
    method: 'get',
    path: '/api/staff/activities/{id}/sessions/{sessionId}/cancellation',
    summary:
      'Ce que l’annulation d’une session ferait, répétée puis défaite : demandes annulées ou gardant d’autres choix, liste d’attente, places et remboursements (à renvoyer dans `expected`)',
    auth: 'staff',
    answer: sessionCancellation,
  },
  {
    method: 'post',
    path: '/api/staff/activities/{id}/sessions/{sessionId}/cancellation',
    summary:
      'Annuler une session : chaque famille est prévenue avec le motif, les places sont annulées sans frais et remboursées ; avec `expected`, seulement si elle fait encore ce qui a été lu (sinon 409 `effect_changed`)',
    body: sessionCancellationRequest,
    auth: 'staff',
    answer: sessionCancellation,
  },
  {
    method: 'post',
    path: '/api/me/registrations/quote',
    summary:
      'Aperçu d’une demande : subvention, reste à payer et arrhes de chaque choix, expliqués',
    body: registrationInput,
    auth: 'member',
    answer: registrationPreview,
  },
  {
    method: 'get',
    path: '/api/me/registrations',
    summary: 'Mes demandes d’inscription',
    answer: memberRegistrationsAnswer,
    auth: 'member',
  },
  {
    method: 'post',
    path: '/api/me/registrations',
    summary: 'Envoyer une demande d’inscription (jusqu’à 3 choix classés)',
    body: registrationInput,
    answer: registrationView,
    auth: 'member',
  },
  {
    method: 'put',
    path: '/api/me/registrations/{id}',
    summary: 'Modifier une demande jusqu’à la clôture',
    body: registrationInput,
    answer: registrationView,
    auth: 'member',
  },
  {
    method: 'delete',
    path: '/api/me/registrations/{id}',
    summary: 'Retirer une demande (une place libérée revient à la liste d’attente)',
    auth: 'member',
    empty: true,
  },
  {
    method: 'get',
    path: '/api/me/registrations/{id}/form.pdf',
    summary: 'Formulaire de demande pré-rempli (PDF)',
    auth: 'member',
    files: [PDF],
  },
  {
    method: 'get',
    path: '/api/staff/selection/{sector}',
    summary: 'Aperçu de la sélection des sessions clôturées d’un secteur',
    answer: selectionPreview,
    auth: 'staff',
  },
  {
    method: 'post',
    path: '/api/staff/selection/{sector}',
    summary: 'Appliquer la sélection prévisualisée (jeton de l’aperçu) et prévenir les familles',
    answer: selectionApplied,
    auth: 'staff',
  },
  {
    method: 'put',
    path: '/api/staff/selection/{sector}/day',
    summary:
      'Reporter la sélection automatique du secteur (au plus tard au jour de réponse promis aux familles)',
    body: selectionPostponement,
    answer: selectionPreview,
    auth: 'staff',
  },
  {
    method: 'get',
    path: '/api/staff/sessions/{id}/participants.csv',
    summary: 'Liste des participants pour le prestataire (CSV)',
    auth: 'staff',
    files: [CSV],
  },
  {
    method: 'get',
    path: '/api/staff/sessions/{id}/participants.pdf',
    summary: 'Liste des participants pour le prestataire (PDF)',
    auth: 'staff',
    files: [PDF],
  },
  {
    method: 'get',
    path: '/api/me/invoices',
    summary:
      'Mes dossiers factures : factures, avoirs, règlements, échéances, échelonnements possibles',
    answer: memberInvoicesAnswer,
    auth: 'member',
  },
  {
    method: 'get',
    path: '/api/me/invoices/{id}/pdf',
    summary: 'Une de mes factures ou un avoir (PDF)',
    auth: 'member',
    files: [PDF],
  },
  {
    method: 'put',
    path: '/api/me/invoices/{id}/plan',
    summary: 'Échelonner le reste à payer',
    body: planChoice,
    auth: 'member',
    answer: invoiceAccount,
  },
  {
    method: 'get',
    path: '/api/me/online-payments/provider',
    summary: 'Le fournisseur de paiement en ligne du comité (local en développement)',
    auth: 'member',
    answer: onlinePaymentProvider,
  },
  {
    method: 'post',
    path: '/api/me/invoices/{id}/online-payment',
    summary:
      'Payer en ligne ce qui est dû maintenant sur une facture : la page du fournisseur (lien ou formulaire signé)',
    answer: startedOnlinePayment,
    auth: 'member',
  },
  {
    method: 'get',
    path: '/api/staff/online-payments/notifications',
    summary:
      'Les notifications de paiement en ligne à traiter (référence inconnue, autre montant, facture annulée ou déjà payée) et les remboursements en ligne pas encore confirmés',
    answer: onlinePaymentsFollowUpAnswer,
    auth: 'staff',
  },
  {
    method: 'post',
    path: '/api/staff/online-payments/refunds/{id}/retry',
    summary: 'Redemander au prestataire un remboursement en ligne qui a échoué',
    auth: 'staff',
    answer: refundRetried,
  },
  {
    method: 'post',
    path: '/api/staff/online-payments/notifications/{id}/handled',
    summary: 'Noter comment une notification à traiter l’a été (remboursement, paiement placé)',
    body: notificationHandled,
    auth: 'staff',
    answer: notificationMarked,
  },
  {
    method: 'get',
    path: '/api/me/online-payments/{reference}',
    summary: 'Où en est un paiement en ligne : en cours, payé, refusé, abandonné ou expiré',
    answer: onlinePayment,
    auth: 'member',
  },
  {
    method: 'post',
    path: '/api/payments/notifications/{provider}',
    summary:
      'La notification signée d’un fournisseur de paiement (stripe, lyra, local) : seule à enregistrer un paiement en ligne',
    files: ['text/plain'],
  },
  {
    method: 'post',
    path: '/api/me/invoices/{id}/plan/preview',
    summary: 'L’échéancier (dates et montants) qu’un échelonnement donnerait, sans l’enregistrer',
    body: planChoice,
    auth: 'member',
    answer: planPreviewAnswer,
  },
  {
    method: 'get',
    path: '/api/staff/invoices',
    summary: 'Suivi des soldes impayés, ou une facture par sa référence',
    answer: invoiceFollowUpAnswer,
    auth: 'staff',
  },
  {
    method: 'get',
    path: '/api/staff/invoices/{id}/pdf',
    summary: 'Facture ou avoir (PDF)',
    auth: 'staff',
    files: [PDF],
  },
  {
    method: 'post',
    path: '/api/staff/payments',
    summary: 'Saisir un règlement (en-tête Idempotency-Key obligatoire)',
    body: paymentInput,
    auth: 'staff',
    answer: payment,
  },
  {
    method: 'get',
    path: '/api/staff/cheques',
    summary: 'Chèques à remettre en banque jusqu’à une date',
    auth: 'staff',
    answer: chequesAnswer,
  },
  {
    method: 'post',
    path: '/api/staff/deposit-slips',
    summary: 'Créer la remise de chèques',
    body: depositSlipRequest,
    auth: 'staff',
    answer: depositSlip,
  },
  {
    method: 'get',
    path: '/api/staff/deposit-slips/{id}/pdf',
    summary: 'Bordereau de remise de chèques (PDF)',
    auth: 'staff',
    files: [PDF],
  },
  {
    method: 'post',
    path: '/api/staff/payments/{id}/reversal',
    summary:
      'Annuler un règlement saisi au guichet (erreur de saisie, chèque revenu impayé) : une ligne inverse, la famille prévenue',
    body: paymentReversal,
    auth: 'staff',
    answer: paymentReversed,
  },
  {
    method: 'post',
    path: '/api/staff/registrations/{id}/cancel',
    summary: 'Annuler une place confirmée : avoir, frais d’annulation, remboursement',
    body: cancellationRequest,
    auth: 'staff',
    answer: placeChangeResult,
  },
  {
    method: 'post',
    path: '/api/staff/registrations/{id}/cancel/preview',
    summary:
      'Ce que donnerait l’annulation d’une place (frais, remboursement), pour sa confirmation : rien n’est écrit',
    body: cancellationRequest,
    answer: placeChangePreview,
    auth: 'staff',
  },
  {
    method: 'put',
    path: '/api/staff/registrations/{id}/instalments-agreed',
    summary:
      'Échelonnement accordé à la famille : pas de désistement automatique faute de paiement (CNRS)',
    body: instalmentsAgreement,
    auth: 'staff',
    answer: instalmentsAgreement,
  },
  {
    method: 'get',
    path: '/api/staff/exports/{kind}.{format}',
    summary: 'Export comptable (factures, règlements, subventions) en CSV ou XLSX',
    auth: 'staff',
    files: [CSV, XLSX],
  },
  {
    method: 'get',
    path: '/api/staff/billing/consistency',
    summary: 'Contrôle de cohérence des montants',
    auth: 'staff',
    answer: consistencyReport,
  },
  {
    method: 'get',
    path: '/api/staff/registrations/{id}/change-options',
    summary:
      'Session et transport d’une place confirmée, et les sessions de son activité où elle peut aller',
    auth: 'staff',
    answer: changeOptions,
  },
  {
    method: 'post',
    path: '/api/staff/registrations/{id}/modify',
    summary:
      'Changer la session ou le transport d’une place confirmée : avoir, nouvelle facture, frais de modification',
    body: modificationRequest,
    auth: 'staff',
    answer: placeChangeResult,
  },
  {
    method: 'post',
    path: '/api/staff/registrations/{id}/modify/preview',
    summary:
      'Ce que donnerait le changement d’une place (nouvelle facture, frais, remboursement), pour sa confirmation : rien n’est écrit',
    body: modificationRequest,
    answer: placeChangePreview,
    auth: 'staff',
  },
  {
    method: 'post',
    path: '/api/me/claims/quote',
    summary:
      'Estimation d’une demande de subvention a posteriori, expliquée (le justificatif n’est requis que pour l’envoyer)',
    body: claimEstimate,
    auth: 'member',
    answer: claimPreview,
  },
  {
    method: 'get',
    path: '/api/me/claims',
    summary: 'Mes dossiers subventions',
    answer: memberClaimsAnswer,
    auth: 'member',
  },
  {
    method: 'post',
    path: '/api/me/claims',
    summary: 'Demander une subvention a posteriori (justificatifs PDF)',
    body: claimInput,
    answer: claimView,
    auth: 'member',
  },
  {
    method: 'get',
    path: '/api/staff/claims',
    summary:
      'Demandes de subvention à examiner, par secteur : les 500 plus anciennes, et combien attendent en tout',
    answer: claimQueueAnswer,
    auth: 'staff',
  },
  {
    method: 'post',
    path: '/api/staff/claims/{id}/decision',
    summary: 'Accorder, accorder en partie ou refuser une demande',
    body: claimDecision,
    answer: claimView,
    auth: 'staff',
  },
  {
    method: 'post',
    path: '/api/staff/claims/approvals',
    summary:
      'Accorder plusieurs demandes à la fois, chacune au montant recalculé ; celles décidées entre-temps sont laissées, avec la raison',
    body: claimApprovals,
    auth: 'staff',
    answer: claimApprovalsAnswer,
  },

  {
    method: 'get',
    path: '/api/staff/home',
    summary: 'Accueil de la gestion : ce qui attend dans chaque file du gestionnaire',
    answer: staffQueuesAnswer,
    auth: 'staff',
  },
  {
    method: 'get',
    path: '/api/staff/dashboard',
    summary:
      'Tableaux de bord des secteurs pour une année (?year=) : budget et subventions engagées, demandes et remplissage par session, demandes de subvention et versements par mois',
    answer: dashboardsAnswer,
    auth: 'staff',
  },
  {
    method: 'get',
    path: '/api/staff/dashboard.csv',
    summary: 'Les chiffres des tableaux de bord (?year=), en CSV',
    auth: 'staff',
    files: [CSV],
  },
  {
    method: 'put',
    path: '/api/admin/sector-budgets',
    summary: 'Fixer le budget de subventions d’un secteur pour une année (administration)',
    body: sectorBudgetInput,
    auth: 'admin',
    empty: true,
  },

  {
    method: 'get',
    path: '/api/staff/payouts',
    summary: 'Lots de virements',
    answer: payoutsAnswer,
    auth: 'staff',
  },
  {
    method: 'get',
    path: '/api/staff/payouts/preview',
    summary:
      'Ce que contiendrait un lot préparé maintenant (subventions, total, en attente de RIB), pour sa confirmation',
    answer: payoutPreviewAnswer,
    auth: 'staff',
  },
  {
    method: 'post',
    path: '/api/staff/payouts',
    summary: 'Créer un lot de virements des subventions accordées',
    body: payoutRequest,
    answer: preparedPayoutAnswer,
    auth: 'staff',
  },
  {
    method: 'post',
    path: '/api/staff/payouts/{id}/export',
    summary:
      'Exporter le fichier de virements SEPA (pain.001.001.03, validé par son schéma) ; fige le lot',
    auth: 'staff',
    files: ['application/xml'],
  },
  {
    method: 'get',
    path: '/api/staff/payouts/{id}/pain.xml',
    summary: 'Copie du fichier de virements SEPA d’un lot déjà exporté',
    auth: 'staff',
    files: ['application/xml'],
  },
  {
    method: 'post',
    path: '/api/staff/payouts/{id}/sent',
    summary:
      'Confirmer, avec le jour, que la banque a reçu le fichier du lot : ses subventions sont versées et les agents prévenus',
    body: payoutSent,
    answer: payout,
    auth: 'staff',
  },
  {
    method: 'post',
    path: '/api/staff/payouts/{id}/cancellation',
    summary:
      'Annuler un lot que la banque n’a pas reçu (préparé par erreur, fichier rejeté) : ses subventions attendent le prochain lot',
    body: payoutCancellation,
    answer: payout,
    auth: 'staff',
  },
  {
    method: 'get',
    path: '/api/me/solidarity',
    summary: 'Mes demandes Solidarité (aides, prêts et échéanciers)',
    answer: solidarityRequestsAnswer,
    auth: 'member',
  },
  {
    method: 'post',
    path: '/api/me/solidarity',
    summary: 'Demander une aide exceptionnelle ou un prêt sans intérêt',
    body: solidarityInput,
    answer: solidarityRequest,
    auth: 'member',
  },
  {
    method: 'get',
    path: '/api/staff/solidarity',
    summary: 'Demandes Solidarité (personnel Solidarité seulement)',
    answer: solidarityRequestsAnswer,
    auth: 'staff',
  },
  {
    method: 'post',
    path: '/api/staff/solidarity/{id}/decision',
    summary: 'Accorder ou refuser une demande Solidarité',
    body: solidarityDecision,
    answer: solidarityRequest,
    auth: 'staff',
  },
];

/** Each operation, with the pattern of its paths and whether it names one path only. */
const ROUTED = OPERATIONS.map((op) => ({
  method: op.method,
  success: op,
  literal: !op.path.includes('{'),
  pattern: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

/**
 * What this document says a request (`GET`, `/api/me/history?x=1`) answers on success, if the
 * request is one of its routes: the tests check every answer they receive against it, so the
 * document cannot drift from what the routes send. A path of its own wins over a pattern that
 * also takes it, as in the router (`/api/me/online-payments/provider` is not a payment's reference).
 */
export function documentedAnswer(method: string, url: string): Success | null {
  const path = url.split('?')[0] ?? '';
  const routes = ROUTED.filter((op) => op.method === method.toLowerCase() && op.pattern.test(path));
  return (routes.find((op) => op.literal) ?? routes[0])?.success ?? null;
}

/** How a success differs from what its route's `Success` says, or null when it does not. */
function successDiffers(
  success: Success,
  status: number,
  contentType: string,
  body: unknown,
): string | null {
  if ('empty' in success)
    return status === 204 ? null : `${status}, where 204 (no content) is documented`;
  if (status === 204) return '204 (no content), where content is documented';
  if ('files' in success)
    return success.files.includes(contentType.split(';')[0] ?? '')
      ? null
      : `a file of type ${contentType}, where ${success.files.join(' or ')} is documented`;
  const check = success.answer.safeParse(body);
  return check.success ? null : z.prettifyError(check.error);
}

/**
 * How a success of a request (`GET /api/me/history`) differs from what this document says its
 * route sends, in a sentence, or null when it does not: another JSON shape (the fields named), a
 * file of another type, content where 204 is documented, or none where content is. The tests ask
 * it of every answer they receive, API and browser alike.
 */
export function answerProblem(
  request: string,
  success: Success,
  status: number,
  contentType: string,
  body: unknown,
): string | null {
  const differs = successDiffers(success, status, contentType, body);
  return differs && `${request}: the answer is not the one /api/docs describes\n${differs}`;
}

const schema = (type: z.ZodType): unknown =>
  z.toJSONSchema(type, { io: 'input', unrepresentable: 'any' });

/** The success of an operation as OpenAPI writes it: its JSON schema, its files' types, or 204. */
const successResponse = (success: Success): Record<string, unknown> =>
  'empty' in success
    ? { '204': { description: 'Fait (pas de contenu)' } }
    : {
        '200': {
          description: 'Succès',
          content:
            'answer' in success
              ? {
                  'application/json': {
                    schema: z.toJSONSchema(success.answer, { unrepresentable: 'any' }),
                  },
                }
              : Object.fromEntries(
                  success.files.map((type) => [
                    type,
                    { schema: { type: 'string', format: 'binary' } },
                  ]),
                ),
        },
      };

/** The OpenAPI 3.1 document of the whole API, served at /api/docs. */
export function openApiDocument(): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const responses: Record<string, unknown> = {
      ...successResponse(op),
      '400': {
        description: 'Saisie invalide, champ par champ',
        content: { 'application/json': { schema: schema(invalidInputAnswer) } },
      },
    };
    if (op.auth) {
      responses['401'] = {
        description: 'Non connecté',
        content: { 'application/json': { schema: schema(errorAnswer) } },
      };
      responses['403'] = {
        description: 'Accès refusé',
        content: { 'application/json': { schema: schema(errorAnswer) } },
      };
    }
    if (op.path === '/api/v1/simulations')
      responses['422'] = {
        description: 'Barème inconnu ou incomplet',
        content: { 'application/json': { schema: schema(errorAnswer) } },
      };
    paths[op.path] = {
      ...paths[op.path],
      [op.method]: {
        summary: op.summary,
        ...(op.body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: schema(op.body) } },
              },
            }
          : {}),
        ...(op.auth ? { security: [{ session: [] }] } : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Entraide API',
      version: '1',
      description:
        'API de l’Espace Adhérent et du back-office. Les requêtes qui modifient quelque chose portent l’en-tête X-CSRF-Token (copie du cookie entraide_csrf), sauf la simulation publique.',
    },
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'entraide_session' } },
    },
    paths,
  };
}
