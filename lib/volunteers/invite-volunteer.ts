import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { inviteParticipant } from "@/lib/participation/invite-participant";
import { isFirstInvitation } from "@/lib/participation/status";
import { RecordNotFoundError } from "./errors";

/**
 * Sends a volunteer the information sheet and a consent link for one of their studies, or a fresh link
 * (which revokes the old one). The participation must be this volunteer's. Refusals the researcher can
 * act on come as ParticipationError, with a message to show.
 */
export async function inviteVolunteer(
  db: Database,
  actor: Researcher,
  input: { volunteerId: string; participationId: string },
): Promise<{ kind: "invited" | "link-resent" }> {
  const participation = await db.participation.findFirst({
    where: { id: input.participationId, volunteerId: input.volunteerId },
    select: { id: true, status: true },
  });
  if (!participation) throw new RecordNotFoundError();
  await inviteParticipant(db, { participationId: participation.id, actor: { type: "RESEARCHER", id: actor.id } });
  return { kind: isFirstInvitation(participation.status) ? "invited" : "link-resent" };
}
