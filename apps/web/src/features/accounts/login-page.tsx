import { useState, type SyntheticEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api.ts';
import { Field, FormAlert } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { useSubmit } from '../../shared/use-submit.ts';

export function LoginPage() {
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const { busy, alert, fields, run } = useSubmit();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      await api('POST', '/api/session', { identifier, password });
      await refresh();
      await navigate('/espace');
    });
  };
  return (
    <>
      <PageTitle>Se connecter</PageTitle>
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
        <Field
          label="Mot de passe"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            Se connecter
          </button>
        </div>
      </form>
      <ul>
        <li>
          <Link to="/identifiant-oublie">Identifiant oublié ?</Link>
        </li>
        <li>
          <Link to="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
        </li>
        <li>
          Vous n’avez pas de compte ? <Link to="/inscription">S’inscrire</Link>
        </li>
      </ul>
    </>
  );
}
