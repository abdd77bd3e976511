import { useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../shared/api.ts';
import { Field, FormAlert, Notice } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';

export function ForgotPasswordPage() {
  const [identifier, setIdentifier] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { busy, alert, fields, run } = useSubmit();
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      setDone(
        (await api<{ message: string }>('POST', '/api/recovery/password', { identifier })).message,
      );
    });
  };
  return (
    <>
      <PageTitle>Mot de passe oublié</PageTitle>
      {done ? (
        <Notice>{done}</Notice>
      ) : (
        <>
          <p>
            Saisissez votre identifiant CAES : nous vous envoyons un lien pour choisir un nouveau
            mot de passe à l’adresse électronique de votre inscription.
          </p>
          <FormAlert message={alert} />
          <form onSubmit={submit} noValidate>
            <Field
              label="Identifiant CAES"
              name="identifier"
              autoComplete="username"
              required
              value={identifier}
              onChange={(e) => setIdentifier(e.target.value)}
              error={fields.identifier}
            />
            <div className="actions">
              <button type="submit" disabled={busy}>
                Envoyer le lien
              </button>
            </div>
          </form>
        </>
      )}
      <p>
        <Link to="/identifiant-oublie">Identifiant oublié ?</Link> ·{' '}
        <Link to="/connexion">Retour à la connexion</Link>
      </p>
    </>
  );
}
