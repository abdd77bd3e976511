import type { PayoutPreview } from '@entraide/contract';
import { api } from '../../shared/api.ts';
import { ConfirmAction, FiguresPending, useFiguresOnOpen } from '../../shared/confirm-action.tsx';
import { formatCents, formatDate } from '../../shared/format.ts';
import { prepareBatch as msg } from '../../messages/claims.ts';

function Effect({
  batch,
  refusal,
  date,
}: {
  readonly batch: PayoutPreview | null;
  readonly refusal: string | null;
  readonly date: string;
}) {
  if (batch === null) return <FiguresPending refusal={refusal} waiting={msg.calcul} />;
  const waiting = batch.waitingForAccount > 0 ? msg.enAttenteRib(batch.waitingForAccount) : '';
  if (batch.claims.length === 0) return <p>{`${msg.rienAVerser}${waiting}`}</p>;
  return (
    <>
      <p>
        {msg.effet(batch.claims.length, formatCents(batch.totalCents), formatDate(date))}
        {waiting}
      </p>
      <p>{msg.etapes}</p>
    </>
  );
}

/**
 * « Préparer le lot »: the confirmation says what the batch will hold, read from the server as it
 * opens; the batch is made of those claims only — another set by then is refused (decision 0048).
 */
export function PreparePayout({
  date,
  disabled,
  onPrepare,
}: {
  readonly date: string;
  readonly disabled: boolean;
  readonly onPrepare: (claims: readonly string[]) => void;
}) {
  const {
    figures: batch,
    refusal,
    open,
  } = useFiguresOnOpen(() => api<PayoutPreview>('GET', '/api/staff/payouts/preview'));
  return (
    <ConfirmAction
      disabled={disabled}
      label={msg.preparer}
      title={msg.titre(formatDate(date))}
      onOpen={open}
      effect={<Effect batch={batch} refusal={refusal} date={date} />}
      ready={batch !== null && batch.claims.length > 0}
      confirmLabel={msg.confirmer}
      onConfirm={() => {
        if (batch) onPrepare(batch.claims);
      }}
    />
  );
}
