import type { Database } from "@/lib/db/prisma";
import { hashAuditEvent, type AuditEventContent } from "./audit-hash";

export type AuditChainReport =
  | { intact: true; eventsChecked: number }
  | { intact: false; eventsChecked: number; brokenAtId: string; problem: "hash does not match content" | "link to previous event broken" };

/**
 * Walks the whole chain in order, recomputing every hash. Reports the first event where it breaks: there,
 * or just before, someone changed, removed or inserted an event outside the portal.
 */
export async function verifyAuditChain(db: Database, batchSize = 1000): Promise<AuditChainReport> {
  let previousHash: string | null = null;
  let afterId: bigint | undefined;
  let checked = 0;
  for (;;) {
    const events = await db.auditEvent.findMany({
      ...(afterId === undefined ? {} : { where: { id: { gt: afterId } } }),
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (events.length === 0) return { intact: true, eventsChecked: checked };
    for (const event of events) {
      checked++;
      if (event.previousHash !== previousHash) {
        return { intact: false, eventsChecked: checked, brokenAtId: event.id.toString(), problem: "link to previous event broken" };
      }
      const content: AuditEventContent = {
        occurredAt: event.occurredAt,
        actorType: event.actorType,
        actorId: event.actorId,
        action: event.action,
        subjectType: event.subjectType,
        subjectId: event.subjectId,
        data: event.data as AuditEventContent["data"],
      };
      if (hashAuditEvent(content, previousHash) !== event.hash) {
        return { intact: false, eventsChecked: checked, brokenAtId: event.id.toString(), problem: "hash does not match content" };
      }
      previousHash = event.hash;
      afterId = event.id;
    }
  }
}
