import { SchedulingError, SchedulingNotFoundError } from "@/lib/scheduling/errors";
import { lockParticipation } from "@/lib/scheduling/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/**
 * A booking that holds a place, a place on a waiting list, or a place offered from it. A person has at
 * most one at a time.
 */
export const ACTIVE_BOOKING = ["BOOKED", "WAITLISTED", "OFFERED"] as const;

/** Places taken at a session, for its capacity: booked, and offered to someone waiting for their answer. */
export const HOLDS_A_PLACE = ["BOOKED", "OFFERED"] as const;

export async function activeBookingOf(tx: Tx, participationId: string) {
  return tx.workshopBooking.findFirst({
    where: { participationId, status: { in: [...ACTIVE_BOOKING] } },
    orderBy: { createdAt: "desc" },
  });
}

/**
 * Locks and loads a person's participation in a study of workshops. It must be this volunteer's and in a
 * study of workshops: ids changed in an address or a form reach nothing else (a 404). Lock sessions
 * (lockWorkshopSessions) before calling this, never after: sessions before people, everywhere.
 */
export async function lockWorkshopParticipation(tx: Tx, input: { volunteerId: string; participationId: string }) {
  if (!(await lockParticipation(tx, input.participationId))) throw new SchedulingNotFoundError("That participation");
  const participation = await tx.participation.findUnique({
    where: { id: input.participationId },
    include: { volunteer: true, study: true },
  });
  if (!participation || participation.volunteerId !== input.volunteerId || participation.study.kind !== "WORKSHOP") {
    throw new SchedulingNotFoundError("That participation");
  }
  if (participation.volunteer.erasedAt)
    throw new SchedulingError("This person's details have been erased, so nothing can be arranged for them.");
  return participation;
}

/** The waiting-list position of a waitlisted booking in its session: 1 is offered the next free place. */
export async function waitlistPosition(tx: Tx, booking: { id: string; workshopSessionId: string }): Promise<number> {
  const waiting = await tx.workshopBooking.findMany({
    where: { workshopSessionId: booking.workshopSessionId, status: "WAITLISTED" },
    orderBy: [{ waitlistedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return waiting.findIndex((b) => b.id === booking.id) + 1;
}
