import { formatUkDate, formatUkDateTime } from "@/lib/text/uk-dates";
import { PdfFlowWriter } from "./pdf-writer";

export type ConsentRecordPdfStatement = { position: number; text: string; required: boolean; agreed: boolean };

export type ConsentRecordPdfInput = {
  recordId: string;
  studyTitle: string;
  ethicsReference: string | null;
  consentFormTitle: string;
  consentFormVersion: string;
  consentFormVersionDate: Date;
  informationSheetVersion: string;
  informationSheetVersionDate: Date;
  statements: ConsentRecordPdfStatement[];
  signedName: string;
  signedAt: Date;
  contentHash: string;
};

/**
 * What the box beside a statement shows. A required statement cannot be signed unanswered, but the record
 * shows what was stored rather than what should have been.
 */
function answer(statement: ConsentRecordPdfStatement): string {
  if (statement.required) return statement.agreed ? "Agreed" : "Not agreed";
  return statement.agreed ? "Yes" : "No";
}

/** The signed consent form in the usual UK layout, for the participant and the study file. */
export async function renderConsentRecordPdf(input: ConsentRecordPdfInput): Promise<Uint8Array> {
  const pdf = await PdfFlowWriter.create({
    title: `${input.consentFormTitle}: signed record`,
    author: input.signedName,
    subject: input.studyTitle,
    footerLabel: `Consent record ${input.recordId}`,
  });

  pdf.heading(input.consentFormTitle, 1);
  const details = [{ key: "Study title", value: input.studyTitle }];
  if (input.ethicsReference) details.push({ key: "Ethics reference", value: input.ethicsReference });
  details.push(
    {
      key: "Consent form",
      value: `version ${input.consentFormVersion}, dated ${formatUkDate(input.consentFormVersionDate)}`,
    },
    {
      key: "Participant information sheet",
      value: `version ${input.informationSheetVersion}, dated ${formatUkDate(input.informationSheetVersionDate)}`,
    },
  );
  pdf.keyValue(details);

  pdf.paragraph(
    "Each answer is shown in the box beside its statement, where a paper form has the participant's initials.",
  );
  pdf.spacer(4);
  pdf.boxedList(
    "Answer",
    [...input.statements]
      .sort((a, b) => a.position - b.position)
      .map((statement) => ({ marker: `${statement.position}.`, text: statement.text, boxText: answer(statement) })),
  );

  pdf.spacer(4);
  pdf.keyValue([
    { key: "Signed (typed name)", value: input.signedName },
    { key: "Date and time", value: `${formatUkDateTime(input.signedAt)} (UK time)` },
  ]);

  pdf.heading("Record");
  pdf.keyValue([
    { key: "Record ID", value: input.recordId },
    { key: "SHA-256 of this record", value: input.contentHash },
  ]);
  pdf.paragraph(
    "This fingerprint is calculated from the content of the record when it was signed, so anyone can recalculate it to check that the record has not been changed since signing.",
  );
  return pdf.save();
}
