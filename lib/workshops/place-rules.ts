import type { BookingStatus } from "@/lib/generated/prisma/client";

/**
 * A place at a session that has already started cannot be moved or replaced: whether they attended is
 * recorded first. A waiting-list place can always move.
 */
export function placeIsSettled(current: { status: BookingStatus; startsAt: Date } | null, now: Date): boolean {
  return current !== null && current.status === "BOOKED" && current.startsAt.getTime() <= now.getTime();
}
