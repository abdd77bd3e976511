import { useState } from 'react';
import { ApiError, type FieldErrors } from './api.ts';

/** A form's submission state: busy while sending, the alert and the field errors of a refusal. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
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
      } else {
        setAlert('Une erreur inattendue est survenue.');
      }
    } finally {
      setBusy(false);
    }
  };
  return { busy, alert, fields, run, setAlert, setFields };
}
