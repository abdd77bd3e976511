import { password as passwordRule } from '@entraide/contract';
import { useState, type SyntheticEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../shared/api.ts';
import { Field, FormAlert, Notice } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';

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
            confirmation:
              'Les deux mots de passe ne sont pas identiques : tapez le même deux fois.',
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
      <PageTitle>Choisir mon mot de passe</PageTitle>
      {done ? (
        <Notice>
          Votre mot de passe est enregistré. <Link to="/connexion">Se connecter</Link>
        </Notice>
      ) : (
        <>
          <FormAlert
            message={
              alert ?? (token ? null : 'Ce lien est incomplet : ouvrez le lien reçu par courriel.')
            }
          />
          <form onSubmit={submit} noValidate>
            <Field
              label="Nouveau mot de passe"
              hint="Au moins 12 caractères, dont une lettre et un chiffre."
              name="password"
              type="password"
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={fields.password}
            />
            <Field
              label="Confirmez le mot de passe"
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
                Enregistrer
              </button>
            </div>
          </form>
        </>
      )}
    </>
  );
}
