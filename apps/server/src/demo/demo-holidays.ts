import type { Database } from '../db/database.ts';
import type { AppContext } from '../modules/accounts/context.ts';
import type { CurrentUser } from '../modules/accounts/session-cookies.ts';
import { saveActivity, saveSession } from '../modules/activities/catalogue.ts';
import { activity, sendDemoRequest, session } from './demo-activities.ts';

/**
 * The CNRS's family holidays, in the demo season: a CAES village with lodgings of several sizes
 * (a spring week whose lodgings go first come, first served, and summer weeks open for requests),
 * a partner village and a national trip; the demo family has its spring week in a chalet booked
 * and invoiced — the member, the spouse, two children and a grandmother.
 */
export async function loadDemoHolidays(
  db: Database,
  ctx: AppContext,
  staff: CurrentUser,
  family: CurrentUser,
): Promise<void> {
  const year = Number(ctx.today().slice(0, 4));
  const addSession = (activityId: string, input: Parameters<typeof session>[0]) =>
    saveSession(db, staff, activityId, null, session(input));
  const village = await saveActivity(
    db,
    staff,
    null,
    activity({
      title: 'Village CAES de Fréjus',
      sector: 'vacances',
      kind: 'caesVillage',
      description:
        'Au pied de l’Estérel, à 800 m de la plage : studios, appartements et chalets, piscine, club enfants. Location à la semaine, du samedi au samedi.',
      provider: { name: 'CAES du CNRS — village de Fréjus', email: 'frejus@demo.entraide.local' },
    }),
  );
  const lodgings = [
    { type: 'Studio 2 personnes', capacity: 2, priceCents: 5_500, per: 'night' as const, count: 4 },
    {
      type: 'Appartement 4 personnes',
      capacity: 4,
      priceCents: 48_000,
      per: 'week' as const,
      count: 6,
    },
    { type: 'Chalet 6 personnes', capacity: 6, priceCents: 69_000, per: 'week' as const, count: 3 },
  ].map((lodging) => ({ ...lodging, externalPriceCents: Math.round(lodging.priceCents * 1.3) }));
  const spring = await addSession(village.id, {
    label: 'Semaine de printemps',
    firstDay: `${year}-04-18`,
    lastDay: `${year}-04-25`,
    minAge: 0,
    maxAge: 120,
    places: 0,
    priceCents: 0,
    lodgings,
    closesOn: `${year}-03-01`,
  });
  for (const [label, first, last] of [
    ['Semaine du 4 juillet', `${year}-07-04`, `${year}-07-11`],
    ['Semaine du 11 juillet', `${year}-07-11`, `${year}-07-18`],
  ] as const)
    await addSession(village.id, {
      label,
      firstDay: first,
      lastDay: last,
      minAge: 0,
      maxAge: 120,
      places: 0,
      priceCents: 0,
      lodgings,
      closesOn: `${year}-04-30`,
    });
  const partner = await saveActivity(
    db,
    staff,
    null,
    activity({
      title: 'Village partenaire des Issambres',
      sector: 'vacances',
      kind: 'partnerVillage',
      description:
        'Pension complète face à la mer, clubs enfants et ados. Réservation par le CAES uniquement : réservée en direct, elle perd le tarif dégressif.',
      provider: { name: 'Villages partenaires', email: 'issambres@demo.entraide.local' },
    }),
  );
  await addSession(partner.id, {
    label: 'Semaine du 1er août',
    firstDay: `${year}-08-01`,
    lastDay: `${year}-08-08`,
    minAge: 0,
    maxAge: 120,
    places: 20,
    priceCents: 52_000,
    closesOn: `${year}-05-15`,
  });
  const trip = await saveActivity(
    db,
    staff,
    null,
    activity({
      title: 'Voyage : les volcans d’Auvergne',
      sector: 'voyages',
      description:
        'Six jours de randonnée accompagnée du puy de Dôme au Sancy, en demi-pension, transport en car depuis Paris.',
      provider: { name: 'Auvergne Découverte', email: 'voyages@demo.entraide.local' },
    }),
  );
  await addSession(trip.id, {
    label: 'Septembre',
    firstDay: `${year}-09-07`,
    lastDay: `${year}-09-12`,
    minAge: 12,
    maxAge: 120,
    places: 30,
    priceCents: 68_000,
    transport: [{ city: 'Paris', priceCents: 9_000 }],
    closesOn: `${year}-06-15`,
  });
  // The spring week's selection ran (nobody asked in time): its lodgings go first come, first
  // served, so the family's week is confirmed and invoiced at once, with its arrhes.
  await db.query('UPDATE activity_sessions SET allocated_at = now() WHERE id = $1', [spring.id]);
  await sendDemoRequest(ctx, family, {
    dependantIndex: null,
    companions: [0, 1, 2, 3],
    choices: [{ sessionId: spring.id, transportCity: null, lodgingType: 'Chalet 6 personnes' }],
  });
}
