import { count } from './french.ts';

/** features/accounts/security-page.tsx */
export const securityPage = {
  vosCodesSecours: 'Vos codes de secours',
  notezOuImprimezMaintenant:
    'Notez-les ou imprimez-les maintenant et gardez-les à l’abri : ils ne seront plus affichés. Chacun ouvre une seule connexion si vous n’avez plus votre téléphone ou votre clé.',
  n1DansVotreApplication:
    '1. Dans votre application d’authentification (par exemple FreeOTP, Aegis, Google Authenticator ou celle de votre gestionnaire de mots de passe), ajoutez un compte en scannant ce QR code :',
  qrCodeScannerAvec: 'QR code à scanner avec votre application d’authentification',
  ouSaisissezCetteCle: 'Ou saisissez cette clé :',
  n2CodeAffichePar: '2. Code affiché par l’application',
  n6ChiffresParExemple: '6 chiffres, par exemple 123456',
  activerApplication: 'Activer l’application',
  configurerApplicationAuthentificatio: 'Configurer une application d’authentification',
  nomCleAcces: 'Nom de la clé d’accès',
  pourReconnaitreParExemple:
    'Pour la reconnaître, par exemple « Ordinateur du bureau » ou « Téléphone »',
  ajouterCleAcces: 'Ajouter une clé d’accès',
  votreComptePersonnelDoit:
    'Votre compte du personnel doit avoir un second facteur avant d’ouvrir la gestion : choisissez une application d’authentification ou une clé d’accès ci-dessous.',
  applicationAuthentification: 'Application d’authentification',
  activeeChaqueConnexionSaisissez:
    'Activée : à chaque connexion, saisissez le code à 6 chiffres qu’elle affiche.',
  clesAcces: 'Clés d’accès',
  utilisee: (lastUsedAt: string) => `, utilisée le ${lastUsedAt}`,
  ajoutee: (name: string, createdAt: string, value: string) =>
    `${name} — ajoutée le ${createdAt}${value}`,
  aucuneCleAccesPour:
    'Aucune clé d’accès pour l’instant (empreinte, visage, code du téléphone ou clé USB).',
  codesSecours: 'Codes de secours',
  ilVousResteCode: (recoveryCodesLeft: number) =>
    `Il vous reste ${count(recoveryCodesLeft, 'code de secours non utilisé', 'codes de secours non utilisés')}.`,
  confirmerNouveauxCodes: 'Confirmer les nouveaux codes',
  codesActuelsNeVaudront: (recoveryCodesLeft: number) =>
    `Les ${recoveryCodesLeft} codes actuels ne vaudront plus rien : seuls les nouveaux codes affichés ouvriront une connexion.`,
  ouiGenererNouveauxCodes: 'Oui, générer de nouveaux codes',
  genererNouveauxCodesSecours: 'Générer de nouveaux codes de secours',
  securiteCompte: 'Sécurité du compte',
} as const;

/** features/accounts/change-password-page.tsx */
export const changePasswordPage = {
  changerMonMotPasse: 'Changer mon mot de passe',
  votreMotPasseModifie: 'Votre mot de passe est modifié. Vos autres sessions ont été fermées.',
  motPasseActuel: 'Mot de passe actuel',
  nouveauMotPasse: 'Nouveau mot de passe',
  moins12CaracteresDont: 'Au moins 12 caractères, dont une lettre et un chiffre.',
  changerMotPasse: 'Changer le mot de passe',
} as const;

/** features/accounts/forgot-identifier-page.tsx */
export const forgotIdentifierPage = {
  identifiantCaesOublie: 'Identifiant CAES oublié',
  votreIdentifiantFigureAussi:
    'Votre identifiant figure aussi sur vos factures et vos subventions. Nous l’envoyons à l’adresse électronique de votre inscription.',
  vousEtes: 'Vous êtes',
  agentInsermAvecVotre: 'agent Inserm (avec votre matricule)',
  pasAgentInsermOu: 'pas agent Inserm, ou sans matricule',
  votreNom: 'Votre nom',
  votreMatriculeInserm: 'Votre matricule Inserm',
  numero8Chiffres: 'Numéro à 8 chiffres',
  votrePrenom: 'Votre prénom',
  dateNaissance: 'Date de naissance',
  envoyer: 'Envoyer',
  retourConnexion: 'Retour à la connexion',
} as const;

