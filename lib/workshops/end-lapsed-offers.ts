import type { Database } from "@/lib/db/prisma";
import { inSchedulingTransaction } from "@/lib/scheduling/transaction";
import { offerFreedSeats } from "./offer-freed-seats";

/**
 * The periodic pass over offered workshop places whose time to accept has passed: each session with one
 * is handled in its own transaction by offerFreedSeats, which ends the lapsed offers (emailed, audited)
 * and offers the places to the next people waiting. The session lock keeps two workers, or a worker and a
 * person answering, from acting on the same offer; a second worker finds nothing left to do.
 */
export async function endLapsedWorkshopOffers(
  db: Database,
  now = new Date(),
): Promise<{ sessions: number; offered: number }> {
  const due = await db.workshopBooking.findMany({
    where: { status: "OFFERED", offerExpiresAt: { lte: now } },
    distinct: ["workshopSessionId"],
    select: { workshopSessionId: true },
  });
  let offered = 0;
  for (const { workshopSessionId } of due) {
    const ids = await inSchedulingTransaction(db, (tx) =>
      offerFreedSeats(tx, { sessionId: workshopSessionId, actor: { actorType: "SYSTEM", actorId: null }, now }),
    );
    offered += ids.length;
  }
  return { sessions: due.length, offered };
}
