import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit, { type Font } from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";

type Fontkit = Parameters<PDFDocument["registerFontkit"]>[0];

/**
 * DejaVu Sans, because the 14 standard PDF fonts only cover Windows-1252: a participant called Zoë,
 * Αθηνά, Ольга or محمد must see their own name on their consent record.
 */
export type PdfFonts = { regular: PDFFont; bold: PDFFont };

type FontFiles = { regular: Uint8Array; bold: Uint8Array };

/**
 * Read from the installed package at run time, from the project folder (the launcher, the tests and the
 * scripts all run there). Bundlers rewrite other ways of naming a file (`new URL(…, import.meta.url)`
 * becomes a browser asset address in server-action bundles), so the path is built plainly and the
 * bundler told not to follow it.
 */
const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");

let fontFiles: Promise<FontFiles> | undefined;

async function readFontFiles(): Promise<FontFiles> {
  const [regular, bold] = await Promise.all([
    readFile(/*turbopackIgnore: true*/ path.join(FONT_DIR, "DejaVuSans.ttf")),
    readFile(/*turbopackIgnore: true*/ path.join(FONT_DIR, "DejaVuSans-Bold.ttf")),
  ]);
  return { regular, bold };
}

/** Each file is read once per process; a failed read is retried next time rather than remembered. */
function loadFontFiles(): Promise<FontFiles> {
  fontFiles ??= readFontFiles().catch((error: unknown) => {
    fontFiles = undefined;
    throw error;
  });
  return fontFiles;
}

/**
 * fontkit, parsing each font file once per process rather than once per document. Parsing DejaVu is most
 * of the cost of a one-page PDF, and the signed record is made while the participant waits. Reusing the
 * parsed font is safe: each document still makes its own subset (pdf-lib's embedder calls
 * createSubset() per document), and fontkit's work is synchronous, so two documents never interleave.
 */
const parsedFonts = new WeakMap<Uint8Array, Font>();
const reusingFontkit: Fontkit = {
  create(buffer, postscriptName) {
    if (postscriptName !== undefined) return fontkit.create(buffer, postscriptName);
    let font = parsedFonts.get(buffer);
    if (!font) {
      font = fontkit.create(buffer);
      parsedFonts.set(buffer, font);
    }
    return font;
  },
};

/** Subset, so that a one-page record carries the glyphs it uses rather than 700 kB of font. */
export async function embedPdfFonts(doc: PDFDocument): Promise<PdfFonts> {
  doc.registerFontkit(reusingFontkit);
  const files = await loadFontFiles();
  const [regular, bold] = await Promise.all([
    doc.embedFont(files.regular, { subset: true }),
    doc.embedFont(files.bold, { subset: true }),
  ]);
  return { regular, bold };
}

const characterSets = new WeakMap<PDFFont, ReadonlySet<number>>();

function characterSet(font: PDFFont): ReadonlySet<number> {
  let set = characterSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font, set);
  }
  return set;
}

const graphemes = new Intl.Segmenter("en-GB", { granularity: "grapheme" });

/**
 * Text the font can draw: a character it lacks (Chinese, emoji) becomes "?" instead of an invisible or
 * wrong glyph, and a whole cluster such as 👍🏽 becomes one "?". Line breaks and tabs become spaces: the
 * writer does its own line breaking.
 */
export function toDrawableText(text: string, font: PDFFont): string {
  const supported = characterSet(font);
  let result = "";
  for (const { segment } of graphemes.segment(text.normalize("NFC").replace(/[\t\n\v\f\r\u2028\u2029]/g, " "))) {
    const drawable = Array.from(segment).every((character) => supported.has(character.codePointAt(0) ?? -1));
    result += drawable ? segment : "?";
  }
  return result;
}
