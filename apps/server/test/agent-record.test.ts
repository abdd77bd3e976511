import { DOCUMENT_LIMIT, type ErrorAnswer } from '@entraide/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  mailsTo,
  PASSWORD,
  samplePdf,
  submittedRecord,
  testApp,
  whileRowHeld,
  type Client,
  type TestApp,
} from './harness.ts';

let t: TestApp;
let staff: Client;
beforeAll(async () => {
  t = await testApp();
  await createUser(t.db, { identifier: 'GEST-FA', role: 'staff', sectors: ['fiche-agent'] });
  staff = t.client();
  await staff.login('GEST-FA', PASSWORD);
});
afterAll(() => t.close());

async function member(
  identifier: string,
  email = `${identifier.toLowerCase()}@example.org`,
): Promise<Client> {
  await createUser(t.db, { identifier, email });
  const client = t.client();
  await client.login(identifier, PASSWORD);
  return client;
}

async function upload(client: Client, kind: string, text?: string): Promise<string> {
  const answer = await client.upload(
    `/api/me/documents?kind=${kind}&name=${kind}.pdf`,
    await samplePdf(text ?? kind),
  );
  expect(answer.status).toBe(201);
  return answer.json<{ id: string }>().id;
}

const family = {
  couple: true,
  memberDisabled: false,
  taxIncomeEuros: 52_000,
  spouseTaxIncomeEuros: null,
  dependants: [
    { relation: 'spouse', lastName: 'Roux', firstName: 'Sam', birthDate: '1980-01-01' },
    { relation: 'child', lastName: 'Roux', firstName: 'Lou', birthDate: '2012-03-04' },
  ],
};

/** The documents' bytes kept, by their SHA-256. */
const contents = async () =>
  (
    await t.db.query<{ sha256: string }>('SELECT sha256 FROM document_contents ORDER BY sha256')
  ).map((r) => r.sha256);

describe('documents', () => {
  it('keeps a real PDF by its content hash and serves it to its owner only until a record holds it', async () => {
    const alice = await member('IN-000501');
    const bob = await member('IN-000502');
    const pdf = await samplePdf('Bulletin de salaire');
    const created = await alice.upload('/api/me/documents?kind=payslip&name=bulletin.pdf', pdf);
    expect(created.status).toBe(201);
    const { id } = created.json<{ id: string }>();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const own = await alice.get(`/api/documents/${id}`);
    expect(own.status).toBe(200);
    expect(Buffer.compare(own.body as Buffer, pdf)).toBe(0);
    // In no Fiche Agent, claim or request yet: no staff work needs it (least privilege).
    expect((await staff.get(`/api/documents/${id}`)).status).toBe(404);
    expect((await bob.get(`/api/documents/${id}`)).status).toBe(404);
    expect((await t.client().get(`/api/documents/${id}`)).status).toBe(401);
    const files = await contents();
    await alice.upload('/api/me/documents?kind=payslip&name=copie.pdf', pdf);
    expect(await contents()).toEqual(files);
  });

  it('refuses a renamed non-PDF file with a clear message and keeps nothing', async () => {
    const carol = await member('IN-000503');
    const before = (await contents()).length;
    const renamed = await carol.upload(
      '/api/me/documents?kind=taxNotice&name=avis.pdf',
      Buffer.from('PK\u0003\u0004 this is a zip file renamed .pdf'),
    );
    expect(renamed.status).toBe(400);
    expect(renamed.json()).toMatchObject({
      error: 'invalid_document',
      message: 'Ce fichier n’est pas un PDF. Seuls les documents PDF sont acceptés.',
    });
    const broken = await carol.upload(
      '/api/me/documents?kind=taxNotice&name=avis.pdf',
      Buffer.from('%PDF-1.7\nnot really a pdf at all'),
    );
    expect(broken.status).toBe(400);
    expect(broken.json<{ message: string }>().message).toContain('illisible');
    expect(
      (await carol.get('/api/me/documents')).json<{ documents: unknown[] }>().documents,
    ).toEqual([]);
    expect((await contents()).length).toBe(before);
  });

  it('refuses a file over 10 MB, saying how to send a lighter one, whatever its size', async () => {
    const dave = await member('IN-000504');
    // Just over the limit (the app's check) and far over it (Fastify's, before any read).
    for (const extra of [10 * 1024 * 1024, 30 * 1024 * 1024]) {
      const big = Buffer.concat([await samplePdf(), Buffer.alloc(extra)]);
      for (const url of [
        '/api/me/documents?kind=other&name=gros.pdf',
        '/api/me/tax-notice-readings',
      ]) {
        const refused = await dave.upload(url, big);
        expect(refused.status).toBe(413);
        expect(refused.json<ErrorAnswer>()).toEqual({
          error: 'too_large',
          message: DOCUMENT_LIMIT.message,
        });
      }
    }
  });
});

