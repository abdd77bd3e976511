import { useEffect, useState, useSyncExternalStore } from 'react';
import { onPendingActions, pendingActions } from './api.ts';
import { actionProgress as msg } from '../messages/shared.ts';

/** An action shorter than this shows nothing: no flicker on a quick save. */
const DELAY_MS = 400;

/**
 * While an action is on its way to the server for more than a moment (a payment, a selection,
 * a PDF), a bar moves at the top of the screen and screen readers hear "Traitement en cours…".
 */
export function ActionProgress() {
  const pending = useSyncExternalStore(onPendingActions, pendingActions);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (pending === 0) {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), DELAY_MS);
    return () => clearTimeout(timer);
  }, [pending]);
  return (
    <>
      {shown ? <div className="action-progress" aria-hidden="true" /> : null}
      <p className="visually-hidden" aria-live="polite">
        {shown ? msg.traitementCours : ''}
      </p>
    </>
  );
}
