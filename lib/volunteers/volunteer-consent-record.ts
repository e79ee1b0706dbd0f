import type { Researcher } from "@/lib/auth/researcher-session";
import { verifyStoredConsentRecord, type ConsentEvidenceReport } from "@/lib/consent/verify-stored-consent-record";
import type { Database } from "@/lib/db/prisma";
import { storedConsentRecordPdf } from "@/lib/consent/stored-consent-record-pdf";

type RecordOfVolunteer = { volunteerId: string; recordId: string };

/** The record, only when it is this volunteer's: another person's record id under this URL finds nothing. */
async function findRecordOfVolunteer(db: Database, input: RecordOfVolunteer) {
  return db.consentRecord.findFirst({
    where: { id: input.recordId, participation: { volunteerId: input.volunteerId } },
    include: { consentForm: { select: { title: true } } },
  });
}

/** A volunteer's signed consent form as a PDF, for the study file. Null unless the record is theirs. */
export async function consentRecordPdfForResearcher(
  db: Database,
  _actor: Researcher,
  input: RecordOfVolunteer,
): Promise<Uint8Array | null> {
  return storedConsentRecordPdf(db, input);
}

/**
 * Checks one of a volunteer's consent records as evidence (its hash, its signing event, the audit
 * chain). Reading it changes nothing. Null unless the record is theirs.
 */
export async function verifyVolunteerConsentRecord(
  db: Database,
  _actor: Researcher,
  input: RecordOfVolunteer,
): Promise<ConsentEvidenceReport | null> {
  const record = await findRecordOfVolunteer(db, input);
  if (!record) return null;
  return verifyStoredConsentRecord(db, record.id);
}
