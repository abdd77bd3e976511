import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import type { Organization } from '../organization/organization.ts';

// DejaVu Sans (free licence, npm `dejavu-fonts-ttf`), embedded and subset: every French letter
// and sign prints (é, ç, œ, ’, «», −, €), which the 14 standard PDF fonts cannot.
const fontFile = (name: string): Uint8Array =>
  readFileSync(createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`));
const FONTS = { regular: fontFile('DejaVuSans.ttf'), bold: fontFile('DejaVuSans-Bold.ttf') };

/** The committee's fonts, embedded in a PDF (only the characters it prints). */
export async function embedCommitteeFonts(
  pdf: PDFDocument,
): Promise<{ regular: PDFFont; bold: PDFFont }> {
  pdf.registerFontkit(fontkit);
  return {
    regular: await pdf.embedFont(FONTS.regular, { subset: true }),
    bold: await pdf.embedFont(FONTS.bold, { subset: true }),
  };
}

/** The committee's colour (#rrggbb) as PDF ink. */
export const brandInk = ({ brandColour: hex }: Organization) =>
  rgb(
    Number.parseInt(hex.slice(1, 3), 16) / 255,
    Number.parseInt(hex.slice(3, 5), 16) / 255,
    Number.parseInt(hex.slice(5, 7), 16) / 255,
  );
/** The ink and rules of the committee's documents. */
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.35, 0.35, 0.35);
const RULE = rgb(0.78, 0.78, 0.78);

const PAGE = { width: 595, height: 842, margin: 50 } as const;
const WIDTH = PAGE.width - 2 * PAGE.margin;
const BODY_TOP = 712;
/** The room of the logo in the letterhead, in points. */
const LOGO = { width: 120, height: 44 } as const;
const BODY_BOTTOM = 70;

/** A column of a table: its share of the width, and whether its figures align right. */
export interface Column {
  readonly header: string;
  readonly width: number;
  readonly align?: 'left' | 'right';
}

/**
 * A committee's document on A4 pages, written top to bottom: on every page its letterhead (logo,
 * name, address, SIRET) and, at the foot, the document's title and "page n / N"; in between,
 * headings, wrapped paragraphs, fields to fill in, and tables whose figures align right.
 */
export class FormWriter {
  private page!: PDFPage;
  private y = 0;
  private readonly characters: ReadonlySet<number>;
  private readonly brand: ReturnType<typeof rgb>;
  private constructor(
    private readonly pdf: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly title: string,
    private readonly organization: Organization,
    private readonly logo: PDFImage | null,
  ) {
    this.characters = new Set(regular.getCharacterSet());
    this.brand = brandInk(organization);
    this.newPage();
  }

  static async create(title: string, organization: Organization): Promise<FormWriter> {
    const pdf = await PDFDocument.create();
    pdf.setTitle(title);
    pdf.setAuthor(organization.name);
    pdf.setLanguage('fr-FR');
    const { regular, bold } = await embedCommitteeFonts(pdf);
    const logo = organization.logo ? await pdf.embedPng(organization.logo) : null;
    return new FormWriter(pdf, regular, bold, title, organization, logo);
  }

  /** A character the font lacks (an emoji, say) prints as "?" rather than stopping the file. */
  private drawable(text: string): string {
    return text
      .replace(/\s/gu, ' ')
      .replace(/./gsu, (char) => (this.characters.has(char.codePointAt(0) ?? 0) ? char : '?'));
  }

  private newPage(): void {
    this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
    this.letterhead();
    this.y = BODY_TOP;
  }

  /**
   * The committee's logo (the admin's, else its initials in its colour), its name, address and
   * SIRET.
   */
  private letterhead(): void {
    const { page, organization, logo } = this;
    const top = PAGE.height - PAGE.margin;
    let left = PAGE.margin + 56;
    if (logo) {
      const { width, height } = logo.scaleToFit(LOGO.width, LOGO.height);
      page.drawImage(logo, {
        x: PAGE.margin,
        y: top - 42 + (LOGO.height - height) / 2,
        width,
        height,
      });
      left = PAGE.margin + width + 12;
    } else {
      page.drawCircle({ x: PAGE.margin + 22, y: top - 20, size: 22, color: this.brand });
      const initials = 'CAES';
      page.drawText(initials, {
        x: PAGE.margin + 22 - this.bold.widthOfTextAtSize(initials, 9) / 2,
        y: top - 23,
        size: 9,
        font: this.bold,
        color: rgb(1, 1, 1),
      });
    }
    page.drawText(this.drawable(organization.name), {
      x: left,
      y: top - 10,
      size: 13,
      font: this.bold,
      color: this.brand,
    });
    page.drawText(this.drawable(organization.address), {
      x: left,
      y: top - 25,
      size: 8.5,
      font: this.regular,
      color: MUTED,
    });
    const legal = [
      organization.siret ? `SIRET ${organization.siret}` : null,
      organization.contactEmail,
    ].filter((part): part is string => part !== null);
    page.drawText(this.drawable(legal.join(' · ')), {
      x: left,
      y: top - 37,
      size: 8.5,
      font: this.regular,
      color: MUTED,
    });
    page.drawLine({
      start: { x: PAGE.margin, y: top - 50 },
      end: { x: PAGE.width - PAGE.margin, y: top - 50 },
      thickness: 1,
      color: this.brand,
    });
  }

  private room(height: number): void {
    if (this.y - height < BODY_BOTTOM) this.newPage();
  }

  private text(
    text: string,
    x: number,
    { font = this.regular, size = 10, color = INK } = {},
  ): void {
    this.page.drawText(text, { x, y: this.y, size, font, color });
  }

  /** A text cut into lines no wider than `width`. */
  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    let current = '';
    for (const word of this.drawable(text).split(' ')) {
      const candidate = current ? `${current} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) > width && current) {
        lines.push(current);
        current = word;
      } else current = candidate;
    }
    if (current) lines.push(current);
    return lines.length > 0 ? lines : [''];
  }

  /** The document's name, large, under the letterhead. */
  documentTitle(text: string): this {
    this.room(30);
    this.text(this.drawable(text), PAGE.margin, { font: this.bold, size: 16, color: this.brand });
    this.y -= 26;
    return this;
  }

  heading(text: string): this {
    this.room(28);
    this.y -= 8;
    this.text(this.drawable(text), PAGE.margin, { font: this.bold, size: 12, color: this.brand });
    this.y -= 18;
    return this;
  }

  paragraph(text: string, size = 10.5): this {
    for (const line of this.wrap(text, this.regular, size, WIDTH)) {
      this.room(size * 1.5);
      this.text(line, PAGE.margin, { size });
      this.y -= size * 1.5;
    }
    this.y -= 4;
    return this;
  }

  /** "Label : value" with the value already filled, or a line to fill in by hand. */
  field(label: string, value: string | null): this {
    return this.paragraph(`${label} : ${value ?? '______________________________'}`);
  }

  /**
   * A table: a header row on a tinted band, one row a line (cells wrap), rules between rows, and
   * `total` rows in bold under a heavier rule; the header comes again on a new page.
   */
  table(
    columns: readonly Column[],
    rows: readonly (readonly string[])[],
    total: readonly (readonly string[])[] = [],
  ): this {
    const size = 9.5;
    const lineHeight = size * 1.45;
    const share = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / share) * WIDTH);
    const xs = widths.map((_, i) => PAGE.margin + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const layout = (cells: readonly string[], font: PDFFont) => {
      const lines = cells.map((cell, i) => this.wrap(cell, font, size, (widths[i] ?? 0) - 8));
      return { lines, height: Math.max(...lines.map((l) => l.length)) * lineHeight + 6 };
    };
    const draw = (cells: readonly string[], font: PDFFont, band: boolean) => {
      const { lines, height } = layout(cells, font);
      if (band)
        this.page.drawRectangle({
          x: PAGE.margin,
          y: this.y - height + lineHeight - 2,
          width: WIDTH,
          height,
          color: rgb(0.93, 0.95, 0.98),
        });
      lines.forEach((cellLines, i) => {
        cellLines.forEach((line, k) => {
          const x =
            columns[i]?.align === 'right'
              ? (xs[i] ?? 0) + (widths[i] ?? 0) - 4 - font.widthOfTextAtSize(line, size)
              : (xs[i] ?? 0) + 4;
          this.page.drawText(line, { x, y: this.y - k * lineHeight, size, font, color: INK });
        });
      });
      this.y -= height;
      this.page.drawLine({
        start: { x: PAGE.margin, y: this.y + lineHeight - 4 },
        end: { x: PAGE.margin + WIDTH, y: this.y + lineHeight - 4 },
        thickness: 0.5,
        color: RULE,
      });
    };
    const header = columns.map((c) => c.header);
    const headerHeight = layout(header, this.bold).height;
    /** A row where it fits; on a new page, under the header again. */
    const place = (cells: readonly string[], font: PDFFont) => {
      if (this.y - layout(cells, font).height < BODY_BOTTOM) {
        this.newPage();
        draw(header, this.bold, true);
      }
      draw(cells, font, false);
    };
    this.room(headerHeight + lineHeight * 2);
    draw(header, this.bold, true);
    for (const cells of rows) place(cells, this.regular);
    for (const cells of total) place(cells, this.bold);
    this.y -= 8;
    return this;
  }

  /** Numbers every page ("page n / N") beside the document's title and legal mention. */
  async save(footnote?: string): Promise<Uint8Array> {
    const pages = this.pdf.getPages();
    pages.forEach((page, i) => {
      const number = `page ${i + 1} / ${pages.length}`;
      const left = this.drawable(
        footnote ? `${this.title} — ${footnote}` : `${this.title} — ${this.organization.name}`,
      );
      page.drawLine({
        start: { x: PAGE.margin, y: 45 },
        end: { x: PAGE.width - PAGE.margin, y: 45 },
        thickness: 0.5,
        color: RULE,
      });
      page.drawText(left, { x: PAGE.margin, y: 32, size: 8, font: this.regular, color: MUTED });
      page.drawText(number, {
        x: PAGE.width - PAGE.margin - this.regular.widthOfTextAtSize(number, 8),
        y: 32,
        size: 8,
        font: this.regular,
        color: MUTED,
      });
    });
    return this.pdf.save();
  }
}
