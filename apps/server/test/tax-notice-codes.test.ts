// The 2D-DOC found in what a member uploads: a phone photo (JPEG, tilted, on a page), a scan
// (PNG), and the tax site's PDF with the code as an image inside (raw pixels or JPEG).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { read2dDoc, taxNotice } from '@entraide/twoddoc';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareZXingModule, writeBarcode } from 'zxing-wasm/writer';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signAs, testAuthority, testSigner, testTrustList } from '@entraide/twoddoc/testing';
import { find2dDocs } from '../src/modules/tax-notices/code-finder.ts';
import { createUser, PASSWORD, testApp } from './harness.ts';

/** The ANTS specification's specimen of a type-28 notice (no real person). */
const SPECIMEN =
  'DC04FR000001FFFF25472801FR432,75\u001d44227801234567845202146RETI PATRICK\u001d4A310720224Y145 RUE JULLIARD/ZASPECIMEN/78320/LEVIS STNOM\u001d4163198\u001d47300112345678948RETISOPHIE\u001d4907019877654324V3542\u001d4X3724\u001d4Z182\u001d\u001fMA2KMBNBSV5WZB6RC5TEP7OCQ2GW7JV2AIYGRCWCOZHM4DMTKPV3SWB2OL25JEW4QUYKTW3HIRALV3XSGWKRVGW7DYQUTW5THUCW4PQ';

let code: Buffer;
/** A DataMatrix of `text`, as a PNG. */
async function dataMatrix(text: string): Promise<Buffer> {
  const written = await writeBarcode(text, { format: 'DataMatrix', scale: 4 });
  if (!written.image) throw new Error(written.error);
  return Buffer.from(await written.image.arrayBuffer());
}
beforeAll(async () => {
  const wasm = readFileSync(
    createRequire(import.meta.url).resolve('zxing-wasm/writer/zxing_writer.wasm'),
  );
  prepareZXingModule({
    overrides: {
      wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength),
    },
  });
  code = await dataMatrix(SPECIMEN);
});

/** The code on an A4 page with a margin, as a scan would be. */
const page = () =>
  sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#ffffff' } })
    .composite([{ input: code, left: 900, top: 1400 }])
    .png()
    .toBuffer();

async function pdfWith(image: Buffer, kind: 'png' | 'jpg'): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const sheet = pdf.addPage([595, 842]);
  sheet.drawText('Avis d’impôt 2022 sur les revenus 2021'.replace('’', "'"), {
    x: 50,
    y: 780,
    font: await pdf.embedFont(StandardFonts.Helvetica),
  });
  const embedded = kind === 'png' ? await pdf.embedPng(image) : await pdf.embedJpg(image);
  sheet.drawImage(embedded, { x: 420, y: 60, width: 120, height: 120 });
  return Buffer.from(await pdf.save());
}

const figures = (found: string[]) =>
  found.map((text) => taxNotice(read2dDoc(text)).referenceIncomeEuros);

describe('finding the 2D-DOC of a tax notice', () => {
  it('in a scan (PNG) and in a phone photo (JPEG, tilted, smaller)', async () => {
    expect(await find2dDocs(await page())).toEqual([SPECIMEN]);
    const photo = await sharp(await page())
      .rotate(4, { background: '#f4f1ea' })
      .resize({ width: 1100 })
      .jpeg({ quality: 80 })
      .toBuffer();
    expect(figures(await find2dDocs(photo))).toEqual([63_198]);
  });

  it('in the tax site’s PDF, whatever the image inside: raw pixels or JPEG', async () => {
    expect(await find2dDocs(await pdfWith(code, 'png'))).toEqual([SPECIMEN]);
    const jpeg = await sharp(code).jpeg({ quality: 90 }).toBuffer();
    expect(figures(await find2dDocs(await pdfWith(jpeg, 'jpg')))).toEqual([63_198]);
  });

  it('finds nothing in a PDF without a code, and ignores a code that is not a 2D-DOC', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]);
    expect(await find2dDocs(await pdf.save())).toEqual([]);
    expect(await find2dDocs(await dataMatrix('https://example.org'))).toEqual([]);
  });
});

describe('POST /api/me/tax-notice-readings', () => {
  it('reads the figures of the notice a member sends; says it is unchecked without a trust list', async () => {
    const t = await testApp();
    try {
      await createUser(t.db, { identifier: 'IN-000771' });
      const member = t.client();
      expect(
        (await member.upload('/api/me/tax-notice-readings', await pdfWith(code, 'png'))).status,
      ).toBe(401);
      await member.login('IN-000771', PASSWORD);
      const read = await member.upload('/api/me/tax-notice-readings', await pdfWith(code, 'png'));
      expect(read.status).toBe(200);
      expect(read.json()).toMatchObject({
        notice: { partsHundredths: 275, referenceIncomeEuros: 63_198, incomeYear: 2021 },
        genuine: null,
        reason: 'La liste de confiance de l’ANTS n’est pas installée : l’avis est lu, pas vérifié.',
      });
      const blank = await PDFDocument.create();
      blank.addPage();
      const none = await member.upload(
        '/api/me/tax-notice-readings',
        Buffer.from(await blank.save()),
      );
      expect(none.status).toBe(422);
      expect(none.json<{ message: string }>().message).toMatch(/^Aucun code 2D-DOC n’a été trouvé/);
      expect((await member.upload('/api/me/tax-notice-readings', Buffer.alloc(0))).status).toBe(
        400,
      );
    } finally {
      await t.close();
    }
  });

  it('with the trust list installed, tells a genuine notice from an altered one', async () => {
    const authority = await testAuthority('FR99');
    const signer = await testSigner(authority, '0001');
    const dir = mkdtempSync(join(tmpdir(), 'entraide-trust-'));
    writeFileSync(
      join(dir, 'trust-list.json'),
      JSON.stringify(testTrustList('FR99', authority, { '0001': signer })),
    );
    const t = await testApp({ TRUST_LIST_DIR: dir });
    try {
      await createUser(t.db, { identifier: 'IN-000772' });
      const member = t.client();
      await member.login('IN-000772', PASSWORD);
      const genuine = await signAs(
        signer,
        'DC04FR990001FFFF25472801FR431\u001d44227801234567845202246MARTIN CAMILLE\u001d4A3107202341\u001d4132500\u001d',
      );
      const photo = (text: string) =>
        dataMatrix(text).then((png) =>
          sharp(png)
            .extend({ top: 40, bottom: 40, left: 40, right: 40, background: '#ffffff' })
            .jpeg({ quality: 90 })
            .toBuffer(),
        );
      const good = await member.upload(
        '/api/me/tax-notice-readings',
        await photo(genuine),
        'image/jpeg',
      );
      expect(good.json()).toMatchObject({
        notice: { referenceIncomeEuros: 32_500, partsHundredths: 100 },
        genuine: true,
        reason: null,
      });
      const altered = await member.upload(
        '/api/me/tax-notice-readings',
        await photo(genuine.replace('4132500', '4112500')),
        'image/jpeg',
      );
      expect(altered.json()).toMatchObject({
        notice: { referenceIncomeEuros: 12_500 },
        genuine: false,
        reason: 'signature invalide : le code a été modifié, ou un autre certificat l’a signé',
      });
    } finally {
      await t.close();
    }
  });
});
