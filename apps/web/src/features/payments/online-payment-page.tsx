import { useEffect, useState } from 'react';
import { Link, useParams } from 'wouter';
import { api } from '../../shared/api.ts';
import { formatCents } from '../../shared/format.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { RequireUser } from '../member/require-user.tsx';
import { common } from '../../messages/common.ts';
import { onlinePaymentPage as msg } from '../../messages/payments.ts';

interface OnlinePayment {
  reference: string;
  invoiceReference: string;
  amountCents: number;
  status: 'pending' | 'paid' | 'refused' | 'abandoned' | 'expired';
}

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
  useEffect(() => {
    let stopped = false;
    const ask = async (attempt: number) => {
      const next = await api<OnlinePayment>(
        'GET',
        `/api/me/online-payments/${encodeURIComponent(reference)}`,
      );
      if (stopped) return;
      setPayment(next);
      setTries(attempt);
      if (next.status === 'pending' && attempt < TRIES)
        setTimeout(() => void ask(attempt + 1), 2_000);
    };
    void ask(1);
    return () => {
      stopped = true;
    };
  }, [reference]);
  return (
    <RequireUser>
      <PageTitle>{msg.titre}</PageTitle>
      {payment === null ? (
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
