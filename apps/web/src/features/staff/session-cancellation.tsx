import type { ActivitySessionAnswer } from '@entraide/contract';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { ConfirmAction } from '../../shared/confirm-action.tsx';
import { formatCents } from '../../shared/format.ts';
import { sessionCancellation as msg } from '../../messages/staff.ts';

interface Cancellation {
  requestsCancelled: number;
  choicesRemoved: number;
  waitingCancelled: number;
  placesCancelled: number;
  refundCents: number;
}

/** What cancelling the session does, in the words of the confirmation. */
function Effect({ summary }: { readonly summary: Cancellation | null }) {
  if (summary === null) return <p role="status">{msg.calculCeAnnulationChangerait}</p>;
  const lines = [
    summary.placesCancelled > 0
      ? msg.placeConfirmeeAnnuleePlaces(
          summary.placesCancelled,
          summary.refundCents > 0
            ? msg.dejaVersesSerontRembourses(formatCents(summary.refundCents))
            : '',
        )
      : null,
    summary.waitingCancelled > 0 ? msg.demandeListeAttenteAnnulee(summary.waitingCancelled) : null,
    summary.requestsCancelled > 0 ? msg.demandeSansAutreChoix(summary.requestsCancelled) : null,
    summary.choicesRemoved > 0 ? msg.demandeGardeDemandesGardent(summary.choicesRemoved) : null,
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
        <p>{msg.aucuneDemandeEteFaite}</p>
      )}
      <p>{msg.chaqueFamilleRecoitCourriel}</p>
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
      label={msg.annulerSession(session.label)}
      title={msg.annulerSession2(session.label)}
      onOpen={() => {
        setSummary(null);
        void api<Cancellation>(
          'GET',
          `/api/staff/activities/${activityId}/sessions/${session.id}/cancellation`,
        ).then(setSummary);
      }}
      effect={<Effect summary={summary} />}
      reasonLabel={msg.motifAnnulationReprisDans}
      reasonExample={msg.prestataireAnnuleSejourFaute}
      confirmLabel={msg.annulerSessionPrevenirFamilles}
      onConfirm={onCancel}
    />
  );
}
