import { birthDateIssues, issuesOf, signUpBirthDates, signUpRequest } from '@entraide/contract';
import { useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { api, type FieldErrors } from '../../shared/api.ts';
import { Checkbox, Field, FormAlert, Notice, RepeatedFieldsets } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { formatDate } from '../../shared/format.ts';
import { count } from '../../shared/french.ts';
import { Steps } from '../../shared/steps.tsx';
import { useSubmit } from '../../shared/use-submit.ts';

const STEPS = ['Identité', 'Coordonnées', 'Famille', 'Confirmation'] as const;
const SECTIONS = ['identity', 'contact', 'family', 'confirmation'] as const;

interface Person {
  lastName: string;
  firstName: string;
  birthDate: string;
}

const blankPerson = (): Person => ({ lastName: '', firstName: '', birthDate: '' });
const optional = (value: string): string | undefined =>
  value.trim() === '' ? undefined : value.trim();

/** S'inscrire: four steps, each checked before the next, sent together at the end. */
export function SignUpPage() {
  const { session } = useSession();
  const [step, setStep] = useState(0);
  const [identity, setIdentity] = useState({ ...blankPerson(), matricule: '' });
  const [contact, setContact] = useState({ email: '', phone: '', address: '' });
  const [couple, setCouple] = useState(false);
  const [spouse, setSpouse] = useState(blankPerson());
  const [children, setChildren] = useState<{ firstName: string; birthDate: string }[]>([]);
  const [accurate, setAccurate] = useState(false);
  const [sent, setSent] = useState(false);
  const { busy, alert, fields, run, setAlert, setFields } = useSubmit();

  const request = () => ({
    identity: {
      lastName: identity.lastName,
      firstName: identity.firstName,
      birthDate: identity.birthDate,
      matricule: optional(identity.matricule),
    },
    contact: {
      email: contact.email.trim(),
      phone: optional(contact.phone),
      address: optional(contact.address),
    },
    family: { couple, spouse: couple ? spouse : undefined, children },
    confirmation: { accurate },
  });

  /** The errors of one step, checked with the same schema the server uses. */
  const errorsOf = (index: number): FieldErrors => {
    const section = SECTIONS[index] ?? 'identity';
    const result = signUpRequest.shape[section].safeParse(request()[section]);
    const birthDates = birthDateIssues(
      signUpBirthDates(request()),
      session?.today ?? '9999-12-31',
    ).filter((issue) => issue.path.startsWith(`${section}.`));
    const schemaIssues = result.success
      ? []
      : issuesOf(result.error).map((issue) => ({ ...issue, path: `${section}.${issue.path}` }));
    return Object.fromEntries(
      [...birthDates, ...schemaIssues].map((issue): [string, string] => [
        issue.path,
        issue.message,
      ]),
    );
  };

  const next = (event: SyntheticEvent) => {
    event.preventDefault();
    const errors = errorsOf(step);
    setFields(errors);
    if (Object.keys(errors).length > 0) {
      setAlert('Certains champs sont à corriger.');
      return;
    }
    setAlert(null);
    if (step < STEPS.length - 1) {
      setStep(step + 1);
      return;
    }
    void run(async () => {
      try {
        await api('POST', '/api/sign-up-requests', request());
        setSent(true);
      } catch (error) {
        const first = Object.keys((error as { fields?: FieldErrors }).fields ?? {})[0] ?? '';
        const index = SECTIONS.findIndex((section) => first.startsWith(section));
        if (index >= 0) setStep(index);
        throw error;
      }
    });
  };

  if (sent) {
    return (
      <>
        <PageTitle>Demande envoyée</PageTitle>
        <Notice>
          Votre demande d’inscription est enregistrée. Un gestionnaire va l’étudier : vous recevrez
          votre identifiant CAES par courriel, avec un lien pour choisir votre mot de passe.
        </Notice>
        <p>
          <Link to="/">Retour à l’accueil</Link>
        </p>
      </>
    );
  }

  const f = (path: string) => fields[path];
  return (
    <>
      <PageTitle>{`S’inscrire — étape ${step + 1} sur 4 : ${STEPS[step] ?? ''}`}</PageTitle>
      <Steps label="Étapes de l’inscription" steps={STEPS} current={step} />
      <FormAlert message={alert} />
      <form onSubmit={next} noValidate>
        {step === 0 ? (
          <>
            <Field
              label="Nom"
              name="lastName"
              autoComplete="family-name"
              required
              value={identity.lastName}
              onChange={(e) => setIdentity({ ...identity, lastName: e.target.value })}
              error={f('identity.lastName')}
            />
            <Field
              label="Prénom"
              name="firstName"
              autoComplete="given-name"
              required
              value={identity.firstName}
              onChange={(e) => setIdentity({ ...identity, firstName: e.target.value })}
              error={f('identity.firstName')}
            />
            <Field
              label="Date de naissance"
              name="birthDate"
              type="date"
              max={session?.today}
              autoComplete="bday"
              required
              value={identity.birthDate}
              onChange={(e) => setIdentity({ ...identity, birthDate: e.target.value })}
              error={f('identity.birthDate')}
            />
            {session?.organization.id !== 'cnrs' ? (
              <Field
                label="Matricule Inserm (facultatif)"
                hint="8 chiffres, si vous êtes agent Inserm."
                name="matricule"
                inputMode="numeric"
                value={identity.matricule}
                onChange={(e) => setIdentity({ ...identity, matricule: e.target.value })}
                error={f('identity.matricule')}
              />
            ) : null}
          </>
        ) : null}
        {step === 1 ? (
          <>
            <Field
              label="Adresse électronique"
              name="email"
              type="email"
              autoComplete="email"
              required
              value={contact.email}
              onChange={(e) => setContact({ ...contact, email: e.target.value })}
              error={f('contact.email')}
            />
            <Field
              label="Téléphone (facultatif)"
              name="phone"
              type="tel"
              autoComplete="tel"
              value={contact.phone}
              onChange={(e) => setContact({ ...contact, phone: e.target.value })}
              error={f('contact.phone')}
            />
            <Field
              label="Adresse postale (facultatif)"
              name="address"
              autoComplete="street-address"
              value={contact.address}
              onChange={(e) => setContact({ ...contact, address: e.target.value })}
              error={f('contact.address')}
            />
          </>
        ) : null}
        {step === 2 ? (
          <>
            <Checkbox
              label="Je vis en couple (marié, pacsé ou en concubinage)"
              name="couple"
              checked={couple}
              onChange={(e) => setCouple(e.target.checked)}
            />
            {couple ? (
              <fieldset>
                <legend>Conjoint</legend>
                <Field
                  label="Nom du conjoint"
                  name="spouseLastName"
                  required
                  value={spouse.lastName}
                  onChange={(e) => setSpouse({ ...spouse, lastName: e.target.value })}
                  error={f('family.spouse.lastName')}
                />
                <Field
                  label="Prénom du conjoint"
                  name="spouseFirstName"
                  required
                  value={spouse.firstName}
                  onChange={(e) => setSpouse({ ...spouse, firstName: e.target.value })}
                  error={f('family.spouse.firstName')}
                />
                <Field
                  label="Date de naissance du conjoint"
                  name="spouseBirthDate"
                  type="date"
                  max={session?.today}
                  required
                  value={spouse.birthDate}
                  onChange={(e) => setSpouse({ ...spouse, birthDate: e.target.value })}
                  error={f('family.spouse.birthDate') ?? f('family.spouse')}
                />
              </fieldset>
            ) : null}
            <RepeatedFieldsets
              items={children}
              legend={(index) => `Enfant ${index + 1}`}
              addLabel="Ajouter un enfant"
              removeLabel={(index) => `Retirer l’enfant ${index + 1}`}
              onAdd={() => setChildren([...children, { firstName: '', birthDate: '' }])}
              onRemove={(index) => setChildren(children.filter((_, i) => i !== index))}
            >
              {(child, index) => {
                const change = (update: Partial<typeof child>) =>
                  setChildren(children.map((c, i) => (i === index ? { ...c, ...update } : c)));
                return (
                  <>
                    <Field
                      label={`Prénom de l’enfant ${index + 1}`}
                      required
                      value={child.firstName}
                      onChange={(e) => change({ firstName: e.target.value })}
                      error={f(`family.children.${index}.firstName`)}
                    />
                    <Field
                      label={`Date de naissance de l’enfant ${index + 1}`}
                      type="date"
                      max={session?.today}
                      required
                      value={child.birthDate}
                      onChange={(e) => change({ birthDate: e.target.value })}
                      error={f(`family.children.${index}.birthDate`)}
                    />
                  </>
                );
              }}
            </RepeatedFieldsets>
          </>
        ) : null}
        {step === 3 ? (
          <>
            <div className="card">
              <p>
                <strong>
                  {identity.firstName} {identity.lastName}
                </strong>
                , date de naissance : {formatDate(identity.birthDate)}
                {identity.matricule ? `, matricule ${identity.matricule}` : ''}
              </p>
              <p>Courriel : {contact.email}</p>
              <p>
                {couple ? `En couple avec ${spouse.firstName} ${spouse.lastName}` : 'Sans conjoint'}{' '}
                ;{' '}
                {children.length === 0
                  ? 'sans enfant déclaré'
                  : `${count(children.length, 'enfant')} : ${children
                      .map((c) => `${c.firstName} (${formatDate(c.birthDate)})`)
                      .join(', ')}`}
              </p>
            </div>
            <Checkbox
              label="Je certifie l’exactitude de ces informations."
              name="accurate"
              checked={accurate}
              onChange={(e) => setAccurate(e.target.checked)}
              error={f('confirmation.accurate')}
            />
          </>
        ) : null}
        <div className="actions">
          {step > 0 ? (
            <button type="button" className="secondary" onClick={() => setStep(step - 1)}>
              Précédent
            </button>
          ) : null}
          <button type="submit" disabled={busy}>
            {step < STEPS.length - 1 ? 'Suivant' : 'Envoyer ma demande'}
          </button>
        </div>
      </form>
    </>
  );
}
