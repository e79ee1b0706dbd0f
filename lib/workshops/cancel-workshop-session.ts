import { SchedulingError, SchedulingNotFoundError } from "@/lib/scheduling/errors";
import { inSchedulingTransaction, lockWorkshopSessions } from "@/lib/scheduling/transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertAdmin } from "@/lib/auth/permissions";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { emailWorkshopCancellation, placeContext, placeInclude } from "@/lib/workshops/place-emails";
import { workshopStudyBySlug } from "./create-workshop-session";

/**
 * Cancels a session that has not started. Admins only. Every place and waiting-list place at it is
 * cancelled, those people go back to CONSENTED (so that another session can be offered), and each is
 * emailed; a booked place's email carries the calendar cancellation. One transaction.
 */
export async function cancelWorkshopSession(
  db: Database,
  actor: Researcher,
  input: { studySlug: string; sessionId: string },
  now = new Date(),
): Promise<{ cancelledPlaces: number }> {
  assertAdmin(actor);
  return inSchedulingTransaction(db, async (tx) => {
    const study = await workshopStudyBySlug(tx, input.studySlug);
    await lockWorkshopSessions(tx, [input.sessionId]);
    const session = await tx.workshopSession.findUnique({ where: { id: input.sessionId } });
    if (!session || session.studyId !== study.id) throw new SchedulingNotFoundError("That workshop session");
    if (session.cancelledAt) throw new SchedulingError("This session has already been cancelled.");
    if (session.startsAt.getTime() <= now.getTime())
      throw new SchedulingError("This session has already started, so it cannot be cancelled.");

    const bookings = await tx.workshopBooking.findMany({
      where: { workshopSessionId: session.id, status: { in: ["BOOKED", "WAITLISTED", "OFFERED"] } },
      include: placeInclude,
      orderBy: { createdAt: "asc" },
    });
    await tx.workshopSession.update({ where: { id: session.id }, data: { cancelledAt: now } });
    for (const booking of bookings) {
      // An offered place was never in their calendar: it goes as a waiting-list place does.
      const wasWaitlisted = booking.status !== "BOOKED";
      const sequence = wasWaitlisted ? booking.calendarSequence : booking.calendarSequence + 1;
      await tx.workshopBooking.update({
        where: { id: booking.id },
        data: { status: "CANCELLED", calendarSequence: sequence, offerExpiresAt: null },
      });
      await tx.participation.updateMany({
        where: { id: booking.participationId, status: { in: ["SCHEDULED", "WAITLISTED"] } },
        data: { status: "CONSENTED" },
      });
      await emailWorkshopCancellation(tx, placeContext(booking), {
        reason: "SESSION_CANCELLED",
        wasWaitlisted,
        sequence,
        now,
      });
    }
    const researcher = { actorType: "RESEARCHER" as const, actorId: actor.id };
    for (const booking of bookings) {
      await recordAuditEvent(tx, {
        ...researcher,
        action: "workshop.cancelled",
        subjectType: "participation",
        subjectId: booking.participationId,
        data: {
          workshopSessionId: session.id,
          bookingId: booking.id,
          fromStatus: booking.status,
          reason: "SESSION_CANCELLED",
        },
      });
    }
    await recordAuditEvent(tx, {
      ...researcher,
      action: "workshop_session.cancelled",
      subjectType: "workshop_session",
      subjectId: session.id,
      data: { studyId: study.id, cancelledPlaces: bookings.length },
    });
    return { cancelledPlaces: bookings.length };
  });
}
