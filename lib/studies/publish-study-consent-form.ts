import { assertAdmin } from "@/lib/auth/permissions";
import type { Researcher } from "@/lib/auth/researcher-session";
import { publishConsentForm, reconsentCandidates } from "@/lib/consent/publish-consent-form";
import type { Database } from "@/lib/db/prisma";
import { ParticipationError } from "@/lib/participation/errors";
import { ActionError } from "../forms/action-error";

/**
 * How many people publishing this draft would ask to re-consent: everyone still taking part who signed
 * an earlier version and can still be contacted (the same people publishing asks).
 */
export async function countReconsentCandidates(
  db: Database,
  _actor: Researcher,
  input: { studyId: string; formId: string },
): Promise<number> {
  return db.participation.count({ where: reconsentCandidates(input) });
}

/**
 * Publishes a draft consent form of this study (admins only), through lib/consent/publish-consent-form.ts:
 * the form becomes the one people sign, and everyone who signed an earlier version is asked to re-consent,
 * in the same transaction. Returns how many people were asked.
 */
export async function publishStudyConsentForm(
  db: Database,
  actor: Researcher,
  input: { studyId: string; formId: string },
): Promise<{ reconsentRequested: number }> {
  assertAdmin(actor);
  const form = await db.consentForm.findFirst({
    where: { id: input.formId, studyId: input.studyId },
    select: { id: true, version: true, publishedAt: true },
  });
  if (!form) throw new ActionError("That consent form does not exist.");
  if (form.publishedAt) throw new ActionError(`Version ${form.version} is already published.`);
  try {
    return await publishConsentForm(db, { consentFormId: form.id, actor: { type: "RESEARCHER", id: actor.id } });
  } catch (error) {
    // Its messages are written for the person acting ("Publish the information sheet … first").
    if (error instanceof ParticipationError) throw new ActionError(error.message);
    // Another admin published it a moment ago: the database refused the second change.
    if (error instanceof Error && error.message.includes("a published consent_forms cannot be changed")) {
      throw new ActionError(`Version ${form.version} is already published.`);
    }
    throw error;
  }
}

/**
 * How many people were asked to re-consent when this form was published, as the audit trail recorded it
 * (so the confirmation shows what happened, not a number taken from the address). Null if unpublished.
 */
export async function reconsentRequestedWhenPublished(
  db: Database,
  _actor: Researcher,
  input: { studyId: string; formId: string },
): Promise<number | null> {
  const event = await db.auditEvent.findFirst({
    where: { action: "consent_form.published", subjectType: "consent_form", subjectId: input.formId },
    orderBy: { id: "desc" },
    select: { data: true },
  });
  const data = event?.data as { studyId?: string; reconsentRequested?: number } | undefined;
  return data?.studyId === input.studyId && typeof data.reconsentRequested === "number"
    ? data.reconsentRequested
    : null;
}
