import type { LoginAnswer } from '@entraide/contract';
import { useState, type SyntheticEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../../shared/api.ts';
import { Field, FormAlert } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { SecondFactorStep } from './second-factor-step.tsx';
import { common } from '../../messages/common.ts';
import { loginPage as msg } from '../../messages/accounts.ts';

export function LoginPage() {
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const { busy, alert, fields, run } = useSubmit();
  const { session, refresh } = useSession();
  const [, navigate] = useLocation();
  const pending = session?.user?.secondFactor;
  const finish = async () => {
    await refresh();
    navigate('/espace');
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      const { secondFactor } = await api<LoginAnswer>('POST', '/api/session', {
        identifier,
        password,
      });
      await refresh();
      if (secondFactor === 'none') navigate('/espace');
      if (secondFactor === 'enrol') navigate('/espace/securite');
    });
  };
  if (pending?.enrolled && !pending.verified)
    return (
      <>
        <PageTitle>{common.logIn}</PageTitle>
        <SecondFactorStep methods={pending.methods} onDone={finish} />
      </>
    );
  return (
    <>
      <PageTitle>{common.logIn}</PageTitle>
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
        <Field
          label={msg.motPasse}
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
            {common.logIn}
          </button>
        </div>
      </form>
      <ul>
        <li>
          <Link to="/identifiant-oublie">{msg.identifiantOublie}</Link>
        </li>
        <li>
          <Link to="/mot-de-passe-oublie">{msg.motPasseOublie}</Link>
        </li>
        <li>
          {msg.vousAvezPasCompte} <Link to="/inscription">{msg.inscrire}</Link>
        </li>
      </ul>
    </>
  );
}
