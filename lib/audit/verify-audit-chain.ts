import type { Database } from "@/lib/db/prisma";

export type AuditChainReport =
  | { intact: true; eventsChecked: number }
  | { intact: false; eventsChecked: number; brokenAtId: string; problem: string };

/**
 * Recomputes every hash of the audit chain, in order, in the database (audit_chain_report(), next to the
 * trigger that made them). Reports the first event where the chain breaks: there, or just before, an
 * event was changed, removed or inserted outside the portal.
 */
export async function verifyAuditChain(db: Database): Promise<AuditChainReport> {
  const rows = await db.$queryRaw<{ events_checked: bigint; broken_at_id: bigint | null; problem: string | null }[]>`
    select events_checked, broken_at_id, problem from audit_chain_report()`;
  const row = rows[0]!;
  const eventsChecked = Number(row.events_checked);
  if (row.broken_at_id === null) return { intact: true, eventsChecked };
  return { intact: false, eventsChecked, brokenAtId: row.broken_at_id.toString(), problem: row.problem ?? "" };
}
