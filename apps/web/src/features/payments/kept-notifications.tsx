import type { KeptNotification, OnlinePaymentsFollowUp, OpenRefund } from '@entraide/contract';
import { useCallback, useState } from 'react';
import { api } from '../../shared/api.ts';
import { Loading, orMissing, useLoad } from '../../shared/loading.tsx';
import { ConfirmAction } from '../../shared/confirm-action.tsx';
import { FormAlert, ScrollingTable } from '../../shared/form.tsx';
import { formatCents, formatDate } from '../../shared/format.ts';
import { useSubmit } from '../../shared/use-submit.ts';
import { keptNotifications as msg } from '../../messages/payments.ts';

/**
 * The online payments' notifications no payment line came from (unknown reference, another
 * amount, an invoice cancelled or paid already): the money to refund or place, until the staff
 * say what they did; and the refunds through the provider not confirmed yet (a failed one is
 * asked again on the staff's word). Shown only when there is one.
 */
export function KeptNotifications({ onHandled }: { readonly onHandled: (notice: string) => void }) {
  const [kept, setKept] = useState<KeptNotification[]>([]);
  const [refunds, setRefunds] = useState<OpenRefund[]>([]);
  const { busy, alert, run } = useSubmit();
  const load = useCallback(async () => {
    const answer = await orMissing(
      api<OnlinePaymentsFollowUp>('GET', '/api/staff/online-payments/notifications'),
    );
    // No provider configured: no such address, and no notification either.
    if (answer === 'missing') return;
    setKept(answer.notifications);
    setRefunds(answer.refunds);
  }, []);
  const loading = useLoad(load);
  if (loading.failure === null && kept.length === 0 && refunds.length === 0) return null;
  return (
    <section aria-labelledby="paiements-en-ligne" className="card">
      <h2 id="paiements-en-ligne">{msg.titre}</h2>
      {loading.failure === null ? null : <Loading {...loading} />}
      <p>{msg.aide}</p>
      <FormAlert message={alert} />
      {kept.length === 0 ? null : (
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
      )}
      {refunds.length > 0 ? (
        <ScrollingTable label={msg.remboursements}>
          <table>
            <caption>{msg.remboursements}</caption>
            <thead>
              <tr>
                <th scope="col">{msg.prepare}</th>
                <th scope="col">{msg.paiement}</th>
                <th scope="col">{msg.montant}</th>
                <th scope="col">{msg.etat}</th>
                <th scope="col">{msg.action}</th>
              </tr>
            </thead>
            <tbody>
              {refunds.map((r) => (
                <tr key={r.id}>
                  <td>{formatDate(r.createdAt)}</td>
                  <td>
                    {r.reference} ({r.provider}) — {r.invoiceReference}, {r.member}
                  </td>
                  <td>{formatCents(r.amountCents)}</td>
                  <td>
                    {msg.etats[r.status]}
                    {r.error ? ` : ${r.error}` : ''}
                  </td>
                  <td>
                    {r.status === 'failed' ? (
                      <ConfirmAction
                        secondary
                        disabled={busy}
                        label={msg.renvoyer(r.reference)}
                        title={msg.renvoyerTitre(formatCents(r.amountCents), r.reference)}
                        effect={<p>{msg.renvoyerEffet(r.member)}</p>}
                        confirmLabel={msg.renvoyerConfirmer}
                        onConfirm={() =>
                          void run(async () => {
                            try {
                              await api(
                                'POST',
                                `/api/staff/online-payments/refunds/${r.id}/retry`,
                                {},
                              );
                              onHandled(msg.renvoye(r.reference));
                            } finally {
                              // Asked again by a colleague meanwhile (409): its state now shown.
                              await load();
                            }
                          })
                        }
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      ) : null}
    </section>
  );
}
