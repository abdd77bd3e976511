import { password as passwordRule } from '@entraide/contract';
import { useState, type SyntheticEvent } from 'react';
import { Link, useSearchParams } from 'wouter';
import { api } from '../../shared/api.ts';
import { Field, FormAlert, Notice } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { common } from '../../messages/common.ts';
import { setPasswordPage as msg } from '../../messages/accounts.ts';

/** Reached from the link of an e-mail (approval or forgotten password). */
export function SetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('jeton') ?? '';
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [done, setDone] = useState(false);
  const { busy, alert, fields, run, setFields } = useSubmit();
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    // Every problem at once: the password's own rule and the confirmation.
    const checked = passwordRule.safeParse(password);
    const errors = {
      ...(checked.success
        ? {}
        : { password: checked.error.issues.map((i) => i.message).join(' ; ') }),
      ...(password !== confirmation
        ? {
            confirmation: msg.deuxMotsPasseNe,
          }
        : {}),
    };
    if (Object.keys(errors).length > 0) {
      setFields(errors);
      return;
    }
    void run(async () => {
      await api('POST', '/api/password', { token, password });
      setDone(true);
    });
  };
  return (
    <>
      <PageTitle>{msg.choisirMonMotPasse}</PageTitle>
      {done ? (
        <Notice>
          {msg.votreMotPasseEnregistre} <Link to="/connexion">{common.logIn}</Link>
        </Notice>
      ) : (
        <>
          <FormAlert message={alert ?? (token ? null : msg.ceLienIncompletOuvrez)} />
          <form onSubmit={submit} noValidate>
            <Field
              label={msg.nouveauMotPasse}
              hint={msg.moins12CaracteresDont}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={fields.password}
            />
            <Field
              label={msg.confirmezMotPasse}
              name="confirmation"
              type="password"
              autoComplete="new-password"
              required
              value={confirmation}
              onChange={(e) => setConfirmation(e.target.value)}
              error={fields.confirmation}
            />
            <div className="actions">
              <button type="submit" disabled={busy || !token}>
                {msg.enregistrer}
              </button>
            </div>
          </form>
        </>
      )}
    </>
  );
}
