import { agentRecordInput, type StaffSector } from '@entraide/contract';
import type { PackRegistry } from '@entraide/rules';
import type { Database } from '../db/database.ts';
import type { CurrentUser } from '../modules/accounts/session-cookies.ts';
import {
  recordYears,
  saveRecordDraft,
  submitRecord,
  validateRecord,
} from '../modules/household/agent-records.ts';
import {
  addDocument,
  type DocumentKind,
  type DocumentStore,
} from '../modules/household/documents.ts';
import type { Mailer } from '../modules/notifications/mailer.ts';
import { loadDemoActivities } from './demo-activities.ts';
import { loadDemoHolidays } from './demo-holidays.ts';
import { loadDemoClaims } from './demo-claims.ts';
import { demoPdf } from './demo-pdf.ts';
import { hashPassword } from '../modules/accounts/secrets.ts';
import type { Organization } from '../modules/organization/organization.ts';
import { SessionTurns } from '../modules/registrations/session-turns.ts';

/**
 * The demo staff's authenticator app (staff must have a second factor): its current code is
 * shown at /dev/totp in development, so a newcomer needs no phone to try the back office.
 */
export const DEMO_TOTP_SECRET = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';
/** The demo password of every demo account (shown at start-up; never use demo data in production). */
export const DEMO_PASSWORD = 'Entraide-demo-2026';

export interface DemoAccount {
  readonly identifier: string;
  readonly label: string;
}

const STAFF: readonly [StaffSector, string][] = [
  ['fiche-agent', 'Fiche Agent (inscriptions)'],
  ['jeunesse', 'Jeunesse'],
  ['vacances', 'Vacances'],
  ['voyages', 'Voyages'],
  ['sports', 'Sports'],
  ['loisirs-culture', 'Loisirs-Culture'],
  ['solidarite', 'Solidarité'],
  ['comptabilite', 'Comptabilité'],
];

/** What the demo needs to go through the real use cases. */
export interface DemoServices {
  readonly packs: PackRegistry;
  readonly store: DocumentStore;
  readonly mailer: Mailer;
  readonly publicUrl: string;
  readonly today: () => string;
}

const demoUser = async (db: Database, identifier: string): Promise<CurrentUser> => {
  const [row] = await db.query<{
    id: string;
    first_name: string;
    last_name: string;
    email: string;
    role: CurrentUser['role'];
    sectors: CurrentUser['sectors'];
  }>('SELECT id, first_name, last_name, email, role, sectors FROM users WHERE identifier = $1', [
    identifier,
  ]);
  if (!row) throw new Error(`demo user ${identifier} missing`);
  return {
    id: row.id,
    identifier,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    role: row.role,
    sectors: row.sectors,
  };
};

/**
 * Demo Fiches Agent, made through the real use cases: the first member's is validated (so the
 * dashboard shows rates and a ceiling), the second member's waits in the staff's queue.
 */
async function loadDemoRecords(
  db: Database,
  organization: Organization,
  services: DemoServices,
): Promise<void> {
  const year = recordYears(services.packs, organization.id)[0];
  if (year === undefined) return;
  const ctx = {
    db,
    mailer: services.mailer,
    organization,
    publicUrl: services.publicUrl,
    packs: services.packs,
    committeeAccount: null,
    today: services.today,
    autoValidateVerifiedNotices: false,
    sessionTurns: new SessionTurns(),
  };
  const prefix = organization.identifierPrefix;
  const documents = async (member: CurrentUser, family: boolean): Promise<string[]> => {
    const files: (readonly [DocumentKind, string, string])[] = [
      ['taxNotice', `avis-imposition-${year - 1}.pdf`, `Avis d’imposition ${year - 1}`],
      ['payslip', 'bulletin-de-salaire.pdf', 'Bulletin de salaire'],
      ...(family ? [['familyBook', 'livret-de-famille.pdf', 'Livret de famille'] as const] : []),
    ];
    const ids: string[] = [];
    for (const [kind, fileName, title] of files) {
      const content = await demoPdf(`${title} — ${member.firstName} ${member.lastName}`);
      ids.push((await addDocument(db, services.store, member, kind, fileName, content)).id);
    }
    return ids;
  };
  const sophie = await demoUser(db, `${prefix}-000001`);
  await saveRecordDraft(
    ctx,
    sophie,
    year,
    agentRecordInput.parse({
      couple: true,
      memberDisabled: false,
      taxIncomeEuros: 52_000,
      spouseTaxIncomeEuros: organization.id === 'cnrs' ? 18_000 : null,
      dependants: [
        {
          relation: 'spouse',
          lastName: 'Bernard',
          firstName: 'Karim',
          birthDate: '1980-11-02',
        },
        {
          relation: 'child',
          lastName: 'Bernard',
          firstName: 'Inès',
          birthDate: '2012-03-04',
        },
        {
          relation: 'child',
          lastName: 'Bernard',
          firstName: 'Noé',
          birthDate: '2016-09-21',
        },
        // The CNRS's villages welcome the direct line: Sophie's mother comes on the family week.
        ...(organization.id === 'cnrs'
          ? [
              {
                relation: 'directRelative',
                lastName: 'Morel',
                firstName: 'Monique',
                birthDate: '1953-02-11',
              },
            ]
          : []),
      ],
      documentIds: await documents(sophie, true),
    }),
  );
  const submitted = await submitRecord(ctx, sophie, year);
  await validateRecord(ctx, await demoUser(db, 'GEST-FICHE-AGENT'), submitted.id);

  const julien = await demoUser(db, `${prefix}-000002`);
  await saveRecordDraft(
    ctx,
    julien,
    year,
    agentRecordInput.parse({
      couple: false,
      memberDisabled: false,
      taxIncomeEuros: 28_400,
      spouseTaxIncomeEuros: null,
      dependants: [],
      documentIds: await documents(julien, false),
    }),
  );
  await submitRecord(ctx, julien, year);
  await loadDemoActivities(db, ctx, await demoUser(db, 'GEST-JEUNESSE'), sophie);
  if (organization.id === 'cnrs')
    await loadDemoHolidays(db, ctx, await demoUser(db, 'GEST-VACANCES'), sophie);
  await loadDemoClaims(ctx, services.store, sophie, await demoUser(db, 'GEST-SPORTS'));
}

