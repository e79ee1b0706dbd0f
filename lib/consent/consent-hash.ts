import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/text/canonical-json";

/** Everything a consent record says, as stored; the hash covers all of it. */
export type ConsentRecordContent = {
  participationId: string;
  consentFormId: string;
  informationSheetId: string;
  studyTitle: string;
  ethicsReference: string | null;
  consentFormVersion: string;
  consentFormVersionDate: Date;
  informationSheetVersion: string;
  informationSheetVersionDate: Date;
  statements: readonly ConsentStatementAnswer[];
  signedName: string;
  signedAt: Date;
};

export type ConsentStatementAnswer = {
  position: number;
  key: string;
  text: string;
  required: boolean;
  agreed: boolean;
};

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The canonical text of a record: version 1 of the format, sorted keys, dates as ISO 8601 (days for
 * document dates, milliseconds for the signing time, as stored). Anyone with the record can recompute it.
 */
export function canonicalConsentRecord(record: ConsentRecordContent): string {
  return canonicalJson({
    format: "consent-record/1",
    participationId: record.participationId,
    consentFormId: record.consentFormId,
    informationSheetId: record.informationSheetId,
    studyTitle: record.studyTitle,
    ethicsReference: record.ethicsReference,
    consentFormVersion: record.consentFormVersion,
    consentFormVersionDate: day(record.consentFormVersionDate),
    informationSheetVersion: record.informationSheetVersion,
    informationSheetVersionDate: day(record.informationSheetVersionDate),
    statements: record.statements.map((s) => ({
      position: s.position,
      key: s.key,
      text: s.text,
      required: s.required,
      agreed: s.agreed,
    })),
    signedName: record.signedName,
    signedAt: record.signedAt.toISOString(),
  });
}

export function hashConsentRecord(record: ConsentRecordContent): string {
  return createHash("sha256").update(canonicalConsentRecord(record), "utf8").digest("hex");
}

/** True when the stored hash still matches the stored content: nothing was changed after signing. */
export function verifyConsentRecord(record: ConsentRecordContent & { contentHash: string }): boolean {
  return hashConsentRecord(record) === record.contentHash;
}
