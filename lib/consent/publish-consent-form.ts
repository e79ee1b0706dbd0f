import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database } from "@/lib/db/prisma";
import { inviteParticipantInTransaction, type Actor } from "@/lib/participation/invite-participant";
import { ParticipationError } from "@/lib/participation/errors";
import { TAKING_PART } from "@/lib/participation/status";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Who publishing a consent form asks to re-consent: everyone still taking part who signed an earlier
 * version. Someone whose personal data was erased on request cannot be contacted again.
 */
export function reconsentCandidates(input: { studyId: string; formId: string }): Prisma.ParticipationWhereInput {
  return {
    studyId: input.studyId,
    status: { in: [...TAKING_PART] },
    consentRecords: { some: { consentFormId: { not: input.formId } } },
    volunteer: { erasedAt: null },
  };
}

/**
 * Publishes a new version of a study's consent form. Everyone who signed an earlier version and is still
 * taking part is marked as needing re-consent and sent a link to the new version; their old records stay
 * exactly as they were. All in one transaction: the new form and the invitations go out together or not
 * at all.
 */
export async function publishConsentForm(
  db: Database,
  input: { consentFormId: string; actor: Actor },
  now = new Date(),
): Promise<{ reconsentRequested: number }> {
  return db.$transaction(async (tx) => {
    const form = await tx.consentForm.findUnique({
      where: { id: input.consentFormId },
      include: { informationSheet: true, _count: { select: { statements: true } } },
    });
    if (!form) throw new ParticipationError("That consent form does not exist.");
    if (form.publishedAt) throw new ParticipationError("That consent form is already published.");
    if (form._count.statements === 0)
      throw new ParticipationError("A consent form needs at least one statement before it can be published.");
    if (!form.informationSheet.publishedAt)
      throw new ParticipationError("Publish the information sheet this form refers to first.");
    await tx.consentForm.update({ where: { id: form.id }, data: { publishedAt: now } });

    const signedEarlier = await tx.participation.findMany({
      where: reconsentCandidates({ studyId: form.studyId, formId: form.id }),
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorType: input.actor.type,
      actorId: input.actor.type === "RESEARCHER" ? input.actor.id : null,
      action: "consent_form.published",
      subjectType: "consent_form",
      subjectId: form.id,
      data: { studyId: form.studyId, version: form.version, reconsentRequested: signedEarlier.length },
    });
    for (const participation of signedEarlier) {
      await inviteParticipantInTransaction(tx, {
        participationId: participation.id,
        actor: input.actor,
        reconsent: true,
      });
    }
    return { reconsentRequested: signedEarlier.length };
  });
}