describe('the yearly agent record', () => {
  it('goes from draft to staff validation, and the rates and ceiling follow', async () => {
    const erin = await member('IN-000510', 'erin@example.org');
    expect((await erin.put('/api/me/agent-records/2021', family)).json()).toMatchObject({
      version: 1,
      status: 'draft',
    });
    const incomplete = await erin.post('/api/me/agent-records/2021/submit');
    expect(incomplete.status).toBe(400);
    expect(incomplete.json<{ message: string }>().message).toBe(
      'Il manque : l’avis d’imposition, un bulletin de salaire ou un titre de pension, le livret de famille.',
    );

    const documentIds = [
      await upload(erin, 'taxNotice'),
      await upload(erin, 'payslip'),
      await upload(erin, 'familyBook'),
    ];
    await erin.put('/api/me/agent-records/2021', { ...family, documentIds });
    expect((await erin.post('/api/me/agent-records/2021/submit')).json()).toMatchObject({
      status: 'submitted',
    });
    expect((await erin.put('/api/me/agent-records/2021', family)).status).toBe(409);
    expect((await erin.get('/api/me/entitlements/2021')).json()).toEqual({ record: null });

    const queue = (await staff.get('/api/staff/agent-records?year=2021')).json<{
      records: { id: string; identifier: string }[];
    }>().records;
    const entry = queue.find((r) => r.identifier === 'IN-000510');
    expect(entry).toBeDefined();
    const file = (await staff.get(`/api/staff/agent-records/${entry?.id ?? ''}`)).json<{
      record: { documentIds: string[] };
      changes: unknown;
      validation: unknown;
    }>();
    expect(file.record.documentIds).toEqual(documentIds);
    // A first Fiche: nothing validated before it to compare with.
    expect(file.changes).toBeNull();
    // The confirmation reads what validating it gives: the figures the validation then stores.
    expect(file.validation).toEqual({
      parts: 3,
      quotientCents: 1_733_333,
      ratesBp: { standard: 2781, majore: 3781, promotionnel: 5281 },
      annualCeilingCents: 119_880,
    });

    const validated = await staff.post(`/api/staff/agent-records/${entry?.id ?? ''}/validate`);
    expect(validated.json()).toMatchObject({
      status: 'validated',
      packId: 'inserm-2021',
      parts: 3,
      quotientCents: 1_733_333,
      ratesBp: { standard: 2781, majore: 3781, promotionnel: 5281 },
      annualCeilingCents: 119_880,
    });
    const entitlements = (await erin.get('/api/me/entitlements/2021')).json<{
      record: Record<string, unknown>;
    }>().record;
    expect(entitlements).toMatchObject({
      packId: 'inserm-2021',
      parts: 3,
      rates: { standard: 27.81 },
      annualCeilingCents: 119_880,
      annualCeilingUsedCents: 0,
    });
    expect(entitlements.explanation).toEqual(
      expect.arrayContaining([expect.objectContaining({ step: 'quotient' })]),
    );
    expect((await mailsTo(t.db, 'erin@example.org')).at(-1)?.subject).toBe(
      'CAES Inserm — Fiche Agent 2021 validée',
    );
    // Once decided, there is nothing left to confirm.
    expect(
      (await staff.get(`/api/staff/agent-records/${entry?.id ?? ''}`)).json<{
        validation: unknown;
      }>().validation,
    ).toBeNull();
    expect(Object.keys(entitlements.rates as object)).toEqual([
      'standard',
      'majore',
      'promotionnel',
    ]);
    const me = (await erin.get('/api/session')).json<{ user: { id: string } }>().user.id;
    const household = (await erin.get(`/api/members/${me}`)).json<{
      dependants: { firstName: string }[];
    }>();
    expect(household.dependants.map((d) => d.firstName)).toEqual(['Sam', 'Lou']);

    // A change during the year is a new version; the validated one stays in force until the new one is validated.
    const changed = await erin.put('/api/me/agent-records/2021', {
      ...family,
      taxIncomeEuros: 30_000,
      documentIds,
    });
    expect(changed.json()).toMatchObject({ version: 2, status: 'draft' });
    expect(
      (await erin.get('/api/me/entitlements/2021')).json<{ record: { version: number } }>().record
        .version,
    ).toBe(1);
    await erin.post('/api/me/agent-records/2021/submit');
    const second = (await staff.get('/api/staff/agent-records?year=2021'))
      .json<{ records: { id: string; identifier: string }[] }>()
      .records.find((r) => r.identifier === 'IN-000510');
    const secondFile = (await staff.get(`/api/staff/agent-records/${second?.id ?? ''}`)).json<{
      versions: { version: number; status: string }[];
      changes: { since: { year: number; version: number }; list: unknown[] } | null;
    }>();
    const { versions } = secondFile;
    // The review shows what changed since the version validated: the income only.
    expect(secondFile.changes?.since).toEqual({ year: 2021, version: 1 });
    expect(secondFile.changes?.list).toEqual([
      {
        label: 'Revenu fiscal de référence',
        before: expect.stringMatching(/€$/) as unknown,
        after: '30\u202f000,00\u00a0€',
      },
    ]);
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'submitted'],
      [1, 'validated'],
    ]);
    await staff.post(`/api/staff/agent-records/${second?.id ?? ''}/validate`);
    expect((await erin.get('/api/me/entitlements/2021')).json()).toMatchObject({
      record: { version: 2, quotientCents: 1_000_000 },
    });
  });

  it('says in the file, before the click, why validating a Fiche would be refused', async () => {
    const memberId = await createUser(t.db, { identifier: 'IN-000518' });
    // A year no barème of the committee covers.
    const orphan = await submittedRecord(t.db, memberId, {
      year: 2031,
      taxIncomeEuros: 30_000,
      dependants: [],
    });
    const file = (await staff.get(`/api/staff/agent-records/${orphan}`)).json<{
      validation: { refusal: string };
    }>();
    const refused = await staff.post(`/api/staff/agent-records/${orphan}/validate`);
    expect(refused.status).toBe(422);
    expect(file.validation).toEqual({ refusal: refused.json<{ message: string }>().message });
    expect(file.validation.refusal).toContain('2031');
  });

  it('refuses to write over a Fiche saved since the page opened it (another tab, another device)', async () => {
    const gina = await member('IN-000519');
    const save = (basedOn: unknown, taxIncomeEuros: number) =>
      gina.put('/api/me/agent-records/2021', { ...family, taxIncomeEuros, basedOn });
    // The phone opens an empty Fiche, and saves it; the computer opened it empty as well.
    const first = await save(null, 40_000);
    expect(first.json()).toMatchObject({ version: 1, revision: 1, taxIncomeEuros: 40_000 });
    const stale = await save(null, 41_000);
    expect(stale.status).toBe(409);
    expect(stale.json()).toEqual({
      error: 'record_changed',
      message:
        'Votre fiche a été enregistrée depuis un autre onglet ou un autre appareil pendant que vous la remplissiez : pour ne pas effacer ce qui y a été enregistré, rien n’a été enregistré ici. Rechargez la page pour voir la dernière version, puis refaites vos changements.',
    });
    // Reloaded, the computer saves on what it now shows; the phone's page, one save behind, cannot.
    expect((await save({ version: 1, revision: 1 }, 42_000)).json()).toMatchObject({
      revision: 2,
      taxIncomeEuros: 42_000,
    });
    expect((await save({ version: 1, revision: 1 }, 43_000)).status).toBe(409);
    expect((await save({ version: 2, revision: 1 }, 43_000)).status).toBe(409);
    const [kept] = (await gina.get('/api/me/agent-records/2021')).json<{
      versions: { taxIncomeEuros: number; revision: number }[];
    }>().versions;
    expect(kept).toMatchObject({ taxIncomeEuros: 42_000, revision: 2 });
    // A client that says nothing of what it saw (the API's older callers) saves as before.
    expect((await save(undefined, 44_000)).json()).toMatchObject({ revision: 3 });
    // What it saw, malformed, is refused on its field.
    const malformed = await save({ version: 'deux', revision: 0 }, 45_000);
    expect(malformed.status).toBe(400);
    expect(malformed.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toEqual([
      'basedOn.version',
      'basedOn.revision',
    ]);
  });

  it('sends a rejection with its reason, and the member corrects it in a new version', async () => {
    const fred = await member('IN-000511', 'fred@example.org');
    const documentIds = [
      await upload(fred, 'taxNotice'),
      await upload(fred, 'pensionSlip'),
      await upload(fred, 'familyBook'),
    ];
    await fred.put('/api/me/agent-records/2021', { ...family, documentIds });
    await fred.post('/api/me/agent-records/2021/submit');
    const id =
      (await staff.get('/api/staff/agent-records'))
        .json<{ records: { id: string; identifier: string }[] }>()
        .records.find((r) => r.identifier === 'IN-000511')?.id ?? '';
    expect((await staff.post(`/api/staff/agent-records/${id}/reject`, { reason: '' })).status).toBe(
      400,
    );
    expect(
      (
        await staff.post(`/api/staff/agent-records/${id}/reject`, {
          reason: 'Avis d’imposition illisible.',
        })
      ).status,
    ).toBe(204);
    expect((await mailsTo(t.db, 'fred@example.org')).at(-1)?.text).toContain(
      'Motif : Avis d’imposition illisible.',
    );
    expect((await staff.post(`/api/staff/agent-records/${id}/validate`)).status).toBe(409);
    expect(
      (await fred.put('/api/me/agent-records/2021', { ...family, documentIds })).json(),
    ).toMatchObject({ version: 2, status: 'draft' });
    const audit = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE subject_id = $1`,
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual(['agent_record.reject']);
  });

  it('asks for the disability proof, refuses another member’s documents, and checks every field', async () => {
    const gina = await member('IN-000512');
    const other = await member('IN-000513');
    const foreign = await upload(other, 'taxNotice');
    expect(
      (await gina.put('/api/me/agent-records/2021', { ...family, documentIds: [foreign] })).status,
    ).toBe(400);
    const documentIds = [
      await upload(gina, 'taxNotice'),
      await upload(gina, 'payslip'),
      await upload(gina, 'familyBook'),
    ];
    const dependants = [family.dependants[0], { ...family.dependants[1], disabled: true }];
    await gina.put('/api/me/agent-records/2021', { ...family, dependants, documentIds });
    const submit = async () =>
      (await gina.post('/api/me/agent-records/2021/submit')).json<{ message: string }>().message;
    expect(await submit()).toBe('Il manque : le justificatif du handicap de Lou.');
    // The member's own card does not prove the child's disability: each proof is tied to its person.
    const card = await upload(gina, 'disabilityCard', 'Carte d’invalidité de Lou');
    const unattached = await gina.put('/api/me/agent-records/2021', {
      ...family,
      dependants: [family.dependants[0], { ...dependants[1], disabilityProofId: card }],
      documentIds,
    });
    expect(unattached.status).toBe(400);
    expect(unattached.json()).toMatchObject({
      issues: [
        { path: 'dependants.1.disabilityProofId', message: 'joignez ce justificatif à la fiche' },
      ],
    });
    await gina.put('/api/me/agent-records/2021', {
      ...family,
      memberDisabled: true,
      dependants: [family.dependants[0], { ...dependants[1], disabilityProofId: card }],
      documentIds: [...documentIds, card],
    });
    expect(await submit()).toBe('Il manque : votre carte d’invalidité ou attestation de handicap.');
    const payslipAsProof = await gina.put('/api/me/agent-records/2021', {
      ...family,
      dependants: [family.dependants[0], { ...dependants[1], disabilityProofId: documentIds[1] }],
      documentIds,
    });
    expect(payslipAsProof.status).toBe(200);
    expect(await submit()).toBe('Il manque : le justificatif du handicap de Lou.');
    const bad = await gina.put('/api/me/agent-records/2021', {
      ...family,
      taxIncomeEuros: -1,
      dependants: [{ relation: 'cousin', lastName: '', firstName: 'X', birthDate: '2020-02-31' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        'taxIncomeEuros',
        'dependants.0.relation',
        'dependants.0.lastName',
        'dependants.0.birthDate',
      ]),
    );
  });

  it('asks for the family book after a change of situation, dated within the year', async () => {
    const ines = await member('IN-000515');
    const single = { ...family, couple: false, dependants: [] };
    const documentIds = [await upload(ines, 'taxNotice'), await upload(ines, 'payslip')];
    const outside = await ines.put('/api/me/agent-records/2021', {
      ...single,
      situationChangedOn: '2020-12-31',
      documentIds,
    });
    expect(outside.status).toBe(400);
    expect(outside.json()).toMatchObject({
      issues: [
        {
          path: 'situationChangedOn',
          message: 'indiquez une date de l’année 2021, par exemple le 01/01/2021',
        },
      ],
    });
    // A change to come is not a change: the Fiche is judged from that day.
    const coming = await ines.put('/api/me/agent-records/2021', {
      ...single,
      situationChangedOn: '2021-09-01',
      documentIds,
    });
    expect(coming.json()).toMatchObject({
      issues: [
        {
          path: 'situationChangedOn',
          message:
            'indiquez le jour où votre situation a changé : une date passée, par exemple 15/04/2021',
        },
      ],
    });
    // A first request without dependants needs no family book…
    await ines.put('/api/me/agent-records/2021', { ...single, documentIds });
    expect((await ines.post('/api/me/agent-records/2021/submit')).status).toBe(200);
    const [first] = await t.db.query<{ id: string }>(
      `SELECT r.id FROM agent_records r JOIN users u ON u.id = r.member_id WHERE u.identifier = 'IN-000515'`,
    );
    expect((await staff.post(`/api/staff/agent-records/${first?.id ?? ''}/validate`)).status).toBe(
      200,
    );
    // …a change during the year does, and the new version keeps the date.
    const changed = await ines.put('/api/me/agent-records/2021', {
      ...family,
      situationChangedOn: '2021-03-08',
      documentIds,
    });
    expect(changed.json()).toMatchObject({ version: 2, situationChangedOn: '2021-03-08' });
    expect(
      (await ines.post('/api/me/agent-records/2021/submit')).json<{ message: string }>().message,
    ).toBe('Il manque : le livret de famille.');
  });

  it('counts a baby born during the year from the day the situation changed, and says what to type otherwise', async () => {
    const jade = await member('IN-000516');
    const documentIds = [
      await upload(jade, 'taxNotice'),
      await upload(jade, 'payslip'),
      await upload(jade, 'familyBook'),
    ];
    const baby = { relation: 'child', lastName: 'Roux', firstName: 'Noé', birthDate: '2021-03-10' };
    const save = (situationChangedOn: string | null) =>
      jade.put('/api/me/agent-records/2021', {
        ...family,
        couple: false,
        dependants: [baby],
        situationChangedOn,
        documentIds,
      });
    const since = (day: string) =>
      `la naissance de Noé est après le ${day} : indiquez comme date du changement de situation familiale le jour de la naissance, par exemple 10/03/2021`;
    expect((await save(null)).json()).toMatchObject({
      issues: [{ path: 'dependants.0.birthDate', message: since('1er janvier 2021') }],
    });
    expect((await save('2021-02-01')).json()).toMatchObject({
      issues: [{ path: 'dependants.0.birthDate', message: since('01/02/2021') }],
    });
    expect((await save('2021-03-10')).status).toBe(200);
    const sent = await jade.post('/api/me/agent-records/2021/submit');
    expect(sent.status).toBe(200);
    const validated = await staff.post(
      `/api/staff/agent-records/${sent.json<{ id: string }>().id}/validate`,
    );
    // A single parent: 1,75 parts and 1 for the child.
    expect(validated.json()).toMatchObject({ status: 'validated', parts: 2.75 });
  });

  it('refuses more disabled adult dependants than the barème counts, on the list', async () => {
    const kim = await member('IN-000517');
    const adult = (i: number) => ({
      relation: 'disabledAdult',
      lastName: 'Roux',
      firstName: `Adulte ${String(i)}`,
      birthDate: '1960-01-01',
      disabled: true,
    });
    const save = (count: number) =>
      kim.put('/api/me/agent-records/2021', {
        ...family,
        couple: false,
        dependants: Array.from({ length: count }, (_, i) => adult(i)),
      });
    expect((await save(21)).json()).toMatchObject({
      issues: [
        {
          path: 'dependants',
          message: '20 adultes handicapés à charge au plus : vérifiez la liste',
        },
      ],
    });
    expect((await save(20)).status).toBe(200);
  });

  it('keeps the queue and the validation to the Fiche Agent staff', async () => {
    const harry = await member('IN-000514');
    expect((await harry.get('/api/staff/agent-records')).status).toBe(403);
    expect(
      (await harry.post('/api/staff/agent-records/00000000-0000-0000-0000-000000000000/validate'))
        .status,
    ).toBe(403);
  });
});

describe('barème screen', () => {
  it('shows every pack to staff, with a warning where the stated thresholds disagree with the formula', async () => {
    const answer = (await staff.get('/api/staff/packs')).json<{
      packs: {
        id: string;
        complete: boolean;
        thresholds: { grid: string; warnings: string[] }[];
      }[];
    }>();
    const byId = Object.fromEntries(answer.packs.map((p) => [p.id, p]));
    expect(byId['cnrs-2019']?.thresholds.map((g) => g.warnings.length)).toEqual([2, 2]);
    expect(byId['cnrs-2019']?.thresholds[0]?.warnings[0]).toContain(
      'ne correspond pas à la formule',
    );
    expect(byId['inserm-2021']?.thresholds.flatMap((g) => g.warnings)).toEqual([]);
    expect(byId['inserm-2023']?.complete).toBe(false);
    const member = t.client();
    await createUser(t.db, { identifier: 'IN-000520' });
    await member.login('IN-000520', PASSWORD);
    expect((await member.get('/api/staff/packs')).status).toBe(403);
  });
});

describe('bank accounts', () => {
  it('checks IBAN and BIC field by field, keeps one default, and shows the IBAN masked', async () => {
    const ines = await member('IN-000530');
    const bad = await ines.post('/api/me/bank-accounts', {
      holder: '伊内斯',
      iban: 'FR76 3000 6000 0112 3456 7890 188',
      bic: 'AGRI',
    });
    expect(bad.status).toBe(400);
    // Each field as a bank transfer (SEPA) will carry it: Latin letters, a checked IBAN, a BIC.
    expect(bad.json<{ issues: { path: string; message: string }[] }>().issues).toEqual([
      { path: 'holder', message: 'le titulaire s’écrit en lettres latines, comme sur le RIB' },
      {
        path: 'iban',
        message:
          'cet IBAN contient une erreur (clé de contrôle fausse) : vérifiez-le sur votre RIB',
      },
      { path: 'bic', message: 'un BIC a 8 ou 11 caractères, par exemple AGRIFRPP882' },
    ]);
    const first = await ines.post('/api/me/bank-accounts', {
      holder: 'Inès Roy',
      iban: 'fr76 3000 6000 0112 3456 7890 189',
      bic: 'agrifrpp',
    });
    expect(first.status).toBe(201);
    expect(first.json()).toEqual({
      accounts: [
        expect.objectContaining({ ibanMasked: 'FR76 •••• 0189', bic: 'AGRIFRPP', isDefault: true }),
      ],
    });
    expect(
      (
        await ines.post('/api/me/bank-accounts', {
          holder: 'Inès Roy',
          iban: 'FR7630006000011234567890189',
          bic: 'AGRIFRPP',
        })
      ).status,
    ).toBe(409);
    const both = (
      await ines.post('/api/me/bank-accounts', {
        holder: 'Inès Roy',
        iban: 'DE89 3704 0044 0532 0130 00',
        bic: 'COBADEFFXXX',
      })
    ).json<{ accounts: { id: string; isDefault: boolean }[] }>().accounts;
    expect(both.map((a) => a.isDefault)).toEqual([true, false]);
    const german = both[1]?.id ?? '';
    expect(
      (await ines.post(`/api/me/bank-accounts/${german}/default`)).json<{
        accounts: { id: string; isDefault: boolean }[];
      }>().accounts[0],
    ).toMatchObject({ id: german, isDefault: true });
    const left = (await ines.delete(`/api/me/bank-accounts/${german}`)).json<{
      accounts: { isDefault: boolean }[];
    }>().accounts;
    expect(left).toEqual([
      expect.objectContaining({ ibanMasked: 'FR76 •••• 0189', isDefault: true }),
    ]);
    const other = await member('IN-000531');
    expect((await other.delete(`/api/me/bank-accounts/${both[0]?.id ?? ''}`)).status).toBe(404);
  });
});

describe('member files for staff', () => {
  it('finds a member by name, identifier or matricule and shows the whole file, auditing the viewing', async () => {
    const id = await createUser(t.db, {
      identifier: 'IN-000550',
      lastName: 'Fontaine',
      firstName: 'Élise',
      matricule: '55667788',
    });
    for (const q of ['fontaine', 'IN-000550', '55667788', 'Élise Fontaine']) {
      expect(
        (await staff.get(`/api/staff/members?q=${encodeURIComponent(q)}`))
          .json<{ members: { id: string }[] }>()
          .members.map((m) => m.id),
      ).toEqual([id]);
    }
    expect((await staff.get('/api/staff/members?q=F')).status).toBe(400);
    expect(
      (await staff.get('/api/staff/members?q=%25%25')).json<{ members: unknown[] }>().members,
    ).toEqual([]);
    // An action an older version wrote, no longer known by its words: shown as it was stored.
    await t.db.query(
      `INSERT INTO audit_log (action, subject_type, subject_id, member_id) VALUES ('member.merge', 'member', $1::text, $1::uuid)`,
      [id],
    );
    const file = (await staff.get(`/api/staff/members/${id}`)).json<{
      profile: { identifier: string };
      records: unknown[];
      audit: { action: string; label: string; actor: string | null }[];
    }>();
    expect(file.profile.identifier).toBe('IN-000550');
    expect(file.audit.slice(0, 2)).toMatchObject([
      { action: 'member.view', label: 'dossier consulté', actor: 'GEST-FA' },
      { action: 'member.merge', label: 'member.merge', actor: null },
    ]);
    const nosy = await member('IN-000551');
    expect((await nosy.get('/api/staff/members?q=fontaine')).status).toBe(403);
    expect((await nosy.get(`/api/staff/members/${id}`)).status).toBe(403);
  });
});

describe('partner offers', () => {
  it('are written by staff (audited, checked field by field) and read by members', async () => {
    const bad = await staff.post('/api/staff/partner-offers', {
      partner: '',
      sector: 'cinema',
      description: 'x',
      url: 'pas une adresse',
    });
    expect(bad.status).toBe(400);
    expect(bad.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toEqual([
      'partner',
      'sector',
      'url',
    ]);
    // An address that would run a script in the members' page is no web page.
    for (const url of ['javascript:alert(document.cookie)', 'data:text/html,<script>1</script>'])
      expect(
        (
          await staff.post('/api/staff/partner-offers', {
            partner: 'Parc aventure',
            sector: 'loisirs-culture',
            description: 'Accrobranche à prix réduit.',
            url,
          })
        ).json<{ issues: { path: string; message: string }[] }>().issues,
      ).toEqual([{ path: 'url', message: expect.stringContaining('https://www.') as string }]);
    const created = await staff.post('/api/staff/partner-offers', {
      partner: 'Parc aventure',
      sector: 'loisirs-culture',
      description: '−20 % sur présentation de la carte adhérent',
      code: 'CAES2026',
      url: 'https://example.org',
    });
    expect(created.status).toBe(201);
    const { id } = created.json<{ id: string }>();
    expect(
      (
        await staff.put(`/api/staff/partner-offers/${id}`, {
          partner: 'Parc aventure',
          sector: 'sports',
          description: '−25 %',
        })
      ).json(),
    ).toMatchObject({ sector: 'sports' });
    const reader = await member('IN-000570');
    expect((await reader.get('/api/partner-offers')).json<{ offers: unknown[] }>().offers).toEqual([
      { id, partner: 'Parc aventure', sector: 'sports', description: '−25 %' },
    ]);
    expect(
      (
        await reader.post('/api/staff/partner-offers', {
          partner: 'X',
          sector: 'sports',
          description: 'y',
        })
      ).status,
    ).toBe(403);
    expect((await staff.delete(`/api/staff/partner-offers/${id}`)).status).toBe(204);
    expect((await staff.delete(`/api/staff/partner-offers/${id}`)).status).toBe(404);
    const actions = await t.db.query<{ action: string }>(
      'SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY id',
      [id],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'partner_offer.create',
      'partner_offer.update',
      'partner_offer.delete',
    ]);
  });
});

describe('several Fiches validated at once', () => {
  it('validates those ticked, each in its own transaction, and says which it left and why', async () => {
    // Two first Fiches, and a renewal that changes nothing since the Fiche validated.
    const ids: string[] = [];
    for (const identifier of ['IN-000591', 'IN-000592']) {
      const memberId = await createUser(t.db, { identifier });
      ids.push(await submittedRecord(t.db, memberId, { taxIncomeEuros: 30_000, dependants: [] }));
    }
    const [first = '', second = ''] = ids;
    const queue = async () =>
      (await staff.get('/api/staff/agent-records?status=submitted'))
        .json<{ records: { id: string; changes: number | null }[] }>()
        .records.filter((r) => ids.includes(r.id));
    expect(await queue()).toEqual([
      expect.objectContaining({ id: first, changes: null }),
      expect.objectContaining({ id: second, changes: null }),
    ]);
    expect(
      (await staff.post('/api/staff/agent-records/validations', { recordIds: [] })).json(),
    ).toMatchObject({
      issues: [{ path: 'recordIds', message: 'cochez au moins une fiche à valider' }],
    });
    const done = await staff.post('/api/staff/agent-records/validations', {
      recordIds: [first, second, first],
    });
    expect(done.json()).toEqual({
      done: [
        { id: first, year: 2021, parts: 1.75 },
        { id: second, year: 2021, parts: 1.75 },
      ],
      skipped: [],
    });
    const again = await staff.post('/api/staff/agent-records/validations', { recordIds: [first] });
    expect(again.json()).toEqual({
      done: [],
      skipped: [{ id: first, message: 'Cette fiche n’est pas en attente de validation.' }],
    });
    // The same household sent again unchanged: the queue says nothing changed.
    const [renewal] = await t.db.query<{ id: string }>(
      `INSERT INTO agent_records (member_id, year, version, status, couple, tax_income_euros, dependants, submitted_at)
       SELECT member_id, 2021, 2, 'submitted', couple, tax_income_euros, dependants, now() FROM agent_records WHERE id = $1
       RETURNING id`,
      [first],
    );
    ids.push(renewal?.id ?? '');
    expect(await queue()).toEqual([expect.objectContaining({ id: renewal?.id, changes: 0 })]);
    // Only the Fiche Agent staff validate.
    await createUser(t.db, { identifier: 'GEST-JE-FA', role: 'staff', sectors: ['jeunesse'] });
    const other = t.client();
    await other.login('GEST-JE-FA', PASSWORD);
    expect(
      (await other.post('/api/staff/agent-records/validations', { recordIds: [renewal?.id] }))
        .status,
    ).toBe(403);
  });
});

describe('a decision on a Fiche', () => {
  it('is refused once the member closed the account: the Fiche leaves the queue, staff are told why', async () => {
    const memberId = await createUser(t.db, { identifier: 'IN-000593' });
    const client = t.client();
    await client.login('IN-000593', PASSWORD);
    const recordId = await submittedRecord(t.db, memberId, {
      taxIncomeEuros: 30_000,
      dependants: [{ relation: 'child', firstName: 'Léa', birthDate: '2012-05-01' }],
    });
    const inQueue = async () =>
      (await staff.get('/api/staff/agent-records?status=submitted'))
        .json<{ records: { id: string }[] }>()
        .records.some((r) => r.id === recordId);
    expect(await inQueue()).toBe(true);
    expect((await client.post('/api/me/account/close', { password: PASSWORD })).status).toBe(204);
    expect(await inQueue()).toBe(false);
    for (const decision of ['validate', 'reject']) {
      const refused = await staff.post(`/api/staff/agent-records/${recordId}/${decision}`, {
        reason: 'Avis illisible',
      });
      expect(refused.status).toBe(409);
      expect(refused.json<ErrorAnswer>().message).toBe(
        'L’agent a fermé son compte : sa fiche n’est plus à valider ni à refuser.',
      );
    }
    expect(
      await t.db.query('SELECT status FROM agent_records WHERE member_id = $1', [memberId]),
    ).toEqual([{ status: 'draft' }]);
    expect(await t.db.query('SELECT 1 FROM dependants WHERE member_id = $1', [memberId])).toEqual(
      [],
    );
  });
});

describe('a household’s Fiches of two years (CNRS, 2019 and 2020)', () => {
  let cnrs: TestApp;
  let desks: [Client, Client];
  beforeAll(async () => {
    cnrs = await testApp({ ORGANIZATION: 'cnrs' }); // calendar: 2020-03-16, pack cnrs-2019
    const http = await cnrs.serve();
    await createUser(cnrs.db, {
      identifier: 'GEST-FA-CN',
      role: 'staff',
      sectors: ['fiche-agent'],
    });
    const one = http();
    const another = http();
    for (const desk of [one, another]) await desk.login('GEST-FA-CN', PASSWORD);
    desks = [one, another];
  });
  afterAll(() => cnrs.close());

  const LEA = { relation: 'child', firstName: 'Léa', birthDate: '2012-05-01' } as const;
  const TOM = { relation: 'child', firstName: 'Tom', birthDate: '2019-11-20' } as const;
  const household = async (identifier: string) => {
    const memberId = await createUser(cnrs.db, { identifier });
    const earlier = await submittedRecord(cnrs.db, memberId, {
      year: 2019,
      taxIncomeEuros: 30_000,
      dependants: [LEA],
    });
    const later = await submittedRecord(cnrs.db, memberId, {
      year: 2020,
      taxIncomeEuros: 31_000,
      dependants: [LEA, TOM],
    });
    return { memberId, earlier, later };
  };
  const dependantsOf = async (memberId: string) =>
    (
      await cnrs.db.query<{ first_name: string }>(
        'SELECT first_name FROM dependants WHERE member_id = $1 ORDER BY first_name',
        [memberId],
      )
    ).map((d) => d.first_name);
  const validate = (desk: Client, id: string) =>
    desk.post(`/api/staff/agent-records/${id}/validate`);

  it('keeps the later year’s household when the earlier year is validated last', async () => {
    const { memberId, earlier, later } = await household('CN-000594');
    expect((await validate(desks[0], later)).status).toBe(200);
    expect(await dependantsOf(memberId)).toEqual(['Léa', 'Tom']);
    expect((await validate(desks[1], earlier)).status).toBe(200);
    expect(await dependantsOf(memberId)).toEqual(['Léa', 'Tom']);
  });

  it('two desks validating the two years at once leave each dependant once', async () => {
    const { memberId, earlier, later } = await household('CN-000595');
    await cnrs.db.query(
      `INSERT INTO dependants (member_id, relation, last_name, first_name, birth_date) VALUES ($1, 'child', 'Martin', 'Léa', '2012-05-01')`,
      [memberId],
    );
    // On PostgreSQL the household's one dependant row is held until both decisions wait.
    const answers = await whileRowHeld(
      cnrs.db,
      'SELECT 1 FROM dependants WHERE member_id = $1 FOR UPDATE',
      [memberId],
      () => Promise.all([validate(desks[0], earlier), validate(desks[1], later)]),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(await dependantsOf(memberId)).toEqual(['Léa', 'Tom']);
  });
});
