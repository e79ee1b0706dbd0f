import "server-only";
import { firstErrorPerField, type FormValues } from "@/lib/forms/form-state";
import {
  answeredQuestionSets,
  firstIncompletePath,
  journeySteps,
  nextStepPath,
  PAGE_VERSIONS_KEY,
  pageVersions,
  stepSchemaOf,
  type JourneyStep,
  type JourneyStudy,
} from "./journey";
import { registrationSchema, type RegistrationAnswers } from "./schema";
import { saveDraftAnswers, type Draft } from "./drafts";
import { refusedStepPost, staleAnsweredSets, type StepRefusal } from "./step-checks";
import { stepValues } from "./step-values";

/** What became of one step's post. */
export type StepPostResult =
  /** Refused before its answers were read; nothing saved. */
  | { kind: "refused"; reason: StepRefusal }
  /** Answers with errors, for the page to show with what was posted; nothing saved. */
  | { kind: "invalid"; errors: Record<string, string>; values: FormValues }
  /** Saved; the address to go to next. */
  | { kind: "saved"; next: string };

/** Saved answers the page's checks read but the page does not post (earlier answers its conditions name). */
function contextValues(answers: Record<string, unknown>, codes: readonly string[]): FormValues {
  const values: FormValues = {};
  for (const code of codes) {
    const v = answers[code];
    if (typeof v === "string") values[code] = v;
    else if (Array.isArray(v)) values[code] = v.map(String);
  }
  return values;
}

/** The answers as saved, with the version the page just answered recorded (as saveDraftAnswers does). */
function savedWithVersion(saved: Record<string, unknown>, step: JourneyStep): Record<string, unknown> {
  if (step.kind !== "questions") return saved;
  return { ...saved, [PAGE_VERSIONS_KEY]: { ...pageVersions(saved), [step.slug]: step.questionSet.versionId } };
}

/**
 * One registration step's post, checked as the server action must: a page no longer asked, of a set the
 * person did not choose, drawn from older questions, or carrying answers to another page's questions is
 * refused and nothing is saved; otherwise its answers are checked with the page's schema and saved to the
 * draft with the version they answered.
 */
export async function saveStepPost(
  draft: Draft,
  studies: readonly JourneyStudy[],
  slug: string,
  formData: FormData,
  returnToCheck: boolean,
): Promise<StepPostResult> {
  const steps = journeySteps(studies, draft.answers);
  const refusal = refusedStepPost(studies, steps, slug, formData);
  const current = steps.find((s) => s.slug === slug);
  if (refusal || !current) return { kind: "refused", reason: refusal ?? "unknown-page" };

  const values = stepValues(formData, current.fields, current.kind === "questions" ? current.listFields : []);
  const context =
    current.kind === "questions"
      ? contextValues(draft.answers, current.contextFields)
      : current.kind === "taking-part" && !current.withStudyChoice
        ? contextValues(draft.answers, ["studies"])
        : {};
  const parsed = stepSchemaOf(current, studies).safeParse({ ...context, ...values });
  if (!parsed.success)
    return { kind: "invalid", errors: firstErrorPerField(parsed.error), values: { ...context, ...values } };
  const { website, ...answers } = parsed.data as Record<string, unknown> & { website?: string };
  await saveDraftAnswers(
    draft.id,
    answers,
    Boolean(website),
    current.kind === "questions" ? { page: current.slug, versionId: current.questionSet.versionId } : undefined,
  );
  const saved = savedWithVersion({ ...draft.answers, ...answers }, current);
  // The steps after choosing studies depend on the choice; a change may need new pages answered.
  return {
    kind: "saved",
    next: returnToCheck ? firstIncompletePath(studies, saved) : nextStepPath(journeySteps(studies, saved), slug),
  };
}

/** What the final submit may send on, checked against the questions asked now. */
export type SubmitCheck =
  /** A page was answered to a version of its questions that is no longer the published one. */
  | { kind: "questions-changed" }
  /** Something is missing or no longer valid (a study closed, a tampered draft): the page to fix it on. */
  | { kind: "incomplete"; path: string }
  | { kind: "ready"; answers: RegistrationAnswers };

export function checkDraftForSubmit(studies: readonly JourneyStudy[], answers: Record<string, unknown>): SubmitCheck {
  if (staleAnsweredSets(studies, answers).length > 0) return { kind: "questions-changed" };
  const sets = answeredQuestionSets(studies, answers);
  const parsed = registrationSchema(
    studies,
    sets.map((s) => s.definition),
  ).safeParse(answers);
  const incomplete = firstIncompletePath(studies, answers);
  if (incomplete !== "/register/check-answers") return { kind: "incomplete", path: `${incomplete}?change=1` };
  if (!parsed.success) return { kind: "incomplete", path: incomplete };
  return { kind: "ready", answers: parsed.data };
}
