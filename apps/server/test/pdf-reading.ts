// Reading a generated PDF as a person would: rendered to a PNG image and its text extracted, by
// Poppler (pdftoppm, pdftotext), the renderer most PDF viewers on Linux use.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installedTool } from './installed-tool.ts';

const poppler = (tool: 'pdftotext' | 'pdftoppm'): string =>
  installedTool(tool, { what: 'Poppler', debian: 'poppler-utils', brew: 'poppler' });

/** Runs `work` on the PDF written to a temporary folder, then removes the folder. */
function withPdf<T>(bytes: Uint8Array, work: (dir: string, file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'entraide-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, bytes);
    return work(dir, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text a PDF shows, page after page, in reading order. */
export const pdfText = (bytes: Uint8Array): string =>
  withPdf(bytes, (_, file) =>
    execFileSync(poppler('pdftotext'), ['-layout', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    }),
  );

/** The first page rendered as a PNG image (72 dpi). */
export const pdfFirstPagePng = (bytes: Uint8Array): Buffer =>
  withPdf(bytes, (dir, file) => {
    execFileSync(poppler('pdftoppm'), [
      '-png',
      '-r',
      '72',
      '-f',
      '1',
      '-l',
      '1',
      file,
      join(dir, 'page'),
    ]);
    return readFileSync(join(dir, 'page-1.png'));
  });
