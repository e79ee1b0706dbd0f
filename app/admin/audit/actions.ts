"use server";

import { verifyAuditLog, type VerifyState } from "@/lib/audit/verify-audit-log";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";

/** Checks the whole audit chain now; the result is shown where the button was. Audited. */
export async function verifyAuditChainAction(_previous: VerifyState): Promise<VerifyState> {
  const researcher = await requireResearcher();
  return verifyAuditLog(getDb(), researcher);
}
