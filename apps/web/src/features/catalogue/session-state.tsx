import { sessionState, type ActivitySessionAnswer, type SessionState } from '@entraide/contract';
import { formatDate } from '../../shared/format.ts';
import { useSession } from '../../shared/session.tsx';
import { sessionState as msg } from '../../messages/catalogue.ts';

/** Each state in words, as a family reads it on a card or in a list of choices. */
export const SESSION_STATE_LABELS: Readonly<Record<SessionState, string>> = {
  open: msg.ouverte,
  selecting: msg.clotureeListeAttente,
  firstCome: msg.placesPremierArrive,
  full: msg.completeListeAttente,
  started: msg.commencee,
  cancelled: msg.annulee,
};

/** The state of a session on the committee's day; null until that day is known. */
export function useSessionState(): ((s: ActivitySessionAnswer) => SessionState) | null {
  const today = useSession().session?.today;
  return today ? (s) => sessionState(s, today) : null;
}

/** What a session's state means for a request, in one short sentence. */
export function stateDetail(s: ActivitySessionAnswer, state: SessionState): string {
  switch (state) {
    case 'open':
      return msg.placeDemandesJusquReponse(
        s.places,
        formatDate(s.closesOn),
        formatDate(s.answerBy),
      );
    case 'selecting':
      return msg.selectionCoursDemandePasse;
    case 'firstCome':
      return msg.placeRestantePlacesRestantes(s.placesLeft);
    case 'full':
      return msg.demandeVaSurListe;
    case 'started':
      return msg.plusAucuneDemandePossible;
    case 'cancelled':
      return msg.annuleeParComite(s.cancellationReason ? ` : ${s.cancellationReason}` : '');
  }
}

/** A session's state as a badge: colour and words, never colour alone. */
export function SessionBadge({ state }: { readonly state: SessionState }) {
  return <span className={`badge badge-${state}`}>{SESSION_STATE_LABELS[state]}</span>;
}
