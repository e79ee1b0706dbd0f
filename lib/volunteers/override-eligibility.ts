import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import type { EligibilityOutcome, Prisma } from "@/lib/generated/prisma/client";
import { ParticipationError } from "@/lib/participation/errors";
import { FOLLOWS_ELIGIBILITY } from "@/lib/participation/status";
import { RecordNotFoundError } from "./errors";

async function lockParticipation(
  tx: Prisma.TransactionClient,
  input: { volunteerId: string; participationId: string },
) {
  // Row lock: two overrides at once apply one after the other, each seeing the other's result.
  const locked = await tx.$queryRaw<{ id: string }[]>`
    select p.id from participations p where p.id = ${input.participationId}::uuid and p.volunteer_id = ${input.volunteerId}::uuid for update`;
  if (locked.length === 0) throw new RecordNotFoundError();
  const participation = await tx.participation.findUniqueOrThrow({
    where: { id: input.participationId },
    include: { volunteer: { select: { erasedAt: true } } },
  });
  if (participation.volunteer.erasedAt)
    throw new ParticipationError("This person's details have been erased, so their eligibility cannot be changed.");
  return participation;
}

/**
 * Overrides the computed eligibility of one of a volunteer's participations, with the reason the
 * researcher must give (kept on the participation; the audit event holds codes only). A status that
 * only reflects eligibility follows the override.
 */
export async function overrideEligibility(
  db: Database,
  actor: Researcher,
  input: { volunteerId: string; participationId: string; outcome: EligibilityOutcome; reason: string },
): Promise<void> {
  const reason = input.reason.trim();
  if (reason.length < 1 || reason.length > 1000)
    throw new ParticipationError("Give the reason for overriding their eligibility, in 1000 characters or fewer.");
  await db.$transaction(async (tx) => {
    const participation = await lockParticipation(tx, input);
    // Someone invited but found not eligible after all must not be able to sign: their link stops working.
    const uninvite = input.outcome === "INELIGIBLE" && participation.status === "INVITED";
    const status =
      FOLLOWS_ELIGIBILITY.includes(participation.status) || uninvite ? input.outcome : participation.status;
    await tx.participation.update({
      where: { id: participation.id },
      data: {
        eligibilityOverride: input.outcome,
        overrideReason: reason,
        overriddenById: actor.id,
        overriddenAt: new Date(),
        status,
      },
    });
    if (uninvite) {
      await tx.accessToken.updateMany({
        where: { participationId: participation.id, purpose: "CONSENT", revokedAt: null, usedAt: null },
        data: { revokedAt: new Date() },
      });
    }
    await recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: actor.id,
      action: "participation.eligibility_overridden",
      subjectType: "participation",
      subjectId: participation.id,
      data: {
        studyId: participation.studyId,
        computed: participation.eligibility,
        previousOverride: participation.eligibilityOverride,
        override: input.outcome,
        statusBefore: participation.status,
        statusAfter: status,
      },
    });
  });
}

/** Removes an override: the computed eligibility counts again, and a status that only reflects it follows. */
export async function clearEligibilityOverride(
  db: Database,
  actor: Researcher,
  input: { volunteerId: string; participationId: string },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const participation = await lockParticipation(tx, input);
    if (!participation.eligibilityOverride)
      throw new ParticipationError("Their eligibility for this study is not overridden.");
    const status = FOLLOWS_ELIGIBILITY.includes(participation.status)
      ? participation.eligibility
      : participation.status;
    await tx.participation.update({
      where: { id: participation.id },
      data: { eligibilityOverride: null, overrideReason: null, overriddenById: null, overriddenAt: null, status },
    });
    await recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: actor.id,
      action: "participation.eligibility_override_cleared",
      subjectType: "participation",
      subjectId: participation.id,
      data: {
        studyId: participation.studyId,
        computed: participation.eligibility,
        previousOverride: participation.eligibilityOverride,
        statusBefore: participation.status,
        statusAfter: status,
      },
    });
  });
}
