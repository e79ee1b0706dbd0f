"use server";

import { verifyAuditLog } from "@/lib/audit/verify-audit-log";
import type { AuditChainReport } from "@/lib/audit/verify-audit-chain";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";

export type VerifyState = AuditChainReport | null;

/** Checks the whole audit chain now; the result is shown where the button was. Audited. */
export async function verifyAuditChainAction(_previous: VerifyState): Promise<VerifyState> {
  const researcher = await requireResearcher();
  return verifyAuditLog(getDb(), researcher);
}
