import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyAuditChain, type AuditChainReport } from "@/lib/audit/verify-audit-chain";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";

/** What the "verify the audit chain" button shows: the last check's report, or nothing before the first. */
export type VerifyState = AuditChainReport | null;

/**
 * Checks the whole audit chain (lib/audit/verify-audit-chain.ts) at a researcher's request, and records
 * that it was checked, and with what result, as an event of its own (after the check, so the check never
 * counts its own event). Any researcher may do it.
 */
export async function verifyAuditLog(db: Database, actor: Researcher): Promise<AuditChainReport> {
  const report = await verifyAuditChain(db);
  await db.$transaction(async (tx) => {
    await recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: actor.id,
      action: "audit.verified",
      subjectType: "audit_log",
      data: report.intact
        ? { intact: true, eventsChecked: report.eventsChecked }
        : { intact: false, eventsChecked: report.eventsChecked, brokenAtId: report.brokenAtId },
    });
  });
  return report;
}
