import type { z } from "zod";
import { pageAnswerSchema, pageContextCodes, questionsBefore } from "@/lib/questions/answer-schema";
import type { Question, QuestionPage, QuestionSetDefinition } from "@/lib/questions/definition";
import {
  aboutYouFields,
  aboutYouSchema,
  chooseStudiesSchema,
  takingPartFields,
  takingPartSchema,
  takingPartWithoutStudiesSchema,
  type StudyChoice,
} from "./schema";

/**
 * The registration journey, made from the recruiting studies' published question sets: "About you", then
 * (when every recruiting study shares one set) that set's pages and "Taking part" with the study choice;
 * or (when more than one set recruits) "Choose studies", the pages of the chosen studies' sets (each set
 * once, in the order of its first study) and "Taking part" without the study choice. Pure: the pages and
 * the server actions ask it which steps there are, which comes next and which one to answer first.
 */

/** A published version of a question set, as the journey needs it. */
export type JourneyQuestionSet = { questionSetId: string; versionId: string; definition: QuestionSetDefinition };

/** A recruiting study, in display order, with the set its people answer. */
export type JourneyStudy = StudyChoice & { questionSet: JourneyQuestionSet };

export type JourneyStep =
  | { kind: "about-you"; slug: "about-you"; title: string; fields: string[] }
  | { kind: "choose-studies"; slug: "choose-studies"; title: string; fields: string[] }
  | {
      kind: "questions";
      slug: string;
      title: string;
      /** The codes this page posts. */
      fields: string[];
      /** Codes of several-choices questions (boxes sharing a name, posted as lists). */
      listFields: string[];
      /** Codes of earlier answers this page's conditions read (saved, not posted with the page). */
      contextFields: string[];
      page: QuestionPage;
      earlierQuestions: Question[];
      questionSet: JourneyQuestionSet;
    }
  | { kind: "taking-part"; slug: "taking-part"; title: string; fields: string[]; withStudyChoice: boolean };

/** Where the draft keeps, per question page, the question set version its answers were given to. */
export const PAGE_VERSIONS_KEY = "_pageVersions";

export const CHOOSE_STUDIES_TITLE = "Choose studies";

/** The sets recruiting now, each once, in the order of its first study. */
export function recruitingQuestionSets(studies: readonly JourneyStudy[]): JourneyQuestionSet[] {
  const sets = new Map<string, JourneyQuestionSet>();
  for (const study of studies) {
    if (!sets.has(study.questionSet.questionSetId)) sets.set(study.questionSet.questionSetId, study.questionSet);
  }
  return [...sets.values()];
}

/** True when the study choice has its own page: the recruiting studies use more than one set. */
export function choosesStudiesFirst(studies: readonly JourneyStudy[]): boolean {
  return recruitingQuestionSets(studies).length > 1;
}

function chosenSlugs(answers: Readonly<Record<string, unknown>>): string[] {
  const value = answers.studies;
  return Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
}

/**
 * The sets whose questions this person answers: every recruiting set when there is one, otherwise the sets
 * of the studies chosen (each once, in the order of its first study).
 */
export function answeredQuestionSets(
  studies: readonly JourneyStudy[],
  answers: Readonly<Record<string, unknown>>,
): JourneyQuestionSet[] {
  if (!choosesStudiesFirst(studies)) return recruitingQuestionSets(studies);
  const chosen = chosenSlugs(answers);
  return recruitingQuestionSets(studies.filter((s) => chosen.includes(s.slug)));
}

/** The steps for this person now, in order. */
export function journeySteps(
  studies: readonly JourneyStudy[],
  answers: Readonly<Record<string, unknown>>,
): JourneyStep[] {
  const several = choosesStudiesFirst(studies);
  const steps: JourneyStep[] = [
    { kind: "about-you", slug: "about-you", title: "About you", fields: Object.keys(aboutYouFields) },
  ];
  if (several) {
    steps.push({
      kind: "choose-studies",
      slug: "choose-studies",
      title: CHOOSE_STUDIES_TITLE,
      fields: ["studies", "website"],
    });
  }
  for (const set of answeredQuestionSets(studies, answers)) {
    for (const page of set.definition.pages) {
      steps.push({
        kind: "questions",
        slug: page.slug,
        title: page.title,
        fields: [...page.questions.map((q) => q.code), "website"],
        listFields: page.questions.filter((q) => q.kind === "several-choices").map((q) => q.code),
        contextFields: pageContextCodes(page),
        page,
        earlierQuestions: questionsBefore(set.definition, page.slug),
        questionSet: set,
      });
    }
  }
  const takingPart = Object.keys(takingPartFields([])).filter((f) => !several || f !== "studies");
  steps.push({
    kind: "taking-part",
    slug: "taking-part",
    title: "Taking part",
    fields: takingPart,
    withStudyChoice: !several,
  });
  return steps;
}

/** The schema that checks one step's answers, in the browser and in the server action. */
export function stepSchemaOf(step: JourneyStep, studies: readonly StudyChoice[]): z.ZodType {
  switch (step.kind) {
    case "about-you":
      return aboutYouSchema;
    case "choose-studies":
      return chooseStudiesSchema(studies);
    case "questions":
      return pageAnswerSchema(step.page, step.earlierQuestions);
    case "taking-part":
      return step.withStudyChoice ? takingPartSchema(studies) : takingPartWithoutStudiesSchema(studies);
  }
}

/** The question set version each question page was answered from, as the draft recorded it. */
export function pageVersions(answers: Readonly<Record<string, unknown>>): Record<string, string> {
  const value = answers[PAGE_VERSIONS_KEY];
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}

/** Whether a step's saved answers are complete and, for a question page, were given to the version asked now. */
export function stepComplete(
  step: JourneyStep,
  studies: readonly StudyChoice[],
  answers: Readonly<Record<string, unknown>>,
): boolean {
  if (step.kind === "questions" && pageVersions(answers)[step.slug] !== step.questionSet.versionId) return false;
  return stepSchemaOf(step, studies).safeParse(answers).success;
}

/** The first step whose answers are missing, no longer valid or given to older questions; null when all are done. */
export function firstIncompleteStep(
  studies: readonly JourneyStudy[],
  answers: Readonly<Record<string, unknown>>,
): JourneyStep | null {
  return journeySteps(studies, answers).find((step) => !stepComplete(step, studies, answers)) ?? null;
}

/** The address of the first step to answer, or check-your-answers when all are done. */
export function firstIncompletePath(
  studies: readonly JourneyStudy[],
  answers: Readonly<Record<string, unknown>>,
): string {
  const step = firstIncompleteStep(studies, answers);
  return step ? `/register/${step.slug}` : "/register/check-answers";
}

export function nextStepPath(steps: readonly JourneyStep[], slug: string): string {
  const index = steps.findIndex((s) => s.slug === slug);
  const next = index === -1 ? undefined : steps[index + 1];
  return next ? `/register/${next.slug}` : "/register/check-answers";
}

export function previousStepPath(steps: readonly JourneyStep[], slug: string): string {
  const index = steps.findIndex((s) => s.slug === slug);
  const previous = index > 0 ? steps[index - 1] : undefined;
  return previous ? `/register/${previous.slug}` : "/register";
}

/** "Register your interest: step 2 of 4". */
export function stepCaption(steps: readonly JourneyStep[], slug: string): string {
  const index = steps.findIndex((s) => s.slug === slug);
  return `Register your interest: step ${index + 1} of ${steps.length}`;
}
