import type { BankAccount } from '@entraide/contract';
import { bankAccountInput, issuesOf } from '@entraide/contract';
import { useState, type SyntheticEvent } from 'react';
import { Link } from 'wouter';
import { api } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { ConfirmAction } from '../../shared/confirm-action.tsx';
import { Field, FormAlert, Notice } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from './require-user.tsx';
import { common } from '../../messages/common.ts';
import { bankAccountsPage as msg } from '../../messages/member.ts';

/** Gérer mes RIBs: the accounts subsidies are paid to; one is the default. */
export function BankAccountsPage() {
  const [accounts, setAccounts] = useState<BankAccount[] | null>(null);
  const [form, setForm] = useState({ holder: '', iban: '', bic: '' });
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, alert, fields, run, setAlert, setFields } = useSubmit();
  const loading = useLoad(async () =>
    setAccounts((await api<{ accounts: BankAccount[] }>('GET', '/api/me/bank-accounts')).accounts),
  );
  const act = (work: () => Promise<{ accounts: BankAccount[] }>, message: string) =>
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
      setAlert(common.fieldsToFix);
      return;
    }
    void act(async () => {
      const answer = await api<{ accounts: BankAccount[] }>('POST', '/api/me/bank-accounts', form);
      setForm({ holder: '', iban: '', bic: '' });
      return answer;
    }, msg.ribAjoute);
  };
  return (
    <RequireUser>
      <PageTitle>{msg.mesRib}</PageTitle>
      <p>
        {msg.subventionsVerseesApresCoup} <Link to="/espace">{common.backToMySpace}</Link>
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      <FormAlert message={alert} />
      {accounts === null ? (
        <Loading {...loading} />
      ) : accounts.length === 0 ? (
        <p>{msg.aucunRibEnregistre}</p>
      ) : (
        <ul className="queue">
          {accounts.map((account) => (
            <li key={account.id}>
              <p>
                <strong>{account.ibanMasked}</strong> — {account.bic} — {account.holder}
                {account.isDefault ? msg.ribParDefaut : ''}
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
                        msg.ribParDefautModifie,
                      )
                    }
                  >
                    {msg.utiliserParDefautRib(account.ibanMasked)}
                  </button>
                )}
                <ConfirmAction
                  secondary
                  disabled={busy}
                  label={msg.supprimerRib(account.ibanMasked)}
                  title={msg.supprimerRib2(account.ibanMasked)}
                  effect={
                    <p>
                      {msg.ribDisparaitVotreEspace(
                        account.holder,
                        account.isDefault
                          ? accounts.length > 1
                            ? msg.cEtaitVotreRib
                            : msg.cEtaitVotreSeul
                          : msg.subventionsDejaCoursVersement,
                      )}
                    </p>
                  }
                  confirmLabel={msg.supprimerCeRib}
                  onConfirm={() =>
                    void act(
                      () => api('DELETE', `/api/me/bank-accounts/${account.id}`),
                      msg.ribSupprime,
                    )
                  }
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      <h2>{msg.ajouterRib}</h2>
      <form onSubmit={add} noValidate>
        <Field
          label={msg.titulaireCompte}
          name="holder"
          autoComplete="name"
          required
          value={form.holder}
          onChange={(e) => setForm({ ...form, holder: e.target.value })}
          error={fields.holder}
        />
        <Field
          label="IBAN"
          hint={msg.n27CaracteresPourCompte}
          name="iban"
          required
          value={form.iban}
          onChange={(e) => setForm({ ...form, iban: e.target.value })}
          error={fields.iban}
        />
        <Field
          label="BIC"
          hint={msg.n8Ou11Caracteres}
          name="bic"
          required
          value={form.bic}
          onChange={(e) => setForm({ ...form, bic: e.target.value })}
          error={fields.bic}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {msg.ajouterRib2}
          </button>
        </div>
      </form>
    </RequireUser>
  );
}
