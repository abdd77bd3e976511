// Tax notices for tests: a 2D-DOC drawn as a DataMatrix (zxing-wasm's writer) and put in a PDF
// like the tax site's — never a real person's notice.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { prepareZXingModule, writeBarcode } from 'zxing-wasm/writer';

/** The ANTS specification's specimen of a type-28 notice. */
export const SPECIMEN =
  'DC04FR000001FFFF25472801FR432,75\u001d44227801234567845202146RETI PATRICK\u001d4A310720224Y145 RUE JULLIARD/ZASPECIMEN/78320/LEVIS STNOM\u001d4163198\u001d47300112345678948RETISOPHIE\u001d4907019877654324V3542\u001d4X3724\u001d4Z182\u001d\u001fMA2KMBNBSV5WZB6RC5TEP7OCQ2GW7JV2AIYGRCWCOZHM4DMTKPV3SWB2OL25JEW4QUYKTW3HIRALV3XSGWKRVGW7DYQUTW5THUCW4PQ';

const wasm = readFileSync(
  createRequire(import.meta.url).resolve('zxing-wasm/writer/zxing_writer.wasm'),
);
prepareZXingModule({
  overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) },
});

/** A DataMatrix of `text`, as a PNG, `scale` pixels a module. */
export async function dataMatrix(text: string, scale = 4): Promise<Buffer> {
  const written = await writeBarcode(text, { format: 'DataMatrix', scale });
  if (!written.image) throw new Error(written.error);
  return Buffer.from(await written.image.arrayBuffer());
}

/** A one-page PDF with a title and `image` (PNG or JPEG) where the tax site puts its code. */
export async function pdfWith(image: Buffer, kind: 'png' | 'jpg'): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const sheet = pdf.addPage([595, 842]);
  sheet.drawText('Avis d impot 2022 sur les revenus 2021', {
    x: 50,
    y: 780,
    font: await pdf.embedFont(StandardFonts.Helvetica),
  });
  const embedded = kind === 'png' ? await pdf.embedPng(image) : await pdf.embedJpg(image);
  sheet.drawImage(embedded, { x: 420, y: 60, width: 120, height: 120 });
  return Buffer.from(await pdf.save());
}

/** A type-28 notice's text for `incomeYear` with the RFR `income` (unsigned: add signAs). */
export const noticeText = (incomeYear: number, income: number, certificate = 'FR990001') =>
  `DC04${certificate}FFFF25472801FR431\u001d44227801234567845${String(incomeYear)}46MARTIN CAMILLE\u001d4701234567890124A3107202341${String(income)}\u001d`;
