import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database } from "@/lib/db/prisma";
import { canAssignWorkshop } from "@/lib/participation/status";
import { SchedulingError, SchedulingNotFoundError } from "@/lib/scheduling/errors";
import { assertSignedCurrentConsent } from "@/lib/scheduling/signed-consent";
import { inSchedulingTransaction, lockWorkshopSessions } from "@/lib/scheduling/transaction";
import { formatUkDateTime } from "@/lib/text/uk-dates";
import { offerFreedSeats } from "./offer-freed-seats";
import { assertOwnParticipation, auditActorOf, wordsFor, type PlaceActor } from "./place-actor";
import { emailWorkshopOfferEnded, emailWorkshopPlace, placeContext, placeInclude } from "./place-emails";
import { lockWorkshopParticipation } from "./workshop-participation";

export type OfferAnswer = "ACCEPT" | "DECLINE";

/**
 * The person's answer to a place offered from the waiting list, from their personal link. Accepting
 * books it (participation SCHEDULED, the calendar invitation emailed); declining gives it up (they are
 * off that waiting list, back to CONSENTED) and the place is offered to the next person waiting.
 *
 * An offer whose time has passed cannot be accepted, even if the periodic pass has not ended it yet: the
 * answer is refused and nothing changes (the pass, or the next change at the session, passes it on).
 * The session is locked before the person, as everywhere, so an answer and the pass never cross.
 */
export async function answerWorkshopOffer(
  db: Database,
  actor: PlaceActor,
  input: { volunteerId: string; participationId: string; bookingId: string; answer: OfferAnswer },
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
    if (booking.status !== "OFFERED" || !booking.offerExpiresAt) {
      throw new SchedulingError(
        booking.status === "BOOKED"
          ? wordsFor(actor, "You have already accepted this place.", "They have already accepted this place.")
          : wordsFor(
              actor,
              "This place is no longer offered to you. You can choose another session below.",
              "This place is no longer offered to them.",
            ),
      );
    }
    if (booking.offerExpiresAt.getTime() <= now.getTime()) {
      throw new SchedulingError(
        wordsFor(
          actor,
          `Sorry, the time to accept this place ended at ${formatUkDateTime(booking.offerExpiresAt)}, so it has been offered to the next person on the waiting list. You can choose another session below.`,
          "The time to accept this place has ended.",
        ),
      );
    }
    const by = auditActorOf(actor);
    const place = placeContext(booking);

    if (input.answer === "ACCEPT") {
      await assertSignedCurrentConsent(tx, participation, canAssignWorkshop);
      if (booking.workshopSession.cancelledAt || booking.workshopSession.startsAt.getTime() <= now.getTime())
        throw new SchedulingError("That session has been cancelled or has started, so the place cannot be accepted.");
      const sequence = booking.calendarSequence + 1;
      await tx.workshopBooking.update({
        where: { id: booking.id },
        data: { status: "BOOKED", offerExpiresAt: null, calendarSequence: sequence },
      });
      await tx.participation.update({ where: { id: participation.id }, data: { status: "SCHEDULED" } });
      await emailWorkshopPlace(tx, place, { kind: "accepted", sequence, now });
      await recordAuditEvent(tx, {
        ...by,
        action: "workshop.offer_accepted",
        subjectType: "participation",
        subjectId: participation.id,
        data: { workshopSessionId: booking.workshopSessionId, bookingId: booking.id },
      });
      return;
    }

    await tx.workshopBooking.update({
      where: { id: booking.id },
      data: { status: "CANCELLED", offerExpiresAt: null },
    });
    await tx.participation.updateMany({
      where: { id: participation.id, status: "WAITLISTED" },
      data: { status: "CONSENTED" },
    });
    await emailWorkshopOfferEnded(tx, place, { reason: "DECLINED", now });
    await offerFreedSeats(tx, { sessionId: booking.workshopSessionId, actor: by, now });
    await recordAuditEvent(tx, {
      ...by,
      action: "workshop.offer_declined",
      subjectType: "participation",
      subjectId: participation.id,
      data: { workshopSessionId: booking.workshopSessionId, bookingId: booking.id },
    });
  });
}
