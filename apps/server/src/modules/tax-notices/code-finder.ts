// Finds the 2D-DOC codes in what a member uploads for a tax notice: the PDF the tax site gives
// (the code is an image inside it), a scan, or a phone photo (JPEG or PNG). DataMatrix decoding
// by zxing-wasm (ZXing C++ compiled to WebAssembly) in a worker thread; the PDF's images are
// taken out with pdf-lib, without rendering the page.
import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFDict } from 'pdf-lib';
import { Piscina } from 'piscina';
import type { Sharp } from 'sharp';
import { MAX_DECODED_PIXELS, tooManyPixels } from '../pictures/images.ts';

/**
 * The thread that reads the codes (zxing-worker.mjs), started at the first notice read and
 * stopped after a minute without one — and with it zxing's memory, which only grows while it
 * lives. One thread: a node keeps its other core for its requests and PostgreSQL.
 */
let zxingThread: Piscina<Uint8Array, string[]> | undefined;
const codesInImage = (image: Uint8Array): Promise<string[]> =>
  (zxingThread ??= new Piscina({
    filename: new URL('./zxing-worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 60_000,
  })).run(image);

/**
 * The most pixels zxing is given: a larger image is shrunk to it first. zxing's memory grows to
 * the largest image it has read and gives nothing back while its thread lives (a 121 MP photo
 * left it at 410 MB); a notice's code, about a twentieth of the page's width, is still read at
 * this size.
 */
const MAX_READ_PIXELS = 16_000_000;

/**
 * The most images of one PDF read, and the most of their pixels zxing reads in all: a notice's
 * pages scanned at 300 dpi several times over. Each megapixel costs 40–60 ms (inflated, made a
 * PNG, read by zxing's one thread): a PDF of thousands of small images would take minutes of it.
 */
const MAX_PDF_IMAGES = 20;
const MAX_PDF_PIXELS = 2 * MAX_READ_PIXELS;

/** An image as zxing is given it, and how many pixels it has. */
interface ReadableImage {
  readonly file: Uint8Array;
  readonly pixels: number;
}

/** An image shrunk, if it must be, to MAX_READ_PIXELS, as a PNG. */
async function readSize(image: Sharp, width: number, height: number): Promise<ReadableImage> {
  const scale = Math.min(1, Math.sqrt(MAX_READ_PIXELS / (width * height)));
  const { data, info } = await (scale < 1 ? image.resize(Math.floor(width * scale)) : image)
    .png()
    .toBuffer({ resolveWithObject: true });
  return { file: data, pixels: info.width * info.height };
}

/** Whether an image of these dimensions, once shrunk to MAX_READ_PIXELS, fits `room` pixels. */
const fits = (width: number, height: number, room: number) =>
  width * height <= MAX_DECODED_PIXELS && Math.min(width * height, MAX_READ_PIXELS) <= room;

/**
 * An image file as zxing is given it: as it is when small enough, else shrunk; null when sharp
 * does not read it, or when (shrunk) it has more than `room` pixels. One of more than
 * MAX_DECODED_PIXELS is refused with its size (`tooManyPixels`). Its header says both before any
 * decoding.
 */
async function readableImage(file: Uint8Array, room: number): Promise<ReadableImage | null> {
  const { default: sharp } = await import('sharp');
  // The header read without the limit, which sharp would otherwise apply to it too.
  const { width, height } = await sharp(file)
    .metadata()
    .catch(() => ({ width: 0, height: 0 }));
  if (!width || !height) return null;
  if (width * height > MAX_DECODED_PIXELS) throw tooManyPixels(width * height);
  if (!fits(width, height, room)) return null;
  if (width * height <= MAX_READ_PIXELS) return { file, pixels: width * height };
  const image = sharp(file, { limitInputPixels: MAX_DECODED_PIXELS });
  return readSize(image, width, height).catch(() => null);
}

const name = (dict: PDFDict, key: string) => dict.lookup(PDFName.of(key))?.toString();
const number = (dict: PDFDict, key: string) => {
  const value = dict.lookup(PDFName.of(key));
  return value instanceof PDFNumber ? value.asNumber() : 0;
};

/**
 * An image of the PDF as a file zxing reads: a JPEG stream as an uploaded photo; raw pixels
 * (Flate, gray or RGB, 8 or 1 bits) turned into a PNG, never inflated beyond the size their
 * dimensions give; anything else (JBIG2, JPEG 2000, CMYK), or larger than MAX_DECODED_PIXELS or
 * `room`, skipped before it is decoded.
 */
async function imageFile(stream: PDFRawStream, room: number): Promise<ReadableImage | null> {
  const { dict } = stream;
  const filter = name(dict, 'Filter');
  // A JPEG beyond MAX_DECODED_PIXELS is skipped, and the PDF's other images still read.
  if (filter === '/DCTDecode') return readableImage(stream.contents, room).catch(() => null);
  if (filter !== '/FlateDecode' || dict.lookup(PDFName.of('DecodeParms'))) return null;
  const width = number(dict, 'Width');
  const height = number(dict, 'Height');
  const bits = number(dict, 'BitsPerComponent');
  const space = name(dict, 'ColorSpace');
  const channels = space === '/DeviceRGB' ? 3 : space === '/DeviceGray' ? 1 : 0;
  if (!width || !height || !channels || (bits !== 8 && !(bits === 1 && channels === 1)))
    return null;
  if (!fits(width, height, room)) return null;
  const row = bits === 1 ? Math.ceil(width / 8) : width * channels;
  let pixels: Buffer;
  try {
    // A stream that inflates to more than its rows (a bomb) stops there, and is skipped.
    pixels = inflateSync(stream.contents, { maxOutputLength: row * height + row });
  } catch {
    return null;
  }
  if (bits === 1) {
    // One bit a pixel, rows padded to a byte: spread to one byte a pixel (1 is white).
    const gray = Buffer.alloc(width * height);
    for (let y = 0; y < height; y += 1)
      for (let x = 0; x < width; x += 1)
        gray[y * width + x] = ((pixels[y * row + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1 ? 255 : 0;
    pixels = gray;
  }
  if (pixels.length < width * height * channels) return null;
  const { default: sharp } = await import('sharp');
  return readSize(sharp(pixels, { raw: { width, height, channels } }), width, height);
}

/**
 * The images of a PDF, each once: its first MAX_PDF_IMAGES, MAX_PDF_PIXELS of them in all (an
 * image that would go beyond is skipped undecoded, and a smaller one after it still read).
 */
async function codesInPdf(pdf: Uint8Array): Promise<string[]> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const images = document.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter(
      (object): object is PDFRawStream =>
        object instanceof PDFRawStream && name(object.dict, 'Subtype') === '/Image',
    )
    .slice(0, MAX_PDF_IMAGES);
  const codes: string[] = [];
  let pixels = 0;
  for (const object of images) {
    const image = await imageFile(object, MAX_PDF_PIXELS - pixels);
    if (!image) continue;
    pixels += image.pixels;
    codes.push(...(await codesInImage(image.file)));
  }
  return codes;
}

/**
 * The 2D-DOC texts found in an uploaded file, most often one; none when there is no code. A photo
 * of more than MAX_DECODED_PIXELS is refused with its size (an HttpError).
 */
export async function find2dDocs(bytes: Uint8Array): Promise<string[]> {
  const header = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (header.includes('%PDF-')) return [...new Set(await codesInPdf(bytes))];
  const image = await readableImage(bytes, MAX_READ_PIXELS);
  return image ? [...new Set(await codesInImage(image.file))] : [];
}
