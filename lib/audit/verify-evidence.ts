import type { Database } from "@/lib/db/prisma";
import { verifyConsentRecord, type ConsentStatementAnswer } from "@/lib/consent/consent-hash";
import { verifyAuditChain, type AuditChainReport } from "./verify-audit-chain";

export type ConsentRecordsReport = {
  checked: number;
  /** Records whose content no longer hashes to the hash stored when they were signed. */
  changed: string[];
  /** Records with no signing audit event naming their hash (the event was removed, or the record added). */
  signingNotAudited: string[];
};

export type EvidenceReport = {
  intact: boolean;
  auditChain: AuditChainReport;
  /**
   * The newest event and its hash. Kept outside the database (a scheduled run's log), it anchors the chain:
   * someone able to rewrite the whole table could recompute every hash after a change, but not make this
   * event's hash come out the same, so a later run that finds a different hash here shows the rewrite.
   */
  latestEvent: { id: string; hash: string } | null;
  consentRecords: ConsentRecordsReport;
};

/** Records are read a page at a time, so that years of consent records never sit in memory at once. */
const PAGE_SIZE = 500;
const SIGNING_ACTIONS = ["consent.signed", "consent.resigned"];

/**
 * Checks all the evidence the database keeps, read-only: the audit hash chain (lib/audit/verify-audit-chain)
 * and every consent record's SHA-256 hash and signing event (as lib/consent/verify-stored-consent-record
 * does for one record on the dashboard). For `npm run verify:audit`: after a restore, and on a schedule.
 * Unlike the dashboard's check, it records no audit event of its own, so that checking a restored copy
 * leaves it exactly as restored.
 */
export async function verifyEvidence(db: Database): Promise<EvidenceReport> {
  const auditChain = await verifyAuditChain(db);
  const latest = await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true, hash: true } });
  const consentRecords: ConsentRecordsReport = { checked: 0, changed: [], signingNotAudited: [] };

  let after: string | undefined;
  for (;;) {
    const records = await db.consentRecord.findMany({
      orderBy: { id: "asc" },
      take: PAGE_SIZE,
      ...(after ? { where: { id: { gt: after } } } : {}),
    });
    if (records.length === 0) break;
    const events = await db.auditEvent.findMany({
      where: {
        subjectType: "consent_record",
        subjectId: { in: records.map((r) => r.id) },
        action: { in: SIGNING_ACTIONS },
      },
      select: { subjectId: true, data: true },
    });
    const auditedHashes = new Set(
      events.map((e) => `${e.subjectId}:${(e.data as { contentHash?: unknown } | null)?.contentHash}`),
    );
    for (const record of records) {
      consentRecords.checked += 1;
      if (!verifyConsentRecord({ ...record, statements: record.statements as unknown as ConsentStatementAnswer[] })) {
        consentRecords.changed.push(record.id);
      }
      if (!auditedHashes.has(`${record.id}:${record.contentHash}`)) consentRecords.signingNotAudited.push(record.id);
    }
    after = records.at(-1)!.id;
  }

  return {
    intact: auditChain.intact && consentRecords.changed.length === 0 && consentRecords.signingNotAudited.length === 0,
    auditChain,
    latestEvent: latest ? { id: latest.id.toString(), hash: latest.hash } : null,
    consentRecords,
  };
}

/** The report in a few plain lines, for the terminal and for logs of scheduled runs (ids only). */
export function describeEvidenceReport(report: EvidenceReport): string[] {
  const lines: string[] = [];
  const chain = report.auditChain;
  lines.push(
    chain.intact
      ? `Audit chain: intact (${chain.eventsChecked} events checked).`
      : `Audit chain: BROKEN at event ${chain.brokenAtId} (${chain.problem}); ${chain.eventsChecked} events checked up to there.`,
  );
  if (report.latestEvent) lines.push(`Latest event: ${report.latestEvent.id}, hash ${report.latestEvent.hash}.`);
  const consent = report.consentRecords;
  const list = (ids: string[]) =>
    `${ids.slice(0, 10).join(", ")}${ids.length > 10 ? `, and ${ids.length - 10} more` : ""}`;
  if (consent.changed.length === 0 && consent.signingNotAudited.length === 0) {
    lines.push(`Consent records: all ${consent.checked} match their hashes and their signing events.`);
  } else {
    if (consent.changed.length > 0) {
      lines.push(
        `Consent records: ${consent.changed.length} of ${consent.checked} CHANGED since signing (hash does not match): ${list(consent.changed)}.`,
      );
    }
    if (consent.signingNotAudited.length > 0) {
      lines.push(
        `Consent records: ${consent.signingNotAudited.length} of ${consent.checked} have NO signing event with their hash in the audit log: ${list(consent.signingNotAudited)}.`,
      );
    }
  }
  lines.push(
    report.intact
      ? "Result: the evidence is intact."
      : "Result: the evidence has been tampered with or damaged. Investigate before relying on this database.",
  );
  return lines;
}
