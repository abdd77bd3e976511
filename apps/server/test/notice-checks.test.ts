// Issue 16, points 3 to 5: what a Fiche Agent's tax notices say of its typed incomes, for the
// member and for the staff's queue (status, filter), the tax numbers for the Fiche Agent staff
// only, the spouse's notice (CNRS), and the committee's automatic validation of renewals.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StaffSector } from '@entraide/contract';
import { signAs, testAuthority, testSigner, testTrustList } from '@entraide/twoddoc/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  PASSWORD,
  samplePdf,
  testApp,
  withInserm2022,
  type Client,
  type TestApp,
} from './harness.ts';
import { dataMatrix, noticeText, pdfWith } from './tax-notice-fixtures.ts';

let trustListDir: string;
let signer: Awaited<ReturnType<typeof testSigner>>;
beforeAll(async () => {
  const authority = await testAuthority('FR99');
  signer = await testSigner(authority, '0001');
  trustListDir = mkdtempSync(join(tmpdir(), 'entraide-trust-'));
  writeFileSync(
    join(trustListDir, 'trust-list.json'),
    JSON.stringify(testTrustList('FR99', authority, { '0001': signer })),
  );
});

/** The tax site's PDF of a notice signed by the test authority (`altered`: a digit changed after). */
async function noticePdf(incomeYear: number, income: number, altered = false): Promise<Buffer> {
  const signed = await signAs(signer, noticeText(incomeYear, income));
  const text = altered ? signed.replace(`41${income}`, `41${income + 1000}`) : signed;
  return pdfWith(await dataMatrix(text), 'png');
}

async function login(t: TestApp, identifier: string, role?: 'staff', sectors?: StaffSector[]) {
  await createUser(t.db, { identifier, ...(role ? { role, sectors } : {}) });
  const client = t.client();
  await client.login(identifier, PASSWORD);
  return client;
}

async function upload(client: Client, kind: string, pdf: Buffer): Promise<string> {
  const answer = await client.upload(`/api/me/documents?kind=${kind}&name=${kind}.pdf`, pdf);
  expect(answer.status).toBe(201);
  return answer.json<{ id: string }>().id;
}

const single = (taxIncomeEuros: number, documentIds: string[]) => ({
  couple: false,
  memberDisabled: false,
  taxIncomeEuros,
  spouseTaxIncomeEuros: null,
  dependants: [],
  documentIds,
});

/** Sends a Fiche of `year` with its tax notice and a payslip; its status after sending. */
async function sendRecord(
  member: Client,
  year: number,
  typedEuros: number,
  notice: Buffer,
): Promise<string> {
  const documentIds = [
    await upload(member, 'taxNotice', notice),
    await upload(member, 'payslip', await samplePdf('Bulletin de salaire')),
  ];
  expect(
    (await member.put(`/api/me/agent-records/${year}`, single(typedEuros, documentIds))).status,
  ).toBe(200);
  const sent = await member.post(`/api/me/agent-records/${year}/submit`);
  expect(sent.status).toBe(200);
  return sent.json<{ status: string }>().status;
}

interface QueueEntry {
  id: string;
  identifier: string;
  notices: string;
}

