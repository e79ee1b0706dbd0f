import { SchedulingError } from "@/lib/scheduling/errors";
import { inSchedulingTransaction, lockInterviewSlots } from "@/lib/scheduling/transaction";
import { recordAuditEvent, type AuditActorType } from "@/lib/audit/record-audit-event";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import type { Interview, Prisma } from "@/lib/generated/prisma/client";
import { emailInterview } from "./interview-notifications";
import { interviewOf, interviewPerson, lockInterviewParticipation } from "./interview-participation";

type Tx = Prisma.TransactionClient;
type LockedParticipation = Awaited<ReturnType<typeof lockInterviewParticipation>>;

/**
 * The cancellation itself, for the team's command and the participant's own: the caller has locked the
 * participation and checked who may cancel. A slot the interview held is given back by the database
 * (trigger interviews_free_slot).
 */
export async function cancelBookedInterview(
  tx: Tx,
  input: {
    participation: LockedParticipation;
    current: Interview;
    actor: { actorType: AuditActorType; actorId: string };
    now: Date;
  },
): Promise<void> {
  const { participation, current } = input;
  if (current.status !== "SCHEDULED")
    throw new SchedulingError("That interview is not booked, so there is nothing to cancel.");
  const sequence = current.calendarSequence + 1;
  const interview = await tx.interview.update({
    where: { id: current.id },
    data: { status: "CANCELLED", calendarSequence: sequence },
  });
  if (participation.status === "SCHEDULED")
    await tx.participation.update({ where: { id: participation.id }, data: { status: "CONSENTED" } });
  await emailInterview(tx, { interview, person: interviewPerson(participation), kind: "cancelled", now: input.now });
  await recordAuditEvent(tx, {
    ...input.actor,
    action: "interview.cancelled",
    subjectType: "participation",
    subjectId: participation.id,
    data: { interviewId: current.id, calendarSequence: sequence },
  });
}

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
    // The slot it frees is locked first, as booking locks slots before people.
    const slot = await tx.interviewSlot.findUnique({
      where: { bookedInterviewId: input.interviewId },
      select: { id: true },
    });
    await lockInterviewSlots(tx, [slot?.id]);
    const participation = await lockInterviewParticipation(tx, input);
    const current = await interviewOf(tx, participation.id, input.interviewId);
    await cancelBookedInterview(tx, {
      participation,
      current,
      actor: { actorType: "RESEARCHER", actorId: actor.id },
      now,
    });
  });
}
