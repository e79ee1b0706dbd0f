import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { ParticipationError } from "@/lib/participation/errors";
import { withdrawParticipation } from "@/lib/participation/withdraw";
import { RecordNotFoundError } from "./errors";

export type WithdrawalChannel = "phone" | "email" | "in-person" | "letter";

/**
 * Records a withdrawal a volunteer asked for by phone, email, in person or letter, from one study or all,
 * with what they want done with the data already given. Everything pending for them stops, and they
 * and the team are told, as when they withdraw themselves (lib/participation/withdraw.ts).
 */
export async function recordWithdrawal(
  db: Database,
  actor: Researcher,
  input: {
    volunteerId: string;
    from: string | "all";
    channel: WithdrawalChannel;
    dataChoice: "KEEP" | "REMOVE";
    reason: string | null;
  },
): Promise<{ withdrawn: string[] }> {
  const volunteer = await db.volunteer.findUnique({
    where: { id: input.volunteerId },
    select: { id: true, erasedAt: true },
  });
  if (!volunteer) throw new RecordNotFoundError();
  if (volunteer.erasedAt)
    throw new ParticipationError("This person's details have been erased, so a withdrawal cannot be recorded here.");
  if (input.from !== "all") {
    const participation = await db.participation.findFirst({
      where: { id: input.from, volunteerId: volunteer.id },
      select: { status: true },
    });
    if (!participation) throw new RecordNotFoundError();
    if (participation.status === "WITHDRAWN")
      throw new ParticipationError("They have already withdrawn from that study.");
  }
  return withdrawParticipation(db, {
    volunteerId: volunteer.id,
    participationIds: input.from === "all" ? "all" : [input.from],
    method: "RECORDED_BY_RESEARCHER",
    recordedById: actor.id,
    channel: input.channel,
    dataChoice: input.dataChoice,
    reason: input.reason,
  });
}
