import type { Database } from "@/lib/db/prisma";
import { questionSetDefinitionSchema, type QuestionSetDefinition } from "./definition";

/** The version of a question set that people answer now: the newest published one. */
export type PublishedQuestionSet = {
  questionSetId: string;
  slug: string;
  title: string;
  versionId: string;
  version: number;
  publishedAt: Date;
  definition: QuestionSetDefinition;
};

/**
 * The newest published version of each of these question sets (none for a set with no published version
 * yet), parsed with the same schema that checked it when it was saved: a malformed stored definition fails
 * loudly here rather than drawing a broken page.
 */
export async function publishedQuestionSets(
  db: Database,
  questionSetIds: readonly string[],
): Promise<Map<string, PublishedQuestionSet>> {
  if (questionSetIds.length === 0) return new Map();
  const versions = await db.questionSetVersion.findMany({
    where: { questionSetId: { in: [...new Set(questionSetIds)] }, publishedAt: { not: null } },
    orderBy: [{ questionSetId: "asc" }, { version: "desc" }],
    distinct: ["questionSetId"],
    select: {
      id: true,
      version: true,
      publishedAt: true,
      definition: true,
      questionSet: { select: { id: true, slug: true, title: true } },
    },
  });
  return new Map(
    versions.map((v) => [
      v.questionSet.id,
      {
        questionSetId: v.questionSet.id,
        slug: v.questionSet.slug,
        title: v.questionSet.title,
        versionId: v.id,
        version: v.version,
        publishedAt: v.publishedAt!,
        definition: questionSetDefinitionSchema.parse(v.definition),
      },
    ]),
  );
}

export async function publishedQuestionSet(db: Database, questionSetId: string): Promise<PublishedQuestionSet | null> {
  return (await publishedQuestionSets(db, [questionSetId])).get(questionSetId) ?? null;
}

/** The questions a study's people answer now, by the study's id; null while its set has no published version. */
export async function publishedQuestionsOfStudy(db: Database, studyId: string): Promise<PublishedQuestionSet | null> {
  const study = await db.study.findUnique({ where: { id: studyId }, select: { questionSetId: true } });
  return study ? publishedQuestionSet(db, study.questionSetId) : null;
}
