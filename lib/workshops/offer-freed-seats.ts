import { recordAuditEvent, type AuditActorType } from "@/lib/audit/record-audit-event";
import type { Prisma } from "@/lib/generated/prisma/client";
import { emailWorkshopOffer, emailWorkshopOfferEnded, placeContext, placeInclude } from "./place-emails";
import { HOLDS_A_PLACE } from "./workshop-participation";

type Tx = Prisma.TransactionClient;

export type SeatActor = { actorType: AuditActorType; actorId: string | null };

const HOUR = 3_600_000;

/**
 * Ends the session's offers whose time has passed, in the caller's transaction and under its session
 * lock: the booking is CANCELLED (they are off the waiting list), the person back to CONSENTED so they
 * can choose another session, emailed and audited. Returns how many ended.
 */
async function endLapsedOffers(tx: Tx, sessionId: string, now: Date): Promise<number> {
  const lapsed = await tx.workshopBooking.findMany({
    where: { workshopSessionId: sessionId, status: "OFFERED", offerExpiresAt: { lte: now } },
    orderBy: [{ offerExpiresAt: "asc" }, { id: "asc" }],
    include: placeInclude,
  });
  for (const booking of lapsed) {
    await tx.workshopBooking.update({
      where: { id: booking.id },
      data: { status: "CANCELLED", offerExpiresAt: null },
    });
    await tx.participation.updateMany({
      where: { id: booking.participationId, status: "WAITLISTED" },
      data: { status: "CONSENTED" },
    });
    await emailWorkshopOfferEnded(tx, placeContext(booking), { reason: "EXPIRED", now });
  }
  for (const booking of lapsed) {
    await recordAuditEvent(tx, {
      actorType: "SYSTEM",
      action: "workshop.offer_expired",
      subjectType: "participation",
      subjectId: booking.participationId,
      data: {
        workshopSessionId: sessionId,
        bookingId: booking.id,
        offerExpiresAt: booking.offerExpiresAt?.toISOString(),
      },
    });
  }
  return lapsed.length;
}

/**
 * Offers a session's free places to its waiting list, in the caller's transaction: first any offer whose
 * time has passed ends (and passes on), then, while fewer places are taken (booked or offered) than the
 * capacity, the earliest waitlisted booking becomes OFFERED until now + the study's workshop_offer_hours,
 * and the person is emailed a link to accept or decline it on their own workshop page. An offered place
 * counts against capacity, so capacity is never exceeded however the offers are answered.
 *
 * Call it from every path that frees a place or adds capacity: a cancellation, a declined offer, a move,
 * a withdrawal, a capacity increase, and the periodic pass over ended offers. It locks the session row
 * (SELECT … FOR UPDATE) itself, so two callers never hand out the same place; callers that lock sessions
 * before people (the order used throughout) already hold it. A cancelled session, or one that has
 * started, offers nothing. Returns the bookings offered a place.
 */
export async function offerFreedSeats(
  tx: Tx,
  input: { sessionId: string; actor: SeatActor; now?: Date },
): Promise<string[]> {
  const now = input.now ?? new Date();
  const [session] = await tx.$queryRaw<
    { capacity: number; starts_at: Date; cancelled_at: Date | null; offer_hours: number }[]
  >`
    select s.capacity, s.starts_at, s.cancelled_at, st.workshop_offer_hours as offer_hours
    from workshop_sessions s join studies st on st.id = s.study_id
    where s.id = ${input.sessionId}::uuid for update of s`;
  if (!session) return [];
  await endLapsedOffers(tx, input.sessionId, now);
  if (session.cancelled_at || session.starts_at <= now) return [];
  const taken = await tx.workshopBooking.count({
    where: { workshopSessionId: input.sessionId, status: { in: [...HOLDS_A_PLACE] } },
  });
  const free = session.capacity - taken;
  if (free <= 0) return [];

  const waiting = await tx.workshopBooking.findMany({
    where: { workshopSessionId: input.sessionId, status: "WAITLISTED" },
    orderBy: [{ waitlistedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    take: free,
    include: placeInclude,
  });
  // The offer never outlasts the session's start: an answer after it would be for a workshop under way.
  const expiresAt = new Date(Math.min(now.getTime() + session.offer_hours * HOUR, session.starts_at.getTime()));
  const offered: string[] = [];
  for (const booking of waiting) {
    await tx.workshopBooking.update({
      where: { id: booking.id },
      data: { status: "OFFERED", offerExpiresAt: expiresAt },
    });
    await emailWorkshopOffer(tx, placeContext(booking), { expiresAt, now });
    offered.push(booking.id);
  }
  for (const booking of waiting) {
    await recordAuditEvent(tx, {
      ...input.actor,
      action: "workshop.place_offered",
      subjectType: "participation",
      subjectId: booking.participationId,
      data: { workshopSessionId: input.sessionId, bookingId: booking.id, offerExpiresAt: expiresAt.toISOString() },
    });
  }
  return offered;
}
