import { PDFDict, PDFDocument, PDFName, PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { parseDocument, type DocumentBlock } from "@/lib/documents/parse-document";
import { renderConsentRecordPdf, type ConsentRecordPdfInput } from "@/lib/pdf/consent-record-pdf";
import { renderInformationSheetPdf, type InformationSheetPdfInput } from "@/lib/pdf/information-sheet-pdf";
import { seedStudies } from "@/lib/seed/study-content";

const interview = seedStudies[0]!;

function sheetInput(blocks: DocumentBlock[]): InformationSheetPdfInput {
  return {
    studyTitle: interview.title,
    sheetTitle: interview.informationSheet.title,
    version: "0.1",
    versionDate: new Date("2026-11-26T00:00:00Z"),
    ethicsCommittee: interview.ethicsCommittee,
    ethicsReference: interview.ethicsReference,
    blocks,
    contactName: interview.contactName,
    contactEmail: interview.contactEmail,
  };
}

function recordInput(overrides: Partial<ConsentRecordPdfInput> = {}): ConsentRecordPdfInput {
  return {
    recordId: "cmk3f9z0a0001qz8l2x7v4b6d",
    studyTitle: interview.title,
    ethicsReference: interview.ethicsReference,
    consentFormTitle: interview.consentForm.title,
    consentFormVersion: "0.1",
    consentFormVersionDate: new Date("2026-11-26T00:00:00Z"),
    informationSheetVersion: "0.1",
    informationSheetVersionDate: new Date("2026-11-26T00:00:00Z"),
    statements: interview.consentForm.statements.map((s, index) => ({
      position: index + 1,
      text: s.text,
      required: s.required,
      agreed: s.required,
    })),
    signedName: "Zoë Ångström",
    signedAt: new Date("2026-11-26T14:05:00Z"),
    contentHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    ...overrides,
  };
}

const FULL_FONT_BYTES = 757_076;

async function expectWellFormed(bytes: Uint8Array, metadata: { title: string; author: string; subject: string }) {
  expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  expect(pdf.getTitle()).toBe(metadata.title);
  expect(pdf.getAuthor()).toBe(metadata.author);
  expect(pdf.getSubject()).toBe(metadata.subject);
  const language = pdf.catalog.lookup(PDFName.of("Lang"));
  expect(language instanceof PDFString ? language.decodeText() : language).toBe("en-GB");
  for (const page of pdf.getPages()) expect(page.getSize()).toEqual({ width: 595.28, height: 841.89 });
  // DejaVu Sans is embedded, and only the glyphs used: far smaller than one full copy of the font.
  const descriptors = pdf.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((object): object is PDFDict => object instanceof PDFDict && object.has(PDFName.of("FontFile2")));
  const fontNames = descriptors.map((d) => d.lookup(PDFName.of("FontName"), PDFName).decodeText()).sort();
  expect(fontNames).toEqual(
    [expect.stringMatching(/^DejaVuSans-\d+$/), expect.stringMatching(/^DejaVuSans-Bold-\d+$/)].sort(),
  );
  expect(bytes.length).toBeLessThan(FULL_FONT_BYTES / 10);
  return pdf;
}

describe("renderInformationSheetPdf", () => {
  it("renders the interview study's seed sheet on a few pages", async () => {
    const bytes = await renderInformationSheetPdf(sheetInput(parseDocument(interview.informationSheet.content)));
    const pdf = await expectWellFormed(bytes, {
      title: interview.informationSheet.title,
      author: interview.contactName,
      subject: interview.title,
    });
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(3);
    expect(pdf.getPageCount()).toBeLessThanOrEqual(6);
  });

  it("runs a long sheet over many pages", async () => {
    const paragraph =
      "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt. ".repeat(3);
    const blocks: DocumentBlock[] = Array.from({ length: 200 }, (_, i) =>
      i % 20 === 0 ? { kind: "heading", text: `Section ${i / 20 + 1}` } : { kind: "paragraph", text: paragraph },
    );
    const pdf = await PDFDocument.load(await renderInformationSheetPdf(sheetInput(blocks)));
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(15);
    // Measuring every word of 200 paragraphs takes a second or two on a busy shared machine.
  }, 30_000);

  it("renders an empty sheet without an ethics line", async () => {
    const bytes = await renderInformationSheetPdf({ ...sheetInput([]), ethicsCommittee: null, ethicsReference: null });
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
  });
});

describe("renderConsentRecordPdf", () => {
  it("renders the signed interview consent form", async () => {
    const bytes = await renderConsentRecordPdf(recordInput());
    const pdf = await expectWellFormed(bytes, {
      title: "Consent form: interview study: signed record",
      author: "Zoë Ångström",
      subject: interview.title,
    });
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(pdf.getPageCount()).toBeLessThanOrEqual(3);
  });

  it("draws names in any script, putting '?' for characters the font lacks", async () => {
    for (const signedName of ["Zoë Ångström 李", "Αθηνά Παπαδοπούλου", "Ольга Иванова", "محمد علي", "👍🏽", "<script>"]) {
      await expect(renderConsentRecordPdf(recordInput({ signedName }))).resolves.toBeInstanceOf(Uint8Array);
    }
  });

  it("copes with long unbroken text, no ethics reference and many statements", async () => {
    const statements = Array.from({ length: 40 }, (_, i) => ({
      position: i + 1,
      text: `Statement ${i + 1}: ${"x".repeat(300)}`,
      required: i % 2 === 0,
      agreed: i % 3 === 0,
    }));
    const bytes = await renderConsentRecordPdf(
      recordInput({ statements, ethicsReference: null, signedName: "A".repeat(200), studyTitle: "y".repeat(500) }),
    );
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThanOrEqual(4);
  });
});
