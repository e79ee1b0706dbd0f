import type { BookingStatus, InterviewStatus } from "@/lib/generated/prisma/client";
import { ukTimeZoneName } from "@/lib/text/london-time";
import { formatUkDate, formatUkDateTime, formatUkTime } from "@/lib/text/uk-dates";

/** An interview's and a workshop place's status in the study team's words (the participation's own are in
 * lib/participation/status-words.ts). */
export const interviewStatusWords: Record<InterviewStatus, string> = {
  SCHEDULED: "Scheduled",
  CANCELLED: "Cancelled",
  COMPLETED: "Completed",
  DID_NOT_ATTEND: "Did not attend",
};

export const bookingStatusWords: Record<BookingStatus, string> = {
  BOOKED: "Place booked",
  WAITLISTED: "On the waiting list",
  OFFERED: "Offered a place: waiting for their answer",
  CANCELLED: "Cancelled",
  ATTENDED: "Attended",
  DID_NOT_ATTEND: "Did not attend",
};

/** "2:30pm on 1 July 2027 (BST)": UK time, saying which. */
export function ukDateTimeWithZone(instant: Date): string {
  return `${formatUkDateTime(instant)} (${ukTimeZoneName(instant)})`;
}

/** Where a session happens, in a few words: its place, or "Online". */
export function sessionWhere(session: { mode: "ONLINE" | "IN_PERSON"; location: string | null }): string {
  return session.mode === "ONLINE" ? "Online" : (session.location ?? "Place to be confirmed");
}

/** "3 of 12 places left", "Full: 2 on the waiting list". A place offered to someone waiting is taken. */
export function placesWords(session: {
  capacity: number;
  booked: number;
  offered: number;
  waitlisted: number;
}): string {
  const left = session.capacity - session.booked - session.offered;
  if (left > 0) return `${left} of ${session.capacity} ${session.capacity === 1 ? "place" : "places"} left`;
  return `Full: ${session.waitlisted} on the waiting list`;
}

/** "10am to 12:30pm on 1 July 2027 (BST)" */
export function ukSpanWithZone(startsAt: Date, endsAt: Date): string {
  return `${formatUkTime(startsAt)} to ${formatUkTime(endsAt)} on ${formatUkDate(startsAt)} (${ukTimeZoneName(startsAt)})`;
}
