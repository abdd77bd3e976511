import type { StaffAccount } from '@entraide/contract';
import { useState, type SyntheticEvent } from 'react';
import { api } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { Field, FormAlert, Notice } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { SECTIONS } from './staff-sections.ts';
import { StaffNav } from './staff-nav.tsx';
import { common } from '../../messages/common.ts';
import { staffAccountsPage as msg } from '../../messages/staff.ts';

/** The reset of one account's second factor: a reason, and a confirmation that says what it does. */
function Reset({
  account,
  onDone,
}: {
  readonly account: StaffAccount;
  readonly onDone: () => void;
}) {
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  const { busy, alert, fields, run } = useSubmit();
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      await api('POST', `/api/admin/users/${account.id}/second-factor/reset`, { reason });
      setOpen(false);
      onDone();
    });
  };
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)} disabled={!account.enrolled}>
        {msg.reinitialiserSecondFacteur(account.identifier)}
      </button>
    );
  return (
    <form onSubmit={submit} noValidate aria-label={msg.reinitialiser(account.identifier)}>
      <FormAlert message={alert} />
      <p>{msg.perdraSonApplicationAuthentification(account.name)}</p>
      <Field
        label={msg.motif}
        hint={msg.parExempleTelephonePerdu}
        name="reason"
        required
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={fields.reason}
      />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {msg.confirmerReinitialisation}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {common.cancel}
        </button>
      </div>
    </form>
  );
}

function Accounts() {
  const [accounts, setAccounts] = useState<StaffAccount[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const loading = useLoad(async () =>
    setAccounts(
      (await api<{ accounts: StaffAccount[] }>('GET', '/api/admin/staff-accounts')).accounts,
    ),
  );
  // A list read again after a reset, and not had, is not shown as if it were current.
  if (!accounts || loading.failure) return <Loading {...loading} />;
  return (
    <>
      {done ? <Notice>{done}</Notice> : null}
      <ul className="cards">
        {accounts.map((a) => (
          <li key={a.id}>
            <strong>{a.identifier}</strong> — {a.name} (
            {a.role === 'admin' ? 'administration' : a.sectors.join(', ')}) :{' '}
            {a.enrolled ? msg.secondFacteurActif : msg.aucunSecondFacteur}
            <Reset
              account={a}
              onDone={() =>
                void loading
                  .reload()
                  .then(() => setDone(msg.secondFacteurReinitialise(a.identifier)))
              }
            />
          </li>
        ))}
      </ul>
    </>
  );
}

export function StaffAccountsPage() {
  return (
    <RequireUser staff={SECTIONS.admin}>
      <PageTitle>{msg.comptesPersonnel}</PageTitle>
      <StaffNav />
      <Accounts />
    </RequireUser>
  );
}
