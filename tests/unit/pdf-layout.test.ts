import { readFile } from "node:fs/promises";
import fontkit from "@pdf-lib/fontkit";
import fc from "fast-check";
import { PDFDocument, type PDFFont } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { measureText, textRuns } from "@/lib/pdf/draw-text";
import { embedPdfFonts, type PdfFonts, toDrawableText } from "@/lib/pdf/pdf-fonts";
import { BODY_SIZE, CONTENT_WIDTH, wrapText } from "@/lib/pdf/pdf-writer";
import { seedStudies } from "@/lib/seed/study-content";

const HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

let fonts: PdfFonts;
beforeAll(async () => {
  fonts = await embedPdfFonts(await PDFDocument.create());
});

const bodyMeasure = (font: PDFFont) => (text: string) => measureText(text, font, BODY_SIZE);

describe("wrapText", () => {
  it("keeps every line of the seed sheets within the page, in DejaVu Sans at 11 pt, losing no words", () => {
    for (const study of seedStudies) {
      const text = study.informationSheet.content.replace(/\s+/g, " ").trim();
      for (const font of [fonts.regular, fonts.bold]) {
        const lines = wrapText(text, CONTENT_WIDTH, bodyMeasure(font));
        expect(lines.length).toBeGreaterThan(50);
        for (const line of lines) expect(measureText(line, font, BODY_SIZE)).toBeLessThanOrEqual(CONTENT_WIDTH);
        expect(lines.join(" ")).toBe(text);
      }
    }
  });

  it("breaks a 64-character hash into pieces that fit, starting on the current line", () => {
    const width = 200;
    const lines = wrapText(`SHA-256: ${HASH}`, width, bodyMeasure(fonts.regular));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(measureText(line, fonts.regular, BODY_SIZE)).toBeLessThanOrEqual(width);
    expect(lines[0]?.startsWith("SHA-256: ")).toBe(true);
    expect(lines.join("").replace("SHA-256: ", "")).toBe(HASH);
  });

  it("returns no lines for empty or blank text", () => {
    expect(wrapText("", 100, (s) => s.length)).toEqual([]);
    expect(wrapText("    ", 100, (s) => s.length)).toEqual([]);
  });

  it("never breaks inside a character made of several code points", () => {
    const lines = wrapText("👍🏽👍🏽👍🏽", 2, (s) => Array.from(new Intl.Segmenter().segment(s)).length);
    expect(lines).toEqual(["👍🏽👍🏽", "👍🏽"]);
  });

  it("for any text, fits every line and keeps every character", () => {
    const word = fc.string({ minLength: 1, maxLength: 40, unit: fc.constantFrom("a", "b", "é", "W", "i", "-", "Ω") });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), fc.integer({ min: 12, max: 300 }), (words, width) => {
        const text = words.join(" ");
        // Roughly proportional widths, so that the greedy choices differ from counting characters.
        const measure = (s: string) => Array.from(s).reduce((w, c) => w + (c === "W" ? 11 : c === "i" ? 3 : 6), 0);
        const lines = wrapText(text, width, measure);
        for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(width);
        expect(lines.join("").replace(/ /g, "")).toBe(text.replace(/ /g, ""));
      }),
    );
  });
});

describe("toDrawableText", () => {
  it("keeps accents, Greek, Cyrillic, Arabic and Hebrew, which DejaVu Sans has", () => {
    const name = "Zoë Ångström Αθηνά Ольга محمد אביגיל Łukasz Nguyễn";
    expect(toDrawableText(name, fonts.regular)).toBe(name);
    expect(toDrawableText(name, fonts.bold)).toBe(name);
  });

  it("replaces what the font lacks with '?', one per character as a reader sees it", () => {
    expect(toDrawableText("Zoë Ångström 李", fonts.regular)).toBe("Zoë Ångström ?");
    expect(toDrawableText("Thanks 👍🏽 👨‍👩‍👧", fonts.regular)).toBe("Thanks ? ?");
  });

  it("composes accents typed as separate marks and turns line breaks into spaces", () => {
    expect(toDrawableText("Zoe\u0308\r\nSmith\tJr", fonts.regular)).toBe("Zoë  Smith Jr");
  });

  it("leaves only characters the font really has a glyph for", async () => {
    const ttf = await readFile(new URL("../../node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf", import.meta.url));
    const font = fontkit.create(ttf);
    expect(font.hasGlyphForCodePoint("李".codePointAt(0) ?? 0)).toBe(false);
    const drawable = toDrawableText("Zoë Ångström 李 😀 Ωμέγα \u0000 ش", fonts.regular);
    for (const character of drawable) expect(font.hasGlyphForCodePoint(character.codePointAt(0) ?? 0)).toBe(true);
  });
});

describe("textRuns", () => {
  it("separates right-to-left stretches, with the spaces between their words, from the rest", () => {
    expect(textRuns("Zoë محمد علي ?")).toEqual([
      { text: "Zoë ", rightToLeft: false },
      { text: "محمد علي", rightToLeft: true },
      { text: " ?", rightToLeft: false },
    ]);
    expect(textRuns("שלום")).toEqual([{ text: "שלום", rightToLeft: true }]);
    expect(textRuns("Plain text")).toEqual([{ text: "Plain text", rightToLeft: false }]);
    expect(textRuns("")).toEqual([]);
  });
});
