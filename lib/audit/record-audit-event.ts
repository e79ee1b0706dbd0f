import type { Prisma } from "@/lib/generated/prisma/client";
import { hashAuditEvent, type AuditEventContent } from "./audit-hash";

/** Any fixed number: it serialises appends to the chain across every instance of the portal. */
const AUDIT_CHAIN_LOCK = 7_240_117;

export type AuditEventInput = Omit<AuditEventContent, "occurredAt" | "actorId" | "subjectId" | "data"> & {
  actorId?: string | null;
  subjectId?: string | null;
  data?: AuditEventContent["data"];
};

/**
 * Appends an event to the audit chain, in the caller's transaction, so the event exists exactly when the
 * change it records does. Call it last in the transaction: the chain lock is held until commit.
 */
export async function recordAuditEvent(tx: Prisma.TransactionClient, input: AuditEventInput): Promise<void> {
  await tx.$executeRaw`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const previous = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  // Dates carry milliseconds, as the column stores them, so the hash can be recomputed from the row.
  const occurredAt = new Date();
  const content: AuditEventContent = {
    occurredAt,
    actorType: input.actorType,
    actorId: input.actorId ?? null,
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId ?? null,
    data: input.data ?? {},
  };
  const previousHash = previous?.hash ?? null;
  await tx.auditEvent.create({
    data: {
      ...content,
      data: content.data as Prisma.InputJsonValue,
      previousHash,
      hash: hashAuditEvent(content, previousHash),
    },
  });
}
