import { SchedulingError, SchedulingNotFoundError } from "@/lib/scheduling/errors";
import { inSchedulingTransaction, lockWorkshopSessions } from "@/lib/scheduling/transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { emailWorkshopAttendance, placeContext, placeInclude } from "@/lib/workshops/place-emails";
import { lockWorkshopParticipation } from "./workshop-participation";

/**
 * Records whether a person came to the session they had a place at, once it has started:
 * - attended: the booking is ATTENDED and the participation COMPLETED;
 * - did not attend: the booking is DID_NOT_ATTEND and the participation goes back to CONSENTED, so that
 *   a place at another session can be offered if they still want to take part.
 * They get a short note (thanks, or sorry we missed you).
 */
export async function recordWorkshopAttendance(
  db: Database,
  actor: Researcher,
  input: { volunteerId: string; participationId: string; bookingId: string; attended: boolean },
  now = new Date(),
): Promise<void> {
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
    if (booking.status !== "BOOKED")
      throw new SchedulingError("Attendance can only be recorded for a booked place that has not been recorded yet.");
    if (booking.workshopSession.startsAt.getTime() > now.getTime())
      throw new SchedulingError("You can record attendance once the session has started.");
    if (participation.status !== "SCHEDULED")
      throw new SchedulingError("This person is no longer taking part, so attendance cannot be recorded.");

    await tx.workshopBooking.update({
      where: { id: booking.id },
      data: { status: input.attended ? "ATTENDED" : "DID_NOT_ATTEND" },
    });
    await tx.participation.update({
      where: { id: participation.id },
      data: input.attended ? { status: "COMPLETED", completedAt: now } : { status: "CONSENTED" },
    });
    await emailWorkshopAttendance(tx, placeContext(booking), { attended: input.attended, now });
    await recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: actor.id,
      action: input.attended ? "workshop.attended" : "workshop.did_not_attend",
      subjectType: "participation",
      subjectId: participation.id,
      data: { workshopSessionId: booking.workshopSessionId, bookingId: booking.id },
    });
  });
}
