import type { OnlinePayment } from '@entraide/contract';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'wouter';
import { api, ApiError } from '../../shared/api.ts';
import { FormAlert } from '../../shared/form.tsx';
import { formatCents } from '../../shared/format.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { RequireUser } from '../member/require-user.tsx';
import { common } from '../../messages/common.ts';
import { onlinePaymentPage as msg } from '../../messages/payments.ts';

/** How long the page asks again before it says the confirmation is late (every 2 s). */
const TRIES = 30;

/**
 * Where the provider sends the member back: paid, refused or abandoned — from the provider's
 * notification, never from the way back alone; while it has not come, the page asks again.
 */
export function OnlinePaymentPage() {
  const { reference = '' } = useParams();
  const [payment, setPayment] = useState<OnlinePayment | null>(null);
  const [tries, setTries] = useState(0);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    let stopped = false;
    const again = (attempt: number) => setTimeout(() => void ask(attempt + 1), 2_000);
    const ask = async (attempt: number) => {
      let next: OnlinePayment;
      try {
        next = await api<OnlinePayment>(
          'GET',
          `/api/me/online-payments/${encodeURIComponent(reference)}`,
        );
      } catch (error) {
        if (stopped || !(error instanceof ApiError)) return;
        // The network or the server for a moment (a phone back from the bank's page): asked
        // again; anything else is said.
        if ((error.status === 0 || error.status >= 500) && attempt < TRIES) again(attempt);
        // A reference that is not one (400) names no payment either.
        else setRefusal(error.status === 404 || error.status === 400 ? msg.inconnu : error.message);
        return;
      }
      if (stopped) return;
      setPayment(next);
      setTries(attempt);
      if (next.status === 'pending' && attempt < TRIES) again(attempt);
    };
    void ask(1);
    return () => {
      stopped = true;
    };
  }, [reference]);
  return (
    <RequireUser>
      <PageTitle>{msg.titre}</PageTitle>
      {refusal ? (
        <FormAlert message={refusal} />
      ) : payment === null ? (
        <p role="status">{common.loading}</p>
      ) : (
        <p role="status" className={payment.status === 'paid' ? 'notice' : undefined}>
          {payment.status === 'paid'
            ? msg.paye(formatCents(payment.amountCents), payment.invoiceReference)
            : payment.status === 'refused'
              ? msg.refuse(payment.invoiceReference)
              : payment.status === 'pending'
                ? tries < TRIES
                  ? msg.enAttente
                  : msg.toujoursEnAttente
                : msg.abandonne(payment.invoiceReference)}
        </p>
      )}
      <p>
        <Link to="/espace/factures">{msg.retourFactures}</Link>
      </p>
    </RequireUser>
  );
}
