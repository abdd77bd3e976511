import { IMAGE_LIMIT } from '@entraide/contract';
import { fileUpload, HttpError } from '../../http.ts';

/**
 * Beyond this many pixels an image is not decoded at all, its header read first: a "decompression
 * bomb" — a few megabytes of JPEG or of a PDF's compressed pixels that decode to gigabytes. Phones
 * take photos of 12 to 64 MP (a few of 108 and 200 MP, far beyond 12 MB); a 600 dpi scan of an
 * A4 page is 35 MP.
 */
export const MAX_DECODED_PIXELS = 100_000_000;
const FORMATS = new Set(['jpeg', 'png', 'webp']);

/** A route that receives a picture: its size limit, and what a larger one is told (413). */
export const PICTURE_UPLOAD = fileUpload(IMAGE_LIMIT);

export interface WebImage {
  readonly bytes: Buffer;
  readonly width: number;
  readonly height: number;
}

/** What an image beyond MAX_DECODED_PIXELS is told: its size, and how to send it smaller (413). */
export const tooManyPixels = (pixels: number): HttpError =>
  new HttpError(
    413,
    'too_large',
    `Cette image compte ${String(Math.round(pixels / 1_000_000))} millions de pixels, plus que les ${String(MAX_DECODED_PIXELS / 1_000_000)} millions que nous lisons : envoyez-la en plus petit (par exemple depuis votre téléphone, « taille moyenne »).`,
  );

const notAnImage = (): HttpError =>
  new HttpError(
    415,
    'not_an_image',
    'Ce fichier n’est pas une image que nous savons lire : envoyez une photo JPEG, PNG ou WebP (par exemple « lac.jpg »).',
  );

/**
 * An uploaded picture made ready for the web, judged by its content whatever its name: a JPEG,
 * PNG or WebP, turned upright (EXIF orientation), stripped of its metadata (a phone's photo
 * carries where it was taken), shrunk to fit `box` and re-encoded — never enlarged.
 */
export async function webImage(
  bytes: Buffer,
  box: { readonly width: number; readonly height: number },
  format: 'jpeg' | 'png',
): Promise<WebImage> {
  if (bytes.length === 0) throw notAnImage();
  if (bytes.length > IMAGE_LIMIT.bytes) throw new HttpError(413, 'too_large', IMAGE_LIMIT.message);
  // Loaded at the first picture, not at the server's start (its memory, issue 15).
  const { default: sharp } = await import('sharp');
  // The header alone, read without the limit: an image beyond it is told its size.
  const found = await sharp(bytes)
    .metadata()
    .catch(() => undefined);
  if (!found?.format || !FORMATS.has(found.format)) throw notAnImage();
  const pixels = found.width * found.height;
  if (pixels > MAX_DECODED_PIXELS) throw tooManyPixels(pixels);
  try {
    const pipeline = sharp(bytes, { limitInputPixels: MAX_DECODED_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ ...box, fit: 'inside', withoutEnlargement: true });
    const { data, info } = await (
      format === 'jpeg'
        ? pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true })
        : pipeline.png({ compressionLevel: 9 })
    ).toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height };
  } catch {
    throw notAnImage();
  }
}
