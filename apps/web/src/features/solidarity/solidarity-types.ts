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
