import { currentConsentForm } from "@/lib/consent/current-documents";
import type { ParticipationStatus, Prisma } from "@/lib/generated/prisma/client";
import { NEEDS_CONSENT, SchedulingError } from "./errors";

type Tx = Prisma.TransactionClient;

/**
 * Whether this person has signed the study's current consent form: a stored consent record for exactly
 * that version. Someone who signed an older version and has been asked to re-consent has not.
 */
export async function hasSignedCurrentConsent(
  tx: Tx,
  participation: { id: string; studyId: string },
): Promise<boolean> {
  const form = await currentConsentForm(tx, participation.studyId);
  if (!form) return false;
  const record = await tx.consentRecord.findUnique({
    where: { participationId_consentFormId: { participationId: participation.id, consentFormId: form.id } },
    select: { id: true },
  });
  return record !== null;
}

/**
 * Refuses to arrange anything for someone who has not signed the current consent form, or whose status
 * does not pass `allowed` (a check from lib/participation/status.ts), with a reason the researcher can act on.
 */
export async function assertSignedCurrentConsent(
  tx: Tx,
  participation: { id: string; studyId: string; status: ParticipationStatus },
  allowed: (status: ParticipationStatus) => boolean,
): Promise<void> {
  if (participation.status === "WITHDRAWN")
    throw new SchedulingError("This person has withdrawn from the study, so nothing can be arranged for them.");
  if (participation.status === "COMPLETED")
    throw new SchedulingError("This person has already taken part in the study.");
  if (!allowed(participation.status) || !(await hasSignedCurrentConsent(tx, participation))) {
    throw new SchedulingError(`${NEEDS_CONSENT}: this person has not signed the study's current consent form.`);
  }
}
