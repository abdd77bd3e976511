import { useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../shared/api.ts';
import { Field, FormAlert, Notice } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { useSubmit } from '../../shared/use-submit.ts';

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
      <PageTitle>Identifiant CAES oublié</PageTitle>
      {done ? (
        <Notice>{done}</Notice>
      ) : (
        <>
          <p>
            Votre identifiant figure aussi sur vos factures et vos subventions. Nous l’envoyons à
            l’adresse électronique de votre inscription.
          </p>
          <FormAlert message={alert} />
          <form onSubmit={submit} noValidate>
            {inserm ? (
              <fieldset>
                <legend>Vous êtes</legend>
                <div className="field checkbox">
                  <input
                    type="radio"
                    id="agent-oui"
                    name="agent"
                    checked={agent}
                    onChange={() => setAgent(true)}
                  />
                  <label htmlFor="agent-oui">agent Inserm (avec votre matricule)</label>
                </div>
                <div className="field checkbox">
                  <input
                    type="radio"
                    id="agent-non"
                    name="agent"
                    checked={!agent}
                    onChange={() => setAgent(false)}
                  />
                  <label htmlFor="agent-non">pas agent Inserm, ou sans matricule</label>
                </div>
              </fieldset>
            ) : null}
            <Field
              label="Votre nom"
              name="lastName"
              autoComplete="family-name"
              required
              value={form.lastName}
              onChange={set('lastName')}
              error={fields.lastName}
            />
            {agent ? (
              <Field
                label="Votre matricule Inserm"
                hint="Numéro à 8 chiffres"
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
                  label="Votre prénom"
                  name="firstName"
                  autoComplete="given-name"
                  required
                  value={form.firstName}
                  onChange={set('firstName')}
                  error={fields.firstName}
                />
                <Field
                  label="Date de naissance"
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
                Envoyer
              </button>
            </div>
          </form>
        </>
      )}
      <p>
        <Link to="/connexion">Retour à la connexion</Link>
      </p>
    </>
  );
}
