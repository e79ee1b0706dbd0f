import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import type { Database } from "@/lib/db/prisma";
import { verifyConsentRecord, type ConsentStatementAnswer } from "./consent-hash";

export type ConsentEvidenceReport = {
  /** The record's content still hashes to the hash stored when it was signed. */
  recordIntact: boolean;
  /** The audit event written when it was signed exists and names the same hash. */
  signingAudited: boolean;
  /** The whole audit chain is unbroken. */
  auditChainIntact: boolean;
};

/**
 * Checks one consent record as evidence: its own hash, the audit event of its signing, and the audit chain
 * around it. Null when there is no such record.
 */
export async function verifyStoredConsentRecord(db: Database, recordId: string): Promise<ConsentEvidenceReport | null> {
  const record = await db.consentRecord.findUnique({ where: { id: recordId } });
  if (!record) return null;
  const signing = await db.auditEvent.findFirst({
    where: {
      subjectType: "consent_record",
      subjectId: record.id,
      action: { in: ["consent.signed", "consent.resigned"] },
    },
  });
  const chain = await verifyAuditChain(db);
  return {
    recordIntact: verifyConsentRecord({
      ...record,
      statements: record.statements as unknown as ConsentStatementAnswer[],
    }),
    signingAudited: (signing?.data as { contentHash?: string } | undefined)?.contentHash === record.contentHash,
    auditChainIntact: chain.intact,
  };
}
