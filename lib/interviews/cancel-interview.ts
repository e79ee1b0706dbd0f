import { SchedulingError } from "@/lib/scheduling/errors";
import { inSchedulingTransaction } from "@/lib/scheduling/transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { emailInterview } from "./interview-notifications";
import { interviewOf, interviewPerson, lockInterviewParticipation } from "./interview-participation";

/**
 * Cancels a booked interview: the interview is CANCELLED, the person goes back to CONSENTED (so another
 * can be booked), and they are emailed a calendar cancellation (METHOD:CANCEL, same UID, SEQUENCE up by
 * one) that removes the event from their calendar.
 */
export async function cancelInterview(
  db: Database,
  actor: Researcher,
  input: { volunteerId: string; participationId: string; interviewId: string },
  now = new Date(),
): Promise<void> {
  await inSchedulingTransaction(db, async (tx) => {
    const participation = await lockInterviewParticipation(tx, input);
    const current = await interviewOf(tx, participation.id, input.interviewId);
    if (current.status !== "SCHEDULED")
      throw new SchedulingError("That interview is not booked, so there is nothing to cancel.");
    const sequence = current.calendarSequence + 1;
    const interview = await tx.interview.update({
      where: { id: current.id },
      data: { status: "CANCELLED", calendarSequence: sequence },
    });
    if (participation.status === "SCHEDULED")
      await tx.participation.update({ where: { id: participation.id }, data: { status: "CONSENTED" } });
    await emailInterview(tx, { interview, person: interviewPerson(participation), kind: "cancelled", now });
    await recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: actor.id,
      action: "interview.cancelled",
      subjectType: "participation",
      subjectId: participation.id,
      data: { interviewId: current.id, calendarSequence: sequence },
    });
  });
}
