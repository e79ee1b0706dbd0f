import "server-only";
import { z } from "zod";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { ParticipationError } from "@/lib/participation/errors";
import { inviteParticipantInTransaction } from "@/lib/participation/invite-participant";
import { logger } from "@/lib/log/logger";

/** The bulk invitation form: a study and the participations ticked on the list (at most a few pages' worth). */
export const bulkInviteSchema = z.object({
  studyId: z.uuid("Choose a study to invite people to"),
  participationIds: z
    .array(z.uuid("Select volunteers from the list"))
    .min(1, "Select at least one volunteer to invite")
    .max(100, "Select at most 100 volunteers at a time"),
});
export type BulkInviteInput = z.infer<typeof bulkInviteSchema>;

export type BulkInviteResult = {
  studyTitle: string;
  invited: { participationId: string; volunteerId: string; fullName: string }[];
  /** Everyone who was not invited, with the reason in words a researcher can act on. */
  notInvited: { participationId: string; volunteerId: string | null; fullName: string | null; reason: string }[];
};

/** What "Invite selected" shows after a submit: why nothing was done, or who was invited and who not. */
export type BulkInviteState = { error: string } | { result: BulkInviteResult } | null;

export class StudyNotFoundError extends Error {}

/**
 * Invites each selected person to the study, one transaction each, so that one refusal never stops or
 * undoes the others. Only people who are eligible and not yet invited are invited here: someone already
 * invited is refused (a new link is a deliberate act on their own page), as is an id that is not a
 * participation in this study. The status is checked again under a row lock, so two researchers inviting
 * the same person at once send one invitation, not two. Each invitation is audited by
 * inviteParticipantInTransaction, with the researcher as the actor. Any signed-in researcher may invite.
 */
export async function inviteVolunteers(
  db: Database,
  actor: Researcher,
  input: BulkInviteInput,
): Promise<BulkInviteResult> {
  const study = await db.study.findUnique({ where: { id: input.studyId }, select: { id: true, shortTitle: true } });
  if (!study) throw new StudyNotFoundError("That study does not exist.");
  const ids = [...new Set(input.participationIds)];
  const found = await db.participation.findMany({
    where: { id: { in: ids } },
    select: { id: true, studyId: true, volunteerId: true, volunteer: { select: { fullName: true } } },
  });
  const byId = new Map(found.map((p) => [p.id, p]));

  const result: BulkInviteResult = { studyTitle: study.shortTitle, invited: [], notInvited: [] };
  for (const id of ids) {
    const participation = byId.get(id);
    if (!participation) {
      result.notInvited.push({
        participationId: id,
        volunteerId: null,
        fullName: null,
        reason: "There is no such volunteer registration.",
      });
      continue;
    }
    const who = {
      participationId: id,
      volunteerId: participation.volunteerId,
      fullName: participation.volunteer.fullName,
    };
    if (participation.studyId !== study.id) {
      result.notInvited.push({ ...who, reason: `This person has not registered for ${study.shortTitle}.` });
      continue;
    }
    try {
      await db.$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<{ status: string; eligibility: string }[]>`
          select status::text as status, coalesce(eligibility_override, eligibility)::text as eligibility
          from participations where id = ${id}::uuid for update`;
        if (row?.status === "INVITED" && row.eligibility === "ELIGIBLE") {
          throw new ParticipationError("Already invited. To send a new link, use the volunteer's own page.");
        }
        await inviteParticipantInTransaction(tx, { participationId: id, actor: { type: "RESEARCHER", id: actor.id } });
      });
      result.invited.push(who);
    } catch (error) {
      if (error instanceof ParticipationError) {
        result.notInvited.push({ ...who, reason: error.message });
      } else {
        // Those before were invited and those after still can be: say so, rather than fail the batch.
        // Logged without the error's text, which can quote the data it was handling.
        const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
        logger.error(
          { participationId: id, error: error instanceof Error ? error.name : typeof error, code },
          "bulk invitation of one participation failed",
        );
        result.notInvited.push({ ...who, reason: "Something went wrong, so this person was not invited. Try again." });
      }
    }
  }
  return result;
}
