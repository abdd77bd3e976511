// How long finding and reading a tax notice's 2D-DOC takes (issue 16: under 1 s on one core):
// the tax site's PDF with the code inside, and a phone photo of the page (JPEG, tilted).
import { performance } from 'node:perf_hooks';
import { read2dDoc, taxNotice } from '@entraide/twoddoc';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { find2dDocs } from '../src/modules/tax-notices/code-finder.ts';
import { dataMatrix, SPECIMEN } from '../test/tax-notice-fixtures.ts';

const code = await dataMatrix(SPECIMEN, 3);
const pageImage = await sharp({
  create: { width: 2480, height: 3508, channels: 3, background: '#ffffff' },
})
  .composite([{ input: code, left: 1900, top: 3000 }])
  .png()
  .toBuffer();
const pdf = await PDFDocument.create();
pdf
  .addPage([595, 842])
  .drawImage(await pdf.embedPng(code), { x: 420, y: 60, width: 90, height: 90 });
const inputs = {
  'PDF of the tax site (code as an image)': Buffer.from(await pdf.save()),
  'phone photo (JPEG 3000 × 2250, tilted)': await sharp(pageImage)
    .rotate(-3, { background: '#efeae0' })
    .resize({ width: 3000, height: 2250, fit: 'contain', background: '#efeae0' })
    .jpeg({ quality: 85 })
    .toBuffer(),
};
for (const [name, bytes] of Object.entries(inputs)) {
  const times: number[] = [];
  for (let i = 0; i < 7; i += 1) {
    const began = performance.now();
    const [found] = await find2dDocs(bytes);
    if (!found || taxNotice(read2dDoc(found)).referenceIncomeEuros !== 63_198)
      throw new Error(`${name}: notice not read`);
    times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(40)} median ${(times[3] ?? 0).toFixed(0).padStart(5)} ms, worst ${(times[6] ?? 0).toFixed(0).padStart(5)} ms (${String(Math.round(bytes.length / 1024))} kB)`,
  );
}
