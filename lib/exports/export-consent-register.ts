import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { formatUkSpreadsheetDateTime, ukIsoDay } from "@/lib/text/uk-day";
import { csvStream, exportFilename, type Cell } from "./csv-stream";
import type { CsvExport } from "./export-volunteers";

type Cursor = { signedAt: Date; id: string };
type RecordedStatement = { key: string; required: boolean; agreed: boolean };

/**
 * The consent register as CSV: one row per signed consent record, oldest first, with the person, the
 * study, the form and information sheet versions they signed, their answer to each optional statement (a
 * column per statement key; empty where that form did not have it), the typed name, when they signed (UK
 * time and ISO 8601), the record's id and its hash (to check against the stored record). Read in batches
 * by keyset pagination on (signed_at, id); audited with the number of rows before any row leaves.
 */
export async function exportConsentRegister(
  db: Database,
  actor: Researcher,
  options: { batchSize?: number } = {},
): Promise<CsvExport> {
  const batchSize = options.batchSize ?? 1000;
  const [{ now: asOf }] = await db.$queryRaw<[{ now: Date }]>`select now()`;
  // Every optional statement key of any form that has been signed, in study order, then form order.
  const optionalKeys = (
    await db.$queryRaw<{ key: string }[]>`
      select s.key from consent_statements s
      join consent_forms f on f.id = s.consent_form_id
      join studies st on st.id = f.study_id
      where not s.required and f.published_at is not null
      group by s.key order by min(st.display_order), min(s.position), s.key`
  ).map((r) => r.key);

  const rowCount = await db.$transaction(async (tx) => {
    const count = await tx.consentRecord.count({ where: { createdAt: { lte: asOf } } });
    await recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: actor.id,
      action: "export.consent_register",
      subjectType: "export",
      data: { rowCount: count, asOf: asOf.toISOString() },
    });
    return count;
  });

  const header = [
    "Full name",
    "Email",
    "Study",
    "Consent form version",
    "Consent form date",
    "Information sheet version",
    "Information sheet date",
    ...optionalKeys.map((key) => `Optional statement: ${key}`),
    "Signed name",
    "Signed (UK time)",
    "Signed (ISO 8601)",
    "Record ID",
    "SHA-256 hash",
  ];

  const readBatch = async (after: Cursor | null) => {
    const records = await db.consentRecord.findMany({
      where: {
        createdAt: { lte: asOf },
        ...(after
          ? { signedAt: { gte: after.signedAt }, OR: [{ signedAt: { gt: after.signedAt } }, { id: { gt: after.id } }] }
          : {}),
      },
      orderBy: [{ signedAt: "asc" }, { id: "asc" }],
      take: batchSize,
      select: {
        id: true,
        studyTitle: true,
        consentFormVersion: true,
        consentFormVersionDate: true,
        informationSheetVersion: true,
        informationSheetVersionDate: true,
        statements: true,
        signedName: true,
        signedAt: true,
        contentHash: true,
        participation: { select: { volunteer: { select: { fullName: true, email: true } } } },
      },
    });
    const rows: Cell[][] = records.map((r) => {
      const statements = r.statements as RecordedStatement[];
      const { volunteer } = r.participation;
      return [
        volunteer.fullName,
        volunteer.email,
        r.studyTitle,
        r.consentFormVersion,
        r.consentFormVersionDate.toISOString().slice(0, 10),
        r.informationSheetVersion,
        r.informationSheetVersionDate.toISOString().slice(0, 10),
        ...optionalKeys.map((key) => {
          const s = statements.find((x) => x.key === key);
          return s ? (s.agreed ? "Yes" : "No") : "";
        }),
        r.signedName,
        formatUkSpreadsheetDateTime(r.signedAt),
        r.signedAt.toISOString(),
        r.id,
        r.contentHash,
      ];
    });
    const last = records.at(-1);
    return { rows, next: last && records.length === batchSize ? { signedAt: last.signedAt, id: last.id } : null };
  };

  return {
    filename: exportFilename("consent-register", ukIsoDay(asOf)),
    rowCount,
    stream: csvStream(header, readBatch),
  };
}
