import type { ActivitySessionAnswer } from '@entraide/contract';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { ConfirmAction } from '../../shared/confirm-action.tsx';
import { formatCents } from '../../shared/format.ts';
import { count } from '../../shared/french.ts';

interface Cancellation {
  requestsCancelled: number;
  choicesRemoved: number;
  waitingCancelled: number;
  placesCancelled: number;
  refundCents: number;
}

/** What cancelling the session does, in the words of the confirmation. */
function Effect({ summary }: { readonly summary: Cancellation | null }) {
  if (summary === null) return <p role="status">Calcul de ce que l’annulation changerait…</p>;
  const lines = [
    summary.placesCancelled > 0
      ? `${count(summary.placesCancelled, 'place confirmée annulée', 'places confirmées annulées')} sans frais : chaque facture est annulée par un avoir${summary.refundCents > 0 ? `, ${formatCents(summary.refundCents)} déjà versés seront remboursés` : ''}.`
      : null,
    summary.waitingCancelled > 0
      ? `${count(summary.waitingCancelled, 'demande en liste d’attente annulée', 'demandes en liste d’attente annulées')}.`
      : null,
    summary.requestsCancelled > 0
      ? `${count(summary.requestsCancelled, 'demande sans autre choix annulée', 'demandes sans autre choix annulées')}.`
      : null,
    summary.choicesRemoved > 0
      ? `${count(summary.choicesRemoved, 'demande garde', 'demandes gardent')} ses autres choix pour la sélection.`
      : null,
  ].filter((line) => line !== null);
  return (
    <>
      {lines.length > 0 ? (
        <ul>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p>Aucune demande n’a été faite pour cette session.</p>
      )}
      <p>
        Chaque famille reçoit un courriel avec le motif. La session quitte le catalogue ;
        l’annulation ne peut pas être défaite.
      </p>
    </>
  );
}

/** The committee cancels a session: the effect is read first, the reason is mailed. */
export function CancelSession({
  activityId,
  session,
  disabled,
  onCancel,
}: {
  readonly activityId: string;
  readonly session: ActivitySessionAnswer;
  readonly disabled: boolean;
  readonly onCancel: (reason: string) => void;
}) {
  const [summary, setSummary] = useState<Cancellation | null>(null);
  return (
    <ConfirmAction
      secondary
      disabled={disabled}
      label={`Annuler la session « ${session.label} »`}
      title={`Annuler la session « ${session.label} » ?`}
      onOpen={() => {
        setSummary(null);
        void api<Cancellation>(
          'GET',
          `/api/staff/activities/${activityId}/sessions/${session.id}/cancellation`,
        ).then(setSummary);
      }}
      effect={<Effect summary={summary} />}
      reasonLabel="Motif de l’annulation (repris dans le courriel aux familles)"
      reasonExample="le prestataire a annulé le séjour faute de participants"
      confirmLabel="Annuler la session et prévenir les familles"
      onConfirm={onCancel}
    />
  );
}
