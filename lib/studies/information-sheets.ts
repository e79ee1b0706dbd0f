import "server-only";
import { getDb } from "@/lib/db/client";

/**
 * A published information sheet of a public study: the current one (the latest published), or an older
 * version by its label, which stays readable for the people who signed against it. Drafts are never shown.
 */
export async function findInformationSheet(studySlug: string, version?: string) {
  const study = await getDb().study.findFirst({
    where: { slug: studySlug, status: { in: ["RECRUITING", "CLOSED"] } },
    include: {
      informationSheets: {
        where: { publishedAt: { not: null } },
        orderBy: { publishedAt: "desc" },
        select: { id: true, version: true, versionDate: true, title: true, content: true, publishedAt: true },
      },
    },
  });
  if (!study) return null;
  const [current] = study.informationSheets;
  const sheet = version === undefined ? current : study.informationSheets.find((s) => s.version === version);
  if (!sheet || !current) return null;
  return {
    study: {
      slug: study.slug,
      title: study.title,
      ethicsCommittee: study.ethicsCommittee,
      ethicsReference: study.ethicsReference,
      contactName: study.contactName,
      contactEmail: study.contactEmail,
    },
    sheet,
    isCurrent: sheet.id === current.id,
    currentVersion: current.version,
    versions: study.informationSheets.map((s) => ({ version: s.version, versionDate: s.versionDate })),
  };
}

export type InformationSheetView = NonNullable<Awaited<ReturnType<typeof findInformationSheet>>>;