describe('tax notices in the Fiche Agent and the staff queue', () => {
  it('the filter finds a Fiche that waits behind a full page of others', async () => {
    const t = await testApp({ TRUST_LIST_DIR: trustListDir });
    try {
      const staff = await login(t, 'GEST-FA', 'staff', ['fiche-agent']);
      // 500 Fiches sent before, without a notice: the first page of the queue.
      await t.db.query(
        `INSERT INTO users (identifier, email, last_name, first_name, birth_date, role)
         SELECT 'IN-7' || lpad(g::text, 5, '0'), 'in-7' || g || '@example.org', 'Dupont', 'Anne', '1980-01-01', 'member'
           FROM generate_series(1, 500) g`,
      );
      await t.db.query(
        `INSERT INTO agent_records (member_id, year, version, status, submitted_at)
         SELECT id, 2021, 1, 'submitted', '2021-01-04' FROM users WHERE identifier LIKE 'IN-7%'`,
      );
      const member = await login(t, 'IN-000906');
      await sendRecord(member, 2021, 30_000, await samplePdf('Avis d’imposition sans code'));
      const queue = (await staff.get('/api/staff/agent-records?year=2021')).json<{
        records: QueueEntry[];
      }>().records;
      expect(queue).toHaveLength(500);
      expect(queue.some((e) => e.identifier === 'IN-000906')).toBe(false);
      const noCode = (await staff.get('/api/staff/agent-records?year=2021&notices=noCode')).json<{
        records: QueueEntry[];
      }>().records;
      expect(noCode.map((e) => e.identifier)).toEqual(['IN-000906']);
      const none = (await staff.get('/api/staff/agent-records?year=2021&notices=none')).json<{
        records: QueueEntry[];
      }>().records;
      expect(none).toHaveLength(500);
    } finally {
      await t.close();
    }
  });

  it('the queue shows each Fiche’s verification status and filters by it; the file shows typed and read side by side', async () => {
    const t = await testApp({ TRUST_LIST_DIR: trustListDir });
    try {
      const staff = await login(t, 'GEST-FA', 'staff', ['fiche-agent']);
      const youth = await login(t, 'GEST-JE', 'staff', ['jeunesse']);
      // Inserm 2021: the revenu fiscal de référence of 2019 (N-2).
      const cases = [
        ['IN-000901', 30_000, await noticePdf(2019, 30_000)],
        ['IN-000902', 28_000, await noticePdf(2019, 30_000)],
        ['IN-000903', 30_000, await noticePdf(2019, 30_000, true)],
        ['IN-000904', 30_000, await samplePdf('Avis d’imposition sans code')],
        ['IN-000905', 30_000, await noticePdf(2020, 30_000)],
      ] as const;
      const members = new Map<string, Client>();
      for (const [identifier, typed, notice] of cases) {
        const member = await login(t, identifier);
        members.set(identifier, member);
        expect(await sendRecord(member, 2021, typed, notice)).toBe('submitted');
      }
      const queue = (await staff.get('/api/staff/agent-records?year=2021')).json<{
        records: QueueEntry[];
      }>().records;
      expect(Object.fromEntries(queue.map((e) => [e.identifier, e.notices]))).toEqual({
        'IN-000901': 'verifiedConcordant',
        'IN-000902': 'verifiedDifferent',
        'IN-000903': 'invalid',
        'IN-000904': 'noCode',
        'IN-000905': 'verifiedDifferent',
      });
      const different = (
        await staff.get('/api/staff/agent-records?year=2021&notices=verifiedDifferent')
      ).json<{ records: QueueEntry[] }>().records;
      expect(different.map((e) => e.identifier).sort()).toEqual(['IN-000902', 'IN-000905']);
      expect((await staff.get('/api/staff/agent-records?notices=genuine')).status).toBe(400);

      // The Fiche Agent staff read both figures, and who declared, with the tax numbers.
      const id = queue.find((e) => e.identifier === 'IN-000902')?.id ?? '';
      const file = (await staff.get(`/api/staff/agent-records/${id}`)).json<{
        notices: unknown;
        documents: { kind: string; taxNotice: unknown }[];
      }>();
      expect(file.notices).toEqual({
        status: 'verifiedDifferent',
        incomeYear: 2019,
        lines: [
          {
            field: 'taxIncomeEuros',
            typedEuros: 28_000,
            notice: {
              referenceIncomeEuros: 30_000,
              partsHundredths: 100,
              incomeYear: 2019,
              genuine: true,
              reason: null,
            },
            concordant: false,
          },
        ],
      });
      expect(file.documents.find((d) => d.kind === 'taxNotice')?.taxNotice).toMatchObject({
        noticeReference: '2278012345678',
        declarants: [{ name: 'MARTIN CAMILLE', taxNumber: '0123456789012' }],
      });
      // Another sector's staff cannot open it; the member sees the figures, never the numbers.
      expect((await youth.get(`/api/staff/agent-records/${id}`)).status).toBe(403);
      const member = members.get('IN-000902') as Client;
      const own = JSON.stringify((await member.get('/api/me/documents')).json());
      expect(own).toContain('30000');
      expect(own).not.toContain('0123456789012');
      expect(own).not.toContain('declarants');
      expect((await member.get('/api/me/agent-records/2021')).json()).toMatchObject({
        incomeYear: 2019,
        notices: { status: 'verifiedDifferent', lines: [{ typedEuros: 28_000 }] },
      });
    } finally {
      await t.close();
    }
  });

  it('a Fiche of a year no barème covers leaves the queue and the member’s page readable', async () => {
    const t = await testApp({ TRUST_LIST_DIR: trustListDir });
    try {
      const staff = await login(t, 'GEST-FA', 'staff', ['fiche-agent']);
      const member = await login(t, 'IN-000931');
      // Inserm ships no 2022 barème: the year asked for is unknown, the incomes are still compared.
      expect(await sendRecord(member, 2022, 30_000, await noticePdf(2020, 30_000))).toBe(
        'submitted',
      );
      expect((await member.get('/api/me/agent-records/2022')).json()).toMatchObject({
        incomeYear: null,
        notices: { status: 'verifiedConcordant', incomeYear: null },
      });
      const queue = await staff.get('/api/staff/agent-records');
      expect(queue.status).toBe(200);
      expect(queue.json<{ records: QueueEntry[] }>().records).toMatchObject([
        { identifier: 'IN-000931', notices: 'verifiedConcordant' },
      ]);
    } finally {
      await t.close();
    }
  });

  it('reads the spouse’s notice for the CNRS, for the year its pack states', async () => {
    const t = await testApp({ ORGANIZATION: 'cnrs', TRUST_LIST_DIR: trustListDir });
    try {
      const member = await login(t, 'CN-000901');
      // CNRS 2019: « Avis d'imposition 2019 (revenus 2018) ».
      const documentIds = [
        await upload(member, 'taxNotice', await noticePdf(2018, 24_000)),
        await upload(member, 'spouseTaxNotice', await noticePdf(2018, 18_000)),
      ];
      const draft = {
        couple: true,
        memberDisabled: false,
        taxIncomeEuros: 24_000,
        spouseTaxIncomeEuros: 18_500,
        dependants: [
          { relation: 'spouse', lastName: 'Roux', firstName: 'Sam', birthDate: '1980-01-01' },
        ],
        documentIds,
      };
      expect((await member.put('/api/me/agent-records/2019', draft)).status).toBe(200);
      const read = await member.get('/api/me/agent-records/2019');
      expect(read.json()).toMatchObject({
        incomeYear: 2018,
        notices: {
          status: 'verifiedDifferent',
          lines: [
            { field: 'taxIncomeEuros', typedEuros: 24_000, concordant: true },
            {
              field: 'spouseTaxIncomeEuros',
              typedEuros: 18_500,
              notice: { referenceIncomeEuros: 18_000, genuine: true },
              concordant: false,
            },
          ],
        },
      });
      await member.put('/api/me/agent-records/2019', { ...draft, spouseTaxIncomeEuros: 18_000 });
      expect((await member.get('/api/me/agent-records/2019')).json()).toMatchObject({
        notices: { status: 'verifiedConcordant' },
      });
    } finally {
      await t.close();
    }
  });
});

