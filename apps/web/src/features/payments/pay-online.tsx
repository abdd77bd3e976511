import type { StartedOnlinePayment } from '@entraide/contract';
import { formatCents } from '../../shared/format.ts';
import { api } from '../../shared/api.ts';
import { FormAlert } from '../../shared/form.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { payOnline as msg } from '../../messages/payments.ts';

/** Goes to the provider's page: by a link, or by posting its signed form. */
function goTo(checkout: StartedOnlinePayment['checkout']): void {
  if (!checkout.fields) {
    window.location.assign(checkout.url);
    return;
  }
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = checkout.url;
  for (const [name, value] of Object.entries(checkout.fields)) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}

/**
 * « Payer en ligne » what is due now on an invoice (the next instalment, or the balance): the
 * provider's page, then the result page. The account changes only when the provider confirms.
 */
export function PayOnline({
  invoiceId,
  reference,
  dueNowCents,
}: {
  readonly invoiceId: string;
  readonly reference: string;
  readonly dueNowCents: number;
}) {
  const { busy, alert, run } = useSubmit();
  const pay = () =>
    void run(async () => {
      goTo(
        (
          await api<StartedOnlinePayment>(
            'POST',
            `/api/me/invoices/${invoiceId}/online-payment`,
            {},
          )
        ).checkout,
      );
    });
  return (
    <div className="pay-online">
      <FormAlert message={alert} />
      <p className="hint">{msg.aide}</p>
      <button type="button" disabled={busy} onClick={pay}>
        {msg.payer(formatCents(dueNowCents), reference)}
      </button>
    </div>
  );
}
