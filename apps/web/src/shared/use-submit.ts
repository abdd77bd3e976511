import { useEffect, useState } from 'react';
import { ApiError, type FieldErrors } from './api.ts';
import { useSubmit as msg } from '../messages/shared.ts';

/** A form's submission state: busy while sending, the alert and the field errors of a refusal. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [toPlace, setToPlace] = useState<readonly string[]>([]);
  // Once the refusal is on the screen, the first marked field takes the focus; when no field on
  // the screen carries the errors, the alert names them, so that none is lost.
  useEffect(() => {
    if (toPlace.length === 0) return;
    const first = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first) first.focus();
    else setAlert(msg.certainsChampsSontCorriger(toPlace.join(' ; ')));
    setToPlace([]);
  }, [toPlace]);
  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setAlert(null);
    setFields({});
    try {
      await work();
    } catch (error) {
      if (error instanceof ApiError) {
        setAlert(error.message);
        setFields(error.fields);
        setToPlace([...new Set(Object.values(error.fields))]);
      } else {
        setAlert(msg.erreurInattendueSurvenue);
      }
    } finally {
      setBusy(false);
    }
  };
  return { busy, alert, fields, run, setAlert, setFields };
}
