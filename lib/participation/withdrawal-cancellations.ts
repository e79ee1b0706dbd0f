import { calendarAttachment, type CalendarAttachment } from "@/lib/calendar/calendar-file";
import { ukTimeSpan } from "@/lib/email/templates/interview-emails";
import type { Prisma } from "@/lib/generated/prisma/client";
import { interviewCalendarEvent } from "@/lib/interviews/interview-notifications";
import { placeContext, placeInclude, workshopCalendarEvent } from "@/lib/workshops/place-emails";

type Tx = Prisma.TransactionClient;

export type WithdrawalCancellations = {
  /** One calendar cancellation (METHOD:CANCEL) per event that was in the person's calendar. */
  attachments: CalendarAttachment[];
  /** Each cancelled booking in words, for the confirmation email: "Your interview at …". */
  described: string[];
  /** Per participation, the ids of what was cancelled, for its audit event. */
  byParticipation: Map<string, { interviewIds: string[]; workshopBookingIds: string[] }>;
};

/**
 * Cancels every pending interview and workshop place (booked, offered or waiting) of the participations being
 * withdrawn. Each interview and booked place had a calendar invitation, so it gets its cancellation: the
 * same UID, SEQUENCE up by one (stored, as the other cancel paths do). A waiting-list place was never in a
 * calendar. The caller has locked the workshop sessions and attaches the files to the withdrawal
 * confirmation, which the person receives in any case.
 */
export async function cancelArrangementsOnWithdrawal(
  tx: Tx,
  participationIds: string[],
): Promise<WithdrawalCancellations> {
  const result: WithdrawalCancellations = { attachments: [], described: [], byParticipation: new Map() };
  const record = (participationId: string) => {
    let entry = result.byParticipation.get(participationId);
    if (!entry) result.byParticipation.set(participationId, (entry = { interviewIds: [], workshopBookingIds: [] }));
    return entry;
  };

  const interviews = await tx.interview.findMany({
    where: { participationId: { in: participationIds }, status: "SCHEDULED" },
    include: { participation: { include: { volunteer: true, study: true } } },
    orderBy: { startsAt: "asc" },
  });
  for (const current of interviews) {
    const interview = await tx.interview.update({
      where: { id: current.id },
      data: { status: "CANCELLED", calendarSequence: current.calendarSequence + 1 },
    });
    const { participation } = current;
    const person = {
      participationId: participation.id,
      volunteer: participation.volunteer,
      study: participation.study,
    };
    const event = interviewCalendarEvent(interview, person, "CANCEL");
    result.attachments.push(calendarAttachment(event, "cancelled-interview.ics"));
    result.described.push(
      `Your interview for ${participation.study.title}, ${ukTimeSpan(event.startsAt, event.endsAt)}`,
    );
    record(participation.id).interviewIds.push(interview.id);
  }

  const bookings = await tx.workshopBooking.findMany({
    where: { participationId: { in: participationIds }, status: { in: ["BOOKED", "WAITLISTED", "OFFERED"] } },
    include: placeInclude,
    orderBy: { workshopSession: { startsAt: "asc" } },
  });
  for (const booking of bookings) {
    const booked = booking.status === "BOOKED";
    const sequence = booked ? booking.calendarSequence + 1 : booking.calendarSequence;
    await tx.workshopBooking.update({
      where: { id: booking.id },
      data: { status: "CANCELLED", calendarSequence: sequence, offerExpiresAt: null },
    });
    const place = placeContext(booking);
    const when = ukTimeSpan(place.session.startsAt, place.session.endsAt);
    if (booked) {
      result.attachments.push(
        calendarAttachment(workshopCalendarEvent(place, "CANCEL", sequence), "cancelled-workshop.ics"),
      );
      result.described.push(`Your place at the workshop ${place.session.title}, ${when}`);
    } else if (booking.status === "OFFERED") {
      result.described.push(`The place you were offered at the workshop ${place.session.title}, ${when}`);
    } else {
      result.described.push(`Your place on the waiting list for the workshop ${place.session.title}, ${when}`);
    }
    record(booking.participationId).workshopBookingIds.push(booking.id);
  }

  // Several files in one email need different names, or some mail programs show only one of them.
  const count = new Map<string, number>();
  for (const a of result.attachments) count.set(a.filename, (count.get(a.filename) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const a of result.attachments) {
    if (count.get(a.filename)! < 2) continue;
    const n = (seen.get(a.filename) ?? 0) + 1;
    seen.set(a.filename, n);
    a.filename = a.filename.replace(/\.ics$/, `-${n}.ics`);
  }
  return result;
}
