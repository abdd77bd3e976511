import type { ActivitySector, SelectionApplied, SelectionPreview } from '@entraide/contract';
import { useState, type SyntheticEvent } from 'react';
import { api } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { useSession } from '../../shared/session.tsx';
import { Field, FormAlert, Notice, SelectField } from '../../shared/form.tsx';
import { DataTable } from '../../shared/data-table.tsx';
import { formatDate } from '../../shared/format.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { ConfirmAction } from '../../shared/confirm-action.tsx';
import { RequireUser } from '../member/require-user.tsx';
import { ownSectorLabels, SECTIONS } from './staff-sections.ts';
import { StaffNav } from './staff-nav.tsx';
import { selectionPage as msg } from '../../messages/staff.ts';

/** One request's decision in the preview. */
type Decision = SelectionPreview['decisions'][number];

const tally = (preview: SelectionPreview, outcome: keyof typeof OUTCOMES): number =>
  preview.decisions.filter((d) => d.outcome === outcome).length;

/** The day the job applies the selection, and the form that postpones it. */
function SelectionDay({
  sector,
  preview,
  onPostponed,
}: {
  readonly sector: ActivitySector;
  readonly preview: SelectionPreview;
  readonly onPostponed: (preview: SelectionPreview) => void;
}) {
  const [day, setDay] = useState('');
  const { busy, alert, fields, run } = useSubmit();
  if (!preview.automaticOn || !preview.latestOn) return null;
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      onPostponed(
        await api<SelectionPreview>('PUT', `/api/staff/selection/${sector}/day`, {
          selectionOn: day,
        }),
      );
      setDay('');
    });
  };
  return (
    <section aria-labelledby="selection-day">
      <h2 id="selection-day">{msg.applicationAutomatique}</h2>
      <p>
        {msg.sansActionVotrePart} <strong>{formatDate(preview.automaticOn)}</strong>{' '}
        {msg.famillesPrevenuesReponsesSont(formatDate(preview.latestOn))}
      </p>
      <form onSubmit={submit} noValidate>
        <FormAlert message={alert} />
        <Field
          label={msg.reporterApplicationAutomatique}
          hint={msg.plusTard(formatDate(preview.latestOn))}
          type="date"
          max={preview.latestOn}
          value={day}
          onChange={(e) => setDay(e.target.value)}
          error={fields.selectionOn}
        />
        <div className="actions">
          <button type="submit" className="secondary" disabled={busy}>
            {msg.reporter}
          </button>
        </div>
      </form>
    </section>
  );
}

const OUTCOMES = { confirmed: msg.place, waiting: msg.listeAttente, refused: msg.refus } as const;

/** The selection at closing: preview every decision with its reasons, then apply it. */
export function SelectionPage() {
  return (
    <RequireUser staff={SECTIONS.selection}>
      <PageTitle>{msg.selectionCloture}</PageTitle>
      <StaffNav />
      <p>{msg.sessionsDontCloturePassee}</p>
      <Selection />
    </RequireUser>
  );
}

function Selection() {
  const { session } = useSession();
  // The activity sectors the staff member works in (the admin: all of them); `RequireUser` shows
  // this page only to staff of at least one.
  const sectors = ownSectorLabels(session?.user);
  const [sector, setSector] = useState(Object.keys(sectors)[0] as ActivitySector);
  const [preview, setPreview] = useState<SelectionPreview | null>(null);
  const [applied, setApplied] = useState<SelectionApplied | null>(null);
  const { busy, alert, run } = useSubmit();
  const loading = useLoad(async () => {
    setPreview(null);
    setPreview(await api<SelectionPreview>('GET', `/api/staff/selection/${sector}`));
  }, sector);
  const apply = () =>
    void run(async () => {
      if (!preview) return;
      setApplied(
        await api<SelectionApplied>('POST', `/api/staff/selection/${sector}`, {
          token: preview.token,
        }),
      );
      setPreview(await api<SelectionPreview>('GET', `/api/staff/selection/${sector}`));
    });
  const answer = (d: Decision) =>
    `${OUTCOMES[d.outcome]}${d.sessionLabel ? ` — ${d.sessionLabel}` : ''}${d.waitingPosition ? msg.position(d.waitingPosition) : ''}`;
  return (
    <>
      <SelectField
        label={msg.secteur}
        options={sectors}
        value={sector}
        onChange={(e) => {
          setApplied(null);
          setSector(e.target.value as ActivitySector);
        }}
      />
      <FormAlert message={alert} />
      {applied ? (
        <Notice>
          {msg.selectionAppliqueePlaceAttribuee(
            applied.confirmed,
            applied.waiting,
            applied.refused,
          )}
        </Notice>
      ) : null}
      {preview === null ? (
        <Loading {...loading} />
      ) : preview.sessions.length === 0 ? (
        <p>{msg.aucuneSessionClotureeAttend}</p>
      ) : (
        <>
          <h2>{msg.sessionsCloturees}</h2>
          <ul>
            {preview.sessions.map((s) => (
              <li key={s.id}>
                {msg.placeListeAttenteCloture(
                  s.label,
                  s.places,
                  s.waitingPlaces,
                  formatDate(s.closesOn),
                )}
              </li>
            ))}
          </ul>
          <SelectionDay sector={sector} preview={preview} onPostponed={setPreview} />
          <h2>{msg.apercuDemande(preview.decisions.length)}</h2>
          <DataTable
            caption={msg.decisionsDansOrdrePriorite}
            rows={preview.decisions}
            counted={msg.decisionCounted}
            filterHint={msg.nomNumeroSessionReponse}
            pageSize={50}
            columns={[
              {
                id: 'rank',
                header: msg.rang,
                accessorFn: (d: Decision) => d.priority,
              },
              {
                id: 'request',
                header: msg.demande,
                accessorFn: (d: Decision) => msg.n(d.number, d.member),
              },
              {
                id: 'participant',
                header: msg.participant,
                accessorFn: (d: Decision) => d.participant,
              },
              { id: 'answer', header: msg.reponse, accessorFn: answer },
              {
                id: 'why',
                header: msg.pourquoi,
                enableSorting: false,
                accessorFn: (d: Decision) => d.reasons.join(' '),
              },
            ]}
          />
          <div className="actions">
            {preview.decisions.length === 0 ? (
              <p className="hint">{msg.aucuneDemandePourCes}</p>
            ) : (
              <ConfirmAction
                disabled={busy}
                label={msg.appliquerSelectionPrevenirFamilles}
                title={msg.appliquerSelection}
                effect={
                  <p>
                    {msg.placeAttribueePlacesAttribuees(
                      tally(preview, 'confirmed'),
                      tally(preview, 'waiting'),
                      tally(preview, 'refused'),
                    )}
                  </p>
                }
                confirmLabel={msg.appliquerPrevenirFamilles}
                onConfirm={apply}
              />
            )}
          </div>
        </>
      )}
    </>
  );
}
