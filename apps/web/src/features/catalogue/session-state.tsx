import { sessionState, type ActivitySessionAnswer, type SessionState } from '@entraide/contract';
import { formatDate } from '../../shared/format.ts';
import { count } from '../../shared/french.ts';
import { useSession } from '../../shared/session.tsx';

/** Each state in words, as a family reads it on a card or in a list of choices. */
export const SESSION_STATE_LABELS: Readonly<Record<SessionState, string>> = {
  open: 'Ouverte',
  selecting: 'Clôturée — liste d’attente',
  firstCome: 'Places en premier arrivé',
  full: 'Complète — liste d’attente',
  started: 'Commencée',
  cancelled: 'Annulée',
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
      return `${count(s.places, 'place')}, demandes jusqu’au ${formatDate(s.closesOn)}, réponse avant le ${formatDate(s.answerBy)}`;
    case 'selecting':
      return 'la sélection est en cours : une demande passe après celles reçues à temps';
    case 'firstCome':
      return `${count(s.placesLeft, 'place restante', 'places restantes')}, attribuées dans l’ordre des demandes`;
    case 'full':
      return 'une demande va sur la liste d’attente';
    case 'started':
      return 'plus aucune demande possible';
    case 'cancelled':
      return `annulée par le comité${s.cancellationReason ? ` : ${s.cancellationReason}` : ''}`;
  }
}

/** A session's state as a badge: colour and words, never colour alone. */
export function SessionBadge({ state }: { readonly state: SessionState }) {
  return <span className={`badge badge-${state}`}>{SESSION_STATE_LABELS[state]}</span>;
}
