import { useState, type SyntheticEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api.ts';
import { Field, FormAlert } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from './require-user.tsx';

/** Closing the account: what it does is said first, then the password confirms it. */
function CloseAccount() {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const { busy, alert, fields, run } = useSubmit();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      await api('POST', '/api/me/account/close', { password });
      await refresh();
      await navigate('/');
    });
  };
  if (!open)
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Fermer mon compte…
      </button>
    );
  return (
    <form onSubmit={submit} noValidate aria-label="Fermer mon compte">
      <FormAlert message={alert} />
      <p>
        Fermer votre compte supprime vos documents, vos RIB, votre famille et vos coordonnées, et
        vous ne pourrez plus vous connecter. Les factures, paiements et justificatifs des
        subventions versées restent conservés 10 ans (obligation comptable), sans votre nom.
        Téléchargez vos données avant, si vous souhaitez les garder.
      </p>
      <Field
        label="Votre mot de passe, pour confirmer"
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
          Fermer définitivement mon compte
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Annuler
        </button>
      </div>
    </form>
  );
}

/** The member's rights under the RGPD: a copy of their data, and closing the account. */
export function MyDataPage() {
  return (
    <RequireUser>
      <PageTitle>Mes données</PageTitle>
      <h2>Télécharger mes données</h2>
      <p>
        Tout ce que le comité détient sur votre foyer : compte, famille, Fiches Agent, demandes,
        factures, paiements, subventions, courriels et vos documents PDF d’origine, dans un fichier
        ZIP.
      </p>
      <p>
        <a href="/api/me/data.zip" download>
          Télécharger mes données (ZIP)
        </a>
      </p>
      <h2>Durées de conservation</h2>
      <p>
        Les avis d’imposition et bulletins de salaire sont supprimés automatiquement quelques années
        après l’année de la Fiche Agent qu’ils justifient ; les factures et paiements sont gardés 10
        ans, comme la loi l’impose aux pièces comptables.
      </p>
      <h2>Fermer mon compte</h2>
      <CloseAccount />
    </RequireUser>
  );
}
