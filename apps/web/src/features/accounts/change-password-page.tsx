import { useState, type SyntheticEvent } from 'react';
import { api } from '../../shared/api.ts';
import { Field, FormAlert, Notice } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';

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
      <PageTitle>Changer mon mot de passe</PageTitle>
      {done ? (
        <Notice>Votre mot de passe est modifié. Vos autres sessions ont été fermées.</Notice>
      ) : null}
      <FormAlert message={alert} />
      <form onSubmit={submit} noValidate>
        <Field
          label="Mot de passe actuel"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
          error={fields.currentPassword}
        />
        <Field
          label="Nouveau mot de passe"
          hint="Au moins 12 caractères, dont une lettre et un chiffre."
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
            Changer le mot de passe
          </button>
        </div>
      </form>
    </RequireUser>
  );
}
