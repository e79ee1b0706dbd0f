import type { Researcher } from "@/lib/auth/researcher-session";
import { NotAllowedError } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db/prisma";
import { eligibilityRulesSchema } from "@/lib/eligibility/rules";
import type { QuestionSetDefinition } from "@/lib/questions/definition";
import { publishedQuestionSet } from "@/lib/questions/published-questions";
import type { PublicStudy } from "./public-study";
import { studySlugSchema } from "./study-settings-form";

/**
 * A study's public content as the public would see it, for a signed-in researcher to preview before (or
 * after) it opens: the study as the public list shows it, the information sheet (the newest draft, or the
 * current version) and the questions (the draft, or the published version). Never for the public: the
 * actor must be a signed-in researcher, and nothing here is reachable from a public page.
 */
export async function studyPreview(db: Database, actor: Researcher | null, slug: string) {
  if (!actor) throw new NotAllowedError("Only the study team can preview a study.");
  if (!studySlugSchema.safeParse(slug).success) return null;
  const study = await db.study.findUnique({
    where: { slug },
    include: {
      informationSheets: {
        orderBy: { createdAt: "desc" },
        select: { version: true, versionDate: true, title: true, content: true, publishedAt: true },
      },
    },
  });
  if (!study) return null;
  const rules = eligibilityRulesSchema.safeParse(study.eligibilityRules);
  const publicStudy: PublicStudy = {
    slug: study.slug,
    kind: study.kind,
    title: study.title,
    shortTitle: study.shortTitle,
    summary: study.summary,
    whatTakingPartInvolves: study.whatTakingPartInvolves,
    whoCanTakePart: rules.success ? rules.data.criteria.map((c) => c.description) : [],
    ethicsCommittee: study.ethicsCommittee,
    ethicsReference: study.ethicsReference,
    targetMin: study.targetMin,
    targetMax: study.targetMax,
    contactName: study.contactName,
    contactEmail: study.contactEmail,
    status: study.status,
  };
  const draftSheet = study.informationSheets.find((s) => !s.publishedAt);
  const currentSheet = study.informationSheets
    .filter((s) => s.publishedAt)
    .sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime())[0];
  const [draftQuestions, published] = await Promise.all([
    db.questionSetVersion.findFirst({
      where: { questionSetId: study.questionSetId, publishedAt: null },
      select: { version: true, definition: true },
    }),
    publishedQuestionSet(db, study.questionSetId),
  ]);
  const questions: { version: number; draft: boolean; definition: QuestionSetDefinition } | null = draftQuestions
    ? { version: draftQuestions.version, draft: true, definition: draftQuestions.definition as QuestionSetDefinition }
    : published
      ? { version: published.version, draft: false, definition: published.definition }
      : null;
  const sheet = draftSheet ?? currentSheet ?? null;
  return {
    study: publicStudy,
    sheet: sheet ? { ...sheet, draft: !sheet.publishedAt } : null,
    questions,
  };
}
