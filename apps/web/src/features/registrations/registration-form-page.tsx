import {
  sameRound,
  type ActivityAnswer,
  type ParticipantCostAnswer,
  type RegistrationInput,
  type RegistrationPreview,
  type RegistrationView,
} from '@entraide/contract';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'wouter';
import { api } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { indexOfKey, personKey } from '../../shared/person-keys.ts';
import { ExplanationSteps } from '../../shared/explanation.tsx';
import {
  Checkbox,
  Field,
  FormAlert,
  RepeatedFieldsets,
  SelectField,
  ScrollingTable,
} from '../../shared/form.tsx';
import { formatCents, formatDate, formatParts, formatRate } from '../../shared/format.ts';
import { DEPOSIT_METHOD_LABELS, depositWords } from '../../messages/labels.ts';
import { useSession } from '../../shared/session.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { SESSION_STATE_LABELS, useSessionState } from '../catalogue/session-state.tsx';
import { RequireUser } from '../member/require-user.tsx';
import { common } from '../../messages/common.ts';
import { registrationFormPage as msg } from '../../messages/registrations.ts';

type Choice = RegistrationInput['choices'][number];
const OWN_MEANS = '';

/** The sessions a request can choose from: those of the activity's sector still open. */
function useChoices(activityId: string) {
  const [activity, setActivity] = useState<ActivityAnswer | null>(null);
  const [people, setPeople] = useState<ParticipantCostAnswer[]>([]);
  const [sessions, setSessions] = useState<
    (ActivityAnswer['sessions'][number] & { title: string })[]
  >([]);
  const loading = useLoad(async () => {
    const view = await api<{ activity: ActivityAnswer; costs: ParticipantCostAnswer[] | null }>(
      'GET',
      `/api/activities/${activityId}`,
    );
    const sector = await api<{ activities: ActivityAnswer[] }>(
      'GET',
      `/api/activities?sector=${view.activity.sector}`,
    );
    setActivity(view.activity);
    setPeople(view.costs ?? []);
    setSessions(
      sector.activities.flatMap((a) => a.sessions.map((s) => ({ ...s, title: a.title }))),
    );
  }, activityId);
  return { activity, people, sessions, loading };
}

