import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

/** An A4 page written top to bottom: headings, wrapped paragraphs, blank lines to fill in. */
export class FormWriter {
  private page!: PDFPage;
  private y = 0;
  /** The characters the standard fonts can draw (WinAnsi); any other becomes « ? ». */
  private readonly characters: ReadonlySet<number>;
  private constructor(
    private readonly pdf: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.characters = new Set(regular.getCharacterSet());
    this.newPage();
  }

  private drawable(text: string): string {
    return text.replace(/./gsu, (char) =>
      this.characters.has(char.codePointAt(0) ?? 0) ? char : '?',
    );
  }

  static async create(title: string): Promise<FormWriter> {
    const pdf = await PDFDocument.create();
    pdf.setTitle(title);
    pdf.setLanguage('fr-FR');
    return new FormWriter(
      pdf,
      await pdf.embedFont(StandardFonts.Helvetica),
      await pdf.embedFont(StandardFonts.HelveticaBold),
    );
  }

  private newPage(): void {
    this.page = this.pdf.addPage([595, 842]);
    this.y = 790;
  }

  private line(text: string, font: PDFFont, size: number): void {
    if (this.y < 60) this.newPage();
    this.page.drawText(text, { x: 50, y: this.y, size, font });
    this.y -= size * 1.5;
  }

  heading(text: string): this {
    this.y -= 6;
    this.line(this.drawable(text), this.bold, 13);
    return this;
  }

  paragraph(text: string, size = 10.5): this {
    let current = '';
    for (const word of this.drawable(text).split(' ')) {
      const candidate = current ? `${current} ${word}` : word;
      if (this.regular.widthOfTextAtSize(candidate, size) > 495 && current) {
        this.line(current, this.regular, size);
        current = word;
      } else {
        current = candidate;
      }
    }
    if (current) this.line(current, this.regular, size);
    this.y -= 4;
    return this;
  }

  /** "Label : value" with the value already filled, or a line to fill in by hand. */
  field(label: string, value: string | null): this {
    return this.paragraph(`${label} : ${value ?? '______________________________'}`);
  }

  save(): Promise<Uint8Array> {
    return this.pdf.save();
  }
}
