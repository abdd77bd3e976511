import { useCallback, useEffect, useState } from 'react';
import { api } from '../../shared/api.ts';
import { ConfirmAction } from '../../shared/confirm-action.tsx';
import { FormAlert, ScrollingTable } from '../../shared/form.tsx';
import { formatCents, formatDate } from '../../shared/format.ts';
import { useSubmit } from '../../shared/use-submit.ts';
import { keptNotifications as msg } from '../../messages/payments.ts';

interface KeptNotification {
  id: string;
  provider: string;
  reference: string | null;
  outcome: 'unknown' | 'mismatch' | 'settled' | 'credited';
  detail: string;
  amountCents: number | null;
  receivedAt: string;
  invoiceReference: string | null;
  member: string | null;
}

/**
 * The online payments' notifications no payment line came from (unknown reference, another
 * amount, an invoice cancelled or paid already): the money to refund or place, until the staff
 * say what they did. Shown only when there is one.
 */
export function KeptNotifications({ onHandled }: { readonly onHandled: (notice: string) => void }) {
  const [kept, setKept] = useState<KeptNotification[]>([]);
  const { busy, alert, run } = useSubmit();
  const load = useCallback(async () => {
    setKept(
      (
        await api<{ notifications: KeptNotification[] }>(
          'GET',
          '/api/staff/online-payments/notifications',
        )
      ).notifications,
    );
  }, []);
  useEffect(() => {
    // No provider configured: no notification either.
    load().catch(() => setKept([]));
  }, [load]);
  if (kept.length === 0) return null;
  return (
    <section aria-labelledby="paiements-en-ligne" className="card">
      <h2 id="paiements-en-ligne">{msg.titre}</h2>
      <p>{msg.aide}</p>
      <FormAlert message={alert} />
      <ScrollingTable label={msg.titre}>
        <table>
          <caption>{msg.titre}</caption>
          <thead>
            <tr>
              <th scope="col">{msg.recue}</th>
              <th scope="col">{msg.paiement}</th>
              <th scope="col">{msg.montant}</th>
              <th scope="col">{msg.quoi}</th>
              <th scope="col">{msg.action}</th>
            </tr>
          </thead>
          <tbody>
            {kept.map((n) => (
              <tr key={n.id}>
                <td>{formatDate(n.receivedAt.slice(0, 10))}</td>
                <td>
                  {n.reference ?? '—'} ({n.provider})
                  {n.invoiceReference ? ` — ${n.invoiceReference}, ${n.member ?? ''}` : ''}
                </td>
                <td>{n.amountCents === null ? '—' : formatCents(n.amountCents)}</td>
                <td>
                  {msg.outcomes[n.outcome]} : {n.detail}
                </td>
                <td>
                  <ConfirmAction
                    secondary
                    disabled={busy}
                    label={msg.noterTraitee(n.reference ?? '—')}
                    title={msg.noterTraiteeTitre(n.reference ?? '—')}
                    effect={<p>{msg.effet}</p>}
                    reasonLabel={msg.ceQuiAEteFait}
                    reasonExample={msg.exemple}
                    confirmLabel={msg.confirmer}
                    onConfirm={(note) =>
                      void run(async () => {
                        await api(
                          'POST',
                          `/api/staff/online-payments/notifications/${n.id}/handled`,
                          {
                            note,
                          },
                        );
                        onHandled(msg.traitee(n.reference ?? '—'));
                        await load();
                      })
                    }
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
    </section>
  );
}
