import { useState, type SyntheticEvent } from 'react';
import { Link } from 'wouter';
import { api } from '../../shared/api.ts';
import { Field, FormAlert, Notice } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { forgotPasswordPage as msg } from '../../messages/accounts.ts';

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
      <PageTitle>{msg.motPasseOublie}</PageTitle>
      {done ? (
        <Notice>{done}</Notice>
      ) : (
        <>
          <p>{msg.saisissezVotreIdentifiantCaes}</p>
          <FormAlert message={alert} />
          <form onSubmit={submit} noValidate>
            <Field
              label={msg.identifiantCaes}
              name="identifier"
              autoComplete="username"
              required
              value={identifier}
              onChange={(e) => setIdentifier(e.target.value)}
              error={fields.identifier}
            />
            <div className="actions">
              <button type="submit" disabled={busy}>
                {msg.envoyerLien}
              </button>
            </div>
          </form>
        </>
      )}
      <p>
        <Link to="/identifiant-oublie">{msg.identifiantOublie}</Link> ·{' '}
        <Link to="/connexion">{msg.retourConnexion}</Link>
      </p>
    </>
  );
}
