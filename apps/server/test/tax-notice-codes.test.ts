// The 2D-DOC found in what a member uploads: a phone photo (JPEG, tilted, on a page), a scan
// (PNG), and the tax site's PDF with the code as an image inside (raw pixels or JPEG).
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createDeflate, deflateSync } from 'node:zlib';
import { read2dDoc, taxNotice } from '@entraide/twoddoc';
import { signAs, testAuthority, testSigner, testTrustList } from '@entraide/twoddoc/testing';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { find2dDocs } from '../src/modules/tax-notices/code-finder.ts';
import { createUser, PASSWORD, testApp } from './harness.ts';
import { dataMatrix, noticeText, pdfWith, SPECIMEN } from './tax-notice-fixtures.ts';

let code: Buffer;
beforeAll(async () => {
  code = await dataMatrix(SPECIMEN);
});

/** The code on an A4 page with a margin, as a scan would be. */
const page = () =>
  sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#ffffff' } })
    .composite([{ input: code, left: 900, top: 1400 }])
    .png()
    .toBuffer();

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

  it('reads in a thread of its own: the node answers its other requests meanwhile', async () => {
    // A 16 MP scan of a page without its code: zxing searches all of it (0,2 s on this machine),
    // which held the node's own thread and every request with it.
    const side = 4_000;
    const page = await sharp(Buffer.alloc(side * side, 200), {
      raw: { width: side, height: side, channels: 1 },
    })
      .png()
      .toBuffer();
    // The longest the event loop went without turning while the page was read.
    let longest = 0;
    let last = performance.now();
    let reading = true;
    const turn = () => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      if (reading) setTimeout(turn, 2);
    };
    setTimeout(turn, 2);
    const began = performance.now();
    expect(await find2dDocs(page)).toEqual([]);
    reading = false;
    turn();
    expect(longest).toBeLessThan((performance.now() - began) / 2);
  });

  it('finds nothing in a PDF without a code, and ignores a code that is not a 2D-DOC', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]);
    expect(await find2dDocs(await pdf.save())).toEqual([]);
    expect(await find2dDocs(await dataMatrix('https://example.org'))).toEqual([]);
  });
});

/** `size` zero bytes, deflated a chunk at a time (never the whole in memory): a PDF's pixels. */
async function deflatedZeros(size: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const chunk = Buffer.alloc(1 << 24);
  for (let left = size; left > 0; left -= chunk.length)
    deflate.write(chunk.subarray(0, Math.min(left, chunk.length)));
  await new Promise((resolve) => deflate.end(resolve));
  return Buffer.concat(chunks);
}

/** An image of `pdf` that says it is `width` × `height` gray pixels, and holds `pixels`. */
const addGrayImage = (pdf: PDFDocument, pixels: Buffer, width: number, height: number) =>
  pdf.context.register(
    pdf.context.stream(pixels, {
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 8,
      Filter: 'FlateDecode',
    }),
  );

/** A PDF whose one image says it is `width` × `height` gray pixels, and holds `pixels`. */
async function pdfOfPixels(pixels: Buffer, width: number, height: number): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]);
  addGrayImage(pdf, pixels, width, height);
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

describe('a file that decodes to gigabytes (a "decompression bomb")', () => {
  /** What a process of its own finds in `file`, and its peak memory. */
  const readAlone = async (file: Buffer) => {
    const path = join(mkdtempSync(join(tmpdir(), 'entraide-bomb-')), 'upload');
    writeFileSync(path, file);
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      join(import.meta.dirname, 'notice-reading-peak.ts'),
      path,
    ]);
    return JSON.parse(stdout) as { codes: string[]; refused?: string; peakMegabytes: number };
  };

  it('is not decoded, while a large photo is shrunk and read: the process stays as small', async () => {
    // 300 MB of pixels in 0,3 MB: said to be 17 321 × 17 321, or 1 000 × 1 000 with more rows.
    const pixels = await deflatedZeros(300_000_000);
    // 121 MP of gray in 0,7 MB of JPEG: decoded, zxing's memory grew to 410 MB and stayed.
    const jpeg = await sharp({
      create: { width: 11_000, height: 11_000, channels: 3, background: '#808080' },
    })
      .greyscale()
      .jpeg({ quality: 10 })
      .toBuffer();
    // A 24 MP photo of the page: shrunk to 16 MP before zxing reads it.
    const photo = await sharp(await page())
      .resize({ width: 4_100 })
      .jpeg({ quality: 80 })
      .toBuffer();
    const [alone, ...read] = await Promise.all([
      readAlone(await page()),
      readAlone(await pdfOfPixels(pixels, 17_321, 17_321)),
      readAlone(await pdfOfPixels(pixels, 1_000, 1_000)),
      readAlone(jpeg),
      readAlone(photo),
    ]);
    expect(alone.codes).toEqual([SPECIMEN]);
    expect(read.map(({ codes }) => codes)).toEqual([[], [], [], [SPECIMEN]]);
    expect(read[2].refused).toMatch(/^Cette image compte 121 millions de pixels, plus que les 100/);
    for (const { peakMegabytes } of read)
      expect(peakMegabytes).toBeLessThan(alone.peakMegabytes + 150);
  });
});

