import { birthDateIssues, issuesOf, signUpBirthDates, signUpRequest } from '@entraide/contract';
import { useState, type SyntheticEvent } from 'react';
import { Link } from 'wouter';
import { api, type FieldErrors } from '../../shared/api.ts';
import { Checkbox, Field, FormAlert, Notice, RepeatedFieldsets } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { formatDate } from '../../shared/format.ts';
import { Steps } from '../../shared/steps.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { common } from '../../messages/common.ts';
import { signUpPage as msg } from '../../messages/accounts.ts';

const STEPS = [msg.identite, msg.coordonnees, msg.famille, msg.confirmation] as const;
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
      setAlert(common.fieldsToFix);
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
        <PageTitle>{msg.demandeEnvoyee}</PageTitle>
        <Notice>{msg.votreDemandeInscriptionEnregistree}</Notice>
        <p>
          <Link to="/">{msg.retourAccueil}</Link>
        </p>
      </>
    );
  }

  const f = (path: string) => fields[path];
  return (
    <>
      <PageTitle>{msg.inscrireEtapeSur4(step + 1, STEPS[step] ?? '')}</PageTitle>
      <Steps label={msg.etapesInscription} steps={STEPS} current={step} />
      <FormAlert message={alert} />
      <form onSubmit={next} noValidate>
        {step === 0 ? (
          <>
            <Field
              label={msg.nom}
              name="lastName"
              autoComplete="family-name"
              required
              value={identity.lastName}
              onChange={(e) => setIdentity({ ...identity, lastName: e.target.value })}
              error={f('identity.lastName')}
            />
            <Field
              label={msg.prenom}
              name="firstName"
              autoComplete="given-name"
              required
              value={identity.firstName}
              onChange={(e) => setIdentity({ ...identity, firstName: e.target.value })}
              error={f('identity.firstName')}
            />
            <Field
              label={msg.dateNaissance}
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
                label={msg.matriculeInsermFacultatif}
                hint={msg.n8ChiffresSiVous}
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
              label={msg.adresseElectronique}
              name="email"
              type="email"
              autoComplete="email"
              required
              value={contact.email}
              onChange={(e) => setContact({ ...contact, email: e.target.value })}
              error={f('contact.email')}
            />
            <Field
              label={msg.telephoneFacultatif}
              name="phone"
              type="tel"
              autoComplete="tel"
              value={contact.phone}
              onChange={(e) => setContact({ ...contact, phone: e.target.value })}
              error={f('contact.phone')}
            />
            <Field
              label={msg.adressePostaleFacultatif}
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
              label={msg.jeVisCoupleMarie}
              name="couple"
              checked={couple}
              onChange={(e) => setCouple(e.target.checked)}
            />
            {couple ? (
              <fieldset>
                <legend>{msg.conjoint}</legend>
                <Field
                  label={msg.nomConjoint}
                  name="spouseLastName"
                  required
                  value={spouse.lastName}
                  onChange={(e) => setSpouse({ ...spouse, lastName: e.target.value })}
                  error={f('family.spouse.lastName')}
                />
                <Field
                  label={msg.prenomConjoint}
                  name="spouseFirstName"
                  required
                  value={spouse.firstName}
                  onChange={(e) => setSpouse({ ...spouse, firstName: e.target.value })}
                  error={f('family.spouse.firstName')}
                />
                <Field
                  label={msg.dateNaissanceConjoint}
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
              legend={(index) => msg.enfant2(index + 1)}
              addLabel={common.addChild}
              removeLabel={(index) => common.removeChild(index + 1)}
              onAdd={() => setChildren([...children, { firstName: '', birthDate: '' }])}
              onRemove={(index) => setChildren(children.filter((_, i) => i !== index))}
            >
              {(child, index) => {
                const change = (update: Partial<typeof child>) =>
                  setChildren(children.map((c, i) => (i === index ? { ...c, ...update } : c)));
                return (
                  <>
                    <Field
                      label={msg.prenomEnfant(index + 1)}
                      required
                      value={child.firstName}
                      onChange={(e) => change({ firstName: e.target.value })}
                      error={f(`family.children.${index}.firstName`)}
                    />
                    <Field
                      label={common.childBirthDate(index + 1)}
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
                {msg.dateNaissance2(
                  formatDate(identity.birthDate),
                  identity.matricule ? msg.matricule(identity.matricule) : '',
                )}
              </p>
              <p>{msg.courriel(contact.email)}</p>
              <p>
                {couple ? msg.coupleAvec(spouse.firstName, spouse.lastName) : msg.sansConjoint} ;{' '}
                {children.length === 0
                  ? msg.sansEnfantDeclare
                  : `${msg.enfant(children.length)} : ${children
                      .map((c) => `${c.firstName} (${formatDate(c.birthDate)})`)
                      .join(', ')}`}
              </p>
            </div>
            <Checkbox
              label={msg.jeCertifieExactitudeCes}
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
              {msg.precedent}
            </button>
          ) : null}
          <button type="submit" disabled={busy}>
            {step < STEPS.length - 1 ? msg.suivant : msg.envoyerMaDemande}
          </button>
        </div>
      </form>
    </>
  );
}
