import { useState, type SyntheticEvent } from 'react';
import { Link } from 'wouter';
import { api } from '../../shared/api.ts';
import { Field, FormAlert, Notice } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { forgotIdentifierPage as msg } from '../../messages/accounts.ts';

export function ForgotIdentifierPage() {
  const { session } = useSession();
  const inserm = session?.organization.id !== 'cnrs';
  const [agent, setAgent] = useState(inserm);
  const [form, setForm] = useState({ lastName: '', matricule: '', firstName: '', birthDate: '' });
  const [done, setDone] = useState<string | null>(null);
  const { busy, alert, fields, run } = useSubmit();
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const body = agent
      ? { lastName: form.lastName, matricule: form.matricule }
      : { lastName: form.lastName, firstName: form.firstName, birthDate: form.birthDate };
    void run(async () => {
      setDone((await api<{ message: string }>('POST', '/api/recovery/identifier', body)).message);
    });
  };
  return (
    <>
      <PageTitle>{msg.identifiantCaesOublie}</PageTitle>
      {done ? (
        <Notice>{done}</Notice>
      ) : (
        <>
          <p>{msg.votreIdentifiantFigureAussi}</p>
          <FormAlert message={alert} />
          <form onSubmit={submit} noValidate>
            {inserm ? (
              <fieldset>
                <legend>{msg.vousEtes}</legend>
                <div className="field checkbox">
                  <input
                    type="radio"
                    id="agent-oui"
                    name="agent"
                    checked={agent}
                    onChange={() => setAgent(true)}
                  />
                  <label htmlFor="agent-oui">{msg.agentInsermAvecVotre}</label>
                </div>
                <div className="field checkbox">
                  <input
                    type="radio"
                    id="agent-non"
                    name="agent"
                    checked={!agent}
                    onChange={() => setAgent(false)}
                  />
                  <label htmlFor="agent-non">{msg.pasAgentInsermOu}</label>
                </div>
              </fieldset>
            ) : null}
            <Field
              label={msg.votreNom}
              name="lastName"
              autoComplete="family-name"
              required
              value={form.lastName}
              onChange={set('lastName')}
              error={fields.lastName}
            />
            {agent ? (
              <Field
                label={msg.votreMatriculeInserm}
                hint={msg.numero8Chiffres}
                name="matricule"
                inputMode="numeric"
                required
                value={form.matricule}
                onChange={set('matricule')}
                error={fields.matricule}
              />
            ) : (
              <>
                <Field
                  label={msg.votrePrenom}
                  name="firstName"
                  autoComplete="given-name"
                  required
                  value={form.firstName}
                  onChange={set('firstName')}
                  error={fields.firstName}
                />
                <Field
                  label={msg.dateNaissance}
                  name="birthDate"
                  type="date"
                  autoComplete="bday"
                  required
                  value={form.birthDate}
                  onChange={set('birthDate')}
                  error={fields.birthDate}
                />
              </>
            )}
            <div className="actions">
              <button type="submit" disabled={busy}>
                {msg.envoyer}
              </button>
            </div>
          </form>
        </>
      )}
      <p>
        <Link to="/connexion">{msg.retourConnexion}</Link>
      </p>
    </>
  );
}
