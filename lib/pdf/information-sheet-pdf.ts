import type { DocumentBlock } from "@/lib/documents/parse-document";
import { formatUkDate } from "@/lib/text/uk-dates";
import { PdfFlowWriter } from "./pdf-writer";

export type InformationSheetPdfInput = {
  studyTitle: string;
  sheetTitle: string;
  version: string;
  versionDate: Date;
  ethicsCommittee: string | null;
  ethicsReference: string | null;
  blocks: DocumentBlock[];
  contactName: string;
  contactEmail: string;
};

function ethicsLine(committee: string | null, reference: string | null): string | null {
  if (committee && reference) return `Ethical approval: ${committee}, reference number ${reference}`;
  if (committee) return `Ethical approval: ${committee}`;
  if (reference) return `Ethical approval: reference number ${reference}`;
  return null;
}

/** The participant information sheet as a PDF to download, print or keep, with its version on it. */
export async function renderInformationSheetPdf(input: InformationSheetPdfInput): Promise<Uint8Array> {
  const versionLine = `Version ${input.version}, dated ${formatUkDate(input.versionDate)}`;
  const pdf = await PdfFlowWriter.create({
    title: input.sheetTitle,
    author: input.contactName,
    subject: input.studyTitle,
    footerLabel: `${input.sheetTitle}, version ${input.version}`,
  });

  pdf.heading(input.sheetTitle, 1);
  pdf.paragraph(input.studyTitle, { bold: true });
  pdf.paragraph(versionLine);
  const ethics = ethicsLine(input.ethicsCommittee, input.ethicsReference);
  if (ethics) pdf.paragraph(ethics);
  pdf.spacer(6);

  for (const block of input.blocks) {
    switch (block.kind) {
      case "heading":
        pdf.heading(block.text);
        break;
      case "paragraph":
        pdf.paragraph(block.text);
        break;
      case "list":
        pdf.list(block.items);
        break;
    }
  }

  pdf.spacer(6);
  pdf.paragraph(`Questions: contact ${input.contactName} at ${input.contactEmail}.`, { bold: true });
  return pdf.save();
}
