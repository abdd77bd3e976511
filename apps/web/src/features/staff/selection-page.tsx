import type { ActivitySector } from '@entraide/contract';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { api } from '../../shared/api.ts';
import { Field, FormAlert, Notice, SelectField, ScrollingTable } from '../../shared/form.tsx';
import { formatDate } from '../../shared/format.ts';
import { SECTOR_LABELS } from '../../shared/labels.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { ConfirmAction } from '../../shared/confirm-action.tsx';
import { count } from '../../shared/french.ts';
import { RequireUser } from '../member/require-user.tsx';
import { StaffNav } from './staff-nav.tsx';

interface Preview {
  token: string;
  automaticOn: string | null;
  latestOn: string | null;
  sessions: {
    id: string;
    label: string;
    places: number;
    waitingPlaces: number;
    closesOn: string;
  }[];
  decisions: {
    requestId: string;
    number: number;
    participant: string;
    member: string;
    outcome: 'confirmed' | 'waiting' | 'refused';
    sessionId: string | null;
    rank: number | null;
    priority: number;
    waitingPosition: number | null;
    reasons: string[];
  }[];
}

const tally = (preview: Preview, outcome: keyof typeof OUTCOMES): number =>
  preview.decisions.filter((d) => d.outcome === outcome).length;

/** The day the job applies the selection, and the form that postpones it. */
function SelectionDay({
  sector,
  preview,
  onPostponed,
}: {
  readonly sector: ActivitySector;
  readonly preview: Preview;
  readonly onPostponed: (preview: Preview) => void;
}) {
  const [day, setDay] = useState('');
  const { busy, alert, fields, run } = useSubmit();
  if (!preview.automaticOn || !preview.latestOn) return null;
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      onPostponed(
        await api<Preview>('PUT', `/api/staff/selection/${sector}/day`, { selectionOn: day }),
      );
      setDay('');
    });
  };
  return (
    <section aria-labelledby="selection-day">
      <h2 id="selection-day">Application automatique</h2>
      <p>
        Sans action de votre part, cette sélection est appliquée automatiquement le{' '}
        <strong>{formatDate(preview.automaticOn)}</strong> et les familles prévenues. Les réponses
        sont promises au plus tard le {formatDate(preview.latestOn)}.
      </p>
      <form onSubmit={submit} noValidate>
        <FormAlert message={alert} />
        <Field
          label="Reporter l’application automatique au"
          hint={`Au plus tard le ${formatDate(preview.latestOn)}.`}
          type="date"
          max={preview.latestOn}
          value={day}
          onChange={(e) => setDay(e.target.value)}
          error={fields.selectionOn}
        />
        <div className="actions">
          <button type="submit" className="secondary" disabled={busy}>
            Reporter
          </button>
        </div>
      </form>
    </section>
  );
}

const OUTCOMES = { confirmed: 'Place', waiting: 'Liste d’attente', refused: 'Refus' } as const;

/** The selection at closing: preview every decision with its reasons, then apply it. */
export function SelectionPage() {
  const [sector, setSector] = useState<ActivitySector>('jeunesse');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [applied, setApplied] = useState<Preview | null>(null);
  const { busy, alert, run } = useSubmit();
  useEffect(() => {
    setPreview(null);
    void run(async () => {
      setPreview(await api<Preview>('GET', `/api/staff/selection/${sector}`));
    });
  }, [sector]);
  const apply = () =>
    void run(async () => {
      if (!preview) return;
      setApplied(
        await api<Preview>('POST', `/api/staff/selection/${sector}`, { token: preview.token }),
      );
      setPreview(await api<Preview>('GET', `/api/staff/selection/${sector}`));
    });
  const label = (id: string | null) =>
    [...(preview?.sessions ?? []), ...(applied?.sessions ?? [])].find((s) => s.id === id)?.label ??
    '—';
  return (
    <RequireUser staffOnly>
      <PageTitle>Sélection à la clôture</PageTitle>
      <StaffNav />
      <p>
        Les sessions dont la clôture est passée sont attribuées ensemble : d’abord les enfants
        jamais partis avec le secteur, puis le quotient familial le plus bas, puis la demande
        complète la plus ancienne ; chaque demande essaie ses choix dans l’ordre. Elle est appliquée
        automatiquement le troisième jour après la clôture (vous pouvez la reporter), ou ici dès que
        vous avez lu l’aperçu.
      </p>
      <SelectField
        label="Secteur"
        options={SECTOR_LABELS}
        value={sector}
        onChange={(e) => {
          setApplied(null);
          setSector(e.target.value as ActivitySector);
        }}
      />
      <FormAlert message={alert} />
      {applied ? (
        <Notice>
          Sélection appliquée :{' '}
          {count(tally(applied, 'confirmed'), 'place attribuée', 'places attribuées')},{' '}
          {tally(applied, 'waiting')} en attente, {count(tally(applied, 'refused'), 'refus')}. Les
          familles sont prévenues par courriel ; les listes des prestataires sont dans le catalogue.
        </Notice>
      ) : null}
      {preview === null ? (
        <p role="status">Chargement…</p>
      ) : preview.sessions.length === 0 ? (
        <p>Aucune session clôturée n’attend de sélection dans ce secteur.</p>
      ) : (
        <>
          <h2>Sessions clôturées</h2>
          <ul>
            {preview.sessions.map((s) => (
              <li key={s.id}>
                {s.label} : {count(s.places, 'place')}, liste d’attente de {s.waitingPlaces},
                clôture le {formatDate(s.closesOn)}
              </li>
            ))}
          </ul>
          <SelectionDay sector={sector} preview={preview} onPostponed={setPreview} />
          <h2>Aperçu ({count(preview.decisions.length, 'demande')})</h2>
          <ScrollingTable label="Décisions de la sélection">
            <table>
              <caption>Décisions, dans l’ordre de priorité</caption>
              <thead>
                <tr>
                  <th scope="col">Rang</th>
                  <th scope="col">Demande</th>
                  <th scope="col">Participant</th>
                  <th scope="col">Réponse</th>
                  <th scope="col">Pourquoi</th>
                </tr>
              </thead>
              <tbody>
                {preview.decisions.map((d) => (
                  <tr key={d.requestId}>
                    <td>{d.priority}</td>
                    <td>
                      n° {d.number} ({d.member})
                    </td>
                    <td>{d.participant}</td>
                    <td>
                      {OUTCOMES[d.outcome]}
                      {d.sessionId ? ` — ${label(d.sessionId)}` : ''}
                      {d.waitingPosition ? ` (position ${d.waitingPosition})` : ''}
                    </td>
                    <td>{d.reasons.join(' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollingTable>
          <div className="actions">
            {preview.decisions.length === 0 ? (
              <p className="hint">Aucune demande pour ces sessions : il n’y a rien à appliquer.</p>
            ) : (
              <ConfirmAction
                disabled={busy}
                label="Appliquer la sélection et prévenir les familles"
                title="Appliquer la sélection ?"
                effect={
                  <p>
                    {count(tally(preview, 'confirmed'), 'place attribuée', 'places attribuées')},{' '}
                    {count(tally(preview, 'waiting'), 'demande', 'demandes')} en liste d’attente,{' '}
                    {count(tally(preview, 'refused'), 'refus')} : chaque famille reçoit un courriel
                    et les places attribuées sont facturées. Cela ne s’annule pas.
                  </p>
                }
                confirmLabel="Appliquer et prévenir les familles"
                onConfirm={apply}
              />
            )}
          </div>
        </>
      )}
    </RequireUser>
  );
}