/** Fills an empty database with demo accounts (a member with a family, one staff user per sector, an admin). */
export async function loadDemoData(
  db: Database,
  organization: Organization,
  services: DemoServices,
): Promise<DemoAccount[] | null> {
  const [existing] = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM users');
  if ((existing?.count ?? 0) > 0) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const prefix = organization.identifierPrefix;
  const accounts: DemoAccount[] = [];
  await db.transaction(async (tx) => {
    const insert = async (
      identifier: string,
      role: string,
      sectors: string[],
      lastName: string,
      firstName: string,
      birthDate: string,
      matricule: string | null,
    ): Promise<string> => {
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO users (identifier, email, last_name, first_name, birth_date, matricule, role, sectors, password_hash, totp_secret)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          identifier,
          `${identifier.toLowerCase()}@demo.entraide.local`,
          lastName,
          firstName,
          birthDate,
          matricule,
          role,
          sectors,
          passwordHash,
          role === 'member' ? null : DEMO_TOTP_SECRET,
        ],
      );
      if (!row) throw new Error('demo insert failed');
      return row.id;
    };
    const member = await insert(
      `${prefix}-000001`,
      'member',
      [],
      'Bernard',
      'Sophie',
      '1982-05-17',
      organization.id === 'inserm' ? '20123456' : null,
    );
    for (const [relation, firstName, birthDate] of [
      ['spouse', 'Karim', '1980-11-02'],
      ['child', 'Inès', '2012-03-04'],
      ['child', 'Noé', '2016-09-21'],
    ] as const) {
      await tx.query(
        'INSERT INTO dependants (member_id, relation, last_name, first_name, birth_date) VALUES ($1, $2, $3, $4, $5)',
        [member, relation, 'Bernard', firstName, birthDate],
      );
    }
    accounts.push({ identifier: `${prefix}-000001`, label: 'adhérente, en couple, 2 enfants' });
    await insert(`${prefix}-000002`, 'member', [], 'Petit', 'Julien', '1990-01-30', null);
    accounts.push({ identifier: `${prefix}-000002`, label: 'adhérent, seul' });
    for (const [sector, label] of STAFF) {
      const identifier = `GEST-${sector.toUpperCase()}`;
      await insert(identifier, 'staff', [sector], 'Gestionnaire', label, '1975-06-01', null);
      accounts.push({ identifier, label: `gestionnaire ${label}` });
    }
    await insert('ADMIN', 'admin', [], 'Administratrice', 'Anne', '1970-02-02', null);
    accounts.push({ identifier: 'ADMIN', label: 'administratrice' });
    await tx.query(
      `INSERT INTO sign_up_requests (last_name, first_name, birth_date, email, couple, children) VALUES ('Lefèvre', 'Marc', '1988-08-08', 'marc.lefevre@demo.entraide.local', false, '[{"firstName":"Lina","birthDate":"2019-04-01"}]')`,
    );
  });
  await loadDemoRecords(db, organization, services);
  return accounts;
}
