// Finds the 2D-DOC codes in what a member uploads for a tax notice: the PDF the tax site gives
// (the code is an image inside it), a scan, or a phone photo (JPEG or PNG). DataMatrix decoding
// by zxing-wasm (ZXing C++ compiled to WebAssembly); the PDF's images are taken out with pdf-lib,
// without rendering the page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFDict } from 'pdf-lib';

/** zxing's reader, loaded and prepared at the first notice read rather than at the server's start. */
let zxingReader: Promise<typeof import('zxing-wasm/reader')> | undefined;
const zxing = () =>
  (zxingReader ??= import('zxing-wasm/reader').then((reader) => {
    const wasm = readFileSync(
      createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'),
    );
    reader.prepareZXingModule({
      overrides: {
        wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength),
      },
    });
    return reader;
  }));

/** The texts of the DataMatrix codes of an image file (JPEG, PNG) that are 2D-DOCs. */
async function codesInImage(image: Uint8Array): Promise<string[]> {
  const results = await (
    await zxing()
  ).readBarcodes(image, {
    formats: ['DataMatrix'],
    textMode: 'Plain',
    tryHarder: true,
    tryRotate: true,
    maxNumberOfSymbols: 4,
  });
  return results.filter((r) => r.isValid && r.text.startsWith('DC')).map((r) => r.text);
}

const name = (dict: PDFDict, key: string) => dict.lookup(PDFName.of(key))?.toString();
const number = (dict: PDFDict, key: string) => {
  const value = dict.lookup(PDFName.of(key));
  return value instanceof PDFNumber ? value.asNumber() : 0;
};

/**
 * An image of the PDF as a file zxing reads: a JPEG stream as it is; raw pixels (Flate, gray or
 * RGB, 8 or 1 bits) turned into a PNG; anything else (JBIG2, JPEG 2000, CMYK) skipped.
 */
async function imageFile(stream: PDFRawStream): Promise<Uint8Array | null> {
  const { dict } = stream;
  const filter = name(dict, 'Filter');
  if (filter === '/DCTDecode') return stream.contents;
  if (filter !== '/FlateDecode' || dict.lookup(PDFName.of('DecodeParms'))) return null;
  const width = number(dict, 'Width');
  const height = number(dict, 'Height');
  const bits = number(dict, 'BitsPerComponent');
  const space = name(dict, 'ColorSpace');
  const channels = space === '/DeviceRGB' ? 3 : space === '/DeviceGray' ? 1 : 0;
  if (!width || !height || !channels || (bits !== 8 && !(bits === 1 && channels === 1)))
    return null;
  let pixels = inflateSync(stream.contents);
  if (bits === 1) {
    // One bit a pixel, rows padded to a byte: spread to one byte a pixel (1 is white).
    const row = Math.ceil(width / 8);
    const gray = Buffer.alloc(width * height);
    for (let y = 0; y < height; y += 1)
      for (let x = 0; x < width; x += 1)
        gray[y * width + x] = ((pixels[y * row + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1 ? 255 : 0;
    pixels = gray;
  }
  if (pixels.length < width * height * channels) return null;
  const { default: sharp } = await import('sharp');
  return sharp(pixels, { raw: { width, height, channels } }).png().toBuffer();
}

/** Every image of a PDF, each once. */
async function codesInPdf(pdf: Uint8Array): Promise<string[]> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const codes: string[] = [];
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || name(object.dict, 'Subtype') !== '/Image') continue;
    const image = await imageFile(object);
    if (image) codes.push(...(await codesInImage(image)));
  }
  return codes;
}

/** The 2D-DOC texts found in an uploaded file, most often one; none when there is no code. */
export async function find2dDocs(bytes: Uint8Array): Promise<string[]> {
  const header = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const codes = header.includes('%PDF-') ? await codesInPdf(bytes) : await codesInImage(bytes);
  return [...new Set(codes)];
}
