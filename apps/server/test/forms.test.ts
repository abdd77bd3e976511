import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, PASSWORD, testApp, type TestApp } from './harness.ts';
import { pdfText } from './pdf-reading.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('generated forms', () => {
  it('pre-fill the administrative subsidy mandate and the non-subsidy certificate from the member’s family', async () => {
    const id = await createUser(t.db, {
      identifier: 'IN-000560',
      firstName: 'Sophie',
      lastName: 'Bernard',
    });
    await t.db.query(
      `INSERT INTO dependants (member_id, relation, last_name, first_name, birth_date) VALUES ($1, 'spouse', 'Bernard', 'Karim', '1980-11-02'), ($1, 'child', 'Bernard', 'Inès', '2012-03-04')`,
      [id],
    );
    const member = t.client();
    await member.login('IN-000560', PASSWORD);

    const mandate = await member.get('/api/me/forms/subvention-administrative.pdf');
    expect(mandate.headers['content-type']).toBe('application/pdf');
    expect((await PDFDocument.load(mandate.body as Buffer)).getPageCount()).toBe(1);
    const mandateText = pdfText(mandate.body as Buffer);
    expect(mandateText).toContain(
      'Je soussigné ou soussignée : Sophie Bernard (identifiant CAES IN-000560)',
    );
    expect(mandateText).toContain('Nom et prénom : Bernard Karim');

    const certificate = pdfText(
      (await member.get('/api/me/forms/attestation-non-subvention.pdf?year=2021')).body as Buffer,
    );
    expect(certificate).toContain('Certifie que M. / Mme : Karim Bernard');
    expect(certificate).toContain('- Bernard Inès');
    expect(certificate).toContain('Attestation annuelle 2021');
    expect(certificate).toContain('[ ] Compétition sportive');

    expect((await t.client().get('/api/me/forms/subvention-administrative.pdf')).status).toBe(401);
  });
});
