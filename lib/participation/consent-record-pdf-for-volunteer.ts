import type { Database } from "@/lib/db/prisma";
import { storedConsentRecordPdf } from "@/lib/consent/stored-consent-record-pdf";
import { findManageAccess } from "./manage-participation";

/**
 * A signed consent form as a PDF, for the person who signed it: their manage link must be valid and the
 * record theirs. Anything else gets null, the same for a wrong link and someone else's record.
 */
export async function consentRecordPdfForVolunteer(
  db: Database,
  input: { token: string; recordId: string },
): Promise<Uint8Array | null> {
  const access = await findManageAccess(db, input.token);
  if (!access || !/^[0-9a-f-]{36}$/.test(input.recordId)) return null;
  return storedConsentRecordPdf(db, { volunteerId: access.volunteerId, recordId: input.recordId });
}
