import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";

export type StudyListItem = {
  id: string;
  slug: string;
  kind: "INTERVIEW" | "WORKSHOP";
  title: string;
  status: "DRAFT" | "RECRUITING" | "CLOSED";
  targetMin: number | null;
  targetMax: number | null;
  invitationMode: "AUTOMATIC" | "AFTER_TRIAGE";
  currentSheetVersion: string | null;
  currentFormVersion: string | null;
  drafts: number;
};

/** Every study, in the team's order, with its current document versions. Any researcher may see them. */
export async function listStudies(db: Database, _actor: Researcher): Promise<StudyListItem[]> {
  const studies = await db.study.findMany({
    orderBy: [{ displayOrder: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      slug: true,
      kind: true,
      title: true,
      status: true,
      targetMin: true,
      targetMax: true,
      invitationMode: true,
      informationSheets: { select: { version: true, publishedAt: true }, orderBy: { createdAt: "asc" } },
      consentForms: { select: { version: true, publishedAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
  const latestPublished = (docs: { version: string; publishedAt: Date | null }[]) =>
    docs.filter((d) => d.publishedAt).sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime())[0]?.version ??
    null;
  return studies.map((s) => ({
    id: s.id,
    slug: s.slug,
    kind: s.kind,
    title: s.title,
    status: s.status,
    targetMin: s.targetMin,
    targetMax: s.targetMax,
    invitationMode: s.invitationMode,
    currentSheetVersion: latestPublished(s.informationSheets),
    currentFormVersion: latestPublished(s.consentForms),
    drafts: [...s.informationSheets, ...s.consentForms].filter((d) => !d.publishedAt).length,
  }));
}
