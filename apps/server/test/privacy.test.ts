// The member's rights under the RGPD (issue 11, point 14): a copy of everything held, a retention
// policy applied by a job, and closing an account that anonymises what must not be kept.
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachedDocuments,
  DatabaseDocumentStore,
  type DocumentStore,
} from '../src/modules/household/documents.ts';
import { applyRetention } from '../src/modules/privacy/retention.ts';
import {
  familyWithRecord,
  lockWaits,
  PASSWORD,
  poll,
  samplePdf,
  testApp,
  uploadReceipt,
  type Client,
  type TestApp,
} from './harness.ts';

let t: TestApp;
let store: DocumentStore;
beforeAll(async () => {
  t = await testApp(); // calendar: 2021-04-15
  store = new DatabaseDocumentStore(t.db);
});
afterAll(() => t.close());

/** A household whose 2021 Fiche Agent holds a tax notice, with a festival claim sent. */
async function household(identifier: string) {
  const family = await familyWithRecord(t, {
    identifier,
    taxIncomeEuros: 40_000,
    dependants: [{ relation: 'child', firstName: 'Inès', birthDate: '2012-03-04' }],
  });
  const pdf = await samplePdf(`Avis d’imposition de ${identifier}`);
  const notice = (
    await family.client.upload('/api/me/documents?kind=taxNotice&name=avis.pdf', pdf)
  ).json<{ id: string }>().id;
  await t.db.query(
    `UPDATE agent_records SET document_ids = array_append(document_ids, $2::uuid) WHERE member_id = $1`,
    [family.id, notice],
  );
  return { ...family, notice, pdf };
}

/** A festival claim with its receipt, as the member sends it. */
async function sendClaim(client: Client) {
  const receipt = await uploadReceipt(client);
  const claim = await client.post('/api/me/claims', {
    type: 'festival',
    dependantIndex: null,
    organism: 'Festival',
    firstDay: '2021-03-10',
    lastDay: '2021-03-12',
    paidCents: 5_000,
    documentIds: [receipt],
  });
  expect(claim.status).toBe(201);
  return receipt;
}

const shaOf = async (id: string) =>
  (await t.db.query<{ sha256: string }>('SELECT sha256 FROM documents WHERE id = $1', [id]))[0]
    ?.sha256 ?? '';

describe('Télécharger mes données', () => {
  it('gives everything about the household as JSON and the original PDFs, and no secret', async () => {
    const h = await household('IN-330001');
    const answer = await h.client.get('/api/me/data.zip');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-disposition']).toMatch(
      /^attachment; filename="mes-donnees-IN-330001\.zip"/,
    );
    const files = unzipSync(new Uint8Array(answer.body as Buffer));
    const account = JSON.parse(strFromU8(files['compte.json'] ?? new Uint8Array())) as {
      identifier: string;
    }[];
    expect(account[0]?.identifier).toBe('IN-330001');
    const records = JSON.parse(strFromU8(files['fiches-agent.json'] ?? new Uint8Array())) as {
      tax_income_euros: number;
    }[];
    expect(records[0]?.tax_income_euros).toBe(40_000);
    // The committee's actions about them, in words: here the validation of their Fiche.
    const actions = JSON.parse(strFromU8(files['actions-du-comite.json'] ?? new Uint8Array())) as {
      action: string;
    }[];
    expect(actions.map((a) => a.action)).toContain('Fiche Agent validée');
    const pdfName = Object.keys(files).find((name) => name.startsWith(`documents/${h.notice}`));
    expect(Buffer.compare(Buffer.from(files[pdfName ?? ''] ?? []), h.pdf)).toBe(0);
    const everything = Object.entries(files)
      .filter(([name]) => name.endsWith('.json'))
      .map(([, bytes]) => strFromU8(bytes))
      .join('\n');
    expect(everything).not.toMatch(/password_hash|totp_secret|\$argon2/);
  });
});

