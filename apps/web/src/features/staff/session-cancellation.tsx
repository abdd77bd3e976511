import {
  sessionCancellationFigures,
  type ActivitySessionAnswer,
  type SessionCancellationFigures,
} from '@entraide/contract';
import { api } from '../../shared/api.ts';
import { ConfirmAction, FiguresPending, useFiguresOnOpen } from '../../shared/confirm-action.tsx';
import { formatCents } from '../../shared/format.ts';
import { sessionCancellation as msg } from '../../messages/staff.ts';

/** What cancelling the session does, in the words of the confirmation. */
function Effect({
  summary,
  refusal,
}: {
  readonly summary: SessionCancellationFigures | null;
  /** Why the figures could not be had (the session began meanwhile…): said in the dialog. */
  readonly refusal: string | null;
}) {
  if (summary === null)
    return <FiguresPending refusal={refusal} waiting={msg.calculCeAnnulationChangerait} />;
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

/**
 * The committee cancels a session: the effect is read first (rehearsed by the server), the reason
 * is mailed; the cancellation is made only if it still does what was read (decision 0046).
 */
export function CancelSession({
  activityId,
  session,
  disabled,
  onCancel,
}: {
  readonly activityId: string;
  readonly session: ActivitySessionAnswer;
  readonly disabled: boolean;
  readonly onCancel: (reason: string, expected: SessionCancellationFigures) => void;
}) {
  // The figures alone (the answer also names the session): what the cancellation sends back.
  const {
    figures: summary,
    refusal,
    open,
  } = useFiguresOnOpen(async () =>
    sessionCancellationFigures.parse(
      await api<unknown>(
        'GET',
        `/api/staff/activities/${activityId}/sessions/${session.id}/cancellation`,
      ),
    ),
  );
  return (
    <ConfirmAction
      secondary
      disabled={disabled}
      label={msg.annulerSession(session.label)}
      title={msg.annulerSession2(session.label)}
      onOpen={open}
      effect={<Effect summary={summary} refusal={refusal} />}
      ready={summary !== null}
      reasonLabel={msg.motifAnnulationReprisDans}
      reasonExample={msg.prestataireAnnuleSejourFaute}
      confirmLabel={msg.annulerSessionPrevenirFamilles}
      onConfirm={(reason) => {
        if (summary) onCancel(reason, summary);
      }}
    />
  );
}
