import type { Color, PDFFont, PDFPage } from "pdf-lib";

/**
 * Right-to-left text inside a left-to-right line, enough for names such as "Ali محمد علي": fontkit shapes
 * Arabic and puts a run in right-to-left order only when that run is drawn on its own, so each
 * right-to-left stretch (letters, and the spaces and punctuation between them) is drawn as one piece.
 * Not the full Unicode bidirectional algorithm: digits inside Arabic text keep their own place, and every
 * line is laid out from the left.
 */
export type TextRun = { text: string; rightToLeft: boolean };

const RTL_LETTER = String.raw`[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]\p{M}*`;
const RTL_RUN = new RegExp(String.raw`${RTL_LETTER}(?:[\s\p{P}\p{S}\p{M}]*${RTL_LETTER})*`, "gu");

export function textRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let position = 0;
  for (const match of text.matchAll(RTL_RUN)) {
    if (match.index > position) runs.push({ text: text.slice(position, match.index), rightToLeft: false });
    runs.push({ text: match[0], rightToLeft: true });
    position = match.index + match[0].length;
  }
  if (position < text.length) runs.push({ text: text.slice(position), rightToLeft: false });
  return runs;
}

/** Width in points, measured run by run exactly as drawText places them. */
export function measureText(text: string, font: PDFFont, size: number): number {
  return textRuns(text).reduce((width, run) => width + font.widthOfTextAtSize(run.text, size), 0);
}

export type DrawTextOptions = { x: number; y: number; font: PDFFont; size: number; color: Color };

/** Draws one line that is already wrapped and made drawable (toDrawableText). */
export function drawText(page: PDFPage, text: string, options: DrawTextOptions): void {
  let x = options.x;
  for (const run of textRuns(text)) {
    page.drawText(run.text, { ...options, x });
    x += options.font.widthOfTextAtSize(run.text, options.size);
  }
}