describe('AUTO_VALIDATE_VERIFIED_NOTICES', () => {
  it('validates as sent a renewal whose only change is an income its verified notice proves, with an audit entry; anything else waits', async () => {
    const t = await testApp(
      { TRUST_LIST_DIR: trustListDir, AUTO_VALIDATE_VERIFIED_NOTICES: 'true' },
      withInserm2022(),
    );
    try {
      const staff = await login(t, 'GEST-FA', 'staff', ['fiche-agent']);
      const validated2021 = async (identifier: string) => {
        const member = await login(t, identifier);
        // A first Fiche always waits for a person, even with a verified notice.
        expect(await sendRecord(member, 2021, 30_000, await noticePdf(2019, 30_000))).toBe(
          'submitted',
        );
        const [entry] = (await staff.get('/api/staff/agent-records?year=2021')).json<{
          records: QueueEntry[];
        }>().records;
        expect(
          (await staff.post(`/api/staff/agent-records/${entry?.id ?? ''}/validate`)).status,
        ).toBe(200);
        return member;
      };
      // 2022 asks for the RFR of 2020: the renewal's only change is the income, proven.
      const renewing = await validated2021('IN-000911');
      expect(await sendRecord(renewing, 2022, 31_000, await noticePdf(2020, 31_000))).toBe(
        'validated',
      );
      const [audit] = await t.db.query<{ actor_id: string | null; details: { year: number } }>(
        `SELECT actor_id, details FROM audit_log WHERE action = 'agent_record.auto_validate'`,
      );
      expect(audit).toMatchObject({ actor_id: null, details: { year: 2022 } });
      expect((await renewing.get('/api/me/entitlements/2022')).json()).toMatchObject({
        record: { year: 2022 },
      });
      // A typed income the notice does not prove waits for a person.
      const differing = await validated2021('IN-000912');
      expect(await sendRecord(differing, 2022, 29_000, await noticePdf(2020, 31_000))).toBe(
        'submitted',
      );
    } finally {
      await t.close();
    }
  });

  it('is off by default: the same renewal waits for a person', async () => {
    const t = await testApp({ TRUST_LIST_DIR: trustListDir }, withInserm2022());
    try {
      const staff = await login(t, 'GEST-FA', 'staff', ['fiche-agent']);
      const member = await login(t, 'IN-000921');
      await sendRecord(member, 2021, 30_000, await noticePdf(2019, 30_000));
      const [entry] = (await staff.get('/api/staff/agent-records?year=2021')).json<{
        records: QueueEntry[];
      }>().records;
      await staff.post(`/api/staff/agent-records/${entry?.id ?? ''}/validate`);
      expect(await sendRecord(member, 2022, 31_000, await noticePdf(2020, 31_000))).toBe(
        'submitted',
      );
    } finally {
      await t.close();
    }
  });
});
