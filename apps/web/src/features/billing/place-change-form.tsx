import { useState, type SyntheticEvent } from 'react';
import type { ActivitySessionAnswer } from '@entraide/contract';
import { api } from '../../shared/api.ts';
import { Field, FormAlert, SelectField } from '../../shared/form.tsx';
import { formatCents, formatDate, parseEuros } from '../../shared/format.ts';
import { useSubmit } from '../../shared/use-submit.ts';
import type { InvoiceDetails } from './invoice-types.ts';
import { count } from '../../shared/french.ts';

interface ChangeOptions {
  sessionId: string;
  transportCity: string | null;
  sessions: ActivitySessionAnswer[];
}

/** "" is the family's own means of transport in the select. */
const OWN_MEANS = '';

/**
 * Changes a confirmed place's session (within its activity) or transport: credit note, new
 * invoice, the pack's modification fee. The choices are loaded when the form is opened.
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
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      const result = await api<{
        creditNote: { reference: string };
        invoice: { reference: string };
        feeCents: number;
      }>('POST', `${url}/modify`, {
        sessionId,
        transportCity: city === OWN_MEANS ? null : city,
        organismFeeCents: parseEuros(fee),
      });
      await onSaved(
        `Place changée : avoir ${result.creditNote.reference}, nouvelle facture ${result.invoice.reference}, frais ${formatCents(result.feeCents)}.`,
      );
    });
  };
  return (
    <details onToggle={(event) => (event.currentTarget.open ? open() : undefined)}>
      <summary>Changer la session ou le transport de {reference}</summary>
      <FormAlert message={alert} />
      {options === null ? (
        <p role="status">{busy ? 'Chargement…' : ''}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <SelectField
            label={`Session (${reference})`}
            value={sessionId}
            onChange={(e) => {
              setSessionId(e.target.value);
              setCity(OWN_MEANS);
            }}
            options={Object.fromEntries(
              options.sessions.map((s) => [
                s.id,
                `${s.label}, du ${formatDate(s.firstDay)} au ${formatDate(s.lastDay)}, ${formatCents(s.priceCents)}${s.id === options.sessionId ? ' (actuelle)' : ` (${count(s.placesLeft, 'place libre', 'places libres')})`}`,
              ]),
            )}
            error={fields.sessionId}
          />
          <SelectField
            label={`Transport (${reference})`}
            value={city}
            onChange={(e) => setCity(e.target.value)}
            options={{
              [OWN_MEANS]: 'Par ses propres moyens',
              ...Object.fromEntries(
                (session?.transport ?? []).map((t) => [
                  t.city,
                  `Au départ de ${t.city}, ${formatCents(t.priceCents)}`,
                ]),
              ),
            }}
            error={fields.transportCity}
          />
          <Field
            label={`Frais de l’organisme en euros (${reference})`}
            inputMode="decimal"
            value={fee}
            onChange={(e) => setFee(e.target.value)}
            error={fields.organismFeeCents}
          />
          <div className="actions">
            <button type="submit" className="secondary" disabled={busy}>
              Changer la place et refacturer
            </button>
          </div>
        </form>
      )}
    </details>
  );
}
