import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditActorType = "VOLUNTEER" | "PARTICIPANT" | "RESEARCHER" | "SYSTEM";

/** What an audit event says. `data` holds ids and codes only, never personal data. */
export type AuditEventInput = {
  actorType: AuditActorType;
  actorId?: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  data?: Prisma.InputJsonObject;
};

/**
 * Appends an event to the audit trail in the caller's transaction, so the event exists exactly when the
 * change it records does. The database chains it (trigger chain_audit_event) and holds the chain lock
 * until commit, so call this last in the transaction.
 */
export async function recordAuditEvent(tx: Prisma.TransactionClient, input: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorType: input.actorType,
      actorId: input.actorId ?? null,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId ?? null,
      data: input.data ?? {},
    },
  });
}
