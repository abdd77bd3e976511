import { useEffect, useState, type SyntheticEvent } from 'react';
import { api } from '../../shared/api.ts';
import { Field, FormAlert, Notice } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { StaffNav } from './staff-nav.tsx';

interface Account {
  id: string;
  identifier: string;
  name: string;
  role: string;
  sectors: string[];
  enrolled: boolean;
}

/** The reset of one account's second factor: a reason, and a confirmation that says what it does. */
function Reset({ account, onDone }: { readonly account: Account; readonly onDone: () => void }) {
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
        Réinitialiser le second facteur de {account.identifier}
      </button>
    );
  return (
    <form onSubmit={submit} noValidate aria-label={`Réinitialiser ${account.identifier}`}>
      <FormAlert message={alert} />
      <p>
        {account.name} perdra son application d’authentification, ses clés d’accès et ses codes de
        secours ; ses sessions seront fermées et il ou elle devra en activer un nouveau à la
        prochaine connexion. Un courriel l’en informera et le journal gardera votre nom et le motif.
      </p>
      <Field
        label="Motif"
        hint="Par exemple « téléphone perdu, vérifié par appel le 2 décembre »"
        name="reason"
        required
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={fields.reason}
      />
      <div className="actions">
        <button type="submit" disabled={busy}>
          Confirmer la réinitialisation
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Annuler
        </button>
      </div>
    </form>
  );
}

function Accounts() {
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    api<{ accounts: Account[] }>('GET', '/api/admin/staff-accounts').then(
      (answer) => setAccounts(answer.accounts),
      (e: unknown) => setError(e instanceof Error ? e.message : 'Chargement impossible.'),
    );
  }, [version]);
  if (error) return <FormAlert message={error} />;
  if (!accounts) return <p role="status">Chargement…</p>;
  return (
    <>
      {done ? <Notice>{done}</Notice> : null}
      <ul className="cards">
        {accounts.map((a) => (
          <li key={a.id}>
            <strong>{a.identifier}</strong> — {a.name} (
            {a.role === 'admin' ? 'administration' : a.sectors.join(', ')}) :{' '}
            {a.enrolled ? 'second facteur actif' : 'aucun second facteur'}
            <Reset
              account={a}
              onDone={() => {
                setDone(`Le second facteur de ${a.identifier} est réinitialisé.`);
                setVersion((v) => v + 1);
              }}
            />
          </li>
        ))}
      </ul>
    </>
  );
}

export function StaffAccountsPage() {
  return (
    <RequireUser staffOnly>
      <PageTitle>Comptes du personnel</PageTitle>
      <StaffNav />
      <Accounts />
    </RequireUser>
  );
}
