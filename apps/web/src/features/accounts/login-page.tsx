import type { LoginAnswer } from '@entraide/contract';
import { useState, type SyntheticEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api.ts';
import { Field, FormAlert } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { SecondFactorStep } from './second-factor-step.tsx';

export function LoginPage() {
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const { busy, alert, fields, run } = useSubmit();
  const { session, refresh } = useSession();
  const navigate = useNavigate();
  const pending = session?.user?.secondFactor;
  const finish = async () => {
    await refresh();
    await navigate('/espace');
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      const { secondFactor } = await api<LoginAnswer>('POST', '/api/session', {
        identifier,
        password,
      });
      await refresh();
      if (secondFactor === 'none') await navigate('/espace');
      if (secondFactor === 'enrol') await navigate('/espace/securite');
    });
  };
  if (pending?.enrolled && !pending.verified)
    return (
      <>
        <PageTitle>Se connecter</PageTitle>
        <SecondFactorStep methods={pending.methods} onDone={finish} />
      </>
    );
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
