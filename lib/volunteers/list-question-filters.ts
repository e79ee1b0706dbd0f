import "server-only";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { publishedQuestionSets } from "@/lib/questions/published-questions";
import type { QuestionSetDefinition } from "@/lib/questions/definition";
import { questionFilters, type QuestionFilter } from "./question-filters";

/**
 * The published question sets in use, newest published version of each, in the order of the first study
 * that uses it (studies in display order). With a study's slug, that study's set only; a slug that is no
 * study's gives every set, as the list then is not filtered by study. Any signed-in researcher may read them.
 */
export async function questionSetsInUse(
  db: Database,
  _actor: Researcher,
  studySlug?: string,
): Promise<{ title: string; definition: QuestionSetDefinition }[]> {
  const studies = await db.study.findMany({
    select: { slug: true, questionSetId: true },
    orderBy: [{ displayOrder: "asc" }, { createdAt: "asc" }],
  });
  const chosen = studies.filter((s) => s.slug === studySlug);
  const ids = [...new Set((chosen.length > 0 ? chosen : studies).map((s) => s.questionSetId))];
  const published = await publishedQuestionSets(db, ids);
  return ids.flatMap((id) => {
    const set = published.get(id);
    return set ? [{ title: set.title, definition: set.definition }] : [];
  });
}

/** The volunteers list's filters on screening answers (lib/volunteers/question-filters.ts). */
export async function listQuestionFilters(
  db: Database,
  actor: Researcher,
  studySlug?: string,
): Promise<QuestionFilter[]> {
  const sets = await questionSetsInUse(db, actor, studySlug);
  return questionFilters(sets.map((s) => s.definition));
}
