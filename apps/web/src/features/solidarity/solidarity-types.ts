/** A Solidarité request as the API answers it. */
export interface SolidarityView {
  id: string;
  number: number;
  member: string;
  kind: 'aid' | 'loan';
  purpose: string;
  amountCents: number;
  months: number | null;
  disabilityEquipment: boolean;
  status: 'submitted' | 'granted' | 'refused';
  grantedCents: number | null;
  schedule: { dueOn: string; amountCents: number }[] | null;
  reason: string | null;
}

export const SOLIDARITY_KINDS: Readonly<Record<string, string>> = {
  aid: 'Aide exceptionnelle',
  loan: 'Prêt sans intérêt',
};

export const SOLIDARITY_STATUS: Readonly<Record<string, string>> = {
  submitted: 'Envoyée : en cours d’examen',
  granted: 'Accordée',
  refused: 'Refusée',
};
