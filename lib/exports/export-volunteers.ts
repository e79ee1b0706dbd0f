import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { questionSetsInUse } from "@/lib/volunteers/list-question-filters";
import { answerColumns, answerInWords } from "./answer-columns";
import { formatUkSpreadsheetDateTime, ukIsoDay } from "@/lib/text/uk-day";
import { csvStream, exportFilename, type Cell } from "./csv-stream";
import { eligibilityLabel, statusForResearchers } from "@/lib/participation/status-words";

export type CsvExport = { filename: string; rowCount: number; stream: ReadableStream<Uint8Array> };
type Cursor = { createdAt: Date; id: string };

/** screening_answers is an object by the database's own default; anything else reads as no answers. */
function answersOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The volunteer list as CSV: one row per volunteer with their details, for each study their status and
 * eligibility, then their latest answer to each question of the published question sets in use
 * (screening_answers, in words; lib/exports/answer-columns.ts). Any researcher may export it; the export is audited (with the number of rows) before
 * any row leaves. It holds everyone registered up to the moment it starts, read in pages of `batchSize`
 * in registration order (keyset pagination on created_at, id), so 100,000 volunteers never sit in memory.
 */
export async function exportVolunteers(
  db: Database,
  actor: Researcher,
  options: { batchSize?: number } = {},
): Promise<CsvExport> {
  const batchSize = options.batchSize ?? 1000;
  const [{ now: asOf }] = await db.$queryRaw<[{ now: Date }]>`select now()`;
  const studies = await db.study.findMany({
    orderBy: [{ displayOrder: "asc" }, { createdAt: "asc" }],
    select: { id: true, shortTitle: true },
  });
  const rowCount = await db.$transaction(async (tx) => {
    const count = await tx.volunteer.count({ where: { createdAt: { lte: asOf } } });
    await recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: actor.id,
      action: "export.volunteers",
      subjectType: "export",
      data: { rowCount: count, asOf: asOf.toISOString() },
    });
    return count;
  });

  const fixedHeader = [
    "Volunteer ID",
    "Full name",
    "Email",
    "Phone",
    "NHS organisation",
    "Staff group",
    "Job title",
    "Region",
    "Partnership country",
    "Registered (UK time)",
    "Registered (ISO 8601)",
    "Personal data erased",
    ...studies.flatMap((s) => [`${s.shortTitle}: status`, `${s.shortTitle}: eligibility`]),
  ];
  // The staff group and region cells above are worded as the published questions of those codes word them.
  const columns = answerColumns(await questionSetsInUse(db, actor), fixedHeader);
  const header = [...fixedHeader, ...columns.map((c) => c.header)];
  const inWords = (code: string, value: string) => {
    const column = columns.find((c) => c.code === code);
    return column ? answerInWords(column, value) : value;
  };

  const readBatch = async (after: Cursor | null) => {
    const volunteers = await db.volunteer.findMany({
      where: {
        createdAt: { lte: asOf, ...(after ? { gte: after.createdAt } : {}) },
        ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { id: { gt: after.id } }] } : {}),
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: batchSize,
      select: {
        id: true,
        fullName: true,
        email: true,
        phone: true,
        employer: true,
        staffGroup: true,
        jobTitle: true,
        region: true,
        partnershipCountry: true,
        screeningAnswers: true,
        createdAt: true,
        erasedAt: true,
      },
    });
    const participations = volunteers.length
      ? await db.participation.findMany({
          where: { volunteerId: { in: volunteers.map((v) => v.id) } },
          select: { volunteerId: true, studyId: true, status: true, eligibility: true, eligibilityOverride: true },
        })
      : [];
    const byVolunteer = new Map<string, typeof participations>();
    for (const p of participations) byVolunteer.set(p.volunteerId, [...(byVolunteer.get(p.volunteerId) ?? []), p]);
    const rows: Cell[][] = volunteers.map((v) => {
      const theirs = byVolunteer.get(v.id) ?? [];
      return [
        v.id,
        v.fullName,
        v.email,
        v.phone,
        v.employer,
        v.staffGroup ? inWords("staffGroup", v.staffGroup) : "",
        v.jobTitle,
        v.region ? inWords("region", v.region) : "",
        v.partnershipCountry,
        formatUkSpreadsheetDateTime(v.createdAt),
        v.createdAt.toISOString(),
        v.erasedAt ? "Yes" : "No",
        ...studies.flatMap((s) => {
          const p = theirs.find((x) => x.studyId === s.id);
          return p
            ? [statusForResearchers[p.status].label, eligibilityLabel(p.eligibility, p.eligibilityOverride)]
            : ["Not registered", ""];
        }),
        ...columns.map((c) => answerInWords(c, answersOf(v.screeningAnswers)[c.code])),
      ];
    });
    const last = volunteers.at(-1);
    return { rows, next: last && volunteers.length === batchSize ? { createdAt: last.createdAt, id: last.id } : null };
  };

  return { filename: exportFilename("volunteers", ukIsoDay(asOf)), rowCount, stream: csvStream(header, readBatch) };
}
