import { SchedulingError } from "@/lib/scheduling/errors";
import { inSchedulingTransaction } from "@/lib/scheduling/transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { emailInterview } from "./interview-notifications";
import { interviewOf, interviewPerson, lockInterviewParticipation } from "./interview-participation";

/**
 * Records what happened at a booked interview, once its start time has passed:
 * - COMPLETED: the interview and the participation are completed;
 * - DID_NOT_ATTEND: the interview is marked so, and the participation goes back to CONSENTED, so that
 *   the team can book another time if the person still wants to take part (their consent stands).
 * The person gets a short note (thanks, or sorry we missed you and how to rearrange).
 */
export async function recordInterviewOutcome(
  db: Database,
  actor: Researcher,
  input: { volunteerId: string; participationId: string; interviewId: string; outcome: "COMPLETED" | "DID_NOT_ATTEND" },
  now = new Date(),
): Promise<void> {
  await inSchedulingTransaction(db, async (tx) => {
    const participation = await lockInterviewParticipation(tx, input);
    const current = await interviewOf(tx, participation.id, input.interviewId);
    if (current.status !== "SCHEDULED")
      throw new SchedulingError("The outcome of that interview has already been recorded, or it was cancelled.");
    if (current.startsAt.getTime() > now.getTime())
      throw new SchedulingError("You can record the outcome once the interview's start time has passed.");
    if (participation.status !== "SCHEDULED")
      throw new SchedulingError("This person is no longer taking part, so no outcome can be recorded.");

    const completed = input.outcome === "COMPLETED";
    const interview = await tx.interview.update({ where: { id: current.id }, data: { status: input.outcome } });
    await tx.participation.update({
      where: { id: participation.id },
      data: completed ? { status: "COMPLETED", completedAt: now } : { status: "CONSENTED" },
    });
    await emailInterview(tx, {
      interview,
      person: interviewPerson(participation),
      kind: completed ? "completed" : "did_not_attend",
      now,
    });
    await recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: actor.id,
      action: completed ? "interview.completed" : "interview.did_not_attend",
      subjectType: "participation",
      subjectId: participation.id,
      data: { interviewId: current.id },
    });
  });
}
