// Least privilege and privacy (issue 11, points 12 and 13): staff read a member's documents only
// where their work needs them, every read is audited and shown to the member, and a payout batch
// holds only the sectors of the staff who make it.
import { staffSectors } from '@entraide/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDefaultRib,
  createUser,
  familyWithRecord,
  PASSWORD,
  samplePdf,
  testApp,
  uploadReceipt,
  type Client,
  type TestApp,
} from './harness.ts';

let t: TestApp;
const desks: Record<string, Client> = {};
beforeAll(async () => {
  t = await testApp(); // calendar: 2021-04-15
  for (const [identifier, role, sectors] of [
    ['GEST-FA', 'staff', ['fiche-agent']],
    ['GEST-LC', 'staff', ['loisirs-culture']],
    ['GEST-JE', 'staff', ['jeunesse']],
    ['GEST-COMPTA', 'admin', []],
  ] as const) {
    await createUser(t.db, { identifier, role, sectors: [...sectors], firstName: identifier });
    desks[identifier] = t.client();
    await desks[identifier].login(identifier, PASSWORD);
  }
});
afterAll(() => t.close());

const desk = (identifier: string): Client => desks[identifier] ?? t.client();

/** A member whose record holds a tax notice, with a festival claim and a child's train ticket claim. */
async function household(identifier: string) {
  const { id, client } = await familyWithRecord(t, {
    identifier,
    taxIncomeEuros: 40_000,
    dependants: [{ relation: 'child', firstName: 'Inès', birthDate: '2012-03-04' }],
  });
  const notice = (
    await client.upload(
      '/api/me/documents?kind=taxNotice&name=avis-2020.pdf',
      await samplePdf('Avis d’imposition'),
    )
  ).json<{ id: string }>().id;
  await t.db.query(
    `UPDATE agent_records SET document_ids = array_append(document_ids, $2::uuid) WHERE member_id = $1`,
    [id, notice],
  );
  await addDefaultRib(client);
  const claim = async (type: string, dependantIndex: number | null, name: string) => {
    const receipt = await uploadReceipt(client, name);
    const answer = await client.post('/api/me/claims', {
      type,
      dependantIndex,
      organism: 'SNCF',
      firstDay: '2021-03-10',
      lastDay: '2021-03-12',
      paidCents: 6_000,
      documentIds: [receipt],
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return { receipt, claimId: answer.json<{ id: string }>().id };
  };
  return {
    id,
    client,
    notice,
    festival: await claim('festival', null, 'Billet de festival'),
    youth: await claim('trainTicket', 0, 'Billet de train'),
  };
}

describe('documents, by the work that needs them', () => {
  it('the Fiche Agent staff read the record’s notice; a sector reads only its own claims’ receipts', async () => {
    const h = await household('IN-770001');
    const read = async (identifier: string, id: string) =>
      (await desk(identifier).get(`/api/documents/${id}`)).status;
    expect(await read('GEST-FA', h.notice)).toBe(200);
    expect(await read('GEST-LC', h.notice)).toBe(404);
    expect(await read('GEST-JE', h.notice)).toBe(404);
    expect(await read('GEST-LC', h.festival.receipt)).toBe(200);
    expect(await read('GEST-JE', h.festival.receipt)).toBe(404);
    expect(await read('GEST-JE', h.youth.receipt)).toBe(200);
    expect(await read('GEST-FA', h.festival.receipt)).toBe(404);
    expect(await read('GEST-COMPTA', h.youth.receipt)).toBe(200);
  });

  it('only the Fiche Agent staff search members and open a member’s whole file', async () => {
    expect((await desk('GEST-LC').get('/api/staff/members?q=Martin')).status).toBe(403);
    expect((await desk('GEST-FA').get('/api/staff/members?q=Martin')).status).toBe(200);
  });

  it('the member sees who read their file and documents, and when', async () => {
    const h = await household('IN-770002');
    await desk('GEST-FA').get(`/api/documents/${h.notice}`);
    await desk('GEST-LC').get(`/api/documents/${h.festival.receipt}`);
    await desk('GEST-FA').get(`/api/staff/members/${h.id}`);
    await h.client.get(`/api/documents/${h.notice}`); // their own reading is not listed
    const { reads } = (await h.client.get('/api/me/file-reads')).json<{
      reads: { by: string; role: string; what: string; at: string }[];
    }>();
    expect(reads.map((r) => [r.by.split(' ')[0], r.role, r.what])).toEqual([
      ['GEST-FA', 'gestion fiche-agent', 'votre dossier d’adhérent'],
      ['GEST-LC', 'gestion loisirs-culture', 'le document « justificatif.pdf »'],
      ['GEST-FA', 'gestion fiche-agent', 'le document « avis-2020.pdf »'],
    ]);
    expect(reads[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}/);
  });
});

describe('payout batches', () => {
  it('hold only the sectors of the staff who make them; the admin’s hold every sector', async () => {
    const h = await household('IN-770003');
    for (const [identifier, claimId] of [
      ['GEST-LC', h.festival.claimId],
      ['GEST-JE', h.youth.claimId],
    ] as const)
      expect(
        (
          await desk(identifier).post(`/api/staff/claims/${claimId}/decision`, {
            decision: 'approve',
          })
        ).status,
      ).toBe(200);
    const batch = await desk('GEST-LC').post('/api/staff/payouts', { executionDate: '2021-04-20' });
    expect(batch.status).toBe(201);
    const [sectors] = await t.db.query<{ sectors: string[] }>(
      `SELECT array_agg(DISTINCT c.sector) AS sectors FROM claims c WHERE c.payout_id = $1`,
      [batch.json<{ payout: { id: string } }>().payout.id],
    );
    expect(sectors?.sectors).toEqual(['loisirs-culture']);
    const rest = await desk('GEST-COMPTA').post('/api/staff/payouts', {
      executionDate: '2021-04-20',
    });
    expect(rest.status).toBe(201);
    const [left] = await t.db.query<{ sectors: string[] }>(
      `SELECT array_agg(DISTINCT c.sector) AS sectors FROM claims c WHERE c.payout_id = $1`,
      [rest.json<{ payout: { id: string } }>().payout.id],
    );
    expect(left?.sectors).toContain('jeunesse');
    // A batch holding Jeunesse's claims is not Loisirs-Culture's to cancel: not found, unchanged.
    const restId = rest.json<{ payout: { id: string } }>().payout.id;
    const foreign = await desk('GEST-LC').post(`/api/staff/payouts/${restId}/cancellation`, {
      reason: 'Fichier rejeté par la banque',
    });
    expect(foreign.status).toBe(404);
    expect(
      (await t.db.query('SELECT 1 FROM payouts WHERE id = $1 AND cancelled_at IS NULL', [restId]))
        .length,
    ).toBe(1);
    // Each desk lists its own sectors' batches (the rest is Jeunesse's), a cancelled one too (its
    // claims gone back); the accounting desk lists them all.
    const ownId = batch.json<{ payout: { id: string } }>().payout.id;
    await desk('GEST-LC').post(`/api/staff/payouts/${ownId}/cancellation`, {
      reason: 'Préparé par erreur',
    });
    const listed = async (identifier: string) =>
      (await desk(identifier).get('/api/staff/payouts'))
        .json<{ payouts: { id: string; state: string }[] }>()
        .payouts.map((p) => [p.id, p.state]);
    // A batch that names no sector (made before batches kept theirs): no sector's desk's.
    const [bare] = await t.db.query<{ id: string }>(
      `INSERT INTO payouts (reference, execution_date, total_cents, claims)
       VALUES ('VIR-2021-999999', '2021-04-20', 0, 0) RETURNING id`,
    );
    const bareId = bare?.id ?? '';
    expect(await listed('GEST-LC')).toEqual([[ownId, 'cancelled']]);
    expect(await listed('GEST-JE')).toEqual([[restId, 'prepared']]);
    expect(
      (await desk('GEST-JE').post(`/api/staff/payouts/${bareId}/sent`, { sentOn: '2021-04-21' }))
        .status,
    ).toBe(404);
    expect((await listed('GEST-COMPTA')).sort()).toEqual(
      [
        [restId, 'prepared'],
        [ownId, 'cancelled'],
        [bareId, 'prepared'],
      ].sort(),
    );
  });
});

describe('staff sectors', () => {
  it('are the names the app knows, in the database as in the contract', async () => {
    // A sector mistyped by a script or a restore gives no right and no error: the database refuses it.
    const refused = await t.db
      .query(`UPDATE users SET sectors = ARRAY['finance'] WHERE identifier = 'GEST-JE'`)
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(String(refused)).toMatch(/users_sectors_known/);
    const [constraint] = await t.db.query<{ definition: string }>(
      `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
       WHERE conname = 'users_sectors_known'`,
    );
    const known = [...(constraint?.definition ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]);
    expect(known.sort()).toEqual([...staffSectors].sort());
  });
});
