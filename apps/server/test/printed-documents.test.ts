// Issue 14, point 14: every document the committee prints — invoice, credit note, deposit slip,
// member card, pre-filled forms, request form, participants' list — is rendered to an image and
// read back as text: the committee's identity is on it, every French character and sign prints
// (no "?" nor replacement character), and the pages are numbered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, PASSWORD, testApp, type Client, type TestApp } from './harness.ts';
import { pdfFirstPagePng, pdfText } from './pdf-reading.ts';
import { book, family, openPlaces } from './place-fixtures.ts';

let t: TestApp;
let staff: Client;
beforeAll(async () => {
  t = await testApp(); // calendar: 2021-04-15
  await createUser(t.db, { identifier: 'GEST-PRINT', role: 'admin' });
  staff = t.client();
  await staff.login('GEST-PRINT', PASSWORD);
});
afterAll(() => t.close());

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A document as a reader gets it: rendered (a real PNG), and its text, normalised spaces. */
async function read(client: Client, url: string): Promise<string> {
  const answer = await client.get(url);
  expect(answer.headers['content-type'], url).toBe('application/pdf');
  const bytes = answer.body as Buffer;
  const png = pdfFirstPagePng(bytes);
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE), url).toBe(true);
  expect(png.length, url).toBeGreaterThan(2_000);
  const text = pdfText(bytes).replace(/[ \u00a0\u202f]+/g, ' ');
  // A sign the font lacks would print as "?" glued to its word (French spaces a real "?").
  expect(text, url).not.toMatch(/\uFFFD|\S\?/u);
  return text;
}

describe('printed documents', () => {
  it('carry the committee’s identity, print every French sign, and number their pages', async () => {
    const [session] = await openPlaces(t, staff, [
      { firstDay: '2021-07-05', lastDay: '2021-07-18', priceCents: 200_000 },
    ]);
    const { client } = await family(t, 45_000);
    const booked = (await book(client, session ?? '', 'Lyon')).json<{ id: string }>();
    const [view] = (await client.get('/api/me/invoices')).json<{
      invoices: { invoice: { id: string; reference: string; subsidyCents: number } }[];
    }>().invoices;
    const invoice = view?.invoice;
    await staff.request(
      'POST',
      '/api/staff/payments',
      {
        invoiceId: invoice?.id,
        method: 'cheque',
        amountCents: 10_000,
        receivedOn: '2021-04-15',
        chequeNumber: '0012345',
      },
      { 'idempotency-key': 'impression-1' },
    );

    const invoiceText = await read(client, `/api/me/invoices/${invoice?.id ?? ''}/pdf`);
    for (const expected of [
      'CAES de l’Inserm',
      '101 rue de Tolbiac, 75654 Paris Cedex 13',
      `Facture ${invoice?.reference ?? ''}`,
      'Émise le',
      'Échéance',
      'Désignation',
      // The subsidy as a deduction, with a real minus sign.
      `Subventions du comité déduites −${(invoice?.subsidyCents ?? 0) / 100}`.replace('.', ','),
      'Chèque n° 0012345',
      'TVA non applicable, article 261-7-1° du CGI',
      'page 1 / 1',
    ])
      expect(invoiceText).toContain(expected);

    const slip = (
      await staff.post('/api/staff/deposit-slips', { depositedOn: '2021-04-30' })
    ).json<{ id: string; reference: string }>();
    expect(await read(staff, `/api/staff/deposit-slips/${slip.id}/pdf`)).toContain(
      `Bordereau de remise de chèques ${slip.reference}`,
    );
    expect(await read(client, '/api/me/card.pdf')).toContain('Carte adhérent');
    expect(await read(client, '/api/me/forms/subvention-administrative.pdf')).toContain(
      'J’atteste sur l’honneur',
    );
    expect(await read(client, `/api/me/registrations/${booked.id}/form.pdf`)).toContain(
      'Demande d’inscription n°',
    );
    expect(await read(staff, `/api/staff/sessions/${session ?? ''}/participants.pdf`)).toContain(
      'Liste des participants',
    );

    const cancelled = await staff.post(`/api/staff/registrations/${booked.id}/cancel`, {
      organismFeeCents: 0,
      justified: true,
    });
    const credit = cancelled.json<{ creditNote: { id: string; reference: string } }>().creditNote;
    const creditText = await read(staff, `/api/staff/invoices/${credit.id}/pdf`);
    expect(creditText).toContain(`Avoir ${credit.reference}`);
    expect(creditText).toContain(`Cet avoir annule la facture ${invoice?.reference ?? ''}`);
  });
});
