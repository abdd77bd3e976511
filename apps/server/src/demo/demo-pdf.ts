import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A real, readable one-page PDF with a line of text (demo documents, tests). */
export async function demoPdf(text: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  // The standard fonts encode WinAnsi: typographic apostrophes become plain ones.
  page.drawText(text.replace(/’/g, "'"), {
    x: 50,
    y: 780,
    size: 14,
    font: await pdf.embedFont(StandardFonts.Helvetica),
  });
  return Buffer.from(await pdf.save());
}
