import { useState, type SyntheticEvent } from 'react';
import { api } from '../../shared/api.ts';
import { Field, FormAlert, Notice } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { changePasswordPage as msg } from '../../messages/accounts.ts';

export function ChangePasswordPage() {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [done, setDone] = useState(false);
  const { busy, alert, fields, run } = useSubmit();
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      await api('PUT', '/api/me/password', { currentPassword, newPassword });
      setDone(true);
    });
  };
  return (
    <RequireUser>
      <PageTitle>{msg.changerMonMotPasse}</PageTitle>
      {done ? <Notice>{msg.votreMotPasseModifie}</Notice> : null}
      <FormAlert message={alert} />
      <form onSubmit={submit} noValidate>
        <Field
          label={msg.motPasseActuel}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
          error={fields.currentPassword}
        />
        <Field
          label={msg.nouveauMotPasse}
          hint={msg.moins12CaracteresDont}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
          error={fields.newPassword}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {msg.changerMotPasse}
          </button>
        </div>
      </form>
    </RequireUser>
  );
}
