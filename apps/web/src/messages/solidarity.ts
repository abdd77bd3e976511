import { count } from './french.ts';

/** features/solidarity/solidarity-summary.tsx */
export const solidaritySummary = {
  n: (number: number) => `N° ${number} —`,
  de: (amount: string, value: string) => `de ${amount}${value}`,
  echeancierRemboursementMensualites: (schedule: number) =>
    `Échéancier de remboursement (${schedule} mensualités)`,
  surMois: (months: string) => ` sur ${months} mois`,
  motif: (reason: string) => ` — motif : ${reason}`,
} as const;

/** features/solidarity/my-solidarity-page.tsx */
export const mySolidarityPage = {
  votreDemandeEnvoyeeSecteur: (number: number) =>
    `Votre demande n° ${number} est envoyée au secteur Solidarité.`,
  solidarite: 'Solidarité',
  aideExceptionnelleOuPret:
    'Une aide exceptionnelle, ou un prêt sans intérêt : jusqu’à 4 200 € sur 50 mois, 5 000 € sur 72 mois pour du matériel ou un aménagement lié au handicap. Seul le secteur Solidarité lit ces demandes.',
  nouvelleDemande: 'Nouvelle demande',
  typeAide: 'Type d’aide',
  votreSituationVotreBesoin: 'Votre situation et votre besoin',
  montantDemande: 'Montant demandé (€)',
  remboursementMois: 'Remboursement en (mois)',
  pourMaterielOuAmenagement: 'Pour du matériel ou un aménagement lié au handicap',
  mesDemandesSolidarite: 'Mes demandes Solidarité',
} as const;

/** features/solidarity/solidarity-review-page.tsx */
export const solidarityReviewPage = {
  demandeCounted: (n: number) => count(n, 'demande'),
  accordee: 'accordée',
  refusee: 'refusée',
  demande: (number: number, value: string) => `Demande n° ${number} ${value}.`,
  recoitCourrielDecisionNe: (member: string) =>
    `${member} reçoit un courriel. Une décision ne se modifie plus.`,
  montantAccordeSiMoins: (n: number) => `Montant accordé, si moins que demandé (n° ${n})`,
  laissezVidePourAccorder: (amount: string) => `Laissez vide pour accorder ${amount}.`,
  accorderDemande: (n: number) => `Accorder la demande n° ${n} ?`,
  pretRemboursableMensualiteAccorde: (granted: string, months: number, member: string) =>
    `Un prêt de ${granted}, remboursable en ${count(months, 'mensualité')}, est accordé à ${member} ; l’échéancier est créé.`,
  aideAccordee: (granted: string, member: string) =>
    `Une aide de ${granted} est accordée à ${member}.`,
  rienNeSeraAccorde: 'Rien ne sera accordé pour cette demande.',
  solidarite: 'Solidarité',
  demande2: (number: number) => `Demande n° ${number}`,
  fermerDemande: (number: number) => `Fermer la demande n° ${number}`,
  aucuneDemandeOuVous: 'Aucune demande (ou vous n’êtes pas du secteur Solidarité).',
  demandesSolidarite: 'Demandes Solidarité',
  nomNumeroOuStatut: 'Un nom, un numéro ou un statut, par exemple « Martin » ou « Envoyée ».',
  examinerDemande: 'Examiner la demande',
  n: (number: number) => `n° ${number}`,
  agent: 'Agent',
  nature: 'Nature',
  montantDemande: 'Montant demandé',
  statut: 'Statut',
  accorder: (n: number) => `Accorder (n° ${n})`,
  accorder2: (granted: string) => `Accorder ${granted}`,
  surMois: (months: string) => ` sur ${months} mois`,
} as const;
