import { canBookInterview } from "@/lib/participation/status";
import { randomUUID } from "node:crypto";
import { assertSignedCurrentConsent } from "@/lib/scheduling/signed-consent";
import { SchedulingError } from "@/lib/scheduling/errors";
import { inSchedulingTransaction } from "@/lib/scheduling/transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Researcher } from "@/lib/auth/researcher-session";
import { calendarUid } from "@/lib/calendar/calendar-file";
import { readEnv } from "@/lib/config/env";
import type { Database } from "@/lib/db/prisma";
import { teamsLinkProblem } from "@/lib/scheduling/links";
import { durationProblem } from "./interview-form";
import { emailInterview } from "./interview-notifications";
import { interviewPerson, lockInterviewParticipation } from "./interview-participation";

export type InterviewTime = { startsAt: Date; durationMinutes: number; meetingLink: string };

/** The checks the form makes, made again here: the data layer never trusts the page. */
export function assertInterviewTime(input: InterviewTime, now: Date): void {
  const duration = durationProblem(input.durationMinutes);
  if (duration) throw new SchedulingError(duration, "duration");
  const link = teamsLinkProblem(input.meetingLink);
  if (link) throw new SchedulingError(link, "meetingLink");
  if (input.startsAt.getTime() <= now.getTime())
    throw new SchedulingError("The interview must be in the future", "date");
}

/**
 * Books an interview for someone who has signed the current consent form (any researcher may): stores it
 * with a new calendar UID at SEQUENCE 0, sets the participation SCHEDULED, and emails the person the
 * details with a calendar invitation, in one transaction with its audit event. The participation row is
 * locked, so two researchers cannot book two interviews for one person.
 */
export async function scheduleInterview(
  db: Database,
  actor: Researcher,
  input: InterviewTime & { volunteerId: string; participationId: string },
  now = new Date(),
): Promise<{ interviewId: string }> {
  assertInterviewTime(input, now);
  return inSchedulingTransaction(db, async (tx) => {
    const participation = await lockInterviewParticipation(tx, input);
    await assertSignedCurrentConsent(tx, participation, canBookInterview);
    const active = await tx.interview.findFirst({
      where: { participationId: participation.id, status: "SCHEDULED" },
      select: { id: true },
    });
    if (active)
      throw new SchedulingError("This person already has an interview booked. Change its time or cancel it instead.");

    const id = randomUUID();
    const interview = await tx.interview.create({
      data: {
        id,
        participationId: participation.id,
        startsAt: input.startsAt,
        durationMinutes: input.durationMinutes,
        meetingLink: input.meetingLink,
        calendarUid: calendarUid("interview", id, readEnv().publicUrl),
        calendarSequence: 0,
        scheduledById: actor.id,
      },
    });
    await tx.participation.update({ where: { id: participation.id }, data: { status: "SCHEDULED" } });
    await emailInterview(tx, { interview, person: interviewPerson(participation), kind: "scheduled", now });
    await recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: actor.id,
      action: "interview.scheduled",
      subjectType: "participation",
      subjectId: participation.id,
      data: { interviewId: id, durationMinutes: input.durationMinutes, calendarSequence: 0 },
    });
    return { interviewId: id };
  });
}
