import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import { drawText, measureText } from "./draw-text";
import { embedPdfFonts, type PdfFonts, toDrawableText } from "./pdf-fonts";

/** Width of a string as it will be drawn, in points. */
export type TextMeasure = (text: string) => number;

const graphemes = new Intl.Segmenter("en-GB", { granularity: "grapheme" });

/**
 * Greedy word wrapping: every line fits maxWidth. A word wider than a whole line (a 64-character hash, a
 * long address) is cut at the edge, between characters, starting on the current line.
 */
export function wrapText(text: string, maxWidth: number, measure: TextMeasure): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ").filter((w) => w !== "")) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
    } else if (measure(word) <= maxWidth) {
      lines.push(line);
      line = word;
    } else {
      let prefix = line === "" ? "" : `${line} `;
      let piece = "";
      for (const { segment } of graphemes.segment(word)) {
        if (measure(prefix + piece + segment) > maxWidth && (prefix + piece).trim() !== "") {
          lines.push((prefix + piece).trimEnd());
          prefix = "";
          piece = "";
        }
        piece += segment;
      }
      line = prefix + piece;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

// A4 with 2 cm margins; the footer sits on the bottom margin line and the body stops above it.
const PAGE_SIZE: [number, number] = [595.28, 841.89];
const MARGIN = (2 / 2.54) * 72;
export const CONTENT_WIDTH = PAGE_SIZE[0] - 2 * MARGIN;
const BODY_TOP = PAGE_SIZE[1] - MARGIN;
const BODY_BOTTOM = MARGIN + 22;

export const BODY_SIZE = 11;
const FOOTER_SIZE = 9;
const LINE_HEIGHT = 1.4;
const HEADING_SIZES = { 1: 18, 2: 13 } as const;

// The NHS identity's text colours, so that a printed record matches the portal's pages.
const TEXT_COLOUR = rgb(33 / 255, 43 / 255, 50 / 255);
const SECONDARY_COLOUR = rgb(76 / 255, 98 / 255, 114 / 255);

export type PdfMetadata = {
  title: string;
  author: string;
  subject: string;
  /** Printed in every footer beside the page number, so that a loose printed page says what it belongs to. */
  footerLabel: string;
};

export type BoxedItem = { marker: string; text: string; boxText: string };

type TextStyle = { bold?: boolean; size?: number };

/** Lays content out top to bottom, starting a new page whenever the next piece would not fit. */
export class PdfFlowWriter {
  private page: PDFPage;
  private y = BODY_TOP;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: PdfFonts,
    private readonly footerLabel: string,
  ) {
    this.page = doc.addPage(PAGE_SIZE);
  }

  static async create(metadata: PdfMetadata): Promise<PdfFlowWriter> {
    const doc = await PDFDocument.create();
    doc.setTitle(metadata.title, { showInWindowTitleBar: true });
    doc.setAuthor(metadata.author);
    doc.setSubject(metadata.subject);
    doc.setLanguage("en-GB");
    return new PdfFlowWriter(doc, await embedPdfFonts(doc), metadata.footerLabel);
  }

  heading(text: string, level: 1 | 2 = 2): void {
    const style = { bold: true, size: HEADING_SIZES[level] };
    const lines = this.lines(text, CONTENT_WIDTH, style);
    if (level === 2 && this.y < BODY_TOP) this.y -= 8;
    // A heading is never left alone at the foot of a page: it keeps two lines of what follows with it.
    this.ensureSpace((lines.length * style.size + 2 * BODY_SIZE) * LINE_HEIGHT);
    this.drawLines(lines, MARGIN, style);
    this.y -= level === 1 ? 8 : 3;
  }

  paragraph(text: string, style: TextStyle = {}): void {
    const size = style.size ?? BODY_SIZE;
    const lines = this.lines(text, CONTENT_WIDTH, style);
    for (const line of lines) {
      this.ensureSpace(size * LINE_HEIGHT);
      this.drawLines([line], MARGIN, style);
    }
    if (lines.length > 0) this.y -= size * 0.6;
  }

  list(items: string[]): void {
    const indent = 16;
    for (const item of items) {
      this.lines(item, CONTENT_WIDTH - indent, {}).forEach((line, index) => {
        this.ensureSpace(BODY_SIZE * LINE_HEIGHT);
        if (index === 0) this.draw("•", MARGIN + 4, this.y - BODY_SIZE, {});
        this.drawLines([line], MARGIN + indent, {});
      });
      this.y -= 3;
    }
    this.y -= BODY_SIZE * 0.6 - 3;
  }

  /** Label and value side by side; each row is kept on one page. */
  keyValue(rows: { key: string; value: string }[], keyWidth = 190): void {
    const gap = 10;
    for (const row of rows) {
      const keyLines = this.lines(row.key, keyWidth, { bold: true });
      const valueLines = this.lines(row.value, CONTENT_WIDTH - keyWidth - gap, {});
      this.ensureSpace(Math.max(keyLines.length, valueLines.length) * BODY_SIZE * LINE_HEIGHT);
      const top = this.y;
      this.drawLines(keyLines, MARGIN, { bold: true });
      const keyBottom = this.y;
      this.y = top;
      this.drawLines(valueLines, MARGIN + keyWidth + gap, {});
      this.y = Math.min(this.y, keyBottom) - 4;
    }
    this.y -= BODY_SIZE * 0.6 - 4;
  }

  /**
   * Numbered statements, each with an answer box on the right where a paper consent form has the
   * participant's initials. A statement is kept on one page with its box.
   */
  boxedList(boxHeading: string, items: BoxedItem[]): void {
    const markerWidth = 28;
    const box = { width: 80, height: 24 };
    const textWidth = CONTENT_WIDTH - markerWidth - box.width - 16;
    const boxX = MARGIN + CONTENT_WIDTH - box.width;
    const headingStyle = { bold: true, size: 9 };
    const headingHeight = headingStyle.size * LINE_HEIGHT + 2;
    // The column heading is repeated on each page the statements run onto.
    const drawHeading = () => {
      this.drawCentred(boxHeading, boxX, box.width, this.y - headingStyle.size, headingStyle);
      this.y -= headingHeight;
    };
    items.forEach((item, index) => {
      const lines = this.lines(item.text, textWidth, {});
      const height = Math.max(lines.length * BODY_SIZE * LINE_HEIGHT, box.height);
      if (index === 0) {
        this.ensureSpace(headingHeight + height);
        drawHeading();
      } else if (this.ensureSpace(height)) {
        drawHeading();
      }
      const top = this.y;
      this.drawLines([item.marker], MARGIN, { bold: true });
      this.y = top;
      this.drawLines(lines, MARGIN + markerWidth, {});
      this.page.drawRectangle({ x: boxX, y: top - box.height + 3, ...box, borderColor: TEXT_COLOUR, borderWidth: 1 });
      this.drawCentred(item.boxText, boxX, box.width, top - box.height / 2 - BODY_SIZE * 0.35 + 3, { bold: true });
      this.y = top - height - 10;
    });
  }

  spacer(points: number): void {
    this.y -= points;
  }

  /** Adds the footers, now that the number of pages is known, and returns the file. */
  async save(): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    pages.forEach((page, index) => this.drawFooter(page, `Page ${index + 1} of ${pages.length}`));
    return this.doc.save();
  }

  private font(style: TextStyle): PDFFont {
    return style.bold ? this.fonts.bold : this.fonts.regular;
  }

  private lines(text: string, width: number, style: TextStyle): string[] {
    const font = this.font(style);
    const size = style.size ?? BODY_SIZE;
    return wrapText(toDrawableText(text, font), width, (s) => measureText(s, font, size));
  }

  /** Starts a new page if the next `height` points would not fit, unless the page is still empty. */
  private ensureSpace(height: number): boolean {
    if (this.y - height >= BODY_BOTTOM || this.y === BODY_TOP) return false;
    this.page = this.doc.addPage(PAGE_SIZE);
    this.y = BODY_TOP;
    return true;
  }

  private drawLines(lines: string[], x: number, style: TextStyle): void {
    const size = style.size ?? BODY_SIZE;
    for (const line of lines) {
      this.draw(line, x, this.y - size, style);
      this.y -= size * LINE_HEIGHT;
    }
  }

  private draw(text: string, x: number, baseline: number, style: TextStyle): void {
    const size = style.size ?? BODY_SIZE;
    drawText(this.page, text, { x, y: baseline, size, font: this.font(style), color: TEXT_COLOUR });
  }

  private drawCentred(text: string, x: number, width: number, baseline: number, style: TextStyle): void {
    const font = this.font(style);
    const drawable = toDrawableText(text, font);
    const textWidth = measureText(drawable, font, style.size ?? BODY_SIZE);
    this.draw(drawable, x + Math.max(0, (width - textWidth) / 2), baseline, style);
  }

  private drawFooter(page: PDFPage, pageNumber: string): void {
    const font = this.fonts.regular;
    const measure = (s: string) => measureText(s, font, FOOTER_SIZE);
    const numberWidth = measure(pageNumber);
    const labelLines = wrapText(
      toDrawableText(this.footerLabel, font),
      CONTENT_WIDTH - numberWidth - 24 - measure(" …"),
      measure,
    );
    const label = labelLines.length > 1 ? `${labelLines[0]} …` : (labelLines[0] ?? "");
    const options = { y: MARGIN, size: FOOTER_SIZE, font, color: SECONDARY_COLOUR };
    drawText(page, label, { ...options, x: MARGIN });
    drawText(page, pageNumber, { ...options, x: MARGIN + CONTENT_WIDTH - numberWidth });
  }
}