function PreviewCard({
  preview,
  label,
}: {
  readonly preview: RegistrationPreview;
  readonly label: (id: string) => string;
}) {
  const [first] = preview.choices;
  return (
    <section aria-labelledby="preview" className="card">
      <h2 id="preview">{msg.ceCouteraVotreDemande}</h2>
      {preview.late ? <p>{msg.inscriptionsSontClosesPlace}</p> : null}
      <ul>
        {preview.choices.map((c, i) => (
          <li key={c.sessionId}>
            {msg.choixPrixSubventionReste(
              i + 1,
              label(c.sessionId),
              formatCents(c.priceCents + c.transportCents),
              formatCents(c.subsidyCents),
            )}{' '}
            <strong>{formatCents(c.leftToPayCents)}</strong>
            {c.feesCents > 0 ? msg.frais(formatCents(c.feesCents)) : ''}
            {c.skiAidCents ? msg.aideSkiVerseeApres(formatCents(c.skiAidCents)) : ''}.
            {c.reasons.length > 0 ? ` (${c.reasons.map((r) => r.text).join(' ; ')})` : ''}
          </li>
        ))}
      </ul>
      {first?.parts ? (
        <p>
          {msg.pourCetteReservationPart(
            formatParts(first.parts),
            first.parts >= 2 ? 's' : '',
            formatCents(first.quotientCents ?? 0),
            first.rateBp === null ? '' : msg.taux2(formatRate(first.rateBp)),
          )}
        </p>
      ) : null}
      {first?.participants && first.participants.length > 1 ? (
        <ScrollingTable label={msg.choix1PersonnePar}>
          <table>
            <caption>{msg.choix1PersonnePar}</caption>
            <thead>
              <tr>
                <th scope="col">{msg.participant}</th>
                <th scope="col">{msg.prix}</th>
                <th scope="col">{msg.taux}</th>
                <th scope="col">{msg.subvention}</th>
                <th scope="col">{msg.restePayer}</th>
              </tr>
            </thead>
            <tbody>
              {first.participants.map((p) => (
                <tr key={`${p.firstName}-${p.age}`}>
                  <th scope="row">{msg.ans(p.firstName, p.age)}</th>
                  <td>{formatCents(p.priceCents)}</td>
                  <td>{p.rateBp === null ? msg.sansSubvention : formatRate(p.rateBp)}</td>
                  <td>{formatCents(p.subsidyCents)}</td>
                  <td>{formatCents(p.leftToPayCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      ) : null}
      {first ? (
        <p>
          {msg.verserAvecDemandeChoix(first.depositLabel ?? msg.arrhes)}{' '}
          <strong>{formatCents(first.depositCents)}</strong>
        </p>
      ) : null}
      {preview.friendCents > 0 ? <p>{msg.amiOuAmieQui(formatCents(preview.friendCents))}</p> : null}
      {first?.explanation ? (
        <details>
          <summary>{msg.detailCalculChoix1}</summary>
          <ExplanationSteps steps={first.explanation} />
        </details>
      ) : null}
    </section>
  );
}

type Person = RegistrationInput['guests'][number];

/** Someone who is not in the Fiche Agent: name and birth date. */
function PersonFields({
  who,
  person,
  onChange,
  error,
}: {
  readonly who: string;
  readonly person: Person;
  readonly onChange: (person: Person) => void;
  readonly error: (field: keyof Person) => string | undefined;
}) {
  return (
    <>
      <Field
        label={msg.nom(who)}
        value={person.lastName}
        onChange={(e) => onChange({ ...person, lastName: e.target.value })}
        error={error('lastName')}
      />
      <Field
        label={msg.prenom(who)}
        value={person.firstName}
        onChange={(e) => onChange({ ...person, firstName: e.target.value })}
        error={error('firstName')}
      />
      <Field
        label={msg.dateNaissance(who)}
        type="date"
        value={person.birthDate}
        onChange={(e) => onChange({ ...person, birthDate: e.target.value })}
        error={error('birthDate')}
      />
    </>
  );
}

function RegistrationForm({
  activityId,
  firstSession,
  existing,
}: {
  readonly activityId: string;
  readonly firstSession: string;
  readonly existing: RegistrationView | null;
}) {
  const [, navigate] = useLocation();
  const deposit = depositWords(useSession().session?.organization.texts.depositLabel);
  const { activity, people, sessions, loading } = useChoices(activityId);
  const stateOf = useSessionState();
  const [person, setPerson] = useState('');
  const [companions, setCompanions] = useState<string[]>([]);
  const [choices, setChoices] = useState<Choice[]>(
    existing?.choices.map((c) => ({
      sessionId: c.sessionId,
      transportCity: c.transportCity,
      lodgingType: c.lodgingType ?? null,
    })) ?? [{ sessionId: firstSession, transportCity: null, lodgingType: null }],
  );
  const [guests, setGuests] = useState<RegistrationInput['guests']>(existing?.guests ?? []);
  const [skiAid, setSkiAid] = useState(existing?.skiAid ?? false);
  const [insurance, setInsurance] = useState(existing?.insurance ?? false);
  const [withFriend, setWithFriend] = useState(existing?.friend !== null && existing !== null);
  const [friend, setFriend] = useState(
    existing?.friend ?? { lastName: '', firstName: '', birthDate: '' },
  );
  const [depositMethod, setDepositMethod] = useState<RegistrationInput['depositMethod']>(
    existing?.depositMethod ?? 'cheque',
  );
  const [preview, setPreview] = useState<RegistrationPreview | null>(null);
  const { busy, alert, fields, run, setAlert } = useSubmit();
  useEffect(() => {
    if (person !== '' || !people[0]) return;
    // A request being changed names its people as the Fiche it was checked against listed them,
    // the form as the Fiche in force does (validated again since, it may list them in another
    // order): each is found by name, never by rank.
    const keyOf = (firstName: string | undefined) => {
      const found = people.find((p) => p.firstName === firstName);
      return found ? [personKey(found.dependantIndex)] : [];
    };
    const [lead] = keyOf(existing?.participant.firstName);
    setPerson(lead ?? personKey(people[0].dependantIndex));
    if (existing)
      setCompanions(
        existing.participants
          .slice(1, 1 + existing.companions.length)
          .flatMap((p) => keyOf(p.firstName)),
      );
  }, [people, person, existing]);
  if (!activity || !stateOf) return <Loading {...loading} />;
  if (people.length === 0)
    return (
      <p>
        {msg.personneVotreFoyerNe} <Link to="/espace/fiche">{common.myAgentRecord}</Link>
      </p>
    );

  const label = (id: string) => {
    const s = sessions.find((candidate) => candidate.id === id);
    return s ? msg.duAu(s.title, s.label, formatDate(s.firstDay), formatDate(s.lastDay)) : id;
  };
  const family =
    activity.sector === 'vacances' ||
    activity.sector === 'voyages' ||
    activity.kind === 'caesVillage' ||
    activity.kind === 'partnerVillage';
  const body = (): RegistrationInput => ({
    dependantIndex: indexOfKey(person),
    recordId: people.find((p) => personKey(p.dependantIndex) === person)?.recordId,
    companions: family ? companions.filter((c) => c !== person).map(indexOfKey) : [],
    guests: activity.kind === 'caesVillage' ? guests : [],
    choices: choices.filter((c) => c.sessionId !== ''),
    skiAid,
    insurance,
    friend: withFriend && !family ? friend : null,
    depositMethod,
  });
  const change = (index: number, update: Partial<Choice>) => {
    setPreview(null);
    setChoices(choices.map((c, i) => (i === index ? { ...c, ...update } : c)));
  };
  const quote = () =>
    void run(async () => {
      setPreview(await api<RegistrationPreview>('POST', '/api/me/registrations/quote', body()));
    });
  const send = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      const saved = await api<RegistrationView>(
        existing ? 'PUT' : 'POST',
        existing ? `/api/me/registrations/${existing.id}` : '/api/me/registrations',
        body(),
      );
      navigate(`/espace/inscriptions?demande=${saved.number}`);
    });
  };
  const firstChoice = sessions.find((s) => s.id === choices[0]?.sessionId);
  /**
   * What choice `index` can offer: sessions not begun, not already another choice, and — after
   * the first — of the same round (all open, or all past their closing), each with its state.
   */
  const sessionOptions = (index: number): Record<string, string> =>
    Object.fromEntries([
      ...(index === 0 ? [] : [['', msg.aucun]]),
      ...sessions
        .filter(
          (s) =>
            s.id === choices[index]?.sessionId ||
            (stateOf(s) !== 'started' &&
              !choices.some((c) => c.sessionId === s.id) &&
              (index === 0 || !firstChoice || sameRound(stateOf(s), stateOf(firstChoice)))),
        )
        .map((s) => [s.id, `${label(s.id)} — ${SESSION_STATE_LABELS[stateOf(s)]}`]),
    ]) as Record<string, string>;
  const ski = sessions.some((s) => choices.some((c) => c.sessionId === s.id)) && activity.ski;
  return (
    <form onSubmit={send} noValidate>
      <FormAlert message={alert ?? fields.choices ?? null} />
      <SelectField
        label={family ? msg.quiFaitReservationParticipant : msg.participant}
        options={Object.fromEntries(people.map((p) => [personKey(p.dependantIndex), p.firstName]))}
        value={person}
        onChange={(e) => {
          setPreview(null);
          setPerson(e.target.value);
        }}
        error={fields.dependantIndex}
      />
      {family ? (
        <fieldset>
          <legend>{msg.quiPartAvecLui}</legend>
          {people
            .filter((p) => personKey(p.dependantIndex) !== person)
            .map((p) => {
              const key = personKey(p.dependantIndex);
              return (
                <Checkbox
                  key={key}
                  label={p.firstName}
                  checked={companions.includes(key)}
                  onChange={(e) => {
                    setPreview(null);
                    setCompanions(
                      e.target.checked ? [...companions, key] : companions.filter((c) => c !== key),
                    );
                  }}
                />
              );
            })}
          {fields.companions ? (
            <p className="error" role="alert">
              {fields.companions}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      {[0, 1, 2].map((index) => {
        const choice = choices[index] ?? { sessionId: '', transportCity: null, lodgingType: null };
        const session = sessions.find((s) => s.id === choice.sessionId);
        return (
          <fieldset key={index}>
            <legend>{msg.choix(index + 1)}</legend>
            <SelectField
              label={msg.sessionChoix(index + 1)}
              options={sessionOptions(index)}
              value={choice.sessionId}
              onChange={(e) => {
                const next = [...choices];
                next[index] = { sessionId: e.target.value, transportCity: null, lodgingType: null };
                setPreview(null);
                setChoices(next.filter((c, i) => i === 0 || c.sessionId !== ''));
              }}
              error={fields[`choices.${index}.sessionId`]}
            />
            {session && session.lodgings.length > 0 ? (
              <SelectField
                label={msg.hebergementChoix(index + 1)}
                options={{
                  '': msg.choisissezHebergement,
                  ...Object.fromEntries(
                    session.lodgings.map((l) => [
                      l.type,
                      msg.personnes(
                        l.type,
                        l.capacity,
                        formatCents(l.priceCents),
                        l.per === 'week' ? msg.semaine : msg.nuit,
                        l.left > 0 ? msg.libre(l.left) : msg.complet,
                      ),
                    ]),
                  ),
                }}
                value={choice.lodgingType ?? ''}
                onChange={(e) => change(index, { lodgingType: e.target.value || null })}
                error={fields[`choices.${index}.lodgingType`]}
              />
            ) : null}
            {session && session.transport.length > 0 ? (
              <SelectField
                label={msg.transportChoix(index + 1)}
                options={{
                  [OWN_MEANS]: msg.parNosPropresMoyens,
                  ...Object.fromEntries(
                    session.transport.map((t) => [
                      t.city,
                      msg.depart(t.city, formatCents(t.priceCents)),
                    ]),
                  ),
                }}
                value={choice.transportCity ?? OWN_MEANS}
                onChange={(e) => change(index, { transportCity: e.target.value || null })}
                error={fields[`choices.${index}.transportCity`]}
              />
            ) : null}
          </fieldset>
        );
      })}
      {ski ? (
        <Checkbox
          label={msg.jeDemandeAideComplementaire}
          checked={skiAid}
          onChange={(e) => setSkiAid(e.target.checked)}
          error={fields.skiAid}
        />
      ) : null}
      <Checkbox
        label={msg.jeSouscrisAssuranceAnnulation}
        checked={insurance}
        onChange={(e) => setInsurance(e.target.checked)}
      />
      {activity.kind === 'caesVillage' ? (
        <RepeatedFieldsets
          items={guests}
          legend={(index) => msg.inviteNonAyantDroit(index + 1)}
          addLabel={msg.ajouterPersonneNonAyant}
          removeLabel={(index) => msg.retirerInvite(index + 1)}
          onAdd={() => {
            setPreview(null);
            setGuests([...guests, { lastName: '', firstName: '', birthDate: '' }]);
          }}
          onRemove={(index) => {
            setPreview(null);
            setGuests(guests.filter((_, i) => i !== index));
          }}
        >
          {(guest, index) => (
            <PersonFields
              who={msg.invite(index + 1)}
              person={guest}
              onChange={(next) => {
                setPreview(null);
                setGuests(guests.map((g, i) => (i === index ? next : g)));
              }}
              error={(field) => fields[`guests.${index}.${field}`]}
            />
          )}
        </RepeatedFieldsets>
      ) : null}
      {family ? null : (
        <Checkbox
          label={msg.amiOuAmieNon}
          checked={withFriend}
          onChange={(e) => {
            setPreview(null);
            setWithFriend(e.target.checked);
          }}
        />
      )}
      {withFriend ? (
        <fieldset>
          <legend>{msg.amiOuAmieQui2}</legend>
          <PersonFields
            who={msg.amiOuAmie}
            person={friend}
            onChange={setFriend}
            error={(field) => fields[`friend.${field}`]}
          />
        </fieldset>
      ) : null}
      <SelectField
        label={msg.paiement(deposit.of)}
        options={DEPOSIT_METHOD_LABELS}
        value={depositMethod}
        onChange={(e) => setDepositMethod(e.target.value as RegistrationInput['depositMethod'])}
        error={fields.depositMethod}
      />
      {preview ? <PreviewCard preview={preview} label={label} /> : null}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => {
            setAlert(null);
            quote();
          }}
        >
          {msg.calculerCout}
        </button>
        <button type="submit" disabled={busy || !preview}>
          {existing ? msg.enregistrerDemandeModifiee : common.sendRequest}
        </button>
      </div>
      {preview ? null : <p className="hint">{msg.calculezCoutAvantEnvoyer(deposit.the)}</p>}
    </form>
  );
}

/** A registration request: participant, up to 3 ranked choices, options, quote, then send. */
export function RegistrationFormPage() {
  const [params] = useSearchParams();
  const requestId = params.get('demande');
  const [existing, setExisting] = useState<RegistrationView | null | undefined>(
    requestId ? undefined : null,
  );
  const loading = useLoad(async () => {
    if (!requestId) return;
    const { registrations } = await api<{ registrations: RegistrationView[] }>(
      'GET',
      '/api/me/registrations',
    );
    setExisting(registrations.find((r) => r.id === requestId) ?? null);
  }, requestId ?? '');
  const activityId = existing?.choices[0]?.activityId ?? params.get('activite') ?? '';
  return (
    <RequireUser>
      <PageTitle>{requestId ? msg.modifierMaDemande : msg.demandeInscription}</PageTitle>
      <p>
        {msg.jusqu3ChoixPrefere} <Link to="/espace/inscriptions">{msg.mesDemandes}</Link>
      </p>
      {activityId === '' && existing !== undefined ? (
        <p role="alert">
          {requestId ? msg.cetteDemandeIntrouvableElle : msg.choisissezAbordSejourDans}{' '}
          <Link to="/activites">{msg.voirSejours}</Link>
        </p>
      ) : existing === undefined ? (
        <Loading {...loading} />
      ) : (
        <RegistrationForm
          activityId={activityId}
          firstSession={params.get('session') ?? existing?.choices[0]?.sessionId ?? ''}
          existing={existing}
        />
      )}
    </RequireUser>
  );
}
