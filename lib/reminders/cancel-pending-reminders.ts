import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Stops a reminder still waiting in the outbox for a booking that has just been cancelled or moved: with
 * the mail server down it could otherwise go out after the cancellation, or give the old time. (Withdrawal
 * and erasure stop everything pending for the person already.) A moved booking's new time gets its own
 * reminder from the next pass. One in the middle of being sent cannot be stopped.
 */
export async function cancelPendingScheduleReminders(
  tx: Prisma.TransactionClient,
  kind: "interview" | "workshop",
  id: string,
  now: Date,
): Promise<void> {
  await tx.outgoingEmail.updateMany({
    where: { dedupeKey: { startsWith: `${kind}-reminder:${id}:` }, status: "PENDING" },
    data: { status: "CANCELLED", cancelledAt: now },
  });
}
