import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { ConfirmAction } from '../../shared/confirm-action.tsx';
import { Field, FormAlert, SelectField } from '../../shared/form.tsx';
import { formatCents, formatDate, parseEuros } from '../../shared/format.ts';
import { useSubmit } from '../../shared/use-submit.ts';
import type { ChangeOptions, InvoiceDetails } from '@entraide/contract';
import { PlaceChangeEffect, usePlaceChangePreview } from './place-change-preview.tsx';
import { common } from '../../messages/common.ts';
import { placeChangeForm as msg } from '../../messages/billing.ts';

/** "" is the family's own means of transport in the select. */
const OWN_MEANS = '';

/**
 * Changes a confirmed place's session (within its activity) or transport: credit note, new
 * invoice, the pack's modification fee. The choices are loaded when the form is opened; the
 * confirmation shows the new invoice, the fee and the refund the server rehearsed.
 */
export function PlaceChangeForm({
  details,
  onSaved,
}: {
  readonly details: InvoiceDetails;
  readonly onSaved: (message: string) => Promise<void>;
}) {
  const reference = details.invoice.reference;
  const url = `/api/staff/registrations/${details.invoice.registrationId ?? ''}`;
  const [options, setOptions] = useState<ChangeOptions | null>(null);
  const [sessionId, setSessionId] = useState('');
  const [city, setCity] = useState(OWN_MEANS);
  const [fee, setFee] = useState('0');
  const { busy, alert, fields, run } = useSubmit();
  const { preview, load, expected } = usePlaceChangePreview(`${url}/modify`);
  const open = () => {
    if (options) return;
    void run(async () => {
      const loaded = await api<ChangeOptions>('GET', `${url}/change-options`);
      setOptions(loaded);
      setSessionId(loaded.sessionId);
      setCity(loaded.transportCity ?? OWN_MEANS);
    });
  };
  const session = options?.sessions.find((s) => s.id === sessionId);
  const body = () => ({
    sessionId,
    transportCity: city === OWN_MEANS ? null : city,
    organismFeeCents: parseEuros(fee),
  });
  const change = () =>
    void run(async () => {
      const result = await api<{
        creditNote: { reference: string };
        invoice: { reference: string };
        feeCents: number;
      }>('POST', `${url}/modify`, { ...body(), expected: expected() });
      await onSaved(
        msg.placeChangeeAvoirNouvelle(
          result.creditNote.reference,
          result.invoice.reference,
          formatCents(result.feeCents),
        ),
      );
    });
  return (
    <details onToggle={(event) => (event.currentTarget.open ? open() : undefined)}>
      <summary>{msg.changerSessionOuTransport(reference)}</summary>
      <FormAlert message={alert} />
      {options === null ? (
        <p role="status">{busy ? common.loading : ''}</p>
      ) : (
        <form onSubmit={(event) => event.preventDefault()} noValidate>
          <SelectField
            label={msg.session(reference)}
            value={sessionId}
            onChange={(e) => {
              setSessionId(e.target.value);
              setCity(OWN_MEANS);
            }}
            options={Object.fromEntries(
              options.sessions.map((s) => [
                s.id,
                msg.duAu(
                  s.label,
                  formatDate(s.firstDay),
                  formatDate(s.lastDay),
                  formatCents(s.priceCents),
                  s.id === options.sessionId
                    ? ' (actuelle)'
                    : msg.placeLibrePlacesLibres(s.placesLeft),
                ),
              ]),
            )}
            error={fields.sessionId}
          />
          <SelectField
            label={msg.transport(reference)}
            value={city}
            onChange={(e) => setCity(e.target.value)}
            options={{
              [OWN_MEANS]: msg.parSesPropresMoyens,
              ...Object.fromEntries(
                (session?.transport ?? []).map((t) => [
                  t.city,
                  msg.depart(t.city, formatCents(t.priceCents)),
                ]),
              ),
            }}
            error={fields.transportCity}
          />
          <Field
            label={msg.fraisOrganismeEuros(reference)}
            inputMode="decimal"
            value={fee}
            onChange={(e) => setFee(e.target.value)}
            error={fields.organismFeeCents}
          />
          <div className="actions">
            <ConfirmAction
              secondary
              disabled={busy}
              ready={preview !== null}
              label={msg.changerPlaceRefacturer}
              title={msg.changerPlaceFactureePar(reference)}
              onOpen={() => void run(() => load(body()))}
              effect={
                <PlaceChangeEffect
                  preview={preview}
                  refusal={busy ? null : alert}
                  closing={msg.avoirReprendFacture(reference)}
                />
              }
              confirmLabel={msg.changerPlace}
              onConfirm={change}
            />
          </div>
        </form>
      )}
    </details>
  );
}
