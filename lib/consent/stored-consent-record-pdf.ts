import type { ConsentStatementAnswer } from "@/lib/consent/consent-hash";
import type { Database } from "@/lib/db/prisma";
import { renderConsentRecordPdf } from "@/lib/pdf/consent-record-pdf";

/**
 * A stored consent record as its PDF, found only under the volunteer it belongs to: another person's
 * record id finds nothing (null). Shared by the participant's manage page and the dashboard, which each
 * decide first who the volunteer is.
 */
export async function storedConsentRecordPdf(
  db: Database,
  input: { volunteerId: string; recordId: string },
): Promise<Uint8Array | null> {
  const record = await db.consentRecord.findFirst({
    where: { id: input.recordId, participation: { volunteerId: input.volunteerId } },
    include: { consentForm: { select: { title: true } } },
  });
  if (!record) return null;
  return renderConsentRecordPdf({
    recordId: record.id,
    studyTitle: record.studyTitle,
    ethicsReference: record.ethicsReference,
    consentFormTitle: record.consentForm.title,
    consentFormVersion: record.consentFormVersion,
    consentFormVersionDate: record.consentFormVersionDate,
    informationSheetVersion: record.informationSheetVersion,
    informationSheetVersionDate: record.informationSheetVersionDate,
    statements: record.statements as unknown as ConsentStatementAnswer[],
    signedName: record.signedName,
    signedAt: record.signedAt,
    contentHash: record.contentHash,
  });
}
