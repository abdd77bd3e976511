import { bankAccountInput, issuesOf } from '@entraide/contract';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../shared/api.ts';
import { ConfirmAction } from '../../shared/confirm-action.tsx';
import { Field, FormAlert, Notice } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from './require-user.tsx';

interface Account {
  id: string;
  holder: string;
  ibanMasked: string;
  bic: string;
  isDefault: boolean;
}

/** Gérer mes RIBs: the accounts subsidies are paid to; one is the default. */
export function BankAccountsPage() {
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [form, setForm] = useState({ holder: '', iban: '', bic: '' });
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, alert, fields, run, setAlert, setFields } = useSubmit();
  useEffect(() => {
    void api<{ accounts: Account[] }>('GET', '/api/me/bank-accounts').then((answer) =>
      setAccounts(answer.accounts),
    );
  }, []);
  const act = (work: () => Promise<{ accounts: Account[] }>, message: string) =>
    run(async () => {
      setAccounts((await work()).accounts);
      setNotice(message);
    });
  const add = (event: SyntheticEvent) => {
    event.preventDefault();
    const checked = bankAccountInput.safeParse(form);
    if (!checked.success) {
      setFields(
        Object.fromEntries(issuesOf(checked.error).map((issue) => [issue.path, issue.message])),
      );
      setAlert('Certains champs sont à corriger.');
      return;
    }
    void act(async () => {
      const answer = await api<{ accounts: Account[] }>('POST', '/api/me/bank-accounts', form);
      setForm({ holder: '', iban: '', bic: '' });
      return answer;
    }, 'RIB ajouté.');
  };
  return (
    <RequireUser>
      <PageTitle>Mes RIB</PageTitle>
      <p>
        Les subventions versées après coup le sont sur votre RIB par défaut.{' '}
        <Link to="/espace">Retour à mon espace</Link>
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      <FormAlert message={alert} />
      {accounts === null ? (
        <p role="status">Chargement…</p>
      ) : accounts.length === 0 ? (
        <p>Aucun RIB enregistré.</p>
      ) : (
        <ul className="queue">
          {accounts.map((account) => (
            <li key={account.id}>
              <p>
                <strong>{account.ibanMasked}</strong> — {account.bic} — {account.holder}
                {account.isDefault ? ' — RIB par défaut' : ''}
              </p>
              <div className="actions">
                {account.isDefault ? null : (
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    onClick={() =>
                      void act(
                        () => api('POST', `/api/me/bank-accounts/${account.id}/default`),
                        'RIB par défaut modifié.',
                      )
                    }
                  >
                    Utiliser par défaut le RIB {account.ibanMasked}
                  </button>
                )}
                <ConfirmAction
                  secondary
                  disabled={busy}
                  label={`Supprimer le RIB ${account.ibanMasked}`}
                  title={`Supprimer le RIB ${account.ibanMasked} ?`}
                  effect={
                    <p>
                      Le RIB de {account.holder} disparaît de votre espace.{' '}
                      {account.isDefault
                        ? accounts.length > 1
                          ? 'C’était votre RIB par défaut : votre plus ancien autre RIB le devient.'
                          : 'C’était votre seul RIB : vos subventions accordées attendront que vous en ajoutiez un pour être versées.'
                        : 'Les subventions déjà en cours de versement arrivent sur le compte choisi à ce moment-là.'}{' '}
                      Pour le retrouver, il faudra le saisir à nouveau.
                    </p>
                  }
                  confirmLabel="Supprimer ce RIB"
                  onConfirm={() =>
                    void act(
                      () => api('DELETE', `/api/me/bank-accounts/${account.id}`),
                      'RIB supprimé.',
                    )
                  }
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      <h2>Ajouter un RIB</h2>
      <form onSubmit={add} noValidate>
        <Field
          label="Titulaire du compte"
          name="holder"
          autoComplete="name"
          required
          value={form.holder}
          onChange={(e) => setForm({ ...form, holder: e.target.value })}
          error={fields.holder}
        />
        <Field
          label="IBAN"
          hint="27 caractères pour un compte en France, par exemple FR76 3000 6000 0112 3456 7890 189."
          name="iban"
          required
          value={form.iban}
          onChange={(e) => setForm({ ...form, iban: e.target.value })}
          error={fields.iban}
        />
        <Field
          label="BIC"
          hint="8 ou 11 caractères, sur votre RIB."
          name="bic"
          required
          value={form.bic}
          onChange={(e) => setForm({ ...form, bic: e.target.value })}
          error={fields.bic}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            Ajouter le RIB
          </button>
        </div>
      </form>
    </RequireUser>
  );
}
