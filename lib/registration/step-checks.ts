import {
  answeredQuestionSets,
  pageVersions,
  recruitingQuestionSets,
  type JourneyQuestionSet,
  type JourneyStep,
  type JourneyStudy,
} from "./journey";

/** The hidden field on every question page naming the question set version the page was drawn from. */
export const QUESTION_SET_VERSION_FIELD = "questionSetVersion";

/**
 * Why a post to a registration step is refused, before its answers are even read:
 * - "unknown-page": no recruiting set has such a page;
 * - "page-not-chosen": a page of a set the person's chosen studies do not ask;
 * - "stale-version": the page was drawn from a version of the questions that is no longer the published one;
 * - "foreign-answers": it carries answers to questions that are not on it (another study's set, say).
 */
export type StepRefusal = "unknown-page" | "page-not-chosen" | "stale-version" | "foreign-answers";

export function refusedStepPost(
  studies: readonly JourneyStudy[],
  steps: readonly JourneyStep[],
  slug: string,
  formData: FormData,
): StepRefusal | null {
  const step = steps.find((s) => s.slug === slug);
  const sets = recruitingQuestionSets(studies);
  if (!step) {
    const anySetHasIt = sets.some((set) => set.definition.pages.some((p) => p.slug === slug));
    return anySetHasIt ? "page-not-chosen" : "unknown-page";
  }
  if (step.kind === "questions" && formData.get(QUESTION_SET_VERSION_FIELD) !== step.questionSet.versionId) {
    return "stale-version";
  }
  const questionCodes = new Set(
    sets.flatMap((set) => set.definition.pages.flatMap((p) => p.questions.map((q) => q.code))),
  );
  const posted = new Set(formData.keys());
  for (const code of posted) {
    if (questionCodes.has(code) && !step.fields.includes(code)) return "foreign-answers";
  }
  return null;
}

/** The sets the person answers whose pages were answered to a version that is no longer the published one. */
export function staleAnsweredSets(
  studies: readonly JourneyStudy[],
  answers: Readonly<Record<string, unknown>>,
): JourneyQuestionSet[] {
  const versions = pageVersions(answers);
  return answeredQuestionSets(studies, answers).filter((set) =>
    set.definition.pages.some((page) => versions[page.slug] !== undefined && versions[page.slug] !== set.versionId),
  );
}
