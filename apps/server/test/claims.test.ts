import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  familyWithRecord,
  mailsTo,
  PASSWORD,
  uploadReceipt,
  addDefaultRib,
  festivalClaim,
  testApp,
  validatedRecord,
  type Client,
  type TestApp,
} from './harness.ts';
import { formatCents } from '@entraide/rules';
import { painSchemaErrors } from '../src/modules/claims/sepa-schema.ts';

let t: TestApp;
let staff: Client;
beforeAll(async () => {
  t = await testApp(); // calendar: 2021-04-15
  await createUser(t.db, { identifier: 'GEST-LC', role: 'staff', sectors: ['loisirs-culture'] });
  staff = t.client();
  await staff.login('GEST-LC', PASSWORD);
});
afterAll(() => t.close());

describe('claims and payouts', () => {
  it('a festival ticket: quoted with the 100 € cap, once a year, approved, paid once by a SEPA file, and the ceiling goes down', async () => {
    const { client } = await familyWithRecord(t, {
      identifier: 'IN-000951',
      email: 'festival@example.org',
      taxIncomeEuros: 45_000,
      dependants: [{ relation: 'spouse', firstName: 'Sam', birthDate: '1980-01-01' }],
    });
    const documentIds = [await uploadReceipt(client)];
    const claim = {
      type: 'festival',
      dependantIndex: null,
      organism: 'Les Vieilles Charrues',
      firstDay: '2021-03-10',
      lastDay: '2021-03-12',
      paidCents: 15_000,
      documentIds,
    };
    const preview = (await client.post('/api/me/claims/quote', claim)).json<{
      baseCents: number;
      subsidyCents: number;
      rateBp: number;
      reasons: { code: string }[];
      explanation: unknown[];
    }>();
    expect(preview.baseCents).toBe(10_000);
    expect(preview.reasons.map((r) => r.code)).toContain('base_cap');
    expect(preview.subsidyCents).toBe(Math.round((10_000 * preview.rateBp) / 10_000));
    expect(preview.explanation.length).toBeGreaterThan(2);
    // The estimate needs no receipt; sending does, and says so on its field.
    const withoutReceipt = { ...claim, documentIds: undefined };
    expect(
      (await client.post('/api/me/claims/quote', withoutReceipt)).json<{ subsidyCents: number }>()
        .subsidyCents,
    ).toBe(preview.subsidyCents);
    expect((await client.post('/api/me/claims', withoutReceipt)).json()).toMatchObject({
      issues: [{ path: 'documentIds' }],
    });

    const future = await client.post('/api/me/claims', { ...claim, lastDay: '2021-05-01' });
    expect(future.json()).toMatchObject({
      issues: [
        {
          path: 'lastDay',
          message: 'la demande se fait après le retour : revenez la faire à partir du 01/05/2021',
        },
      ],
    });
    expect(
      (await client.post('/api/me/claims', { ...claim, documentIds: [] })).json(),
    ).toMatchObject({
      issues: [{ path: 'documentIds' }],
    });
    const created = await client.post('/api/me/claims', claim);
    expect(created.status).toBe(201);
    const { id, number } = created.json<{ id: string; number: number }>();
    expect((await client.post('/api/me/claims', claim)).json()).toMatchObject({
      issues: [
        { path: 'type', message: `une seule demande par an : la vôtre porte le n° ${number}` },
      ],
    });

    // Review: the sector's staff only; a partial approval needs its reason.
    await createUser(t.db, { identifier: 'GEST-SP', role: 'staff', sectors: ['sports'] });
    const sports = t.client();
    await sports.login('GEST-SP', PASSWORD);
    expect((await sports.get('/api/staff/claims')).json<{ claims: unknown[] }>().claims).toEqual(
      [],
    );
    expect(
      (await sports.post(`/api/staff/claims/${id}/decision`, { decision: 'approve' })).status,
    ).toBe(403);
    expect(
      (await staff.get('/api/staff/claims'))
        .json<{ claims: { id: string }[] }>()
        .claims.map((c) => c.id),
    ).toEqual([id]);
    expect(
      (
        await staff.post(`/api/staff/claims/${id}/decision`, {
          decision: 'partial',
          amountCents: 1_000,
        })
      ).json(),
    ).toMatchObject({
      issues: [{ path: 'reason' }],
    });
    const approved = await staff.post(`/api/staff/claims/${id}/decision`, { decision: 'approve' });
    expect(approved.json()).toMatchObject({
      status: 'approved',
      approvedCents: preview.subsidyCents,
    });
    expect(
      (await staff.post(`/api/staff/claims/${id}/decision`, { decision: 'reject', reason: 'x' }))
        .status,
    ).toBe(409);
    expect((await mailsTo(t.db, 'festival@example.org')).at(-1)?.text).toContain('est acceptée');
    expect(
      (await client.get('/api/me/entitlements/2021')).json<{
        record: { annualCeilingUsedCents: number };
      }>().record.annualCeilingUsedCents,
    ).toBe(preview.subsidyCents);

    // Payout: only to a default RIB, frozen once exported, never paid twice.
    expect((await staff.post('/api/staff/payouts', { executionDate: '2021-04-20' })).status).toBe(
      409,
    );
    // Its confirmation reads what it would hold; a batch asked for another set is refused.
    expect((await staff.get('/api/staff/payouts/preview')).json()).toEqual({
      claims: [],
      totalCents: 0,
      waitingForAccount: 1,
    });
    await addDefaultRib(client);
    const preparing = (await staff.get('/api/staff/payouts/preview')).json<{
      claims: string[];
      totalCents: number;
      waitingForAccount: number;
    }>();
    expect(preparing).toMatchObject({ totalCents: preview.subsidyCents, waitingForAccount: 0 });
    expect(preparing.claims).toHaveLength(1);
    const stale = await staff.post('/api/staff/payouts', {
      executionDate: '2021-04-20',
      expectedClaims: [],
    });
    expect(stale.status).toBe(409);
    expect(stale.json<{ message: string }>().message).toMatch(
      /^Aucun lot n’a été préparé : les subventions à verser ont changé depuis votre écran \(1 pour /,
    );
    const batch = await staff.post('/api/staff/payouts', {
      executionDate: '2021-04-20',
      expectedClaims: preparing.claims,
    });
    expect(batch.status).toBe(201);
    const payout = batch.json<{ payout: { id: string; reference: string; totalCents: number } }>()
      .payout;
    expect(payout).toMatchObject({
      reference: 'VIR-2021-000001',
      totalCents: preview.subsidyCents,
    });
    for (const early of [
      staff.get(`/api/staff/payouts/${payout.id}/pain.xml`),
      staff.post(`/api/staff/payouts/${payout.id}/sent`, { sentOn: '2021-04-15' }),
    ])
      expect((await early).json()).toMatchObject({ error: 'not_exported' });
    const file = await staff.post(`/api/staff/payouts/${payout.id}/export`);
    const xml = file.body as string;
    expect(file.headers['content-type']).toContain('application/xml');
    expect(xml).toContain('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"');
    const euros = `${Math.floor(preview.subsidyCents / 100)}.${String(preview.subsidyCents % 100).padStart(2, '0')}`;
    expect(xml).toContain(`<InstdAmt Ccy="EUR">${euros}</InstdAmt>`);
    expect(xml).toContain(`<CtrlSum>${euros}</CtrlSum>`);
    expect(xml).toContain('<IBAN>FR7630006000011234567890189</IBAN>');
    expect(xml.match(/<CdtTrfTxInf>/g)).toHaveLength(1);
    // When it was prepared, in the committee's time, as the bank reads a time without offset.
    const [prepared] = await t.db.query<{ at: string }>(
      `SELECT to_char(created_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD"T"HH24:MI:SS') AS at FROM payouts WHERE id = $1`,
      [payout.id],
    );
    expect(xml).toContain(`<CreDtTm>${prepared!.at}</CreDtTm>`);
    // Valid against the official ISO 20022 schema; the validator does refuse a wrong order.
    expect(await painSchemaErrors(xml)).toEqual([]);
    expect(
      await painSchemaErrors(
        xml
          .replace('<PmtMtd>TRF</PmtMtd>', '')
          .replace(
            '<BtchBookg>true</BtchBookg>',
            '<BtchBookg>true</BtchBookg><PmtMtd>TRF</PmtMtd>',
          ),
      ),
    ).toEqual([expect.stringContaining("Element 'BtchBookg': This element is not expected")]);
    expect((await staff.get(`/api/staff/payouts/${payout.id}/pain.xml`)).body).toBe(xml);
    // Exported is not paid: the claim stays approved until a person confirms the bank got it.
    const claimStatus = async () =>
      (await client.get('/api/me/claims')).json<{ claims: { status: string }[] }>().claims[0]
        ?.status;
    expect(await claimStatus()).toBe('approved');
    const mailsBefore = (await mailsTo(t.db, 'festival@example.org')).length;
    expect(
      (await staff.post(`/api/staff/payouts/${payout.id}/sent`, { sentOn: '2022-04-20' })).json(),
    ).toMatchObject({ issues: [{ path: 'sentOn' }] });
    const sent = await staff.post(`/api/staff/payouts/${payout.id}/sent`, {
      sentOn: '2021-04-15',
    });
    expect(sent.json()).toMatchObject({ state: 'sent', sentOn: '2021-04-15' });
    expect(await claimStatus()).toBe('paid');
    const mails = await mailsTo(t.db, 'festival@example.org');
    expect(mails).toHaveLength(mailsBefore + 1);
    expect(mails.at(-1)?.text).toContain('a été transmise à notre banque le 15/04/2021');
    expect(
      (await staff.post(`/api/staff/payouts/${payout.id}/sent`, { sentOn: '2021-04-15' })).json(),
    ).toMatchObject({ error: 'already_sent' });
    expect((await staff.post('/api/staff/payouts', { executionDate: '2021-04-21' })).status).toBe(
      409,
    );
  });

  it('prices a sport event, a child’s train ticket and the car by their own rules, each asking only what it needs', async () => {
    const { client } = await familyWithRecord(t, {
      identifier: 'IN-000952',
      taxIncomeEuros: 30_000,
      dependants: [
        { relation: 'spouse', firstName: 'Sam', birthDate: '1980-01-01' },
        { relation: 'child', firstName: 'Léa', birthDate: '2011-01-01' },
      ],
    });
    const documentIds = [await uploadReceipt(client)];
    const base = { organism: 'Club', firstDay: '2021-03-06', lastDay: '2021-03-07', documentIds };
    const sport = (
      await client.post('/api/me/claims/quote', {
        ...base,
        type: 'sportEvent',
        dependantIndex: null,
        paidCents: 30_000,
      })
    ).json<{ baseCents: number; subsidyCents: number }>();
    expect(sport).toMatchObject({ baseCents: 20_000, subsidyCents: 10_000 });
    const train = (
      await client.post('/api/me/claims/quote', {
        ...base,
        type: 'trainTicket',
        dependantIndex: 1,
        paidCents: 8_350,
      })
    ).json<{ subsidyCents: number }>();
    expect(train.subsidyCents).toBe(8_350);
    const escort = await client.post('/api/me/claims/quote', {
      ...base,
      type: 'escortTrain',
      dependantIndex: 1,
      paidCents: 20_000,
    });
    expect(escort.json()).toMatchObject({
      issues: [{ path: 'roundTrips', message: 'de 1 à 2 allers-retours' }],
    });
    expect(
      (
        await client.post('/api/me/claims/quote', {
          ...base,
          type: 'escortTrain',
          dependantIndex: 1,
          paidCents: 20_000,
          roundTrips: 2,
        })
      ).json(),
    ).toMatchObject({ rateBp: 6_254, subsidyCents: 12_508 });
    const carQuote = (km?: number) =>
      client.post('/api/me/claims/quote', {
        ...base,
        type: 'carKm',
        dependantIndex: 1,
        paidCents: 5_000,
        ...(km === undefined ? {} : { km }),
      });
    // No distance, or one with a decimal: what to type, with an example, on the field.
    for (const km of [undefined, 120.5])
      expect((await carQuote(km)).json(), String(km)).toMatchObject({
        issues: [
          {
            path: 'km',
            message: 'indiquez les kilomètres parcourus, en chiffres entiers, par exemple 120',
          },
        ],
      });
    // The 2021 barème has no rate per kilometre (SPEC: 0,10 €/km from 2023): said, not guessed.
    const car = await carQuote(300);
    expect(car.status).toBe(422);
    expect(car.json<{ message: string }>().message).toContain('ownTransport');
    expect(
      (
        await client.post('/api/me/claims', {
          ...base,
          type: 'sportEvent',
          dependantIndex: null,
          paidCents: 30_000,
        })
      ).status,
    ).toBe(201);
  });

  it('prices a youth’s stay abroad: 14 days at least, its travel within 1 000 € a year', async () => {
    const { client } = await familyWithRecord(t, {
      identifier: 'IN-000953',
      taxIncomeEuros: 30_000,
      dependants: [{ relation: 'child', firstName: 'Noa', birthDate: '2005-06-01' }],
    });
    const documentIds = [await uploadReceipt(client)];
    const abroad = {
      type: 'youthAbroad',
      dependantIndex: 0,
      organism: 'EF Dublin',
      firstDay: '2021-01-04',
      lastDay: '2021-01-17',
      paidCents: 150_000,
      travelCents: 80_000,
      documentIds,
    };
    const tooShort = await client.post('/api/me/claims/quote', {
      ...abroad,
      lastDay: '2021-01-10',
    });
    expect(tooShort.json()).toMatchObject({
      issues: [
        {
          path: 'lastDay',
          message:
            'un séjour à l’étranger dure au moins 14 jours : vérifiez la date de retour, au plus tôt le 17/01/2021',
        },
      ],
    });
    const first = await client.post('/api/me/claims', abroad);
    expect(first.json<{ quote: { transportCents: number } }>().quote.transportCents).toBe(80_000);
    const second = (
      await client.post('/api/me/claims/quote', {
        ...abroad,
        firstDay: '2021-02-01',
        lastDay: '2021-02-14',
        travelCents: 50_000,
      })
    ).json<{ transportCents: number }>();
    expect(second.transportCents).toBe(20_000);
  });

  it('approves several claims at once, each at its own amount, and says which it left and why', async () => {
    const ids = await Promise.all(
      [0, 1].map(async (i) => {
        const { client } = await familyWithRecord(t, {
          identifier: `IN-00096${i}`,
          taxIncomeEuros: 30_000 + i * 20_000,
          dependants: [],
        });
        const claim = await client.post(
          '/api/me/claims',
          festivalClaim([await uploadReceipt(client)]),
        );
        return claim.json<{ id: string; number: number }>();
      }),
    );
    const [first, second] = ids;
    const quotes = (await staff.get('/api/staff/claims')).json<{
      claims: { id: string; quote: { subsidyCents: number } }[];
    }>().claims;
    const quoted = (id: string | undefined) => quotes.find((c) => c.id === id)?.quote.subsidyCents;
    expect(quoted(first?.id)).not.toBe(quoted(second?.id));

    expect(
      (await staff.post('/api/staff/claims/approvals', { claimIds: [] })).json(),
    ).toMatchObject({
      issues: [{ path: 'claimIds', message: 'cochez au moins une demande à accorder' }],
    });
    // Another sector's staff approve nothing of this one.
    await createUser(t.db, { identifier: 'GEST-SP-BULK', role: 'staff', sectors: ['sports'] });
    const sports = t.client();
    await sports.login('GEST-SP-BULK', PASSWORD);
    expect(
      (await sports.post('/api/staff/claims/approvals', { claimIds: [first?.id] })).json(),
    ).toEqual({
      done: [],
      skipped: [{ id: first?.id, message: 'Cette demande n’est pas de vos secteurs.' }],
    });

    const unknown = '00000000-0000-4000-8000-000000000000';
    const done = await staff.post('/api/staff/claims/approvals', {
      claimIds: [first?.id, second?.id, unknown],
    });
    expect(done.json()).toEqual({
      done: [
        { id: first?.id, number: first?.number, approvedCents: quoted(first?.id) },
        { id: second?.id, number: second?.number, approvedCents: quoted(second?.id) },
      ],
      skipped: [{ id: unknown, message: 'Demande introuvable.' }],
    });
    const again = await staff.post('/api/staff/claims/approvals', { claimIds: [first?.id] });
    expect(again.json<{ skipped: { message: string }[] }>().skipped[0]?.message).toBe(
      'Cette demande a déjà reçu une réponse.',
    );
  });
});

describe('the staff queue at a committee’s size', () => {
  it('shows the 500 claims waiting longest, and how many wait in all', async () => {
    const { client } = await familyWithRecord(t, {
      identifier: 'IN-000958',
      taxIncomeEuros: 30_000,
      dependants: [],
    });
    const sent = await client.post('/api/me/claims', festivalClaim([await uploadReceipt(client)]));
    const { id } = sent.json<{ id: string }>();
    // 520 more of the same, sent over the days before it (the same member: only the count matters).
    await t.db.query(
      `INSERT INTO claims (member_id, record_id, year, type, sector, participant, participant_key, details, document_ids, quote, created_at)
       SELECT member_id, record_id, year, type, sector, participant, participant_key, details, document_ids, quote,
              created_at - i * interval '1 hour'
         FROM claims, generate_series(1, 520) AS i WHERE id = $1`,
      [id],
    );
    try {
      const queue = (await staff.get('/api/staff/claims')).json<{
        claims: { id: string; createdAt: string }[];
        waiting: number;
      }>();
      expect(queue.waiting).toBe(521);
      expect(queue.claims).toHaveLength(500);
      const times = queue.claims.map((c) => Date.parse(c.createdAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      // The oldest first: the claim sent last is among the 21 left for later.
      expect(queue.claims.map((c) => c.id)).not.toContain(id);
    } finally {
      await t.db.query(
        'DELETE FROM claims WHERE member_id = (SELECT member_id FROM claims WHERE id = $1)',
        [id],
      );
    }
  });
});

describe('an approval of an amount that changed since the desk read it', () => {
  /** A household's festival claim, then its Fiche validated again with a higher income. */
  async function claimThenRenewal(identifier: string) {
    const household = { taxIncomeEuros: 30_000, dependants: [] };
    const { id: memberId, client } = await familyWithRecord(t, { identifier, ...household });
    const claim = (
      await client.post('/api/me/claims', festivalClaim([await uploadReceipt(client)]))
    ).json<{ id: string; number: number; quote: { subsidyCents: number } }>();
    // A lower rate for what is decided from now on.
    await validatedRecord(t.db, t.config, memberId, { ...household, taxIncomeEuros: 90_000 });
    return claim;
  }
  const queued = async (id: string) =>
    (await staff.get('/api/staff/claims'))
      .json<{ claims: { id: string; status: string; quote: { subsidyCents: number } }[] }>()
      .claims.find((c) => c.id === id);

  it('decides nothing, says the new amount, and the claim shows it for the next approval', async () => {
    const claim = await claimThenRenewal('IN-000957');
    const shown = claim.quote.subsidyCents;
    const refused = await staff.post(`/api/staff/claims/${claim.id}/decision`, {
      decision: 'approve',
      expectedCents: shown,
    });
    expect(refused.status).toBe(409);
    const now = (await queued(claim.id))?.quote.subsidyCents ?? 0;
    expect(now).toBeLessThan(shown);
    expect(refused.json<{ message: string }>().message).toBe(
      `Rien n’a été accordé : la demande n° ${String(claim.number)} donne maintenant ${formatCents(now)}, et non ${formatCents(shown)} comme à votre écran (le foyer a reçu d’autres subventions depuis, ou sa Fiche Agent a été validée de nouveau). Elle affiche le nouveau montant : vérifiez-le, puis accordez-la.`,
    );
    expect((await queued(claim.id))?.status).toBe('submitted');
    const approved = await staff.post(`/api/staff/claims/${claim.id}/decision`, {
      decision: 'approve',
      expectedCents: now,
    });
    expect(approved.json()).toMatchObject({ status: 'approved', approvedCents: now });
  });

  it('ticked among others, that one is left and says why; approved at its new amount next', async () => {
    const claim = await claimThenRenewal('IN-000956');
    const bulk = (expectedCents: number) =>
      staff.post('/api/staff/claims/approvals', {
        claimIds: [claim.id],
        expectedCents: { [claim.id]: expectedCents },
      });
    expect((await bulk(claim.quote.subsidyCents)).json()).toEqual({
      done: [],
      skipped: [
        { id: claim.id, message: expect.stringContaining('Rien n’a été accordé') as unknown },
      ],
    });
    const now = (await queued(claim.id))?.quote.subsidyCents ?? 0;
    expect(now).toBeLessThan(claim.quote.subsidyCents);
    expect((await bulk(now)).json()).toEqual({
      done: [{ id: claim.id, number: claim.number, approvedCents: now }],
      skipped: [],
    });
  });
});

describe('a payout batch cancelled before the bank received it', () => {
  it('says why, puts its claims back for the next batch, and is never exported, sent or cancelled again', async () => {
    const { client } = await familyWithRecord(t, {
      identifier: 'IN-000959',
      taxIncomeEuros: 30_000,
      dependants: [],
    });
    await addDefaultRib(client);
    const sent = await client.post('/api/me/claims', festivalClaim([await uploadReceipt(client)]));
    const claimId = sent.json<{ id: string }>().id;
    await staff.post(`/api/staff/claims/${claimId}/decision`, { decision: 'approve' });
    const batchOf = async (executionDate: string) =>
      (await staff.post('/api/staff/payouts', { executionDate })).json<{
        payout: { id: string; reference: string };
      }>().payout;
    const first = await batchOf('2021-04-20');
    const cancel = (body: Record<string, unknown>) =>
      staff.post(`/api/staff/payouts/${first.id}/cancellation`, body);

    expect((await cancel({})).json()).toMatchObject({
      issues: [
        {
          path: 'reason',
          message:
            'indiquez le motif, il est gardé au journal des actions (par exemple « fichier rejeté par la banque »)',
        },
      ],
    });
    // Exported by another desk while this one read it prepared: refused, nothing changed.
    await staff.post(`/api/staff/payouts/${first.id}/export`);
    const stale = await cancel({ reason: 'Lot préparé par erreur', expectedState: 'prepared' });
    expect(stale.status).toBe(409);
    expect(stale.json<{ message: string }>().message).toBe(
      `Le lot ${first.reference} n’a pas été annulé : son fichier a été exporté depuis votre écran. Relisez la confirmation, puis annulez-le si la banque ne l’a pas reçu.`,
    );
    const done = await cancel({
      reason: 'Fichier rejeté par la banque',
      expectedState: 'exported',
    });
    expect(done.json()).toMatchObject({
      state: 'cancelled',
      cancellationReason: 'Fichier rejeté par la banque',
    });
    const listed = (await staff.get('/api/staff/payouts'))
      .json<{ payouts: { id: string; state: string }[] }>()
      .payouts.find((p) => p.id === first.id);
    expect(listed?.state).toBe('cancelled');
    for (const refused of [
      staff.post(`/api/staff/payouts/${first.id}/export`),
      staff.get(`/api/staff/payouts/${first.id}/pain.xml`),
      staff.post(`/api/staff/payouts/${first.id}/sent`, { sentOn: '2021-04-15' }),
      cancel({ reason: 'Encore' }),
    ])
      expect((await refused).json()).toMatchObject({
        error: 'payout_cancelled',
        message: `Le lot ${first.reference} est annulé : ses subventions attendent un prochain lot.`,
      });
    const [audit] = await t.db.query<{ details: { claims: string[]; reason: string } }>(
      `SELECT details FROM audit_log WHERE action = 'payout.cancel' AND subject_id = $1`,
      [first.id],
    );
    expect(audit?.details).toMatchObject({
      claims: [claimId],
      reason: 'Fichier rejeté par la banque',
    });

    // The claim waits again and goes into the next batch, which pays it once.
    expect(
      (await staff.get('/api/staff/payouts/preview')).json<{ claims: string[] }>().claims,
    ).toContain(claimId);
    const second = await batchOf('2021-04-21');
    expect(second.reference).not.toBe(first.reference);
    const xml = (await staff.post(`/api/staff/payouts/${second.id}/export`)).body as string;
    expect(xml).toContain('<IBAN>FR7630006000011234567890189</IBAN>');
    await staff.post(`/api/staff/payouts/${second.id}/sent`, { sentOn: '2021-04-15' });
    expect(
      (await client.get('/api/me/claims'))
        .json<{ claims: { id: string; status: string }[] }>()
        .claims.find((c) => c.id === claimId)?.status,
    ).toBe('paid');
    const late = await staff.post(`/api/staff/payouts/${second.id}/cancellation`, {
      reason: 'Trop tard',
    });
    expect(late.status).toBe(409);
    expect(late.json()).toMatchObject({ error: 'already_sent' });
  });
});
