import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { studySlugSchema } from "./study-settings-form";

/**
 * One study for the dashboard, by its slug, with the versions of its documents (newest first) and which
 * of them is current. Null when there is no such study (the page answers 404). Any researcher may see it.
 */
export async function findStudyForAdmin(db: Database, _actor: Researcher, slug: string) {
  if (!studySlugSchema.safeParse(slug).success) return null;
  const study = await db.study.findUnique({
    where: { slug },
    include: {
      informationSheets: {
        orderBy: { createdAt: "desc" },
        select: { id: true, version: true, versionDate: true, title: true, publishedAt: true, createdAt: true },
      },
      consentForms: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          version: true,
          versionDate: true,
          title: true,
          publishedAt: true,
          createdAt: true,
          informationSheet: { select: { id: true, version: true } },
          _count: { select: { statements: true, consentRecords: true } },
        },
      },
    },
  });
  if (!study) return null;
  const current = <T extends { id: string; publishedAt: Date | null }>(docs: T[]) =>
    docs.filter((d) => d.publishedAt).sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime())[0]?.id ??
    null;
  return { ...study, currentSheetId: current(study.informationSheets), currentFormId: current(study.consentForms) };
}

export type StudyForAdmin = NonNullable<Awaited<ReturnType<typeof findStudyForAdmin>>>;
