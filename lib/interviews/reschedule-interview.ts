import { canRescheduleInterview } from "@/lib/participation/status";
import { assertSignedCurrentConsent } from "@/lib/scheduling/signed-consent";
import { SchedulingError } from "@/lib/scheduling/errors";
import { inSchedulingTransaction, lockInterviewSlots } from "@/lib/scheduling/transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { emailInterview } from "./interview-notifications";
import { interviewOf, interviewPerson, lockInterviewParticipation } from "./interview-participation";
import { assertInterviewTime, type InterviewTime } from "./schedule-interview";

/**
 * Moves a booked interview (a new time, length or Teams link). The calendar event keeps its UID and its
 * SEQUENCE goes up by one, so the person's calendar moves the event it has; they are emailed the new
 * details with the updated invitation. Needs the current consent form signed, as booking does.
 */
export async function rescheduleInterview(
  db: Database,
  actor: Researcher,
  input: InterviewTime & { volunteerId: string; participationId: string; interviewId: string },
  now = new Date(),
): Promise<void> {
  assertInterviewTime(input, now);
  await inSchedulingTransaction(db, async (tx) => {
    // A new time gives back the slot it was booked in (trigger interviews_free_slot): slots lock before people.
    const slot = await tx.interviewSlot.findUnique({
      where: { bookedInterviewId: input.interviewId },
      select: { id: true },
    });
    await lockInterviewSlots(tx, [slot?.id]);
    const participation = await lockInterviewParticipation(tx, input);
    const current = await interviewOf(tx, participation.id, input.interviewId);
    if (current.status !== "SCHEDULED")
      throw new SchedulingError("That interview is no longer booked, so it cannot be moved.");
    await assertSignedCurrentConsent(tx, participation, canRescheduleInterview);
    const sequence = current.calendarSequence + 1;
    const interview = await tx.interview.update({
      where: { id: current.id },
      data: {
        startsAt: input.startsAt,
        durationMinutes: input.durationMinutes,
        meetingLink: input.meetingLink,
        calendarSequence: sequence,
      },
    });
    await emailInterview(tx, {
      interview,
      person: interviewPerson(participation),
      kind: "rescheduled",
      previousStartsAt: current.startsAt,
      now,
    });
    await recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: actor.id,
      action: "interview.rescheduled",
      subjectType: "participation",
      subjectId: participation.id,
      data: { interviewId: current.id, durationMinutes: input.durationMinutes, calendarSequence: sequence },
    });
  });
}