describe('the retention policy', () => {
  it('deletes income proofs three years after their Fiche Agent’s year, and keeps claim receipts', async () => {
    const h = await household('IN-330002');
    const receipt = await sendClaim(h.client);
    const sha = await shaOf(h.notice);
    const policy = { incomeProofYears: 3 };
    expect(await applyRetention(t.db, store, '2024-12-31', policy)).toBe(0);
    expect(await applyRetention(t.db, store, '2025-01-01', policy)).toBeGreaterThanOrEqual(1);
    expect(await shaOf(h.notice)).toBe('');
    expect(await store.find(sha)).toBeNull();
    expect(await shaOf(receipt)).not.toBe('');
    const [audit] = await t.db.query<{ details: { incomeProofs: number } }>(
      `SELECT details FROM audit_log WHERE action = 'retention.purge' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit?.details.incomeProofs).toBeGreaterThanOrEqual(1);
  });
});

describe('the retention policy, case by case', () => {
  it('keeps a proof a later Fiche, a claim or a Solidarité request still lists, and deletes documents listed nowhere after a year', async () => {
    const family = await familyWithRecord(t, {
      identifier: 'IN-330004',
      taxIncomeEuros: 30_000,
      dependants: [],
    });
    const document = async (kind: string, createdAt = '2021-03-01') => {
      const [row] = await t.db.query<{ id: string }>(
        `INSERT INTO documents (member_id, kind, sha256, size_bytes, file_name, created_at)
         VALUES ($1, $2, md5(random()::text), 1, 'piece.pdf', $3) RETURNING id`,
        [family.id, kind, createdAt],
      );
      return row?.id ?? '';
    };
    const onlyIn2021 = await document('taxNotice');
    const alsoIn2022 = await document('payslip');
    const inClaim = await document('spouseTaxNotice');
    const inRequest = await document('pensionSlip');
    const notAProof = await document('familyBook');
    const listedNowhere = await document('other', '2020-01-01');
    const listedNowhereYet = await document('other', new Date().toISOString());
    await t.db.query('UPDATE agent_records SET document_ids = $2 WHERE member_id = $1', [
      family.id,
      [onlyIn2021, alsoIn2022, inClaim, inRequest, notAProof],
    ]);
    await t.db.query(
      `INSERT INTO agent_records (member_id, year, version, document_ids) VALUES ($1, 2022, 1, $2)`,
      [family.id, [alsoIn2022]],
    );
    const receipt = await sendClaim(family.client);
    await t.db.query(
      'UPDATE claims SET document_ids = document_ids || $2::uuid WHERE member_id = $1',
      [family.id, inClaim],
    );
    await t.db.query(
      `INSERT INTO solidarity_requests (member_id, kind, purpose, amount_cents, document_ids)
       VALUES ($1, 'aid', 'Lunettes', 30000, $2)`,
      [family.id, [inRequest]],
    );
    await applyRetention(t.db, store, '2025-01-01', { incomeProofYears: 3 });
    const left = await t.db.query<{ id: string }>(
      'SELECT id FROM documents WHERE member_id = $1 ORDER BY id',
      [family.id],
    );
    expect(left.map((row) => row.id)).toEqual(
      [alsoIn2022, inClaim, inRequest, notAProof, listedNowhereYet, receipt].sort(),
    );
    expect(left.map((row) => row.id)).not.toContain(onlyIn2021);
    expect(left.map((row) => row.id)).not.toContain(listedNowhere);
  });
});

describe('the retention job while a document is being listed', () => {
  it.skipIf(!process.env.DATABASE_URL)(
    'never deletes a document a Solidarité request is listing as the job starts (PostgreSQL)',
    async () => {
      const family = await familyWithRecord(t, {
        identifier: 'IN-330005',
        taxIncomeEuros: 30_000,
        dependants: [],
      });
      // Unused for over a year: the job would delete it, but the member is attaching it now.
      const [{ id } = { id: '' }] = await t.db.query<{ id: string }>(
        `INSERT INTO documents (member_id, kind, sha256, size_bytes, file_name, created_at)
         VALUES ($1, 'other', md5(random()::text), 1, 'facture-opticien.pdf', '2021-03-01') RETURNING id`,
        [family.id],
      );
      let job: Promise<number> = Promise.resolve(0);
      let finished = false;
      // The request's transaction, as `askSolidarity` runs it: its documents, then its row.
      await t.db.transaction(async (tx) => {
        await attachedDocuments(tx, family.id, [id]);
        await tx.query(
          `INSERT INTO solidarity_requests (member_id, kind, purpose, amount_cents, document_ids)
           VALUES ($1, 'aid', 'Lunettes', 30000, $2)`,
          [family.id, [id]],
        );
        job = applyRetention(t.db, store, '2025-01-01', { incomeProofYears: 3 });
        void job.then(() => (finished = true));
        // The job waits for the request (its lock), or would delete the document unseen.
        await poll(
          () => lockWaits(t.db),
          (waits) => waits > 0 || finished,
        );
      });
      await job;
      const kept = await t.db.query('SELECT 1 FROM documents WHERE id = $1', [id]);
      expect(kept).toHaveLength(1);
    },
  );
});

describe('closing an account', () => {
  it('asks for the password, refuses while a claim is pending, then anonymises the household', async () => {
    const h = await household('IN-330003');
    const wrong = await h.client.post('/api/me/account/close', { password: 'pas le bon' });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('mot de passe incorrect');
    await sendClaim(h.client);
    const pending = await h.client.post('/api/me/account/close', { password: PASSWORD });
    expect(pending.status).toBe(409);
    expect(pending.json<{ message: string }>().message).toContain('une subvention attend');
    await t.db.query(`UPDATE claims SET status = 'rejected' WHERE member_id = $1`, [h.id]);

    expect((await h.client.post('/api/me/account/close', { password: PASSWORD })).status).toBe(204);
    expect((await h.client.get('/api/me/entitlements/2021')).status).toBe(401);
    expect((await t.client().login('IN-330003', PASSWORD)).status).toBe(401);
    const [user] = await t.db.query<{
      last_name: string;
      email: string;
      password_hash: string | null;
    }>('SELECT last_name, email, password_hash FROM users WHERE id = $1', [h.id]);
    expect(user).toEqual({
      last_name: 'Compte fermé',
      email: `compte-ferme-${h.id}@invalid`,
      password_hash: null,
    });
    expect(await t.db.query('SELECT id FROM documents WHERE member_id = $1', [h.id])).toEqual([]);
    const [record] = await t.db.query<{
      dependants: { firstName: string }[];
      tax_income_euros: number;
    }>('SELECT dependants, tax_income_euros FROM agent_records WHERE member_id = $1', [h.id]);
    // The figures behind subsidies stay for the accounts; the family's names do not.
    expect(record?.tax_income_euros).toBe(40_000);
    expect(record?.dependants.map((d) => d.firstName)).toEqual(['Personne 1']);
  });
});
