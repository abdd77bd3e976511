/** Texts many screens share, said the same way everywhere. */
export const common = {
  loading: 'Chargement…',
  backToMySpace: 'Retour à mon espace',
  cancel: 'Annuler',
  fieldsToFix: 'Certains champs sont à corriger.',
  logIn: 'Se connecter',
  myAgentRecord: 'Ma Fiche Agent',
  refusalReason: 'Motif du refus (repris dans le courriel)',
  calculationDetail: 'Le détail du calcul',
  sendRequest: 'Envoyer la demande',
  addChild: 'Ajouter un enfant',
  removeChild: (n: number) => `Retirer l’enfant ${n}`,
  childBirthDate: (n: number) => `Date de naissance de l’enfant ${n}`,
} as const;
