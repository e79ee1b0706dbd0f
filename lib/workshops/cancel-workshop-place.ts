import { SchedulingError, SchedulingNotFoundError } from "@/lib/scheduling/errors";
import { inSchedulingTransaction, lockWorkshopSessions } from "@/lib/scheduling/transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database } from "@/lib/db/prisma";
import { offerFreedSeats } from "@/lib/workshops/offer-freed-seats";
import { emailWorkshopCancellation, placeContext, placeInclude } from "@/lib/workshops/place-emails";
import { assertOwnParticipation, auditActorOf, wordsFor, type PlaceActor } from "./place-actor";
import { lockWorkshopParticipation } from "./workshop-participation";

/**
 * Cancels a person's workshop place, or their place on a waiting list: any researcher may, and so may the
 * person themself from their personal link (giving up their place, or leaving the waiting list). They go back
 * to CONSENTED, so that another session can be chosen, and are emailed (a booked place's email carries
 * the calendar cancellation). A place that frees up goes to the session's waiting list at once.
 */
export async function cancelWorkshopPlace(
  db: Database,
  actor: PlaceActor,
  input: { volunteerId: string; participationId: string; bookingId: string },
  now = new Date(),
): Promise<void> {
  assertOwnParticipation(actor, input.volunteerId);
  await inSchedulingTransaction(db, async (tx) => {
    const found = await tx.workshopBooking.findUnique({
      where: { id: input.bookingId },
      select: { workshopSessionId: true, participationId: true },
    });
    if (!found || found.participationId !== input.participationId)
      throw new SchedulingNotFoundError("That workshop place");
    await lockWorkshopSessions(tx, [found.workshopSessionId]);
    const participation = await lockWorkshopParticipation(tx, input);
    const booking = await tx.workshopBooking.findUniqueOrThrow({
      where: { id: input.bookingId },
      include: placeInclude,
    });
    if (booking.status !== "BOOKED" && booking.status !== "WAITLISTED" && booking.status !== "OFFERED")
      throw new SchedulingError("That place is not booked, so there is nothing to cancel.");
    if (booking.status === "BOOKED" && booking.workshopSession.startsAt.getTime() <= now.getTime()) {
      throw new SchedulingError(
        wordsFor(
          actor,
          "Your session has already started, so your place cannot be cancelled here. Please contact the study team.",
          "That session has already started: record whether they attended instead.",
        ),
      );
    }

    // An offered place was never in their calendar: it is cancelled as a waiting-list place is.
    const wasWaitlisted = booking.status !== "BOOKED";
    const sequence = wasWaitlisted ? booking.calendarSequence : booking.calendarSequence + 1;
    await tx.workshopBooking.update({
      where: { id: booking.id },
      data: { status: "CANCELLED", calendarSequence: sequence, offerExpiresAt: null },
    });
    await tx.participation.update({ where: { id: participation.id }, data: { status: "CONSENTED" } });
    await emailWorkshopCancellation(tx, placeContext(booking), {
      reason: "PLACE_CANCELLED",
      wasWaitlisted,
      sequence,
      now,
    });

    const by = auditActorOf(actor);
    if (booking.status !== "WAITLISTED")
      await offerFreedSeats(tx, { sessionId: booking.workshopSessionId, actor: by, now });
    await recordAuditEvent(tx, {
      ...by,
      action: "workshop.cancelled",
      subjectType: "participation",
      subjectId: participation.id,
      data: { workshopSessionId: booking.workshopSessionId, bookingId: booking.id, fromStatus: booking.status },
    });
  });
}
