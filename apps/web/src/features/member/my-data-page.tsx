import { useState, type SyntheticEvent } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../shared/api.ts';
import { DownloadButton } from '../../shared/download-button.tsx';
import { Field, FormAlert } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from './require-user.tsx';
import { common } from '../../messages/common.ts';
import { myDataPage as msg } from '../../messages/member.ts';

/** Closing the account: what it does is said first, then the password confirms it. */
function CloseAccount() {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const { busy, alert, fields, run } = useSubmit();
  const { refresh } = useSession();
  const [, navigate] = useLocation();
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      await api('POST', '/api/me/account/close', { password });
      await refresh();
      navigate('/');
    });
  };
  if (!open)
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {msg.fermerMonCompte}
      </button>
    );
  return (
    <form onSubmit={submit} noValidate aria-label={msg.fermerMonCompte2}>
      <FormAlert message={alert} />
      <p>{msg.fermerVotreCompteSupprime}</p>
      <Field
        label={msg.votreMotPassePour}
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
          {msg.fermerDefinitivementMonCompte}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {common.cancel}
        </button>
      </div>
    </form>
  );
}

/** The member's rights under the RGPD: a copy of their data, and closing the account. */
export function MyDataPage() {
  return (
    <RequireUser>
      <PageTitle>{msg.mesDonnees}</PageTitle>
      <h2>{msg.telechargerMesDonnees}</h2>
      <p>{msg.toutCeComiteDetient}</p>
      <div className="actions">
        <DownloadButton label={msg.telechargerMesDonneesZip} url="/api/me/data.zip" />
      </div>
      <h2>{msg.dureesConservation}</h2>
      <p>{msg.avisImpositionBulletinsSalaire}</p>
      <h2>{msg.fermerMonCompte2}</h2>
      <CloseAccount />
    </RequireUser>
  );
}
