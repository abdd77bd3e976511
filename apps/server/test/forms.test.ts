import { inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, PASSWORD, testApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

/** The text a PDF draws: its content streams inflated, each hex string of a Tj decoded (WinAnsi ≈ Latin-1). */
function drawnText(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  const streams = [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((m) => {
    const data = Buffer.from(m[1] ?? '', 'latin1');
    try {
      return inflateSync(data).toString('latin1');
    } catch {
      return data.toString('latin1');
    }
  });
  return (
    streams
      .join('\n')
      .match(/<([0-9A-Fa-f]+)>\s*Tj/g)
      ?.map((tj) => Buffer.from(/<([0-9A-Fa-f]+)>/.exec(tj)?.[1] ?? '', 'hex').toString('latin1'))
      .join('\n') ?? ''
  );
}

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
    const mandateText = drawnText(mandate.body as Buffer);
    expect(mandateText).toContain('Je soussigné(e) : Sophie Bernard (identifiant CAES IN-000560)');
    expect(mandateText).toContain('Nom et prénom : Bernard Karim');

    const certificate = drawnText(
      (await member.get('/api/me/forms/attestation-non-subvention.pdf?year=2021')).body as Buffer,
    );
    expect(certificate).toContain('Certifie que M. / Mme : Karim Bernard');
    expect(certificate).toContain('- Bernard Inès');
    expect(certificate).toContain('Attestation annuelle 2021');
    expect(certificate).toContain('[ ] Compétition sportive');

    expect((await t.client().get('/api/me/forms/subvention-administrative.pdf')).status).toBe(401);
  });
});
