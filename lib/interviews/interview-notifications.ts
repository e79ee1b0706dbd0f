import { calendarAttachment, type CalendarEvent } from "@/lib/calendar/calendar-file";
import { readEnv } from "@/lib/config/env";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import {
  renderInterviewCancellation,
  renderInterviewInvitation,
  renderInterviewOutcome,
  ukTimeSpan,
} from "@/lib/email/templates/interview-emails";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createManageLink } from "@/lib/participation/manage-link";
import { cancelPendingScheduleReminders } from "@/lib/reminders/cancel-pending-reminders";

type Tx = Prisma.TransactionClient;

export type InterviewFacts = {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  meetingLink: string;
  calendarUid: string;
  calendarSequence: number;
};

export type InterviewPerson = {
  participationId: string;
  volunteer: { id: string; email: string; fullName: string };
  study: { title: string; contactName: string; contactEmail: string; interviewBookingCutoffHours: number };
};

/** The interview as a calendar event: its stored UID and SEQUENCE, the Teams link as place and address. */
export function interviewCalendarEvent(
  interview: InterviewFacts,
  person: InterviewPerson,
  method: "REQUEST" | "CANCEL",
): CalendarEvent {
  const endsAt = new Date(interview.startsAt.getTime() + interview.durationMinutes * 60_000);
  return {
    method,
    uid: interview.calendarUid,
    sequence: interview.calendarSequence,
    startsAt: interview.startsAt,
    endsAt,
    title: `Research interview: ${person.study.title}`,
    description: [
      `Your ${interview.durationMinutes}-minute interview for ${person.study.title}.`,
      `When: ${ukTimeSpan(interview.startsAt, endsAt)}`,
      `Join on Microsoft Teams: ${interview.meetingLink}`,
      `To move or cancel it, use the "Manage your participation" link in our email, or contact ${person.study.contactName} at ${person.study.contactEmail}.`,
    ].join("\n"),
    location: "Microsoft Teams",
    url: interview.meetingLink,
    organizer: { name: person.study.contactName, email: person.study.contactEmail },
    attendee: { name: person.volunteer.fullName, email: person.volunteer.email },
  };
}

export type InterviewEmailKind = "scheduled" | "rescheduled" | "cancelled" | "completed" | "did_not_attend";

/**
 * Emails the participant about their interview, in the caller's transaction, with a fresh manage link:
 * a calendar invitation (METHOD:REQUEST) when it is booked or moved, a cancellation (METHOD:CANCEL) when
 * it is cancelled, and a short note after it.
 */
export async function emailInterview(
  tx: Tx,
  input: {
    interview: InterviewFacts;
    person: InterviewPerson;
    kind: InterviewEmailKind;
    previousStartsAt?: Date;
    now: Date;
  },
): Promise<void> {
  const { interview, person, kind } = input;
  const { publicUrl, MANAGE_LINK_DAYS } = readEnv();
  const manageUrl = await createManageLink(tx, {
    volunteerId: person.volunteer.id,
    publicUrl,
    days: MANAGE_LINK_DAYS,
    now: input.now,
  });
  const base = {
    fullName: person.volunteer.fullName,
    studyTitle: person.study.title,
    startsAt: interview.startsAt,
    durationMinutes: interview.durationMinutes,
    contactName: person.study.contactName,
    contactEmail: person.study.contactEmail,
    manageUrl,
    // Every interview can be moved or cancelled from the manage link up to the cut-off (decision 008).
    ownChangeCutoffHours: person.study.interviewBookingCutoffHours,
  };
  const addressing = {
    to: person.volunteer.email,
    volunteerId: person.volunteer.id,
    participationId: person.participationId,
  };
  // A reminder of the old time, or of a cancelled interview, must not follow this email.
  if (kind === "rescheduled" || kind === "cancelled")
    await cancelPendingScheduleReminders(tx, "interview", interview.id, input.now);
  if (kind === "scheduled" || kind === "rescheduled") {
    await enqueueEmail(tx, {
      dedupeKey: `interview-invitation:${interview.id}:${interview.calendarSequence}`,
      template: kind === "scheduled" ? "interview-scheduled" : "interview-rescheduled",
      ...addressing,
      ...renderInterviewInvitation({
        ...base,
        meetingLink: interview.meetingLink,
        previousStartsAt: kind === "rescheduled" ? (input.previousStartsAt ?? null) : null,
      }),
      attachments: [calendarAttachment(interviewCalendarEvent(interview, person, "REQUEST"))],
    });
  } else if (kind === "cancelled") {
    await enqueueEmail(tx, {
      dedupeKey: `interview-cancellation:${interview.id}:${interview.calendarSequence}`,
      template: "interview-cancelled",
      ...addressing,
      ...renderInterviewCancellation(base),
      attachments: [calendarAttachment(interviewCalendarEvent(interview, person, "CANCEL"))],
    });
  } else {
    await enqueueEmail(tx, {
      dedupeKey: `interview-outcome:${interview.id}`,
      template: kind === "completed" ? "interview-completed" : "interview-did-not-attend",
      ...addressing,
      ...renderInterviewOutcome({ ...base, outcome: kind === "completed" ? "COMPLETED" : "DID_NOT_ATTEND" }),
    });
  }
}
