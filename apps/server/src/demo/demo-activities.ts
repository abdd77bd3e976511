import type { ActivityInput, RegistrationInput, SessionInput } from '@entraide/contract';
import type { Database } from '../db/database.ts';
import type { AppContext } from '../modules/accounts/context.ts';
import type { CurrentUser } from '../modules/accounts/session-cookies.ts';
import { saveActivity, saveSession } from '../modules/activities/catalogue.ts';
import { createRegistration, knownMember } from '../modules/registrations/registration-requests.ts';

export const activity = (
  input: Partial<ActivityInput> & Pick<ActivityInput, 'title' | 'sector' | 'description'>,
): ActivityInput => ({
  kind: 'caes',
  capCategory: null,
  provider: { name: 'Prestataire de démonstration', email: 'prestataire@demo.entraide.local' },
  ski: false,
  schoolTrip: false,
  abroad: false,
  pictures: [],
  published: true,
  ...input,
});

export const session = (
  input: Omit<
    SessionInput,
    'waitingPlaces' | 'transport' | 'answerBy' | 'lodgings' | 'externalPriceCents'
  > &
    Partial<SessionInput>,
): SessionInput => ({
  waitingPlaces: 10,
  transport: [],
  lodgings: [],
  externalPriceCents: null,
  answerBy: null,
  ...input,
});

/**
 * The demo catalogue, in the demo season: a youth colony open for requests (one already sent by
 * the demo family), a sailing course whose registrations closed (first come, first served now)
 * and a holiday stay, made through the real use cases.
 */
export async function loadDemoActivities(
  db: Database,
  ctx: AppContext,
  staff: CurrentUser,
  family: CurrentUser,
): Promise<void> {
  const year = Number(ctx.today().slice(0, 4));
  const inserm = ctx.organization.id === 'inserm';
  const colony = await saveActivity(
    db,
    staff,
    null,
    activity({
      title: 'Colonie à la mer',
      sector: 'jeunesse',
      capCategory: inserm ? 'holidayCentreFrance' : null,
      description:
        'Voile, baignade et veillées sur la presqu’île de Quiberon. Hébergement en centre agréé.',
      provider: { name: 'Les Mouettes', email: 'inscriptions@mouettes.demo.entraide.local' },
    }),
  );
  const july = await saveSession(
    db,
    staff,
    colony.id,
    null,
    session({
      label: 'Juillet',
      firstDay: `${year}-07-10`,
      lastDay: `${year}-07-23`,
      minAge: 6,
      maxAge: 12,
      places: 24,
      priceCents: 70_000,
      transport: [
        { city: 'Paris', priceCents: 8_000 },
        { city: 'Lyon', priceCents: 11_000 },
      ],
      closesOn: `${year}-05-15`,
    }),
  );
  await saveSession(
    db,
    staff,
    colony.id,
    null,
    session({
      label: 'Août',
      firstDay: `${year}-08-02`,
      lastDay: `${year}-08-15`,
      minAge: 6,
      maxAge: 12,
      places: 24,
      priceCents: 70_000,
      transport: [{ city: 'Paris', priceCents: 8_000 }],
      closesOn: `${year}-05-15`,
    }),
  );
  const sailing = await saveActivity(
    db,
    staff,
    null,
    activity({
      title: 'Stage de voile',
      sector: 'jeunesse',
      capCategory: inserm ? 'holidayCentreFrance' : null,
      description:
        'Une semaine sur l’eau pour les 10–17 ans. Inscriptions closes : places restantes au fil de l’eau.',
    }),
  );
  await saveSession(
    db,
    staff,
    sailing.id,
    null,
    session({
      label: 'Début juillet',
      firstDay: `${year}-07-05`,
      lastDay: `${year}-07-11`,
      minAge: 10,
      maxAge: 17,
      places: 8,
      priceCents: 45_000,
      closesOn: `${year}-04-01`,
    }),
  );
  await sendDemoRequest(ctx, family, {
    dependantIndex: 1,
    companions: [],
    choices: [{ sessionId: july.id, transportCity: 'Paris', lodgingType: null }],
  });
}

/** A demo family's request (by cheque, nothing more asked); a follow-up that fails stops the demo. */
export async function sendDemoRequest(
  ctx: AppContext,
  family: CurrentUser,
  request: Pick<RegistrationInput, 'dependantIndex' | 'companions' | 'choices'>,
): Promise<void> {
  await createRegistration(
    ctx,
    knownMember(family),
    {
      ...request,
      guests: [],
      skiAid: false,
      insurance: false,
      friend: null,
      depositMethod: 'cheque',
    },
    (error) => {
      throw error;
    },
  );
}
