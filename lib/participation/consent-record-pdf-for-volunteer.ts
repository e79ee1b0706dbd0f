import type { Database } from "@/lib/db/prisma";
import { renderConsentRecordPdf } from "@/lib/pdf/consent-record-pdf";
import type { ConsentStatementAnswer } from "@/lib/consent/consent-hash";
import { findManageAccess } from "./manage-participation";

/**
 * A signed consent form as a PDF, for the person who signed it: their manage link must be valid and the
 * record theirs. Anything else gets null, the same for a wrong link and someone else's record.
 */
export async function consentRecordPdfForVolunteer(db: Database, input: { token: string; recordId: string }): Promise<Uint8Array | null> {
  const access = await findManageAccess(db, input.token);
  if (!access || !/^[0-9a-f-]{36}$/.test(input.recordId)) return null;
  const record = await db.consentRecord.findFirst({
    where: { id: input.recordId, participation: { volunteerId: access.volunteerId } },
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