/** features/accounts/forgot-password-page.tsx */
export const forgotPasswordPage = {
  motPasseOublie: 'Mot de passe oublié',
  saisissezVotreIdentifiantCaes:
    'Saisissez votre identifiant CAES : nous vous envoyons un lien pour choisir un nouveau mot de passe à l’adresse électronique de votre inscription.',
  identifiantCaes: 'Identifiant CAES',
  envoyerLien: 'Envoyer le lien',
  identifiantOublie: 'Identifiant oublié ?',
  retourConnexion: 'Retour à la connexion',
} as const;

/** features/accounts/second-factor-step.tsx */
export const secondFactorStep = {
  secondFacteur: 'Second facteur',
  utiliserMaCleAcces: 'Utiliser ma clé d’accès',
  codeVerification: 'Code de vérification',
  n6ChiffresAffichesPar:
    'Les 6 chiffres affichés par votre application d’authentification, par exemple 123456 — ou l’un de vos codes de secours.',
  validerCode: 'Valider le code',
} as const;

/** features/accounts/login-page.tsx */
export const loginPage = {
  identifiantCaes: 'Identifiant CAES',
  motPasse: 'Mot de passe',
  identifiantOublie: 'Identifiant oublié ?',
  motPasseOublie: 'Mot de passe oublié ?',
  vousAvezPasCompte: 'Vous n’avez pas de compte ?',
  inscrire: 'S’inscrire',
} as const;

/** features/accounts/set-password-page.tsx */
export const setPasswordPage = {
  deuxMotsPasseNe: 'Les deux mots de passe ne sont pas identiques : tapez le même deux fois.',
  choisirMonMotPasse: 'Choisir mon mot de passe',
  votreMotPasseEnregistre: 'Votre mot de passe est enregistré.',
  ceLienIncompletOuvrez: 'Ce lien est incomplet : ouvrez le lien reçu par courriel.',
  nouveauMotPasse: 'Nouveau mot de passe',
  moins12CaracteresDont: 'Au moins 12 caractères, dont une lettre et un chiffre.',
  confirmezMotPasse: 'Confirmez le mot de passe',
  enregistrer: 'Enregistrer',
} as const;

/** features/accounts/sign-up-page.tsx */
export const signUpPage = {
  identite: 'Identité',
  coordonnees: 'Coordonnées',
  famille: 'Famille',
  confirmation: 'Confirmation',
  demandeEnvoyee: 'Demande envoyée',
  votreDemandeInscriptionEnregistree:
    'Votre demande d’inscription est enregistrée. Un gestionnaire va l’étudier : vous recevrez votre identifiant CAES par courriel, avec un lien pour choisir votre mot de passe.',
  retourAccueil: 'Retour à l’accueil',
  inscrireEtapeSur4: (value: number, value2: string) =>
    `S’inscrire — étape ${value} sur 4 : ${value2}`,
  etapesInscription: 'Étapes de l’inscription',
  nom: 'Nom',
  prenom: 'Prénom',
  dateNaissance: 'Date de naissance',
  matriculeInsermFacultatif: 'Matricule Inserm (facultatif)',
  n8ChiffresSiVous: '8 chiffres, si vous êtes agent Inserm.',
  adresseElectronique: 'Adresse électronique',
  telephoneFacultatif: 'Téléphone (facultatif)',
  adressePostaleFacultatif: 'Adresse postale (facultatif)',
  jeVisCoupleMarie: 'Je vis en couple (marié, pacsé ou en concubinage)',
  conjoint: 'Conjoint',
  nomConjoint: 'Nom du conjoint',
  prenomConjoint: 'Prénom du conjoint',
  dateNaissanceConjoint: 'Date de naissance du conjoint',
  prenomEnfant: (value: number) => `Prénom de l’enfant ${value}`,
  dateNaissance2: (birthDate: string, value: string) =>
    `, date de naissance : ${birthDate}${value}`,
  courriel: (email: string) => `Courriel : ${email}`,
  coupleAvec: (firstName: string, lastName: string) => `En couple avec ${firstName} ${lastName}`,
  sansConjoint: 'Sans conjoint',
  sansEnfantDeclare: 'sans enfant déclaré',
  enfant: (children: number) => count(children, 'enfant'),
  jeCertifieExactitudeCes: 'Je certifie l’exactitude de ces informations.',
  precedent: 'Précédent',
  suivant: 'Suivant',
  envoyerMaDemande: 'Envoyer ma demande',
  enfant2: (value: number) => `Enfant ${value}`,
  matricule: (matricule: string) => `, matricule ${matricule}`,
} as const;