describe('a PDF of many images', () => {
  /** A PDF of white square images of these sides, the notice's code, then `after` more. */
  async function pdfOfImages(before: number[], after: number[] = []): Promise<Buffer> {
    const pdf = await PDFDocument.create();
    const sheet = pdf.addPage([595, 842]);
    const add = (side: number) =>
      addGrayImage(pdf, deflateSync(Buffer.alloc(side * side, 255)), side, side);
    before.forEach(add);
    sheet.drawImage(await pdf.embedPng(code), { x: 420, y: 60, width: 120, height: 120 });
    after.forEach(add);
    return Buffer.from(await pdf.save({ useObjectStreams: false }));
  }
  const times = (count: number, side: number) => Array<number>(count).fill(side);

  it('is read up to its 20th image and 32 MP in all: thousands would hold the node for minutes', async () => {
    expect(await find2dDocs(await pdfOfImages(times(19, 1_000), times(30, 1_000)))).toEqual([
      SPECIMEN,
    ]);
    expect(await find2dDocs(await pdfOfImages(times(20, 100)))).toEqual([]);
    // Two pages scanned at 16 MP spend the pixels: a code after them is not read.
    expect(await find2dDocs(await pdfOfImages(times(2, 4_000)))).toEqual([]);
    // 16 and 11,6 MP read, a third 16 MP page skipped (beyond the 32 MP), the code after it read.
    expect(await find2dDocs(await pdfOfImages([4_000, 3_400, 4_000]))).toEqual([SPECIMEN]);
  });
});

describe('POST /api/me/tax-notice-readings', () => {
  it('reads the figures of the notice a member sends; unchecked, as the specimen’s test authority is in no list', async () => {
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
        reason:
          'L’autorité FR00 n’est pas dans la liste de confiance de l’ANTS installée (n° 22) : l’avis est lu ; un gestionnaire le vérifiera, vous n’avez rien à refaire.',
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
      // A photo whose header says 12 000 × 10 000 pixels: told its size, never decoded.
      const photo = await sharp(await page())
        .jpeg()
        .toBuffer();
      const frame = photo.indexOf(Buffer.from([0xff, 0xc0]));
      photo.writeUInt16BE(10_000, frame + 5);
      photo.writeUInt16BE(12_000, frame + 7);
      const huge = await member.upload('/api/me/tax-notice-readings', photo);
      expect(huge.status).toBe(422);
      expect(huge.json<{ message: string }>().message).toBe(
        'Cette image compte 120 millions de pixels, plus que les 100 millions que nous lisons : envoyez-la en plus petit (par exemple depuis votre téléphone, « taille moyenne »).',
      );
      // Sent as the Fiche's tax notice, it is read as it arrives and kept with its figures.
      const kept = await member.upload(
        '/api/me/documents?kind=taxNotice&name=avis.pdf',
        await pdfWith(code, 'png'),
      );
      const figures = {
        referenceIncomeEuros: 63_198,
        partsHundredths: 275,
        incomeYear: 2021,
        genuine: null,
        reason:
          'L’autorité FR00 n’est pas dans la liste de confiance de l’ANTS installée (n° 22) : l’avis est lu ; un gestionnaire le vérifiera, vous n’avez rien à refaire.',
      };
      expect(kept.json()).toMatchObject({ kind: 'taxNotice', taxNotice: figures });
      const payslip = await member.upload(
        '/api/me/documents?kind=payslip&name=bulletin.pdf',
        await pdfWith(code, 'png'),
      );
      expect(payslip.json()).toMatchObject({ kind: 'payslip', taxNotice: null });
      expect((await member.get('/api/me/documents')).json()).toMatchObject({
        documents: [
          { kind: 'payslip', taxNotice: null },
          { kind: 'taxNotice', taxNotice: figures },
        ],
      });
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
      const genuine = await signAs(signer, noticeText(2022, 32_500));
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
