import { recordAuditEvent, type AuditActorType } from "@/lib/audit/record-audit-event";
import type { Prisma } from "@/lib/generated/prisma/client";
import { emailWorkshopPlace, placeContext, placeInclude } from "./place-emails";

type Tx = Prisma.TransactionClient;

export type SeatActor = { actorType: AuditActorType; actorId: string | null };

/**
 * Offers a session's free places to its waiting list, in the caller's transaction: while the session has
 * fewer places booked than its capacity, the earliest waitlisted booking becomes BOOKED, its participation
 * SCHEDULED, and the person is emailed ("A place has become free for you", with the calendar invitation
 * and their manage link: they can withdraw there if they no longer want it).
 *
 * Call it from every path that frees a place or adds capacity: a cancellation, a move, a withdrawal, a
 * capacity increase. It locks the session row (SELECT … FOR UPDATE) itself, so two callers never hand out
 * the same place; callers that lock sessions before people (the order used throughout) already hold it.
 * A cancelled session, or one that has started, offers nothing. Returns the bookings promoted.
 */
export async function offerFreedSeats(
  tx: Tx,
  input: { sessionId: string; actor: SeatActor; now?: Date },
): Promise<string[]> {
  const now = input.now ?? new Date();
  const [session] = await tx.$queryRaw<{ capacity: number; starts_at: Date; cancelled_at: Date | null }[]>`
    select capacity, starts_at, cancelled_at from workshop_sessions where id = ${input.sessionId}::uuid for update`;
  if (!session || session.cancelled_at || session.starts_at <= now) return [];
  const booked = await tx.workshopBooking.count({ where: { workshopSessionId: input.sessionId, status: "BOOKED" } });
  const free = session.capacity - booked;
  if (free <= 0) return [];

  const waiting = await tx.workshopBooking.findMany({
    where: { workshopSessionId: input.sessionId, status: "WAITLISTED" },
    orderBy: [{ waitlistedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    take: free,
    include: placeInclude,
  });
  const promoted: string[] = [];
  for (const booking of waiting) {
    const sequence = booking.calendarSequence + 1;
    await tx.workshopBooking.update({
      where: { id: booking.id },
      data: { status: "BOOKED", calendarSequence: sequence },
    });
    await tx.participation.update({ where: { id: booking.participationId }, data: { status: "SCHEDULED" } });
    await emailWorkshopPlace(tx, placeContext(booking), { kind: "offered", sequence, now });
    promoted.push(booking.id);
  }
  for (const booking of waiting) {
    await recordAuditEvent(tx, {
      ...input.actor,
      action: "workshop.place_offered",
      subjectType: "participation",
      subjectId: booking.participationId,
      data: { workshopSessionId: input.sessionId, bookingId: booking.id },
    });
  }
  return promoted;
}
