// zxing's reading of DataMatrix codes, in a worker thread (code-finder.ts runs it through a
// piscina pool): ZXing C++ compiled to WebAssembly reads synchronously — a 16 MP photo without a
// code held the node's thread 0,2 s, and every other request with it. Plain JavaScript, so that
// the worker runs the same under tsx, vitest and the compiled server.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

const wasm = readFileSync(
  createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'),
);
prepareZXingModule({
  overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) },
});

/**
 * The texts of the DataMatrix codes of an image file (JPEG, PNG) that are 2D-DOCs.
 * @param {Uint8Array} image
 * @returns {Promise<string[]>}
 */
export default async function codesInImage(image) {
  const results = await readBarcodes(image, {
    formats: ['DataMatrix'],
    textMode: 'Plain',
    tryHarder: true,
    tryRotate: true,
    maxNumberOfSymbols: 4,
  });
  return results.filter((r) => r.isValid && r.text.startsWith('DC')).map((r) => r.text);
}
